package lesson

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"ili/game/ai"
	"ili/game/files"
	"ili/game/scenario"
)

// MaxQuestions bounds a lesson's questions.
const MaxQuestions = 20

// Load reads and checks a lesson file.
func Load(path string) (*Lesson, error) {
	src, err := files.Read(path, scenario.MaxSize)
	if err != nil {
		return nil, err
	}
	return Parse(path, src)
}

// IsLesson reports whether a TOML text is a lesson (it has a [lesson]
// table) rather than a scenario.
func IsLesson(src []byte) bool {
	for _, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) == "[lesson]" {
			return true
		}
	}
	return false
}

// Parse checks a lesson's text: every key known and of its kind, the
// scenario loading with the lesson's variants and date, the side one of its
// sides, the opponent an AI level or "person", and the questions; every
// mistake is one sentence at its file:line:col.
func Parse(file string, src []byte) (*Lesson, error) {
	r, doc := scenario.Decode(file, src)
	if doc == nil {
		return nil, r.Err()
	}
	root := r.Table("", "the lesson file", doc)
	l := &Lesson{File: file}
	if t := root.Sub("lesson", true); t != nil {
		l.readSetup(t)
		t.Done()
	}
	for i, q := range root.Tables("question") {
		if i == MaxQuestions {
			q.Errorf("", "is one question too many; a lesson asks at most %d", MaxQuestions)
			break
		}
		l.readQuestion(q)
	}
	root.Done()
	if err := r.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// readSetup reads [lesson]: what the class plays.
func (l *Lesson) readSetup(t *scenario.Table) {
	l.ID, l.Title, l.Intro = t.Str("id", true), t.Text("title", true), t.Text("intro", false)
	l.Scenario = t.Str("scenario", true)
	l.Variants, _ = t.Strings("variants")
	l.Side = t.Str("side", true)
	levels := append(ai.Levels(), Person)
	l.Opponent = levels[t.Choice("opponent", true, levels...)]
	if t.Has("from") {
		if d, ok := t.Date("from", false); ok {
			l.From = d.Format(scenario.FromLayouts[1])
		}
	}
	l.Limit = time.Duration(t.Int("minutes", false, 0, 1, 600)) * time.Minute
	if l.Scenario == "" {
		return
	}
	sc, err := scenario.Load(l.Scenario, l.Options())
	if err != nil {
		t.Errorf(l.blame(err), "does not load: %s", firstLine(err))
		return
	}
	if l.Side != "" && sc.Side(l.Side) == nil {
		var ids []string
		for _, sd := range sc.Setup.Sides {
			ids = append(ids, sd.ID)
		}
		t.Errorf("side", "is %q, which is no side of %s; use %s", l.Side, sc.ID, strings.Join(ids, " or "))
	}
}

// blame is the key a scenario's failure to load comes from: the date to
// take command from, a variant, or the scenario itself.
func (l *Lesson) blame(err error) string {
	msg := err.Error()
	switch {
	case l.From != "" && (strings.Contains(msg, "take command") || strings.Contains(msg, "turns begin")):
		return "from"
	case len(l.Variants) > 0 && strings.Contains(msg, "variant"):
		return "variants"
	}
	return "scenario"
}

func firstLine(err error) string {
	var errs scenario.Errors
	if errors.As(err, &errs) && len(errs) > 0 {
		return errs[0].Error()
	}
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}

// readQuestion reads one [[question]].
func (l *Lesson) readQuestion(t *scenario.Table) {
	q := Question{ID: t.Str("id", true), Text: t.Text("text", true)}
	t.Name("question", q.ID)
	q.Choices, _ = t.Strings("choices")
	if len(q.Choices) == 1 {
		t.Errorf("choices", "has one choice; give two or more, or leave it out for an answer in words")
	}
	if slices.ContainsFunc(l.Questions, func(o Question) bool { return o.ID == q.ID }) {
		t.Errorf("id", "is %q, which an earlier question has; give each question its own id", q.ID)
	}
	t.Done()
	l.Questions = append(l.Questions, q)
}

// Describe says in one line what the class plays, naming the scenario and
// the side as sc does (the lesson's scenario; nil names them by their ids).
func (l *Lesson) Describe(sc *scenario.Scenario) string {
	title, side := l.Scenario, l.Side
	if sc != nil {
		title, side = sc.Title, sc.SideName(l.Side)
	}
	s := fmt.Sprintf("%s, as the %s, against ", title, side)
	if l.Opponent == Person {
		s += "a second student at the same screen"
	} else {
		s += "the AI (" + l.Opponent + ")"
	}
	if from, err := scenario.ParseFrom(l.From); err == nil {
		s += ", taken up from the record at " + from.Format("15:04 on 2 January 2006")
	}
	if l.Limit > 0 {
		s += fmt.Sprintf(", %d minutes", int(l.Limit.Minutes()))
	}
	return s
}
