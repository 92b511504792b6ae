package ui

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/encyclopedia"
	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/scenario"
	"ili/game/words"
)

// panelRow is a line of the side panel: text, a value at the right, and a
// bar for a share (odds, quality, morale).
type panelRow struct {
	text, value string
	bar         float64
	odds        bool // the bar is an outcome's odds
	head        bool
	warn        bool
	// link is the encyclopedia's entry a click on the row opens; a quiet
	// link looks like the text round it until it is pointed at.
	link  *encyclopedia.Entry
	quiet bool
	// toggle: a click on the row shows every factor of the preview, or
	// the three that weigh most.
	toggle bool
	act    bool // what to do next, in green
	dim    bool // a note on the panel itself
}

func line(s string) panelRow { return panelRow{text: s} }
func head(s string) panelRow { return panelRow{text: s, head: true} }

// drawPanel draws the side panel: the selected unit, the attack being
// weighed, and the log, whole entries of it, the oldest giving way when
// room runs out (panelLayout).
func (p *Play) drawPanel(dst *ebiten.Image, v *rules.View) {
	a := p.a
	fill := a.palette().Panel
	fill.A = 255 // opaque: the map does not show through the log
	fillRect(dst, image.Rect(p.w-a.panelW, a.barH, p.w, p.h), fill)
	l := p.panelLayout(v)
	p.drawRows(dst, l.rows, l.x, l.top, l.inner, l.bottom)
}

// panelLayout is the side panel as laid out: the rows it shows from top
// down to bottom, inner wide from x, and the minimap under them.
type panelLayout struct {
	rows                       []panelRow
	x, top, inner, bottom      float64
	lh                         float64
	mini                       paint.Camera
	miniX, miniY, miniW, miniH float64 // the minimap's box; miniW 0 when it is hidden
}

// minLogRows are the rows the log keeps (its head and a few lines) before
// the minimap gives way to the selected unit or the attack being weighed.
const minLogRows = 4

// panelLayout lays the side panel out. The selected unit and the attack
// being weighed come first; the minimap keeps its size under them while
// the log has a few rows left, then shrinks, then is left out, so that
// what is weighed is shown whole; what is still too long scrolls with the
// wheel over the panel. The log fills the rest with its last entries,
// each whole.
func (p *Play) panelLayout(v *rules.View) panelLayout {
	a := p.a
	l := panelLayout{x: float64(p.w-a.panelW) + 8, top: float64(a.barH + 8), inner: float64(a.panelW) - 16, lh: a.small.Size * 1.3}
	content := append(p.unitRows(v, l.inner), p.previewRows(l.inner)...)
	entries := p.logEntries(l.inner)
	floor := float64(p.h - 10)
	// The minimap: as large as the panel's width allows, if there is room.
	x0, y0, x1, y1 := paint.MapBounds(p.sc.Setup.Map)
	side := float64(a.panelW - 20)
	s := math.Min(side/(x1-x0), side*0.7/(y1-y0))
	mh := (y1 - y0) * s
	logRows := 0
	if len(entries) > 0 {
		logRows = minLogRows
	}
	room := floor - l.top - float64(len(content)+logRows)*l.lh - 10
	if room < mh { // shrink it to the room, down to half its size
		s *= room / mh
		mh = room
	}
	if p.h >= 400 && mh >= math.Max(60, 0.5*(y1-y0)*math.Min(side/(x1-x0), side*0.7/(y1-y0))) {
		l.miniW, l.miniH = (x1-x0)*s, mh
		l.miniX = float64(p.w-a.panelW) + (float64(a.panelW)-l.miniW)/2
		l.miniY = floor - mh
		l.mini = paint.Camera{X: x0 - l.miniX/s, Y: y0 - l.miniY/s, Scale: s}
		l.bottom = l.miniY - 10
	} else {
		l.bottom = floor
	}
	n := int((l.bottom - l.top) / l.lh)
	if len(content) > n { // too long even alone: it scrolls
		p.panelScroll = max(0, min(p.panelScroll, len(content)-n+1))
		end := min(len(content), p.panelScroll+n-1)
		l.rows = append(l.rows, content[p.panelScroll:end]...)
		more := fmt.Sprintf("the wheel over the panel scrolls: %d more lines", len(content)-end)
		if end == len(content) {
			more = fmt.Sprintf("the wheel over the panel scrolls: %d lines above", p.panelScroll)
		}
		return l.withRows(append(l.rows, panelRow{text: more, dim: true}))
	}
	p.panelScroll = 0
	l.rows = content
	// The log's last entries, whole, as many as there is room for.
	left := n - len(content) - 1
	first := len(entries)
	for first > 0 && len(entries[first-1]) <= left {
		left -= len(entries[first-1])
		first--
	}
	if first < len(entries) || len(entries) == 0 {
		l.rows = append(l.rows, head("Log"))
		for _, e := range entries[first:] {
			l.rows = append(l.rows, e...)
		}
	}
	return l
}

