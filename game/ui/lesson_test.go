package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ili/game/lesson"
	"ili/game/match"
	"ili/game/save"
)

// typed is a frame in which s is typed.
func typed(s string) Input {
	return Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1, Chars: []rune(s)}
}

// TestLessonFlow plays the example lesson as a student: the name first
// (no name, no game), the garrison's briefing, the game taken up from the
// record on 9 November with the side locked; when the time is up the
// questions come, answered in words and by a choice, and the game is handed
// in: a saved game that replays, with the lesson, the student and the
// answers as asked.
func TestLessonFlow(t *testing.T) {
	l, err := lesson.Load("../../lessons/ghulja-police.toml")
	if err != nil {
		t.Fatal(err)
	}
	a := testApp()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a.clock = func() time.Time { return now }
	a.lessons = t.TempDir()
	start, err := firstScene(a, Options{Lesson: l, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if next := press(t, start, KeyEnter); next != start || !strings.Contains(start.(*LessonStart).note, "name") {
		t.Fatal("Enter without a name begins the lesson")
	}
	start.Update(typed("Ada L."))
	brief, ok := press(t, start, KeyEnter).(*Briefing)
	if !ok || a.lesson == nil || a.lesson.student != "Ada L." || !a.lesson.deadline.Equal(now.Add(40*time.Minute)) {
		t.Fatalf("the name does not begin the lesson: %T %+v", brief, a.lesson)
	}
	p, ok := press(t, brief, KeyEnter).(*Play)
	if !ok {
		t.Fatal("the briefing does not begin the game")
	}
	if p.m.Turn() != p.sc.Setup.TurnOf(time.Date(1944, 11, 9, 18, 0, 0, 0, time.UTC)) || !p.m.SeatOf("provincial").Person() || p.m.SeatOf("insurgents").Person() {
		t.Errorf("the lesson's game begins on turn %d with seats %+v", p.m.Turn(), p.m.Seats())
	}
	now = now.Add(41 * time.Minute)
	next, err := p.Update(Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1})
	end, isEnd := next.(*End)
	if err != nil || !isEnd || !strings.Contains(end.note, "Time is up") {
		t.Fatalf("time up leads to %T, %v", next, err)
	}
	qs, isQ := press(t, end, KeyEnter).(*Questions)
	if !isQ || !strings.Contains(qs.why, "Time is up") {
		t.Fatal("Enter on the result screen of a lesson does not lead to the questions")
	}
	for i := range 3 {
		qs.Update(typed("answer " + string(rune('A'+i))))
		press(t, qs, KeyEnter)
	}
	press(t, qs, KeyDown, KeyDown, KeyEnter)
	if qs.done != "" || qs.note != confirmNote {
		t.Fatalf("the last answer hands in at once (%q, %q)", qs.done, qs.note)
	}
	press(t, qs, KeyEnter)
	files, _ := filepath.Glob(filepath.Join(a.lessons, "ghulja-police-ada-l-*.json"))
	if len(files) != 1 || a.lesson != nil {
		t.Fatalf("handed in %v (%s)", files, qs.done)
	}
	g, err := save.Read(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if g.Lesson == nil || g.Lesson.Student != "Ada L." || len(g.Lesson.Answers) != 4 || g.Lesson.Answers[1].Text != "answer B" ||
		g.Lesson.Answers[3].Text != "knowing where the enemy was" || g.Lesson.Answers[0].Asked != l.Questions[0].Text {
		t.Errorf("the saved lesson is %+v", g.Lesson)
	}
	if _, err := g.Replay(); err != nil || g.From == "" {
		t.Errorf("the handed-in game does not replay from the record's date (%q): %v", g.From, err)
	}
}

// lessonPlay begins the example lesson's game as Ada, the clock at now.
func lessonPlay(t *testing.T, now *time.Time) (*app, *Play) {
	t.Helper()
	l, err := lesson.Load("../../lessons/ghulja-police.toml")
	if err != nil {
		t.Fatal(err)
	}
	a := testApp()
	a.clock = func() time.Time { return *now }
	a.lessons = t.TempDir()
	start, err := firstScene(a, Options{Lesson: l, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	start.Update(typed("Ada"))
	p, ok := press(t, press(t, start, KeyEnter), KeyEnter).(*Play)
	if !ok {
		t.Fatal("the lesson does not begin its game")
	}
	p.Resize(1280, 800)
	return a, p
}

// TestLessonTimeOnBar: the bar's words give the time left, right after the
// scenario's title, and a second gone makes the frame on screen out of
// date, so that the count is redrawn each second.
func TestLessonTimeOnBar(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	_, p := lessonPlay(t, &now)
	bar := p.barText(p.currentView())
	if !strings.HasPrefix(bar, p.sc.Title+"    time left 40:00") {
		t.Errorf("the bar reads %q", bar)
	}
	now = now.Add(7*time.Minute + 13*time.Second)
	if bar := p.barText(p.currentView()); !strings.Contains(bar, "time left 32:47") {
		t.Errorf("after 7 min 13 s the bar reads %q", bar)
	}
	p.dirty, p.shownLeft = false, 32*60+47
	if !p.Idle() {
		t.Fatal("the frame with the time shown is not kept")
	}
	now = now.Add(time.Second)
	if p.Idle() {
		t.Error("a second later the bar's count is kept on screen")
	}
	if _, err := p.Update(Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1}); err != nil || !p.dirty {
		t.Errorf("the play scene does not redraw for the time left (%v)", err)
	}
	if clockText(75*time.Minute) != "1:15:00" || clockText(59*time.Second) != "0:59" {
		t.Errorf("clockText: %q, %q", clockText(75*time.Minute), clockText(59*time.Second))
	}
}

// TestLessonTimeUp: when the time is up the result screen says the game
// stopped on its turn, before its end, with no winner; Esc does not leave
// the lesson, and Enter goes on to the questions, which say it too.
func TestLessonTimeUp(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a, p := lessonPlay(t, &now)
	turn := p.m.Turn()
	now = now.Add(40 * time.Minute)
	next, err := p.Update(Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1})
	e, ok := next.(*End)
	if err != nil || !ok {
		t.Fatalf("time up leads to %T (%v)", next, err)
	}
	want := fmt.Sprintf("Time is up: the game stopped on turn %d, before its end.", turn)
	if e.note != want || e.lines[1] != want {
		t.Errorf("the result screen says %q, %q", e.note, e.lines[1])
	}
	if !strings.Contains(e.title, fmt.Sprintf("stopped on turn %d of %d", turn, p.sc.Turns)) || strings.Contains(e.title, "()") || strings.Contains(e.title, "wins") || strings.Contains(e.title, "draw") {
		t.Errorf("the result screen's title is %q", e.title)
	}
	if press(t, e, KeyEscape) != e || a.lesson == nil {
		t.Fatal("Esc leaves the lesson from its result screen")
	}
	q, ok := press(t, e, KeyEnter).(*Questions)
	if !ok || q.why != want || q.m != p.m {
		t.Fatalf("Enter leads to %T", q)
	}
}

// TestResultTitle: the result screen names the sides and places of the
// rules' reason for the end, and says a game stopped before its end was
// stopped, on its turn, with no winner and no empty brackets.
func TestResultTitle(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	_, p := lessonPlay(t, &now)
	sc := p.sc
	won := resultTitle(sc, match.Result{Winner: "insurgents", Reason: "holds police, power", Turns: 20}, true)
	if want := sc.Title + ": " + sc.SideName("insurgents") + " win (holds Central police station, Power station)"; won != want {
		t.Errorf("a win reads %q, want %q", won, want)
	}
	out := resultTitle(sc, match.Result{Reason: "provincial has no units left"}, true)
	if !strings.Contains(out, "draw ("+sc.SideName("provincial")+" has no units left)") {
		t.Errorf("a draw reads %q", out)
	}
	stopped := newEnd(p.a, p.m).title
	if want := fmt.Sprintf("%s: stopped on turn %d of %d, before its end", sc.Title, p.m.Turn(), sc.Turns); stopped != want {
		t.Errorf("an unfinished game reads %q, want %q", stopped, want)
	}
}

// lessonQuestions are the example lesson's questions at 1280 x 800.
func lessonQuestions(t *testing.T) (*app, *Questions) {
	t.Helper()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	a, p := lessonPlay(t, &now)
	q := newQuestions(a, a.lesson, p.m, "")
	q.Resize(1280, 800)
	return a, q
}

// TestQuestionsGoBack: a click on an earlier question's field gives it the
// focus and the typing; a click on a choice picks it; Enter goes on from
// the question clicked.
func TestQuestionsGoBack(t *testing.T) {
	_, q := lessonQuestions(t)
	q.Update(typed("the police station"))
	press(t, q, KeyEnter)
	q.Update(typed("where they were"))
	press(t, q, KeyEnter)
	if q.at != 2 {
		t.Fatalf("two answers lead to question %d", q.at+1)
	}
	x, _, boxes := q.layout()
	if len(boxes) != 4 {
		t.Fatalf("%d questions shown of 4", len(boxes))
	}
	click(t, q, x+40, boxes[0].answer+8)
	if q.at != 0 {
		t.Fatalf("a click on the first answer's field gives the focus to question %d", q.at+1)
	}
	q.Update(Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1, Pressed: []Key{KeyBack}})
	q.Update(typed("n and the power station"))
	if got := q.fields[0].text(); got != "the police station and the power station" {
		t.Errorf("the first answer, changed, is %q", got)
	}
	if q.fields[1].text() != "where they were" {
		t.Errorf("the second answer is now %q", q.fields[1].text())
	}
	press(t, q, KeyEnter)
	if q.at != 1 {
		t.Errorf("Enter goes from the first question to question %d", q.at+1)
	}
	_, _, boxes = q.layout()
	click(t, q, x+30, boxes[3].choices[2]+5)
	if q.at != 3 || q.picked[3] != 2 {
		t.Errorf("a click on the third choice: question %d, choice %d", q.at+1, q.picked[3])
	}
	click(t, q, x+30, boxes[1].top+3)
	if q.at != 1 {
		t.Errorf("a click on the second question's words gives the focus to question %d", q.at+1)
	}
	click(t, q, 5, 5)
	if q.at != 1 {
		t.Errorf("a click beside the questions moves the focus to %d", q.at+1)
	}
}

// TestQuestionsConfirm: after the last answer, Enter again hands in; a
// click on a question before that changes its answer, and Enter goes on
// to the confirmation again.
func TestQuestionsConfirm(t *testing.T) {
	a, q := lessonQuestions(t)
	for _, ans := range []string{"a", "b", "c"} {
		q.Update(typed(ans))
		press(t, q, KeyEnter)
	}
	press(t, q, KeyDown, KeyEnter)
	if q.done != "" || q.note != confirmNote || a.lesson == nil {
		t.Fatalf("the last answer hands in at once: %q", q.done)
	}
	x, _, boxes := q.layout()
	click(t, q, x+40, boxes[2].answer+8)
	if q.at != 2 || q.note != "" {
		t.Fatalf("a click before the hand-in: question %d, note %q", q.at+1, q.note)
	}
	q.Update(typed("c, again"))
	press(t, q, KeyEnter, KeyEnter)
	if q.done != "" || q.note != confirmNote {
		t.Fatalf("going on from a changed answer: %q, %q", q.done, q.note)
	}
	press(t, q, KeyEnter)
	if q.done == "" || a.lesson != nil || q.answers()[2].Text != "cc, again" {
		t.Fatalf("Enter again does not hand in: %q %+v", q.done, q.answers())
	}
	if _, ok := press(t, q, KeyEnter).(*Title); !ok {
		t.Error("Enter after the hand-in does not lead to the title screen")
	}
}

// TestQuestionsEmptyAnswer: Enter on an empty answer warns once, and
// again leaves it empty; a choice not picked is an empty answer too.
func TestQuestionsEmptyAnswer(t *testing.T) {
	_, q := lessonQuestions(t)
	press(t, q, KeyEnter)
	if q.at != 0 || q.note != emptyNote {
		t.Fatalf("Enter on an empty answer: question %d, note %q", q.at+1, q.note)
	}
	q.Update(typed("x"))
	if q.note != "" {
		t.Errorf("the warning stays over an answer typed: %q", q.note)
	}
	q.Update(Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1, Pressed: []Key{KeyBack}})
	press(t, q, KeyEnter)
	if q.at != 1 {
		t.Fatalf("the empty answer is warned of twice: question %d, note %q", q.at+1, q.note)
	}
	q.Update(typed("b"))
	press(t, q, KeyEnter)
	q.Update(typed("c"))
	press(t, q, KeyEnter)
	press(t, q, KeyEnter)
	if q.at != 3 || q.note != emptyNote {
		t.Fatalf("no choice picked: question %d, note %q", q.at+1, q.note)
	}
	press(t, q, KeyEnter)
	if q.at != 4 || q.note != confirmNote || q.done != "" {
		t.Fatalf("the choice left empty: question %d, note %q", q.at+1, q.note)
	}
	press(t, q, KeyEnter)
	if ans := q.answers(); q.done == "" || ans[0].Text != "" || ans[3].Text != "" || ans[1].Text != "b" {
		t.Errorf("handed in %q: %+v", q.done, ans)
	}
}

