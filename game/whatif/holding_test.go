package whatif

import (
	"testing"

	"ili/game/scenario"
)

// TestHolding: each place's holder turn by turn follows its captures from
// its holder at the start, and a run that ended early keeps its last
// holder to the last turn.
func TestHolding(t *testing.T) {
	sc, err := scenario.Load("nilka-1944", scenario.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := NewHolding(sc)
	if len(h.Places) == 0 || h.Turns < h.First+3 {
		t.Fatalf("nilka-1944 holds %v over turns %d to %d", h.Places, h.First, h.Turns)
	}
	p := h.Places[0]
	start := h.start[0]
	other := (start + 1) % len(h.Sides)
	took := h.First + 2
	h.Add(Result{})
	r := Result{}
	r.Turns = took
	r.Captures = []Capture{{Place: p, Side: h.Sides[other], Turn: took}}
	h.Add(r)
	frozen := h.Clone()
	h.Add(r)
	for _, c := range []struct {
		turn, holder int
		want         float64
	}{
		{h.First, start, 1}, {took - 1, start, 1}, {took, start, 1.0 / 3}, {took, other, 2.0 / 3}, {h.Turns, other, 2.0 / 3},
		{h.Turns + 1, other, 0},
	} {
		if got := h.Share(0, c.turn, c.holder); got != c.want {
			t.Errorf("%s at turn %d held by %d in %.3f of the runs, want %.3f", p, c.turn, c.holder, got, c.want)
		}
	}
	if frozen.Runs != 2 || frozen.Share(0, h.Turns, other) != 0.5 {
		t.Errorf("the clone changed with the run counted after it: %d runs, %.2f", frozen.Runs, frozen.Share(0, h.Turns, other))
	}
}
