package debrief

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"

	"ili/game/files"
	"ili/game/history"
	"ili/game/match"
	"ili/game/save"
	"ili/game/scenario"
	"ili/game/stats"
	"ili/game/whatif"
)

// Class is a class's games of one setup summed up: how often each outcome
// came about, where the games parted from the record and from each other,
// the answers side by side, against the same setup played by the AI alone.
type Class struct {
	Scenario *scenario.Scenario
	Lesson   string // the lesson's title, "" when the games were not played in one
	Games    []ClassGame
	AI       []whatif.Result // the same setup, AI against AI
}

// ClassGame is one student's game.
type ClassGame struct {
	Name    string // the student, or the file
	Result  match.Result
	Holders map[string]string // place -> holder at the end
	Answers []save.Answer
}

// AIRuns is how many games of AIs alone the class page sets the class's
// games against.
const AIRuns = 100

// BuildClass replays a class's saved games, which must be of one setup (a
// scenario with the same variants, overrides and starting date), and plays
// the same setup AI against AI. names name the games (their files).
func BuildClass(games []*save.Game, names []string) (*Class, error) {
	if len(games) == 0 {
		return nil, fmt.Errorf("there are no saved games to sum up")
	}
	sc, err := match.ScenarioOf(games[0].Record)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", names[0], err)
	}
	c := &Class{Scenario: sc}
	for i, g := range games {
		if err := sameSetup(games[0], g); err != nil {
			return nil, fmt.Errorf("%s is not a game of the same setup as %s: %w", names[i], names[0], err)
		}
		cg, err := classGame(sc, g, names[i])
		if err != nil {
			return nil, err
		}
		if g.Lesson != nil && c.Lesson == "" {
			c.Lesson = g.Lesson.Title
		}
		c.Games = append(c.Games, cg)
	}
	b, err := whatif.Run(whatif.Setup{Scenario: sc, Set: games[0].Set}, whatif.Options{Runs: AIRuns, Seed: 1})
	if err != nil {
		return nil, fmt.Errorf("the same setup does not play AI against AI: %w", err)
	}
	c.AI = b.Results
	return c, nil
}

// sameSetup says how b's setup differs from a's, if it does.
func sameSetup(a, b *save.Game) error {
	switch {
	case a.Scenario != b.Scenario:
		return fmt.Errorf("it is of %s, not %s", b.Scenario, a.Scenario)
	case !slices.Equal(a.Variants, b.Variants) || !slices.Equal(a.Set, b.Set):
		return fmt.Errorf("its variants or overrides differ")
	case a.From != b.From:
		return fmt.Errorf("it was taken up from the record at %q, not %q", b.From, a.From)
	}
	return nil
}

// classGame replays one student's game.
func classGame(sc *scenario.Scenario, g *save.Game, name string) (ClassGame, error) {
	m, err := match.ReplayOn(sc, g.Record)
	if err != nil {
		return ClassGame{}, fmt.Errorf("%s does not replay: %w", name, err)
	}
	cg := ClassGame{Name: name, Result: m.Result(), Holders: finalHolders(sc, m.Turn(), m.Result().Captures)}
	if g.Lesson != nil {
		cg.Answers = g.Lesson.Answers
		if g.Lesson.Student != "" {
			cg.Name = g.Lesson.Student
		}
	}
	return cg, nil
}

// finalHolders is who held each place at the end of a game.
func finalHolders(sc *scenario.Scenario, turns int, cs []match.Capture) map[string]string {
	played := history.Played(sc, turns, changes(cs))
	return played[len(played)-1]
}

// classPage is what the class template shows.
type classPage struct {
	Title, Lesson, Setup string
	Games, AIRuns        int
	Outcomes             []outcomeRow
	Places               []placeRow
	Questions            []string
	Answers              []answerRow
	Sources              []citation
}

type outcomeRow struct{ Outcome, Class, AI string }

type placeRow struct {
	Place, Record string
	Holders       []string // "side: share" in the class
	Agree         string   // share of the class's games that end as the record
}

type answerRow struct {
	Student string
	Texts   []string
}

//go:embed class.html
var classText string

var classTemplate = template.Must(template.New("class").Parse(classText))

