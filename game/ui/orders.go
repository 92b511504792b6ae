package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/words"
)

// selection is the unit a person has chosen, where it can go, the route to
// the hex under the pointer, and the attack being weighed.
type selection struct {
	unit    string
	reach   map[hex.Hex]int
	preview *rules.Preview
	target  hex.Hex // the hex the preview is of
	path    []hex.Hex
	cost    int // the path's march minutes
	to      hex.Hex
	leave   bool // the attack, if it wins, may advance out of a place the side holds (Space)
	// allFactors shows every factor of the preview, not the three that
	// weigh most (a click on the panel's row says which).
	allFactors bool
	// supplyWhy is the panel's reason the unit is off its supply line, as
	// worked out for the state supplyKey names.
	supplyKey, supplyWhy string
}

// Apply gives a person's command for the side to move and shows what
// happened; a command the rules refuse is said in the log.
func (p *Play) Apply(cmd rules.Command) error {
	evs, err := p.m.Give(cmd)
	p.view, p.sel.path = nil, nil
	if err != nil {
		p.say(p.refused(err))
		return err
	}
	p.record(evs)
	if cmd.Kind == rules.CmdEnd {
		p.sel = selection{}
		p.runAI()
	} else {
		p.refreshReach()
	}
	return nil
}

// refreshReach works out again where the selected unit can go.
func (p *Play) refreshReach() {
	if p.sel.unit != "" {
		p.sel.reach = p.m.Query(p.m.ToMove()).Reachable(p.sel.unit)
	}
}

// Undo takes back the last move, if nothing has been learnt since.
func (p *Play) Undo() bool {
	if !p.m.Undo() {
		return false
	}
	p.view = nil
	p.say("move taken back")
	p.refreshReach()
	return true
}

// animated reports whether the AI's turn is shown command by command.
func (p *Play) animated() bool { return p.a.speed() >= 1 && p.a.speed() <= 4 }

// aiStep gives the AI's next command; false when a person is to move or
// the game is over.
func (p *Play) aiStep() bool {
	refused := len(p.m.Refused())
	evs, ok, err := p.m.Step()
	if err != nil {
		p.say("the game stops: " + err.Error())
		return false
	}
	if all := p.m.Refused(); len(all) > refused {
		r := all[len(all)-1]
		p.say(fmt.Sprintf("the rules refused the %s AI's %s command (%s); its phase ends", r.Command.Side, r.Command.Kind, r.Error))
	}
	p.view = nil
	p.record(evs)
	return ok
}

// runAI plays the AI's phases until a person is to move or the game ends,
// at once, unless the turn is animated (then Update plays it step by step).
func (p *Play) runAI() {
	if !p.animated() {
		p.finishAI()
	}
}

// finishAI plays the rest of the AI's phases at once. The match bounds it.
func (p *Play) finishAI() {
	for p.aiStep() {
	}
}

// aiTicks is the frames between two of the AI's commands, by speed.
var aiTicks = [...]int{1, 30, 12, 5, 2, 1}

// updateAI plays the AI's turn step by step, after each animation, unless
// a story waits to be read; Enter or Space skips to its end. It reports
// whether the input went to it. Before that it takes a click on the
// preview's row that lists every factor, or the three that weigh most.
func (p *Play) updateAI(in Input) bool {
	if in.Click && p.sel.preview != nil {
		if r := p.panelRowAt(in.MouseX, in.MouseY); r != nil && r.toggle {
			p.sel.allFactors = !p.sel.allFactors // every factor of the preview, or the three
		}
	}
	animating := p.stepAnim()
	if p.m.PersonToMove() || p.m.Over() || len(p.stories) > 0 {
		return false
	}
	if in.Has(KeyEnter) || in.Has(KeyToggle) {
		p.finishAI()
		p.anims = nil
		return true
	}
	p.aiTick++
	if !animating && p.aiTick >= aiTicks[max(0, min(5, p.a.speed()))] {
		p.aiTick = 0
		p.aiStep()
	}
	p.dirty = true
	return false
}

// Select selects one of the side's units, or clears the selection.
func (p *Play) Select(id string) {
	p.sel = selection{}
	side := p.m.ToMove()
	u := p.unit(id)
	if u == nil || u.Side != side || !p.m.PersonToMove() || u.Status != rules.Active {
		return
	}
	p.sel.unit = id
	p.sel.reach = p.m.Query(side).Reachable(id)
}

