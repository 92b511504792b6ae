package ui

import (
	"fmt"

	"ili/game/ai"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/words"
)

// shotLook is how a shot for a scenario's author draws the game, beyond
// how it is played (ili shot --no-fog, --labels all).
type shotLook struct {
	// reveal draws every side's units and the whole map, as a game of AIs
	// alone is watched, whoever's view it is.
	reveal bool
	// allLabels looks farther for room for the places' names.
	allLabels bool
}

// advanceTo plays the game on to the person's phase of turn n (or its end,
// if that comes first): every side by the AI, a person's at normal level
// until turn n, each command's events logged as in play.
func (p *Play) advanceTo(n int) error {
	stand := map[string]*ai.Player{} // the AIs that stand in for people
	for i := 0; !p.m.Over() && (p.m.Turn() < n || !p.m.PersonToMove()); i++ {
		if i > maxShotCommands {
			return fmt.Errorf("the game did not reach turn %d within %d commands", n, maxShotCommands)
		}
		if !p.m.PersonToMove() {
			if !p.aiStep() {
				return fmt.Errorf("the game stopped on turn %d before turn %d", p.m.Turn(), n)
			}
			continue
		}
		side := p.m.ToMove()
		if stand[side] == nil {
			stand[side] = ai.New(side, ai.Normal, match.AISeed(p.m.Seed(), p.sideIndex(side)))
		}
		evs, err := p.m.Give(stand[side].Next(p.m.Query(side)))
		if err != nil {
			if evs, err = p.m.Give(rules.EndPhase(side)); err != nil {
				return err
			}
		}
		p.view = nil
		p.record(evs)
	}
	return nil
}

// maxShotCommands bounds the commands a shot plays to reach its turn.
const maxShotCommands = 200_000

// sideIndex is the place of a side among the scenario's sides.
func (p *Play) sideIndex(side string) int {
	for i, sd := range p.sc.Setup.Sides {
		if sd.ID == side {
			return i
		}
	}
	return 0
}

// dropStories takes the scenario's stories out of every log (ili shot
// --no-stories): the log shows the game's moves alone.
func (p *Play) dropStories() {
	story := map[string]bool{}
	l := words.Log{Scenario: p.sc, Units: p.names}
	for _, n := range p.sc.Setup.Narrative {
		story[l.Line(rules.NarrativeFired{ID: n.ID, Title: n.Title, Text: n.Text, Source: n.Source})] = true
	}
	for side, lines := range p.logs {
		kept := lines[:0]
		for _, s := range lines {
			if !story[s] {
				kept = append(kept, s)
			}
		}
		p.logs[side] = kept
	}
	p.stories = nil
}
