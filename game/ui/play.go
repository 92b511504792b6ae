package ui

import (
	"fmt"
	"image/color"
	"math"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/ai"
	"ili/game/hex"
	"ili/game/rules"
	"ili/game/save"
	"ili/game/scenario"
)

// Play is the scene where a game is played.
type Play struct {
	opt      Options
	sc       *scenario.Scenario
	state    *rules.State
	human    map[string]bool
	ais      map[string]*ai.Player
	cam      Camera
	w, h     int
	fitted   bool
	selected string
	reach    map[hex.Hex]int
	hover    hex.Hex
	preview  *rules.Preview
	// logs is each person's log: what their side may know of.
	logs    map[string][]string
	grid    bool
	help    bool
	dragged bool
	// commands is every command applied so far, the AI's too, and hashes
	// the state hash at the start of each turn: together, the saved game.
	commands []rules.Command
	hashes   map[string]string
	terrain  terrainCache
	view     *rules.View // the viewer's view, until the next command
	// undo holds the game before each move since the last fight, sighting or
	// end of phase: moves can be taken back until something new is learnt.
	undo []undoPoint
	// dirty is set when something on screen may change; an unchanged frame
	// is not drawn again, so an idle game costs almost nothing.
	dirty     bool
	lastMouse [2]int
	minimap   terrainCache
	// stories are the narrative events that fired and have not been read.
	stories []rules.NarrativeFired
	// path is the route the selected unit would take to the hex under the
	// mouse, and its cost in march minutes.
	path     []hex.Hex
	pathCost int
	pathTo   hex.Hex
	aiTick   int
	// handover hides the map between two people's phases at one screen.
	handover bool
	// cursor is the keyboard's hex cursor: with it on, the arrows move it and
	// Enter acts as a click on its hex.
	cursorOn bool
	cursor   hex.Hex
	// hoverHex is the hex under the mouse or the keyboard cursor, which the
	// line at the bottom of the map describes.
	hoverHex hex.Hex
	hoverOn  bool
	// anims are the moves and fights still to be shown, in order.
	anims []anim
	// menu is the game's menu, open over the map, or nil.
	menu *menu
}

// The game menu's items.
const (
	menuResume = iota
	menuSave
	menuLoad
	menuSettings
	menuHelp
	menuTitle
	menuQuit
)

func newGameMenu() *menu {
	return newMenu("Back to the game", "Save the game", "Load a saved game", "Settings", "Keys and help", "Quit to the title screen", "Quit ili")
}

type undoPoint struct {
	state    *rules.State
	commands int
}

func newPlay(opt Options) (*Play, error) {
	p, err := newPlayNoAI(opt)
	if err != nil {
		return nil, err
	}
	p.record(p.state.Begin())
	p.hashes["1"] = p.state.Hash()
	p.runAI()
	return p, nil
}

// newPlayNoAI sets a game up without beginning it.
func newPlayNoAI(opt Options) (*Play, error) {
	sc, err := loadScenario(opt)
	if err != nil {
		return nil, err
	}
	s, err := sc.NewState(opt.Seed)
	if err != nil {
		return nil, err
	}
	p := &Play{opt: opt, sc: sc, state: s, human: map[string]bool{}, ais: map[string]*ai.Player{}, grid: true, hashes: map[string]string{}, logs: map[string][]string{}}
	side := opt.Side
	if side == "" {
		side = sc.Setup.Sides[0].ID
	}
	if sc.Side(side) == nil {
		return nil, fmt.Errorf("%s has no side %q", sc.ID, side)
	}
	for i, sd := range sc.Setup.Sides {
		if opt.Hotseat || sd.ID == side {
			p.human[sd.ID] = true
		} else {
			p.ais[sd.ID] = ai.New(sd.ID, opt.Opponent, opt.Seed*7919+uint64(i))
		}
	}
	return p, nil
}

// apply applies a command, keeps it for the save, and autosaves at the start
// of each turn.
func (p *Play) apply(cmd rules.Command) ([]rules.Event, error) {
	turn := p.state.Turn
	evs, err := p.state.Apply(cmd)
	p.view, p.path = nil, nil
	if err != nil {
		return nil, err
	}
	p.commands = append(p.commands, cmd)
	if p.state.Turn != turn {
		p.hashes[fmt.Sprint(p.state.Turn)] = p.state.Hash()
		if p.opt.Autosave {
			if dir, err := save.Dir(); err == nil {
				if err := p.Save(filepath.Join(dir, "autosave.json")); err != nil {
					p.say("autosave failed: " + err.Error())
				}
			}
		}
	}
	return evs, nil
}

// Save writes the game so far to name, atomically.
func (p *Play) Save(name string) error {
	g := &save.Game{Scenario: p.opt.Scenario, Variants: p.opt.Variants, Seed: p.opt.Seed, Side: p.opt.Side,
		Opponent: p.opt.Opponent.String(), Hotseat: p.opt.Hotseat, Commands: p.commands, Hashes: p.hashes,
		Title: p.sc.Title, Turn: p.state.Turn, Saved: time.Now().UTC().Truncate(time.Second)}
	return g.Write(name)
}

// saveAs saves the game in the saved-games folder under base and says so
// in the log.
func (p *Play) saveAs(base string) {
	dir, err := save.Dir()
	if err == nil {
		err = p.Save(filepath.Join(dir, base))
	}
	if err != nil {
		p.say("cannot save: " + err.Error())
		return
	}
	p.say("saved to " + filepath.Join(dir, base))
}

// Leave frees the map's pictures when another screen opens; they are drawn
// anew if the game is come back to (from the settings or a failed load).
func (p *Play) Leave() {
	p.terrain.free()
	p.minimap.free()
}