// ClickHex acts on a hex as a click on the map does: select a unit of the
// side to move, move the selected unit, or weigh an attack on an enemy next
// to it (with every unit of the side that can join in), and make it on a
// second click.
func (p *Play) ClickHex(h hex.Hex) {
	side := p.m.ToMove()
	if !p.m.PersonToMove() {
		return
	}
	var mine, theirs []string
	for _, u := range p.currentView().Units {
		if u.Status != rules.Active || u.Hex != h {
			continue
		}
		if u.Side == side {
			mine = append(mine, u.ID)
		} else {
			theirs = append(theirs, u.ID)
		}
	}
	switch {
	case len(theirs) > 0 && p.sel.unit != "":
		p.weighAttack(h)
	case len(mine) > 0 && (p.sel.unit == "" || p.unit(p.sel.unit) == nil || p.unit(p.sel.unit).Hex != h):
		p.Select(mine[0])
	case p.sel.unit != "":
		if _, ok := p.sel.reach[h]; ok {
			p.Apply(rules.Move(side, p.sel.unit, h))
		}
	}
}

// weighAttack shows the odds of an attack on h, or makes it when they are
// already shown.
func (p *Play) weighAttack(h hex.Hex) {
	side := p.m.ToMove()
	cmd := rules.Attack(side, h, true, p.m.Query(side).Attackers(h)...)
	if p.sel.preview != nil && p.sel.target == h {
		cmd.Leave = p.sel.leave
		p.Apply(cmd) // second click on the target: commit
		p.sel.preview, p.sel.leave = nil, false
		return
	}
	if pre, err := p.m.Query(side).PreviewAttack(cmd, 200); err == nil {
		p.sel.preview, p.sel.target, p.sel.leave = &pre, h, false
		p.sayAdvance()
	} else {
		advice, _ := p.advise(err)
		p.say("cannot attack " + p.placeName(h) + ": " + advice)
	}
}

// toggleLeave lets the attack being weighed advance out of the place its
// winner holds, or keeps it there, when the choice is there to make.
func (p *Play) toggleLeave() {
	if p.sel.preview != nil && p.advanceNote() != "" {
		p.sel.leave = !p.sel.leave
		p.sayAdvance()
	}
}

// advanceNote says whether the attack being weighed, if it empties its
// target, advances out of a place the side holds; "" when no attacker is
// the last of the side in such a place, or it would not be the one to go.
func (p *Play) advanceNote() string {
	side := p.m.ToMove()
	q := p.m.Query(side)
	cmd := rules.Attack(side, p.sel.target, true, q.Attackers(p.sel.target)...)
	stays := q.Advancer(cmd)
	cmd.Leave = true
	goes := p.unit(q.Advancer(cmd))
	if p.sel.preview == nil || goes == nil || goes.ID == stays {
		return ""
	}
	if p.sel.leave {
		return fmt.Sprintf("if it wins, %s out of %s and %s it empty (Space: stay)", says(goes.Name, "advance"), p.placeName(goes.Hex), verbOf(goes.Name, "leave"))
	}
	return fmt.Sprintf("if it wins, %s to hold %s (Space: advance out of it)", says(goes.Name, "stay"), p.placeName(goes.Hex))
}

// sayAdvance says advanceNote in the log, if there is a choice.
func (p *Play) sayAdvance() {
	if note := p.advanceNote(); note != "" {
		p.say(note)
	}
}

// selectNext selects the next unit of the side that has not yet acted.
func (p *Play) selectNext() {
	ids := p.m.Query(p.m.ToMove()).Ready()
	if len(ids) == 0 {
		return
	}
	next := ids[0]
	for i, id := range ids {
		if id == p.sel.unit && i+1 < len(ids) {
			next = ids[i+1]
		}
	}
	p.Select(next)
}

// hoverPath updates the route shown from the selected unit to the hex
// under the mouse or the keyboard cursor.
func (p *Play) hoverPath() {
	if p.sel.unit == "" || !p.ptr.on {
		p.sel.path = nil
		return
	}
	h := p.ptr.hex
	if h == p.sel.to && p.sel.path != nil {
		return
	}
	p.sel.to, p.sel.path = h, nil
	if _, ok := p.sel.reach[h]; !ok {
		return
	}
	if path, cost, ok := p.m.Query(p.m.ToMove()).PlanPath(p.sel.unit, h); ok {
		p.sel.path, p.sel.cost = path, cost
	}
}

