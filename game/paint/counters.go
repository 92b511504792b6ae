package paint

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	"ili/game/hex"
	"ili/game/rules"
)

// A counter is CounterSize wide and CounterHeight times that high; a hex's
// counter has its top CounterTop times its width above the hex's centre.
// The stack's other counters show behind it, each LayerStep times its
// width up and to the right of the one before, MaxBehind of them at most.
const (
	CounterHeight = 0.8
	CounterTop    = 0.35
	LayerStep     = 0.12
	MaxBehind     = 2
)

// CounterSize is the width of a counter on a map drawn at scale (pixels a
// hex's size): 1.1 hex sizes, two thirds of the hex across, so that
// neighbours' counters stay apart; at least 10 pixels.
func CounterSize(scale float64) float64 { return math.Max(10, scale*1.1) }

// counterBody is the box of the counter of size s on the hex whose centre
// is at (sx, sy).
func counterBody(sx, sy, s float64) Box {
	return Box{sx - s/2, sy - s*CounterTop, s, s * CounterHeight}
}

// readiness is how fit a unit is to fight, at a glance.
type readiness int

const (
	ready   readiness = iota // in supply, in order, good enough troops
	weak                     // poor troops (quality under 75%) or shaken (morale under 40)
	unready                  // out of supply or disordered
)

func readinessOf(u rules.Unit) readiness {
	switch {
	case !u.InSupply || u.Disordered:
		return unready
	case u.Quality < 75 || u.Morale < 40:
		return weak
	}
	return ready
}

// stack is the counters of one hex: the top counter's unit first (the
// selected unit, else the strongest), their men all told, the top
// counter's box and how many counters show behind it.
type stack struct {
	units  []rules.Unit
	men    int
	body   Box
	behind int
	size   float64
}

// extent is all a stack covers: the counters behind the top one, up and
// to the right, and the bar of an entrenched stack above it.
func (s stack) extent(v *rules.View) Box {
	e := s.body
	off := float64(s.behind) * s.size * LayerStep
	e.W += off
	e.Y -= off
	e.H += off
	if s.units[0].Posture(v.Map) >= rules.Prepared {
		bar := entrenchBar(s.body)
		e = e.Union(Box{s.body.X, s.body.Y - off - bar, s.body.W, bar})
	}
	return e
}

// entrenchBar is the height of the bar over an entrenched counter.
func entrenchBar(body Box) float64 { return math.Max(2, body.H*0.1) }

// stacksOf gathers the active units of a view by hex, in a fixed order,
// leaving out those in hide, with their counters' boxes at cam.
func stacksOf(v *rules.View, cam Camera, selected string, hide map[string]bool) []stack {
	at := map[hex.Hex]int{}
	var out []stack
	size := CounterSize(cam.Scale)
	for _, u := range v.Units {
		if u.Status != rules.Active || hide[u.ID] {
			continue
		}
		i, ok := at[u.Hex]
		if !ok {
			i = len(out)
			at[u.Hex] = i
			sx, sy := cam.ToScreen(Unit.Center(u.Hex))
			out = append(out, stack{body: counterBody(sx, sy, size), size: size})
		}
		out[i].units = append(out[i].units, u)
		out[i].men += u.Men
	}
	for i := range out {
		us := out[i].units
		slices.SortStableFunc(us, func(a, b rules.Unit) int {
			if (a.ID == selected) != (b.ID == selected) {
				if a.ID == selected {
					return -1
				}
				return 1
			}
			if a.Men != b.Men {
				return b.Men - a.Men
			}
			return strings.Compare(a.ID, b.ID)
		})
		out[i].behind = min(len(us)-1, MaxBehind)
	}
	slices.SortFunc(out, func(a, b stack) int { return hex.Compare(a.units[0].Hex, b.units[0].Hex) })
	return out
}

// Counters draws each stack as NATO-style counters: the top counter in its
// side's colour with the symbol of its class, the men of the whole stack,
// a mark of its readiness, the number of counters when there are more than
// one, and the others edged out behind it. The counters go in one batch;
// their texts are drawn after it.
func Counters(cv Canvas, b *Batch, v *rules.View, cam Camera, pal *Palette, fontSize float64, selected string, hide map[string]bool) {
	drawCounters(cv, b, v, pal, stacksOf(v, cam, selected, hide), selected, nil)
}

// text is a text to draw once the batch is flushed.
type text struct {
	s          string
	x, y, size float64
	c          color.Color
}

