package rules

import "fmt"

// Terrain is the ground of one hex.
type Terrain uint8

// The terrain types of the Ili valley, Dzungaria and the Tian Shan.
const (
	Plain    Terrain = iota // steppe and open plain
	Farm                    // farmland and oasis, irrigated and cut by ditches
	Desert                  // gravel and sand desert (gobi)
	Hills                   // foothills and broken ground
	Mountain                // mountain ranges
	Pass                    // high passes such as the Muzart and the Talki gorge
	Glacier                 // glaciers and peaks: impassable
	Marsh                   // reed marsh and river flood plain
	Lake                    // open water: impassable
	Town                    // small towns and villages
	City                    // city blocks
	NumTerrain
)

var terrainNames = [NumTerrain]string{"plain", "farm", "desert", "hills", "mountain", "pass", "glacier", "marsh", "lake", "town", "city"}

// String returns the terrain's name as scenario files write it.
func (t Terrain) String() string {
	if t < NumTerrain {
		return terrainNames[t]
	}
	return fmt.Sprintf("terrain(%d)", uint8(t))
}

// ParseTerrain returns the terrain with the given name.
func ParseTerrain(name string) (Terrain, bool) {
	for i, n := range terrainNames {
		if n == name {
			return Terrain(i), true
		}
	}
	return 0, false
}

// TerrainNames lists every terrain name in order.
func TerrainNames() []string { return terrainNames[:] }

// TerrainInfo holds the fixed properties of a terrain type.
type TerrainInfo struct {
	// Impassable ground no unit can enter.
	Impassable bool
	// Height for line of sight: a hex between observer and target blocks the
	// view when it is higher than both.
	Height int
	// Relief and Cover feed the combat model (see Terrain in combat.go).
	Relief Relief
	Cover  int // 0 bare, 1 mixed, 2 dense (orchards, reeds, buildings)
	Urban  bool
	Marsh  bool
	Desert bool
}

// Info returns the properties of t.
func (t Terrain) Info() TerrainInfo {
	if t >= NumTerrain {
		return TerrainInfo{Impassable: true}
	}
	return terrainInfo[t]
}

var terrainInfo = [NumTerrain]TerrainInfo{
	Plain:    {Relief: Flat},
	Farm:     {Relief: Flat, Cover: 1},
	Desert:   {Relief: Flat, Desert: true},
	Hills:    {Height: 2, Relief: Rolling, Cover: 1},
	Mountain: {Height: 3, Relief: Rugged, Cover: 1},
	Pass:     {Height: 3, Relief: Rugged},
	Glacier:  {Impassable: true, Height: 4, Relief: Rugged},
	Marsh:    {Relief: Flat, Cover: 2, Marsh: true},
	Lake:     {Impassable: true},
	Town:     {Height: 1, Relief: Flat, Cover: 2, Urban: true},
	City:     {Height: 1, Relief: Flat, Cover: 2, Urban: true},
}

// Relief is how broken the ground is, for combat.
type Relief uint8

// Relief classes, in the order of the CDB90 terrain codes.
const (
	Flat Relief = iota
	Rolling
	Rugged
)
