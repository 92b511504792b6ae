package debrief

import (
	"cmp"
	"fmt"
	"html/template"
	"image/color"
	"maps"
	"slices"
	"strings"

	"ili/game/match"
	"ili/game/paint"
	"ili/game/rules"
	"ili/game/scenario"
)

// MaxFights is how many fights the page tells: those that took the most
// points, then the bloodiest.
const MaxFights = 8

// page is what the template shows.
type page struct {
	Title, Dates, Setup string
	Lesson              *lessonPage // nil outside a lesson
	Verdict             []string    // the outcome beside the record, sentence by sentence
	Summary, Epilogue   []string
	Shots               []shotPage
	Losses              []lossRow
	Fights              []fightPage
	MapLegend           []legendItem // the sides' colours on the maps, and the ground not seen
	Strips              []stripPage
	Legend              []legendItem
	Sources             []citation
	HasSeen             bool
	Seer                string // the side whose view the maps show
	Encyclopedia        string // the encyclopedia's page, which may sit beside this one
}

// lessonPage is the lesson a game was played in: who played, and the
// answers under their questions.
type lessonPage struct {
	Line    string // the student and the lesson, as a sentence
	Answers []answerPage
}

type answerPage struct{ Asked, Text string }

type shotPage struct {
	Title      string
	Truth, Saw string // file names
	Fog        string // what the side could not see
}

type lossRow struct {
	Side                             string
	Men, Captured, Guns, Field, Left int
	Record                           []string // what the sources say the side lost, each with its source
}

type fightPage struct {
	When, Where, Who, Outcome, Odds, Losses, Took string
	Factors                                       []string
}

type stripPage struct {
	Place        string
	Game, Record []stripCell
}

// stripCell is one turn of a strip: who held the place at its end (""
// for nobody), drawn in the side's colour, hatched for every other side so
// that the sides stay apart in black and white.
type stripCell struct {
	Side  string
	Style template.CSS
}

type legendItem struct {
	Name  string
	Style template.CSS
}

// citation is a source in the bibliography: its author, title and year
// as text, its address as a link, and its key.
type citation struct {
	Text, URL, Key string
}

// Encyclopedia is the name of the encyclopedia's page, which the window
// writes beside the debrief.
const Encyclopedia = "encyclopedia.html"

// model turns the debrief into what the page shows; files names each
// picture the page refers to.
func (d *Debrief) model(files map[string]string) page {
	sc := d.Scenario
	p := page{Title: sc.Title, Dates: fmt.Sprintf("%s to %s", sc.Start.Format("2 January 2006"), sc.End.Format("2 January 2006")),
		Setup: d.setupLine(), Verdict: d.verdict(), Summary: paragraphs(sc.History.Summary), Epilogue: paragraphs(sc.History.Epilogue),
		HasSeen: d.Person != "", Seer: sc.SideName(d.Person), Encyclopedia: Encyclopedia, Lesson: d.lessonPage()}
	for i, s := range d.Shots {
		sp := shotPage{Title: s.Title, Truth: files[fmt.Sprintf("truth-%d", i)], Saw: files[fmt.Sprintf("seen-%d", i)]}
		if s.Seen != nil {
			sp.Fog = d.fogLine(s)
		}
		p.Shots = append(p.Shots, sp)
	}
	p.MapLegend = d.mapLegend()
	p.Losses = d.lossRows()
	p.Fights = d.fightPages()
	p.Strips, p.Legend = d.stripPages()
	p.Sources = citations(sc)
	return p
}

// mapLegend is the maps' key: each side's colour, with its short name,
// and the dimmed ground a side's view did not see, when a map shows some.
func (d *Debrief) mapLegend() []legendItem {
	box := func(c color.RGBA) template.CSS {
		return template.CSS(fmt.Sprintf("background-color:#%02x%02x%02x", c.R, c.G, c.B))
	}
	var out []legendItem
	for _, sd := range d.Scenario.Setup.Sides {
		out = append(out, legendItem{shortName(sd.Name), box(d.sideColour(sd.ID))})
	}
	for _, s := range d.Shots {
		if s.Seen != nil && s.Seen.Fog && slices.Contains(s.Seen.Visible, false) {
			ground := paint.Standard.Terrain[rules.Plain]
			out = append(out, legendItem{"ground seen", box(ground)},
				legendItem{"ground not seen (dimmed)", box(paint.Shade(ground, paint.FogShade))})
			break
		}
	}
	return out
}

