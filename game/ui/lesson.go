package ui

import (
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/ai"
	"ili/game/lesson"
	"ili/game/match"
	"ili/game/save"
	"ili/game/scenario"
)

// lessonRun is a lesson under way: the lesson, the student, and when the
// time to play is up (zero: no limit). The app holds it from the lesson's
// first screen to the hand-in, and the screens between read it.
type lessonRun struct {
	l        *lesson.Lesson
	student  string
	deadline time.Time
	start    *LessonStart // its first screen, come back to from the briefing
}

// back is the lesson's first screen again, its name as typed, for Esc
// from the briefing (the lesson's set-up is locked).
func (r *lessonRun) back(a *app, seed uint64) scene {
	if r.start == nil {
		return newLessonStart(a, r.l, seed)
	}
	r.start.note = ""
	return r.start
}

// record is what a saved game keeps of the lesson so far: which lesson
// and who plays it (nil outside a lesson).
func (r *lessonRun) record() *save.Lesson {
	if r == nil {
		return nil
	}
	return &save.Lesson{ID: r.l.ID, Title: r.l.Title, Student: r.student}
}

// left is the time to play that is left, and whether there is a limit.
func (r *lessonRun) left(now time.Time) (time.Duration, bool) {
	if r == nil || r.deadline.IsZero() {
		return 0, false
	}
	return max(0, r.deadline.Sub(now)), true
}

// options are the game the lesson sets up, its choices locked.
func (r *lessonRun) options(seed uint64) Options {
	l := r.l
	opt := Options{Scenario: l.Scenario, Variants: l.Variants, From: l.From, Side: l.Side, Seed: seed}
	if l.Opponent == lesson.Person {
		opt.Hotseat = true
	} else {
		opt.Opponent, _ = ai.ParseLevel(l.Opponent)
	}
	return opt
}

// LessonStart is a lesson's first screen: its title and introduction, what
// the class plays, the questions to come, and the student's name.
type LessonStart struct {
	screenSize
	a    *app
	l    *lesson.Lesson
	seed uint64
	name *textField
	note string             // why Enter did not begin
	sc   *scenario.Scenario // the lesson's, to name it and its side (nil: by their ids)
}

func newLessonStart(a *app, l *lesson.Lesson, seed uint64) *LessonStart {
	sc, _ := scenario.Load(l.Scenario, l.Options()) // it loaded when the lesson was read
	return &LessonStart{a: a, l: l, seed: seed, name: newTextField(a, 60), sc: sc}
}

// Update implements scene: the name typed, then Enter begins with the
// side's briefing. Letters typed are the name's, so Q does not quit here.
func (s *LessonStart) Update(in Input) (scene, error) {
	if in.Has(KeyEscape) {
		return newTitle(s.a, Options{Seed: s.seed}), nil
	}
	if !s.name.update(in) {
		return nil, nil
	}
	if s.name.text() == "" {
		s.note = "Type your name first: it goes into your saved game with your answers."
		return nil, nil
	}
	run := &lessonRun{l: s.l, student: s.name.text(), start: s}
	if s.l.Limit > 0 {
		run.deadline = s.a.now().Add(s.l.Limit)
	}
	s.a.lesson = run
	return newBriefing(s.a, run.options(s.seed))
}

// Draw implements scene.
func (s *LessonStart) Draw(dst *ebiten.Image) {
	a := s.a
	w, h := s.size()
	dst.Fill(color.RGBA{236, 230, 214, 255})
	x := math.Max(40, (w-900)/2)
	cw := math.Min(900, w-2*x)
	ink := color.RGBA{30, 30, 30, 255}
	drawText(dst, "Lesson: "+s.l.Title, x, 36, a.title, color.Black)
	var lines []string
	for _, para := range strings.Split(s.l.Intro, "\n\n") {
		lines = append(lines, a.wrap(para, cw, a.text)...)
		lines = append(lines, "")
	}
	lines = append(lines, a.wrap("You play "+s.l.Describe(s.sc)+".", cw, a.text)...)
	lines = append(lines, "", fmt.Sprintf("At the end you answer %d questions:", len(s.l.Questions)))
	for i, q := range s.l.Questions {
		lines = append(lines, a.wrap(fmt.Sprintf("%d. %s", i+1, q.Text), cw, a.text)...)
	}
	y := drawTextLines(dst, lines, x, 36+a.title.Size*2.2, h-150, a.text, ink)
	drawText(dst, "Your name:", x, y+14, a.text, ink)
	y = s.name.draw(dst, x, y+14+a.text.Size*1.6, math.Min(cw, 480), true)
	if s.note != "" {
		drawText(dst, s.note, x, y+10, a.text, color.RGBA{170, 40, 30, 255})
	}
	drawText(dst, "Type your name, then Enter to read your side's briefing; Esc leaves the lesson", x, h-34, a.text, color.RGBA{130, 70, 20, 255})
}

