package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/campaign"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/scenario"
)

// Campaign is the campaign screen: one map of northern Xinjiang with the
// three districts, the Soviet border, the front on the Manas River and
// Dihua, marks for the game's four battles and the episodes between them,
// and a timeline of the whole rising, July 1944 to September 1949, along
// the bottom. The arrows or a click choose a stop or an episode; the panel
// tells its dates, its text and its sources, and on a stop offers to watch
// its record in history mode or to play it.
type Campaign struct {
	screenSize
	a       *app
	opt     Options
	c       *campaign.Campaign
	sc      *scenario.Scenario // the scenario whose map is drawn
	items   []campaign.Item    // the timeline, in date order
	stopNo  []int              // each item's number among the stops (1-4), 0 for an episode
	from    time.Time          // the timeline's span
	to      time.Time
	sel     int   // the item chosen, or -1: the panel tells the campaign
	hover   int   // the item under the pointer, or -1
	hoverTL bool  // the pointer is on the item's marker on the timeline, not its mark on the map
	actions *menu // a stop's two actions
	status  string
	cam     paint.Camera
	fitted  bool
	terrain terrainCache
	view    *rules.View // the map's places, unheld, for drawPlaces
	// lay is where things stand for the screen's size, worked out again
	// when the size changes.
	lay   campaignLayout
	laidW float64
	laidH float64
}

// campaignLayout is where the timeline's markers and the map's marks of
// the items stand on the screen.
type campaignLayout struct {
	tl     [][2]float64 // each item's marker on the timeline
	mark   [][2]float64 // each located item's mark on the map (NaN: none)
	at     [][2]float64 // where the mark's place is, when the mark was moved off it to stay clear
	off    []bool       // the item's place is off the map; the mark stands at its edge
	offDir []string     // the compass direction to it, and how far, for an item off the map
}

// The stop actions.
const (
	actionWatch = iota
	actionPlay
)

// Colours of the campaign's marks.
var (
	stopFill    = color.RGBA{214, 164, 44, 255}
	stopInk     = color.RGBA{40, 30, 10, 255}
	episodeFill = color.RGBA{44, 104, 138, 255}
	borderInk   = color.RGBA{120, 40, 70, 255}
	frontInk    = color.RGBA{196, 40, 36, 255}
	panelInk    = color.RGBA{30, 30, 30, 255}
	panelDim    = color.RGBA{95, 90, 80, 255}
)

func newCampaign(a *app, opt Options) (*Campaign, error) {
	c, err := campaign.Load()
	if err != nil {
		return nil, err
	}
	sc, err := scenario.Load(c.Map, scenario.Options{})
	if err != nil {
		return nil, err
	}
	s := &Campaign{a: a, opt: opt, c: c, sc: sc, items: c.Timeline(), sel: -1, hover: -1}
	s.from, s.to = c.Span()
	n := 0
	for _, it := range s.items {
		k := 0
		if it.IsStop() {
			n++
			k = n
		}
		s.stopNo = append(s.stopNo, k)
	}
	s.actions = newMenu(a, "Watch the record: history mode", "Play this battle")
	v := &rules.View{Setup: sc.Setup}
	for _, p := range sc.Places {
		p.Owner, p.VP = "", 0 // names only: who held what changed over the years
		v.Places = append(v.Places, p)
	}
	s.view = v
	return s, nil
}

// Resize fits the map into its part of the screen, with a margin for the
// marks of places off the map.
func (s *Campaign) Resize(w, h int) {
	s.screenSize.Resize(w, h)
	if w <= 0 {
		return
	}
	mw, mh := s.mapArea()
	m := s.margin()
	s.cam = paint.FitCamera(s.sc.Setup.Map, int(mw-2*m), int(mh-float64(s.a.barH)-2*m))
	s.cam.X -= m / s.cam.Scale
	s.cam.Y -= (m + float64(s.a.barH)) / s.cam.Scale
	s.fitted = true
	s.laidW = 0
}

// margin is the room left round the map for the marks of places off it.
func (s *Campaign) margin() float64 { return math.Round(s.a.small.Size * 3.4) }

// panelWidth is the width of the panel at the right.
func (s *Campaign) panelWidth() float64 { return math.Round(float64(s.a.panelW) * 1.3) }

// timelineHeight is the height of the timeline's band.
func (s *Campaign) timelineHeight() float64 { return math.Round(s.a.small.Size * 10) }

// mapArea is the size of the map's part of the screen, from the top left
// corner: left of the panel, above the timeline.
func (s *Campaign) mapArea() (w, h float64) {
	sw, sh := s.size()
	return sw - s.panelWidth(), sh - s.timelineHeight()
}

// layout works out where the markers and marks stand, once for a size.
func (s *Campaign) layout() *campaignLayout {
	w, h := s.size()
	if !s.fitted {
		s.Resize(int(w), int(h))
	}
	if s.laidW == w && s.laidH == h {
		return &s.lay
	}
	s.laidW, s.laidH = w, h
	s.lay = campaignLayout{}
	s.layTimeline()
	s.layMap()
	return &s.lay
}

