package main

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"ili/cmd/internal/cli"
	"ili/game/ai"
	"ili/game/lesson"
	"ili/game/scenario"
	"ili/game/ui"
)

// options reads the page's query: what to open, as ili play's flags say it.
// A mistake opens the title screen instead, with Options.Note saying why.
// lessonName and lessonText are the lesson the page fetched for ?lesson=
// (lessonText "" when the server has no such lesson).
func options(search, lessonName, lessonText string) ui.Options {
	opt := ui.Options{Seed: 1, Opponent: ai.Normal}
	q, err := url.ParseQuery(strings.TrimPrefix(search, "?"))
	if err != nil {
		opt.Note = "The page's address does not read as a link to a game; the title screen opens instead."
		return opt
	}
	opt.TestHook = q.Get("test") == "1"
	opt.ColourBlind = yes(q, "colour-blind")
	note := func(format string, args ...any) ui.Options {
		return ui.Options{Seed: 1, Opponent: ai.Normal, TestHook: opt.TestHook, ColourBlind: opt.ColourBlind,
			Note: fmt.Sprintf(format, args...) + " The title screen opens instead."}
	}
	if s := q.Get("seed"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return note("The link's seed %q is not a whole number.", s)
		}
		opt.Seed = n
	}
	if q.Has("lesson") {
		return lessonOptions(opt, q, lessonName, lessonText, note)
	}
	id := q.Get("scenario")
	if id == "" {
		return opt
	}
	if !slices.Contains(scenario.Bundled(), id) {
		return note("The link names the scenario %q, which the game does not have; it has %s.", id, strings.Join(scenario.Bundled(), ", "))
	}
	opt.Scenario, opt.Side, opt.From = id, q.Get("side"), q.Get("from")
	opt.History, opt.Hotseat = yes(q, "history"), yes(q, "hotseat")
	for _, v := range q["variant"] {
		for _, one := range strings.Split(v, ",") {
			if one = strings.TrimSpace(one); one != "" {
				opt.Variants = append(opt.Variants, one)
			}
		}
	}
	sc, err := scenario.Load(id, scenario.Options{Variants: opt.Variants, From: opt.From})
	if err != nil {
		return note("The link's setup of %s does not load: %s.", id, firstLine(err))
	}
	var said bytes.Buffer
	levels, def, _, ok := cli.PlaySeats(sc, opt.Side, q["ai"], &said)
	if !ok {
		return note("%s", strings.TrimPrefix(strings.TrimSpace(said.String()), "ili: "))
	}
	opt.AI = levels
	if def != nil {
		opt.Opponent = *def
	}
	return opt
}

// lessonOptions opens the lesson the page fetched.
func lessonOptions(opt ui.Options, q url.Values, name, text string, note func(string, ...any) ui.Options) ui.Options {
	if q.Has("scenario") || q.Has("side") || q.Has("variant") || q.Has("ai") || q.Has("from") || q.Has("history") || q.Has("hotseat") {
		return note("A lesson sets its game up itself: give the link its lesson alone.")
	}
	if text == "" {
		return note("The lesson %q is not on this server (the page looked for lessons/%s.toml beside it).", q.Get("lesson"), q.Get("lesson"))
	}
	l, err := lesson.Parse(name, []byte(text))
	if err != nil {
		return note("The lesson %s has a mistake: %s.", name, firstLine(err))
	}
	opt.Lesson = l
	return opt
}

// firstLine is an error's first line, without a full stop.
func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return strings.TrimSuffix(s, ".")
}

// yes reads a flag of the query: given alone (?history), or as 1, true,
// yes or on.
func yes(q url.Values, key string) bool {
	if !q.Has(key) {
		return false
	}
	switch strings.ToLower(q.Get(key)) {
	case "", "1", "true", "yes", "on":
		return true
	}
	return false
}