// withRows is the layout with rows.
func (l panelLayout) withRows(rows []panelRow) panelLayout { l.rows = rows; return l }

// panelLinkAt is the encyclopedia's entry of the panel's row at (x, y):
// the selected unit's name, commander or source, or a line of the log.
func (p *Play) panelLinkAt(x, y int) *encyclopedia.Entry {
	if r := p.panelRowAt(x, y); r != nil {
		return r.link
	}
	return nil
}

// panelRowAt is the panel's row at (x, y), or nil.
func (p *Play) panelRowAt(x, y int) *panelRow {
	l := p.panelLayout(p.currentView())
	fx, fy := float64(x), float64(y)
	if fx < l.x || fx >= l.x+l.inner || fy < l.top {
		return nil
	}
	i := int((fy - l.top) / l.lh)
	if i >= len(l.rows) || l.top+float64(i+1)*l.lh > l.bottom {
		return nil
	}
	return &l.rows[i]
}

// scrollPanel scrolls the panel by the wheel's turn, when its rows do not
// fit.
func (p *Play) scrollPanel(wheel float64) {
	switch {
	case wheel < 0:
		p.panelScroll += 3
	case wheel > 0:
		p.panelScroll = max(0, p.panelScroll-3)
	}
	p.dirty = true
}

// unitRows describe the selected unit: in short while an attack is
// weighed, so that every factor has room.
func (p *Play) unitRows(v *rules.View, inner float64) []panelRow {
	u := p.unit(p.sel.unit)
	if u == nil {
		return nil
	}
	var rows []panelRow
	for _, l := range p.a.wrap(u.Name, inner, p.a.small) {
		r := head(l)
		if enc, err := theEncyclopedia(); err == nil {
			r.link, r.quiet = enc.ForUnit(p.sc.ID, u.ID), true
		}
		rows = append(rows, r)
	}
	if p.sel.preview != nil {
		return append(rows, line(fmt.Sprintf("%d men, quality %d%%, morale %d", u.Men, u.Quality, u.Morale)), line(""))
	}
	if len(p.sel.stack) > 1 {
		return append(p.stackRows(inner), line(""))
	}
	if n := len(p.ownStack(u.Hex)); n > 1 {
		rows = append(rows, p.wrapRows(fmt.Sprintf("1 of %d units here: click the hex again for the next, or Shift-click it to move them all together", n), inner, panelRow{act: true})...)
	}
	for _, l := range p.a.wrap(p.sideName(u.Side)+", "+strings.ToLower(u.Type.Name), inner, p.a.small) {
		rows = append(rows, line(l))
	}
	rows = append(rows, line(fmt.Sprintf("%d men, %d guns, %d machine guns", u.Men, u.Guns, u.MGs)),
		line(fmt.Sprintf("%d horses, %d trucks, %d armoured", u.Horses, u.Trucks, u.Armour)),
		panelRow{text: "quality", value: fmt.Sprintf("%d%%", u.Quality), bar: float64(u.Quality) / 100},
		panelRow{text: "morale", value: fmt.Sprintf("%d", u.Morale), bar: float64(u.Morale) / 100},
		line(fmt.Sprintf("posture: %s", u.Posture(v.Map))))
	rows = append(rows, p.supplyRows(u, v, inner)...)
	if u.Disordered {
		rows = append(rows, panelRow{text: "disordered: cannot attack this turn", warn: true})
	}
	enc, _ := theEncyclopedia()
	if u.Commander != "" {
		r := line("commander: " + u.Commander)
		if enc != nil {
			r.link = enc.ForCommander(u.Commander)
		}
		rows = append(rows, r)
	}
	if _, ok := p.sc.Sources[u.Source]; ok {
		for _, l := range p.a.wrap(latin("source: "+p.cite(u.Source)), inner, p.a.small) {
			r := line(l)
			if enc != nil {
				r.link = enc.ForSource(u.Source)
			}
			rows = append(rows, r)
		}
	}
	if note := p.sc.UnitNotes[u.ID]; note != "" {
		// At most three lines: the rest is a click away, in the unit's entry.
		nr := panelRow{dim: true}
		if enc != nil {
			nr.link, nr.quiet = enc.ForUnit(p.sc.ID, u.ID), true
		}
		ls := p.wrapRows(latin("note: "+p.sourcesNamed(note)), inner, nr)
		if len(ls) > 3 {
			ls = ls[:3]
			last := ls[2].text
			for w, _ := text.Measure(last+"…", p.a.small, 0); w > inner && strings.Contains(last, " "); w, _ = text.Measure(last+"…", p.a.small, 0) {
				last = last[:strings.LastIndex(last, " ")]
			}
			ls[2].text = last + "…"
		}
		rows = append(rows, ls...)
	}
	return append(rows, line(""))
}