// Quit keeps the game for "Continue" when the window is closed.
func (p *Play) Quit() { p.autosave() }

// autosave keeps the game as it stands for "Continue" on the title screen.
func (p *Play) autosave() {
	if p.opt.Autosave && !p.state.Over {
		p.saveAs("autosave.json")
	}
}

// placeMenu centres the menu on the screen.
func (p *Play) placeMenu() {
	mw := max(320, float64(p.w)*0.25)
	p.menu.place((float64(p.w)-mw)/2, (float64(p.h)-p.menu.height())/2, mw)
}

// updateMenu reads input while the game menu is open.
func (p *Play) updateMenu(in Input) (scene, error) {
	if in.Has(KeyEscape) || in.Has(KeyMenu) {
		p.menu = nil
		return nil, nil
	}
	p.placeMenu()
	switch p.menu.update(in) {
	case menuResume:
		p.menu = nil
	case menuSave:
		p.saveAs(fmt.Sprintf("%s-turn%02d-%s.json", p.sc.ID, p.state.Turn, time.Now().Format("20060102-150405")))
		p.menu = nil
	case menuLoad:
		p.menu = nil
		return newLoadScreen(p.opt, p), nil
	case menuSettings:
		p.menu = nil
		return newSettingsScreen(p.opt, p), nil
	case menuHelp:
		p.menu, p.help = nil, true
	case menuTitle:
		p.autosave()
		return newTitle(p.opt), nil
	case menuQuit:
		p.autosave()
		return nil, errQuit
	}
	return nil, nil
}

// loadPlay rebuilds a saved game and opens it.
func loadPlay(name string, opt Options) (*Play, error) {
	g, err := save.Read(name)
	if err != nil {
		return nil, err
	}
	lv, err := ai.ParseLevel(g.Opponent)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	opt.Scenario, opt.Variants, opt.Seed, opt.Side, opt.Opponent, opt.Hotseat = g.Scenario, g.Variants, g.Seed, g.Side, lv, g.Hotseat
	p, err := newPlayNoAI(opt)
	if err != nil {
		return nil, err
	}
	sc, s, err := g.Replay()
	if err != nil {
		return nil, err
	}
	p.sc, p.state, p.commands, p.hashes = sc, s, g.Commands, g.Hashes
	p.say("loaded " + name)
	p.runAI()
	return p, nil
}

// Resize fits the map to a new window size the first time.
func (p *Play) Resize(w, h int) {
	if w != p.w || h != p.h {
		p.dirty = true
	}
	p.w, p.h = w, h
	if !p.fitted && w > 0 {
		p.cam = FitCamera(p.state.Map, w-panelWidth, h-barHeight)
		p.cam.Y -= float64(barHeight) / p.cam.Scale
		p.fitted = true
	}
}

// The panel's width and the bar's height, at the interface size in use.
var (
	panelWidth = 300
	barHeight  = 28
)

// viewer is the side whose view is drawn: the side to move if a person plays it.
func (p *Play) viewer() string {
	if side := p.state.ActiveSide(); p.human[side] {
		return side
	}
	for _, sd := range p.state.Sides {
		if p.human[sd.ID] {
			return sd.ID
		}
	}
	return p.state.ActiveSide()
}

func (p *Play) record(evs []rules.Event) {
	viewer := p.viewer()
	var shown []rules.Event // what the person at the screen may see happen
	for side := range p.human {
		known := p.state.Known(side, evs)
		for _, e := range known {
			p.logs[side] = append(p.logs[side], p.logLine(e))
		}
		if n := len(p.logs[side]); n > 200 {
			p.logs[side] = p.logs[side][n-200:]
		}
		if side == viewer {
			shown = known
		}
	}
	if !p.human[viewer] { // no person plays (tests): show the side to move's
		shown = p.state.Known(viewer, evs)
	}
	for _, e := range evs {
		if n, ok := e.(rules.NarrativeFired); ok {
			p.stories = append(p.stories, n)
		}
	}
	p.animate(shown)
}

// logLine is an event's line in the log, with units, places and sides by
// name; a fight in short (its factors were in the preview).
func (p *Play) logLine(e rules.Event) string {
	unit := func(id string) string {
		if u := p.state.Unit(id); u != nil && u.Name != "" {
			return u.Name
		}
		return id
	}
	units := func(ids []string) string {
		names := make([]string, len(ids))
		for i, id := range ids {
			names[i] = unit(id)
		}
		return strings.Join(names, " and ")
	}
	place := func(id string) string {
		if pl := p.state.Place(id); pl != nil {
			return pl.Name
		}
		return id
	}
	switch e := e.(type) {
	case rules.PhaseStarted:
		return p.shortName(e.Side) + " to move"
	case rules.Moved:
		return fmt.Sprintf("%s marches to %s (%d h %02d min)", unit(e.Unit), p.placeName(e.Path[len(e.Path)-1]), e.Minutes/60, e.Minutes%60)
	case rules.MoveStopped:
		return fmt.Sprintf("%s stops at %s: %s", unit(e.Unit), p.placeName(e.At), e.Reason)
	case rules.CombatResolved:
		r := e.Result
		return fmt.Sprintf("%s attack %s at %s: %s; attackers lose %d, defenders %d and %d captured",
			units(e.Attackers), units(e.Defenders), p.placeName(e.Target), r.Outcome, r.Attacker.Men, r.Defender.Men, r.Defender.Captured)
	case rules.Retreated:
		verb := "falls back"
		if e.Routed {
			verb = "routs"
		}
		return fmt.Sprintf("%s %s to %s", unit(e.Unit), verb, p.placeName(e.To))
	case rules.Advanced:
		return fmt.Sprintf("%s advances into %s", unit(e.Unit), p.placeName(e.To))
	case rules.PlaceCaptured:
		return fmt.Sprintf("%s take %s", p.shortName(e.Side), place(e.Place))
	case rules.UnitEliminated:
		return fmt.Sprintf("%s is broken (%s), %d captured", unit(e.Unit), e.Reason, e.Captured)
	case rules.ReinforcementArrived:
		return fmt.Sprintf("%s arrives at %s", unit(e.Unit), p.placeName(e.At))
	case rules.SupplyChanged:
		if e.InSupply {
			return unit(e.Unit) + " is back in supply"
		}
		return unit(e.Unit) + " is out of supply"
	case rules.UnitWithdrawn:
		return unit(e.Unit) + " leaves by order"
	case rules.UnitExited:
		return fmt.Sprintf("%s leaves the map at %s with %d men (%d VP)", unit(e.Unit), place(e.Place), e.Men, e.VP)
	case rules.NarrativeFired:
		return fmt.Sprintf("%s [%s]", e.Title, e.Source)
	}
	return e.String()
}

