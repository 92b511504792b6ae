package debrief

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
// each student's game and answers, against the same setup played by the AI
// alone.
type Class struct {
	Scenario *scenario.Scenario
	Lesson   string // the lesson's title, "" when the games were not played in one
	Games    []ClassGame
	AI       []whatif.Result // the same setup, AI against AI
	// Same are the groups of saves that are one game (the same seed and
	// commands), each by its games' names: a copied file, most likely.
	Same [][]string
}

// ClassGame is one student's game.
type ClassGame struct {
	Name    string // the student, or the file
	File    string
	Result  match.Result
	Over    bool              // false for a game stopped before its end (a lesson whose time ran out)
	Holders map[string]string // place -> holder at the end, or when the game stopped
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
	c.Same = sameGames(games, c.Games)
	b, err := whatif.Run(whatif.Setup{Scenario: sc, Set: games[0].Set}, whatif.Options{Runs: AIRuns, Seed: 1})
	if err != nil {
		return nil, fmt.Errorf("the same setup does not play AI against AI: %w", err)
	}
	c.AI = b.Results
	return c, nil
}

// sameGames groups the saves that are one game: the same seed and the
// same commands.
func sameGames(games []*save.Game, cgs []ClassGame) [][]string {
	var keys []string
	groups := map[string][]string{}
	for i, g := range games {
		cmds, err := json.Marshal(g.Commands)
		if err != nil {
			continue
		}
		key := fmt.Sprintf("%d %s", g.Seed, cmds)
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		name := cgs[i].File
		if cgs[i].Name != cgs[i].File {
			name = fmt.Sprintf("%s (%s)", cgs[i].File, cgs[i].Name)
		}
		groups[key] = append(groups[key], name)
	}
	var out [][]string
	for _, k := range keys {
		if len(groups[k]) > 1 {
			out = append(out, groups[k])
		}
	}
	return out
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
	cg := ClassGame{Name: name, File: name, Result: m.Result(), Over: m.Over(), Holders: finalHolders(sc, m.Turn(), m.Result().Captures)}
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
	Same                 []string // warnings of saves that are one game
	Outcomes             []outcomeRow
	Test                 string // the scenario's test of a game that went as history did
	Stopped              int    // the games stopped before their end
	Places               []placeRow
	ScoredPlaces         []string // the places worth points, as the students' rows give them
	Sides                []string // the sides' short names, as the students' rows give their points
	Students             []studentRow
	Reasons              []string // why the students' games ended, each once, numbered in the rows
	Questions            []string
	Answers              []answerRow
	Tallies              []tally
	Sources              []citation
}

type outcomeRow struct{ Outcome, Class, AI string }

type placeRow struct {
	Place, Record string
	Holders       []string // "side: count" in the class
	Agree         string   // share of the class's games that end as the record
	AIHolders     []string // "side: share" in the AI's games
	AIAgree       string
}

// studentRow is one student's game: its outcome, points, turns and who
// held each place worth points at the end.
type studentRow struct {
	Student, File string
	Outcome       string
	Reason        int   // the number of the reason the game ended for, from 1; 0 for none
	Points        []int // by side
	Turns         int
	Places        []heldCell
}

// heldCell is who held a place at the end of a game, and whether the
// record has it so.
type heldCell struct {
	Holder string
	Record bool
}

type answerRow struct {
	Student string
	Texts   []string
}

// tally counts the answers to a question that the class answered from a
// few choices.
type tally struct {
	Asked string
	Rows  []tallyRow
}

type tallyRow struct {
	Text  string
	Count int
	Share string
}

// MaxChoices is the most distinct answers a question may have for the
// class page to count them as a multiple choice's.
const MaxChoices = 8

//go:embed class.html
var classText string

