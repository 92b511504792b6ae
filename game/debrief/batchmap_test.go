package debrief

import (
	"testing"

	"ili/game/scenario"
	"ili/game/whatif"
)

// TestBatchMap: a batch's map of fights and captures is painted without a
// display, the hexes where it fought tinted red.
func TestBatchMap(t *testing.T) {
	sc, err := scenario.Load("nilka-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := whatif.Run(whatif.Setup{Scenario: sc}, whatif.Options{Runs: 4, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rep := whatif.NewReport(whatif.Setup{Scenario: sc}, whatif.Meta{Seed: 1}, b)
	if len(rep.Summary.Fights) == 0 {
		t.Fatal("four runs of nilka-1944 fought nowhere")
	}
	img, err := BatchMap(sc, rep.Summary, rep.Header(100))
	if err != nil {
		t.Fatal(err)
	}
	red := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			c := img.RGBAAt(x, y)
			if c.R > 150 && c.G < 90 && c.B < 90 {
				red++
			}
		}
	}
	if bounds.Dx() != MapWidth || red < 200 {
		t.Errorf("a %v map with %d red pixels", bounds, red)
	}
}