// track returns the timeline's ends and the height of its line.
func (s *Campaign) track() (x0, x1, y float64) {
	w, h := s.size()
	top := h - s.timelineHeight()
	return 28, w - 28, top + s.a.small.Size*2.9
}

// dateX is where a moment stands on the timeline.
func (s *Campaign) dateX(t time.Time) float64 {
	x0, x1, _ := s.track()
	f := float64(t.Sub(s.from)) / float64(s.to.Sub(s.from))
	return x0 + (x1-x0)*math.Max(0, math.Min(1, f))
}

// markR is the size of an episode's marker; a stop's is larger.
func (s *Campaign) markR() float64 { return math.Max(4, s.a.small.Size*0.45) }

// layTimeline places a numbered disc above the line for each stop, and a
// diamond below it for each episode, the episodes stacked in rows where
// their dates are too close to stand side by side.
func (s *Campaign) layTimeline() {
	_, _, y := s.track()
	r := s.markR()
	var rows [][]float64 // the episodes' x in each row
	for _, it := range s.items {
		x := s.dateX(it.From.Time)
		if it.IsStop() {
			x = (s.dateX(it.From.Time) + s.dateX(it.Last().End())) / 2
			s.lay.tl = append(s.lay.tl, [2]float64{x, y - r*2.9})
			continue
		}
		row := 0
		for ; row < len(rows); row++ {
			clear := true
			for _, o := range rows[row] {
				if math.Abs(o-x) < 2*r+3 {
					clear = false
					break
				}
			}
			if clear {
				break
			}
		}
		if row == len(rows) {
			rows = append(rows, nil)
		}
		rows[row] = append(rows[row], x)
		s.lay.tl = append(s.lay.tl, [2]float64{x, y + r*2.4 + float64(row)*(2*r+3)})
	}
}

// world is where a latitude and longitude fall on the map's world plane
// (hexes of size 1), on the map or off it.
func (s *Campaign) world(lat, lon float64) (x, y float64) {
	p := s.sc.Projection
	east, south := p.KmFromOrigin(lat, lon)
	size := p.HexKm / math.Sqrt(3)
	return east / size, south / size
}

// layMap places each located item's mark: at its place on the map, or in
// the margin at the map's edge for a place off it, moved a little where it
// would cover another mark.
func (s *Campaign) layMap() {
	m := s.sc.Setup.Map
	x0, y0, x1, y1 := paint.MapBounds(m)
	sx0, sy0 := s.cam.ToScreen(x0, y0)
	sx1, sy1 := s.cam.ToScreen(x1, y1)
	gap := s.margin() * 0.36
	labels := s.placeLabels()
	for _, rl := range s.regionLabels() {
		labels = append(labels, rl.box)
	}
	n := len(s.items)
	s.lay.mark = make([][2]float64, n)
	s.lay.at = make([][2]float64, n)
	s.lay.off = make([]bool, n)
	s.lay.offDir = make([]string, n)
	var placed []markDisc
	for i, it := range s.items {
		s.lay.mark[i] = [2]float64{math.NaN(), math.NaN()}
		if !it.Located {
			continue
		}
		wx, wy := s.world(it.Lat, it.Lon)
		px, py := s.cam.ToScreen(wx, wy)
		if !m.In(s.sc.Projection.Hex(it.Lat, it.Lon)) {
			s.lay.off[i] = true
			s.lay.offDir[i] = s.offMap(it)
			px = math.Max(sx0-gap, math.Min(px, sx1+gap))
			py = math.Max(sy0-gap, math.Min(py, sy1+gap))
			if px > sx0 && px < sx1 && py > sy0 && py < sy1 {
				py = sy1 + gap // off the ragged edge of a row: below the map
			}
		}
		s.lay.at[i] = [2]float64{px, py}
		r := s.markRadius(it)
		q := clearOf(placed, labels, [2]float64{px, py}, r)
		s.lay.mark[i] = q
		placed = append(placed, markDisc{q[0], q[1], r})
	}
}

// placeLabels are the boxes the places' names take on the map, as
// paint.Places sets them.
func (s *Campaign) placeLabels() []paint.Box {
	mw, _ := s.mapArea()
	var boxes []paint.Box
	for _, l := range paint.PlaceLabels(screen{}, s.view, s.cam, s.a.small.Size, mw) {
		boxes = append(boxes, l.Box)
	}
	return boxes
}

// markDisc is the room a mark takes on the map: its centre and radius.
type markDisc struct{ x, y, r float64 }