// say adds a line to the log of the person at the screen.
func (p *Play) say(msg string) {
	side := p.viewer()
	p.logs[side] = append(p.logs[side], msg)
}

// Log returns the log of the person at the screen.
func (p *Play) Log() []string { return p.logs[p.viewer()] }

// animated reports whether the AI's turn is shown command by command.
func (p *Play) animated() bool { return p.opt.Speed >= 1 && p.opt.Speed <= 4 }

// aiStep gives the AI's next command; false when a person is to move.
func (p *Play) aiStep() bool {
	if p.state.Over {
		return false
	}
	side := p.state.ActiveSide()
	pl, ok := p.ais[side]
	if !ok {
		return false
	}
	evs, err := p.apply(pl.Next(p.state.For(side)))
	if err != nil {
		evs, _ = p.apply(rules.EndPhase(side))
	}
	p.record(evs)
	return true
}

// runAI plays the AI's phases until a person is to move or the game ends,
// at once, unless the turn is animated (then Update plays it step by step).
func (p *Play) runAI() {
	if p.animated() {
		return
	}
	p.finishAI()
}

// finishAI plays the rest of the AI's phases at once.
func (p *Play) finishAI() {
	for n := 0; n < 100000 && p.aiStep(); n++ {
	}
}

// Apply gives a command for the side to move and records what happened.
func (p *Play) Apply(cmd rules.Command) error {
	before := undoPoint{state: p.state.Clone(), commands: len(p.commands)}
	evs, err := p.apply(cmd)
	if err != nil {
		p.say("cannot: " + err.Error())
		return err
	}
	p.record(evs)
	p.undo = append(p.undo, before)
	if cmd.Kind != rules.CmdMove {
		p.undo = nil
	}
	for _, e := range evs {
		switch e.(type) {
		case rules.CombatResolved, rules.Spotted, rules.ReinforcementArrived:
			p.undo = nil // something was learnt: no taking it back
		}
	}
	if cmd.Kind == rules.CmdEnd {
		p.selected, p.reach, p.preview = "", nil, nil
		p.handover = p.opt.Hotseat && p.state.Fog && !p.state.Over
		if p.handover {
			p.anims = nil
		}
		p.runAI()
	} else if p.selected != "" {
		p.reach = p.state.For(p.state.ActiveSide()).Reachable(p.selected)
	}
	return nil
}

// hoverPath updates the route shown from the selected unit to the hex
// under the mouse or the keyboard cursor.
func (p *Play) hoverPath() {
	if p.selected == "" || !p.hoverOn {
		p.path = nil
		return
	}
	h := p.hoverHex
	if h == p.pathTo && p.path != nil {
		return
	}
	p.pathTo, p.path = h, nil
	if _, ok := p.reach[h]; !ok {
		return
	}
	if path, cost, ok := p.state.For(p.state.ActiveSide()).PlanPath(p.selected, h); ok {
		p.path, p.pathCost = path, cost
	}
}

// Undo takes back the last move, if nothing has been learnt since.
func (p *Play) Undo() bool {
	if len(p.undo) == 0 {
		return false
	}
	u := p.undo[len(p.undo)-1]
	p.undo = p.undo[:len(p.undo)-1]
	p.state, p.commands, p.view = u.state, p.commands[:u.commands], nil
	p.say("move taken back")
	if p.selected != "" {
		p.reach = p.state.For(p.state.ActiveSide()).Reachable(p.selected)
	}
	return true
}

// State returns the game being played (for tests and saves).
func (p *Play) State() *rules.State { return p.state }

// Select selects one of the side's units, or clears the selection.
func (p *Play) Select(id string) {
	p.selected, p.reach, p.preview = "", nil, nil
	u := p.state.Unit(id)
	if u == nil || u.Side != p.state.ActiveSide() || !p.human[u.Side] || u.Status != rules.Active {
		return
	}
	p.selected = id
	p.reach = p.state.For(u.Side).Reachable(id)
}