// Questions is the lesson's last screen: each question with a field for
// the answer in words, or its choices; then the game is handed in, saved
// with the answers. Enter goes on from question to question, and after
// the last asks for Enter again; a click on a question goes back to it.
type Questions struct {
	screenSize
	a      *app
	run    *lessonRun
	m      *match.Match
	at     int // the question at hand; len(questions) once all are gone through
	fields []*textField
	picked []int  // the choice picked for each question with choices (-1: none)
	warned []bool // whether an empty answer to each question was warned of
	note   string // what Enter does now, when it is not going on
	done   string
	why    string // the reason the game ended here
}

// The notes over the foot of the questions.
const (
	emptyNote   = "This answer is empty: Enter again to leave it so"
	confirmNote = "Enter again to hand in; click a question to change its answer"
)

func newQuestions(a *app, run *lessonRun, m *match.Match, why string) *Questions {
	q := &Questions{a: a, run: run, m: m, why: why}
	for range run.l.Questions {
		q.fields = append(q.fields, newTextField(a, 2000))
		q.picked = append(q.picked, -1)
		q.warned = append(q.warned, false)
	}
	return q
}

// Update implements scene: typing goes to the answer at hand (or Up/Down
// pick a choice), Enter goes on to the next, and after the last asks for
// Enter again to hand in. An empty answer is warned of once. A click on
// a question (or on one of its choices) goes back to it.
func (q *Questions) Update(in Input) (scene, error) {
	qs := q.run.l.Questions
	if q.done != "" {
		if in.Has(KeyEnter) || in.Click {
			return newTitle(q.a, Options{Seed: q.m.Seed()}), nil
		}
		return nil, nil
	}
	if in.Click {
		if i, k := q.hit(float64(in.MouseX), float64(in.MouseY)); i >= 0 {
			q.at, q.note = i, ""
			if k >= 0 {
				q.picked[i] = k
			}
		}
		return nil, nil
	}
	if q.at >= len(qs) {
		if in.Has(KeyEnter) {
			q.handIn()
		}
		return nil, nil
	}
	enter := false
	if n := len(qs[q.at].Choices); n > 0 {
		switch {
		case in.Has(KeyDown) || in.Has(KeyRight):
			q.picked[q.at] = (q.picked[q.at] + 1) % n
		case in.Has(KeyUp) || in.Has(KeyLeft):
			q.picked[q.at] = (max(q.picked[q.at], 0) + n - 1) % n
		}
		enter = in.Has(KeyEnter)
	} else {
		enter = q.fields[q.at].update(in)
	}
	if q.note == emptyNote && !q.empty(q.at) {
		q.note = ""
	}
	if !enter {
		return nil, nil
	}
	if q.empty(q.at) && !q.warned[q.at] {
		q.warned[q.at], q.note = true, emptyNote
		return nil, nil
	}
	q.at, q.note = q.at+1, ""
	if q.at == len(qs) {
		q.note = confirmNote
	}
	return nil, nil
}

// empty reports whether question i has no answer: no words, or no choice.
func (q *Questions) empty(i int) bool {
	if len(q.run.l.Questions[i].Choices) > 0 {
		return q.picked[i] < 0
	}
	return q.fields[i].text() == ""
}

// questionBox is where a question stands on the screen: from its words
// to the foot of its answer, its answer's top, and each choice's line.
type questionBox struct {
	top, answer, bottom float64
	words               []string
	choices             []float64
}

// layout is the questions' column, x and w, and where each question shown
// stands in it (those that do not fit above the foot are left out).
func (q *Questions) layout() (x, w float64, boxes []questionBox) {
	a := q.a
	sw, h := q.size()
	x = math.Max(40, (sw-900)/2)
	w = math.Min(900, sw-2*x)
	y := 30 + a.title.Size*2
	if q.why != "" {
		y += a.text.Size * 2
	}
	for i, qu := range q.run.l.Questions {
		b := questionBox{top: y, words: a.wrap(fmt.Sprintf("%d. %s", i+1, qu.Text), w, a.text)}
		b.answer = y + float64(len(b.words))*a.text.Size*1.45 + 4
		if len(qu.Choices) == 0 {
			b.bottom = b.answer + q.fields[i].height(w, q.focused(i))
		} else {
			for k := range qu.Choices {
				b.choices = append(b.choices, b.answer+float64(k)*a.text.Size*1.5)
			}
			b.bottom = b.answer + float64(len(qu.Choices))*a.text.Size*1.5
		}
		if b.bottom > h-75 {
			break
		}
		boxes = append(boxes, b)
		y = b.bottom + 14
	}
	return x, w, boxes
}

// focused reports whether question i is the one at hand.
func (q *Questions) focused(i int) bool { return i == q.at && q.done == "" }

