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

	"ili/game/encyclopedia"
	"ili/game/hex"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/scenario"
)

// drawOverlays draws what lies over the map: the route's march time, the
// story to read, the help and the menu.
func (p *Play) drawOverlays(dst *ebiten.Image) {
	p.drawRouteTime(dst)
	if len(p.stories) > 0 {
		p.drawStory(dst, p.stories[0])
	}
	if p.help {
		p.drawHelp(dst)
	}
	if p.menu != nil {
		vector.DrawFilledRect(dst, 0, 0, float32(p.w), float32(p.h), color.RGBA{0, 0, 0, 110}, false)
		p.placeMenu()
		// An opaque box under the menu's buttons: the map does not show
		// through them.
		m := p.menu
		vector.DrawFilledRect(dst, float32(m.x-8), float32(m.y-6), float32(m.w+16), float32(m.height()+12), screenFill, false)
		vector.StrokeRect(dst, float32(m.x-8), float32(m.y-6), float32(m.w+16), float32(m.height()+12), 1.5, menuHot, false)
		m.draw(dst)
	}
}

// drawStory shows a narrative event as it fires, with its source and the
// encyclopedia's entries on the names it gives.
func (p *Play) drawStory(dst *ebiten.Image, n rules.NarrativeFired) {
	a := p.a
	b := p.storyBox(n)
	x, y, w, h := b.x, b.y, b.w, b.h
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(w), float32(h), color.RGBA{250, 246, 232, 255}, false)
	vector.StrokeRect(dst, float32(x), float32(y), float32(w), float32(h), 2, color.RGBA{90, 60, 30, 255}, false)
	drawText(dst, n.Title, x+16, y+12, a.title, color.RGBA{90, 40, 20, 255})
	drawTextLines(dst, b.lines, x+16, y+12+a.title.Size*2, y+h, a.text, color.RGBA{30, 30, 30, 255})
	drawLinks(dst, b.links, a.small, color.RGBA{90, 80, 70, 255}, p.ptr.lastX, p.ptr.lastY)
	goOn := "Enter or a click to go on"
	if len(b.links) > 1 {
		goOn += "; a name opens its entry in the encyclopedia"
	}
	drawText(dst, goOn, x+16, b.end, a.small, color.RGBA{130, 70, 20, 255})
}

// storyBox is where a story stands: its box, its lines, the links to the
// names it gives, and the line to go on.
type storyBox struct {
	x, y, w, h float64
	lines      []string
	links      []linkBox
	end        float64
}

func (p *Play) storyBox(n rules.NarrativeFired) storyBox {
	a := p.a
	mapW := float64(p.w - a.panelW)
	w := math.Min(a.text.Size*46, mapW-40)
	inner := w - 32
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(n.Text), "\n\n") {
		lines = append(lines, a.wrap(strings.Join(strings.Fields(para), " "), inner, a.text)...)
		lines = append(lines, "")
	}
	if _, ok := p.sc.Sources[n.Source]; ok {
		lines = append(lines, a.wrap(latin("Source: "+p.cite(n.Source)), inner, a.text)...)
	}
	lh := a.text.Size * 1.45
	x, y := math.Max(10, mapW/2-w/2), float64(a.barH)+40
	b := storyBox{x: x, y: y, w: w, lines: lines}
	b.end = y + 12 + a.title.Size*2 + lh*float64(len(lines)) + lh*0.5
	var seen []*encyclopedia.Entry
	for _, m := range namesIn(n.Text) {
		if !slices.Contains(seen, m.Entry) {
			seen = append(seen, m.Entry)
		}
	}
	if len(seen) > 0 {
		var used float64
		b.links, used = flowLinks("See also:", seen, x+16, b.end, inner, a.small)
		b.end += used + lh*0.3
	}
	b.h = b.end - y + a.title.Size*0.2 + lh*1.5 + 4
	return b
}

// storyLinkAt is the entry of the name at (x, y) under the story on
// screen, or nil.
func (p *Play) storyLinkAt(x, y int) *encyclopedia.Entry {
	for _, l := range p.storyBox(p.stories[0]).links {
		if l.entry != nil && l.at(x, y) {
			return l.entry
		}
	}
	return nil
}

