package whatif

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"ili/game/ai"
)

// spreadSorted is the median and quartiles as Summarize computed them before
// the Tally, from every run's value sorted: the reference the Tally must match.
func spreadSorted(x []float64) Spread {
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

// summarizeSorted is Summarize as it was, keeping every run's values.
func summarizeSorted(sides, places []string, results []Result) Summary {
	n := len(results)
	s := Summary{Runs: n, Wins: map[string]Share{}, Losses: map[string]Spread{}, VP: map[string]Spread{}, Places: map[string]PlaceStat{}}
	wins, hist := map[string]int{}, 0
	losses, vps, first := map[string][]float64{}, map[string][]float64{}, map[string][]float64{}
	var turns []float64
	for _, r := range results {
		w := r.Winner
		if w == "" {
			w = "draw"
		}
		wins[w]++
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
		s.Losses[side], s.VP[side] = spreadSorted(losses[side]), spreadSorted(vps[side])
	}
	for _, p := range places {
		s.Places[p] = PlaceStat{Changed: wilson(len(first[p]), n), FirstTurn: spreadSorted(first[p])}
	}
	s.Historical = wilson(hist, n)
	s.HistoricalShare = s.Historical.Share
	if n > 0 && len(results[0].Course) > 0 {
		sum := 0.0
		for _, r := range results {
			sum += r.CourseScore
		}
		for i, c := range results[0].Course {
			agree := 0
			for _, r := range results {
				if i < len(r.Course) && r.Course[i].Place == c.Place && r.Course[i].Game == r.Course[i].History {
					agree++
				}
			}
			s.Course = append(s.Course, CheckStat{Place: c.Place, Turn: c.Turn, History: c.History, Held: wilson(agree, n), End: c.End})
		}
		s.CourseScore = sum / float64(n)
	}
	s.Turns = spreadSorted(turns)
	return s
}

// sortedPart is the part of a summary summarizeSorted computes: the parts
// added since (the test of history by parts, final owners, places given
// up, fights) are left out, and no checkpoints are none.
func sortedPart(s Summary) Summary {
	s.AsHistory, s.Owners, s.GaveUp, s.Fights = HistoryStat{}, nil, nil, nil
	if len(s.Course) == 0 {
		s.Course = nil
	}
	return s
}

// randomResults makes n results with values spread wide and narrow, draws,
// refusals and places changing hands more than once.
func randomResults(rng *rand.Rand, n int) []Result {
	sides, places := []string{"a", "b"}, []string{"p", "q", "r"}
	out := make([]Result, n)
	for i := range out {
		r := Result{Seed: uint64(i)}
		r.Winner = []string{"a", "b", ""}[rng.IntN(3)]
		r.Turns = 1 + rng.IntN(16)
		r.Historical = rng.IntN(3) == 0
		r.Refused = max(0, rng.IntN(8)-5)
		r.VP, r.Losses = map[string]int{}, map[string]Losses{}
		for _, s := range sides {
			r.VP[s] = rng.IntN(30) - 5
			r.Losses[s] = Losses{Men: rng.IntN(5000)}
		}
		for k := rng.IntN(5); k > 0; k-- {
			r.Captures = append(r.Captures, Capture{Place: places[rng.IntN(3)] + []string{"", "x"}[rng.IntN(2)], Turn: 1 + rng.IntN(16)})
		}
		out[i] = r
	}
	return out
}

// TestTallyMatchesSorted: the Tally's summary, from counts of each value, is
// the summary computed from every run's value sorted, to the last bit, for
// random results of every size from 0 and for a real batch.
func TestTallyMatchesSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sides, places := []string{"a", "b"}, []string{"p", "q", "r"}
	for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 10, 33, 100, 1001} {
		res := randomResults(rng, n)
		if got, want := sortedPart(Summarize(sides, places, res, 0)), summarizeSorted(sides, places, res); !reflect.DeepEqual(got, want) {
			t.Errorf("%d runs: the tally gives\n%+v\nsorting gives\n%+v", n, got, want)
		}
	}
	set := setupFor(t, "nilka-1944", ai.Normal, ai.Greedy)
	b, err := Run(set, Options{Runs: 40, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	rep := NewReport(set, Meta{Scenario: "nilka-1944"}, b)
	if want := summarizeSorted(rep.Sides, rep.Places, b.Results); !reflect.DeepEqual(sortedPart(Summarize(rep.Sides, rep.Places, b.Results, 0)), want) {
		t.Error("a real batch: the tally and the sorted values disagree")
	}
}

// TestStreamWritesWhatRunWrites: a streamed batch writes the same JSON and
// CSV as the whole batch kept and written, but for the speed, and ReadReport
// reads the streamed JSON back.
func TestStreamWritesWhatRunWrites(t *testing.T) {
	set := setupFor(t, "nilka-1944", ai.Normal, ai.Easy)
	meta := Meta{Scenario: "nilka-1944"}
	opt := Options{Runs: 12, Seed: 9, Workers: 3}
	b, err := Run(set, opt)
	if err != nil {
		t.Fatal(err)
	}
	meta.Seed = 9
	whole := NewReport(set, meta, b)
	for _, format := range []string{"json", "csv", "text"} {
		var got, want bytes.Buffer
		enc, _ := NewEncoder(format, &got)
		rep, err := Stream(set, meta, opt, enc)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Results != nil || rep.Summary.Runs != 12 {
			t.Errorf("%s: a streamed report keeps %d results, sums up %d runs", format, len(rep.Results), rep.Summary.Runs)
		}
		whole.Summary.RunsPerSecond = rep.Summary.RunsPerSecond
		wenc, _ := NewEncoder(format, &want)
		whole.Encode(wenc)
		if got.String() != want.String() {
			t.Errorf("%s: streamed\n%s\nwhole\n%s", format, got.String(), want.String())
		}
		if format != "json" {
			continue
		}
		back, err := ReadReport("b.json", got.Bytes())
		whole.Summary.RunsPerSecond = 0 // the JSON leaves the speed out
		if err != nil || !reflect.DeepEqual(back.Results, b.Results) || !reflect.DeepEqual(back.Summary, whole.Summary) {
			t.Errorf("the streamed JSON does not read back: %v\n%+v\n%+v", err, back.Summary, whole.Summary)
		}
	}
}

// TestWindowHoldsBack: while the first game of a batch is slow, no more
// than Window games per worker start; once it ends, the batch goes on and
// hands every result on in seed order.
func TestWindowHoldsBack(t *testing.T) {
	const workers, runs = 3, 500
	release := make(chan struct{})
	var started atomic.Int64
	play := func(seed uint64) (Result, error) {
		if seed == 0 {
			<-release
		} else {
			started.Add(1)
		}
		return Result{Seed: seed}, nil
	}
	done := make(chan error)
	var next uint64
	go func() {
		done <- stream(context.Background(), Options{Runs: runs, Workers: workers}, play, func(r Result) error {
			if r.Seed != next {
				return fmt.Errorf("seed %d handed on when %d was due", r.Seed, next)
			}
			next++
			return nil
		})
	}()
	limit := int64(Window*workers - 1)
	for deadline := time.Now().Add(5 * time.Second); started.Load() < limit && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // time to start more, were it allowed
	if n := started.Load(); n != limit {
		t.Errorf("%d games started behind a slow one, want %d (%d per worker)", n, limit, Window)
	}
	close(release)
	if err := <-done; err != nil || next != runs {
		t.Errorf("after the slow game: %v, %d results handed on", err, next)
	}
}

// TestFirstErrorStops: a game's error, or one of the consumer, stops the
// batch: the results before it are handed on, none after, the error is
// returned and no goroutine is left behind.
func TestFirstErrorStops(t *testing.T) {
	before := runtime.NumGoroutine()
	boom := errors.New("boom")
	for _, c := range []struct{ gameFails, eachFails uint64 }{{5, 1000}, {1000, 7}} {
		var handed []uint64
		err := stream(context.Background(), Options{Runs: 200, Workers: 4}, func(seed uint64) (Result, error) {
			if seed == c.gameFails {
				return Result{}, boom
			}
			return Result{Seed: seed}, nil
		}, func(r Result) error {
			if r.Seed == c.eachFails {
				return boom
			}
			handed = append(handed, r.Seed)
			return nil
		})
		want := min(c.gameFails, c.eachFails)
		if err != boom || uint64(len(handed)) != want {
			t.Errorf("%+v: %v after %d results, want boom after %d", c, err, len(handed), want)
		}
	}
	for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > before && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left behind", n-before)
	}
}

