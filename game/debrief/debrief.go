// Package debrief sums up a played game for a student to read and a
// teacher to collect: the outcome beside the record, each side's losses
// over time, the fights that decided it with their odds and factors, who
// held each place turn by turn beside the record, maps at the moments
// that mattered (what the player saw and what was there), and the sources.
// It replays a saved game and writes one HTML page with its pictures.
package debrief

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"time"

	"ili/game/hex"
	"ili/game/history"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/save"
	"ili/game/scenario"
)

// Debrief is a game summed up.
type Debrief struct {
	Scenario *scenario.Scenario
	Record   match.Record
	Result   match.Result
	// Over is whether the game came to its end; a game stopped before it
	// (a lesson whose time ran out) has no winner to judge.
	Over bool
	// Lesson is the lesson the game was played in, with the student and
	// the answers; nil outside a lesson. Build leaves it to the caller,
	// who has the saved game.
	Lesson *save.Lesson
	// Person is the side whose view the maps show beside the truth: the
	// side a person played (the first, when people played more than one),
	// or the one asked for; "" for none.
	Person string
	Turns  []Moment // at the start of every turn played, then at the end
	Fights []Fight  // every fight, in order
	Shots  []Shot   // the maps: the start, the turns that decided, the end
	Strips []history.Strip
	Drift  []int // the victory points held otherwise than the record, by frame
	Course *history.Course
}

// Moment is the game at the start of a turn: what each side had lost so
// far and still had on the map, and its points.
type Moment struct {
	Turn   int
	Date   time.Time
	Lost   map[string]int // men, casualties and prisoners, by side
	Field  map[string]int // men on the map, by side
	VP     map[string]int
	Places map[string]string // place -> holder
}

// Fight is one fight of the game, with what came of it.
type Fight struct {
	Turn      int
	Attackers []string // unit IDs
	Defenders []string
	Input     rules.CombatInput
	At        string // the place fought over, or the hex
	Result    rules.CombatResult
	Took      []string // places that changed hands in the same command
	VP        int      // their points
}

// Shot is a map of the game at a moment: the truth, and what the person's
// side could see (nil in a game of AIs alone).
type Shot struct {
	Turn  int
	Title string
	Truth *rules.View
	Seen  *rules.View
}

// MaxShots is how many maps of the turns that decided a debrief shows,
// besides the start and the end.
const MaxShots = 3

// Build replays a saved game and sums it up. Its maps show what the side
// side saw beside the truth; "" is the first side a person played (none in
// a game of AIs alone).
func Build(sc *scenario.Scenario, rec match.Record, side string) (*Debrief, error) {
	d := &Debrief{Scenario: sc, Record: rec, Course: history.New(sc), Person: side}
	if side != "" && sc.Side(side) == nil {
		return nil, fmt.Errorf("%s has no side %q", sc.ID, side)
	}
	for _, st := range rec.Seats {
		if d.Person == "" && st.Person() {
			d.Person = st.Side
		}
	}
	w := &watcher{d: d}
	m, err := match.ReplayWatched(sc, rec, w.see)
	if err != nil {
		return nil, fmt.Errorf("the game does not replay: %w", err)
	}
	d.Result, d.Over = m.Result(), m.Over()
	d.Turns = append(d.Turns, moment(m))
	w.pick(m)
	played := history.Played(sc, m.Turn(), changes(d.Result.Captures))
	d.Strips, d.Drift = d.Course.Strips(played), d.Course.Drift(played)
	return d, nil
}

func changes(cs []match.Capture) []history.Change {
	out := make([]history.Change, len(cs))
	for i, c := range cs {
		out[i] = history.Change{Place: c.Place, Side: c.Side, Turn: c.Turn}
	}
	return out
}

// watcher follows a replay: a moment at each turn's start, every fight,
// and a map after each turn in which points changed hands.
type watcher struct {
	d         *Debrief
	shots     []candidate // after each turn that took points
	turnVP    int         // points that changed hands this turn
	turnTaken []string
}

// candidate is a map after a turn in which vp points changed hands.
type candidate struct {
	shot Shot
	vp   int
}