var helpLines = []string{
	"arrows, WASD\tpan the map (or drag it with the mouse, or touch the screen's edge)",
	"wheel, + and -\tzoom at the cursor (the wheel over the panel scrolls it)",
	"minimap click\tcentre the map there",
	"click\tselect a unit, move it, or preview an attack on an enemy next to it",
	"click again\tmake the previewed attack",
	"F, Space\twith an attack weighed: every factor or the three causes; what its winner does (advance, stay)",
	"click a stack again\tits next unit, then all of it to move together (Shift-click: all at once)",
	"I\tdig in the selected unit for the phase",
	"Tab\tnext unit that can act",
	"C\tkeyboard cursor: the arrows move it, Enter clicks its hex",
	"U, Backspace\ttake back the last move (until a fight, a sighting, an arrival or a capture)",
	"E\tend your phase",
	"Enter, Space\tskip the rest of the AI's turn",
	"[ and ]\tslower or faster AI turns",
	"G\thex grid on or off",
	"H\tthe ghost of history: where the record's main bodies stood, the places held otherwise",
	"F5, F9\tquick save, quick load (autosave each turn and on quitting)",
	"F2\tcolour-blind-safe palette on or off",
	"F3, F4\tsmaller or larger interface",
	"F11\tfull screen",
	"Esc\tclear the selection; with nothing selected, the menu",
	"M\tthe menu: save, load, settings, the encyclopedia, quit",
	"click a name\tits encyclopedia entry: the unit's name, commander or source, a log line, a name under a story",
	"F1, ?\tthis help (Esc closes it)",
	"Q\tquit (the game is kept for Continue)",
}

// The help's pages: the keys, the rules in short, the legend of the map's
// symbols and this battle's victory conditions. Left/Right or a click turn
// them; a text page too long for the window goes on over more pages.
const (
	helpKeys = iota
	helpRules
	helpLegend
	helpVictory
	numHelp
)

var helpTabs = [numHelp]string{"Keys", "Rules", "Legend", "Victory"}

// helpPage is a page of the help as laid out for the window: its tab, its
// kind and, for a text page, its rows ("term\ttext") in the face they fit.
type helpPage struct {
	tab  string
	kind int
	rows []string
	face *text.GoTextFace
}

// ruleRows are the rules in short, each "topic\ttext", with this battle's
// figures.
func (p *Play) ruleRows() []string {
	sc := p.sc
	var order []string
	for _, sd := range sc.Setup.Sides {
		order = append(order, shortSide(sc, sd.ID))
	}
	reach := ""
	if sd := sc.Side(p.viewer()); sd != nil && sd.SupplyReachHours > 0 {
		reach = fmt.Sprintf(" (for %s, %d hours)", shortSide(sc, sd.ID), sd.SupplyReachHours)
	}
	fog := "This battle has no fog of war: every unit on the map is shown."
	if sc.Setup.Fog {
		fog = "You see the enemy only within sight of your units and the places you hold; hills, mountains and towns block the view, and ground out of sight is dimmed. A march stops when it sights an enemy, and the log tells only what your side could know."
	}
	return []string{
		fmt.Sprintf("Turns and phases\tA turn is %d hours; this battle has %d. Each turn every side has a phase, in this order: %s. In yours, move and attack with any of your units, then end it (E, or End turn on the bar). The bar gives the turn, the date, the weather and the points.", sc.TurnHours, sc.Turns, strings.Join(order, ", then ")),
		"Moving\tA unit marches for the turn's hours. Each hex costs time by its ground and the unit's kind (foot, horse, truck); roads and tracks are quicker; fording a river costs 3 hours, a major river 12 (trucks cannot). A unit that has not moved may always take one step. Lakes, glaciers and enemy hexes cannot be entered. Select a unit: the tinted hexes are its reach; point at one for the route and its hours.",
		"Zones of control\tInfantry, cavalry, militia and motorised units control the six hexes round them (artillery, headquarters and aircraft do not). A unit entering an enemy's zone stops there; one that starts its phase in a zone may step out only to a hex outside every zone.",
		"Attacking\tClick an enemy next to your selected unit: the panel gives the odds of each outcome (the attack fails, the defender holds, retreats, routs or surrenders) and the losses, from 200 trials of the combat model; click again to attack. Every unit of yours next to the target joins in. Men and weapons count, times quality, morale, supply, the defender's posture and ground, rivers, weather, surprise and aircraft in range. A unit that attacked cannot move that phase; a failed attack leaves the attackers disordered until their next phase.",
		"Supply\tA unit is in supply when a line of march of at most its side's supply reach" + reach + " runs to a supply source its side holds, clear of enemy units and of enemy zones not held by its own units. In supply a unit refills and regains morale; cut off, it lives on what it carries (the panel gives the hours left), then loses morale each turn and fights worse.",
		"Entrenching\tA unit that spends a whole phase digging in, neither moving nor attacking, adds the turn's hours to its works: 24 hours make it prepared, 96 fortified; forts on the map count too. A brown bar over the counter marks it; moving, attacking or falling back loses the works. Select a unit that has not acted and press I to dig it in.",
		"Victory points\tA place with a ringed disc is worth the points after its name to the side that holds it; a place passes to the side whose unit enters it. Enemy men put out of action and men brought off the map may earn points too. At the end of the last turn the side with the most points wins (equal points: a draw); sudden death wins at once by holding certain places at the end of a turn. The Victory page has this battle's figures.",
		"Fog of war\t" + fog,
	}
}