// TestOptionsRefused: a batch refuses runs out of range and seeds that
// overflow, in a sentence, before it plays anything.
func TestOptionsRefused(t *testing.T) {
	set := setupFor(t, "nilka-1944", ai.Random, ai.Random)
	for _, opt := range []Options{{Runs: -1}, {Runs: MaxRuns + 1}, {Runs: 2, Seed: 1<<64 - 1}} {
		if _, err := RunEach(set, opt, func(Result) error { return nil }); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%+v: %v", opt, err)
		}
	}
	if _, err := RunEach(set, Options{Runs: 1, Seed: 1<<64 - 1, Workers: 1 << 30}, func(Result) error { return nil }); err != nil {
		t.Errorf("the last seed: %v", err)
	}
}

// retained is the heap in use after a collection, at the moment the last
// result of a streamed batch is written: everything the batch holds then.
type retained struct {
	Encoder
	runs, seen int
	heap       uint64
}

func (r *retained) Result(res Result) error {
	if r.seen++; r.seen == r.runs {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		r.heap = m.HeapAlloc
	}
	return r.Encoder.Result(res)
}

// TestMemoryFlat: what a streamed batch holds when its last result is
// written does not grow with its number of runs: ten times the runs hold
// less than a tenth of what keeping the extra results would take.
func TestMemoryFlat(t *testing.T) {
	set := setupFor(t, "nilka-1944", ai.Random, ai.Random)
	meta := Meta{Scenario: "nilka-1944"}
	heap := func(runs int) uint64 {
		enc, _ := NewEncoder("json", io.Discard)
		r := &retained{Encoder: enc, runs: runs}
		if _, err := Stream(set, meta, Options{Runs: runs, Seed: 1, Workers: 2}, r); err != nil {
			t.Fatal(err)
		}
		return r.heap
	}
	const n = 25
	heap(10 * n) // the same seeds, to fill the caches of the JSON encoder and of the map's sight lines
	small, large := heap(n), heap(10*n)
	perRun := keptSize(t, set, 9*n)
	grew := int64(large) - int64(small)
	t.Logf("%d runs hold %d bytes, %d runs %d (%+d); keeping the %d more results would take %.0f", n, small, 10*n, large, grew, 9*n, perRun*9*n)
	if float64(grew) > perRun*9*n/10 {
		t.Errorf("a batch of %d runs holds %d bytes more than one of %d", 10*n, grew, n)
	}
}

// keptSize is what keeping a result of the setup's batches takes, in bytes.
func keptSize(t *testing.T, set Setup, runs int) float64 {
	b, err := Run(set, Options{Runs: runs, Seed: 1, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var with, without runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&with)
	runtime.KeepAlive(b)
	b = Batch{}
	runtime.GC()
	runtime.ReadMemStats(&without)
	return float64(int64(with.HeapAlloc)-int64(without.HeapAlloc)) / float64(runs)
}
