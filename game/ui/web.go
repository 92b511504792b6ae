package ui

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
)

// Probe is what the browser's page can read of the game (window.ili.state()
// in the page, made by web_js.go): which screen is up and, in a game, the
// state and its hash. With the page's test hook on (?test=1), it also says
// where on the screen the side to move's units stand and where the
// selected unit can go, so that a test can click them as a person would.
type Probe struct {
	Scene  string `json:"scene"` // the screen: title, play, picker, load...
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Frames int    `json:"frames"` // frames drawn
	Ticks  int    `json:"ticks"`  // updates: frames of input read
	Status string `json:"status,omitempty"`
	// A game's state.
	Scenario string `json:"scenario,omitempty"`
	Turn     int    `json:"turn,omitempty"`
	ToMove   string `json:"toMove,omitempty"`
	Person   bool   `json:"person,omitempty"` // a person is to move
	Hash     string `json:"hash,omitempty"`   // the state's hash, as saves record it
	Commands int    `json:"commands,omitempty"`
	Stories  int    `json:"stories,omitempty"` // stories on screen, unread
	Menu     bool   `json:"menu,omitempty"`    // the game's menu is open
	Over     bool   `json:"over,omitempty"`
	// With the test hook.
	Items    []ProbeItem  `json:"items,omitempty"` // the menu on screen, if one is
	Selected string       `json:"selected,omitempty"`
	Units    []ProbeUnit  `json:"units,omitempty"`
	Reach    []ProbePoint `json:"reach,omitempty"`
}

// ProbeItem is an item of the menu on screen and its middle.
type ProbeItem struct {
	Label string  `json:"label"`
	Off   bool    `json:"off,omitempty"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
}

// probeMenu lists a menu's items where they are drawn.
func probeMenu(m *menu) []ProbeItem {
	if m == nil {
		return nil
	}
	var out []ProbeItem
	for i, label := range m.items {
		out = append(out, ProbeItem{Label: label, Off: m.off[i], X: m.x + m.w/2, Y: m.y + (float64(i)+0.5)*m.rowHeight()})
	}
	return out
}

// ProbeUnit is one of the side to move's active units and the middle of
// its hex on the screen.
type ProbeUnit struct {
	ID string `json:"id"`
	ProbePoint
}

// ProbePoint is a hex, as the scenario's files write it (column, row), and
// its middle on the screen.
type ProbePoint struct {
	Col int     `json:"col"`
	Row int     `json:"row"`
	X   float64 `json:"x"`
	Y   float64 `json:"y"`
	// On is whether the point is on the map's part of the screen (not under
	// the bar, the panel or off the edge).
	On bool `json:"on"`
}

// probe reads the game; detail adds the units and the reach.
func (g *Game) probe(detail bool) Probe {
	name := strings.ToLower(strings.TrimPrefix(fmt.Sprintf("%T", g.scene), "*ui."))
	pr := Probe{Scene: name, Width: g.w, Height: g.h, Frames: g.frames, Ticks: g.ticks}
	var m *menu
	switch s := g.scene.(type) {
	case *Title:
		pr.Status, m = s.status, s.menu
	case *LoadScreen:
		pr.Status, m = s.status, s.menu
	case *Play:
		s.probe(&pr, detail)
		m = s.menu
	}
	if detail {
		pr.Items = probeMenu(m)
	}
	return pr
}

// probe fills in a game's part of the probe.
func (p *Play) probe(pr *Probe, detail bool) {
	pr.Scenario, pr.Turn, pr.ToMove, pr.Person = p.sc.ID, p.m.Turn(), p.m.ToMove(), p.m.PersonToMove()
	pr.Hash, pr.Commands, pr.Stories, pr.Menu, pr.Over = p.m.Hash(), p.m.Commands(), len(p.stories), p.menu != nil, p.m.Over()
	if !detail {
		return
	}
	pr.Selected = p.sel.unit
	point := func(h hex.Hex) ProbePoint {
		x, y := p.cam.ToScreen(paint.Unit.Center(h))
		col, row := h.Offset()
		on := x >= 0 && x < float64(p.w-p.a.panelW) && y > float64(p.a.barH) && y < float64(p.h)
		return ProbePoint{Col: col, Row: row, X: x, Y: y, On: on}
	}
	for _, u := range p.currentView().Units {
		if u.Side == pr.ToMove && u.Status == rules.Active {
			pr.Units = append(pr.Units, ProbeUnit{ID: u.ID, ProbePoint: point(u.Hex)})
		}
	}
	reach := slices.SortedFunc(maps.Keys(p.sel.reach), hex.Compare)
	for _, h := range reach {
		pr.Reach = append(pr.Reach, point(h))
	}
}