// ClickHex acts on a hex as a click on the map does: select a unit of the
// side to move, move the selected unit, or attack an enemy next to it (with
// every unit of the side next to that enemy that can still attack).
func (p *Play) ClickHex(h hex.Hex) {
	side := p.state.ActiveSide()
	if !p.human[side] || p.state.Over {
		return
	}
	var mine, theirs []*rules.Unit
	for i := range p.state.Units {
		u := &p.state.Units[i]
		if u.Status != rules.Active || u.Hex != h {
			continue
		}
		if u.Side == side {
			mine = append(mine, u)
		} else if p.state.View(side).Seen(h) {
			theirs = append(theirs, u)
		}
	}
	switch {
	case len(theirs) > 0 && p.selected != "":
		cmd := p.attackOn(h)
		if p.preview != nil && p.hover == h {
			p.Apply(cmd) // second click on the target: commit
			p.preview = nil
			return
		}
		if pre, err := p.state.For(side).PreviewAttack(cmd, 200); err == nil {
			p.preview, p.hover = &pre, h
		} else {
			p.say("cannot attack: " + err.Error())
		}
	case len(mine) > 0 && (p.selected == "" || p.state.Unit(p.selected).Hex != h):
		p.Select(mine[0].ID)
	case p.selected != "":
		if _, ok := p.reach[h]; ok {
			p.Apply(rules.Move(side, p.selected, h))
		}
	}
}

// attackOn gathers the side's units next to h that can attack into one command.
func (p *Play) attackOn(h hex.Hex) rules.Command {
	side := p.state.ActiveSide()
	var ids []string
	for i := range p.state.Units {
		u := &p.state.Units[i]
		if u.Side == side && u.Status == rules.Active && !u.Attacked && !u.Disordered && u.Type.Class != rules.Aircraft && hex.Adjacent(u.Hex, h) {
			ids = append(ids, u.ID)
		}
	}
	return rules.Attack(side, h, true, ids...)
}

// Update implements scene.
func (p *Play) Update(in Input) (scene, error) {
	if in.Has(KeyQuit) {
		p.autosave()
		return nil, errQuit
	}
	if p.menu != nil {
		p.dirty = true
		return p.updateMenu(in)
	}
	if len(in.Pressed) > 0 || len(in.Held) > 0 || in.Click || in.Wheel != 0 || in.DragDX != 0 || in.DragDY != 0 ||
		[2]int{in.MouseX, in.MouseY} != p.lastMouse {
		p.dirty = true
	}
	p.lastMouse = [2]int{in.MouseX, in.MouseY}
	if in.Click {
		if k := p.buttonAt(in.MouseX, in.MouseY); k != KeyNone {
			in.Pressed = append(in.Pressed, k)
			in.Click = false
		}
	}
	// The screen's edges pan the map, as the keys do.
	const edge = 4
	if in.MouseIn && (in.MouseX < edge || in.MouseX > p.w-edge || in.MouseY < edge || in.MouseY > p.h-edge) {
		if in.MouseX < edge {
			in.Held[KeyLeft] = true
		} else if in.MouseX > p.w-edge {
			in.Held[KeyRight] = true
		}
		if in.MouseY < edge {
			in.Held[KeyUp] = true
		} else if in.MouseY > p.h-edge {
			in.Held[KeyDown] = true
		}
	}
	if in.MouseX >= 0 && in.MouseX < p.w-panelWidth && in.MouseY > barHeight {
		wx, wy := p.cam.ToWorld(float64(in.MouseX), float64(in.MouseY))
		p.hoverHex, p.hoverOn = unit.At(wx, wy), true
	} else {
		p.hoverOn = false
	}
	if p.handover {
		if in.Has(KeyEnter) || in.Click {
			p.handover, p.view = false, nil
		}
		return nil, nil
	}
	// The AI's turn, shown step by step; Enter or Space skips to its end.
	animating := p.stepAnim()
	if _, ai := p.ais[p.state.ActiveSide()]; ai && !p.state.Over && len(p.stories) == 0 {
		if in.Has(KeyEnter) || in.Has(KeyToggle) {
			p.finishAI()
			p.anims = nil
			return nil, nil
		}
		p.aiTick++
		if !animating && p.aiTick >= [...]int{1, 30, 12, 5, 2, 1}[max(0, min(5, p.opt.Speed))] {
			p.aiTick = 0
			p.aiStep()
		}
		p.dirty = true
	}
	if len(p.stories) > 0 && (in.Has(KeyEnter) || in.Click || in.Has(KeyEscape)) {
		p.stories = p.stories[1:] // read: the next story, or the map again
		return nil, nil
	}
	if in.Has(KeyUndo) {
		p.Undo()
	}
	if p.state.Over && in.Has(KeyEnter) {
		return newEnd(p.opt, p.sc, p.state), nil
	}
	if in.Has(KeyCursor) {
		p.cursorOn = !p.cursorOn
		if u := p.state.Unit(p.selected); p.cursorOn && u != nil {
			p.cursor = u.Hex
		} else if p.cursorOn {
			wx, wy := p.cam.ToWorld(float64(p.w-panelWidth)/2, float64(p.h)/2)
			p.cursor = unit.At(wx, wy)
		}
	}
	if p.cursorOn {
		moves := map[Key]int{KeyRight: 0, KeyUp: 2, KeyLeft: 3, KeyDown: 5}
		for k, dir := range moves {
			if in.Has(k) {
				if n := p.cursor.Neighbor(dir); p.state.Map.In(n) {
					p.cursor = n
				}
			}
			delete(in.Held, k) // the arrows move the cursor, not the map
		}
		if in.Has(KeyEnter) {
			p.ClickHex(p.cursor)
		}
		p.hoverHex, p.hoverOn = p.cursor, true
	}
	p.hoverPath()
	pan := 12 / math.Max(p.cam.Scale, 1)
	if in.Held[KeyLeft] {
		p.cam.X -= pan * 2
	}
	if in.Held[KeyRight] {
		p.cam.X += pan * 2
	}
	if in.Held[KeyUp] {
		p.cam.Y -= pan * 2
	}
	if in.Held[KeyDown] {
		p.cam.Y += pan * 2
	}
	if in.DragDX != 0 || in.DragDY != 0 {
		p.cam.X -= float64(in.DragDX) / p.cam.Scale
		p.cam.Y -= float64(in.DragDY) / p.cam.Scale
		p.dragged = true
	}
	if in.Wheel != 0 {
		p.cam.ZoomAt(math.Pow(1.15, in.Wheel), float64(in.MouseX), float64(in.MouseY), 2, 120)
	}
	if in.Has(KeyZoomIn) {
		p.cam.ZoomAt(1.25, float64(in.MouseX), float64(in.MouseY), 2, 120)
	}
	if in.Has(KeyZoomOut) {
		p.cam.ZoomAt(0.8, float64(in.MouseX), float64(in.MouseY), 2, 120)
	}
	if in.Has(KeyGrid) {
		p.grid = !p.grid
	}
	if in.Has(KeyHelp) {
		p.help = !p.help
	}
	if in.Has(KeyEscape) {
		switch {
		case p.help:
			p.help = false
		case p.selected != "" || p.preview != nil || p.cursorOn:
			p.selected, p.reach, p.preview, p.path, p.cursorOn = "", nil, nil, nil, false
		default:
			p.menu = newGameMenu()
		}
	}
	if in.Has(KeyMenu) {
		p.menu = newGameMenu()
	}
	if in.Has(KeyNext) {
		p.selectNext()
	}
	if in.Has(KeySave) {
		p.saveAs("quicksave.json")
	}
	if in.Has(KeyLoad) {
		dir, err := save.Dir()
		if err == nil {
			var next *Play
			if next, err = loadPlay(filepath.Join(dir, "quicksave.json"), p.opt); err == nil {
				next.Resize(p.w, p.h)
				return next, nil
			}
		}
		p.say("cannot load: " + err.Error())
	}
	if in.Has(KeyEndTurn) && !p.state.Over && p.human[p.state.ActiveSide()] {
		p.Apply(rules.EndPhase(p.state.ActiveSide()))
	}
	if in.Click && p.inMinimap(in.MouseX, in.MouseY) {
		p.centreOnMinimap(in.MouseX, in.MouseY)
	} else if in.Click && in.MouseX < p.w-panelWidth && in.MouseY > barHeight {
		if !p.dragged {
			wx, wy := p.cam.ToWorld(float64(in.MouseX), float64(in.MouseY))
			if h := unit.At(wx, wy); p.state.Map.In(h) {
				p.ClickHex(h)
			}
		}
		p.dragged = false
	}
	return nil, nil
}