// drawSelection marks where the selected unit can go, as hexes tinted
// lighter and ringed along the reach's edge, and the route to the hex
// under the pointer as a line (its march time is written over the map
// after: drawRouteTime).
func (p *Play) drawSelection(dst *ebiten.Image) {
	p.drawTarget(dst)
	reach := p.reachHexes()
	if len(reach) == 0 {
		return
	}
	pal := p.a.palette()
	b := p.a.scratch(dst)
	r := p.cam.Scale
	for _, h := range reach {
		sx, sy := p.cam.ToScreen(paint.Unit.Center(h))
		b.Hex(sx, sy, r, reachTint, reachTint)
	}
	// The reach's edge: the sides between a hex it holds and one it does not.
	lw := math.Max(1.5, r/10)
	for _, h := range reach {
		for _, n := range h.Neighbors() {
			if _, ok := p.sel.reach[n]; ok {
				continue
			}
			x0, y0, x1, y1 := paint.EdgeSegment(p.cam, h, n)
			b.Line(x0, y0, x1, y1, lw, reachEdge)
		}
	}
	path := p.sel.path
	if len(path) < 2 {
		b.Flush()
		return
	}
	pts := make([][2]float64, len(path))
	for i, h := range path {
		pts[i][0], pts[i][1] = p.cam.ToScreen(paint.Unit.Center(h))
	}
	drawRoute(b, pts, math.Max(3, r/7), pal.Select)
	b.Flush()
}

// The reach's tint over the ground and its edge, premultiplied.
var (
	reachTint = faint(color.RGBA{255, 255, 255, 255}, 70)
	reachEdge = faint(color.RGBA{255, 255, 255, 255}, 200)
)

// drawRoute adds a route through pts to the batch: a line w wide in col,
// cased in black, with round joints and a dot at its end.
func drawRoute(b *paint.Batch, pts [][2]float64, w float64, col color.RGBA) {
	for _, c := range []struct {
		w   float64
		col color.RGBA
	}{{w + 3, color.RGBA{30, 30, 30, 255}}, {w, col}} {
		for i := 1; i < len(pts); i++ {
			b.Line(pts[i-1][0], pts[i-1][1], pts[i][0], pts[i][1], c.w, c.col)
		}
		for _, q := range pts[1:] { // round joints, and the end a dot
			b.Disc(q[0], q[1], c.w/2, c.col)
		}
		end := pts[len(pts)-1]
		b.Disc(end[0], end[1], c.w*1.2, c.col)
	}
}

// drawRouteTime writes the route's march time on a tag by its end, over
// the places' names and the counters, within the map.
func (p *Play) drawRouteTime(dst *ebiten.Image) {
	path := p.sel.path
	if p.sel.unit == "" || len(path) < 2 {
		return
	}
	f := p.a.small
	s := marchTime(p.sel.cost)
	tw, _ := text.Measure(s, f, 0)
	ex, ey := p.cam.ToScreen(paint.Unit.Center(path[len(path)-1]))
	th := f.Size * 1.35
	tx := math.Min(ex+p.cam.Scale*0.6, float64(p.w-p.a.panelW)-tw-8)
	ty := math.Max(float64(p.a.barH)+4, ey-p.cam.Scale*0.6-th)
	vector.DrawFilledRect(dst, float32(tx-3), float32(ty), float32(tw+6), float32(th), color.RGBA{250, 246, 232, 255}, false)
	vector.StrokeRect(dst, float32(tx-3), float32(ty), float32(tw+6), float32(th), 1, color.RGBA{30, 30, 30, 255}, false)
	drawText(dst, s, tx, ty+th*0.04, f, color.Black)
}

// reachHexes are the hexes drawSelection tints: where the selected unit
// can go this phase, in a fixed order.
func (p *Play) reachHexes() []hex.Hex {
	out := make([]hex.Hex, 0, len(p.sel.reach))
	for h := range p.sel.reach {
		out = append(out, h)
	}
	slices.SortFunc(out, hex.Compare)
	return out
}

// drawTarget rings the hex whose attack is weighed, round its counter.
func (p *Play) drawTarget(dst *ebiten.Image) {
	if p.sel.preview == nil {
		return
	}
	tx, ty := p.cam.ToScreen(paint.Unit.Center(p.sel.target))
	vector.StrokeCircle(dst, float32(tx), float32(ty), float32(p.cam.Scale*0.82), float32(max(3, p.cam.Scale*0.12)), targetInk, true)
}

// targetInk marks the hex whose attack is weighed.
var targetInk = color.RGBA{210, 30, 30, 255}

// marchTime writes march minutes as hours and minutes.
var marchTime = words.MarchTime