// clearOf returns p, or the nearest point round it where a mark of radius
// r keeps clear of every mark placed and of every place's name, trying
// sideways first, so that a mark in the margin stays in it.
func clearOf(placed []markDisc, boxes []paint.Box, p [2]float64, r float64) [2]float64 {
	free := func(q [2]float64) bool {
		for _, o := range placed {
			if math.Hypot(o.x-q[0], o.y-q[1]) < o.r+r+2 {
				return false
			}
		}
		for _, b := range boxes {
			nx := math.Max(b.X, math.Min(q[0], b.X+b.W))
			ny := math.Max(b.Y, math.Min(q[1], b.Y+b.H))
			if math.Hypot(nx-q[0], ny-q[1]) < r+1 {
				return false
			}
		}
		return true
	}
	if free(p) {
		return p
	}
	angles := []float64{0, math.Pi, -math.Pi / 2, math.Pi / 2, -math.Pi / 4, -3 * math.Pi / 4, math.Pi / 4, 3 * math.Pi / 4}
	for ring := 1; ring <= 5; ring++ {
		d := float64(ring) * (r + 6)
		for _, a := range angles {
			q := [2]float64{p[0] + math.Cos(a)*d, p[1] + math.Sin(a)*d}
			if free(q) {
				return q
			}
		}
	}
	return p
}

// markRadius is how far an item's mark reaches from its centre.
func (s *Campaign) markRadius(it campaign.Item) float64 {
	if it.IsStop() {
		return s.markR()*1.9 + 1.5
	}
	return s.markR()*1.25 + 1.5
}

// offMap says where an item's place lies from the nearest edge of the map:
// "about 290 km south".
func (s *Campaign) offMap(it campaign.Item) string {
	m := s.sc.Setup.Map
	p := s.sc.Projection
	x0, y0, x1, y1 := paint.MapBounds(m)
	wx, wy := s.world(it.Lat, it.Lon)
	dx := wx - math.Max(x0, math.Min(wx, x1))
	dy := wy - math.Max(y0, math.Min(wy, y1))
	km := math.Hypot(dx, dy) * p.HexKm / math.Sqrt(3)
	return fmt.Sprintf("about %.0f km %s", math.Round(km/10)*10, compass(dx, dy))
}

// compass names the direction of (dx, dy) on the screen (y down).
func compass(dx, dy float64) string {
	names := []string{"east", "south-east", "south", "south-west", "west", "north-west", "north", "north-east"}
	a := math.Atan2(dy, dx)
	k := int(math.Round(a/(math.Pi/4))+8) % 8
	return names[k]
}

// itemAt returns the item whose marker (on the timeline) or mark (on the
// map) is under (x, y), or -1, and whether it is the marker.
func (s *Campaign) itemAt(x, y int) (int, bool) {
	l := s.layout()
	fx, fy := float64(x), float64(y)
	best, bestD, onTL := -1, s.markR()*2.2, false
	for i := range s.items {
		for k, p := range [][2]float64{l.tl[i], l.mark[i]} {
			if d := math.Hypot(p[0]-fx, p[1]-fy); d <= bestD {
				best, bestD, onTL = i, d, k == 0
			}
		}
	}
	return best, onTL
}

// choose selects item i (clamped), or none for -1.
func (s *Campaign) choose(i int) {
	s.sel = max(-1, min(i, len(s.items)-1))
	s.actions.at = actionWatch
	s.status = ""
}

// Update implements scene.
func (s *Campaign) Update(in Input) (scene, error) {
	if in.Has(KeyQuit) {
		return nil, errQuit
	}
	if in.Has(KeyEscape) {
		return newTitle(s.a, Options{Seed: s.opt.Seed}), nil
	}
	s.layout()
	s.hover, s.hoverTL = s.itemAt(in.MouseX, in.MouseY)
	switch {
	case in.Has(KeyRight):
		s.choose(s.sel + 1)
		return nil, nil
	case in.Has(KeyLeft):
		if s.sel < 0 {
			s.choose(len(s.items) - 1)
		} else {
			s.choose(max(0, s.sel-1))
		}
		return nil, nil
	case in.Has(KeyFirst):
		s.choose(0)
		return nil, nil
	case in.Has(KeyLast):
		s.choose(len(s.items) - 1)
		return nil, nil
	}
	if s.stop() != nil {
		s.placeActions()
		if k := s.actions.update(in); k >= 0 {
			return s.open(k)
		}
	} else if in.Has(KeyEnter) && s.sel < 0 {
		s.choose(0)
	}
	if in.Click && s.hover >= 0 {
		s.choose(s.hover)
	}
	return nil, nil
}

// stop is the chosen item if it is a stop.
func (s *Campaign) stop() *campaign.Item {
	if s.sel < 0 || !s.items[s.sel].IsStop() {
		return nil
	}
	return &s.items[s.sel]
}