func (w *watcher) see(m *match.Match, evs []rules.Event) {
	var fought []int // the fights of this command
	var took []string
	for _, e := range evs {
		switch e := e.(type) {
		case rules.TurnStarted:
			w.turnStarted(m)
		case rules.CombatResolved:
			w.d.Fights = append(w.d.Fights, Fight{Turn: m.Turn(), Attackers: e.Attackers, Defenders: e.Defenders,
				Input: e.Input, At: w.placeAt(e.Target), Result: e.Result})
			fought = append(fought, len(w.d.Fights)-1)
		case rules.PlaceCaptured:
			took = append(took, e.Place)
		}
	}
	vp := w.points(took)
	w.turnVP += vp
	for _, id := range took {
		if !slices.Contains(w.turnTaken, id) {
			w.turnTaken = append(w.turnTaken, id)
		}
	}
	for _, i := range fought {
		w.d.Fights[i].Took, w.d.Fights[i].VP = took, vp
	}
}

// turnStarted keeps the moment, and a map of the turn that ended when
// points changed hands in it.
func (w *watcher) turnStarted(m *match.Match) {
	if len(w.d.Turns) == 0 {
		w.d.Shots = append(w.d.Shots, w.shot(m, "The start"))
	} else if w.turnVP > 0 {
		names := make([]string, len(w.turnTaken))
		for i, id := range w.turnTaken {
			names[i] = w.d.Scenario.PlaceName(id)
		}
		s := w.shot(m, fmt.Sprintf("After turn %d: %s changed hands", m.Turn()-1, joinNames(names)))
		w.shots = append(w.shots, candidate{s, w.turnVP})
	}
	w.turnVP, w.turnTaken = 0, nil
	w.d.Turns = append(w.d.Turns, moment(m))
}

// pick keeps the maps of the turns that moved the most points, in turn
// order, between the start and the end.
func (w *watcher) pick(m *match.Match) {
	slices.SortStableFunc(w.shots, func(a, b candidate) int { return cmp.Compare(b.vp, a.vp) })
	keep := w.shots[:min(len(w.shots), MaxShots)]
	slices.SortFunc(keep, func(a, b candidate) int { return cmp.Compare(a.shot.Turn, b.shot.Turn) })
	for _, c := range keep {
		w.d.Shots = append(w.d.Shots, c.shot)
	}
	w.d.Shots = append(w.d.Shots, w.shot(m, "The end"))
}

func (w *watcher) shot(m *match.Match, title string) Shot {
	s := Shot{Turn: m.Turn(), Title: title, Truth: m.Truth()}
	if w.d.Person != "" {
		s.Seen = m.View(w.d.Person)
	}
	return s
}

// points are the victory points of the places taken.
func (w *watcher) points(took []string) int {
	vp := 0
	for _, id := range took {
		for _, p := range w.d.Scenario.Places {
			if p.ID == id {
				vp += p.VP
			}
		}
	}
	return vp
}

// placeAt names the place in h, or says how far h is from the nearest
// place (the weightiest of the nearest): a hex's coordinates mean nothing
// on maps that do not show them.
func (w *watcher) placeAt(h hex.Hex) string {
	return nearPlace(w.d.Scenario, h)
}

func nearPlace(sc *scenario.Scenario, h hex.Hex) string {
	best, far := -1, 0
	for i, p := range sc.Places {
		d := hex.Distance(p.Hex, h)
		if best < 0 || d < far || d == far && p.VP > sc.Places[best].VP {
			best, far = i, d
		}
	}
	switch {
	case best < 0:
		return "hex " + rules.Label(h)
	case far == 0:
		return sc.Places[best].Name
	case far == 1:
		return "next to " + sc.Places[best].Name
	}
	return fmt.Sprintf("%d hexes from %s", far, sc.Places[best].Name)
}

// moment is the game as it stands.
func moment(m *match.Match) Moment {
	r := m.Result()
	mo := Moment{Turn: m.Turn(), Date: m.Scenario().Setup.TurnTime(m.Turn()), Lost: map[string]int{}, Field: maps.Clone(r.Field), VP: maps.Clone(r.VP), Places: map[string]string{}}
	for side, l := range r.Losses {
		mo.Lost[side] = l.Men
	}
	for _, p := range m.Truth().Places {
		mo.Places[p.ID] = p.Owner
	}
	return mo
}

func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return fmt.Sprintf("%s and %s", joinList(names[:len(names)-1]), names[len(names)-1])
}

func joinList(s []string) string {
	out := s[0]
	for _, x := range s[1:] {
		out += ", " + x
	}
	return out
}