// TestLessonBriefingBack: Esc from the lesson's briefing goes back to the
// lesson's first screen with the name as typed, and Enter begins again.
func TestLessonBriefingBack(t *testing.T) {
	l, err := lesson.Load("../../lessons/ghulja-police.toml")
	if err != nil {
		t.Fatal(err)
	}
	a := testApp()
	start, err := firstScene(a, Options{Lesson: l, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	start.Update(typed("Ada L."))
	brief, ok := press(t, start, KeyEnter).(*Briefing)
	if !ok {
		t.Fatal("the name does not lead to the briefing")
	}
	back, ok := press(t, brief, KeyEscape).(*LessonStart)
	if !ok || a.lesson != nil || back.name.text() != "Ada L." {
		t.Fatalf("Esc from the briefing leads to %T, the lesson %v", back, a.lesson)
	}
	if _, ok := press(t, back, KeyEnter).(*Briefing); !ok || a.lesson == nil || a.lesson.student != "Ada L." {
		t.Error("Enter with the name kept does not begin the lesson again")
	}
}

// TestLessonDebriefNamesTheStudent: the debrief written from the result
// screen of a lesson's game names the student and the lesson.
func TestLessonDebriefNamesTheStudent(t *testing.T) {
	l, err := lesson.Load("../../lessons/ghulja-police.toml")
	if err != nil {
		t.Fatal(err)
	}
	e, _ := nilkaEnded(t)
	e.a.debriefs = t.TempDir()
	e.a.lesson = &lessonRun{l: l, student: "Ada L."}
	press(t, e, KeyRight)
	e.Update(Input{Held: map[Key]bool{}})
	pages, _ := filepath.Glob(filepath.Join(e.a.debriefs, "*", "index.html"))
	if len(pages) != 1 {
		t.Fatalf("the debrief pages: %v (%s)", pages, e.debrief)
	}
	data, _ := os.ReadFile(pages[0])
	if !strings.Contains(string(data), "Ada L.") || !strings.Contains(string(data), l.Title[:20]) {
		t.Error("the lesson's debrief does not name the student and the lesson")
	}
}