// open opens the chosen stop's scenario: its record in history mode, or
// the set-up of a game of it; Esc or Back in either returns here.
func (s *Campaign) open(action int) (scene, error) {
	st := s.stop()
	opt := Options{Scenario: st.Scenario, Seed: s.opt.Seed}
	var next scene
	var err error
	switch action {
	case actionWatch:
		opt.History = true
		var h *HistoryMode
		if h, err = newHistoryMode(s.a, opt); err == nil {
			h.back, next = s, h
		}
	case actionPlay:
		next, err = newSetup(s.a, opt)
		if set, ok := next.(*Setup); ok {
			set.back = s
		}
	}
	if err != nil {
		s.status = fmt.Sprintf("%s cannot be opened: %v", st.Title, err)
		return nil, nil
	}
	return next, nil
}

// placeActions puts a stop's two actions at the foot of the panel.
func (s *Campaign) placeActions() {
	w, h := s.size()
	pw := s.panelWidth()
	bottom := h - s.timelineHeight()
	s.actions.place(w-pw+12, bottom-s.actions.height()-10, pw-24)
}

// Leave frees the map's picture.
func (s *Campaign) Leave() { s.terrain.free() }

// Draw implements scene.
func (s *Campaign) Draw(dst *ebiten.Image) {
	l := s.layout()
	w, h := s.size()
	pal := s.a.palette()
	dst.Fill(color.RGBA{62, 70, 80, 255})
	mw, mh := s.mapArea()
	area := dst.SubImage(image.Rect(0, s.a.barH, int(mw), int(mh))).(*ebiten.Image)
	s.terrain.draw(area, s.a.scratch(area), s.sc.Setup.Map, nil, s.cam, pal, false)
	s.drawRegions(area)
	s.drawLines(area)
	paint.Places(canvas(area), s.a.scratch(area), s.view, s.cam, pal, s.a.small.Size, mw)
	s.drawMarks(area, l)
	s.drawLegend(area)
	s.drawBar(dst, w)
	s.drawPanel(dst, w, h)
	s.drawTimeline(dst, l, w, h)
}

// drawBar draws the bar across the top.
func (s *Campaign) drawBar(dst *ebiten.Image, w float64) {
	a := s.a
	vector.DrawFilledRect(dst, 0, 0, float32(w), float32(a.barH), color.RGBA{35, 35, 40, 255}, false)
	y := (float64(a.barH) - a.text.Size*1.3) / 2
	from, to := s.c.Span()
	title := fmt.Sprintf("%s: the rising from %s to %s, on one map", s.c.Title, from.Format("July 2006"), to.AddDate(0, 0, -1).Format("September 2006"))
	drawText(dst, title, 8, y, a.text, color.RGBA{245, 245, 245, 255})
	help := "Left/Right choose · Up/Down and Enter on a battle · Esc back"
	tw, _ := text.Measure(help, a.small, 0)
	drawText(dst, help, w-tw-10, (float64(a.barH)-a.small.Size*1.3)/2, a.small, color.RGBA{190, 190, 185, 255})
}

// regionLabel is how a region's name is written on the map: its text,
// face and ink, and its box.
type regionLabel struct {
	s   string
	f   *text.GoTextFace
	ink color.RGBA
	box paint.Box
}

// regionLabels are the names of the districts, the neighbouring state and
// the capital, centred where the file places them.
func (s *Campaign) regionLabels() []regionLabel {
	a := s.a
	var out []regionLabel
	for _, rg := range s.c.Regions {
		x, y := s.cam.ToScreen(s.world(rg.Lat, rg.Lon))
		name, f, ink := strings.ToUpper(rg.Name), a.title, color.RGBA{96, 52, 24, 235}
		switch rg.Kind {
		case "country":
			f, ink = a.text, color.RGBA{60, 70, 96, 235}
		case "capital":
			name, f, ink = rg.Name, a.small, color.RGBA{40, 40, 40, 255}
		}
		tw, th := text.Measure(name, f, f.Size*1.2)
		out = append(out, regionLabel{name, f, ink, paint.Box{X: x - tw/2, Y: y - th/2, W: tw, H: th}})
	}
	return out
}

// drawRegions writes the names of the districts, the neighbouring state
// and the capital across the map.
func (s *Campaign) drawRegions(dst *ebiten.Image) {
	halo := color.RGBA{250, 246, 232, 200}
	for _, rl := range s.regionLabels() {
		for _, d := range [][2]float64{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
			drawText(dst, rl.s, rl.box.X+d[0], rl.box.Y+d[1], rl.f, halo)
		}
		drawText(dst, rl.s, rl.box.X, rl.box.Y, rl.f, rl.ink)
	}
}

