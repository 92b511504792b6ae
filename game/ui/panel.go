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
	rows = append(rows, p.previewRows()...)
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
	return rows[i].link
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
	if u.InSupply {
		rows = append(rows, line(fmt.Sprintf("in supply (%d h of it carried)", u.SupplyHours)))
	} else {
		rows = append(rows, panelRow{text: fmt.Sprintf("OUT OF SUPPLY (%d h left)", u.SupplyHours), warn: true})
	}
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

// previewRows give the attack being weighed: the odds of each outcome, the
// loss ranges and every factor.
func (p *Play) previewRows() []panelRow {
	pre := p.sel.preview
	if pre == nil {
		return nil
	}
	rows := []panelRow{head("ATTACK on " + p.placeName(p.sel.target)), line("click the target again to attack")}
	for o := rules.Outcome(0); o < rules.NumOutcomes; o++ {
		rows = append(rows, panelRow{text: o.String(), value: fmt.Sprintf("%.0f%%", 100*pre.Odds[o]), bar: pre.Odds[o], odds: true})
	}
	rows = append(rows, line(fmt.Sprintf("you lose %d to %d men", pre.AttLoss[0], pre.AttLoss[2])),
		line(fmt.Sprintf("they lose %d to %d men", pre.DefLoss[0], pre.DefLoss[2])),
		head("Factors"))
	for _, f := range pre.Factors {
		rows = append(rows, panelRow{text: f.Side + " " + f.Name, value: fmt.Sprintf("x%.2f", f.Value)})
	}
	return append(rows, line(""))
}

// logRows are the last lines of the log of the person at the screen.
func (p *Play) logRows(inner float64) []panelRow {
	rows := []panelRow{head("Log")}
	log := p.Log()
	for _, l := range log[max(0, len(log)-12):] {
		link := p.namedIn(l)
		for _, w := range p.a.wrap(l, inner, p.a.small) {
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
		if r.link != nil {
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