// lessonPage names the student and the lesson, and sets out the answers.
func (d *Debrief) lessonPage() *lessonPage {
	l := d.Lesson
	if l == nil {
		return nil
	}
	who := "A student"
	if l.Student != "" {
		who = l.Student
	}
	lp := &lessonPage{Line: sentence(fmt.Sprintf("%s played this game in the lesson %s", who, quote(l.Title)))}
	if l.Title == "" {
		lp.Line = sentence(who + " played this game in a lesson")
	}
	for _, a := range l.Answers {
		lp.Answers = append(lp.Answers, answerPage{Asked: a.Asked, Text: a.Text})
	}
	return lp
}

// setupLine says who played whom, with what.
func (d *Debrief) setupLine() string {
	sc := d.Scenario
	var seats []string
	for _, st := range d.Record.Seats {
		who := "a person"
		if !st.Person() {
			who = "the AI (" + st.AI + ")"
		}
		seats = append(seats, sc.SideName(st.Side)+": "+who)
	}
	s := strings.Join(seats, "; ") + fmt.Sprintf(". Seed %d", d.Record.Seed)
	if len(d.Record.Variants) > 0 {
		s += "; what-if variants: " + variantNames(sc, d.Record.Variants)
	}
	if up := sc.TakenUp(); up != "" {
		s += "; " + up
	}
	return sentence(s)
}

// variantNames names the what-ifs by their titles ("the garrison stays
// home"), not their ids.
func variantNames(sc *scenario.Scenario, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = id
		for _, v := range sc.Variants {
			if v.ID == id && v.Title != "" {
				out[i] = strings.TrimSpace(strings.TrimPrefix(v.Title, "What if:"))
			}
		}
	}
	return strings.Join(out, "; ")
}

// HistoricalTest is the scenario's test of a game that went as history
// did, as match's Result.Historical makes it.
const HistoricalTest = match.HistoricalTest

// verdict sets the game's outcome beside the record's in two paragraphs:
// who won, why and with what points; then the record's winner, the
// scenario's test of whether the game went as history did, and the
// record's checkpoints. A game stopped before its end has no winner to
// judge.
func (d *Debrief) verdict() []string {
	sc, r := d.Scenario, d.Result
	var out, rec []string // the game, then the game beside the record
	if !d.Over {
		out = append(out, fmt.Sprintf("This game was stopped on turn %d of %d (%s), before its end: there is no verdict on its winner.",
			r.Turns, sc.Turns, sc.Setup.TurnTime(r.Turns).Format("2 January 2006")))
	} else {
		out = append(out, "In this game "+d.won(r.Winner)+".")
		if why := reasonLine(sc, r.Reason, r.Winner); why != "" {
			out = append(out, why)
		}
	}
	if pts := d.points(); pts != "" {
		when := "at the end"
		if !d.Over {
			when = "when it stopped"
		}
		out = append(out, sentence("Points "+when+": "+pts))
	}
	if sc.History.Winner == "" {
		rec = append(rec, "In history there was no clear winner.")
	} else {
		rec = append(rec, "In history "+d.won(sc.History.Winner)+".")
	}
	held := 0
	for _, h := range r.Holds {
		if h.Game == h.History {
			held++
		}
	}
	test := "By the scenario's test (" + HistoricalTest + ")"
	switch {
	case !d.Over:
		rec = append(rec, sentence("The scenario's test of a game that went as history did ("+HistoricalTest+") judges only a finished game"))
	case r.Historical:
		rec = append(rec, test+" the game went as history did.")
	default:
		rec = append(rec, test+" the game went otherwise than history did.")
	}
	if len(r.Holds) > 0 {
		verb := "ended"
		if !d.Over {
			verb = "stopped"
		}
		if len(r.Holds) == 1 {
			how := "as the record has it"
			if held == 0 {
				how = "otherwise than the record has it"
			}
			rec = append(rec, fmt.Sprintf("The record names one place, %s; this game %s with it held %s.", sc.PlaceName(r.Holds[0].Place), verb, how))
		} else {
			rec = append(rec, fmt.Sprintf("Of the %d places the record names, this game %s with %d held as the record has them.", len(r.Holds), verb, held))
		}
	}
	switch {
	case len(r.Course) == 0:
	case d.Over:
		rec = append(rec, fmt.Sprintf("At the record's dated checkpoints the game held %.0f%% of the places as the record has them.", 100*r.CourseScore))
	default:
		rec = append(rec, fmt.Sprintf("At the %d of the record's dated checkpoints it reached before it stopped, the game held %.0f%% of the places as the record has them.", len(r.Course), 100*r.CourseScore))
	}
	return []string{strings.Join(out, " "), strings.Join(rec, " ")}
}

// won is "X won", or that nobody did.
func (d *Debrief) won(winner string) string {
	if winner == "" {
		return "no side won (a draw)"
	}
	return d.Scenario.SideName(winner) + " won"
}

