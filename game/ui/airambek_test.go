package ui

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAirambekPreview draws the preview an author asks for of the
// scenario written from the reference alone (ili shot FILE --no-fog
// --no-stories --labels all): every unit and every place named, against
// testdata/airambek-preview.png.
func TestAirambekPreview(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	file := filepath.Join("..", "scenario", "testdata", "airambek-1944.toml")
	data, drawn, err := Shot(Options{Scenario: file, Side: "provincial", Seed: 1},
		ShotOptions{Width: 1280, Height: 800, Scale: 1, NoFog: true, NoStories: true, AllLabels: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(drawn.Counters) != 7 { // every unit on the map at the start: the relief comes in January
		t.Errorf("%d counters drawn, want 7", len(drawn.Counters))
	}
	var names []string
	for _, l := range drawn.Labels {
		names = append(names, l.Text)
	}
	for _, want := range []string{"Airambek airfield", "Kuei Wang temple", "Airambek barracks", "Ghulja (Yining)", "Road to the Talki pass"} {
		if !strings.Contains(strings.Join(names, "|"), want) {
			t.Errorf("the place %q is not named; the labels are %v", want, names)
		}
	}
	compareGolden(t, data, filepath.Join("testdata", "airambek-preview.png"))
}
