package whatif

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"
)

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
	const z = 1.959964
	p := float64(k) / float64(n)
	nf := float64(n)
	d := 1 + z*z/nf
	c := (p + z*z/(2*nf)) / d
	h := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / d
	return Share{Share: p, Lo: math.Max(0, c-h), Hi: math.Min(1, c+h), Count: k}
}

// Spread is the median and quartiles of a quantity over runs.
type Spread struct {
	Median float64 `json:"median"`
	Q1     float64 `json:"q1"`
	Q3     float64 `json:"q3"`
	N      int     `json:"n"`
}

func spread(x []float64) Spread {
	if len(x) == 0 {
		return Spread{}
	}
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	q := func(p float64) float64 {
		pos := p * float64(len(s)-1)
		i := int(pos)
		if i+1 >= len(s) {
			return s[len(s)-1]
		}
		f := pos - float64(i)
		return s[i]*(1-f) + s[i+1]*f
	}
	return Spread{Median: q(0.5), Q1: q(0.25), Q3: q(0.75), N: len(s)}
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
	RunsPerSecond   float64              `json:"runs_per_second"`
	// Refused counts the AI commands the rules refused, and RefusedRuns the
	// runs with any: a fault of the AI, each of which ended that AI's phase.
	Refused     int `json:"refused,omitempty"`
	RefusedRuns int `json:"refused_runs,omitempty"`
}

// Summarize sums up results; elapsed seconds give the speed (0: unknown).
func Summarize(sides []string, places []string, results []Result, seconds float64) Summary {
	n := len(results)
	s := Summary{Runs: n, Wins: map[string]Share{}, Losses: map[string]Spread{}, VP: map[string]Spread{}, Places: map[string]PlaceStat{}}
	wins := map[string]int{}
	hist := 0
	losses := map[string][]float64{}
	vps := map[string][]float64{}
	var turns []float64
	first := map[string][]float64{}
	for _, r := range results {
		if r.Winner == "" {
			wins["draw"]++
		} else {
			wins[r.Winner]++
		}
		if r.Historical {
			hist++
		}
		for _, side := range sides {
			losses[side] = append(losses[side], float64(r.Losses[side].Men))
			vps[side] = append(vps[side], float64(r.VP[side]))
		}
		turns = append(turns, float64(r.Turns))
		if r.Refused > 0 {
			s.Refused += r.Refused
			s.RefusedRuns++
		}
		seen := map[string]bool{}
		for _, c := range r.Captures {
			if !seen[c.Place] {
				seen[c.Place] = true
				first[c.Place] = append(first[c.Place], float64(c.Turn))
			}
		}
	}
	for _, side := range append(append([]string(nil), sides...), "draw") {
		s.Wins[side] = wilson(wins[side], n)
	}
	for _, side := range sides {
		s.Losses[side] = spread(losses[side])
		s.VP[side] = spread(vps[side])
	}
	for _, p := range places {
		s.Places[p] = PlaceStat{Changed: wilson(len(first[p]), n), FirstTurn: spread(first[p])}
	}
	s.Historical = wilson(hist, n)
	s.HistoricalShare = s.Historical.Share
	s.Turns = spread(turns)
	if seconds > 0 {
		s.RunsPerSecond = float64(n) / seconds
	}
	return s
}

// Report is the JSON form of a batch: what was run and what came of it.
type Report struct {
	Format       string            `json:"format"` // FormatVersion
	Scenario     string            `json:"scenario"`
	ScenarioHash string            `json:"scenario_hash"`
	Variants     []string          `json:"variants"`
	Set          []string          `json:"set"`
	AI           map[string]string `json:"ai"`
	Runs         int               `json:"runs"`
	Seed         uint64            `json:"seed"`
	Sides        []string          `json:"sides"`
	Places       []string          `json:"places"`
	Summary      Summary           `json:"summary"`
	Results      []Result          `json:"results"`
}