// objective is a place worth points: its name, its points and its holder
// (a side's ID, "" for nobody).
type objective struct {
	name, holder string
	vp           int
}

// objectivesOf are the places worth points, the most first (in the
// scenario's order among equals).
func objectivesOf(places []rules.Place) []objective {
	var out []objective
	for _, pl := range places {
		if pl.VP > 0 {
			out = append(out, objective{latin(pl.Name), pl.Owner, pl.VP})
		}
	}
	slices.SortStableFunc(out, func(a, b objective) int { return b.vp - a.vp })
	return out
}

// holderName names the side holding a place, in short; "nobody" for none.
func holderName(sc *scenario.Scenario, side string) string {
	if side == "" {
		return "nobody"
	}
	return latin(shortSide(sc, side))
}

// turnLimit says when a game of the scenario begins and ends, and how
// the turn limit decides it.
func turnLimit(sc *scenario.Scenario) string {
	return "The game runs " + turnSpan(sc) + "; then the side with the most points wins (equal points: a draw)."
}

// turnSpan is a game's turns and dates: "16 turns of 12 hours, from 06:00
// on 5 October 1944 to 06:00 on 13 October 1944".
func turnSpan(sc *scenario.Scenario) string {
	first := max(1, sc.Setup.FirstTurn)
	const at = "15:04 on 2 January 2006"
	from := sc.Setup.TurnTime(first).Format(at)
	end := sc.Setup.TurnTime(sc.Turns + 1).Format(at)
	s := fmt.Sprintf("%d turns of %d hours, from %s to %s", sc.Turns, sc.TurnHours, from, end)
	if first > 1 {
		s = fmt.Sprintf("turns %d to %d of %d hours, from %s to %s", first, sc.Turns, sc.TurnHours, from, end)
	}
	return s
}

// victoryRows are a scenario's victory conditions, each "what\thow": the
// turn limit and its dates, each place worth points with its points and
// holder (places gives the holders), the points for casualties and for
// men brought off the map, and sudden death.
func victoryRows(sc *scenario.Scenario, places []rules.Place) []string {
	rows := []string{"Turn limit\t" + turnLimit(sc)}
	for _, o := range objectivesOf(places) {
		rows = append(rows, fmt.Sprintf("%s\t%d points, held by %s", o.name, o.vp, holderName(sc, o.holder)))
	}
	return append(rows, otherConditions(sc, places)...)
}

// otherConditions are the victory conditions besides the turn limit and
// the places' points, each "what\thow": the points for casualties and for
// men brought off the map, and sudden death.
func otherConditions(sc *scenario.Scenario, places []rules.Place) []string {
	var rows []string
	if n := sc.Setup.Victory.CasualtyVP; n > 0 {
		rows = append(rows, fmt.Sprintf("Casualties\tEach 1,000 enemy men put out of action (killed, wounded, missing or captured): %d points.", n))
	}
	for _, pl := range places {
		if pl.ExitFor != "" && pl.ExitVP > 0 {
			rows = append(rows, fmt.Sprintf("%s\tEach 1,000 men of %s who leave the map here: %d points.", latin(pl.Name), holderName(sc, pl.ExitFor), pl.ExitVP))
		}
	}
	for _, sd := range sc.Setup.Victory.SuddenDeath {
		var names []string
		for _, id := range sd.Hold {
			names = append(names, latin(sc.PlaceName(id)))
		}
		when := ""
		if sd.FromTurn > 1 {
			when = fmt.Sprintf(", from turn %d on", sd.FromTurn)
		}
		rows = append(rows, fmt.Sprintf("Sudden death\tVictory at once for %s on holding %s at the end of a turn%s.", holderName(sc, sd.Side), andList(names), when))
	}
	return rows
}