var classTemplate = template.Must(template.New("class").Funcs(template.FuncMap{"inc": func(i int) int { return i + 1 }}).Parse(classText))

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
	p := classPage{Title: sc.Title, Games: len(c.Games), AIRuns: len(c.AI), Sources: citations(sc), Test: HistoricalTest,
		Setup: fmt.Sprintf("%s to %s", sc.Start.Format("2 January 2006"), sc.End.Format("2 January 2006"))}
	if c.Lesson != "" {
		p.Lesson = sentence("Lesson: " + c.Lesson)
	}
	if len(sc.Applied) > 0 {
		p.Setup += "; what-if variants: " + variantNames(sc, sc.Applied)
	}
	if up := sc.TakenUp(); up != "" {
		p.Setup += "; " + up
	}
	p.Setup = sentence(p.Setup)
	for _, g := range c.Games {
		if !g.Over {
			p.Stopped++
		}
	}
	for _, same := range c.Same {
		if files := slices.Compact(slices.Sorted(slices.Values(same))); len(files) == 1 {
			p.Same = append(p.Same, fmt.Sprintf("%s is given %d times: its game is counted each time.", same[0], len(same)))
		} else {
			p.Same = append(p.Same, joinNames(same)+" are the same game (the same seed and the same commands): one may be a copy of another.")
		}
	}
	p.Outcomes = c.outcomes()
	p.Places = c.places()
	p.ScoredPlaces, p.Students, p.Reasons = c.students()
	for _, sd := range sc.Setup.Sides {
		p.Sides = append(p.Sides, shortName(sd.Name))
	}
	p.Questions, p.Answers = c.answers()
	p.Tallies = c.tallies()
	return p
}

// outcomes are the shares of each outcome in the class and among the AI's
// games, each with its 95% interval: each side's wins, the draws, the
// games stopped before their end (which have no winner to judge), and the
// games that went as history did.
func (c *Class) outcomes() []outcomeRow {
	var out []outcomeRow
	row := func(label string, in func(r match.Result, over bool) bool) {
		k, a := 0, 0
		for _, g := range c.Games {
			if in(g.Result, g.Over) {
				k++
			}
		}
		for _, r := range c.AI {
			if in(r.Result, true) {
				a++
			}
		}
		out = append(out, outcomeRow{label, share(k, len(c.Games)), share(a, len(c.AI))})
	}
	for _, sd := range c.Scenario.Setup.Sides {
		row(shortName(sd.Name)+" won", func(r match.Result, over bool) bool { return over && r.Winner == sd.ID })
	}
	row("a draw (no clear winner)", func(r match.Result, over bool) bool { return over && r.Winner == "" })
	row("stopped before the end", func(r match.Result, over bool) bool { return !over })
	out[len(out)-1].AI = "none: the AI plays every game to its end"
	row("as in history (the scenario's test)", func(r match.Result, over bool) bool { return over && r.Historical })
	return out
}

// share is k of n in plain words, with the range the share likely lies
// in (the 95% Wilson interval): "12 of 20 (60%; likely between 39% and
// 78%)".
func share(k, n int) string {
	if n == 0 {
		return "none played"
	}
	lo, hi := stats.Wilson(k, n)
	return fmt.Sprintf("%d of %d (%.0f%%; likely between %.0f%% and %.0f%%)", k, n, 100*float64(k)/float64(n), 100*lo, 100*hi)
}

// places tell, for each place worth points, who held it at the end in the
// class's games and in the AI's, beside the record: where the class parted
// from the record, from each other and from the AI.
func (c *Class) places() []placeRow {
	course := history.New(c.Scenario)
	end := course.At(course.Turns()).Holders
	ai := make([]map[string]string, len(c.AI))
	for i, r := range c.AI {
		ai[i] = finalHolders(c.Scenario, r.Turns, r.Captures)
	}
	var out []placeRow
	for _, pl := range c.Scenario.Places {
		if pl.VP <= 0 {
			continue
		}
		count, aiCount := map[string]int{}, map[string]int{}
		agree, aiAgree := 0, 0
		for _, g := range c.Games {
			count[g.Holders[pl.ID]]++
			if g.Holders[pl.ID] == end[pl.ID] {
				agree++
			}
		}
		for _, h := range ai {
			aiCount[h[pl.ID]]++
			if h[pl.ID] == end[pl.ID] {
				aiAgree++
			}
		}
		row := placeRow{Place: pl.Name, Record: c.holderName(end[pl.ID]), Agree: share(agree, len(c.Games)), AIAgree: share(aiAgree, len(ai))}
		for _, side := range append([]string{""}, sideIDs(c.Scenario)...) {
			if n := count[side]; n > 0 {
				row.Holders = append(row.Holders, fmt.Sprintf("%s: %d", c.holderName(side), n))
			}
			if n := aiCount[side]; n > 0 {
				row.AIHolders = append(row.AIHolders, fmt.Sprintf("%s: %.0f%%", c.holderName(side), 100*float64(n)/float64(len(ai))))
			}
		}
		out = append(out, row)
	}
	return out
}

