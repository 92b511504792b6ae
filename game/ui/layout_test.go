package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/paint"
	"ili/game/scenario"
)

// layoutSizes are the windows the layout is checked at.
var layoutSizes = [][2]int{{1920, 1080}, {1280, 800}, {1280, 720}}

// TestLayout draws every bundled scenario as `ili shot` does, from each
// side's view, at 1920x1080, 1280x800 and 1280x720 and at interface sizes
// of 100% and 150%, and checks what the frame drew where (checkLayout);
// then it draws the whole map fitted into the window, zoomed out as far as
// a person would, where the names must still keep clear of each other, of
// the counters and of the panels. The frames are drawn without a window:
// the layout comes from the drawing, which needs none.
func TestLayout(t *testing.T) {
	ids := scenario.Bundled()
	if len(ids) < 4 {
		t.Fatalf("bundled scenarios: %v", ids)
	}
	for _, id := range ids {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, sd := range sc.Setup.Sides {
			for _, size := range layoutSizes {
				for _, scale := range []float64{1, 1.5} {
					name := fmt.Sprintf("%s/%s/%dx%d/%.0f%%", id, sd.ID, size[0], size[1], scale*100)
					t.Run(name, func(t *testing.T) {
						so := ShotOptions{Width: size[0], Height: size[1], Scale: scale}
						p, err := shotPlay(Options{Scenario: id, Side: sd.ID, Seed: 1}, so)
						if err != nil {
							t.Fatal(err)
						}
						img := ebiten.NewImage(so.Width, so.Height)
						defer img.Deallocate()
						p.Draw(img)
						checkLayout(t, p.layout, so, true)
						keepLayout(t, p.layout, name)
						p.cam = paint.FitCamera(sc.Setup.Map, so.Width-p.a.panelW, so.Height-p.a.barH)
						p.cam.Y -= float64(p.a.barH) / p.cam.Scale
						if p.cam.Scale >= OpeningHex*scale {
							return // the map opened whole
						}
						p.Draw(img)
						checkLayout(t, p.layout, so, false)
						keepLayout(t, p.layout, name+"/whole")
					})
				}
			}
		}
	}
}

// keepLayout writes a layout into the folder $ILI_LAYOUT_OUT, to look at.
func keepLayout(t *testing.T, l *paint.Layout, name string) {
	if dir := os.Getenv("ILI_LAYOUT_OUT"); dir != "" {
		data, _ := json.MarshalIndent(l, "", " ")
		os.WriteFile(filepath.Join(dir, strings.NewReplacer("/", "-", "%", "").Replace(name)+".json"), data, 0o644)
	}
}

// TestShotLayout takes a shot in a window, as `ili shot --layout` does,
// and checks the layout it hands back with the picture.
func TestShotLayout(t *testing.T) {
	if !ownProcess(t) {
		return
	}
	so := ShotOptions{Width: 1280, Height: 720, Scale: 1}
	data, l, err := Shot(Options{Scenario: "manas-1945", Seed: 1}, so)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) == 0 || l == nil {
		t.Fatal("no picture or no layout")
	}
	checkLayout(t, l, so, true)
	compareGolden(t, data, "testdata/manas-opening.png")
}

// checkLayout checks a frame's layout: it has the window's size, the bar,
// the side panel and the minimap; it has names; no name overlaps another
// name or a counter (with the counters behind it and its marks), crosses a
// panel or leaves the window. At the map's opening zoom, there are
// counters, and every one is at least 32 pixels across, clear of the other
// stacks' counters, with its men written on it unclipped.
func checkLayout(t *testing.T, l *paint.Layout, so ShotOptions, opening bool) {
	t.Helper()
	if l == nil {
		t.Fatal("no layout")
	}
	if l.Width != so.Width || l.Height != so.Height {
		t.Errorf("the layout is of %dx%d", l.Width, l.Height)
	}
	names := map[string]bool{}
	for _, p := range l.Panels {
		names[p.Name] = true
	}
	for _, want := range []string{"bar", "panel", "minimap"} {
		if !names[want] {
			t.Errorf("no %s among the panels %+v", want, l.Panels)
		}
	}
	if names["story"] || names["menu"] || names["help"] {
		t.Errorf("a popup covers the map: %+v", l.Panels)
	}
	if (opening && len(l.Counters) == 0) || len(l.Labels) == 0 {
		t.Fatalf("%d counters and %d names drawn", len(l.Counters), len(l.Labels))
	}
	window := paint.Box{W: float64(l.Width), H: float64(l.Height)}
	for i, a := range l.Labels {
		if !a.Box.Inside(window) {
			t.Errorf("%q at %+v leaves the window", a.Text, a.Box)
		}
		for _, p := range l.Panels {
			if a.Box.Overlaps(p.Box) {
				t.Errorf("%q at %+v crosses the %s at %+v", a.Text, a.Box, p.Name, p.Box)
			}
		}
		for _, b := range l.Labels[i+1:] {
			if a.Box.Overlaps(b.Box) {
				t.Errorf("%q at %+v overlaps %q at %+v", a.Text, a.Box, b.Text, b.Box)
			}
		}
		for _, c := range l.Counters {
			if a.Box.Overlaps(c.Extent) || a.Box.Overlaps(c.Box) {
				t.Errorf("%q at %+v overlaps the counter of %s at %+v", a.Text, a.Box, c.Unit, c.Extent)
			}
		}
	}
	checkTexts(t, l)
	if !opening {
		return
	}
	for i, c := range l.Counters {
		if c.W < 32 {
			t.Errorf("the counter of %s is %.1f px across", c.Unit, c.W)
		}
		if c.Text == "" || c.Clipped {
			t.Errorf("the counter of %s shows %q (clipped %v) for %d men", c.Unit, c.Text, c.Clipped, c.Men)
		}
		for _, d := range l.Counters[i+1:] {
			if c.Extent.Overlaps(d.Extent) {
				t.Errorf("the counters of %s at %+v and %s at %+v overlap", c.Unit, c.Extent, d.Unit, d.Extent)
			}
		}
	}
}

