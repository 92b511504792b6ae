package paint

import (
	"image/color"
	"testing"

	"ili/game/hex"
	"ili/game/rules"
)

// crowded is a view of a small open map with places in a block of
// neighbouring hexes, more than there is room to name beside their marks.
func crowded() *rules.View {
	m := rules.NewMap(10, 8)
	v := &rules.View{Setup: &rules.Setup{Map: m}, Visible: make([]bool, 10*8)}
	names := []string{"Karasu crossing", "Old caravanserai", "Tugh mill", "Sheep station", "Well of the Seven", "Little Bazaar",
		"Kok-terek", "Upper ford", "Lower ford", "Salt lick", "Red cliff", "Poplar grove", "Camel wells", "Stone bridge", "Ferry", "Mill race"}
	for i, n := range names {
		v.Places = append(v.Places, rules.Place{ID: n, Name: n, Hex: hex.FromOffset(3+i%4, 2+i/4), VP: 1})
	}
	return v
}

// TestAllLabels: with AllLabels every name that finds room beside its mark
// is where it would be without, and the names left out without it find
// room farther off, clear of every other name and mark.
func TestAllLabels(t *testing.T) {
	v := crowded()
	img, err := NewImage(600, 400, color.White)
	if err != nil {
		t.Fatal(err)
	}
	cam := Camera{X: -3, Y: -2, Scale: 36}
	o := placeOptions{fontSize: 18, area: Box{0, 0, 600, 400}}
	_, some := layoutPlaces(img, v, cam, o, nil)
	o.all = true
	marks, all := layoutPlaces(img, v, cam, o, nil)
	if len(some) >= len(v.Places) {
		t.Fatalf("every place is named without AllLabels (%d): the test shows nothing", len(some))
	}
	if len(all) <= len(some) {
		t.Errorf("AllLabels names %d places, no more than the %d without it", len(all), len(some))
	}
	for i, lb := range some {
		if all[i] != lb {
			t.Errorf("name %d moved with AllLabels: %v, was %v", i, all[i], lb)
		}
	}
	for i, a := range all {
		for j, b := range all[:i] {
			if a.Overlaps(b.Box) {
				t.Errorf("%q overlaps %q", a.Text, all[j].Text)
			}
		}
		for _, m := range marks {
			if a.Overlaps(m.box()) {
				t.Errorf("%q covers the mark of %s", a.Text, m.p.ID)
			}
		}
		var markBoxes []Box
		for _, m := range marks {
			markBoxes = append(markBoxes, m.box())
		}
		for _, m := range marks {
			if m.p.ID == a.Place && !leaderClear(m, a.Box, markBoxes) {
				t.Errorf("the line to %q crosses another place's mark", a.Text)
			}
		}
		if !a.Inside(o.area) {
			t.Errorf("%q leaves the area: %v", a.Text, a.Box)
		}
	}
}