// drawLines draws the border dashed and the fronts along their rivers,
// each with its name.
func (s *Campaign) drawLines(dst *ebiten.Image) {
	b := s.a.scratch(dst)
	m := s.sc.Setup.Map
	type label struct {
		s    string
		x, y float64
		ink  color.RGBA
	}
	var labels []label
	for _, ln := range s.c.Lines {
		var pts [][2]float64
		if ln.River != "" {
			for _, e := range riverEdges(m, ln.River) {
				x0, y0, x1, y1 := paint.EdgeSegment(s.cam, e.A, e.B)
				pts = append(pts, [2]float64{x0, y0}, [2]float64{x1, y1})
			}
		} else {
			for _, p := range ln.Points {
				x, y := s.cam.ToScreen(s.world(p[0], p[1]))
				pts = append(pts, [2]float64{x, y})
			}
		}
		if len(pts) < 2 {
			continue
		}
		switch ln.Kind {
		case "front":
			wd := math.Max(3, s.cam.Scale*0.45)
			for i := 0; i+1 < len(pts); i += 2 {
				b.Line(pts[i][0], pts[i][1], pts[i+1][0], pts[i+1][1], wd+2, color.RGBA{255, 255, 255, 255})
			}
			for i := 0; i+1 < len(pts); i += 2 {
				b.Line(pts[i][0], pts[i][1], pts[i+1][0], pts[i+1][1], wd, frontInk)
			}
			top := pts[0]
			for _, p := range pts {
				if p[1] < top[1] {
					top = p
				}
			}
			labels = append(labels, label{"Manas River line, 1945-1949", top[0], top[1] - s.a.small.Size*1.6, frontInk})
			if !strings.Contains(ln.Name, "Manas") {
				labels[len(labels)-1].s = ln.Name
			}
		default:
			dashed(dst, b, pts, math.Max(2, s.cam.Scale*0.3), borderInk)
			mid := pts[len(pts)*2/3]
			labels = append(labels, label{"Soviet border", mid[0] + 6, mid[1], borderInk})
			if !strings.Contains(ln.Name, "Soviet") {
				labels[len(labels)-1].s = strings.TrimPrefix(ln.Name, "The ")
			}
		}
	}
	b.Flush()
	for _, l := range labels {
		tw, th := text.Measure(l.s, s.a.small, s.a.small.Size*1.2)
		x := l.x - tw/2
		vector.DrawFilledRect(dst, float32(x-3), float32(l.y-1), float32(tw+6), float32(th+2), color.RGBA{250, 246, 232, 225}, false)
		drawText(dst, l.s, x, l.y, s.a.small, l.ink)
	}
}

// riverEdges are the sides of hexes a named river of the map runs along.
func riverEdges(m *rules.Map, name string) []rules.Edge {
	var es []rules.Edge
	for e, n := range m.RiverNames {
		if n == name {
			es = append(es, e)
		}
	}
	paint.SortEdges(es)
	return es
}

// dashed adds a dashed line through pts.
func dashed(dst *ebiten.Image, b *paint.Batch, pts [][2]float64, w float64, c color.RGBA) {
	dash, gap := w*4, w*2.5
	on, left := true, dash
	for i := 1; i < len(pts); i++ {
		ax, ay := pts[i-1][0], pts[i-1][1]
		bx, by := pts[i][0], pts[i][1]
		seg := math.Hypot(bx-ax, by-ay)
		for pos := 0.0; pos < seg; {
			step := math.Min(left, seg-pos)
			if on {
				f0, f1 := pos/seg, (pos+step)/seg
				b.Line(ax+(bx-ax)*f0, ay+(by-ay)*f0, ax+(bx-ax)*f1, ay+(by-ay)*f1, w, c)
			}
			pos += step
			left -= step
			if left <= 0 {
				on = !on
				left = dash
				if !on {
					left = gap
				}
			}
		}
	}
}

