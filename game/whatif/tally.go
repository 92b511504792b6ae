package whatif

import (
	"maps"
	"slices"
	"sort"

	"ili/game/match"
)

// ownerName is how a summary names a place's holder: its side, or nobody.
func ownerName(side string) string {
	if side == "" {
		return "nobody"
	}
	return side
}

// Tally sums a batch up as its results come in. It keeps how many runs gave
// each value of each summed quantity (men lost, victory points, turns, the
// turn a place first changed hands), never the runs themselves: its size
// grows with the number of different values, which the scenario bounds, not
// with the number of runs. Its summary is the one Summarize gives for the
// same results, to the last bit.
type Tally struct {
	sides, places []string
	garrisons     []Garrison
	runs          int
	wins          map[string]int
	hist          int
	likeness      likeness
	owners        map[string]map[string]int // by place, by side ("" nobody): runs that ended so
	gaveUp        []counts                  // by garrison: the turn it was given up
	fights        map[[2]int]int            // by column and row
	rows          []row                     // each run in brief, when kept for comparisons
	keepRows      bool
	refused       int
	refusedRuns   int
	losses, vp    map[string]counts
	turns         counts
	first         map[string]counts // by place: the turn of its first change
	course        []CheckStat       // the record's checkpoints, as the first run gave them
	agree         []int             // by checkpoint: runs that held it as the record does
	courseSum     float64           // the runs' course scores, summed
}

// counts is how many runs gave each value of a quantity.
type counts map[int]int

// likeness counts how far the runs went as the record did, part by part.
type likeness struct {
	winner, places, course int // runs with the record's winner, every key place, half the checkpoints
	placesHeld, keyPlaces  int // key places held as the record, summed over runs, of so many
}

// row is a run in brief, for comparisons seed by seed: the winner (the
// index of its side, -1 a draw), whether it went as in history, each
// side's men lost, each place's owner at the end (the index of its side,
// -1 nobody) and whether each garrison was given up.
type row struct {
	seed   uint64
	winner int8
	hist   bool
	men    []int32
	owner  []int8
	gaveUp []bool
}

// NewTally starts summing up a batch of the given sides and places (the
// places that give victory points).
func NewTally(sides, places []string) *Tally {
	return newTally(Head{Sides: sides, Places: places})
}

// newTally starts summing up a batch with the given head.
func newTally(h Head) *Tally {
	t := &Tally{sides: h.Sides, places: h.Places, garrisons: h.Garrisons, wins: map[string]int{}, turns: counts{},
		losses: map[string]counts{}, vp: map[string]counts{}, first: map[string]counts{},
		owners: map[string]map[string]int{}, fights: map[[2]int]int{}}
	for _, s := range t.sides {
		t.losses[s], t.vp[s] = counts{}, counts{}
	}
	for _, p := range t.places {
		t.first[p] = counts{}
		t.owners[p] = map[string]int{}
	}
	for range t.garrisons {
		t.gaveUp = append(t.gaveUp, counts{})
	}
	return t
}

// KeepRuns makes the tally keep each run in brief, for Compare; its memory
// then grows with the runs, by some tens of bytes each.
func (t *Tally) KeepRuns() { t.keepRows = true }

// Add counts one run in.
func (t *Tally) Add(r Result) {
	t.runs++
	if r.Winner == "" {
		t.wins["draw"]++
	} else {
		t.wins[r.Winner]++
	}
	if r.Historical {
		t.hist++
	}
	for _, side := range t.sides {
		t.losses[side][r.Losses[side].Men]++
		t.vp[side][r.VP[side]]++
	}
	t.turns[r.Turns]++
	if r.Refused > 0 {
		t.refused += r.Refused
		t.refusedRuns++
	}
	for i, c := range r.Captures {
		if f, ok := t.first[c.Place]; ok && firstCapture(r.Captures, i) {
			f[c.Turn]++
		}
	}
	t.addCourse(r)
	a := r.AsHistory
	t.likeness.winner += b2i(a.Winner)
	t.likeness.places += b2i(a.Places == a.KeyPlaces)
	t.likeness.course += b2i(2*a.Checkpoints >= a.Dated)
	t.likeness.placesHeld += a.Places
	t.likeness.keyPlaces = max(t.likeness.keyPlaces, a.KeyPlaces)
	for _, p := range t.places {
		t.owners[p][r.Owners[p]]++
	}
	for _, g := range r.GaveUp {
		if i := slices.Index(t.garrisons, Garrison{Side: g.Side, Place: g.Place}); i >= 0 {
			t.gaveUp[i][g.Turn]++
		}
	}
	for _, f := range r.Fights {
		t.fights[[2]int{f.Col, f.Row}] += f.N
	}
	if t.keepRows {
		t.rows = append(t.rows, t.brief(r))
	}
}