// cite is how the panel names a source: author and title, the designers'
// estimates said as such.
func (p *Play) cite(key string) string {
	if p.log().SourceName(key) == "the designers' estimate" {
		return "the designers' estimate, where the sources consulted give no figure"
	}
	return p.sc.Cite(key)
}

// sourcesNamed is a scenario's note with the keys of its sources put as
// their short names (namedSources).
func (p *Play) sourcesNamed(s string) string { return namedSources(p.sc, s) }

// namedSources is a note of sc's with the keys of its sources put as
// their short names: "Part of PRCe's 1,500" is "Part of PRC reference
// encyclopedia's 1,500".
func namedSources(sc *scenario.Scenario, s string) string {
	keys := make([]string, 0, len(sc.Sources))
	for k := range sc.Sources {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return len(b) - len(a) }) // the longest first
	for _, k := range keys {
		s = scenario.ReplaceWord(s, k, words.Log{Scenario: sc}.SourceName(k))
	}
	return s
}

// supplyRows say the unit's supply: what it carries, and when it is off
// the supply line or out of supply, why and what to do.
func (p *Play) supplyRows(u *rules.Unit, v *rules.View, inner float64) []panelRow {
	why := p.supplyWhy(u, v)
	var first string
	switch {
	case u.InSupply && why == "":
		return []panelRow{line(fmt.Sprintf("in supply (%d h of it carried)", u.SupplyHours))}
	case u.InSupply:
		first = fmt.Sprintf("OFF THE SUPPLY LINE: %d h of supply left. ", u.SupplyHours)
	default:
		first = "OUT OF SUPPLY: weaker in a fight, losing morale each turn. "
	}
	var rows []panelRow
	for _, l := range p.a.wrap(first+why, inner, p.a.small) {
		rows = append(rows, panelRow{text: l, warn: true})
	}
	return rows
}