// FormatVersion names the layout of Report and the rules that produced it;
// batches of different versions do not merge.
const FormatVersion = "ili-sim/1"

// WriteJSON writes the report as one JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(r)
}

// WriteCSV writes one row per run.
func (r *Report) WriteCSV(w io.Writer) {
	head := []string{"seed", "winner", "reason", "turns", "historical"}
	for _, s := range r.Sides {
		head = append(head, "vp_"+s, "lost_"+s, "captured_"+s, "guns_lost_"+s)
	}
	for _, p := range r.Places {
		head = append(head, "first_change_"+p)
	}
	fmt.Fprintln(w, strings.Join(head, ","))
	for _, res := range r.Results {
		row := []string{fmt.Sprint(res.Seed), res.Winner, csvQuote(res.Reason), fmt.Sprint(res.Turns), fmt.Sprint(res.Historical)}
		for _, s := range r.Sides {
			l := res.Losses[s]
			row = append(row, fmt.Sprint(res.VP[s]), fmt.Sprint(l.Men), fmt.Sprint(l.Captured), fmt.Sprint(l.Guns))
		}
		for _, p := range r.Places {
			t := ""
			for _, c := range res.Captures {
				if c.Place == p {
					t = fmt.Sprint(c.Turn)
					break
				}
			}
			row = append(row, t)
		}
		fmt.Fprintln(w, strings.Join(row, ","))
	}
}

func csvQuote(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// WriteText writes a table for people.
func (r *Report) WriteText(w io.Writer) {
	s := r.Summary
	fmt.Fprintf(w, "%s", r.Scenario)
	if len(r.Variants) > 0 {
		fmt.Fprintf(w, " with %s", strings.Join(r.Variants, ", "))
	}
	fmt.Fprintf(w, ": %d runs from seed %d", r.Runs, r.Seed)
	if s.RunsPerSecond > 0 {
		fmt.Fprintf(w, ", %.1f runs/s", s.RunsPerSecond)
	}
	fmt.Fprintln(w)
	if s.Refused > 0 {
		fmt.Fprintf(w, "The rules refused %d commands of the AI in %d runs (a fault of the AI: each ended its phase; the runs' records hold them).\n", s.Refused, s.RefusedRuns)
	}
	tw := tabwriter.NewWriter(w, 2, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "\nOUTCOME\tSHARE\t95% CI\tAI")
	for _, side := range append(append([]string(nil), r.Sides...), "draw") {
		ws := s.Wins[side]
		label := side + " wins"
		if side == "draw" {
			label = "draw"
		}
		fmt.Fprintf(tw, "%s\t%.1f%%\t%.1f-%.1f%%\t%s\n", label, 100*ws.Share, 100*ws.Lo, 100*ws.Hi, r.AI[side])
	}
	fmt.Fprintf(tw, "as in history\t%.1f%%\t%.1f-%.1f%%\t\n", 100*s.Historical.Share, 100*s.Historical.Lo, 100*s.Historical.Hi)
	fmt.Fprintln(tw, "\nSIDE\tMEN LOST (MEDIAN)\tQUARTILES\tVP (MEDIAN)")
	for _, side := range r.Sides {
		l := s.Losses[side]
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f-%.0f\t%.0f\n", side, l.Median, l.Q1, l.Q3, s.VP[side].Median)
	}
	fmt.Fprintln(tw, "\nPLACE\tCHANGED HANDS\tFIRST CHANGE (TURN)\t")
	for _, p := range r.Places {
		ps := s.Places[p]
		if ps.Changed.Count == 0 {
			fmt.Fprintf(tw, "%s\t0%%\t-\t\n", p)
			continue
		}
		fmt.Fprintf(tw, "%s\t%.0f%%\t%.0f (%.0f-%.0f)\t\n", p, 100*ps.Changed.Share, ps.FirstTurn.Median, ps.FirstTurn.Q1, ps.FirstTurn.Q3)
	}
	tw.Flush()
}
