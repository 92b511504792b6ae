package debrief

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"ili/game/save"
)

// TestClassPage sums up a class of 20 seeded nilka-1944 games played in a
// lesson: every game counted once among the outcomes, beside the AI's own
// games of the setup; every student's answers in their row, under the
// question as it was asked; the page closed in order; and a game of another
// setup refused with its file named.
func TestClassPage(t *testing.T) {
	var games []*save.Game
	var names []string
	for i := range 20 {
		_, rec := played(t, "nilka-1944", uint64(100+i))
		g := &save.Game{Format: save.Format, Record: rec, Lesson: &save.Lesson{ID: "nilka", Title: "Why did Nilka fall?", Student: fmt.Sprintf("Student %02d", i),
			Answers: []save.Answer{{Question: "why", Asked: "Why did the town fall?", Text: fmt.Sprintf("answer %d", i)}}}}
		games, names = append(games, g), append(names, fmt.Sprintf("s%02d.json", i))
	}
	c, err := BuildClass(games, names)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Games) != 20 || len(c.AI) != AIRuns {
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
	page := string(data)
	for _, want := range []string{"Why did Nilka fall?", "Why did the town fall?", "Student 07", "answer 19", "of 20 (", "of 100 ("} {
		if !strings.Contains(page, want) {
			t.Errorf("the class page lacks %q", want)
		}
	}
	won := 0
	for _, o := range c.page().Outcomes[:len(c.Scenario.Setup.Sides)+1] {
		var k int
		fmt.Sscanf(o.Class, "%d of", &k)
		won += k
	}
	if won != 20 {
		t.Errorf("the outcomes count %d of the 20 games", won)
	}
	_, other := played(t, "ghulja-1944", 1)
	games = append(games, &save.Game{Format: save.Format, Record: other})
	if _, err := BuildClass(games, append(names, "odd.json")); err == nil || !strings.Contains(err.Error(), "odd.json is not a game of the same setup") {
		t.Errorf("a game of another scenario: %v", err)
	}
}
