package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

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
	unit string
	// stack, when it holds two or more units, is the selection of a whole
	// stack (unit the first of them): they move together, each as far as
	// all can.
	stack   []string
	reach   map[hex.Hex]int
	preview *rules.Preview
	target  hex.Hex // the hex the preview is of
	path    []hex.Hex
	cost    int // the path's march minutes
	to      hex.Hex
	// advance is what the attack's winner does (Space steps through the
	// choices there are): advanceOn, the largest attacker advancing unless
	// it is the last in a place the side holds; advanceLeave, even then;
	// advanceStay, no attacker advancing. note says it, for the preview.
	advance int
	note    string
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

// refreshReach works out again where the selected unit can go, or where
// every unit of the selected stack can.
func (p *Play) refreshReach() {
	if p.sel.unit == "" {
		return
	}
	q := p.m.Query(p.m.ToMove())
	p.sel.reach = q.Reachable(p.sel.unit)
	if len(p.sel.stack) < 2 {
		return
	}
	lead := p.unit(p.sel.unit)
	var kept []string
	for _, id := range p.sel.stack {
		if u := p.unit(id); u != nil && lead != nil && u.Hex == lead.Hex && u.Status == rules.Active {
			kept = append(kept, id)
		}
	}
	p.sel.stack = kept
	for _, id := range kept[min(1, len(kept)):] {
		r := q.Reachable(id)
		for h, c := range p.sel.reach {
			if rc, ok := r[h]; !ok {
				delete(p.sel.reach, h)
			} else if rc > c {
				p.sel.reach[h] = rc
			}
		}
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
	p.sel, p.panelScroll = selection{}, 0
	side := p.m.ToMove()
	u := p.unit(id)
	if u == nil || u.Side != side || !p.m.PersonToMove() || u.Status != rules.Active {
		return
	}
	p.sel.unit = id
	p.sel.reach = p.m.Query(side).Reachable(id)
}

// ownStack is the units of the side to move in h that can be given
// orders, the strongest first, as the counters stack them.
func (p *Play) ownStack(h hex.Hex) []string {
	side := p.m.ToMove()
	var us []rules.Unit
	for _, u := range p.currentView().Units {
		if u.Hex == h && u.Side == side && u.Status == rules.Active && u.Type.Class != rules.Aircraft {
			us = append(us, u)
		}
	}
	slices.SortStableFunc(us, func(a, b rules.Unit) int {
		if a.Men != b.Men {
			return b.Men - a.Men
		}
		return strings.Compare(a.ID, b.ID)
	})
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.ID
	}
	return ids
}

// SelectStack selects every unit of the side in h that can be given
// orders, to move together.
func (p *Play) SelectStack(h hex.Hex) {
	ids := p.ownStack(h)
	if len(ids) == 0 {
		return
	}
	p.Select(ids[0])
	if p.sel.unit == "" || len(ids) < 2 {
		return
	}
	p.sel.stack = ids
	p.refreshReach()
}

// clickOwn selects in turn, on clicks on the same hex, each unit of a
// stack and then the whole stack; with Shift held, the whole stack at once.
func (p *Play) clickOwn(h hex.Hex, mine []string) {
	ids := p.ownStack(h)
	if len(ids) == 0 {
		p.Select(mine[0])
		return
	}
	cur := p.unit(p.sel.unit)
	switch {
	case p.shift && len(ids) > 1:
		p.SelectStack(h)
	case cur == nil || cur.Hex != h:
		p.Select(ids[0])
	case len(p.sel.stack) > 1 || len(ids) == 1:
		p.Select(ids[0])
	default:
		i := slices.Index(ids, p.sel.unit)
		if i+1 < len(ids) {
			p.Select(ids[i+1])
		} else {
			p.SelectStack(h)
		}
	}
}

// moveTo moves the selected unit, or every unit of the selected stack,
// to h.
func (p *Play) moveTo(h hex.Hex) {
	side := p.m.ToMove()
	if len(p.sel.stack) < 2 {
		p.Apply(rules.Move(side, p.sel.unit, h))
		return
	}
	stack := slices.Clone(p.sel.stack)
	for _, id := range stack {
		if p.Apply(rules.Move(side, id, h)) != nil {
			break
		}
	}
	p.sel.stack = stack
	p.refreshReach()
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
	case len(mine) > 0:
		p.clickOwn(h, mine)
	case p.sel.unit != "":
		if _, ok := p.sel.reach[h]; ok {
			p.moveTo(h)
		}
	}
}

