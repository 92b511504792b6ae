package debrief

import (
	"fmt"
	"image"
	"image/color"
	"maps"
	"math"
	"slices"

	"ili/game/hex"
	"ili/game/match"
	"ili/game/paint"
	"ili/game/scenario"
	"ili/game/whatif"
)

// BatchMap paints where the fights and the captures of a batch were, over
// the scenario's map as the window paints it, without counters and
// without a display: each hex where runs fought tinted red, the darker the
// more of the batch's fights it saw; each place that gives points ringed
// in the colour of the side that held it most often at the end, the ring
// the thicker the more often the place changed hands. header is written
// above the map (the setup in full), the legend below.
func BatchMap(sc *scenario.Scenario, sum whatif.Summary, header []string) (*image.RGBA, error) {
	return batchMap(sc, sum, header, true)
}

// BareBatchMap is BatchMap's map alone, without a header or the legend,
// for a front end that writes BatchLegend in its own type.
func BareBatchMap(sc *scenario.Scenario, sum whatif.Summary) (*image.RGBA, error) {
	return batchMap(sc, sum, nil, false)
}

// batchMap paints the batch's map under the header, with the legend
// below it or not.
func batchMap(sc *scenario.Scenario, sum whatif.Summary, header []string, legend bool) (*image.RGBA, error) {
	m, _, err := match.New(sc, whatif.Setup{Scenario: sc}.Config(1))
	if err != nil {
		return nil, err
	}
	v := m.Truth()
	v.Units = nil
	const line, pad = 16, 8
	top := pad + line*len(header)
	cam, mapH := mapLayout(v.Map)
	cam.Y -= float64(top) / cam.Scale
	below := 0
	if legend {
		below = 3 * line
	}
	img, err := paint.NewImage(MapWidth, top+mapH+below, color.RGBA{70, 80, 90, 255})
	if err != nil {
		return nil, err
	}
	var b paint.Batch
	b.On(img)
	paint.Map(img, &b, v, cam, &paint.Standard, 11)
	most, _, _ := fightCounts(sum)
	for _, f := range sum.Fights {
		x, y := cam.ToScreen(paint.Unit.Center(hex.FromOffset(f.Col, f.Row)))
		a := 0.2 + 0.65*math.Sqrt(float64(f.N)/float64(most))
		b.Hex(x, y, 0.92*cam.Scale, premul(200, 30, 30, a), premul(200, 30, 30, a))
	}
	for _, p := range sc.Places {
		st, ok := sum.Places[p.ID]
		if !ok || st.Changed.Count == 0 {
			continue
		}
		x, y := cam.ToScreen(paint.Unit.Center(p.Hex))
		c := color.RGBA{255, 255, 255, 255}
		if i := sc.Setup.SideIndex(mostOften(sum.Owners[p.ID])); i >= 0 {
			c = paint.Standard.Sides[i%len(paint.Standard.Sides)]
		}
		r := math.Max(7, 1.25*cam.Scale)
		b.Ring(x, y, r, math.Max(1.5, 0.4*r*st.Changed.Share), c)
	}
	b.Flush()
	white := color.RGBA{240, 240, 240, 255}
	for i, h := range header {
		img.Draw(h, pad, float64(pad+i*line), 12, white)
	}
	if legend {
		for i, l := range BatchLegend(sum) {
			img.Draw(l, pad, float64(top+mapH+i*line), 12, white)
		}
	}
	return img.Picture(), nil
}

// BatchLegend is the legend of a batch's map, a sentence a line.
func BatchLegend(sum whatif.Summary) []string {
	most, where, total := fightCounts(sum)
	return []string{
		fmt.Sprintf("Red hexes: the %d fights of %d runs, the darker the more (most: %d at %d,%d).", total, sum.Runs, most, where.Col, where.Row),
		"Rings: places that changed hands, the thicker the more often, in the colour of the side that held them most often at the end.",
	}
}

// fightCounts are the most fights at a hex, that hex and the fights in all.
func fightCounts(sum whatif.Summary) (most int, where whatif.HexCount, total int) {
	for _, f := range sum.Fights {
		total += f.N
		if f.N > most {
			most, where = f.N, f
		}
	}
	return most, where, total
}

// premul is a colour at alpha a, premultiplied as the painter takes it.
func premul(r, g, b uint8, a float64) color.RGBA {
	m := func(c uint8) uint8 { return uint8(math.Round(float64(c) * a)) }
	return color.RGBA{m(r), m(g), m(b), uint8(math.Round(255 * a))}
}

// mostOften is the holder with the most runs, "" for none or nobody.
func mostOften(held map[string]whatif.Share) string {
	best, n := "", 0
	for _, side := range slices.Sorted(maps.Keys(held)) {
		if held[side].Count > n {
			best, n = side, held[side].Count
		}
	}
	if best == "nobody" {
		return ""
	}
	return best
}
