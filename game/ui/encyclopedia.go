package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"sync"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font/sfnt"

	"ili/assets"
	"ili/game/encyclopedia"
)

// Encyclopedia is the encyclopedia's screen: an index by kind on the left
// and the chosen entry on the right, as its files give it: the other names
// and whose usage they are, the dates, the summary, what each source says,
// where the sources disagree and by whose account, and the quotations from
// the period, each attributed. The names of other entries and of sources
// are links. Esc returns to the screen it was opened from, as it was.
type Encyclopedia struct {
	screenSize
	a      *app
	back   scene
	enc    *encyclopedia.Encyclopedia
	status string // why the encyclopedia cannot be shown
	order  []*encyclopedia.Entry
	entry  *encyclopedia.Entry   // the entry shown
	trail  []*encyclopedia.Entry // the entries left by following links, for Backspace
	// How far the index and the entry are scrolled, in pixels.
	listTop, pageTop float64
	focus            int  // the link Tab chose, or -1
	reveal           bool // scroll the index to the entry at the next layout
	mx, my           int
	index            encIndex
	page             encPage
}

// newEncyclopedia opens the encyclopedia at an entry (nil: the first) over
// the screen back, which Esc returns to.
func newEncyclopedia(a *app, back scene, at *encyclopedia.Entry) *Encyclopedia {
	s := &Encyclopedia{a: a, back: back, focus: -1, reveal: true}
	enc, err := theEncyclopedia()
	if err != nil {
		s.status = "The encyclopedia cannot be opened: " + err.Error()
		return s
	}
	s.enc = enc
	for _, k := range encyclopedia.Kinds() {
		s.order = append(s.order, enc.OfKind(k)...)
	}
	if at == nil && len(s.order) > 0 {
		at = s.order[0]
	}
	s.entry = at
	return s
}

// The encyclopedia is the bundled data, the same for every window: it is
// read once, and the names found in a text are kept per text.
var (
	encOnce  sync.Once
	encData  *encyclopedia.Encyclopedia
	encErr   error
	encMu    sync.Mutex
	encFound = map[string][]encyclopedia.Match{}
)

func theEncyclopedia() (*encyclopedia.Encyclopedia, error) {
	encOnce.Do(func() { encData, encErr = encyclopedia.Load() })
	return encData, encErr
}

// namesIn are the names of entries a text contains, by Find; none when the
// encyclopedia cannot be read.
func namesIn(s string) []encyclopedia.Match {
	enc, err := theEncyclopedia()
	if err != nil {
		return nil
	}
	encMu.Lock()
	defer encMu.Unlock()
	if m, ok := encFound[s]; ok {
		return m
	}
	if len(encFound) > 2000 {
		clear(encFound)
	}
	m := enc.Find(s)
	encFound[s] = m
	return m
}

// Colours of the encyclopedia.
var (
	encPaper   = color.RGBA{244, 240, 228, 255}
	encInk     = color.RGBA{30, 30, 30, 255}
	encAccent  = color.RGBA{120, 50, 20, 255}
	encDim     = color.RGBA{95, 90, 80, 255}
	linkInk    = color.RGBA{26, 74, 128, 255}
	encIndexBg = color.RGBA{40, 44, 54, 255}
	encKindInk = color.RGBA{214, 170, 80, 255}
	encHover   = color.RGBA{62, 68, 84, 255}
	encFocus   = color.RGBA{214, 226, 240, 255}
)

// encGeom is where the screen's parts stand: the header above top, the
// keys below bottom, the index listW wide at the left, and the entry's
// column colW wide from colX.
type encGeom struct {
	w, h, top, bottom, listW, colX, colW float64
}

func (s *Encyclopedia) geom() encGeom {
	a := s.a
	w, h := s.size()
	g := encGeom{w: w, h: h}
	g.top = math.Round(14 + a.title.Size*1.5 + float64(len(s.about(w)))*a.small.Size*1.45 + 10)
	g.bottom = h - math.Round(float64(len(s.keys(w)))*a.small.Size*1.45+a.small.Size*1.2)
	g.listW = math.Round(math.Max(math.Min(w*0.27, a.text.Size*26), math.Min(a.text.Size*16, w*0.4)))
	pad := math.Round(a.text.Size * 2.4)
	g.colW = math.Min(w-g.listW-2*pad, a.text.Size*52)
	g.colX = math.Round(g.listW + math.Max(pad, (w-g.listW-g.colW)/2))
	return g
}

