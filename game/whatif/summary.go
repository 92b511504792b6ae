package whatif

import "ili/game/stats"

// Share is a proportion with its 95% Wilson confidence interval.
type Share struct {
	Share float64 `json:"share"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
	Count int     `json:"count"`
}

// wilson returns k of n with its 95% Wilson score interval.
func wilson(k, n int) Share {
	if n == 0 {
		return Share{}
	}
	lo, hi := stats.Wilson(k, n)
	return Share{Share: float64(k) / float64(n), Lo: lo, Hi: hi, Count: k}
}

// Spread is the median and quartiles of a quantity over runs.
type Spread struct {
	Median float64 `json:"median"`
	Q1     float64 `json:"q1"`
	Q3     float64 `json:"q3"`
	N      int     `json:"n"`
}

// PlaceStat says how often and when a place changed hands.
type PlaceStat struct {
	Changed   Share  `json:"changed"`    // share of runs in which it changed hands at least once
	FirstTurn Spread `json:"first_turn"` // turn of the first change, over those runs
}

// Summary is a batch summed up.
type Summary struct {
	Runs            int                  `json:"runs"`
	Wins            map[string]Share     `json:"wins"` // by side, and "draw"
	HistoricalShare float64              `json:"historical_share"`
	Historical      Share                `json:"historical"`
	Losses          map[string]Spread    `json:"losses"` // men lost by side
	VP              map[string]Spread    `json:"vp"`
	Places          map[string]PlaceStat `json:"places"`
	Turns           Spread               `json:"turns"`
	// AsHistory is how far the runs went as the record did, part by part.
	AsHistory HistoryStat `json:"as_history"`
	// Owners is, for each place that gives points, the share of runs each
	// side (or nobody) held it at the end.
	Owners map[string]map[string]Share `json:"owners"`
	// GaveUp is, for each place a side's units stood in at the start, how
	// often they left it of their own accord, and when.
	GaveUp []GaveUpStat `json:"gave_up"`
	// Fights counts the fights at each hex over every run.
	Fights []HexCount `json:"fights"`
	// RunsPerSecond is the batch's speed, which the text report gives; the
	// JSON and CSV leave it out, so that they are the same bytes whatever
	// the machine, the workers or the shards.
	RunsPerSecond float64 `json:"-"`
	// Refused counts the AI commands the rules refused, and RefusedRuns the
	// runs with any: a fault of the AI, each of which ended that AI's phase.
	Refused     int `json:"refused,omitempty"`
	RefusedRuns int `json:"refused_runs,omitempty"`
	// Course is each checkpoint of the record's course of events with the
	// share of runs that held it as the record does; CourseScore is the
	// mean over runs of the share of checkpoints each held so.
	Course      []CheckStat `json:"course"`
	CourseScore float64     `json:"course_score"`
}

// HistoryStat is how far a batch went as the record did: the share of runs
// that passed the whole test (Summary.Historical) is made of these parts.
type HistoryStat struct {
	Test      string `json:"test"`       // the test, in words
	Winner    Share  `json:"winner"`     // runs the record's winner won
	KeyPlaces Share  `json:"key_places"` // runs that held every key place as the record
	Course    Share  `json:"course"`     // runs that held half the dated checkpoints or more as the record
	// MeanKeyPlaces is the mean number of key places held as the record,
	// of Of.
	MeanKeyPlaces float64 `json:"mean_key_places"`
	Of            int     `json:"of"`
}

// GaveUpStat is a place a side's units stood in at the start: the runs in
// which they left it of their own accord, and the turn.
type GaveUpStat struct {
	Side   string `json:"side"`
	Place  string `json:"place"`
	GaveUp Share  `json:"gave_up"`
	Turn   Spread `json:"turn"`
}

// CheckStat is one checkpoint of the course of events over a batch.
type CheckStat struct {
	Place   string `json:"place"`
	Turn    int    `json:"turn"`
	History string `json:"history"` // the side that held it by the record
	Held    Share  `json:"held"`    // runs in which that side held it then
	End     bool   `json:"end,omitempty"`
}

// Summarize sums up results; elapsed seconds give the speed (0: unknown).
func Summarize(sides []string, places []string, results []Result, seconds float64) Summary {
	t := NewTally(sides, places)
	for _, r := range results {
		t.Add(r)
	}
	return t.Summary(seconds)
}