// weighAttack shows the odds of an attack on h, or makes it when they are
// already shown.
func (p *Play) weighAttack(h hex.Hex) {
	side := p.m.ToMove()
	cmd := rules.Attack(side, h, true, p.m.Query(side).Attackers(h)...)
	if p.sel.preview != nil && p.sel.target == h {
		cmd.Advance, cmd.Leave = p.sel.advance != advanceStay, p.sel.advance == advanceLeave
		p.Apply(cmd) // second click on the target: commit
		p.sel.preview, p.sel.advance, p.sel.note = nil, advanceOn, ""
		return
	}
	if pre, err := p.m.Query(side).PreviewAttack(cmd, 200); err == nil {
		p.sel.preview, p.sel.target, p.sel.advance, p.sel.allFactors, p.panelScroll = &pre, h, advanceOn, false, 0
		p.sel.note = p.advanceNote()
	} else {
		advice, _ := p.advise(err)
		p.say("cannot attack " + p.placeName(h) + ": " + advice)
	}
}

// What the winner of an attack does (selection.advance).
const (
	advanceOn = iota
	advanceLeave
	advanceStay
)

// advancers are the units that would advance into the target of the
// attack being weighed, were it emptied: by default (the last of the side
// in a place it holds stays), and when it may leave such a place ("" for
// none).
func (p *Play) advancers() (normal, leave string) {
	side := p.m.ToMove()
	q := p.m.Query(side)
	cmd := rules.Attack(side, p.sel.target, true, q.Attackers(p.sel.target)...)
	normal = q.Advancer(cmd)
	cmd.Leave = true
	return normal, q.Advancer(cmd)
}

// advanceChoices are the choices the attack being weighed offers for its
// winner, in the order Space steps through them; the first is the default.
func (p *Play) advanceChoices() []int {
	normal, leave := p.advancers()
	out := []int{advanceOn}
	if leave != "" && leave != normal {
		out = append(out, advanceLeave)
	}
	if normal != "" {
		out = append(out, advanceStay)
	}
	return out
}

// toggleLeave steps the attack being weighed to the next thing its winner
// may do (advance, advance out of a place it holds, stay), when there is a
// choice.
func (p *Play) toggleLeave() {
	if p.sel.preview == nil {
		return
	}
	cs := p.advanceChoices()
	if len(cs) < 2 {
		return
	}
	next := cs[0]
	for i, c := range cs {
		if c == p.sel.advance {
			next = cs[(i+1)%len(cs)]
		}
	}
	p.sel.advance = next
	p.sel.note = p.advanceNote()
}

// advanceNote says what the winner of the attack being weighed does if
// the defender gives up the hex, and what Space would have it do instead:
// "if it wins, Nilka band, mounted, advances into Nilka (Gongha) (Space:
// stay)"; "" when no attacker may advance.
func (p *Play) advanceNote() string {
	if p.sel.preview == nil {
		return ""
	}
	normal, leave := p.advancers()
	n, l := p.unit(normal), p.unit(leave)
	cs := p.advanceChoices()
	var s string
	switch {
	case p.sel.advance == advanceStay:
		s = "if it wins, every attacker stays where it is"
	case p.sel.advance == advanceLeave && l != nil:
		s = fmt.Sprintf("if it wins, %s %s and %s %s empty", says(l.Name, "advance"), p.log().Into(p.sel.target), verbOf(l.Name, "leave"), p.placeName(l.Hex))
	case n != nil:
		s = fmt.Sprintf("if it wins, %s %s", says(n.Name, "advance"), p.log().Into(p.sel.target))
	case l != nil:
		s = fmt.Sprintf("if it wins, %s to hold %s", says(l.Name, "stay"), p.placeName(l.Hex))
	default:
		return "" // no attacker can advance (artillery alone)
	}
	if len(cs) < 2 {
		return s
	}
	next := cs[0]
	for i, c := range cs {
		if c == p.sel.advance {
			next = cs[(i+1)%len(cs)]
		}
	}
	switch {
	case next == advanceLeave && l != nil:
		s += fmt.Sprintf(" (Space: advance out of %s)", p.placeName(l.Hex))
	case next == advanceStay || n == nil:
		s += " (Space: stay)"
	default:
		s += " (Space: advance)"
	}
	return s
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
	th := f.Size * 1.35
	end := p.hexBox(path[len(path)-1])
	tx, ty := p.placeCard(tw+6, th, end, []paint.Box{p.hexBox(path[0])})
	tx += 3
	p.notePanel("route", paint.Box{X: tx - 3, Y: ty, W: tw + 6, H: th})
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
