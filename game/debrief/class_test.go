package debrief

import (
	"fmt"
	"html"
	"os"
	"strings"
	"testing"

	"ili/game/match"
	"ili/game/save"
	"ili/game/scenario"
)

// choices are the answers to a multiple-choice question, by student.
var choices = []string{"The insurgents", "The garrison", "The insurgents, then the garrison"}

// TestClassPage sums up a class of 21 nilka-1944 games played in a lesson:
// 18 played to their end, two stopped before it (the lesson's time ran
// out) and one a copy of another under another name. Every game is counted
// once among the outcomes, the stopped ones in a row of their own, beside
// the AI's own games of the setup; every student has a row with the
// outcome, points, turns and places; a question answered from a few
// choices is tallied and one answered in words is not; each place's
// holders at the end are set beside the AI's; the copy is warned of; the
// page is closed in order; and a game of another setup is refused with its
// file named.
func TestClassPage(t *testing.T) {
	var games []*save.Game
	var names []string
	for i := range 20 {
		var rec match.Record
		if i < 18 {
			_, rec = played(t, "nilka-1944", uint64(100+i))
		} else {
			_, rec = stopped(t, "nilka-1944", uint64(100+i), 3)
		}
		answers := []save.Answer{{Question: "why", Asked: "Why did the town fall?", Text: fmt.Sprintf("answer %d", i)}}
		if i != 5 {
			answers = append(answers, save.Answer{Question: "who", Asked: "Who held the ford at the end?", Text: choices[i%3]})
		}
		g := &save.Game{Format: save.Format, Record: rec, Lesson: &save.Lesson{ID: "nilka", Title: "Why did Nilka fall?", Student: fmt.Sprintf("Student %02d", i),
			Answers: answers}}
		games, names = append(games, g), append(names, fmt.Sprintf("s%02d.json", i))
	}
	dup := *games[3]
	dup.Lesson = &save.Lesson{ID: "nilka", Title: "Why did Nilka fall?", Student: "Student 20"}
	games, names = append(games, &dup), append(names, "s20.json")
	c, err := BuildClass(games, names)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Games) != 21 || len(c.AI) != AIRuns {
		t.Fatalf("%d games, %d AI runs", len(c.Games), len(c.AI))
	}
	path, err := c.Write(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checkHTML(t, "class", data)
	checkPunctuation(t, "class", data)
	page := html.UnescapeString(string(data))
	for _, want := range []string{"Lesson: Why did Nilka fall? ", "Why did the town fall?", "Student 07", "answer 19", "of 21 (", "of 100 (",
		"likely between ", "“Likely between” gives the range", HistoricalTest, "stopped before the end", "2 of 21 (",
		"The 2 games stopped before their end count their places as they stood when stopped.", "stopped on turn 3 of ",
		"s03.json (Student 03) and s20.json (Student 20) are the same game (the same seed and the same commands)", "Why the games ended: (1) "} {
		if !strings.Contains(page, want) {
			t.Errorf("the class page lacks %q", want)
		}
	}
	for _, bad := range []string{"?.", "95%:", "Provincial garrison (Republic of China)", "()"} {
		if strings.Contains(page, bad) {
			t.Errorf("the class page has %q", bad)
		}
	}
	p := c.page()
	finished, stoppedRow := 0, p.Outcomes[len(c.Scenario.Setup.Sides)+1]
	for _, o := range p.Outcomes[:len(c.Scenario.Setup.Sides)+1] {
		var k int
		fmt.Sscanf(o.Class, "%d of", &k)
		finished += k
	}
	if finished != 19 || !strings.HasPrefix(stoppedRow.Class, "2 of 21") {
		t.Errorf("the outcomes count %d finished games of 19, and %s stopped", finished, stoppedRow.Class)
	}
	checkStudents(t, c, p)
	checkTallies(t, p)
	for _, row := range p.Places {
		total := 0
		for _, h := range row.AIHolders {
			var pct int
			fmt.Sscanf(h[strings.LastIndex(h, ": ")+2:], "%d%%", &pct)
			total += pct
		}
		if total < 98 || total > 102 || !strings.Contains(row.AIAgree, "of 100") {
			t.Errorf("%s: the AI's games end with %v (%d%%), %s as the record", row.Place, row.AIHolders, total, row.AIAgree)
		}
	}
	_, other := played(t, "ghulja-1944", 1)
	games = append(games, &save.Game{Format: save.Format, Record: other})
	if _, err := BuildClass(games, append(names, "odd.json")); err == nil || !strings.Contains(err.Error(), "odd.json is not a game of the same setup") {
		t.Errorf("a game of another scenario: %v", err)
	}
}