// checkTexts checks the words the panels write: the bar's lie within the
// bar, clear of its buttons; the side panel's within the panel, clear of
// the minimap.
func checkTexts(t *testing.T, l *paint.Layout) {
	t.Helper()
	boxes := map[string][]paint.Box{}
	for _, p := range l.Panels {
		boxes[p.Name] = append(boxes[p.Name], p.Box)
	}
	if len(boxes["button"]) == 0 {
		t.Errorf("the bar has no buttons among the panels %+v", l.Panels)
	}
	n := map[string]int{}
	for _, tx := range l.Texts {
		n[tx.Panel]++
		in := boxes[tx.Panel]
		if len(in) == 0 {
			t.Errorf("%q is written in the %s, which is not drawn", tx.Text, tx.Panel)
			continue
		}
		// A line's height is that of its face; the words are within the
		// panel across, and their top and most of their height within it.
		if tx.X < in[0].X || tx.X+tx.W > in[0].X+in[0].W || tx.Y < in[0].Y || tx.Y+tx.H*0.8 > in[0].Y+in[0].H {
			t.Errorf("%q at %+v leaves the %s at %+v", tx.Text, tx.Box, tx.Panel, in[0])
		}
		against := map[string][]string{"bar": {"button"}, "panel": {"minimap"}}[tx.Panel]
		for _, name := range against {
			for _, b := range boxes[name] {
				if tx.Box.Overlaps(b) {
					t.Errorf("%q at %+v runs under the %s at %+v", tx.Text, tx.Box, name, b)
				}
			}
		}
	}
	if n["bar"] == 0 || n["panel"] == 0 {
		t.Errorf("the bar writes %d pieces and the panel %d lines", n["bar"], n["panel"])
	}
}

// TestPanelFits selects, in every bundled scenario from each side, at
// every window size and interface size the layout is checked at, the unit
// with the longest name, and weighs an attack where one can be made: the
// panel's words stay within it, clear of the minimap, the bar's clear of
// its buttons, and the preview shows its target, headline, the causes that
// weigh most and how to attack.
func TestPanelFits(t *testing.T) {
	weighed := 0
	for _, id := range scenario.Bundled() {
		sc, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, sd := range sc.Setup.Sides {
			for _, size := range layoutSizes {
				for _, scale := range []float64{1, 1.5} {
					name := fmt.Sprintf("%s/%s/%dx%d/%.0f%%", id, sd.ID, size[0], size[1], scale*100)
					t.Run(name, func(t *testing.T) {
						so := ShotOptions{Width: size[0], Height: size[1], Scale: scale}
						p, err := shotPlay(Options{Scenario: id, Side: sd.ID, Seed: 1}, so)
						if err != nil {
							t.Fatal(err)
						}
						if !p.m.PersonToMove() {
							t.Skip("the AI's phase")
						}
						img := ebiten.NewImage(so.Width, so.Height)
						defer img.Deallocate()
						v := p.currentView()
						long := ""
						for _, u := range v.Units {
							if u.Side == v.Side && len(u.Name) > len(p.names.unit(long)) {
								long = u.ID
							}
						}
						p.Select(long)
						p.Draw(img)
						checkTexts(t, p.layout)
						q := p.m.Query(v.Side)
						for _, e := range v.Units {
							if e.Side == v.Side || len(q.Attackers(e.Hex)) == 0 {
								continue
							}
							p.Select(q.Attackers(e.Hex)[0])
							p.ClickHex(e.Hex)
							if p.sel.preview == nil {
								continue
							}
							p.Draw(img)
							checkTexts(t, p.layout)
							shown := ""
							for _, tx := range p.layout.Texts {
								if tx.Panel == "panel" {
									shown += tx.Text + " "
								}
							}
							for _, want := range []string{"ATTACK", "Attacker wins", "What weighs most", "Click the target again to attack", "F or a click here"} {
								if !strings.Contains(shown, want) {
									t.Errorf("the preview does not show %q: %s", want, shown)
								}
							}
							weighed++
							break
						}
					})
				}
			}
		}
	}
	if weighed < 6 {
		t.Errorf("only %d previews weighed", weighed)
	}
}