func drawCounters(cv Canvas, b *Batch, v *rules.View, pal *Palette, stacks []stack, selected string, l *Layout) {
	cw, ch := cv.Size()
	var texts []text
	for _, s := range stacks {
		ext := s.extent(v)
		// Off the canvas (with a margin: a canvas may be part of a larger picture).
		if ext.X > float64(cw)+ext.W || ext.Y > float64(ch)+ext.H || ext.X+2*ext.W < 0 || ext.Y+2*ext.H < 0 {
			continue
		}
		for k := s.behind; k >= 1; k-- {
			off := float64(k) * s.size * LayerStep
			u := s.units[k]
			col := Shade(sideColour(pal, v, u.Side), 0.85)
			b.Rect(s.body.X+off, s.body.Y-off, s.body.W, s.body.H, col)
			b.Frame(s.body.X+off, s.body.Y-off, s.body.W, s.body.H, frameWidth(s.size), color.RGBA{20, 20, 20, 255})
		}
		worst := ready
		for _, u := range s.units {
			worst = max(worst, readinessOf(u))
		}
		top := s.units[0]
		if top.Posture(v.Map) >= rules.Prepared {
			bar := entrenchBar(s.body)
			off := float64(s.behind) * s.size * LayerStep
			b.Rect(s.body.X, s.body.Y-off-bar, s.body.W+off, bar, color.RGBA{90, 60, 30, 255})
		}
		b.counter(top, v, s.body, pal, top.ID == selected, worst)
		var str string
		var clipped bool
		texts, str, clipped = counterTexts(cv, texts, s.body, s.men, len(s.units))
		if l != nil && ext.Overlaps(Box{0, 0, float64(cw), float64(ch)}) {
			l.Counters = append(l.Counters, CounterBox{Unit: top.ID, Box: s.body, Text: str, Clipped: clipped, Units: len(s.units), Men: s.men, Extent: ext})
		}
	}
	b.Flush()
	for _, t := range texts {
		cv.Draw(t.s, t.x, t.y, t.size, t.c)
	}
}

// sideColour is the colour of a side on the map.
func sideColour(pal *Palette, v *rules.View, side string) color.RGBA {
	return pal.Sides[max(0, v.SideIndex(side))%len(pal.Sides)]
}

// frameWidth is the width of the dark frame of a counter of width size.
func frameWidth(size float64) float64 { return math.Max(1, size/40) }

// The parts of a counter, as shares of its width (x) and height (y): the
// symbol's box in the upper middle, the corners beside it (the readiness
// mark left, the count right), and the men across the lower part.
const (
	symbolW   = 0.42
	symbolH   = 0.34
	symbolTop = 0.07
	menTop    = 0.45
)

// minCounterText is the narrowest counter with its men written on it: a
// smaller one is a speck of colour on a map fitted whole.
const minCounterText = 22

// counterTexts adds the texts of a counter: the men across its lower part,
// sized to fit, and the number of counters in its stack in its upper
// right corner. It returns the men as written and whether they do not fit.
func counterTexts(t Text, texts []text, body Box, men, count int) ([]text, string, bool) {
	if body.W < minCounterText {
		return texts, "", false
	}
	fw := frameWidth(body.W)
	room := Box{body.X + fw + 1, body.Y + body.H*menTop, body.W - 2*fw - 2, body.H*(1-menTop) - fw}
	s, size, w, clipped := fitText(t, strengthForms(men), room.W, room.H, 6)
	white := color.RGBA{255, 255, 255, 255}
	texts = append(texts, text{s, room.X + (room.W-w)/2, room.Y + (room.H-size*1.2)/2, size, white})
	if count > 1 {
		sw := body.W * symbolW
		corner := Box{body.X + (body.W+sw)/2 + 1, body.Y + fw, (body.W-sw)/2 - fw - 1, body.H*(symbolTop+symbolH) + 1}
		n := fmt.Sprint(count)
		if cs, csize, cw, bad := fitText(t, []string{n}, corner.W, corner.H, 5); !bad {
			texts = append(texts, text{cs, corner.X + (corner.W-cw)/2, corner.Y + (corner.H-csize*1.2)/2, csize, white})
		}
	}
	return texts, s, clipped
}

// strengthForms are the ways to write a counter's men, longest first:
// 450; 2500 or 2.5k; 14k.
func strengthForms(men int) []string {
	switch {
	case men >= 10000:
		return []string{fmt.Sprintf("%dk", (men+500)/1000)}
	case men >= 1000:
		k := strings.TrimSuffix(fmt.Sprintf("%.1f", float64(men)/1000), ".0")
		return []string{fmt.Sprint(men), k + "k"}
	}
	return []string{fmt.Sprint(men)}
}

// fitText chooses the form of a text and its size for a room w by h: the
// largest size whose line (1.2 times the size) fits the room's height,
// made smaller until the text fits its width; a longer form is given up
// for the next when it would have to be made smaller than 0.85 of that
// size, and the last is made no smaller than least. It returns the form,
// its size and width, and whether it still does not fit.
func fitText(t Text, forms []string, w, h, least float64) (s string, size, width float64, clipped bool) {
	full := math.Floor(h/1.2*2) / 2
	for i, f := range forms {
		floor := full * 0.85
		if i == len(forms)-1 {
			floor = least
		}
		sz := full
		for sz >= floor {
			tw, _ := t.Measure(f, sz)
			if tw <= w {
				return f, sz, tw, false
			}
			// Text grows with its size: go straight to about the size that fits.
			sz = math.Min(sz-0.5, math.Floor(sz*w/tw*2)/2)
		}
	}
	s = forms[len(forms)-1]
	size = least
	width, _ = t.Measure(s, size)
	return s, size, width, width > w || size*1.2 > h
}

