package main

import (
	"strings"
	"testing"

	"ili/game/ai"
)

func TestOptionsFromTheLink(t *testing.T) {
	o := options("?scenario=nilka-1944&side=insurgents&seed=7&ai=hard&test=1", "", "")
	if o.Note != "" || o.Scenario != "nilka-1944" || o.Side != "insurgents" || o.Seed != 7 || o.Opponent != ai.Hard || !o.TestHook {
		t.Errorf("a game's link: %+v", o)
	}
	o = options("?scenario=ghulja-1944&history", "", "")
	if o.Note != "" || !o.History {
		t.Errorf("history alone: %+v", o)
	}
	o = options("", "", "")
	if o.Note != "" || o.Scenario != "" || o.Seed != 1 {
		t.Errorf("no query: %+v", o)
	}
	for query, want := range map[string]string{
		"?scenario=nilka-1945":                                    `"nilka-1945", which the game does not have`,
		"?scenario=nilka-1944&side=kmt":                           `has no side "kmt"`,
		"?scenario=nilka-1944&variant=no-such":                    "does not load",
		"?scenario=nilka-1944&ai=clever":                          "clever",
		"?scenario=nilka-1944&side=insurgents&ai=insurgents=hard": "give one side to both you and the AI",
		"?scenario=nilka-1944&seed=-1":                            "not a whole number",
		"?lesson=ghulja-police":                                   "not on this server",
		"?lesson=ghulja-police&scenario=nilka-1944":               "its lesson alone",
	} {
		o := options(query, "", "")
		if o.Scenario != "" || o.Lesson != nil || !strings.Contains(o.Note, want) || !strings.HasSuffix(o.Note, "The title screen opens instead.") {
			t.Errorf("%s: %+v; want a note saying %q", query, o, want)
		}
	}
}

func TestLessonFromTheLink(t *testing.T) {
	text := `[lesson]
id = "drill"
title = "A drill"
intro = "Hold Nilka."
scenario = "nilka-1944"
side = "provincial"
opponent = "normal"

[[question]]
id = "why"
text = "Why?"
`
	o := options("?lesson=drill", "drill.toml", text)
	if o.Note != "" || o.Lesson == nil || o.Lesson.Scenario != "nilka-1944" {
		t.Errorf("a lesson's link: %+v", o)
	}
	o = options("?lesson=drill", "drill.toml", strings.Replace(text, "nilka-1944", "nowhere-1900", 1))
	if o.Lesson != nil || !strings.Contains(o.Note, "has a mistake") {
		t.Errorf("a lesson with a mistake: %+v", o)
	}
}