// supplyWhy says why the unit is off its side's supply line and what to
// do, as far as the side can tell from what it sees; "" when it is on the
// line. The rules say only whether a line reaches a hex: a march of the
// side's supply hours, by the scenario's supply mode, from a source it
// holds, through no enemy and no enemy's zone of control. So when no
// source is within that march even on an empty map, the sources are too
// far; else the enemy cuts the way, and the cheapest way says where.
func (p *Play) supplyWhy(u *rules.Unit, v *rules.View) string {
	key := fmt.Sprint(u.ID, u.Hex, v.Turn, v.Phase, p.m.Commands(), u.InSupply)
	if p.sel.supplyKey == key {
		return p.sel.supplyWhy
	}
	why := p.supplyReason(u, v)
	p.sel.supplyKey, p.sel.supplyWhy = key, why
	return why
}

func (p *Play) supplyReason(u *rules.Unit, v *rules.View) string {
	q := p.m.Query(u.Side)
	if _, ok := q.SupplyReach().Cost(u.Hex); ok {
		if u.InSupply {
			return ""
		}
		return "Back on a supply line now: " + says(u.Name, "refill") + " at the start of your next phase."
	}
	reach := 0
	for _, sd := range v.Sides {
		if sd.ID == u.Side {
			reach = sd.SupplyReachHours
		}
	}
	// The march from every hex to the unit, on an empty map: the cost of
	// the step a to b is that of supply going from b to a.
	grid := v.Map.Grid()
	free := grid.ReachFrom([]hex.Hex{u.Hex}, func(a, b hex.Hex) (int, bool) { return q.StepCost(v.SupplyMode, b, a) }, -1)
	var mine, other *rules.Place
	far := func(pl *rules.Place) int32 { return free[v.Map.Index(pl.Hex)] }
	for i := range v.Places {
		pl := &v.Places[i]
		if !pl.Supply || far(pl) < 0 {
			continue
		}
		switch {
		case pl.Owner == u.Side:
			if mine == nil || far(pl) < far(mine) {
				mine = pl
			}
		case rules.Hostile(pl.Owner, u.Side) || pl.Owner == "":
			if other == nil || far(pl) < far(other) {
				other = pl
			}
		}
	}
	take := ""
	if other != nil && (mine == nil || far(other) < far(mine)) {
		take = fmt.Sprintf(", or take %s (%d h away), a source of supply", other.Name, far(other)/60)
	}
	switch {
	case mine == nil && other == nil:
		return "No source of supply can reach this hex."
	case mine == nil:
		return "Your side holds no source of supply here" + strings.Replace(take, ", or take", ": take", 1) + "."
	case int(far(mine)) > reach*60:
		return fmt.Sprintf("No source of supply of yours within %d hours' march: the nearest, %s, is %d h away. Move toward it%s.",
			reach, mine.Name, far(mine)/60, take)
	}
	// Within the march: the enemy cuts the way. Where the cheapest way
	// from the source meets the enemy or its zone of control, it is cut.
	path, _, _ := grid.Path(mine.Hex, u.Hex, func(a, b hex.Hex) (int, bool) { return q.StepCost(v.SupplyMode, a, b) }, 0, -1)
	for _, h := range path[min(1, len(path)):] {
		if h == u.Hex {
			break
		}
		if e := p.enemyBlocks(u.Side, h, v); e != nil {
			them := "it"
			if plural(e.Name) {
				them = "them"
			}
			return fmt.Sprintf("The enemy's %s the line from %s at %s: drive %s off, or move back toward %s.",
				says(e.Name, "cut"), mine.Name, p.placeName(h), them, mine.Name)
		}
	}
	return fmt.Sprintf("The enemy cuts the lines from %s: move back toward %s.", mine.Name, mine.Name)
}