// Counter draws one counter, with its men, at once: x, y is its top-left
// corner and size its width.
func Counter(cv Canvas, b *Batch, u rules.Unit, v *rules.View, x, y, size float64, pal *Palette, fontSize float64, selected bool) {
	body := Box{x, y, size, size * CounterHeight}
	b.counter(u, v, body, pal, selected, readinessOf(u))
	b.Flush()
	texts, _, _ := counterTexts(cv, nil, body, u.Men, 1)
	for _, t := range texts {
		cv.Draw(t.s, t.x, t.y, t.size, t.c)
	}
}

// counter adds a counter's body, frame, symbol and readiness mark to the
// batch.
func (b *Batch) counter(u rules.Unit, v *rules.View, body Box, pal *Palette, selected bool, r readiness) {
	x, y, w, h := body.X, body.Y, body.W, body.H
	col := sideColour(pal, v, u.Side)
	b.Rect(x, y, w, h, col)
	if w >= minCounterText { // the men's band, a shade darker
		b.Rect(x, y+h*menTop, w, h*(1-menTop), Shade(col, 0.8))
	}
	// The symbol's box in the upper middle.
	sw, sh := w*symbolW, h*symbolH
	sx0, sy0 := x+(w-sw)/2, y+h*symbolTop
	white := color.RGBA{250, 250, 250, 255}
	lw := math.Max(1, w/36)
	b.Frame(sx0, sy0, sw, sh, lw, white)
	line := func(ax, ay, bx, by float64) { b.Line(ax, ay, bx, by, lw, white) }
	switch u.Type.Class {
	case rules.Infantry:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0, sy0+sh, sx0+sw, sy0)
	case rules.Cavalry:
		line(sx0, sy0+sh, sx0+sw, sy0)
	case rules.Artillery:
		b.Disc(sx0+sw/2, sy0+sh/2, sh/4, white)
	case rules.Motorised:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0, sy0+sh, sx0+sw, sy0)
		b.RingCircle(sx0+sw/2, sy0+sh*0.8, sh/5, lw, white)
	case rules.Headquarters:
		line(sx0+lw/2, sy0, sx0+lw/2, sy0+sh*1.25)
	case rules.Militia:
		line(sx0, sy0, sx0+sw, sy0+sh)
		line(sx0+sw*0.3, sy0+sh*0.5, sx0+sw*0.7, sy0+sh*0.5)
	case rules.Aircraft:
		line(sx0+sw*0.2, sy0+sh/2, sx0+sw*0.8, sy0+sh/2)
		line(sx0+sw/2, sy0+sh*0.15, sx0+sw/2, sy0+sh*0.85)
	}
	if u.Disordered {
		b.Rect(x, y, w, h, color.RGBA{35, 35, 35, 110}) // premultiplied grey
	}
	border, bw := color.RGBA{20, 20, 20, 255}, frameWidth(w)
	if selected {
		border, bw = pal.Select, math.Max(2, w/16)
	}
	b.Frame(x, y, w, h, bw, border)
	if w >= 16 {
		readinessMark(b, x+(w-sw)/4+frameWidth(w)/2, sy0+sh/2, math.Max(2.5, w*0.085), r)
	}
}

// readinessMark draws the readiness mark centred at (cx, cy), of radius
// rr within its rings: ringed white, then dark, so that it reads on every
// side's colour; a green disc, ready; a yellow one with a dark bar, poor
// or shaken troops; a red one barred white, out of supply or disordered.
// It sits left of the NATO symbol, clear of it.
func readinessMark(b *Batch, cx, cy, rr float64, r readiness) {
	ring := math.Max(1, rr*0.3)
	b.Disc(cx, cy, rr+ring+1, color.RGBA{20, 20, 20, 255})
	b.Disc(cx, cy, rr+ring, color.RGBA{255, 255, 255, 255})
	bar := func(c color.RGBA) {
		b.Rect(cx-rr*0.65, cy-math.Max(0.75, rr*0.2), rr*1.3, math.Max(1.5, rr*0.4), c)
	}
	switch r {
	case ready:
		b.Disc(cx, cy, rr, color.RGBA{40, 175, 70, 255})
	case weak:
		b.Disc(cx, cy, rr, color.RGBA{250, 200, 30, 255})
		bar(color.RGBA{60, 50, 20, 255})
	default:
		b.Disc(cx, cy, rr, color.RGBA{215, 25, 25, 255})
		bar(color.RGBA{255, 255, 255, 255})
	}
}
