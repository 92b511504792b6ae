package debrief

import (
	"cmp"
	"fmt"
	"html/template"
	"image/color"
	"maps"
	"slices"
	"strings"

	"ili/game/rules"
	"ili/game/scenario"
)

// MaxFights is how many fights the page tells: those that took the most
// points, then the bloodiest.
const MaxFights = 8

// page is what the template shows.
type page struct {
	Title, Dates, Setup string
	Outcome, Record     string
	Reason              string
	Historical          bool
	CourseScore         string
	Summary, Epilogue   []string
	Shots               []shotPage
	Losses              []lossRow
	Fights              []fightPage
	Strips              []stripPage
	Legend              []legendItem
	Sources             []string
	HasSeen             bool
	Seer                string // the side whose view the maps show
}

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
	Game, Record []template.CSS
}

type legendItem struct {
	Name  string
	Style template.CSS
}

// model turns the debrief into what the page shows; files names each
// picture the page refers to.
func (d *Debrief) model(files map[string]string) page {
	sc := d.Scenario
	p := page{Title: sc.Title, Dates: fmt.Sprintf("%s to %s", sc.Start.Format("2 January 2006"), sc.End.Format("2 January 2006")),
		Setup: d.setupLine(), Outcome: d.outcome(d.Result.Winner), Record: d.outcome(sc.History.Winner), Reason: d.Result.Reason,
		Historical: d.Result.Historical, Summary: paragraphs(sc.History.Summary), Epilogue: paragraphs(sc.History.Epilogue), HasSeen: d.Person != "", Seer: sc.SideName(d.Person)}
	if len(d.Result.Course) > 0 {
		p.CourseScore = fmt.Sprintf("%.0f%%", 100*d.Result.CourseScore)
	}
	for i, s := range d.Shots {
		sp := shotPage{Title: s.Title, Truth: files[fmt.Sprintf("truth-%d", i)], Saw: files[fmt.Sprintf("seen-%d", i)]}
		if s.Seen != nil {
			sp.Fog = d.fogLine(s)
		}
		p.Shots = append(p.Shots, sp)
	}
	p.Losses = d.lossRows()
	p.Fights = d.fightPages()
	p.Strips, p.Legend = d.stripPages()
	p.Sources = citations(sc)
	return p
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
		s += "; what-if variants: " + strings.Join(d.Record.Variants, ", ")
	}
	if !sc.From.IsZero() {
		s += "; taken up from the record at " + sc.From.Format("15:04 on 2 January 2006")
	}
	return s + "."
}

func (d *Debrief) outcome(winner string) string {
	if winner == "" {
		return "no clear winner"
	}
	return d.Scenario.SideName(winner) + " won"
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
	return fmt.Sprintf("%s saw %d of the %d enemy units on the map (%d of %d men); the rest it could not know of.",
		d.Scenario.SideName(d.Person), sawUnits, units, sawMen, men)
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
	style := func(side string) template.CSS {
		c := color.RGBA{225, 225, 220, 255}
		if side != "" {
			c = d.sideColour(side)
		}
		return template.CSS(fmt.Sprintf("background:#%02x%02x%02x", c.R, c.G, c.B))
	}
	var out []stripPage
	for _, s := range d.Strips {
		sp := stripPage{Place: d.Scenario.PlaceName(s.Place)}
		for t := 1; t < len(s.Record); t++ {
			sp.Record = append(sp.Record, style(s.Record[t-1]))
			game := template.CSS("background:#ffffff")
			if t-1 < len(s.Game) {
				game = style(s.Game[t-1])
			}
			sp.Game = append(sp.Game, game)
		}
		out = append(out, sp)
	}
	legend := []legendItem{{"nobody", style("")}}
	for _, sd := range d.Scenario.Setup.Sides {
		legend = append(legend, legendItem{sd.Name, style(sd.ID)})
	}
	return out, legend
}

// citations are the scenario's sources in a standard form (author, title,
// year, address), sorted by author.
func citations(sc *scenario.Scenario) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(sc.Sources)) {
		s := sc.Sources[k]
		var parts []string
		for _, x := range []string{s.Author, s.Title, s.Year} {
			if x != "" {
				parts = append(parts, strings.TrimSuffix(x, "."))
			}
		}
		c := strings.Join(parts, ". ") + "."
		if s.URL != "" {
			c += " " + s.URL
		}
		out = append(out, c+" ["+k+"]")
	}
	slices.Sort(out)
	return out
}

func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}