// about is the line under the title, wrapped to the screen's width w.
func (s *Encyclopedia) about(w float64) []string {
	return s.a.wrap("The sources do not agree, and the encyclopedia does not choose among them: where they differ, each account is given with whose it is.", w-2*encListPad-8, s.a.small)
}

// keys are the keys, said along the bottom, wrapped to the screen's
// width w.
func (s *Encyclopedia) keys(w float64) []string {
	to := "the title screen"
	if _, ok := s.back.(*Play); ok {
		to = "the game"
	}
	return s.a.wrap("Up/Down: another entry · wheel: scroll · Left/Right, Space: a page · click, or Tab and Enter: follow a link · Backspace: back · Esc: "+to, w-2*encListPad-8, s.a.small)
}

// pageView is the entry's room on screen: from y, h high.
func (g encGeom) pageView(a *app) (y, h float64) {
	pad := math.Round(a.text.Size * 1.4)
	return g.top + pad, g.bottom - g.top - 2*pad
}

// listView is the index's room on screen: from y, h high.
func (g encGeom) listView() (y, h float64) { return g.top + 8, g.bottom - g.top - 16 }

// Update implements scene.
func (s *Encyclopedia) Update(in Input) (scene, error) {
	if in.Has(KeyQuit) {
		s.Quit()
		return nil, errQuit
	}
	if in.Has(KeyEscape) {
		return s.back, nil
	}
	s.mx, s.my = in.MouseX, in.MouseY
	if s.enc == nil {
		return nil, nil
	}
	g := s.geom()
	s.layout(g)
	_, ph := g.pageView(s.a)
	switch {
	case in.Has(KeyUp):
		s.step(-1)
	case in.Has(KeyDown):
		s.step(1)
	case in.Has(KeyLeft):
		s.scrollPage(-ph * 0.85)
	case in.Has(KeyRight) || in.Has(KeyToggle):
		s.scrollPage(ph * 0.85)
	case in.Has(KeyFirst):
		s.scrollPage(-s.page.height)
	case in.Has(KeyLast):
		s.scrollPage(s.page.height)
	case in.Has(KeyNext):
		s.nextLink(g)
	case in.Has(KeyEnter) && s.focus >= 0 && s.focus < len(s.page.links):
		s.follow(s.page.links[s.focus])
	case (in.Has(KeyUndo) || in.Has(KeyBack)) && len(s.trail) > 0:
		last := s.trail[len(s.trail)-1]
		s.trail = s.trail[:len(s.trail)-1]
		s.show(last)
	}
	if in.Wheel != 0 {
		step := in.Wheel * s.a.text.Size * 1.45 * 3
		if float64(in.MouseX) < g.listW {
			s.scrollList(g, -step)
		} else {
			s.scrollPage(-step)
		}
	}
	if in.Click {
		if e := s.rowAt(g, in.MouseX, in.MouseY); e != nil {
			s.show(e)
		} else if k := s.linkAt(g, in.MouseX, in.MouseY); k >= 0 {
			s.follow(s.page.links[k])
		}
	}
	return nil, nil
}

// Quit keeps the game the encyclopedia was opened over, as quitting from
// it would.
func (s *Encyclopedia) Quit() {
	if q, ok := s.back.(interface{ Quit() }); ok {
		q.Quit()
	}
}

// show shows an entry from its top, with its row in the index in view.
func (s *Encyclopedia) show(e *encyclopedia.Entry) {
	if e == nil {
		return
	}
	s.entry, s.pageTop, s.focus, s.reveal = e, 0, -1, true
}

// follow shows the entry a link leads to; Backspace comes back.
func (s *Encyclopedia) follow(e *encyclopedia.Entry) {
	if e == nil || e == s.entry {
		return
	}
	s.trail = append(s.trail, s.entry)
	if len(s.trail) > 100 {
		s.trail = s.trail[1:]
	}
	s.show(e)
}

