package main

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
	"ili/game/save"
)

// TestReport: ili report writes a kept run's debrief into the folder it
// is given, with the first side's view on request; a missing save, a
// missing --out or an unknown side is one line and a non-zero exit.
func TestReport(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := runCLI("sim", "nilka-1944", "--runs", "1", "--seed", "4", "--keep", dir); code != cli.OK {
		t.Fatal(stderr)
	}
	kept := filepath.Join(dir, "nilka-1944-seed4.json")
	out := filepath.Join(dir, "debrief")
	code, stdout, stderr := runCLI("report", kept, "--out", out, "--side", "insurgents")
	if code != cli.OK || !strings.Contains(stdout, filepath.Join(out, "index.html")) {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !strings.Contains(string(page), "What the Nilka insurgents saw") || !strings.Contains(string(page), "seen-0.png") {
		t.Errorf("the page does not show the insurgents' view: %v", err)
	}
	if code, stdout, stderr := runCLI("report", "--class", kept, kept, "--out", out); code != cli.OK || !strings.Contains(stdout, "class.html") {
		t.Errorf("--class: exit %d: %s%s", code, stdout, stderr)
	}
	// The same save given twice is one game: the class page warns of it.
	class, err := os.ReadFile(filepath.Join(out, "class.html"))
	if err != nil || !strings.Contains(string(class), "nilka-1944-seed4.json is given 2 times") || !strings.Contains(string(class), "Each student's game") {
		t.Errorf("the class page does not warn of the same game given twice: %v", err)
	}
	// A lesson's game: the debrief names the student and the lesson, and
	// sets out the answers under their questions.
	g, err := save.Read(kept)
	if err != nil {
		t.Fatal(err)
	}
	g.Lesson = &save.Lesson{ID: "nilka", Title: "Why did Nilka fall?", Student: "Aygul Turdi",
		Answers: []save.Answer{{Question: "why", Asked: "Why did the town fall?", Text: "It was cut off."}}}
	lesson := filepath.Join(dir, "lesson.json")
	if err := g.Write(lesson); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCLI("report", lesson, "--out", filepath.Join(dir, "lesson")); code != cli.OK {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	page, err = os.ReadFile(filepath.Join(dir, "lesson", "index.html"))
	text := html.UnescapeString(string(page))
	for _, want := range []string{"Aygul Turdi played this game in the lesson “Why did Nilka fall?”", "Why did the town fall?", "It was cut off."} {
		if err != nil || !strings.Contains(text, want) {
			t.Errorf("the lesson's debrief lacks %q: %v", want, err)
		}
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "--class", "--out", out}, cli.Usage, "needs the class's saved games"},
		{[]string{"report", kept}, cli.Usage, "needs one saved game and --out DIR"},
		{[]string{"report", filepath.Join(dir, "none.json"), "--out", out}, cli.Bad, "none.json"},
		{[]string{"report", kept, "--out", out, "--side", "martians"}, cli.Bad, `has no side "martians"`},
	} {
		code, _, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
		}
	}
}