func (p *Play) selectNext() {
	side := p.state.ActiveSide()
	var ids []string
	for _, u := range p.state.Units {
		if u.Side == side && u.Status == rules.Active && u.Spent == 0 && !u.Attacked && u.Type.Class != rules.Aircraft {
			ids = append(ids, u.ID)
		}
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		return
	}
	next := ids[0]
	for i, id := range ids {
		if id == p.selected && i+1 < len(ids) {
			next = ids[i+1]
		}
	}
	p.Select(next)
}

var (
	smallFace = face(12)
	textFace  = face(14)
	titleFace = face(22)
)

// setScale sizes text and panels for the interface size (1 = standard).
func setScale(s float64) {
	s = math.Max(0.75, math.Min(3, s))
	smallFace, textFace, titleFace = face(12*s), face(14*s), face(22*s)
	panelWidth, barHeight = int(300*s), int(28*s)
}

// SetSpeed changes how fast the AI's turn is shown (1 slow to 5 at once).
func (p *Play) SetSpeed(n int) { p.opt.Speed = n }

// SetPalette changes the colours the map is drawn in.
func (p *Play) SetPalette(pal *Palette) {
	p.opt.Palette, p.dirty = pal, true
}

// Idle reports whether the last frame drawn is still right.
func (p *Play) Idle() bool { return !p.dirty }

// Draw implements scene.
func (p *Play) Draw(dst *ebiten.Image) {
	p.dirty = false
	if p.handover {
		dst.Fill(color.RGBA{40, 44, 52, 255})
		op := &text.DrawOptions{}
		op.GeoM.Translate(60, 80)
		op.ColorScale.ScaleWithColor(color.White)
		text.Draw(dst, "Pass the screen to "+sideName(p.sc, p.state.ActiveSide())+". Enter when ready.", titleFace, op)
		return
	}
	if !p.fitted {
		b := dst.Bounds()
		p.Resize(b.Dx(), b.Dy())
	}
	pal := p.opt.Palette
	dst.Fill(color.RGBA{70, 80, 90, 255})
	if p.view == nil || p.view.Side != p.viewer() {
		p.view = p.state.View(p.viewer())
	}
	v := p.view
	var visible []bool
	if p.state.Fog {
		visible = v.Visible
	}
	p.terrain.draw(dst, p.state.Map, visible, p.cam, pal, p.grid)
	for h := range p.reach {
		cx, cy := unit.Center(h)
		sx, sy := p.cam.ToScreen(cx, cy)
		vector.DrawFilledCircle(dst, float32(sx), float32(sy), float32(p.cam.Scale*0.6), pal.Reach, false)
	}
	if len(p.path) > 1 {
		for i := 1; i < len(p.path); i++ {
			ax, ay := p.cam.ToScreen(unit.Center(p.path[i-1]))
			bx, by := p.cam.ToScreen(unit.Center(p.path[i]))
			vector.StrokeLine(dst, float32(ax), float32(ay), float32(bx), float32(by), 3, pal.Select, false)
		}
		ex, ey := p.cam.ToScreen(unit.Center(p.path[len(p.path)-1]))
		op := &text.DrawOptions{}
		op.GeoM.Translate(ex+8, ey-18)
		op.ColorScale.ScaleWithColor(color.Black)
		text.Draw(dst, fmt.Sprintf("%d h %02d min", p.pathCost/60, p.pathCost%60), smallFace, op)
	}
	if p.cursorOn {
		cx, cy := p.cam.ToScreen(unit.Center(p.cursor))
		vector.StrokeCircle(dst, float32(cx), float32(cy), float32(p.cam.Scale*0.8), 2.5, pal.Select, false)
	}
	drawPlaces(dst, v, p.cam, pal, smallFace, float64(p.w-panelWidth))
	drawCounters(dst, v, p.cam, pal, smallFace, p.selected, p.sliding())
	p.drawAnim(dst, v)
	p.drawBar(dst, v)
	p.drawPanel(dst, v)
	p.drawMinimap(dst)
	p.drawHover(dst, v)
	if len(p.stories) > 0 {
		p.drawStory(dst, p.stories[0])
	}
	if p.help {
		drawHelp(dst)
	}
	if p.menu != nil {
		vector.DrawFilledRect(dst, 0, 0, float32(p.w), float32(p.h), color.RGBA{0, 0, 0, 110}, false)
		p.placeMenu()
		p.menu.draw(dst)
	}
}