// checkStudents: a row per student, in order, with the game's turns, each
// place worth points and whether it ended as the record has it.
func checkStudents(t *testing.T, c *Class, p classPage) {
	t.Helper()
	if len(p.Students) != len(c.Games) {
		t.Fatalf("%d students' rows for %d games", len(p.Students), len(c.Games))
	}
	scored := 0
	for _, pl := range c.Scenario.Places {
		if pl.VP > 0 {
			scored++
		}
	}
	if len(p.ScoredPlaces) != scored {
		t.Errorf("the rows give %d places of %d", len(p.ScoredPlaces), scored)
	}
	for i, row := range p.Students {
		g := c.Games[i]
		if row.Student != g.Name || row.File != g.File || row.Turns != g.Result.Turns || len(row.Places) != scored || len(row.Points) != len(p.Sides) {
			t.Errorf("row %d: %+v for %s (%d turns)", i, row, g.Name, g.Result.Turns)
		}
		if g.Over == strings.HasPrefix(row.Outcome, "stopped") {
			t.Errorf("row %d: %q for a game over: %v", i, row.Outcome, g.Over)
		}
	}
	// A reason is given with the scenario's names for its ids.
	sc := c.Scenario
	one := &Class{Scenario: sc, Games: []ClassGame{{Name: "x", File: "x.json", Over: true,
		Result: match.Result{Winner: "insurgents", Reason: "holds nilka", Turns: 4}, Holders: map[string]string{"nilka": "insurgents"}}}}
	_, rows, reasons := one.students()
	if want := "the winner holds " + sc.PlaceName("nilka"); rows[0].Reason != 1 || len(reasons) != 1 || reasons[0] != want || rows[0].Outcome != "Nilka insurgents won" {
		t.Errorf("the row reads %q (%d), %q; want %q", rows[0].Outcome, rows[0].Reason, reasons, want)
	}
	for i, row := range p.Students {
		if g := c.Games[i]; row.Reason < 0 || row.Reason > len(p.Reasons) || (row.Reason == 0) == (g.Over && g.Result.Reason != "") ||
			row.Reason > 0 && !strings.Contains(p.Reasons[row.Reason-1], sc.Named(g.Result.Reason)) {
			t.Errorf("row %d: reason %d of %q for %q", i, row.Reason, p.Reasons, g.Result.Reason)
		}
	}
	for i, pl := range scoredPlaces(sc) {
		if rows[0].Places[i].Holder == "" {
			t.Errorf("%s: no holder", pl)
		}
	}
}

func scoredPlaces(sc *scenario.Scenario) []string {
	var out []string
	for _, pl := range sc.Places {
		if pl.VP > 0 {
			out = append(out, pl.ID)
		}
	}
	return out
}

// checkTallies: the question answered from three choices is tallied, the
// most given first and the student without an answer last; the one
// answered in words is not.
func checkTallies(t *testing.T, p classPage) {
	t.Helper()
	if len(p.Tallies) != 1 || p.Tallies[0].Asked != "Who held the ford at the end?" {
		t.Fatalf("the tallies: %+v", p.Tallies)
	}
	got := map[string]int{}
	for _, r := range p.Tallies[0].Rows {
		got[r.Text] = r.Count
	}
	// Students 0-19 answered choices[i%3] but for 5; 20 (the copy) none.
	want := map[string]int{choices[0]: 7, choices[1]: 7, choices[2]: 5, "(no answer)": 2}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("the tally of %q is %d, not %d: %+v", k, got[k], n, p.Tallies[0].Rows)
		}
	}
	if rows := p.Tallies[0].Rows; rows[len(rows)-1].Text != "(no answer)" || rows[0].Text != choices[0] {
		t.Errorf("the tally's order: %+v", rows)
	}
}
