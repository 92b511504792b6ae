// Package calib runs the combat model over historical engagements (the CDB90
// battle database's columns) and measures how well it matches the record:
// winner accuracy, Brier score, win rates by force ratio and daily casualty
// rates by posture.
package calib

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"ili/game/rules"
)

// Engagement is one historical battle as the model sees it, with what the
// record says happened.
type Engagement struct {
	ISQNO      int
	Name       string
	Year       int
	Days       int
	A, D       int // initial strengths
	CasA, CasD int // recorded casualties; -1 when unknown
	Win        int // 1 attacker won, 0 draw, -1 attacker lost
	Post       string
	Input      rules.CombatInput
	Defaults   []string // what was unknown and given a default
}

// Skipped is a row that could not be used, with the reason.
type Skipped struct {
	Line   int
	ISQNO  string
	Reason string
}

func (s Skipped) String() string {
	return fmt.Sprintf("line %d (isqno %s): %s", s.Line, s.ISQNO, s.Reason)
}

// Read parses a CDB90-style CSV file (see shared/data/cdb90/README.md). Rows
// with unknown values are used with neutral defaults, listed in each
// Engagement's Defaults; rows that cannot be used are returned as Skipped.
func Read(r io.Reader) ([]Engagement, []Skipped, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read the header line: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"isqno", "A", "D", "days", "wina"} {
		if _, ok := col[need]; !ok {
			return nil, nil, fmt.Errorf("the header has no %q column; is this a CDB90-style file?", need)
		}
	}
	var engs []Engagement
	var skipped []Skipped
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err // a csv.ParseError names its line and column
		}
		line, _ := cr.FieldPos(0)
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		e, reason := parseRow(get)
		if reason != "" {
			skipped = append(skipped, Skipped{Line: line, ISQNO: get("isqno"), Reason: reason})
			continue
		}
		engs = append(engs, e)
	}
	return engs, skipped, nil
}

// maxNumber bounds every count a row may give (men, guns, days): no
// engagement comes near it, and every sum of such counts stays in 32 bits.
const maxNumber = 10_000_000

// num parses a number; ok is false for blanks, garbage, negative "unknown"
// codes and counts past maxNumber.
func num(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > maxNumber {
		return 0, false
	}
	return v, true
}

func parseRow(get func(string) string) (Engagement, string) {
	var e Engagement
	id, err := strconv.Atoi(get("isqno"))
	if err != nil {
		return e, "isqno is not a whole number"
	}
	e.ISQNO, e.Name = id, get("name")
	if y, err := strconv.Atoi(get("year")); err == nil && y > 0 && y < 3000 {
		e.Year = y
	}
	a, okA := num(get("A"))
	d, okD := num(get("D"))
	if !okA || !okD || a < 1 || d < 1 {
		return e, fmt.Sprintf("the attacker's or defender's strength is missing or not from 1 to %d", maxNumber)
	}
	e.A, e.D = int(a), int(d)
	days, ok := num(get("days"))
	if !ok || days < 1 || days > 1000 {
		days = 1
		e.Defaults = append(e.Defaults, "days=1")
	}
	e.Days = int(days)
	switch get("wina") {
	case "1", "1.0":
		e.Win = 1
	case "0", "0.0":
		e.Win = 0
	case "-1", "-1.0":
		e.Win = -1
	default:
		return e, "the outcome (wina) is unknown"
	}
	e.CasA, e.CasD = -1, -1
	if v, ok := num(get("casA")); ok {
		e.CasA = int(v)
	}
	if v, ok := num(get("casD")); ok {
		e.CasD = int(v)
	}
	e.Post = get("post")
	e.Input = e.input(get)
	return e, ""
}

// input builds the model's view of an engagement from its row: the two
// forces at average quality and morale, the defender's posture, the ground
// and the weather, surprise, air superiority and the weapons.
func (e *Engagement) input(get func(string) string) rules.CombatInput {
	in := rules.CombatInput{Hours: 24 * e.Days, Year: e.Year}
	in.Attacker = rules.Force{Men: e.A, Quality: 1, Morale: 0.7, Supplied: true}
	in.Defender = rules.Force{Men: e.D, Quality: 1, Morale: 0.7, Supplied: true}
	switch e.Post {
	case "FD":
		in.Posture = rules.Fortified
	case "PD":
		in.Posture = rules.Prepared
	case "HD":
		in.Posture = rules.Hasty
	case "DL", "WD":
		in.Posture = rules.Delaying
	default:
		in.Posture = rules.Hasty
		e.Defaults = append(e.Defaults, "posture=hasty")
	}
	conditions(get, &in)
	e.weapons(get, &in)
	return in
}