// reasonLine says why a game ended, with the scenario's names for its ids.
func reasonLine(sc *scenario.Scenario, reason, winner string) string {
	if reason == "" {
		return ""
	}
	if strings.HasPrefix(reason, "holds ") && winner != "" {
		return sentence("The game ended because the winner " + sc.Named(reason))
	}
	return sentence("The game ended because " + sc.Named(reason))
}

// points are each side's victory points, in the scenario's order.
func (d *Debrief) points() string {
	var out []string
	for _, sd := range d.Scenario.Setup.Sides {
		if vp, ok := d.Result.VP[sd.ID]; ok {
			out = append(out, fmt.Sprintf("%s %d", shortName(sd.Name), vp))
		}
	}
	return strings.Join(out, ", ")
}

// shortName is a side's name without what follows it in brackets:
// "Provincial garrison" for "Provincial garrison (Republic of China)".
func shortName(name string) string {
	if i := strings.Index(name, " ("); i > 0 {
		return name[:i]
	}
	return name
}

// fogLine says how much of the enemy the person's side saw at a shot.
func (d *Debrief) fogLine(s Shot) string {
	seen := map[string]bool{}
	for _, u := range s.Seen.Units {
		seen[u.ID] = true
	}
	var units, men, sawUnits, sawMen int
	for _, u := range s.Truth.Units {
		if u.Status != rules.Active || u.Side == d.Person || !rules.Hostile(u.Side, d.Person) {
			continue
		}
		units, men = units+1, men+u.Men
		if seen[u.ID] {
			sawUnits, sawMen = sawUnits+1, sawMen+u.Men
		}
	}
	who := d.Scenario.SideName(d.Person)
	switch {
	case units == 0:
		return who + " had no enemy on the map to see."
	case sawUnits == units:
		return fmt.Sprintf("%s saw every enemy unit on the map: %d, of %d men.", who, units, men)
	case sawUnits == 0:
		return fmt.Sprintf("%s saw none of the %d enemy units on the map (%d men).", who, units, men)
	}
	return fmt.Sprintf("%s saw %d of the %d enemy units on the map (%d of %d men); the rest it could not know of.",
		who, sawUnits, units, sawMen, men)
}

func (d *Debrief) lossRows() []lossRow {
	var out []lossRow
	for _, sd := range d.Scenario.Setup.Sides {
		l := d.Result.Losses[sd.ID]
		row := lossRow{Side: sd.Name, Men: l.Men, Captured: l.Captured, Guns: l.Guns, Field: d.Result.Field[sd.ID]}
		for _, rl := range d.Scenario.History.Losses {
			if rl.Side != sd.ID {
				continue
			}
			fig := rl.Counts
			if rl.Men >= 0 {
				fig = fmt.Sprintf("%d %s", rl.Men, rl.Counts)
			}
			row.Record = append(row.Record, fmt.Sprintf("%s (%s)", fig, d.Scenario.Cite(rl.Source)))
		}
		out = append(out, row)
	}
	return out
}

// fightPages tell the fights that decided the game: those that took the
// most points, then those that cost the most men.
func (d *Debrief) fightPages() []fightPage {
	fs := slices.Clone(d.Fights)
	cost := func(f Fight) int { return f.Result.Attacker.Total() + f.Result.Defender.Total() }
	slices.SortStableFunc(fs, func(a, b Fight) int {
		return cmp.Or(cmp.Compare(b.VP, a.VP), cmp.Compare(cost(b), cost(a)))
	})
	fs = fs[:min(len(fs), MaxFights)]
	slices.SortStableFunc(fs, func(a, b Fight) int { return cmp.Compare(a.Turn, b.Turn) })
	var out []fightPage
	for i, f := range fs {
		out = append(out, d.fightPage(f, uint64(i)))
	}
	return out
}

// fightPage tells one fight: its odds as the attack preview gave them,
// from the same input, and every factor.
func (d *Debrief) fightPage(f Fight, seed uint64) fightPage {
	sc := d.Scenario
	pre := rules.Trials(f.Input, 200, uint64(f.Turn)<<8|seed)
	win := 0.0
	for o, share := range pre.Odds {
		if rules.Outcome(o).AttackerWins() {
			win += share
		}
	}
	fp := fightPage{When: fmt.Sprintf("Turn %d, %s", f.Turn, sc.Setup.TurnTime(f.Turn).Format("2 Jan 2006 15:04")), Where: f.At,
		Who:     names(sc, f.Attackers) + " against " + names(sc, f.Defenders),
		Outcome: f.Result.Outcome.String(), Odds: fmt.Sprintf("%.0f%% for the attacker (power ratio %.2f)", 100*win, f.Result.Ratio),
		Losses: fmt.Sprintf("the attacker lost %d men, the defender %d and %d taken prisoner", f.Result.Attacker.Men, f.Result.Defender.Men, f.Result.Defender.Captured)}
	for _, id := range f.Took {
		fp.Took = strings.TrimPrefix(fp.Took+", "+sc.PlaceName(id), ", ")
	}
	for _, fc := range f.Result.Factors {
		fp.Factors = append(fp.Factors, fmt.Sprintf("%s %s ×%.2f", fc.Side, fc.Name, fc.Value))
	}
	return fp
}