// andList joins names as "A", "A and B", "A, B and C".
func andList(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// helpRows are a text page's rows.
func (p *Play) helpRows(kind int) []string {
	switch kind {
	case helpKeys:
		return helpLines
	case helpRules:
		return p.ruleRows()
	case helpVictory:
		return victoryRows(p.sc, p.currentView().Places)
	}
	return nil
}

// helpBox is where the help stands: under the bar, in the middle.
func (p *Play) helpBox() (x, y, w, h float64) {
	a := p.a
	w = math.Min(float64(p.w)-24, a.text.Size*70)
	x, y = (float64(p.w)-w)/2, float64(a.barH)+10
	return x, y, w, float64(p.h) - y - 10
}

// helpInner is the part of the help box the page's content takes: under
// the tabs, above the line at its foot.
func (p *Play) helpInner() (x, y, w, bottom float64) {
	bx, by, bw, bh := p.helpBox()
	return bx + 20, by + p.a.text.Size*2.6 + 10, bw - 40, by + bh - p.a.small.Size*2.4
}

// helpPages lays the help out for the window: a text page in the text's
// face, or the small one where it would not fit, split over more pages
// where even that does not.
func (p *Play) helpPages() []helpPage {
	_, top, w, bottom := p.helpInner()
	var pages []helpPage
	for kind := 0; kind < numHelp; kind++ {
		if kind == helpLegend {
			pages = append(pages, helpPage{tab: helpTabs[kind], kind: kind})
			continue
		}
		rows := p.helpRows(kind)
		room, w := bottom-top, w
		if kind == helpVictory {
			room -= p.a.text.Size * 1.8 // the battle's title
			w = p.victoryRowsWidth(w)
		}
		f := p.a.text
		if p.rowsHeight(rows, w, f) > room {
			f = p.a.small
		}
		var parts [][]string
		for len(rows) > 0 {
			n := 1
			for n < len(rows) && p.rowsHeight(rows[:n+1], w, f) <= room {
				n++
			}
			parts = append(parts, rows[:n])
			rows = rows[n:]
		}
		for i, part := range parts {
			tab := helpTabs[kind]
			if len(parts) > 1 {
				tab += fmt.Sprintf(" %d", i+1)
			}
			pages = append(pages, helpPage{tab: tab, kind: kind, rows: part, face: f})
		}
	}
	return pages
}

// termWidth is the width of the terms' column of rows w wide.
func (p *Play) termWidth(rows []string, w float64, f *text.GoTextFace) float64 {
	tw := 0.0
	for _, r := range rows {
		t, _, _ := strings.Cut(r, "\t")
		m, _ := text.Measure(t, f, 0)
		tw = math.Max(tw, m)
	}
	return math.Min(tw, w*0.3)
}

// rowsHeight is the height rows "term\ttext" take w wide in face f: the
// texts wrapped beside the terms, a little room between rows.
func (p *Play) rowsHeight(rows []string, w float64, f *text.GoTextFace) float64 {
	_, h := p.layRows(rows, w, f)
	return h
}

// layRows wraps rows "term\ttext" w wide in face f: each row's lines (the
// term's and the text's, side by side) and the height of them all.
func (p *Play) layRows(rows []string, w float64, f *text.GoTextFace) ([][2][]string, float64) {
	tw := p.termWidth(rows, w, f)
	lh := f.Size * 1.45
	out := make([][2][]string, len(rows))
	h := 0.0
	for i, r := range rows {
		t, d, _ := strings.Cut(r, "\t")
		out[i] = [2][]string{p.a.wrap(t, tw, f), p.a.wrap(d, w-tw-20, f)}
		h += lh*float64(max(len(out[i][0]), len(out[i][1]))) + lh*0.3
	}
	return out, h
}

// updateHelp turns the help's pages: Left and Right, a click on a tab for
// its page, a click elsewhere for the next. It reports whether the input
// went to it. The map under the help stays still.
func (p *Play) updateHelp(in Input) bool {
	if !p.help {
		return false
	}
	for _, k := range []Key{KeyLeft, KeyRight, KeyUp, KeyDown} {
		delete(in.Held, k)
	}
	n := len(p.helpPages())
	switch {
	case in.Has(KeyLeft):
		p.helpPage = (p.helpPage + n - 1) % n
	case in.Has(KeyRight):
		p.helpPage = (p.helpPage + 1) % n
	case in.Click:
		if i := p.helpTabAt(in.MouseX, in.MouseY); i >= 0 {
			p.helpPage = i
		} else {
			p.helpPage = (p.helpPage + 1) % n
		}
	default:
		return false
	}
	p.dirty = true
	return true
}

// helpTabs are the boxes of the help's tabs, in the order of its pages.
func (p *Play) helpTabBoxes(pages []helpPage) []paint.Box {
	a := p.a
	x, y, _, _ := p.helpBox()
	tw, _ := text.Measure("Help", a.title, 0)
	cx := x + 20 + tw + 24
	var out []paint.Box
	for _, pg := range pages {
		w, _ := text.Measure(pg.tab, a.text, 0)
		out = append(out, paint.Box{X: cx, Y: y + 10, W: w + 20, H: a.text.Size * 1.9})
		cx += w + 26
	}
	return out
}

// helpTabAt is the page whose tab is at (x, y), or -1.
func (p *Play) helpTabAt(x, y int) int {
	fx, fy := float64(x), float64(y)
	for i, b := range p.helpTabBoxes(p.helpPages()) {
		if fx >= b.X && fx < b.X+b.W && fy >= b.Y && fy < b.Y+b.H {
			return i
		}
	}
	return -1
}

// drawHelp draws the help's page: the tabs across its top, the page, and
// how to turn the pages at its foot.
func (p *Play) drawHelp(dst *ebiten.Image) {
	a := p.a
	pages := p.helpPages()
	p.helpPage = max(0, min(p.helpPage, len(pages)-1))
	pg := pages[p.helpPage]
	x, y, w, h := p.helpBox()
	ink := color.RGBA{120, 50, 20, 255}
	vector.DrawFilledRect(dst, float32(x), float32(y), float32(w), float32(h), color.RGBA{250, 248, 240, 255}, false)
	vector.StrokeRect(dst, float32(x), float32(y), float32(w), float32(h), 2, color.RGBA{90, 60, 30, 255}, false)
	drawText(dst, "Help", x+20, y+12, a.title, ink)
	for i, b := range p.helpTabBoxes(pages) {
		fill, tink := color.RGBA{228, 220, 200, 255}, ink
		if i == p.helpPage {
			fill, tink = color.RGBA{150, 70, 30, 255}, color.RGBA{255, 250, 240, 255}
		}
		vector.DrawFilledRect(dst, float32(b.X), float32(b.Y), float32(b.W), float32(b.H), fill, false)
		drawText(dst, pages[i].tab, b.X+10, b.Y+(b.H-a.text.Size*1.3)/2, a.text, tink)
	}
	ix, iy, iw, bottom := p.helpInner()
	if pg.kind == helpLegend {
		p.drawHelpLegend(dst, ix, iy, iw, bottom)
	} else {
		p.drawHelpRows(dst, pg, ix, iy, iw, bottom)
	}
	foot := fmt.Sprintf("Page %d of %d. Left/Right or a click: another page. Esc or F1 closes the help.", p.helpPage+1, len(pages))
	drawText(dst, foot, ix, y+h-a.small.Size*1.9, a.small, color.RGBA{130, 70, 20, 255})
}

// victoryRowsWidth is the width of the victory page's rows in a page w
// wide: the left of it, the map of the objectives at its right, when
// there is room for both.
func (p *Play) victoryRowsWidth(w float64) float64 {
	if w >= 700 {
		return w * 0.56
	}
	return w
}

// drawHelpRows draws a text page's rows: the terms in brown, the texts
// beside them; on the victory page, the battle's title over them and the
// map of the objectives, as they are held now, at their right.
func (p *Play) drawHelpRows(dst *ebiten.Image, pg helpPage, x, y, w, bottom float64) {
	f := pg.face
	if pg.kind == helpVictory {
		drawText(dst, latin(p.sc.Title), x, y, p.a.text, color.RGBA{120, 50, 20, 255})
		y += p.a.text.Size * 1.8
		if rw := p.victoryRowsWidth(w); rw < w {
			box := paint.Box{X: x + rw + 24, Y: y, W: w - rw - 24, H: bottom - y}
			p.a.drawObjectives(dst, &p.objectives, p.sc, p.currentView().Places, box, color.Black)
			w = rw
		}
	}
	laid, _ := p.layRows(pg.rows, w, f)
	tw := p.termWidth(pg.rows, w, f)
	lh := f.Size * 1.45
	for _, r := range laid {
		n := max(len(r[0]), len(r[1]))
		if y+lh*float64(n) > bottom {
			break
		}
		drawTextLines(dst, r[0], x, y, bottom, f, color.RGBA{120, 50, 20, 255})
		drawTextLines(dst, r[1], x+tw+20, y, bottom, f, color.Black)
		y += lh*float64(n) + lh*0.3
	}
}

// legendItem is a row of the help's legend: its swatch, drawn by paint as
// the map draws it into a box, and what it stands for.
type legendItem struct {
	swatch func(b paint.Box)
	text   string
}

// legendColumns are the legend's three columns, each a title and its
// rows, for swatches u pixels to the unit (a swatch is 2.6u by 2u).
func (p *Play) legendColumns(dst *ebiten.Image, u float64) ([3]string, [3][]legendItem) {
	a, pal, sc := p.a, p.a.palette(), p.sc
	cv := canvas(dst)
	b := a.scratch(dst)
	hexAt := func(bx paint.Box, r float64) paint.Camera { // hex (0, 0) of radius r in the middle of bx
		wx, wy := paint.Unit.Center(hex.FromOffset(0, 0))
		return paint.Camera{X: wx - (bx.X+bx.W/2)/r, Y: wy - (bx.Y+bx.H/2)/r, Scale: r}
	}
	ground := func(t rules.Terrain, seen bool) func(bx paint.Box) {
		return func(bx paint.Box) {
			m := rules.NewMap(1, 1)
			m.Terrain[0] = t
			var vis []bool
			if !seen {
				vis = []bool{false}
			}
			paint.Hexes(cv, b, m, vis, hexAt(bx, bx.H/2), pal, false)
		}
	}
	line := func(river rules.River, road rules.Road) func(bx paint.Box) {
		return func(bx paint.Box) {
			m := rules.NewMap(2, 1)
			e := rules.EdgeOf(hex.FromOffset(0, 0), hex.FromOffset(1, 0))
			if river != rules.NoRiver {
				m.Rivers[e] = river
			}
			if road != rules.NoRoad {
				m.Roads[e] = road
			}
			r := bx.W / (2 * math.Sqrt(3))
			wx, wy := paint.Unit.Center(hex.FromOffset(0, 0))
			cam := paint.Camera{X: wx - (bx.X+bx.W/2)/r + math.Sqrt(3)/2, Y: wy - (bx.Y+bx.H/2)/r, Scale: r}
			paint.Hexes(cv, b, m, nil, cam, pal, false)
			paint.Lines(cv, b, m, cam, pal)
		}
	}
	// A small view of the battle's sides on a one-hex map, for the counters
	// and the places.
	setup := *sc.Setup
	setup.Map = rules.NewMap(1, 1)
	side, enemy := p.viewer(), ""
	for _, sd := range sc.Setup.Sides {
		if sd.ID != side && enemy == "" {
			enemy = sd.ID
		}
	}
	unit := func(class rules.Class, men int) rules.Unit {
		return rules.Unit{ID: class.String(), Side: side, Type: &rules.UnitType{Class: class, Name: class.String()},
			Status: rules.Active, Hex: hex.FromOffset(0, 0), Men: men, Quality: 100, Morale: 80, InSupply: true}
	}
	counters := func(units []rules.Unit, selected string) func(bx paint.Box) {
		return func(bx paint.Box) {
			size := bx.W * 0.78
			if len(units) > 1 {
				size = bx.W * 0.66
			}
			// The top counter's body in the middle of the box (the stack's
			// counters behind it up and to the right).
			off := float64(min(len(units)-1, paint.MaxBehind)) * size * paint.LayerStep
			sx := bx.X + (bx.W-off)/2
			sy := bx.Y + (bx.H+off)/2 - size*(paint.CounterHeight/2-paint.CounterTop)
			v := &rules.View{Setup: &setup, Side: side, Units: units}
			wx, wy := paint.Unit.Center(hex.FromOffset(0, 0))
			scale := size / 1.1
			paint.Counters(cv, b, v, paint.Camera{X: wx - sx/scale, Y: wy - sy/scale, Scale: scale}, pal, a.small.Size, selected, nil)
		}
	}
	place := func(owner string, vp int) func(bx paint.Box) {
		return func(bx paint.Box) {
			v := &rules.View{Setup: &setup, Side: side, Places: []rules.Place{{ID: "p", Name: "p", Hex: hex.FromOffset(0, 0), Owner: owner, VP: vp}}}
			// Drawn at the map's opening zoom, its name left out (no room in
			// the swatch for it).
			cx, cy := bx.X+bx.W/2, bx.Y+bx.H/2
			paint.Marks(cv, b, v, hexAt(bx, OpeningHex*p.uiScale()), pal, paint.MarkOptions{FontSize: a.small.Size, Area: paint.Box{X: cx - 0.5, Y: cy - 0.5, W: 1, H: 1}})
		}
	}
	var cols [3][]legendItem
	names := []string{"plain, steppe", "farmland, oasis", "desert (gobi)", "hills, broken ground", "mountains", "pass", "glacier: impassable",
		"marsh, reeds", "lake: impassable", "town, village", "city"}
	for t := rules.Terrain(0); t < rules.NumTerrain; t++ {
		cols[0] = append(cols[0], legendItem{ground(t, true), names[t]})
	}
	cols[0] = append(cols[0],
		legendItem{line(rules.MinorRiver, 0), "river: 3 h to ford"},
		legendItem{line(rules.MajorRiver, 0), "major river: 12 h, no trucks"},
		legendItem{line(rules.NoRiver, rules.MainRoad), "road"},
		legendItem{line(rules.NoRiver, rules.Track), "track"})
	classes := []string{"infantry", "cavalry", "artillery (no zone of control)", "motorised", "headquarters (no zone of control)", "militia", "aircraft: supports attacks in range"}
	for c := rules.Class(0); c < rules.NumClass; c++ {
		cols[1] = append(cols[1], legendItem{counters([]rules.Unit{unit(c, 450)}, ""), classes[c]})
	}
	weak, cut, dug := unit(rules.Infantry, 450), unit(rules.Infantry, 450), unit(rules.Infantry, 450)
	weak.Quality = 60
	cut.InSupply = false
	dug.DigHours = rules.PreparedHours
	s1, s2, s3 := unit(rules.Infantry, 1500), unit(rules.Cavalry, 800), unit(rules.Artillery, 200)
	s2.ID, s3.ID = "s2", "s3"
	cols[1] = append(cols[1],
		legendItem{counters([]rules.Unit{unit(rules.Infantry, 450)}, ""), "green mark: ready; the figure: its men"},
		legendItem{counters([]rules.Unit{weak}, ""), "yellow, barred dark: poor troops (quality under 75%) or shaken (morale under 40)"},
		legendItem{counters([]rules.Unit{cut}, ""), "red, barred white: out of supply or disordered"},
		legendItem{counters([]rules.Unit{dug}, ""), "brown bar: dug in (prepared or fortified)"},
		legendItem{counters([]rules.Unit{s1, s2, s3}, ""), "a stack: the men of all its counters; the small figure, how many"},
		legendItem{counters([]rules.Unit{unit(rules.Infantry, 450)}, "infantry"), "framed yellow: the unit selected"})
	for _, sd := range sc.Setup.Sides {
		cols[2] = append(cols[2], legendItem{place(sd.ID, 5), "an objective held by " + latin(shortSide(sc, sd.ID))})
	}
	cols[2] = append(cols[2],
		legendItem{place("", 5), "an objective held by nobody; its points follow its name: Nilka (10)"},
		legendItem{place(side, 0), "a place (a town, a source of supply, a crossing, an exit): a square in its holder's colour"},
		legendItem{func(bx paint.Box) {
			ground(rules.Plain, true)(bx)
			cam := hexAt(bx, bx.H/2)
			sx, sy := cam.ToScreen(paint.Unit.Center(hex.FromOffset(0, 0)))
			b.Hex(sx, sy, cam.Scale, reachTint, reachTint)
			b.Ring(sx, sy, cam.Scale, math.Max(1.5, cam.Scale/10), reachEdge)
			b.Flush()
		}, "tinted, edged white: where the selected unit can go"},
		legendItem{func(bx paint.Box) {
			line(rules.NoRiver, rules.NoRoad)(bx)
			r := bx.W / (2 * math.Sqrt(3))
			y, x0, x1 := bx.Y+bx.H/2, bx.X+bx.W/2-r*math.Sqrt(3)/2, bx.X+bx.W/2+r*math.Sqrt(3)/2
			b.Hex(x0, y, r, reachTint, reachTint)
			b.Hex(x1, y, r, reachTint, reachTint)
			drawRoute(b, [][2]float64{{x0, y}, {x1, y}}, math.Max(3, r/5), pal.Select)
			b.Flush()
		}, "the route to the hex pointed at; its hours at its end"},
		legendItem{ground(rules.Plain, false), "dimmed: out of your units' sight"},
		legendItem{func(bx paint.Box) {
			col := pal.Sides[max(0, sc.Setup.SideIndex(enemy))%len(pal.Sides)]
			b.Rect(bx.X+2, bx.Y+2, bx.W-4, bx.H-4, faint(col, 56))
			dashedFrame(b, bx.X+2, bx.Y+2, bx.W-4, bx.H-4, 2, 5, faint(paint.Shade(col, 0.8), 230))
			b.Flush()
		}, "dashed: the ghost of history (H), where the record's bodies stood"})
	return [3]string{"The ground", "Counters", "Places and marks"}, cols
}

// legendFit lays out a legend column w wide with swatches of unit u: each
// row's lines and height, and the column's height under its title.
func (p *Play) legendFit(items []legendItem, w, u float64) ([][]string, []float64, float64) {
	f := p.a.small
	lh := f.Size * 1.35
	lines := make([][]string, len(items))
	hs := make([]float64, len(items))
	total := p.a.text.Size * 1.8
	for i, it := range items {
		lines[i] = p.a.wrap(it.text, w-2.6*u-10, f)
		hs[i] = math.Max(2*u, lh*float64(len(lines[i]))) + u*0.35
		total += hs[i]
	}
	return lines, hs, total
}

// drawHelpLegend draws the legend page: the ground, the counters, and the
// places and marks, each swatch drawn by paint as the map draws it, in
// three columns as large as the room allows.
func (p *Play) drawHelpLegend(dst *ebiten.Image, x, y, w, bottom float64) {
	a := p.a
	cw := (w - 48) / 3
	u := 24 * p.uiScale()
	var titles [3]string
	var cols [3][]legendItem
	for ; ; u = math.Floor(u*0.93*2) / 2 { // a few sizes tried, each wrapped once and kept
		titles, cols = p.legendColumns(dst, u)
		fits := true
		for _, c := range cols {
			if _, _, h := p.legendFit(c, cw, u); y+h > bottom {
				fits = false
			}
		}
		if fits || u <= 6 {
			break
		}
	}
	for k, c := range cols {
		cx := x + float64(k)*(cw+24)
		drawText(dst, titles[k], cx, y, a.text, color.RGBA{120, 50, 20, 255})
		lines, hs, _ := p.legendFit(c, cw, u)
		ry := y + a.text.Size*1.8
		for i, it := range c {
			if ry+hs[i] > bottom+1 {
				break
			}
			it.swatch(paint.Box{X: cx, Y: ry + (hs[i]-u*0.35-2*u)/2, W: 2.6 * u, H: 2 * u})
			ty := ry + (hs[i]-u*0.35-a.small.Size*1.35*float64(len(lines[i])))/2
			drawTextLines(dst, lines[i], cx+2.6*u+10, ty, bottom+a.small.Size, a.small, color.Black)
			ry += hs[i]
		}
	}
}