// drawMarks draws a numbered disc for each stop and a diamond for each
// episode where the record places it; a mark moved clear of another has a
// thin line to its place, a mark for a place off the map an arrow out of
// it and, when chosen or pointed at, a note of how far.
func (s *Campaign) drawMarks(dst *ebiten.Image, l *campaignLayout) {
	b := s.a.scratch(dst)
	r := s.markR()
	// Leaders and arrows first, under the marks.
	for i := range s.items {
		p := l.mark[i]
		if math.IsNaN(p[0]) {
			continue
		}
		at := l.at[i]
		if l.off[i] {
			wx, wy := s.world(s.items[i].Lat, s.items[i].Lon)
			tx, ty := s.cam.ToScreen(wx, wy)
			dx, dy := tx-p[0], ty-p[1]
			d := math.Hypot(dx, dy)
			rr := r * 1.5
			if s.items[i].IsStop() {
				rr = r * 2.1
			}
			from := [2]float64{p[0] + dx/d*rr, p[1] + dy/d*rr}
			tip := [2]float64{p[0] + dx/d*(rr+r*2.6), p[1] + dy/d*(rr+r*2.6)}
			b.Line(from[0], from[1], tip[0], tip[1], 2.5, color.RGBA{30, 30, 30, 255})
			arrowHead(dst, b, from, tip, r*1.5, color.RGBA{30, 30, 30, 255})
		} else if math.Hypot(at[0]-p[0], at[1]-p[1]) > 1 {
			b.Line(at[0], at[1], p[0], p[1], 1.5, color.RGBA{40, 40, 40, 220})
			b.Disc(at[0], at[1], 2, color.RGBA{40, 40, 40, 255})
		}
	}
	// Episodes under stops; the chosen one last of all.
	order := make([]int, 0, len(s.items))
	for i, it := range s.items {
		if !it.IsStop() && i != s.sel {
			order = append(order, i)
		}
	}
	for i, it := range s.items {
		if it.IsStop() && i != s.sel {
			order = append(order, i)
		}
	}
	if s.sel >= 0 {
		order = append(order, s.sel)
	}
	var numbers []int
	for _, i := range order {
		p := l.mark[i]
		if math.IsNaN(p[0]) {
			continue
		}
		hot := i == s.sel || i == s.hover
		if s.items[i].IsStop() {
			rr := r * 1.9
			if hot {
				b.Disc(p[0], p[1], rr+4, color.RGBA{255, 255, 255, 255})
			}
			b.Disc(p[0], p[1], rr+1.5, stopInk)
			b.Disc(p[0], p[1], rr, stopFill)
			numbers = append(numbers, i)
			continue
		}
		rr := r * 1.25
		edge := color.RGBA{250, 250, 250, 255}
		if hot {
			rr *= 1.35
			b.Quad(p[0], p[1]-rr-4, p[0]+rr+4, p[1], p[0], p[1]+rr+4, p[0]-rr-4, p[1], color.RGBA{20, 20, 20, 255})
		}
		b.Quad(p[0], p[1]-rr-1.5, p[0]+rr+1.5, p[1], p[0], p[1]+rr+1.5, p[0]-rr-1.5, p[1], edge)
		b.Quad(p[0], p[1]-rr, p[0]+rr, p[1], p[0], p[1]+rr, p[0]-rr, p[1], episodeFill)
	}
	b.Flush()
	for _, i := range numbers {
		p := l.mark[i]
		n := fmt.Sprint(s.stopNo[i])
		tw, _ := text.Measure(n, s.a.small, 0)
		drawText(dst, n, p[0]-tw/2, p[1]-s.a.small.Size*0.62, s.a.small, stopInk)
	}
	pointed := s.hover
	if s.hoverTL {
		pointed = -1 // named above the timeline instead
	}
	for _, i := range []int{pointed, s.sel} {
		if i >= 0 && !math.IsNaN(l.mark[i][0]) {
			s.drawMarkLabel(dst, l, i)
		}
	}
}

// drawMarkLabel writes a chosen or pointed-at item's title by its mark,
// kept inside the map's part of the screen, with how far off the map its
// place lies.
func (s *Campaign) drawMarkLabel(dst *ebiten.Image, l *campaignLayout, i int) {
	a := s.a
	it := s.items[i]
	label := it.Title
	if it.IsStop() {
		label = fmt.Sprintf("%d. %s", s.stopNo[i], it.Title)
	}
	if l.off[i] {
		label += " (off the map, " + l.offDir[i] + ")"
	}
	p := l.mark[i]
	mw, mh := s.mapArea()
	tw, th := text.Measure(label, a.small, a.small.Size*1.2)
	x := p[0] + s.markR()*2.6
	if x+tw > mw-6 {
		x = p[0] - s.markR()*2.6 - tw
	}
	x = math.Max(6, x)
	y := math.Max(float64(a.barH)+4, math.Min(p[1]-th/2, mh-th-4))
	vector.DrawFilledRect(dst, float32(x-4), float32(y-2), float32(tw+8), float32(th+4), color.RGBA{30, 30, 34, 235}, false)
	drawText(dst, label, x, y, a.small, color.RGBA{250, 246, 232, 255})
}

// drawLegend explains the marks and lines in the map's top left corner.
func (s *Campaign) drawLegend(dst *ebiten.Image) {
	a := s.a
	f := a.small
	rows := []string{"the game's four battles, in order", "episodes between them", "the Soviet border", "the front on the Manas River, 1945-1949"}
	lh := f.Size * 1.55
	w := 0.0
	for _, r := range rows {
		tw, _ := text.Measure(r, f, 0)
		w = math.Max(w, tw)
	}
	x, y := 10.0, float64(a.barH)+10
	bw, bh := w+46, lh*float64(len(rows))+10
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(bw), float32(bh), color.RGBA{250, 246, 232, 225}, false)
	b := a.scratch(dst)
	r := s.markR()
	cx := x + 18
	cy := func(k int) float64 { return y + 5 + lh*(float64(k)+0.5) }
	b.Disc(cx, cy(0), r*1.5+1.5, stopInk)
	b.Disc(cx, cy(0), r*1.5, stopFill)
	rr := r * 1.25
	b.Quad(cx, cy(1)-rr, cx+rr, cy(1), cx, cy(1)+rr, cx-rr, cy(1), episodeFill)
	dashed(dst, b, [][2]float64{{cx - 12, cy(2)}, {cx + 12, cy(2)}}, 2.5, borderInk)
	b.Line(cx-12, cy(3), cx+12, cy(3), 4, frontInk)
	b.Flush()
	for k, row := range rows {
		drawText(dst, row, x+38, cy(k)-f.Size*0.65, f, panelInk)
	}
}