// enemyBlocks is the enemy unit the side sees that a supply line cannot
// pass at h: one there, or one next to it with a zone of control when no
// unit of the side stands there; nil for none.
func (p *Play) enemyBlocks(side string, h hex.Hex, v *rules.View) *rules.Unit {
	var zoc *rules.Unit
	for i := range v.Units {
		e := &v.Units[i]
		if e.Status != rules.Active {
			continue
		}
		switch {
		case e.Hex == h && rules.Hostile(e.Side, side):
			return e
		case e.Hex == h:
			return nil // a unit of the side keeps the line open through the zone of control
		case zoc == nil && rules.Hostile(e.Side, side) && e.Type.ZOC && hex.Adjacent(e.Hex, h):
			zoc = e
		}
	}
	return zoc
}

// previewRows give the attack being weighed: the target, the headline
// (the chance of a win, the likeliest result), what the winner does and
// how to attack, then the odds of each outcome, the loss ranges and the
// three causes that weigh most in words, or, with F or a click on the
// last row, every factor.
func (p *Play) previewRows(inner float64) []panelRow {
	pre := p.sel.preview
	if pre == nil {
		return nil
	}
	wrapped := func(s string, r panelRow) []panelRow {
		var rows []panelRow
		for _, l := range p.a.wrap(s, inner, p.a.small) {
			r.text = l
			rows = append(rows, r)
		}
		return rows
	}
	target := "ATTACK on " + p.placeName(p.sel.target)
	if p.placeAt(p.sel.target) == nil {
		target = "ATTACK " + p.placeName(p.sel.target)
	}
	rows := wrapped(target, panelRow{head: true})
	rows = append(rows, wrapped(headline(pre), panelRow{})...)
	if p.sel.note != "" {
		rows = append(rows, wrapped(capital(p.sel.note), panelRow{})...)
	}
	rows = append(rows, wrapped("Click the target again to attack; Esc calls it off.", panelRow{act: true})...)
	for o := rules.Outcome(0); o < rules.NumOutcomes; o++ {
		rows = append(rows, panelRow{text: o.String(), value: fmt.Sprintf("%.0f%%", 100*pre.Odds[o]), bar: pre.Odds[o], odds: true})
	}
	rows = append(rows, line(fmt.Sprintf("you lose %d to %d men", pre.AttLoss[0], pre.AttLoss[2])),
		line(fmt.Sprintf("they lose %d to %d men", pre.DefLoss[0], pre.DefLoss[2])))
	place := ""
	if pl := p.placeAt(p.sel.target); pl != nil {
		place = pl.Name
	}
	if p.sel.allFactors {
		rows = append(rows, head("Every factor"))
		for _, f := range pre.Factors {
			value := fmt.Sprintf("x%.2f", f.Value)
			if f.Side == "odds" {
				value = "odds " + value
			}
			for i, l := range p.a.wrap(words.FactorLabel(f, pre, place), inner-80, p.a.small) {
				r := line(l)
				if i == 0 {
					r.value = value
				}
				rows = append(rows, r)
			}
		}
		rows = append(rows, wrapped("F or a click here: the three that weigh most", panelRow{toggle: true})...)
	} else {
		rows = append(rows, head("What weighs most"))
		for _, c := range words.TopCauses(pre, 3) {
			rows = append(rows, wrapped(words.CauseWords(c, pre, place), panelRow{})...)
		}
		rows = append(rows, wrapped(fmt.Sprintf("F or a click here: all %d factors", len(pre.Factors)), panelRow{toggle: true})...)
	}
	return append(rows, line(""))
}

// logEntries are the last entries of the log of the person at the screen,
// each as the rows it wraps to.
func (p *Play) logEntries(inner float64) [][]panelRow {
	log := p.Log()
	var out [][]panelRow
	for _, l := range log[max(0, len(log)-60):] { // as many as the panel has room for
		link := p.linkIn(l)
		var rows []panelRow
		for _, w := range p.wrapLog(l, inner) {
			rows = append(rows, panelRow{text: w, link: link, quiet: true})
		}
		out = append(out, rows)
	}
	return out
}