// drawStory shows a narrative event as it fires, with its source.
func (p *Play) drawStory(dst *ebiten.Image, n rules.NarrativeFired) {
	mapW := float64(p.w - panelWidth)
	w := math.Min(textFace.Size*46, mapW-40)
	inner := w - 32
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(n.Text), "\n\n") {
		lines = append(lines, wrapWidth(strings.Join(strings.Fields(para), " "), inner, textFace)...)
		lines = append(lines, "")
	}
	if src, ok := p.sc.Sources[n.Source]; ok {
		lines = append(lines, wrapWidth(latin("Source: "+src.Author+", "+src.Title), inner, textFace)...)
	}
	lh := textFace.Size * 1.45
	h := titleFace.Size*2.2 + lh*float64(len(lines)+2) + 16
	x, y := math.Max(10, mapW/2-w/2), float64(barHeight)+40
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(w), float32(h), color.RGBA{250, 246, 232, 245}, false)
	vector.StrokeRect(dst, float32(x), float32(y), float32(w), float32(h), 2, color.RGBA{90, 60, 30, 255}, false)
	drawText(dst, n.Title, x+16, y+12, titleFace, color.RGBA{90, 40, 20, 255})
	ty := drawTextLines(dst, lines, x+16, y+12+titleFace.Size*2, y+h, textFace, color.RGBA{30, 30, 30, 255})
	drawText(dst, "Enter or a click to go on", x+16, ty+lh*0.5, smallFace, color.RGBA{130, 70, 20, 255})
}

// minimap geometry: the whole map in the panel's lower corner.
func (p *Play) minimapCam() (Camera, float64, float64, float64, float64) {
	x0, y0, x1, y1 := mapBounds(p.state.Map)
	side := float64(panelWidth - 20)
	s := math.Min(side/(x1-x0), side*0.7/(y1-y0))
	left := float64(p.w-panelWidth) + 10
	top := float64(p.h) - (y1-y0)*s - 10
	return Camera{X: x0 - left/s, Y: y0 - top/s, Scale: s}, left, top, (x1 - x0) * s, (y1 - y0) * s
}

func (p *Play) inMinimap(x, y int) bool {
	_, l, t, w, h := p.minimapCam()
	return float64(x) >= l && float64(x) <= l+w && float64(y) >= t && float64(y) <= t+h
}

func (p *Play) centreOnMinimap(x, y int) {
	mc, _, _, _, _ := p.minimapCam()
	wx, wy := mc.ToWorld(float64(x), float64(y))
	p.cam.X = wx - float64(p.w-panelWidth)/2/p.cam.Scale
	p.cam.Y = wy - float64(p.h)/2/p.cam.Scale
}

// drawMinimap draws the whole map small, with the part on screen framed.
func (p *Play) drawMinimap(dst *ebiten.Image) {
	mc, l, t, w, h := p.minimapCam()
	if p.h < 400 || w <= 0 {
		return
	}
	vector.DrawFilledRect(dst, float32(l)-2, float32(t)-2, float32(w)+4, float32(h)+4, color.RGBA{40, 40, 40, 255}, false)
	p.minimap.draw(dst, p.state.Map, nil, mc, p.opt.Palette, false)
	x0, y0 := mc.ToScreen(p.cam.ToWorld(0, float64(barHeight)))
	x1, y1 := mc.ToScreen(p.cam.ToWorld(float64(p.w-panelWidth), float64(p.h)))
	x0, y0 = math.Max(x0, l), math.Max(y0, t)
	x1, y1 = math.Min(x1, l+w), math.Min(y1, t+h)
	if x1 > x0 && y1 > y0 {
		vector.StrokeRect(dst, float32(x0), float32(y0), float32(x1-x0), float32(y1-y0), 1.5, p.opt.Palette.Select, false)
	}
}

// buttons are the bar's clickable commands, right-aligned: each does what
// its key does.
var buttons = []struct {
	label string
	key   Key
}{{"End turn (E)", KeyEndTurn}, {"Menu (M)", KeyMenu}, {"Help (F1)", KeyHelp}}