// step shows the entry d rows down the index.
func (s *Encyclopedia) step(d int) {
	for i, e := range s.order {
		if e == s.entry {
			s.show(s.order[max(0, min(len(s.order)-1, i+d))])
			return
		}
	}
	if len(s.order) > 0 {
		s.show(s.order[0])
	}
}

// scrollPage scrolls the entry by about dy pixels, within its length, to
// the top of a line.
func (s *Encyclopedia) scrollPage(dy float64) {
	_, h := s.geom().pageView(s.a)
	s.pageTop = scroll(s.page.lines, s.pageTop, dy, s.page.height-h)
}

// scrollList scrolls the index by about dy pixels, within its length, to
// the top of a row.
func (s *Encyclopedia) scrollList(g encGeom, dy float64) {
	_, h := g.listView()
	var tops []float64
	for _, r := range s.index.rows {
		tops = append(tops, r.y)
	}
	s.listTop = scroll(tops, s.listTop, dy, s.index.height-h)
}

// scroll moves a view at from by about dy, no further than end, onto the
// top of a line (tops, in order) in the direction it goes, so that no line
// stands cut at the view's top; at the end, the last line is in view.
func scroll(tops []float64, from, dy, end float64) float64 {
	end = snap(tops, 0, end)
	return snap(tops, from, math.Max(0, math.Min(end, from+dy)))
}

// snap moves a view from from to to onto the nearest of tops in the
// direction it goes.
func snap(tops []float64, from, to float64) float64 {
	if to <= 0 {
		return 0
	}
	if to >= from {
		for _, y := range tops {
			if y >= to-0.5 {
				return y
			}
		}
		return to
	}
	best := 0.0
	for _, y := range tops {
		if y > to+0.5 {
			break
		}
		best = y
	}
	return best
}

// nextLink moves the focus to the entry's next link, scrolled into view.
func (s *Encyclopedia) nextLink(g encGeom) {
	if len(s.page.links) == 0 {
		return
	}
	s.focus = (s.focus + 1) % len(s.page.links)
	_, h := g.pageView(s.a)
	for _, f := range s.page.frags {
		if f.link != s.focus {
			continue
		}
		if f.y < s.pageTop || f.y+f.h > s.pageTop+h {
			s.pageTop = 0
			s.scrollPage(f.y - h/3)
		}
		return
	}
}

// layout lays the index and the entry out for the screen's size and the
// interface's, once for each.
func (s *Encyclopedia) layout(g encGeom) {
	if s.index.w != g.listW || s.index.size != s.a.text.Size {
		s.index = s.layIndex(g.listW)
		s.listTop = 0
		s.reveal = true
	}
	if s.entry != nil && (s.page.entry != s.entry || s.page.w != g.colW || s.page.size != s.a.text.Size) {
		s.page = s.layPage(s.entry, g.colW)
		s.scrollPage(0)
	}
	if s.reveal {
		s.reveal = false
		_, h := g.listView()
		for _, r := range s.index.rows {
			if r.entry == s.entry && (r.y < s.listTop || r.y+r.h > s.listTop+h) {
				s.listTop = 0
				s.scrollList(g, r.y-h/3)
			}
		}
	}
}

// encIndex is the index laid out: a row for each kind's heading and one
// for each entry, its name wrapped.
type encIndex struct {
	rows    []encRow
	height  float64
	w, size float64
}

type encRow struct {
	y, h  float64
	lines []string
	entry *encyclopedia.Entry // nil: a kind's heading
}

// The index's margins.
const encListPad = 14

func (s *Encyclopedia) layIndex(w float64) encIndex {
	a := s.a
	ix := encIndex{w: w, size: a.text.Size}
	y := 0.0
	for _, k := range encyclopedia.Kinds() {
		list := s.enc.OfKind(k)
		if len(list) == 0 {
			continue
		}
		hh := a.small.Size * 1.45
		if y > 0 {
			hh += a.small.Size
		}
		ix.rows = append(ix.rows, encRow{y: y, h: hh, lines: []string{strings.ToUpper(encyclopedia.KindTitle(k))}})
		y += hh + 2
		for _, e := range list {
			lines := a.wrap(shown(e.Name), w-2*encListPad-8, a.text)
			h := float64(len(lines))*a.text.Size*1.3 + a.text.Size*0.5
			ix.rows = append(ix.rows, encRow{y: y, h: h, lines: lines, entry: e})
			y += h
		}
	}
	ix.height = y + 8
	return ix
}

