// Package lesson reads lesson files: a teacher's setup for a class (a
// scenario with its variants, the side the students play, the opponent, a
// date to take command from, a time limit) and the questions the students
// answer at the end, which their saved games keep.
package lesson

import (
	"time"

	"ili/game/scenario"
)

// Lesson is a lesson file as read.
type Lesson struct {
	File     string
	ID       string
	Title    string
	Intro    string // what the students read first; may be ""
	Scenario string // a bundled id or a path
	Variants []string
	Side     string // the side the students play
	// Opponent is the AI's level for the other sides, or Person for a
	// second student at the same screen.
	Opponent  string
	From      string        // take command from the record then ("" from the start)
	Limit     time.Duration // time to play (0: none)
	Questions []Question
}

// Person is the opponent that is a second student at the same screen.
const Person = "person"

// Question is one question for the end of the game: answered in words, or
// by one of its choices.
type Question struct {
	ID      string
	Text    string
	Choices []string
}

// Options are the scenario options the lesson plays with.
func (l *Lesson) Options() scenario.Options {
	return scenario.Options{Variants: l.Variants, From: l.From}
}