// buttonAt returns the key of the bar button under (x, y), or KeyNone.
func (p *Play) buttonAt(x, y int) Key {
	if y < 0 || y >= barHeight {
		return KeyNone
	}
	right := p.w
	for i := len(buttons) - 1; i >= 0; i-- {
		w, _ := text.Measure(buttons[i].label, smallFace, smallFace.Size)
		left := right - int(w) - 16
		if x >= left && x < right {
			return buttons[i].key
		}
		right = left - 4
	}
	return KeyNone
}

func (p *Play) drawButtons(dst *ebiten.Image) {
	right := float64(p.w)
	for i := len(buttons) - 1; i >= 0; i-- {
		w, _ := text.Measure(buttons[i].label, smallFace, smallFace.Size)
		left := right - w - 16
		vector.DrawFilledRect(dst, float32(left), 3, float32(w+12), float32(barHeight-6), color.RGBA{80, 90, 110, 255}, false)
		op := &text.DrawOptions{}
		op.GeoM.Translate(left+6, 6)
		op.ColorScale.ScaleWithColor(color.White)
		text.Draw(dst, buttons[i].label, smallFace, op)
		right = left - 4
	}
}

func (p *Play) drawBar(dst *ebiten.Image, v *rules.View) {
	vector.DrawFilledRect(dst, 0, 0, float32(p.w), float32(barHeight), color.RGBA{35, 35, 40, 255}, false)
	s := p.state
	x, y := 8.0, (float64(barHeight)-textFace.Size*1.3)/2
	put := func(str string, c color.Color) {
		drawText(dst, str, x, y, textFace, c)
		w, _ := text.Measure(str, textFace, 0)
		x += w
	}
	swatch := func(side string) {
		c := p.opt.Palette.Sides[max(0, v.SideIndex(side))%len(p.opt.Palette.Sides)]
		sz := textFace.Size * 0.8
		vector.DrawFilledRect(dst, float32(x+4), float32(float64(barHeight)/2-sz/2), float32(sz), float32(sz), c, false)
		x += sz + 8
	}
	white, dim := color.RGBA{245, 245, 245, 255}, color.RGBA{180, 180, 185, 255}
	put(s.Title, white)
	date := s.TurnTime(s.Turn)
	put(fmt.Sprintf("    turn %d/%d   %s   %s    ", s.Turn, s.Turns, date.Format("2 Jan 2006 15:04"), s.WeatherAt(s.Turn)), dim)
	if s.Over {
		w := "nobody"
		if s.Winner != "" {
			w = p.shortName(s.Winner)
		}
		put(fmt.Sprintf("game over: %s wins (%s), Enter for the result    ", w, s.Reason), white)
	} else {
		active := s.ActiveSide()
		who := "(you)"
		if _, ai := p.ais[active]; ai {
			who = "(AI; Enter skips)"
		}
		swatch(active)
		put(p.shortName(active)+" to move "+who+"    ", white)
	}
	put("VP", dim)
	vp := s.VP()
	for _, sd := range s.Sides {
		swatch(sd.ID)
		put(fmt.Sprint(vp[sd.ID]), white)
	}
	p.drawButtons(dst)
}

// sideName is a side's name, or its ID when the scenario has no such side.
func sideName(sc *scenario.Scenario, id string) string {
	if sd := sc.Side(id); sd != nil {
		return sd.Name
	}
	return id
}

// shortSide is a side's name without its bracketed note:
// "Ili National Army (East Turkestan Republic)" is "Ili National Army".
func shortSide(sc *scenario.Scenario, id string) string {
	name, _, _ := strings.Cut(sideName(sc, id), " (")
	return name
}

// shortName is shortSide in this game's scenario.
func (p *Play) shortName(side string) string { return shortSide(p.sc, side) }