// hit is the question at (x, y), and the choice there (-1: none); -1 for
// no question.
func (q *Questions) hit(x, y float64) (int, int) {
	left, w, boxes := q.layout()
	if x < left-10 || x >= left+w+10 {
		return -1, -1
	}
	for i, b := range boxes {
		if y < b.top-7 || y >= b.bottom+7 {
			continue
		}
		for k, cy := range b.choices {
			if y >= cy && y < cy+q.a.text.Size*1.5 {
				return i, k
			}
		}
		return i, -1
	}
	return -1, -1
}

// answers are the answers given, with the questions as asked.
func (q *Questions) answers() []save.Answer {
	var out []save.Answer
	for i, qu := range q.run.l.Questions {
		text := q.fields[i].text()
		if len(qu.Choices) > 0 && q.picked[i] >= 0 {
			text = qu.Choices[q.picked[i]]
		}
		out = append(out, save.Answer{Question: qu.ID, Asked: qu.Text, Text: text})
	}
	return out
}

// handIn saves the game with the lesson and the answers, into the app's
// lessons folder, and says where.
func (q *Questions) handIn() {
	g := save.FromMatch(q.m)
	l := q.run.l
	g.Lesson = q.run.record()
	g.Lesson.Answers = q.answers()
	if onWeb {
		q.handInWeb(g)
		return
	}
	dir, err := q.a.lessonsDir()
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	name := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.json", l.ID, slug(q.run.student), q.a.now().Format("20060102-150405")))
	if err == nil {
		err = g.Write(name)
	}
	if err != nil {
		q.done = fmt.Sprintf("Your game and answers could not be saved (%v); tell your teacher.", err)
	} else {
		q.done = "Handed in: your game and your answers are saved in " + name + ". Give this file to your teacher."
	}
	q.a.lesson = nil
}

// slug is a name as a file name's part: letters and digits, dashes.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	if out := strings.Trim(b.String(), "-"); out != "" {
		return out
	}
	return "student"
}

// Draw implements scene.
func (q *Questions) Draw(dst *ebiten.Image) {
	a := q.a
	_, h := q.size()
	dst.Fill(color.RGBA{236, 230, 214, 255})
	x, cw, boxes := q.layout()
	ink := color.RGBA{30, 30, 30, 255}
	drawText(dst, "Questions: "+q.run.l.Title, x, 30, a.title, color.Black)
	if q.why != "" {
		drawText(dst, q.why, x, 30+a.title.Size*2, a.text, color.RGBA{120, 60, 20, 255})
	}
	for i, b := range boxes {
		if q.focused(i) {
			vector.DrawFilledRect(dst, float32(x-12), float32(b.top-7), float32(cw+24), float32(b.bottom-b.top+14), color.RGBA{246, 240, 226, 255}, false)
			vector.DrawFilledRect(dst, float32(x-12), float32(b.top-7), 4, float32(b.bottom-b.top+14), menuHot, false)
		}
		drawTextLines(dst, b.words, x, b.top, b.answer, a.text, ink)
		q.drawAnswer(dst, i, x, b, cw)
	}
	foot := "Type your answer; Enter goes on to the next question; a click on a question goes back to it"
	switch {
	case q.done != "":
		drawTextLines(dst, a.wrap(q.done, cw, a.text), x, h-80, h, a.text, color.RGBA{20, 100, 40, 255})
		foot = "Enter or a click for the title screen"
	case q.at >= len(q.run.l.Questions):
		foot = "Enter hands your game in; a click on a question changes its answer"
	case len(q.run.l.Questions[q.at].Choices) > 0:
		foot = "Up/Down or a click pick an answer; Enter goes on; a click on a question goes back to it"
	}
	if q.note != "" && q.done == "" {
		noteInk := color.RGBA{20, 100, 40, 255}
		if q.note == emptyNote {
			noteInk = color.RGBA{170, 40, 30, 255}
		}
		drawText(dst, q.note, x, h-62, a.text, noteInk)
	}
	drawText(dst, foot, x, h-30, a.small, color.RGBA{130, 70, 20, 255})
}

// drawAnswer draws question i's answer in its box: its field, or its
// choices with the one picked marked.
func (q *Questions) drawAnswer(dst *ebiten.Image, i int, x float64, b questionBox, w float64) {
	a := q.a
	qu := q.run.l.Questions[i]
	if len(qu.Choices) == 0 {
		q.fields[i].draw(dst, x, b.answer, w, q.focused(i))
		return
	}
	for k, c := range qu.Choices {
		mark, ink := "( )", color.RGBA{60, 60, 60, 255}
		if q.picked[i] == k {
			mark, ink = "(x)", color.RGBA{20, 20, 20, 255}
		}
		drawText(dst, mark+" "+c, x+10, b.choices[k], a.text, ink)
	}
}
