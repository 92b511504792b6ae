package lesson

import (
	"strings"
	"testing"
	"time"
)

// TestExampleLesson: the lesson bundled as an example reads, with its
// setup and its four questions, one a choice.
func TestExampleLesson(t *testing.T) {
	l, err := Load("../../lessons/ghulja-police.toml")
	if err != nil {
		t.Fatal(err)
	}
	if l.Scenario != "ghulja-1944" || l.Side != "provincial" || l.Opponent != "normal" || l.From != "1944-11-09T18:00" || l.Limit != 40*time.Minute {
		t.Errorf("the setup reads as %+v", l)
	}
	if len(l.Questions) != 4 || len(l.Questions[3].Choices) != 4 || !strings.Contains(l.Intro, "13 November") {
		t.Errorf("the questions read as %+v", l.Questions)
	}
	if !IsLesson([]byte("# x\n[lesson]\nid = \"a\"\n")) || IsLesson([]byte("[scenario]\n")) {
		t.Error("IsLesson tells a lesson from a scenario wrongly")
	}
}

// TestLessonMistakes: each mistake is one sentence at its file:line:col.
func TestLessonMistakes(t *testing.T) {
	base := `[lesson]
id = "l"
title = "T"
scenario = "nilka-1944"
side = "insurgents"
opponent = "normal"

[[question]]
id = "q"
text = "Why?"
`
	for _, c := range []struct{ from, to, want string }{
		{`side = "insurgents"`, `side = "martians"`, `l.toml:5:1: lesson: key "side" is "martians", which is no side of nilka-1944; use insurgents or provincial`},
		{`opponent = "normal"`, `opponent = "genius"`, `l.toml:6:1: lesson: key "opponent" is "genius"; use one of random, greedy, easy, normal, hard or person`},
		{`opponent = "normal"`, "opponent = \"normal\"\nfrom = 1950-01-01", `l.toml:7:1: lesson: key "from" does not load`},
		{`opponent = "normal"`, "opponent = \"normal\"\nvariants = [\"nope\"]", `l.toml:7:1: lesson: key "variants" does not load`},
		{`scenario = "nilka-1944"`, `scenario = "atlantis-1944"`, `l.toml:4:1: lesson: key "scenario" does not load`},
		{`text = "Why?"`, "text = \"Why?\"\nanswer = 3", `l.toml:11:1: question "q": key "answer" is not a known key here`},
		{`text = "Why?"`, "text = \"Why?\"\nchoices = [\"only\"]", `l.toml:11:1: question "q": key "choices" has one choice`},
		{`id = "q"`, "id = \"q\"\ntext = \"A\"\n\n[[question]]\nid = \"q\"", `l.toml:13:1: question "q": key "id" is "q", which an earlier question has`},
		{`[lesson]`, `[lessen]`, `l.toml:1:1: the lesson file: key "lesson" is missing`},
	} {
		src := strings.Replace(base, c.from, c.to, 1)
		_, err := Parse("l.toml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\n got %v\nwant %s", c.to, err, c.want)
		}
	}
}