func names(sc *scenario.Scenario, ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = sc.UnitName(id)
	}
	return strings.Join(out, ", ")
}

// stripPages colour each scored place's holders turn by turn, the game's
// above the record's, with the legend.
func (d *Debrief) stripPages() ([]stripPage, []legendItem) {
	cell := func(side string) stripCell { return stripCell{Side: side, Style: d.cellStyle(side)} }
	var out []stripPage
	for _, s := range d.Strips {
		sp := stripPage{Place: d.Scenario.PlaceName(s.Place)}
		// Index t is who held the place at the end of turn t (0: the
		// start): the cells are turns 1 to the last.
		for t := 1; t < len(s.Record); t++ {
			sp.Record = append(sp.Record, cell(s.Record[t]))
			game := stripCell{Side: "", Style: notPlayed}
			if t < len(s.Game) {
				game = cell(s.Game[t])
			}
			sp.Game = append(sp.Game, game)
		}
		out = append(out, sp)
	}
	legend := []legendItem{{"nobody", d.cellStyle("")}}
	for _, sd := range d.Scenario.Setup.Sides {
		legend = append(legend, legendItem{sd.Name, d.cellStyle(sd.ID)})
	}
	if d.Result.Turns < d.Scenario.Turns {
		legend = append(legend, legendItem{"not played", notPlayed})
	}
	return out, legend
}

// notPlayed is a turn the game did not reach.
const notPlayed = template.CSS("background:#ffffff;box-shadow:inset 0 0 0 1px #ddd3bd")

// hatches are the patterns laid over the sides' colours, by side index,
// so that the strips read in black and white: the first side plain, the
// second hatched, and so on.
var hatches = []string{
	"",
	"repeating-linear-gradient(45deg,rgba(255,255,255,0.75) 0 1.5px,transparent 1.5px 4.5px)",
	"repeating-linear-gradient(0deg,rgba(255,255,255,0.75) 0 1.5px,transparent 1.5px 4px)",
	"repeating-linear-gradient(45deg,rgba(0,0,0,0.45) 0 1px,transparent 1px 4px),repeating-linear-gradient(-45deg,rgba(0,0,0,0.45) 0 1px,transparent 1px 4px)",
}

// cellStyle is a strip's cell, or a legend's box, for the holder side ("":
// nobody).
func (d *Debrief) cellStyle(side string) template.CSS {
	c := color.RGBA{225, 225, 220, 255}
	hatch := ""
	if side != "" {
		c = d.sideColour(side)
		if i := d.Scenario.Setup.SideIndex(side); i >= 0 {
			hatch = hatches[i%len(hatches)]
		}
	}
	css := fmt.Sprintf("background-color:#%02x%02x%02x", c.R, c.G, c.B)
	if hatch != "" {
		css += ";background-image:" + hatch
	}
	return template.CSS(css)
}

// citations are the scenario's sources in a standard form (author, title,
// year, address), sorted by author regardless of case, then title.
func citations(sc *scenario.Scenario) []citation {
	keys := slices.Collect(maps.Keys(sc.Sources))
	slices.SortFunc(keys, func(a, b string) int {
		sa, sb := sc.Sources[a], sc.Sources[b]
		return cmp.Or(cmp.Compare(strings.ToLower(sa.Author), strings.ToLower(sb.Author)),
			cmp.Compare(strings.ToLower(sa.Title), strings.ToLower(sb.Title)), cmp.Compare(a, b))
	})
	var out []citation
	for _, k := range keys {
		s := sc.Sources[k]
		var text string
		for _, x := range []string{s.Author, s.Title, s.Year} {
			if x = strings.TrimSpace(x); x != "" {
				text += sentence(x) + " "
			}
		}
		out = append(out, citation{Text: strings.TrimSpace(text), URL: s.URL, Key: k})
	}
	return out
}

// sentence ends s with a full stop, unless it ends a sentence already
// ("Why did Nilka fall?", "...", "(1944).").
func sentence(s string) string {
	s = strings.TrimSpace(s)
	t := strings.TrimRight(s, "\"'”’)")
	if t == "" || strings.ContainsAny(t[len(t)-1:], ".?!") {
		return s
	}
	return s + "."
}

// quote puts a title in quotation marks.
func quote(s string) string { return "“" + s + "”" }

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}
