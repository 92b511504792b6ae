package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/encyclopedia"
	"ili/game/hex"
	"ili/game/rules"
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
}

func line(s string) panelRow { return panelRow{text: s} }
func head(s string) panelRow { return panelRow{text: s, head: true} }

// drawPanel draws the side panel: the selected unit, the attack being
// weighed, and the log, whose oldest lines give way when room runs out.
func (p *Play) drawPanel(dst *ebiten.Image, v *rules.View) {
	a := p.a
	x := float64(p.w - a.panelW)
	fill := a.palette().Panel
	fill.A = 255 // opaque: the map does not show through the log
	vector.DrawFilledRect(dst, float32(x), float32(a.barH), float32(a.panelW), float32(p.h-a.barH), fill, false)
	rows, inner, bottom := p.panelRows(v)
	p.drawRows(dst, rows, x+8, float64(a.barH+8), inner, bottom)
}

// panelRows are the rows the panel has room for, inner wide from its top
// down to bottom.
func (p *Play) panelRows(v *rules.View) (rows []panelRow, inner, bottom float64) {
	a := p.a
	inner = float64(a.panelW) - 16
	rows = p.unitRows(v, inner)
	rows = append(rows, p.previewRows(inner)...)
	logStart := len(rows) + 1
	rows = append(rows, p.logRows(inner)...)
	_, _, mapTop, _, _ := p.minimapCam()
	bottom = math.Min(float64(p.h-16), mapTop-10)
	lh := a.small.Size * 1.3
	// Too many rows: the log's oldest lines give way.
	if over := len(rows) - int((bottom-float64(a.barH)-8)/lh); over > 0 {
		cut := min(over, len(rows)-logStart)
		rows = append(rows[:logStart], rows[logStart+cut:]...)
	}
	return rows, inner, bottom
}

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
	rows, inner, bottom := p.panelRows(p.currentView())
	left, top, lh := float64(p.w-p.a.panelW)+8, float64(p.a.barH+8), p.a.small.Size*1.3
	fx, fy := float64(x), float64(y)
	if fx < left || fx >= left+inner || fy < top {
		return nil
	}
	i := int((fy - top) / lh)
	if i >= len(rows) || top+float64(i+1)*lh > bottom {
		return nil
	}
	return &rows[i]
}

// unitRows describe the selected unit: in short while an attack is
// weighed, so that every factor has room.
func (p *Play) unitRows(v *rules.View, inner float64) []panelRow {
	u := p.unit(p.sel.unit)
	if u == nil {
		return nil
	}
	name := head(u.Name)
	if enc, err := theEncyclopedia(); err == nil {
		name.link, name.quiet = enc.ForUnit(p.sc.ID, u.ID), true
	}
	if p.sel.preview != nil {
		return []panelRow{name, line(fmt.Sprintf("%d men, quality %d%%, morale %d", u.Men, u.Quality, u.Morale)), line("")}
	}
	rows := []panelRow{name}
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
		for _, l := range p.a.wrap(latin("source: "+p.sc.Cite(u.Source)), inner, p.a.small) {
			r := line(l)
			if enc != nil {
				r.link = enc.ForSource(u.Source)
			}
			rows = append(rows, r)
		}
	}
	return append(rows, line(""))
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

// previewRows give the attack being weighed: the headline (the chance of
// a win, the likeliest outcome), the odds of each outcome, the loss
// ranges and the three factors that weigh most in words, or, with Space,
// every factor.
func (p *Play) previewRows(inner float64) []panelRow {
	pre := p.sel.preview
	if pre == nil {
		return nil
	}
	wrapped := func(s string, warn bool) []panelRow {
		var rows []panelRow
		for _, l := range p.a.wrap(s, inner, p.a.small) {
			rows = append(rows, panelRow{text: l, warn: warn})
		}
		return rows
	}
	rows := []panelRow{head("ATTACK on " + p.placeName(p.sel.target))}
	rows = append(rows, wrapped(headline(pre), false)...)
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
			for i, l := range p.a.wrap(factorName(f, pre.Input, place), inner-80, p.a.small) {
				r := line(l)
				if i == 0 {
					r.value = value
				}
				rows = append(rows, r)
			}
		}
		rows = append(rows, panelRow{text: "click here: the three that weigh most", toggle: true})
	} else {
		rows = append(rows, head("What weighs most"))
		for _, f := range topFactors(pre, 3) {
			rows = append(rows, wrapped(factorWords(f, pre.Input, place), false)...)
		}
		rows = append(rows, panelRow{text: fmt.Sprintf("click here: all %d factors", len(pre.Factors)), toggle: true})
	}
	rows = append(rows, line("click the target again to attack"))
	return append(rows, line(""))
}

// logRows are the last lines of the log of the person at the screen.
func (p *Play) logRows(inner float64) []panelRow {
	rows := []panelRow{head("Log")}
	log := p.Log()
	for _, l := range log[max(0, len(log)-12):] {
		link := p.namedIn(l)
		for _, w := range p.wrapLog(l, inner) {
			rows = append(rows, panelRow{text: w, link: link, quiet: true})
		}
	}
	return rows
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
		if r.value != "" {
			vw, _ := text.Measure(r.value, f, 0)
			drawText(dst, r.value, x+inner-vw, y, f, ink)
		}
		y += lh
	}
}
