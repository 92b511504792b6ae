package ui

import (
	"fmt"
	"math"
	"slices"

	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
)

// pointer is where the person points on the map: the hex under the mouse
// or, with the keyboard cursor on, under the cursor.
type pointer struct {
	hex      hex.Hex
	on       bool // the pointer is over the map
	cursorOn bool // the keyboard's hex cursor: the arrows move it, Enter clicks
	cursor   hex.Hex
	lastX    int
	lastY    int
}

// noteInput marks the frame to be drawn when anything came in, turns a
// click on the bar's buttons into their keys and the mouse at the screen's
// edge into the arrows, and finds the hex under the mouse.
func (p *Play) noteInput(in Input) Input {
	if len(in.Pressed) > 0 || len(in.Held) > 0 || in.Click || in.Wheel != 0 || in.DragDX != 0 || in.DragDY != 0 ||
		in.MouseX != p.ptr.lastX || in.MouseY != p.ptr.lastY {
		p.dirty = true
	}
	p.ptr.lastX, p.ptr.lastY = in.MouseX, in.MouseY
	if in.Held == nil {
		in.Held = map[Key]bool{}
	}
	if in.Click {
		if k := p.buttonAt(in.MouseX, in.MouseY); k != KeyNone {
			in.Pressed = append(in.Pressed, k)
			in.Click = false
		}
	}
	p.edgePan(in)
	if in.MouseX >= 0 && in.MouseX < p.w-p.a.panelW && in.MouseY > p.a.barH {
		wx, wy := p.cam.ToWorld(float64(in.MouseX), float64(in.MouseY))
		p.ptr.hex, p.ptr.on = paint.Unit.At(wx, wy), true
	} else {
		p.ptr.on = false
	}
	return in
}

// edgePan holds the arrows down while the mouse touches the screen's edge.
func (p *Play) edgePan(in Input) {
	const edge = 4
	if !in.MouseIn {
		return
	}
	switch {
	case in.MouseX < edge:
		in.Held[KeyLeft] = true
	case in.MouseX > p.w-edge:
		in.Held[KeyRight] = true
	}
	switch {
	case in.MouseY < edge:
		in.Held[KeyUp] = true
	case in.MouseY > p.h-edge:
		in.Held[KeyDown] = true
	}
}

// updateKeys carries out the game's keys; it returns the scene a key
// leads to (the result, a loaded game).
func (p *Play) updateKeys(in Input) (scene, error) {
	if in.Has(KeyUndo) || in.Has(KeyBack) {
		p.Undo()
	}
	if p.m.Over() && in.Has(KeyEnter) {
		return p.end(), nil
	}
	if in.Has(KeyGrid) {
		p.grid = !p.grid
	}
	if in.Has(KeyHelp) {
		p.help = !p.help
	}
	if in.Has(KeyGhost) {
		p.toggleGhost()
	}
	if in.Has(KeyEscape) {
		p.escape()
	}
	if in.Has(KeyMenu) {
		p.menu = p.newGameMenu()
	}
	if in.Has(KeyNext) {
		p.selectNext()
		p.showSelected()
	}
	if in.Has(KeyToggle) {
		p.toggleLeave()
	}
	if in.Has(KeyDig) {
		p.digIn()
	}
	if in.Has(KeySlower) || in.Has(KeyFaster) {
		p.sayOver("the AI's turns", speedWords(p.a.speed())) // the settings took the key already
	}
	if in.Has(KeyFit) && p.sel.preview != nil {
		p.sel.allFactors = !p.sel.allFactors // every factor of the attack weighed, or the three causes
		p.panelScroll = 0
	}
	if in.Has(KeySave) {
		p.saveAs("quicksave.json")
	}
	if in.Has(KeyEndTurn) && p.m.PersonToMove() {
		p.Apply(rules.EndPhase(p.m.ToMove()))
	}
	if in.Has(KeyLoad) {
		return p.quickLoad(), nil
	}
	return nil, nil
}

// speedWords say how fast the AI's turns are shown, and the keys that
// change it.
func speedWords(speed int) string {
	switch {
	case speed >= 5:
		return "the AI's turns now play at once (5 of 5); [ to watch them"
	case speed <= 1:
		return "the AI's turns are shown at the slowest (1 of 5); ] faster"
	}
	return fmt.Sprintf("the AI's turns are shown at speed %d of 5; [ slower, ] faster", speed)
}

// digIn has the selected unit (each of a selected stack) dig in for the
// phase: it neither moves nor attacks, and adds the turn's hours to its
// works.
func (p *Play) digIn() {
	if p.sel.unit == "" || !p.m.PersonToMove() {
		return
	}
	ids := []string{p.sel.unit}
	if len(p.sel.stack) > 1 {
		ids = slices.Clone(p.sel.stack)
	}
	for _, id := range ids {
		p.Apply(rules.Entrench(p.m.ToMove(), id))
	}
}