// Write writes the class page (class.html) into dir and returns its path.
func (c *Class) Write(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	var buf bytes.Buffer
	if err := classTemplate.Execute(&buf, c.page()); err != nil {
		return "", fmt.Errorf("cannot write the class page: %w", err)
	}
	path := filepath.Join(dir, "class.html")
	return path, files.Write(path, buf.Bytes())
}

func (c *Class) page() classPage {
	sc := c.Scenario
	p := classPage{Title: sc.Title, Lesson: c.Lesson, Games: len(c.Games), AIRuns: len(c.AI), Sources: citations(sc),
		Setup: fmt.Sprintf("%s to %s", sc.Start.Format("2 January 2006"), sc.End.Format("2 January 2006"))}
	if !sc.From.IsZero() {
		p.Setup += ", taken up from the record at " + sc.From.Format("15:04 on 2 January 2006")
	}
	p.Outcomes = c.outcomes()
	p.Places = c.places()
	p.Questions, p.Answers = c.answers()
	return p
}

// outcomes are the shares of each outcome in the class and among the AI's
// games, each with its 95% interval.
func (c *Class) outcomes() []outcomeRow {
	var out []outcomeRow
	row := func(label string, in func(match.Result) bool) {
		k, a := 0, 0
		for _, g := range c.Games {
			if in(g.Result) {
				k++
			}
		}
		for _, r := range c.AI {
			if in(r.Result) {
				a++
			}
		}
		out = append(out, outcomeRow{label, share(k, len(c.Games)), share(a, len(c.AI))})
	}
	for _, sd := range c.Scenario.Setup.Sides {
		row(sd.Name+" won", func(r match.Result) bool { return r.Winner == sd.ID })
	}
	row("no clear winner", func(r match.Result) bool { return r.Winner == "" })
	row("as in history", func(r match.Result) bool { return r.Historical })
	return out
}

func share(k, n int) string {
	if n == 0 {
		return "none played"
	}
	lo, hi := stats.Wilson(k, n)
	return fmt.Sprintf("%d of %d (%.0f%%; 95%%: %.0f-%.0f%%)", k, n, 100*float64(k)/float64(n), 100*lo, 100*hi)
}

// places tell, for each place worth points, who held it at the end in the
// class's games, beside the record: where the class parted from the record
// and from each other.
func (c *Class) places() []placeRow {
	course := history.New(c.Scenario)
	end := course.At(course.Turns()).Holders
	var out []placeRow
	for _, pl := range c.Scenario.Places {
		if pl.VP <= 0 {
			continue
		}
		count := map[string]int{}
		agree := 0
		for _, g := range c.Games {
			count[g.Holders[pl.ID]]++
			if g.Holders[pl.ID] == end[pl.ID] {
				agree++
			}
		}
		row := placeRow{Place: pl.Name, Record: c.holderName(end[pl.ID]), Agree: share(agree, len(c.Games))}
		for _, side := range append([]string{""}, sideIDs(c.Scenario)...) {
			if n := count[side]; n > 0 {
				row.Holders = append(row.Holders, fmt.Sprintf("%s: %d", c.holderName(side), n))
			}
		}
		out = append(out, row)
	}
	return out
}

func (c *Class) holderName(side string) string {
	if side == "" {
		return "nobody"
	}
	return c.Scenario.SideName(side)
}

func sideIDs(sc *scenario.Scenario) []string {
	var out []string
	for _, sd := range sc.Setup.Sides {
		out = append(out, sd.ID)
	}
	return out
}

// answers set the students' answers side by side, question by question, in
// the order of the first game that answered them.
func (c *Class) answers() ([]string, []answerRow) {
	var ids, asked []string
	for _, g := range c.Games {
		for _, a := range g.Answers {
			if !slices.Contains(ids, a.Question) {
				ids, asked = append(ids, a.Question), append(asked, a.Asked)
			}
		}
	}
	var rows []answerRow
	for _, g := range c.Games {
		row := answerRow{Student: g.Name, Texts: make([]string, len(ids))}
		for _, a := range g.Answers {
			row.Texts[slices.Index(ids, a.Question)] = a.Text
		}
		rows = append(rows, row)
	}
	return asked, rows
}