// students are the students' games row by row, in the order given: the
// outcome, the points, the turns and who held each place worth points at
// the end, marked where the record has it so; with the places' names and
// the reasons the games ended for, each once, which the rows number.
func (c *Class) students() ([]string, []studentRow, []string) {
	sc := c.Scenario
	course := history.New(sc)
	end := course.At(course.Turns()).Holders
	var places []string
	for _, pl := range sc.Places {
		if pl.VP > 0 {
			places = append(places, pl.Name)
		}
	}
	var rows []studentRow
	var reasons []string
	for _, g := range c.Games {
		r := g.Result
		row := studentRow{Student: g.Name, Turns: r.Turns}
		if g.Name != g.File {
			row.File = g.File
		}
		switch {
		case !g.Over:
			row.Outcome = fmt.Sprintf("stopped on turn %d of %d", r.Turns, sc.Turns)
		case r.Winner == "":
			row.Outcome = "a draw"
		default:
			row.Outcome = shortName(sc.SideName(r.Winner)) + " won"
		}
		if g.Over && r.Reason != "" {
			why := strings.TrimSuffix(strings.TrimPrefix(reasonLine(sc, r.Reason, r.Winner), "The game ended because "), ".")
			if !slices.Contains(reasons, why) {
				reasons = append(reasons, why)
			}
			row.Reason = slices.Index(reasons, why) + 1
		}
		for _, sd := range sc.Setup.Sides {
			row.Points = append(row.Points, r.VP[sd.ID])
		}
		for _, pl := range sc.Places {
			if pl.VP > 0 {
				row.Places = append(row.Places, heldCell{c.holderName(g.Holders[pl.ID]), g.Holders[pl.ID] == end[pl.ID]})
			}
		}
		rows = append(rows, row)
	}
	return places, rows, reasons
}

// holderName is a side's short name, for the cells of a table.
func (c *Class) holderName(side string) string {
	if side == "" {
		return "nobody"
	}
	return shortName(c.Scenario.SideName(side))
}

func sideIDs(sc *scenario.Scenario) []string {
	var out []string
	for _, sd := range sc.Setup.Sides {
		out = append(out, sd.ID)
	}
	return out
}

// questions are the questions the class answered, by id, with the text
// they were asked in, in the order of the first game that answered them.
func (c *Class) questions() (ids, asked []string) {
	for _, g := range c.Games {
		for _, a := range g.Answers {
			if !slices.Contains(ids, a.Question) {
				ids, asked = append(ids, a.Question), append(asked, a.Asked)
			}
		}
	}
	return ids, asked
}

// answers set the students' answers side by side, question by question.
func (c *Class) answers() ([]string, []answerRow) {
	ids, asked := c.questions()
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

// tallies count the answers to each question the class answered from a
// few choices: a saved game keeps the answer's text, not the lesson's
// choices, so a question counts as a multiple choice when every answer
// to it is one of at most MaxChoices texts, and of no more texts than half
// its answers (a question answered in words has about as many texts as
// answers, a copied game's aside). The most given come first; the
// students who gave none are counted last.
func (c *Class) tallies() []tally {
	ids, asked := c.questions()
	var out []tally
	for q, id := range ids {
		count := map[string]int{}
		var texts []string
		answered := 0
		for _, g := range c.Games {
			i := slices.IndexFunc(g.Answers, func(a save.Answer) bool { return a.Question == id })
			if i < 0 || strings.TrimSpace(g.Answers[i].Text) == "" {
				continue
			}
			t := strings.TrimSpace(g.Answers[i].Text)
			if count[t] == 0 {
				texts = append(texts, t)
			}
			count[t]++
			answered++
		}
		if len(texts) == 0 || len(texts) > MaxChoices || 2*len(texts) > answered {
			continue
		}
		slices.SortStableFunc(texts, func(a, b string) int { return count[b] - count[a] })
		t := tally{Asked: asked[q]}
		for _, text := range texts {
			t.Rows = append(t.Rows, tallyRow{text, count[text], share(count[text], len(c.Games))})
		}
		if none := len(c.Games) - answered; none > 0 {
			t.Rows = append(t.Rows, tallyRow{"(no answer)", none, share(none, len(c.Games))})
		}
		out = append(out, t)
	}
	return out
}
