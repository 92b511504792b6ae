package ai

import (
	"sync"
	"sync/atomic"

	"ili/game/hex"
	"ili/game/rules"
)

// A field holds, for every hex of a map, the march minutes to one goal by one
// mode of movement, over the terrain alone (no units). Maps never change, so
// fields are computed once per scenario and shared by every game and goroutine.
type field []int32

const unreachable = int32(1 << 30)

// modeFields are the fields of one map and mode, by the goal's map index,
// each worked out the first time it is asked for, with the reversed step
// table they are searched over.
type modeFields struct {
	m     *rules.Map
	mode  *rules.Mode
	once  sync.Once
	rev   *hex.Table // the cost of stepping from each hex's neighbour into it
	goals []atomic.Pointer[field]
}

type fieldKey struct {
	m    *rules.Map
	mode *rules.Mode
}

var (
	fieldSets sync.Map // fieldKey -> *modeFields
	// recent are the last few sets asked for, looked through before
	// fieldSets: an AI asks for thousands of fields a phase, of a few sets.
	recent atomic.Pointer[[]*modeFields]
)

const recentSets = 8

// fieldsOf returns the fields of mode on m.
func fieldsOf(m *rules.Map, mode *rules.Mode) *modeFields {
	if r := recent.Load(); r != nil {
		for _, fs := range *r {
			if fs.m == m && fs.mode == mode {
				return fs
			}
		}
	}
	v, ok := fieldSets.Load(fieldKey{m, mode})
	if !ok {
		v, _ = fieldSets.LoadOrStore(fieldKey{m, mode}, &modeFields{m: m, mode: mode, goals: make([]atomic.Pointer[field], len(m.Terrain))})
	}
	fs := v.(*modeFields)
	// The newest first; a lost race only drops one set from the list.
	next := []*modeFields{fs}
	if r := recent.Load(); r != nil {
		for _, o := range *r {
			if len(next) < recentSets && o != fs {
				next = append(next, o)
			}
		}
	}
	recent.Store(&next)
	return fs
}

// distances returns the field toward goal for mode on the view's map.
func distances(v *rules.View, mode *rules.Mode, goal hex.Hex) field {
	return fieldsOf(v.Map, mode).toward(v, goal)
}

// toward is distances for the set's map and mode, for a caller that asks
// for many goals of one set.
func (fs *modeFields) toward(v *rules.View, goal hex.Hex) field {
	mode := fs.mode
	gi := v.Map.Index(goal)
	if gi < 0 {
		return offMap(len(v.Map.Terrain))
	}
	if f := fs.goals[gi].Load(); f != nil {
		return *f
	}
	fs.once.Do(func() {
		fs.rev = v.Map.Grid().NewTable(func(a, b hex.Hex) (int, bool) { return v.StepCost(mode, b, a) })
	})
	// Dijkstra outward from the goal over reversed steps.
	f := field(fs.rev.Reach([]int32{int32(gi)}, 1<<29, hex.Limits{}, nil))
	for i, c := range f {
		if c < 0 {
			f[i] = unreachable
		}
	}
	fs.goals[gi].CompareAndSwap(nil, &f) // a field worked out twice is the same field
	return *fs.goals[gi].Load()
}

// offMap is the field toward a goal off the map of n hexes: nothing
// reaches it.
func offMap(n int) field {
	f := make(field, n)
	for i := range f {
		f[i] = unreachable
	}
	return f
}

func (f field) at(v *rules.View, h hex.Hex) int32 {
	i := v.Map.Index(h)
	if i < 0 {
		return unreachable
	}
	return f[i]
}