// conditions reads the ground, the weather and the season, surprise and air
// superiority of a row into in.
func conditions(get func(string) string, in *rules.CombatInput) {
	switch get("relief") {
	case "R":
		in.Relief = rules.Rolling
	case "G":
		in.Relief = rules.Rugged
	}
	switch get("cover") {
	case "M":
		in.Cover = 1
	case "W":
		in.Cover = 2
	case "D":
		in.Desert = true
	}
	switch get("special") {
	case "M":
		in.Marsh = true
	case "U":
		in.Urban = true
	case "D":
		in.Desert = true
	}
	wet := get("wx_prec") == "W"
	switch {
	case wet && get("wx_temp") == "C":
		in.Weather = rules.Snow
	case wet:
		in.Weather = rules.Rain
	case get("wx_temp") == "H":
		in.Weather = rules.Heat
	}
	switch get("wx_season") {
	case "W":
		in.Season = rules.Winter
	case "$":
		in.Season = rules.Spring
	case "F":
		in.Season = rules.Autumn
	default:
		in.Season = rules.Summer
	}
	if v, err := strconv.ParseFloat(get("surpa"), 64); err == nil && v >= -3 && v <= 3 {
		in.Surprise = int(v)
	}
	if v, err := strconv.ParseFloat(get("aeroa"), 64); err == nil && (v == 1 || v == -1) {
		in.Air = int(v)
	}
}

// weapons reads the guns, tanks and cavalry of a row into in.
func (e *Engagement) weapons(get func(string) string, in *rules.CombatInput) {
	a, d := float64(e.A), float64(e.D)
	// Weapons: a count known for one side only is given to the other in
	// proportion to its men, so that an unknown never favours a side.
	pair := func(ka, kd string) (int, int) {
		x, okx := num(get(ka))
		y, oky := num(get(kd))
		switch {
		case okx && oky:
			return int(x), int(y)
		case okx:
			e.Defaults = append(e.Defaults, kd+" in proportion")
			return int(x), int(x * d / a)
		case oky:
			e.Defaults = append(e.Defaults, ka+" in proportion")
			return int(y * a / d), int(y)
		}
		return 0, 0
	}
	in.Attacker.Guns, in.Defender.Guns = pair("artyA", "artyD")
	in.Attacker.Armour, in.Defender.Armour = pair("tankA", "tankD")
	in.Attacker.Cavalry, in.Defender.Cavalry = pair("cavA", "cavD")
	in.Attacker.Cavalry = min(in.Attacker.Cavalry, e.A)
	in.Defender.Cavalry = min(in.Defender.Cavalry, e.D)
}

// Result is the model's verdict on one engagement over many resolutions.
type Result struct {
	Engagement
	PWin       float64 // share of resolutions the attacker won
	CasAMedian int     // median men lost (casualties and prisoners)
	CasDMedian int
	// CasAGiven and CasDGiven are the median men lost when the winner is
	// the record's: the losses judged apart from the odds.
	CasAGiven, CasDGiven int
	// drawsA and drawsD are the men lost in every resolution, for the
	// model's median rates over a group of battles.
	drawsA, drawsD []int
	// LowerLossWins is the share of resolutions in which the side with the
	// smaller fractional loss won.
	LowerLossWins float64
}

// Run resolves each engagement reps times with the model, on workers
// goroutines (0: all cores). Engagement i draws from its own generator seeded
// by seed and its isqno, so results do not depend on the number of workers.
//
// Every battle of the record was decided within its recorded days, so each
// is resolved with its decision certain: the decision hazard, which paces
// the game's fights turn by turn, has no part here.
func Run(engs []Engagement, m *rules.Model, reps int, seed uint64, workers int) []Result {
	decided := *m
	decided.DecisionDays = [4]float64{}
	m = &decided
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]Result, len(engs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			casA := make([]int, reps)
			casD := make([]int, reps)
			for i := range next {
				out[i] = resolveMany(engs[i], m, reps, seed, casA, casD)
			}
		}()
	}
	for i := range engs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func resolveMany(e Engagement, m *rules.Model, reps int, seed uint64, casA, casD []int) Result {
	rng := rand.New(rand.NewPCG(seed, uint64(e.ISQNO)))
	wins, lowerWins, decided := 0, 0, 0
	for k := 0; k < reps; k++ {
		r := m.Resolve(e.Input, rng)
		won := r.Outcome.AttackerWins()
		if won {
			wins++
		}
		casA[k] = r.Attacker.Total()
		casD[k] = r.Defender.Total()
		if r.AttackerFraction != r.DefenderFraction {
			decided++
			if won == (r.AttackerFraction < r.DefenderFraction) {
				lowerWins++
			}
		}
	}
	res := Result{Engagement: e, PWin: m.PWin(e.Input)} // the odds exactly, not their share of the draws
	res.CasAMedian = median(casA)
	res.CasDMedian = median(casD)
	res.drawsA, res.drawsD = slices.Clone(casA), slices.Clone(casD)
	for k := 0; k < reps; k++ {
		a, d := m.LossesGiven(e.Input, e.Win == 1, rng)
		casA[k], casD[k] = a.Total(), d.Total()
	}
	res.CasAGiven, res.CasDGiven = median(casA), median(casD)
	if decided > 0 {
		res.LowerLossWins = float64(lowerWins) / float64(decided)
	}
	return res
}

func median(x []int) int {
	s := append([]int(nil), x...)
	sort.Ints(s)
	n := len(s)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
