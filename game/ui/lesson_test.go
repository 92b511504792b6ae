package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ili/game/lesson"
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
	q, err := p.Update(Input{Held: map[Key]bool{}, MouseX: -1, MouseY: -1})
	qs, isQ := q.(*Questions)
	if err != nil || !isQ || !strings.Contains(qs.why, "Time is up") {
		t.Fatalf("time up leads to %T, %v", q, err)
	}
	for i := range 3 {
		qs.Update(typed("answer " + string(rune('A'+i))))
		press(t, qs, KeyEnter)
	}
	press(t, qs, KeyDown, KeyDown, KeyEnter)
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