// drawPanel fills the panel: the campaign's introduction with nothing
// chosen, or the chosen item's kind and dates, title, text and sources,
// and on a stop its two actions.
func (s *Campaign) drawPanel(dst *ebiten.Image, w, h float64) {
	a := s.a
	pw := s.panelWidth()
	x0 := w - pw
	bottom := h - s.timelineHeight()
	vector.DrawFilledRect(dst, float32(x0), float32(a.barH), float32(pw), float32(bottom)-float32(a.barH), color.RGBA{244, 240, 228, 255}, false)
	end := bottom - 8
	if s.stop() != nil {
		s.placeActions()
		end = s.actions.y - 6
	}
	y := float64(a.barH) + 10
	lines, compact := s.panelFit(end - y)
	for _, ln := range lines {
		f, ink := s.lineFace(ln.style, compact), panelInk
		if ln.style == lineDim {
			ink = panelDim
		}
		if y+f.Size*1.45 > end {
			break
		}
		drawText(dst, ln.s, x0+12, y, f, ink)
		y += f.Size * 1.45
	}
	if s.stop() != nil {
		s.actions.draw(dst)
	}
}

// panelLine is a line of the panel in its style.
type panelLine struct {
	s     string
	style int
}

const (
	lineText = iota
	lineTitle
	lineDim
	lineSmall
)

// lineFace is the face of a line of the panel in a style; compact sets
// the text in the small face and the title in the text's, for an item
// whose text would not fit.
func (s *Campaign) lineFace(style int, compact bool) *text.GoTextFace {
	switch {
	case style == lineTitle && compact:
		return s.a.text
	case style == lineTitle:
		return s.a.title
	case style == lineDim || style == lineSmall || compact:
		return s.a.small
	}
	return s.a.text
}

// panelFit returns the panel's lines for the chosen item, in the text's
// own face if they fit in room pixels, else compact, in the small face.
func (s *Campaign) panelFit(room float64) ([]panelLine, bool) {
	width := s.panelWidth() - 24
	for _, compact := range []bool{false, true} {
		lines := s.panelLines(width, compact)
		used := 0.0
		for _, ln := range lines {
			used += s.lineFace(ln.style, compact).Size * 1.45
		}
		if used <= room || compact {
			return lines, compact
		}
	}
	return nil, false
}

// panelLines are the panel's lines, wrapped to width.
func (s *Campaign) panelLines(width float64, compact bool) []panelLine {
	a := s.a
	var out []panelLine
	add := func(t string, style int) {
		for _, l := range a.wrap(latin(t), width, s.lineFace(style, compact)) {
			out = append(out, panelLine{l, style})
		}
	}
	gap := func() { out = append(out, panelLine{"", lineSmall}) }
	if s.status != "" {
		add(s.status, lineText)
		gap()
	}
	if s.sel < 0 {
		add(s.c.Title, lineTitle)
		gap()
		for _, p := range strings.Split(s.c.Intro, "\n\n") {
			add(p, lineText)
			gap()
		}
		for _, ln := range s.c.Lines {
			add(ln.Name+". "+ln.Text, lineSmall)
			var names []string
			for _, k := range ln.Sources {
				names = append(names, s.c.SourceName(k))
			}
			add("Source: "+strings.Join(names, "; "), lineDim)
			gap()
		}
		add("Left/Right or a click on a marker chooses a battle or an episode; on a battle, Enter opens its record or a game of it.", lineDim)
		return out
	}
	it := s.items[s.sel]
	kind := "Episode"
	if it.IsStop() {
		kind = fmt.Sprintf("Battle %d of %d", s.stopNo[s.sel], s.stops())
	}
	add(kind+" · "+it.Dates(), lineDim)
	add(it.Title, lineTitle)
	if rg, ok := s.c.Region(it.Region); ok && rg.Kind == "district" {
		add("In the "+rg.Name+" district", lineDim)
	}
	if s.lay.off != nil && s.lay.off[s.sel] {
		add("Off the map: "+s.lay.offDir[s.sel]+" of its edge", lineDim)
	} else if !it.Located && !it.IsStop() {
		add("No mark on the map", lineDim)
	}
	gap()
	for _, p := range strings.Split(it.Text, "\n\n") {
		add(p, lineText)
		gap()
	}
	label := "Source: "
	if len(it.Sources) > 1 {
		label = "Sources:"
		add(label, lineSmall)
		label = "· "
	}
	for _, k := range it.Sources {
		add(label+s.c.SourceName(k), lineSmall)
	}
	return out
}

