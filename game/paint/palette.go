package paint

import (
	"image/color"

	"ili/game/rules"
)

// Palette is the colours the map is drawn in.
type Palette struct {
	Terrain  [rules.NumTerrain]color.RGBA
	Sides    []color.RGBA // by side index
	River    color.RGBA
	Road     color.RGBA // a road's fill
	RoadCase color.RGBA // the casing round it
	Track    color.RGBA
	Grid     color.RGBA
	Text     color.RGBA
	Panel    color.RGBA
	Reach    color.RGBA
	Select   color.RGBA
}

// Standard is the default palette: muted earth tones for Xinjiang's steppe,
// oases, desert and mountains.
var Standard = Palette{
	Terrain: [rules.NumTerrain]color.RGBA{
		rules.Plain:    {196, 196, 140, 255},
		rules.Farm:     {150, 182, 104, 255},
		rules.Desert:   {226, 208, 160, 255},
		rules.Hills:    {176, 156, 110, 255},
		rules.Mountain: {140, 120, 100, 255},
		rules.Pass:     {166, 150, 132, 255},
		rules.Glacier:  {236, 242, 248, 255},
		rules.Marsh:    {128, 168, 140, 255},
		rules.Lake:     {110, 160, 210, 255},
		rules.Town:     {186, 170, 150, 255},
		rules.City:     {160, 144, 132, 255},
	},
	Sides:    []color.RGBA{{200, 60, 50, 255}, {60, 100, 170, 255}, {80, 150, 80, 255}, {150, 90, 160, 255}},
	River:    color.RGBA{60, 120, 200, 255},
	Road:     color.RGBA{246, 214, 120, 255},
	RoadCase: color.RGBA{92, 60, 38, 255},
	Track:    color.RGBA{104, 74, 48, 255},
	Grid:     color.RGBA{0, 0, 0, 40},
	Text:     color.RGBA{20, 20, 20, 255},
	Panel:    color.RGBA{245, 240, 228, 235},
	Reach:    color.RGBA{255, 255, 255, 90},
	Select:   color.RGBA{255, 220, 0, 255},
}

// ColourBlind swaps the side colours for the Okabe-Ito pair that stays apart
// under every common colour-vision deficiency.
var ColourBlind = func() Palette {
	p := Standard
	p.Sides = []color.RGBA{{213, 94, 0, 255}, {0, 114, 178, 255}, {0, 158, 115, 255}, {204, 121, 167, 255}}
	p.River = color.RGBA{86, 180, 233, 255}
	return p
}()

// Shade darkens a colour by f (0..1); above 1 it lightens it, each
// channel at most 255.
func Shade(c color.RGBA, f float64) color.RGBA {
	ch := func(v uint8) uint8 { return uint8(min(255, float64(v)*f)) }
	return color.RGBA{ch(c.R), ch(c.G), ch(c.B), c.A}
}