// brief is a run in brief.
func (t *Tally) brief(r Result) row {
	w := row{seed: r.Seed, winner: int8(slices.Index(t.sides, r.Winner)), hist: r.Historical,
		men: make([]int32, len(t.sides)), owner: make([]int8, len(t.places)), gaveUp: make([]bool, len(t.garrisons))}
	for i, s := range t.sides {
		w.men[i] = int32(r.Losses[s].Men)
	}
	for i, p := range t.places {
		w.owner[i] = int8(slices.Index(t.sides, r.Owners[p]))
	}
	for _, g := range r.GaveUp {
		if i := slices.Index(t.garrisons, Garrison{Side: g.Side, Place: g.Place}); i >= 0 {
			w.gaveUp[i] = true
		}
	}
	return w
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// addCourse counts a run's checkpoints of the course of events in.
func (t *Tally) addCourse(r Result) {
	if t.course == nil && len(r.Course) > 0 {
		for _, c := range r.Course {
			t.course = append(t.course, CheckStat{Place: c.Place, Turn: c.Turn, History: c.History, End: c.End})
		}
		t.agree = make([]int, len(r.Course))
	}
	for i, c := range r.Course {
		if i < len(t.agree) && c.Place == t.course[i].Place && c.Game == c.History {
			t.agree[i]++
		}
	}
	t.courseSum += r.CourseScore
}

// firstCapture tells whether captures[i] is the first change of its place.
func firstCapture(captures []Capture, i int) bool {
	for _, c := range captures[:i] {
		if c.Place == captures[i].Place {
			return false
		}
	}
	return true
}

// Runs is the number of runs counted in.
func (t *Tally) Runs() int { return t.runs }

// Summary sums up the runs counted so far; elapsed seconds give the speed
// (0: unknown).
func (t *Tally) Summary(seconds float64) Summary {
	n := t.runs
	s := Summary{Runs: n, Wins: map[string]Share{}, Losses: map[string]Spread{}, VP: map[string]Spread{},
		Places: map[string]PlaceStat{}, Refused: t.refused, RefusedRuns: t.refusedRuns,
		Owners: map[string]map[string]Share{}, GaveUp: []GaveUpStat{}, Fights: []HexCount{}, Course: []CheckStat{}}
	for _, side := range append(append([]string(nil), t.sides...), "draw") {
		s.Wins[side] = wilson(t.wins[side], n)
	}
	for _, side := range t.sides {
		s.Losses[side] = t.losses[side].spread()
		s.VP[side] = t.vp[side].spread()
	}
	for _, p := range t.places {
		f := t.first[p]
		s.Places[p] = PlaceStat{Changed: wilson(f.total(), n), FirstTurn: f.spread()}
		held := map[string]Share{}
		for owner, k := range t.owners[p] {
			held[ownerName(owner)] = wilson(k, n)
		}
		s.Owners[p] = held
	}
	for i, g := range t.garrisons {
		s.GaveUp = append(s.GaveUp, GaveUpStat{Side: g.Side, Place: g.Place, GaveUp: wilson(t.gaveUp[i].total(), n), Turn: t.gaveUp[i].spread()})
	}
	l := t.likeness
	s.AsHistory = HistoryStat{Test: match.HistoricalTest, Winner: wilson(l.winner, n), KeyPlaces: wilson(l.places, n),
		Course: wilson(l.course, n), Of: l.keyPlaces}
	if n > 0 {
		s.AsHistory.MeanKeyPlaces = float64(l.placesHeld) / float64(n)
	}
	for _, h := range slices.SortedFunc(maps.Keys(t.fights), func(a, b [2]int) int {
		if a[1] != b[1] {
			return a[1] - b[1]
		}
		return a[0] - b[0]
	}) {
		s.Fights = append(s.Fights, HexCount{Col: h[0], Row: h[1], N: t.fights[h]})
	}
	s.Historical = wilson(t.hist, n)
	s.HistoricalShare = s.Historical.Share
	for i, c := range t.course {
		c.Held = wilson(t.agree[i], n)
		s.Course = append(s.Course, c)
	}
	if len(t.course) > 0 && n > 0 {
		s.CourseScore = t.courseSum / float64(n)
	}
	s.Turns = t.turns.spread()
	if seconds > 0 {
		s.RunsPerSecond = float64(n) / seconds
	}
	return s
}

// total is the number of runs counted.
func (c counts) total() int {
	n := 0
	for _, k := range c {
		n += k
	}
	return n
}

// sorted returns the values in increasing order.
func (c counts) sorted() []int {
	vals := make([]int, 0, len(c))
	for v := range c {
		vals = append(vals, v)
	}
	sort.Ints(vals)
	return vals
}

// spread is the median and quartiles of the counted values, interpolated
// between neighbouring ranks as in a sorted list of every run's value.
func (c counts) spread() Spread {
	n := c.total()
	if n == 0 {
		return Spread{}
	}
	vals := c.sorted()
	at := func(rank int) float64 { // the value of the rank-th smallest run, from 0
		for _, v := range vals {
			if rank < c[v] {
				return float64(v)
			}
			rank -= c[v]
		}
		return float64(vals[len(vals)-1])
	}
	q := func(p float64) float64 {
		pos := p * float64(n-1)
		i := int(pos)
		if i+1 >= n {
			return at(n - 1)
		}
		f := pos - float64(i)
		return at(i)*(1-f) + at(i+1)*f
	}
	return Spread{Median: q(0.5), Q1: q(0.25), Q3: q(0.75), N: n}
}
