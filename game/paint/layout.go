package paint

import "math"

// Box is a rectangle on the canvas, in pixels from the top left: a
// label's, a counter's, a panel's.
type Box struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// Overlaps reports whether a and b overlap.
func (a Box) Overlaps(b Box) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// Inside reports whether a lies wholly within b.
func (a Box) Inside(b Box) bool {
	return a.X >= b.X && a.Y >= b.Y && a.X+a.W <= b.X+b.W && a.Y+a.H <= b.Y+b.H
}

// Union is the smallest box holding a and b.
func (a Box) Union(b Box) Box {
	x0, y0 := math.Min(a.X, b.X), math.Min(a.Y, b.Y)
	x1, y1 := math.Max(a.X+a.W, b.X+b.W), math.Max(a.Y+a.H, b.Y+b.H)
	return Box{x0, y0, x1 - x0, y1 - y0}
}

// Layout is what a drawing of the map put where, in canvas pixels from the
// top left: each stack's counter, each place's name, and the panels the
// window draws over the map. Drawing functions append to one when they are
// given it, from the boxes they draw, so that it says what was drawn.
type Layout struct {
	Width    int          `json:"width"`
	Height   int          `json:"height"`
	Counters []CounterBox `json:"counters"`
	Labels   []LabelBox   `json:"labels"`
	Panels   []PanelBox   `json:"panels"`
	// Texts are the words the window writes in its panels (the bar's, the
	// side panel's), each line's box, to check they fit their panel.
	Texts []TextBox `json:"texts,omitempty"`
}

// TextBox is a line of words a panel shows: the panel's name, the words
// and the box they take.
type TextBox struct {
	Panel string `json:"panel"`
	Text  string `json:"text"`
	Box
}

// CounterBox is a stack's top counter as drawn: its unit, its box, the men
// written on it (the stack's total) and whether that text is wider or
// taller than its room on the counter. Extent is all the stack covers: the
// counters behind the top one and the marks above it.
type CounterBox struct {
	Unit string `json:"unit"`
	Box
	Text    string `json:"text"`
	Clipped bool   `json:"clipped"`
	Units   int    `json:"units"`
	Men     int    `json:"men"`
	Extent  Box    `json:"extent"`
}

// LabelBox is a place's name as drawn, with its background.
type LabelBox struct {
	Text  string `json:"text"`
	Place string `json:"place"`
	Box
}

// PanelBox is a panel the window draws over the map: the bar, the side
// panel, the minimap, the hover line, a popup.
type PanelBox struct {
	Name string `json:"name"`
	Box
}

// Round rounds every box of the layout to a tenth of a pixel, for a file.
func (l *Layout) Round() {
	r := func(b *Box) {
		for _, f := range []*float64{&b.X, &b.Y, &b.W, &b.H} {
			*f = math.Round(*f*10) / 10
		}
	}
	for i := range l.Counters {
		r(&l.Counters[i].Box)
		r(&l.Counters[i].Extent)
	}
	for i := range l.Labels {
		r(&l.Labels[i].Box)
	}
	for i := range l.Panels {
		r(&l.Panels[i].Box)
	}
	for i := range l.Texts {
		r(&l.Texts[i].Box)
	}
}