// stops is how many stops the timeline has.
func (s *Campaign) stops() int {
	n := 0
	for _, it := range s.items {
		if it.IsStop() {
			n++
		}
	}
	return n
}

// drawTimeline draws the band along the bottom: the years, the line with
// each item's span on it, the stops' numbered discs above it, the
// episodes' diamonds below, and the item pointed at named above the band.
func (s *Campaign) drawTimeline(dst *ebiten.Image, l *campaignLayout, w, h float64) {
	a := s.a
	top := h - s.timelineHeight()
	vector.DrawFilledRect(dst, 0, float32(top), float32(w), float32(s.timelineHeight()), color.RGBA{35, 35, 40, 255}, false)
	x0, x1, y := s.track()
	b := a.scratch(dst)
	b.Line(x0, y, x1, y, 2, color.RGBA{150, 150, 155, 255})
	dim := color.RGBA{175, 175, 180, 255}
	type yearLabel struct {
		s string
		x float64
	}
	var years []yearLabel
	for t := s.from; t.Before(s.to) || t.Equal(s.to); t = t.AddDate(0, 1, 0) {
		x := s.dateX(t)
		if t.Month() == time.January || t.Equal(s.from) {
			b.Line(x, y-6, x, top+s.timelineHeight()-a.small.Size*2.6, 1, dim)
			label := t.Format("2006")
			if t.Equal(s.from) {
				label = t.Format("July 2006")
			}
			years = append(years, yearLabel{label, x + 4})
		} else {
			b.Line(x, y-2.5, x, y+2.5, 1, color.RGBA{120, 120, 125, 255})
		}
	}
	r := s.markR()
	for i, it := range s.items {
		xa, xb := s.dateX(it.From.Time), s.dateX(it.Last().End())
		if it.IsStop() {
			b.Rect(xa, y-3, math.Max(4, xb-xa), 6, stopFill)
			b.Line(l.tl[i][0], l.tl[i][1], l.tl[i][0], y-3, 1, stopFill)
			continue
		}
		if xb-xa > 3 {
			b.Rect(xa, y+2, xb-xa, 3, color.RGBA{96, 160, 196, 255})
		}
	}
	var numbers []int
	for i, it := range s.items {
		p := l.tl[i]
		hot := i == s.sel || i == s.hover
		if it.IsStop() {
			rr := r * 1.9
			if hot {
				b.Disc(p[0], p[1], rr+3.5, color.RGBA{255, 255, 255, 255})
			}
			b.Disc(p[0], p[1], rr, stopFill)
			numbers = append(numbers, i)
			continue
		}
		edge := color.RGBA{20, 20, 20, 255}
		if hot {
			edge = color.RGBA{255, 255, 255, 255}
		}
		e := 1.5
		if hot {
			e = 3
		}
		b.Quad(p[0], p[1]-r-e, p[0]+r+e, p[1], p[0], p[1]+r+e, p[0]-r-e, p[1], edge)
		b.Quad(p[0], p[1]-r, p[0]+r, p[1], p[0], p[1]+r, p[0]-r, p[1], color.RGBA{96, 160, 196, 255})
	}
	b.Flush()
	for _, i := range numbers {
		p := l.tl[i]
		n := fmt.Sprint(s.stopNo[i])
		tw, _ := text.Measure(n, a.small, 0)
		drawText(dst, n, p[0]-tw/2, p[1]-a.small.Size*0.62, a.small, stopInk)
	}
	ly := top + s.timelineHeight() - a.small.Size*2.5
	for _, yl := range years {
		drawText(dst, yl.s, yl.x, ly, a.small, dim)
	}
	end := s.to.AddDate(0, 0, -1).Format("September 2006")
	ew, _ := text.Measure(end, a.small, 0)
	drawText(dst, end, x1-ew, ly, a.small, dim)
	if s.hover >= 0 && s.hoverTL {
		s.drawPointed(dst, l, top)
	}
}

// drawPointed names the item under the pointer above the band: its dates
// and title.
func (s *Campaign) drawPointed(dst *ebiten.Image, l *campaignLayout, top float64) {
	a := s.a
	it := s.items[s.hover]
	label := latin(it.Dates() + ": " + it.Title)
	if it.IsStop() {
		label = fmt.Sprintf("Battle %d, %s", s.stopNo[s.hover], label)
	}
	tw, th := text.Measure(label, a.small, a.small.Size*1.2)
	w, _ := s.size()
	x := math.Max(4, math.Min(l.tl[s.hover][0]-tw/2, w-tw-12))
	y := top - th - 10
	vector.DrawFilledRect(dst, float32(x-4), float32(y-3), float32(tw+8), float32(th+6), color.RGBA{250, 246, 232, 245}, false)
	drawText(dst, label, x, y, a.small, panelInk)
}