func (p *Play) drawPanel(dst *ebiten.Image, v *rules.View) {
	x := float64(p.w - panelWidth)
	vector.DrawFilledRect(dst, float32(x), float32(barHeight), float32(panelWidth), float32(p.h-barHeight), p.opt.Palette.Panel, false)
	inner := float64(panelWidth) - 16
	var rows []panelRow
	add := func(r ...panelRow) { rows = append(rows, r...) }
	line := func(s string) panelRow { return panelRow{text: s} }
	head := func(s string) panelRow { return panelRow{text: s, head: true} }
	if u := p.state.Unit(p.selected); u != nil && p.preview != nil {
		// With an attack to weigh, the unit in short: the factors need the room.
		add(head(u.Name), line(fmt.Sprintf("%d men, quality %d%%, morale %d", u.Men, u.Quality, u.Morale)), line(""))
	} else if u != nil {
		add(head(u.Name))
		for _, l := range wrapWidth(sideName(p.sc, u.Side)+", "+strings.ToLower(u.Type.Name), inner, smallFace) {
			add(line(l))
		}
		add(line(fmt.Sprintf("%d men, %d guns, %d machine guns", u.Men, u.Guns, u.MGs)),
			line(fmt.Sprintf("%d horses, %d trucks, %d armoured", u.Horses, u.Trucks, u.Armour)),
			panelRow{text: "quality", value: fmt.Sprintf("%d%%", u.Quality), bar: float64(u.Quality) / 100},
			panelRow{text: "morale", value: fmt.Sprintf("%d", u.Morale), bar: float64(u.Morale) / 100},
			line(fmt.Sprintf("posture: %s", u.Posture(p.state.Map))))
		if u.InSupply {
			add(line(fmt.Sprintf("in supply (%d h of it carried)", u.SupplyHours)))
		} else {
			add(panelRow{text: fmt.Sprintf("OUT OF SUPPLY (%d h left)", u.SupplyHours), warn: true})
		}
		if u.Disordered {
			add(panelRow{text: "disordered: cannot attack this turn", warn: true})
		}
		if u.Commander != "" {
			add(line("commander: " + u.Commander))
		}
		if src, ok := p.sc.Sources[u.Source]; ok {
			for _, l := range wrapWidth(latin("source: "+src.Author), inner, smallFace) {
				add(line(l))
			}
		}
		add(line(""))
	}
	if pre := p.preview; pre != nil {
		add(head("ATTACK on "+p.placeName(p.hover)), line("click the target again to attack"))
		for o := rules.Outcome(0); o < rules.NumOutcomes; o++ {
			add(panelRow{text: o.String(), value: fmt.Sprintf("%.0f%%", 100*pre.Odds[o]), bar: pre.Odds[o], odds: true})
		}
		add(line(fmt.Sprintf("you lose %d to %d men", pre.AttLoss[0], pre.AttLoss[2])),
			line(fmt.Sprintf("they lose %d to %d men", pre.DefLoss[0], pre.DefLoss[2])),
			head("Factors"))
		for _, f := range pre.Factors {
			add(panelRow{text: f.Side + " " + f.Name, value: fmt.Sprintf("x%.2f", f.Value)})
		}
		add(line(""))
	}
	add(head("Log"))
	log := p.logs[p.viewer()]
	for _, l := range log[max(0, len(log)-12):] {
		for _, w := range wrapWidth(l, inner, smallFace) {
			add(line(w))
		}
	}
	_, _, mapTop, _, _ := p.minimapCam()
	bottom := math.Min(float64(p.h-16), mapTop-10)
	lh := smallFace.Size * 1.3
	// Too many rows: the log's oldest lines give way.
	if over := len(rows) - int((bottom-float64(barHeight)-8)/lh); over > 0 {
		logStart := len(rows)
		for i := len(rows) - 1; i >= 0; i-- {
			if rows[i].head && rows[i].text == "Log" {
				logStart = i + 1
				break
			}
		}
		cut := min(over, len(rows)-logStart)
		rows = append(rows[:logStart], rows[logStart+cut:]...)
	}
	y := float64(barHeight + 8)
	pal := p.opt.Palette
	for _, r := range rows {
		if y+lh > bottom {
			break
		}
		ink := pal.Text
		switch {
		case r.head:
			ink = color.RGBA{120, 50, 20, 255}
		case r.warn:
			ink = color.RGBA{200, 30, 30, 255}
		}
		if r.bar > 0 || r.odds {
			bx, bw := x+8+inner*0.5, inner*0.32
			vector.DrawFilledRect(dst, float32(bx), float32(y+2), float32(bw), float32(lh-4), color.RGBA{0, 0, 0, 30}, false)
			c := color.RGBA{90, 120, 160, 255}
			if r.odds {
				c = color.RGBA{170, 60, 40, 255}
			}
			vector.DrawFilledRect(dst, float32(bx), float32(y+2), float32(bw*math.Min(1, r.bar)), float32(lh-4), c, false)
		}
		drawText(dst, r.text, x+8, y, smallFace, ink)
		if r.value != "" {
			vw, _ := text.Measure(r.value, smallFace, 0)
			drawText(dst, r.value, x+8+inner-vw, y, smallFace, ink)
		}
		y += lh
	}
}

// panelRow is a line of the side panel: text, a value at the right, and a
// bar for a share (odds, quality, morale).
type panelRow struct {
	text, value string
	bar         float64
	odds        bool // the bar is an outcome's odds
	head        bool
	warn        bool
}

var helpLines = []string{
	"arrows, WASD\tpan the map (or drag it with the mouse, or touch the screen's edge)",
	"wheel, + and -\tzoom at the cursor",
	"minimap click\tcentre the map there",
	"click\tselect a unit, move it, or preview an attack on an enemy next to it",
	"click again\tmake the previewed attack",
	"Tab\tnext unit that can act",
	"C\tkeyboard cursor: the arrows move it, Enter clicks its hex",
	"U, Backspace\ttake back the last move (until a fight or a sighting)",
	"E\tend your phase",
	"Enter, Space\tskip the rest of the AI's turn",
	"[ and ]\tslower or faster AI turns",
	"G\thex grid on or off",
	"F5, F9\tquick save, quick load (autosave each turn and on quitting)",
	"F2\tcolour-blind-safe palette on or off",
	"F3, F4\tsmaller or larger interface",
	"F11\tfull screen",
	"Esc\tclear the selection; with nothing selected, the menu",
	"M\tthe menu: save, load, settings, quit",
	"F1, ?\tthis help (Esc closes it)",
	"Q\tquit (the game is kept for Continue)",
}

func drawHelp(dst *ebiten.Image) {
	keyW, w := 0.0, 0.0
	for _, l := range helpLines {
		k, d, _ := strings.Cut(l, "\t")
		kw, _ := text.Measure(k, textFace, 0)
		dw, _ := text.Measure(d, textFace, 0)
		keyW, w = math.Max(keyW, kw), math.Max(w, dw)
	}
	lh := textFace.Size * 1.4
	x, y := 60.0, 60.0
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(keyW+w+70), float32(lh*float64(len(helpLines)+1)+30), color.RGBA{250, 248, 240, 245}, false)
	drawText(dst, "Keys", x+20, y+12, titleFace, color.RGBA{120, 50, 20, 255})
	for i, l := range helpLines {
		k, d, _ := strings.Cut(l, "\t")
		ly := y + 16 + lh*float64(i+1)
		drawText(dst, k, x+20, ly, textFace, color.RGBA{120, 50, 20, 255})
		drawText(dst, d, x+40+keyW, ly, textFace, color.Black)
	}
}
