package ui

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"ili/game/debrief"
	"ili/game/whatif"
)

// The lab's goldens draw batches read from testdata, written by ili sim
// --format json (lab-a.json: 50 runs of nilka-1944; lab-b.json: the same
// with the Benson variant; lab-inputs.json: the ranking of the inputs of
// 10 runs a setting with the Benson variant), instead of batches played
// now: what they test is the drawing, which the AI's play of the day
// would otherwise change. The tests without pixels check that the lab's
// figures are whatif's.

// labFromFiles is the lab with lab-a.json kept as A and lab-b.json as B,
// compared.
func labFromFiles(t *testing.T) *Lab {
	t.Helper()
	l := labSetup(t, 50)
	l.kept = labBatchFrom(t, "testdata/lab-a.json")
	l.batch = labBatchFrom(t, "testdata/lab-b.json")
	l.compared()
	if l.cmp == nil {
		t.Fatalf("no comparison: %s", l.status)
	}
	l.labels()
	return l
}

// labBatchFrom is a finished batch of the lab's read from a batch file,
// its speed fixed.
func labBatchFrom(t *testing.T, name string) *labBatch {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := whatif.ReadReport(name, data)
	if err != nil {
		t.Fatal(err)
	}
	sp := whatif.Spec{Scenario: rep.Scenario, Variants: rep.Variants, AI: rep.AI}
	set := loadSpec(t, sp)
	held := whatif.NewHolding(set.Scenario)
	for _, r := range rep.Results {
		held.Add(r)
	}
	fights, err := debrief.BareBatchMap(set.Scenario, rep.Summary)
	if err != nil {
		t.Fatal(err)
	}
	n := len(rep.Results)
	b := &labBatch{spec: sp, set: set, runs: n, seed: rep.Seed, cancel: func() {}, finished: true}
	b.last = labNews{done: n, counted: n, summary: &rep.Summary, held: held, fights: fights, report: rep, final: true, elapsed: 2 * time.Second}
	return b
}

// labRankedFromFile is the lab with the ranking of lab-inputs.json shown,
// its time fixed.
func labRankedFromFile(t *testing.T) *Lab {
	t.Helper()
	l := labSetup(t, 10)
	data, err := os.ReadFile("testdata/lab-inputs.json")
	if err != nil {
		t.Fatal(err)
	}
	var in struct {
		Side    string          `json:"side"`
		Base    whatif.Share    `json:"base"`
		Games   int             `json:"games"`
		Effects []whatif.Effect `json:"effects"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		t.Fatal(err)
	}
	l.study = &labStudy{spec: l.Spec(), runs: 10, seed: 1, cancel: func() {}, finished: true}
	l.study.last = labStudyNews{done: in.Games, all: in.Games, elapsed: 20 * time.Second, effects: in.Effects, base: in.Base, side: in.Side}
	l.labels()
	return l
}