// showSelected centres the map on the selected unit when its hex is not
// wholly on the map's part of the screen: Tab leads the eye to the unit
// it selects.
func (p *Play) showSelected() {
	u := p.unit(p.sel.unit)
	if u == nil {
		return
	}
	x, y := paint.Unit.Center(u.Hex)
	sx, sy := p.cam.ToScreen(x, y)
	r, mw, top := p.cam.Scale, float64(p.w-p.a.panelW), float64(p.a.barH)
	if sx >= r && sx <= mw-r && sy >= top+r && sy <= float64(p.h)-r {
		return
	}
	p.cam.X = x - mw/2/p.cam.Scale
	p.cam.Y = y - (top+float64(p.h))/2/p.cam.Scale
	p.dirty = true
}

// escape closes the help, or clears the selection, or opens the menu.
func (p *Play) escape() {
	switch {
	case p.help:
		p.help = false
	case p.sel.unit != "" || p.sel.preview != nil || p.ptr.cursorOn:
		p.sel, p.ptr.cursorOn = selection{}, false
	default:
		p.menu = p.newGameMenu()
	}
}

// quickLoad opens the quick save, or says why it cannot.
func (p *Play) quickLoad() scene {
	next, err := loadStored(p.a, quicksave)
	if err != nil {
		p.say("cannot load: " + err.Error())
		return nil
	}
	next.keepCamera(p)
	return next
}

// keepCamera gives a game loaded over another of the same scenario the
// map as it was looked at (zoom and place), not opened afresh; quick load
// and the menu's load both keep it.
func (p *Play) keepCamera(from *Play) {
	if p.sc.ID == from.sc.ID && from.fitted {
		p.cam, p.fitted, p.fitUI = from.cam, from.fitted, from.fitUI
	}
	p.Resize(from.w, from.h)
}

// updateMap moves the keyboard cursor and the camera and acts on clicks.
func (p *Play) updateMap(in Input) {
	p.shift = in.Held[KeyShift]
	p.updateCursor(in)
	p.hoverPath()
	p.updateCamera(in)
	if !in.Click {
		return
	}
	switch {
	case p.inMinimap(in.MouseX, in.MouseY):
		p.centreOnMinimap(in.MouseX, in.MouseY)
	case in.MouseX < p.w-p.a.panelW && in.MouseY > p.a.barH:
		if !p.dragged {
			wx, wy := p.cam.ToWorld(float64(in.MouseX), float64(in.MouseY))
			if h := paint.Unit.At(wx, wy); p.sc.Setup.Map.In(h) {
				p.ClickHex(h)
			}
		}
		p.dragged = false
	}
}

// cursorKeys are the arrows' directions for the keyboard cursor.
var cursorKeys = [...]struct {
	key Key
	dir int
}{{KeyRight, 0}, {KeyUp, 2}, {KeyLeft, 3}, {KeyDown, 5}}

// updateCursor turns the keyboard cursor on and off, moves it with the
// arrows (which then leave the map still) and clicks its hex with Enter.
func (p *Play) updateCursor(in Input) {
	if in.Has(KeyCursor) {
		p.ptr.cursorOn = !p.ptr.cursorOn
		if u := p.unit(p.sel.unit); p.ptr.cursorOn && u != nil {
			p.ptr.cursor = u.Hex
		} else if p.ptr.cursorOn {
			wx, wy := p.cam.ToWorld(float64(p.w-p.a.panelW)/2, float64(p.h)/2)
			p.ptr.cursor = paint.Unit.At(wx, wy)
		}
	}
	if !p.ptr.cursorOn {
		return
	}
	for _, k := range cursorKeys {
		if in.Has(k.key) {
			if n := p.ptr.cursor.Neighbor(k.dir); p.sc.Setup.Map.In(n) {
				p.ptr.cursor = n
			}
		}
		delete(in.Held, k.key) // the arrows move the cursor, not the map
	}
	if in.Has(KeyEnter) {
		p.ClickHex(p.ptr.cursor)
	}
	p.ptr.hex, p.ptr.on = p.ptr.cursor, true
}

// updateCamera pans with the arrows and by dragging, and zooms at the
// mouse with the wheel and the keys.
func (p *Play) updateCamera(in Input) {
	pan := 24 / math.Max(p.cam.Scale, 1)
	if in.Held[KeyLeft] {
		p.cam.X -= pan
	}
	if in.Held[KeyRight] {
		p.cam.X += pan
	}
	if in.Held[KeyUp] {
		p.cam.Y -= pan
	}
	if in.Held[KeyDown] {
		p.cam.Y += pan
	}
	if in.DragDX != 0 || in.DragDY != 0 {
		p.cam.X -= float64(in.DragDX) / p.cam.Scale
		p.cam.Y -= float64(in.DragDY) / p.cam.Scale
		p.dragged = true
	}
	zoom := 1.0
	overPanel := in.MouseX >= p.w-p.a.panelW && in.MouseY > p.a.barH
	switch {
	case in.Wheel != 0 && overPanel:
		p.scrollPanel(in.Wheel) // the wheel over the panel scrolls it, never the map
	case in.Wheel != 0:
		zoom = math.Pow(1.15, in.Wheel)
	case in.Has(KeyZoomIn):
		zoom = 1.25
	case in.Has(KeyZoomOut):
		zoom = 0.8
	}
	if zoom != 1 {
		p.cam.ZoomAt(zoom, float64(in.MouseX), float64(in.MouseY), 2, 120)
	}
}
