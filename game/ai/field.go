package ai

import (
	"sync"

	"ili/game/hex"
	"ili/game/rules"
)

// A field holds, for every hex of a map, the march minutes to one goal by one
// mode of movement, over the terrain alone (no units). Maps never change, so
// fields are computed once per scenario and shared by every game and goroutine.
type field []int32

const unreachable = int32(1 << 30)

type fieldKey struct {
	m    *rules.Map
	mode *rules.Mode
	goal hex.Hex
}

var fields sync.Map // fieldKey -> field

// distances returns the field toward goal for mode on the view's map.
func distances(v *rules.View, mode *rules.Mode, goal hex.Hex) field {
	key := fieldKey{v.Map, mode, goal}
	if f, ok := fields.Load(key); ok {
		return f.(field)
	}
	f := make(field, len(v.Map.Terrain))
	for i := range f {
		f[i] = unreachable
	}
	// Dijkstra outward from the goal over reversed steps.
	grid := v.Map.Grid()
	cost := func(a, b hex.Hex) (int, bool) { return v.StepCost(mode, b, a) }
	for h, c := range grid.Reach(goal, cost, 1<<29) {
		f[v.Map.Index(h)] = int32(c)
	}
	fields.Store(key, f)
	return f
}

func (f field) at(v *rules.View, h hex.Hex) int32 {
	i := v.Map.Index(h)
	if i < 0 {
		return unreachable
	}
	return f[i]
}