// linkIn is namedIn, kept for each line: the log is drawn every frame.
func (p *Play) linkIn(line string) *encyclopedia.Entry {
	if e, ok := p.links[line]; ok {
		return e
	}
	if p.links == nil || len(p.links) > 500 {
		p.links = map[string]*encyclopedia.Entry{}
	}
	e := p.namedIn(line)
	p.links[line] = e
	return e
}

// drawRows draws the panel's rows from (x, y) down to bottom.
func (p *Play) drawRows(dst *ebiten.Image, rows []panelRow, x, y, inner, bottom float64) {
	f := p.a.small
	lh := f.Size * 1.3
	for _, r := range rows {
		if y+lh > bottom {
			break
		}
		ink := p.a.palette().Text
		switch {
		case r.head:
			ink = color.RGBA{120, 50, 20, 255}
		case r.warn:
			ink = color.RGBA{200, 30, 30, 255}
		case r.act:
			ink = color.RGBA{20, 110, 40, 255}
		case r.dim:
			ink = color.RGBA{110, 110, 110, 255}
		}
		if r.bar > 0 || r.odds {
			bx, bw := x+inner*0.5, inner*0.32
			vector.DrawFilledRect(dst, float32(bx), float32(y+2), float32(bw), float32(lh-4), color.RGBA{0, 0, 0, 30}, false)
			c := color.RGBA{90, 120, 160, 255}
			if r.odds {
				c = color.RGBA{170, 60, 40, 255}
			}
			vector.DrawFilledRect(dst, float32(bx), float32(y+2), float32(bw*math.Min(1, r.bar)), float32(lh-4), c, false)
		}
		if r.link != nil || r.toggle {
			pointed := p.ptr.lastX >= int(x) && float64(p.ptr.lastX) < x+inner && p.ptr.lastY >= int(y) && float64(p.ptr.lastY) < y+lh
			if pointed || !r.quiet {
				ink = linkInk
			}
			if pointed {
				tw, _ := text.Measure(r.text, f, 0)
				vector.StrokeLine(dst, float32(x), float32(y+f.Size*1.2), float32(x+tw), float32(y+f.Size*1.2), 1, ink, false)
			}
		}
		drawText(dst, r.text, x, y, f, ink)
		tw, _ := text.Measure(r.text, f, 0)
		p.noteText("panel", r.text, x, y, tw, lh)
		if r.value != "" {
			vw, _ := text.Measure(r.value, f, 0)
			drawText(dst, r.value, x+inner-vw, y, f, ink)
			p.noteText("panel", r.value, x+inner-vw, y, vw, lh)
		}
		y += lh
	}
}

// wrapRows are s wrapped to inner, each line a row like r.
func (p *Play) wrapRows(s string, inner float64, r panelRow) []panelRow {
	var rows []panelRow
	for _, l := range p.a.wrap(s, inner, p.a.small) {
		r.text = l
		rows = append(rows, r)
	}
	return rows
}

// stackRows describe a selected stack: its units and their men, and how
// they move.
func (p *Play) stackRows(inner float64) []panelRow {
	rows := p.wrapRows(fmt.Sprintf("%d units moving together", len(p.sel.stack)), inner, panelRow{head: true})
	enc, _ := theEncyclopedia()
	for _, id := range p.sel.stack {
		u := p.unit(id)
		if u == nil {
			continue
		}
		for _, l := range p.a.wrap(fmt.Sprintf("%s: %d men", u.Name, u.Men), inner, p.a.small) {
			r := line(l)
			if enc != nil {
				r.link, r.quiet = enc.ForUnit(p.sc.ID, u.ID), true
			}
			rows = append(rows, r)
		}
	}
	return append(rows, p.wrapRows("The tinted hexes are where all of them can go; a click there moves each in turn. Click the hex again to choose one unit.", inner, panelRow{act: true})...)
}