// rowAt is the entry of the index's row at (x, y), or nil.
func (s *Encyclopedia) rowAt(g encGeom, x, y int) *encyclopedia.Entry {
	top, h := g.listView()
	fy := float64(y) - top + s.listTop
	if x < 0 || float64(x) >= g.listW || float64(y) < top || float64(y) >= top+h {
		return nil
	}
	for _, r := range s.index.rows {
		if fy >= r.y && fy < r.y+r.h {
			return r.entry
		}
	}
	return nil
}

// encPage is an entry laid out in its column: runs of text, each in its
// face and ink, and the rules and bars between them, from the page's top.
type encPage struct {
	entry   *encyclopedia.Entry
	w, size float64
	frags   []encFrag
	rules   []encRect // a rule over each heading
	bars    []encRect // a bar beside each quotation
	links   []*encyclopedia.Entry
	lines   []float64 // the tops of the lines and the rules, in order
	height  float64
}

type encFrag struct {
	x, y, w, h float64
	s          string
	face       *text.GoTextFace
	ink        color.RGBA
	link       int // the link's number, or -1
}

type encRect struct{ x, y, w, h float64 }

// encPara is a paragraph of an entry: spans of text in one face, each
// with its ink and perhaps a link.
type encPara struct {
	spans  []encSpan
	face   *text.GoTextFace
	indent float64 // from the column's left, in pixels
	before float64 // room above, in lines
	rule   bool    // a heading: a rule above it
	quote  bool    // a quotation: a bar beside it
}

type encSpan struct {
	s    string
	ink  color.RGBA
	link *encyclopedia.Entry
}

// layPage lays an entry out w wide.
func (s *Encyclopedia) layPage(e *encyclopedia.Entry, w float64) encPage {
	p := encPage{entry: e, w: w, size: s.a.text.Size}
	y := 0.0
	for _, para := range s.paras(e) {
		f := para.face
		lh := f.Size * 1.45
		if y > 0 {
			y += para.before * lh
		}
		if para.rule {
			p.rules = append(p.rules, encRect{0, y, w, 1})
			p.lines = append(p.lines, y-2)
			y += lh * 0.35
		}
		top := y
		x0 := para.indent
		x, start := x0, true
		sw, _ := text.Measure(" ", f, 0)
		cur := -1 // the fragment being added to
		for _, sp := range para.spans {
			link := -1
			if sp.link != nil {
				link = len(p.links)
				p.links = append(p.links, sp.link)
			}
			first := true
			for _, word := range strings.Fields(sp.s) {
				ww, _ := text.Measure(word, f, 0)
				if !start && x+sw+ww > w {
					y += lh
					x, start, cur = x0, true, -1
				}
				if !start {
					x += sw
				}
				if cur >= 0 && !first {
					fr := &p.frags[cur]
					fr.s += " " + word
					fr.w = x + ww - fr.x
				} else {
					p.frags = append(p.frags, encFrag{x: x, y: y, w: ww, h: lh, s: word, face: f, ink: sp.ink, link: link})
					cur = len(p.frags) - 1
					if n := len(p.lines); n == 0 || p.lines[n-1] < y-0.5 {
						p.lines = append(p.lines, y)
					}
				}
				x += ww
				start, first = false, false
			}
		}
		y += lh
		if para.quote {
			p.bars = append(p.bars, encRect{x0 - 12, top + 2, 3, y - top - 4})
		}
	}
	p.height = y + s.a.text.Size
	return p
}

// linkAt is the number of the entry's link at (x, y), or -1.
func (s *Encyclopedia) linkAt(g encGeom, x, y int) int {
	top, h := g.pageView(s.a)
	fx, fy := float64(x)-g.colX, float64(y)-top+s.pageTop
	if float64(y) < top || float64(y) >= top+h {
		return -1
	}
	for _, f := range s.page.frags {
		if f.link >= 0 && fx >= f.x && fx < f.x+f.w && fy >= f.y && fy < f.y+f.h {
			return f.link
		}
	}
	return -1
}

