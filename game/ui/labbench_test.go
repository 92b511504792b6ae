package ui

import (
	"testing"

	"ili/game/whatif"
)

// benchBatchRuns is the size of the batches the lab's benchmarks play.
const benchBatchRuns = 200

// BenchmarkLabBatch plays a batch of nilka-1944 as the lab plays it in
// the background (its tally, holders by turn, summaries, CSV, chart and
// map), without a window; BenchmarkSimBatch plays it as ili sim does.
// Their ratio is what the lab adds to a batch.
func BenchmarkLabBatch(b *testing.B) {
	l := newLab(testApp(), nil)
	l.ChooseScenario("nilka-1944")
	sp := l.Spec()
	set := loadSpec(b, sp)
	for b.Loop() {
		lb := startLabBatch(sp, set, benchBatchRuns, 1)
		if !lb.wait(10*60*1e9) || lb.last.err != nil {
			b.Fatal(lb.last.err)
		}
	}
}

func BenchmarkSimBatch(b *testing.B) {
	l := newLab(testApp(), nil)
	l.ChooseScenario("nilka-1944")
	for b.Loop() {
		if _, _, err := simTimes(l.Spec(), benchBatchRuns, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// loadSpec loads a spec's setup.
func loadSpec(tb testing.TB, sp whatif.Spec) whatif.Setup {
	tb.Helper()
	set, err := sp.Read()
	if err != nil {
		tb.Fatal(err)
	}
	return set
}
