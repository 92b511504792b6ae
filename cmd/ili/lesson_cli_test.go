package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
)

// noDisplay makes the test run as on a machine without a display.
func noDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
}

// TestHelpWithoutDisplay: ili --help, -h and help print the usage and exit
// 0 on a machine without a display; they are never taken for arguments of
// play, which would need one. So do ili play -h and ili shot -h.
func TestHelpWithoutDisplay(t *testing.T) {
	noDisplay(t)
	for _, args := range [][]string{{"--help"}, {"-h"}, {"-help"}, {"help"}, {"--help", "nilka-1944"}, {"play", "-h"}, {"play", "nilka-1944", "--help"}, {"shot", "-h"}} {
		code, stdout, stderr := runCLI(args...)
		if code != cli.OK || !strings.Contains(stdout, "Usage:") || !strings.Contains(stdout, "ili validate") {
			t.Errorf("%v: exit %d, stdout %q", args, code, stdout)
		}
		if stderr != "" {
			t.Errorf("%v: stderr %q, want none (no word about the display)", args, stderr)
		}
	}
}

const goodLesson = `[lesson]
id = "test"
title = "A test lesson"
scenario = "nilka-1944"
side = "provincial"
opponent = "normal"

[[question]]
id = "one"
text = "What happened?"

[[question]]
id = "two"
text = "Why?"
choices = ["this", "that"]
`

// badLesson has two mistakes: a scenario that does not exist (line 4) and
// an opponent that is no AI level (line 6).
const badLesson = `[lesson]
id = "test"
title = "A test lesson"
scenario = "atlantis-1944"
side = "provincial"
opponent = "genius"
`

func writeLesson(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestValidateLesson: ili validate reads a lesson file as a lesson: a good
// one is one line naming its scenario and counting its questions, a bad one
// a file:line:col line for each of its mistakes, and none of the scenario
// reader's complaints about keys a scenario needs.
func TestValidateLesson(t *testing.T) {
	good := writeLesson(t, "good.toml", goodLesson)
	code, stdout, stderr := runCLI("validate", good)
	if want := good + ": ok (a lesson of nilka-1944, 2 questions)\n"; code != cli.OK || stdout != want {
		t.Errorf("a good lesson: exit %d, stdout %q (want %q), stderr %q", code, stdout, want, stderr)
	}
	first, _, _ := strings.Cut(goodLesson, "\n\n[[question]]\nid = \"two\"")
	one := writeLesson(t, "one.toml", first+"\n")
	if _, stdout, stderr := runCLI("validate", one); !strings.HasSuffix(stdout, "(a lesson of nilka-1944, 1 question)\n") {
		t.Errorf("a lesson of one question: %q %q", stdout, stderr)
	}
	bad := writeLesson(t, "bad.toml", badLesson)
	code, stdout, stderr = runCLI("validate", bad)
	if code != cli.Bad || stdout != "" {
		t.Errorf("a bad lesson: exit %d, stdout %q", code, stdout)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(bad) + `:(\d+):\d+: `)
	var at []string
	for _, l := range lines {
		m := re.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("not file:line:col: message: %q", l)
			continue
		}
		at = append(at, m[1])
	}
	if strings.Join(at, ",") != "4,6" {
		t.Errorf("mistakes reported at lines %v, want 4 and 6:\n%s", at, stderr)
	}
	for _, want := range []string{"atlantis-1944", `"genius"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("no error mentions %s:\n%s", want, stderr)
		}
	}
	for _, wrong := range []string{"the scenario:", `"turns" is missing`, `"lesson" is not a known key`} {
		if strings.Contains(stderr, wrong) {
			t.Errorf("the lesson was read as a scenario (%s):\n%s", wrong, stderr)
		}
	}
	// A lesson beside scenarios: each file is read as what it is.
	code, stdout, _ = runCLI("validate", good, "../../scenarios/nilka-1944.toml", bad)
	if code != cli.Bad || strings.Count(stdout, ": ok") != 2 {
		t.Errorf("a lesson, a scenario and a bad lesson: exit %d\n%s", code, stdout)
	}
}

// TestValidateBundledData: ili validate with no file checks the bundled
// data beside the scenarios too, the encyclopedia and the campaign, and
// says so.
func TestValidateBundledData(t *testing.T) {
	code, stdout, stderr := runCLI("validate")
	if code != cli.OK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^encyclopedia: ok \(\d+ entries\)$`).MatchString(stdout) {
		t.Errorf("no line for the encyclopedia:\n%s", stdout)
	}
	if !regexp.MustCompile(`(?m)^campaign: ok \(\d+ stops, \d+ episodes\)$`).MatchString(stdout) {
		t.Errorf("no line for the campaign:\n%s", stdout)
	}
	// Given files, it checks those files only.
	_, stdout, _ = runCLI("validate", "nilka-1944")
	if strings.Contains(stdout, "encyclopedia") || strings.Contains(stdout, "campaign") {
		t.Errorf("validate FILE checked the bundled data too:\n%s", stdout)
	}
}

// TestPlayBadLessonWithoutDisplay: ili play with a lesson file that has
// mistakes lists them, with no word about the display, which a lesson's
// mistakes do not need; a good lesson goes on to the window, and so to the
// message that there is no display.
func TestPlayBadLessonWithoutDisplay(t *testing.T) {
	noDisplay(t)
	bad := writeLesson(t, "bad.toml", badLesson)
	for _, args := range [][]string{{"play", bad}, {bad}, {"play", "--size", "800x600", bad}, {"play", "--colour-blind", bad}} {
		code, _, stderr := runCLI(args...)
		if code != cli.Bad || strings.Contains(stderr, "display") || !strings.Contains(stderr, bad+":4:") || !strings.Contains(stderr, bad+":6:") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	good := writeLesson(t, "good.toml", goodLesson)
	code, _, stderr := runCLI("play", good)
	if code != cli.Bad || !strings.Contains(stderr, "no display") {
		t.Errorf("a good lesson without a display: exit %d, stderr %q", code, stderr)
	}
}

// TestPlayFile: the file ili play opens is its first argument that is not
// a flag or a flag's value.
func TestPlayFile(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"a.toml"}, "a.toml"},
		{[]string{"--size", "800x600", "a.toml"}, "a.toml"},
		{[]string{"--size=800x600", "a.toml"}, "a.toml"},
		{[]string{"-variant", "x", "--hotseat", "a.toml", "--side", "b"}, "a.toml"},
		{[]string{"--colour-blind", "nilka-1944"}, "nilka-1944"},
		{[]string{"--", "-odd.toml"}, "-odd.toml"},
		{[]string{"--load", "s.json"}, ""},
	} {
		if got := playFile(c.args); got != c.want {
			t.Errorf("playFile(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}