// paras are an entry's paragraphs, in the order the encyclopedia's page
// gives them.
func (s *Encyclopedia) paras(e *encyclopedia.Entry) []encPara {
	a, enc := s.a, s.enc
	var out []encPara
	add := func(f *text.GoTextFace, indent, before float64, spans ...encSpan) *encPara {
		out = append(out, encPara{spans: spans, face: f, indent: indent, before: before})
		return &out[len(out)-1]
	}
	t := func(s string) encSpan { return encSpan{s: shown(s), ink: encInk} }
	em := a.text.Size
	cite := func(key string, indent float64) {
		sp := encSpan{s: "Source: " + citeName(enc, key), ink: encDim}
		if to := enc.ForSource(key); to != nil && to != e {
			sp.ink, sp.link = linkInk, to
		}
		add(a.small, indent, 0.1, sp)
	}
	heading := func(h string) {
		add(a.small, 0, 1.4, encSpan{s: strings.ToUpper(h), ink: encAccent}).rule = true
	}
	add(a.small, 0, 0, encSpan{s: strings.ToUpper(kindName(e.Kind)), ink: encAccent})
	add(a.title, 0, 0.1, encSpan{s: shown(e.Name), ink: encInk})
	for i, para := range strings.Split(strings.TrimSpace(e.Summary), "\n\n") {
		before := 0.5
		if i == 0 {
			before = 0.6
		}
		add(a.text, 0, before, t(para))
	}
	if e.Source != "" {
		cite(e.Source, 0)
	}
	if len(e.OtherNames) > 0 {
		heading("Other names")
		for _, o := range e.OtherNames {
			add(a.text, 0, 0.3, encSpan{s: shown(o.Name) + ":", ink: encInk}, encSpan{s: shown(o.UsedBy), ink: encDim})
			if o.Source != "" {
				cite(o.Source, em)
			}
		}
	}
	if len(e.Dates) > 0 {
		heading("Dates")
		for _, d := range e.Dates {
			add(a.text, 0, 0.45, encSpan{s: shown(d.When) + ":", ink: encAccent}, t(d.Text))
			cite(d.Source, em)
		}
	}
	if len(e.Claims) > 0 {
		heading("What the sources say")
		for _, c := range e.Claims {
			add(a.text, 0, 0.45, t(c.Text))
			cite(c.Source, em)
		}
	}
	if len(e.Disagreements) > 0 {
		heading("Where the sources disagree")
		for _, d := range e.Disagreements {
			add(a.text, 0, 0.6, encSpan{s: shown(d.Topic), ink: encAccent})
			for _, v := range d.Views {
				add(a.text, em, 0.3, encSpan{s: shown(v.By) + ":", ink: encAccent}, t(v.Text))
				cite(v.Source, 2*em)
			}
		}
	}
	if len(e.Quotes) > 0 {
		heading("From the period")
		for _, q := range e.Quotes {
			for i, para := range strings.Split(strings.TrimSpace(q.Text), "\n\n") {
				before := 0.3
				if i == 0 {
					before = 0.6
				}
				add(a.text, em*1.4, before, t("“"+para+"”")).quote = true
			}
			add(a.small, em*1.4, 0.2, encSpan{s: "— " + shown(q.Who) + ", " + shown(q.When), ink: encInk})
			cite(q.Source, em*1.4)
			if q.Note != "" {
				add(a.small, em*1.4, 0.1, encSpan{s: shown(q.Note), ink: encDim})
			}
		}
	}
	if game := inTheGame(enc, e); len(game) > 0 {
		heading("In the game")
		for _, l := range game {
			add(a.text, 0, 0.3, t(l))
		}
	}
	if len(e.Links.Sources) > 0 {
		heading("Sources covered")
		for _, k := range e.Links.Sources {
			src, ok := enc.Sources[k]
			c := k
			if ok {
				c = src.Citation()
			}
			add(a.small, 0, 0.3, encSpan{s: shown(c), ink: encInk})
		}
	}
	var see []*encyclopedia.Entry
	for _, id := range e.See {
		if to := enc.Entry(id); to != nil {
			see = append(see, to)
		}
	}
	if len(see) > 0 {
		heading("See also")
		for _, to := range see {
			add(a.text, 0, 0.25, encSpan{s: shown(to.Name), ink: linkInk, link: to})
		}
	}
	return out
}

// inTheGame says where the entry's subject stands in the scenarios, as
// the encyclopedia's page does.
func inTheGame(enc *encyclopedia.Encyclopedia, e *encyclopedia.Entry) []string {
	var out []string
	group := func(what string, refs []encyclopedia.Ref) {
		for i := 0; i < len(refs); {
			j := i
			var names []string
			for ; j < len(refs) && refs[j].Scenario == refs[i].Scenario; j++ {
				names = append(names, refs[j].Name)
			}
			title := enc.Scenarios[refs[i].Scenario]
			if title == "" {
				title = refs[i].Scenario
			}
			out = append(out, what+" in "+title+": "+strings.Join(names, "; "))
			i = j
		}
	}
	group("Units", e.Links.Units)
	group("Places", e.Links.Places)
	group("The side", e.Links.Sides)
	if len(e.Links.Commanders) > 0 {
		out = append(out, "Commander of units as: "+strings.Join(e.Links.Commanders, "; "))
	}
	return out
}

// kindName is an entry's kind as its heading names it.
func kindName(kind string) string {
	switch kind {
	case encyclopedia.Work:
		return "Source"
	case encyclopedia.Person:
		return "Person"
	case "":
		return ""
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// citeName is a source as a line of the screen cites it: its author and
// title, and its year.
func citeName(enc *encyclopedia.Encyclopedia, key string) string {
	src, ok := enc.Sources[key]
	if !ok {
		return key
	}
	author, title := shown(src.Author), shown(src.Title)
	s := title
	switch {
	case author == "":
	case strings.HasSuffix(author, " in") || strings.HasSuffix(author, " of"):
		s = author + " " + title
	default:
		s = author + ", " + title
	}
	if src.Year != "" && !strings.Contains(s, src.Year) {
		s += " (" + src.Year + ")"
	}
	return s
}

// glyphs is the interface's font, to ask which letters it has.
var glyphs = func() *sfnt.Font {
	f, err := sfnt.Parse(assets.Font)
	if err != nil {
		panic(err) // the embedded font is always valid
	}
	return f
}()

var (
	glyphMu  sync.Mutex
	glyphHas = map[rune]bool{}
)

// drawable reports whether the interface's font has a letter for r.
func drawable(r rune) bool {
	if r < 0x250 || unicode.IsSpace(r) {
		return true
	}
	glyphMu.Lock()
	defer glyphMu.Unlock()
	has, ok := glyphHas[r]
	if !ok {
		var b sfnt.Buffer
		i, err := glyphs.GlyphIndex(&b, r)
		has = err == nil && i != 0
		glyphHas[r] = has
	}
	return has
}

// shown is s as the screen can draw it: without the letters the font
// lacks, and without the brackets and separators they leave empty. The font
// has every letter of the bundled entries (go test ./assets checks it), so
// they come out whole, Chinese, Cyrillic and Arabic script too.
func shown(s string) string {
	out := latin(s)
	if out == s {
		return strings.Join(strings.Fields(s), " ")
	}
	for _, empty := range []string{"//", "( //", "(, )", "(,)", "·,", "· ,"} {
		out = strings.ReplaceAll(out, empty, "")
	}
	out = strings.Join(strings.Fields(out), " ")
	out = strings.ReplaceAll(out, " ,", ",")
	out = strings.Trim(out, " ,;·/")
	if strings.HasPrefix(out, "(") && strings.HasSuffix(out, ")") && strings.Count(out, "(") == 1 {
		out = out[1 : len(out)-1]
	}
	return out
}

// Draw implements scene.
func (s *Encyclopedia) Draw(dst *ebiten.Image) {
	a := s.a
	g := s.geom()
	dst.Fill(encPaper)
	vector.DrawFilledRect(dst, 0, 0, float32(g.w), float32(g.top), screenFill, false)
	drawText(dst, "Encyclopedia of the Ili Rebellion, 1944-1946", encListPad+4, 14, a.title, color.White)
	drawTextLines(dst, s.about(g.w), encListPad+4, 14+a.title.Size*1.5, g.top, a.small, color.RGBA{200, 196, 184, 255})
	if s.enc != nil {
		count := fmt.Sprintf("%d entries · %d sources · %d quotations from the period", len(s.enc.Entries), len(s.enc.Sources), s.enc.Quotes())
		cw, _ := text.Measure(count, a.small, 0)
		tw, _ := text.Measure("Encyclopedia of the Ili Rebellion, 1944-1946", a.title, 0)
		if g.w-cw-20 > encListPad+tw+40 {
			drawText(dst, count, g.w-cw-20, 14+a.title.Size*0.45, a.small, color.RGBA{200, 196, 184, 255})
		}
	}
	s.drawKeys(dst, g)
	if s.enc == nil {
		drawTextLines(dst, a.wrap(s.status, g.w-80, a.text), 40, g.top+30, g.bottom, a.text, encInk)
		return
	}
	s.layout(g)
	s.drawIndex(dst, g)
	s.drawPage(dst, g)
}

// drawKeys says the keys along the bottom.
func (s *Encyclopedia) drawKeys(dst *ebiten.Image, g encGeom) {
	a := s.a
	vector.DrawFilledRect(dst, 0, float32(g.bottom), float32(g.w), float32(g.h-g.bottom), screenFill, false)
	drawTextLines(dst, s.keys(g.w), encListPad+4, g.bottom+a.small.Size*0.5, g.h, a.small, color.RGBA{200, 196, 184, 255})
}

// drawIndex draws the index, the entry shown and the row pointed at
// marked, and where it stands in its length.
func (s *Encyclopedia) drawIndex(dst *ebiten.Image, g encGeom) {
	a := s.a
	vector.DrawFilledRect(dst, 0, float32(g.top), float32(g.listW), float32(g.bottom-g.top), encIndexBg, false)
	top, h := g.listView()
	pointed := s.rowAt(g, s.mx, s.my)
	for _, r := range s.index.rows {
		y := top + r.y - s.listTop
		if y < top-0.5 || y+r.h > top+h+0.5 {
			continue
		}
		if r.entry == nil {
			drawText(dst, r.lines[0], encListPad, y+r.h-a.small.Size*1.45, a.small, encKindInk)
			continue
		}
		ink := menuText
		switch {
		case r.entry == s.entry:
			vector.DrawFilledRect(dst, 6, float32(y), float32(g.listW-12), float32(r.h), menuHot, false)
			ink = color.RGBA{30, 24, 10, 255}
		case r.entry == pointed:
			vector.DrawFilledRect(dst, 6, float32(y), float32(g.listW-12), float32(r.h), encHover, false)
		}
		ly := y + a.text.Size*0.2
		for i, l := range r.lines {
			x := float64(encListPad)
			if i > 0 {
				x += 8
			}
			drawText(dst, l, x, ly, a.text, ink)
			ly += a.text.Size * 1.3
		}
	}
	scrollBar(dst, g.listW-5, top, h, s.listTop, s.index.height, color.RGBA{110, 116, 130, 255})
}

// drawPage draws the entry in its column, the lines wholly in view, the
// link pointed at underlined and the one Tab chose marked.
func (s *Encyclopedia) drawPage(dst *ebiten.Image, g encGeom) {
	top, h := g.pageView(s.a)
	pointed := s.linkAt(g, s.mx, s.my)
	x0 := g.colX
	inView := func(y, hh float64) bool { return y >= top-0.5 && y+hh <= top+h+0.5 }
	for _, r := range s.page.rules {
		if y := top + r.y - s.pageTop; inView(y, 1) {
			vector.DrawFilledRect(dst, float32(x0+r.x), float32(y), float32(r.w), float32(r.h), color.RGBA{190, 170, 140, 255}, false)
		}
	}
	for _, b := range s.page.bars {
		y0 := math.Max(top, top+b.y-s.pageTop)
		y1 := math.Min(top+h, top+b.y+b.h-s.pageTop)
		if y1 > y0 {
			vector.DrawFilledRect(dst, float32(x0+b.x), float32(y0), float32(b.w), float32(y1-y0), color.RGBA{170, 150, 120, 255}, false)
		}
	}
	for _, f := range s.page.frags {
		y := top + f.y - s.pageTop
		if !inView(y, f.h) {
			continue
		}
		if f.link >= 0 && f.link == s.focus {
			vector.DrawFilledRect(dst, float32(x0+f.x-2), float32(y), float32(f.w+4), float32(f.h), encFocus, false)
		}
		drawText(dst, f.s, x0+f.x, y, f.face, f.ink)
		if f.link >= 0 && f.link == pointed {
			uy := y + f.face.Size*1.25
			vector.StrokeLine(dst, float32(x0+f.x), float32(uy), float32(x0+f.x+f.w), float32(uy), 1, f.ink, false)
		}
	}
	scrollBar(dst, g.w-8, top, h, s.pageTop, s.page.height, color.RGBA{190, 178, 156, 255})
}

// scrollBar draws where a view of h pixels, scrolled by at, stands in a
// length of all pixels; nothing when all of it is in view.
func scrollBar(dst *ebiten.Image, x, y, h, at, all float64, c color.RGBA) {
	if all <= h {
		return
	}
	bh := math.Max(24, h*h/all)
	by := y + (h-bh)*at/(all-h)
	vector.DrawFilledRect(dst, float32(x), float32(by), 3, float32(bh), c, false)
}

// updateLinks opens the encyclopedia at the name clicked in the story on
// screen, or else in the panel (the selected unit, its commander and
// source, a line of the log); the game waits as it is, and Esc in the
// encyclopedia comes back to it.
func (p *Play) updateLinks(in Input) scene {
	if !in.Click {
		return nil
	}
	var e *encyclopedia.Entry
	if len(p.stories) > 0 {
		e = p.storyLinkAt(in.MouseX, in.MouseY)
	} else {
		e = p.panelLinkAt(in.MouseX, in.MouseY)
	}
	if e == nil {
		return nil
	}
	return newEncyclopedia(p.a, p, e)
}

// encyclopediaHere opens the encyclopedia from the game's menu, at the
// side of the person at the screen.
func (p *Play) encyclopediaHere() scene {
	var at *encyclopedia.Entry
	if enc, err := theEncyclopedia(); err == nil {
		at = enc.ForSide(p.sc.ID, p.viewer())
	}
	return newEncyclopedia(p.a, p, at)
}

// linkBox is a name laid out as a link: where it stands and its entry.
type linkBox struct {
	x, y, w, h float64
	s          string
	entry      *encyclopedia.Entry
}

// flowLinks lays out a label and then names, " · " between them, from
// (x, y), w wide, wrapping between names; it returns the boxes (the
// label's with no entry) and the height they take.
func flowLinks(label string, entries []*encyclopedia.Entry, x, y, w float64, f *text.GoTextFace) ([]linkBox, float64) {
	lh := f.Size * 1.45
	lw, _ := text.Measure(label+" ", f, 0)
	out := []linkBox{{x: x, y: y, w: lw, h: lh, s: label}}
	cx, cy := x+lw, y
	sep, _ := text.Measure(" · ", f, 0)
	for i, e := range entries {
		name := shown(e.Name)
		nw, _ := text.Measure(name, f, 0)
		if i > 0 {
			cx += sep
		}
		if cx+nw > x+w && cx > x+lw {
			cx, cy = x, cy+lh
		}
		out = append(out, linkBox{x: cx, y: cy, w: nw, h: lh, s: name, entry: e})
		cx += nw
	}
	return out, cy + lh - y
}

// drawLinks draws laid-out links, the one at (mx, my) underlined.
func drawLinks(dst *ebiten.Image, boxes []linkBox, f *text.GoTextFace, labelInk color.Color, mx, my int) {
	for i, b := range boxes {
		if b.entry == nil {
			drawText(dst, b.s, b.x, b.y, f, labelInk)
			continue
		}
		if i > 1 {
			sw, _ := text.Measure(" · ", f, 0)
			if boxes[i-1].y == b.y {
				drawText(dst, " · ", b.x-sw, b.y, f, labelInk)
			}
		}
		drawText(dst, b.s, b.x, b.y, f, linkInk)
		if b.at(mx, my) {
			uy := b.y + f.Size*1.25
			vector.StrokeLine(dst, float32(b.x), float32(uy), float32(b.x+b.w), float32(uy), 1, linkInk, false)
		}
	}
}

func (b linkBox) at(x, y int) bool {
	fx, fy := float64(x), float64(y)
	return fx >= b.x && fx < b.x+b.w && fy >= b.y && fy < b.y+b.h
}
