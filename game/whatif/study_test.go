package whatif

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"ili/game/ai"
	"ili/game/hex"
	"ili/game/match"
	"ili/game/rules"
	"ili/game/scenario"
)

// specFor is the spec of a bundled scenario with every AI at normal.
func specFor(id string) Spec { return Spec{Scenario: id} }

// loadSpec loads a spec of a bundled scenario.
func loadSpec(t testing.TB, sp Spec) Setup {
	t.Helper()
	set, err := sp.Read()
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// sweepArms are the arms of a sweep of base over keys.
func sweepArms(t testing.TB, base Spec, keys ...string) (StudyHead, []Arm) {
	t.Helper()
	head := StudyHead{Kind: KindSweep, Scenario: base.Scenario}
	for _, k := range keys {
		sk, err := ParseSweep(k)
		if err != nil {
			t.Fatal(err)
		}
		head.Sweep = append(head.Sweep, sk)
	}
	var arms []Arm
	for _, at := range Cells(head.Sweep) {
		sp, label := Cell(base, head.Sweep, at)
		arms = append(arms, Arm{Label: label, At: at, Setup: loadSpec(t, sp)})
	}
	return head, arms
}

// studyJSON plays a study and returns its JSON.
func playStudy(t testing.TB, head StudyHead, arms []Arm, opt Options) (*Study, []byte) {
	t.Helper()
	var buf bytes.Buffer
	enc, _ := NewStudyEncoder("json", &buf)
	st, err := RunStudy(context.Background(), head, arms, opt, enc, nil)
	if err != nil {
		t.Fatal(err)
	}
	return st, buf.Bytes()
}

// shardsMerged plays a study in n consecutive parts of its runs and merges
// their JSON files, as ili sim --shard K/N and ili sim merge do.
func shardsMerged(t testing.TB, head StudyHead, arms []Arm, runs int, seed uint64, n int) []byte {
	t.Helper()
	var parts []*Study
	for k := 1; k <= n; k++ {
		lo, hi := (k-1)*runs/n, k*runs/n
		_, data := playStudy(t, head, arms, Options{Runs: hi - lo, Seed: seed + uint64(lo), Workers: 2})
		st, err := ReadStudy("part.json", data)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, st)
	}
	slices.Reverse(parts) // merging does not care about the order
	m, err := MergeStudies(parts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc, _ := NewStudyEncoder("json", &buf)
	if err := m.Encode(enc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkCells checks a sweep's shape and intervals: one arm per cell, in
// the order of Cells, each with its runs and its values, each share inside
// its interval and the outcomes summing to every run.
func checkCells(t *testing.T, st *Study, runs int) {
	t.Helper()
	cells := Cells(st.Sweep)
	if len(st.Arms) != len(cells) || len(st.Setups) != len(cells) {
		t.Fatalf("%d arms and %d setups for %d cells", len(st.Arms), len(st.Setups), len(cells))
	}
	for i, r := range st.Arms {
		if !slices.Equal(r.At, cells[i]) || r.Runs != runs || r.Summary.Runs != runs || r.Label != st.Setups[i] {
			t.Errorf("cell %d: at %v (want %v), %d runs, label %q", i, r.At, cells[i], r.Runs, r.Label)
		}
		total := 0
		for o, s := range r.Summary.Wins {
			total += s.Count
			if s.Lo > s.Share || s.Share > s.Hi || s.Lo < 0 || s.Hi > 1 || s.Hi-s.Lo <= 0 {
				t.Errorf("cell %v: %s %+v is not inside its interval", r.At, o, s)
			}
		}
		if total != runs {
			t.Errorf("cell %v: the outcomes count %d runs of %d", r.At, total, runs)
		}
		for j, k := range st.Sweep {
			sk, isScale := strings.CutPrefix(k.Key, "scale:")
			list := r.Set
			if isScale {
				list = r.Scale
			}
			if !slices.Contains(list, sk+"="+value(r.At[j])) {
				t.Errorf("cell %v: the setup %v %v does not give %s its value", r.At, r.Set, r.Scale, k.Key)
			}
		}
	}
}

// TestSweepOneStrength: a sweep of one ghulja-1944 strength over five
// points has one cell a value, each with its runs and intervals, and is
// the same bytes with one worker or two, and played in two shards merged.
func TestSweepOneStrength(t *testing.T) {
	const runs, seed = 6, 11
	head, arms := sweepArms(t, specFor("ghulja-1944"), "unit.old-town-groups.men=500:1300:200")
	if got := head.Sweep[0].Values; !slices.Equal(got, []float64{500, 700, 900, 1100, 1300}) {
		t.Fatalf("the values are %v", got)
	}
	st, one := playStudy(t, head, arms, Options{Runs: runs, Seed: seed, Workers: 1})
	checkCells(t, st, runs)
	if men := arms[4].Setup.Scenario.Units[slices.IndexFunc(arms[4].Setup.Scenario.Units, func(u rulesUnit) bool { return u.ID == "old-town-groups" })].Men; men != 1300 {
		t.Errorf("the last cell plays %d men, not 1,300", men)
	}
	_, two := playStudy(t, head, arms, Options{Runs: runs, Seed: seed, Workers: 2})
	if !bytes.Equal(one, two) {
		t.Error("one worker and two give different sweeps")
	}
	if merged := shardsMerged(t, head, arms, runs, seed, 2); !bytes.Equal(one, merged) {
		t.Errorf("two shards merged differ from the whole sweep:\n%s\nwhole:\n%s", merged, one)
	}
	var csv bytes.Buffer
	enc, _ := NewStudyEncoder("csv", &csv)
	st.Encode(enc)
	lines := strings.Split(strings.TrimSpace(csv.String()), "\n")
	if len(lines) != 6 || !strings.Contains(lines[0], ",unit.old-town-groups.men,runs,seed,insurgents_wins,insurgents_wins_lo,insurgents_wins_hi,") || !strings.Contains(lines[5], ",1300,6,11,") {
		t.Errorf("the tidy CSV:\n%s", csv.String())
	}
	var png bytes.Buffer
	if err := st.WriteChart(&png); err != nil || !bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")) {
		t.Errorf("the line chart: %v", err)
	}
}

// TestSweepTwoKeys: a grid of a strength and a side's scale has a cell
// for each pair, the first key's values outer, and is the same bytes with
// one worker or two and in three shards merged.
func TestSweepTwoKeys(t *testing.T) {
	const runs, seed = 3, 5
	head, arms := sweepArms(t, specFor("ghulja-1944"), "unit.old-town-groups.men=600:1200:600", "scale:provincial.men=0.5:1:0.5")
	st, one := playStudy(t, head, arms, Options{Runs: runs, Seed: seed, Workers: 1})
	checkCells(t, st, runs)
	if want := [][]float64{{600, 0.5}, {600, 1}, {1200, 0.5}, {1200, 1}}; !slices.EqualFunc(Cells(head.Sweep), want, slices.Equal) {
		t.Errorf("the cells are %v", Cells(head.Sweep))
	}
	_, two := playStudy(t, head, arms, Options{Runs: runs, Seed: seed, Workers: 2})
	if !bytes.Equal(one, two) {
		t.Error("one worker and two give different grids")
	}
	if merged := shardsMerged(t, head, arms, runs, seed, 3); !bytes.Equal(one, merged) {
		t.Error("three shards merged differ from the whole grid")
	}
	var png bytes.Buffer
	if err := st.WriteChart(&png); err != nil || !bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")) {
		t.Errorf("the heat map: %v", err)
	}
}

// TestParseSweep: values from FROM to TO by STEP, and a sentence for each
// mistake.
func TestParseSweep(t *testing.T) {
	k, err := ParseSweep("scale:ina.men=0.1:0.5:0.1")
	if err != nil || !slices.Equal(k.Values, []float64{0.1, 0.2, 0.3, 0.4, 0.5}) {
		t.Errorf("0.1:0.5:0.1 gives %v, %v", k.Values, err)
	}
	if k, err := ParseSweep("turns=10:4:-3"); err != nil || !slices.Equal(k.Values, []float64{10, 7, 4}) {
		t.Errorf("10:4:-3 gives %v, %v", k.Values, err)
	}
	for arg, want := range map[string]string{
		"turns":                     "KEY=FROM:TO:STEP",
		"turns=1:5":                 "KEY=FROM:TO:STEP",
		"turns=1:5:0":               "the step is 0",
		"turns=5:1:1":               "never goes from 5 to 1",
		"turns=1:x:1":               `"x" is not a number`,
		"turns=1:1000:1":            "give at most 100",
		"unit.men=1:2:1":            "the key must be",
		"scale:ina.feet=1:2:1":      `"feet" is not a count to scale`,
		"scale:ina.men=NaN:2:1":     "is not a number",
		"unit.a.men=1:2:1e-300":     "give at most 100",
		"unit.a.men=-1e308:1e308:1": "give at most 100",
	} {
		if _, err := ParseSweep(arg); err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want %q", arg, err, want)
		}
	}
}

// TestScale: --scale multiplies the counts of a side, a unit or a pattern
// of units after the variants and --set values, factors naming one unit
// multiply, and a mistake is a sentence.
func TestScale(t *testing.T) {
	base := loadSpec(t, specFor("manas-1945")).Scenario
	men := func(sc *scenario.Scenario, id string) (int, int) {
		for _, u := range sc.Units {
			if u.ID == id {
				return u.Men, u.Horses
			}
		}
		t.Fatalf("no unit %s", id)
		return 0, 0
	}
	sp := specFor("manas-1945")
	sp.Set = []string{"unit.osman-north.men=1000"}
	sp.Scale = []string{"ina.men=1.5", "osman-*.strength=50%"}
	sc := loadSpec(t, sp).Scenario
	if m, _ := men(sc, "suidun-regiment"); m != int(float64(mustMen(men(base, "suidun-regiment")))*1.5+0.5) {
		t.Errorf("suidun-regiment has %d men", m)
	}
	if m, h := men(sc, "osman-north"); m != 750 || h != int(float64(mustHorses(men(base, "osman-north")))*0.5+0.5) {
		t.Errorf("osman-north has %d men and %d horses; want 1,000 x 1.5 x 0.5 = 750 men and half its horses", m, h)
	}
	if m, _ := men(sc, "division-45"); m != mustMen(men(base, "division-45")) {
		t.Errorf("a roc unit was scaled: %d men", m)
	}
	file, text, _ := scenario.Read("manas-1945")
	for scale, want := range map[string]string{
		"atlantis.men=2": `"atlantis" is no side of manas-1945`,
		"ina.feet=2":     `"feet" is not a count to scale`,
		"ina.men=x":      `the factor "x" is not a number`,
		"ina.men=-1":     "out of range",
		"ina=2":          "SIDE.FIELD=FACTOR",
		"[.men=2":        "not a pattern of unit IDs",
	} {
		_, err := Spec{Scenario: "manas-1945", Scale: []string{scale}}.Load(file, text)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("--scale %s: %v, want %q", scale, err, want)
		}
	}
	if _, err := (Spec{Scenario: "manas-1945", Variants: []string{"no-soviet", "no-soviet"}}).Load(file, text); err == nil || !strings.Contains(err.Error(), "given twice") {
		t.Errorf("a variant twice: %v", err)
	}
}

func mustMen(m, _ int) int    { return m }
func mustHorses(_, h int) int { return h }

// syntheticPair is two batches of 60 runs of two sides in which B's side
// "a" wins 8 runs more than A's: on the same seeds (the other runs
// agreeing) or on other seeds.
func syntheticPair(sameSeeds bool) (*Report, *Report) {
	mk := func(label string, seed0 uint64, wins int) *Report {
		h := Head{Label: label, Sides: []string{"a", "b"}, Places: []string{}, Garrisons: []Garrison{}, Runs: 60, Seed: seed0}
		var res []Result
		for i := 0; i < 60; i++ {
			w := "b"
			if i < wins {
				w = "a"
			}
			res = append(res, Result{Seed: seed0 + uint64(i), Result: matchResult(w, 100*(i%7)+10*btoi(i < wins))})
		}
		r := &Report{Head: h, Results: res}
		t := newTally(h)
		for _, x := range res {
			t.Add(x)
		}
		r.Summary = t.Summary(0)
		return r
	}
	a := mk("A", 1, 24)
	if sameSeeds {
		return a, mk("B", 1, 32)
	}
	return a, mk("B", 1001, 32)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestPairedSharperThanUnpaired: 24 of 60 against 32 of 60 wins is no
// difference larger than chance for independent batches, but the same
// batches paired by seed, where the eight runs that changed all changed
// one way, are: McNemar's test sees eight discordant pairs to none.
func TestPairedSharperThanUnpaired(t *testing.T) {
	a, b := syntheticPair(true)
	paired, err := Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	a2, b2 := syntheticPair(false)
	unpaired, err := Compare(a2, b2)
	if err != nil {
		t.Fatal(err)
	}
	p, u := paired.Shares[0], unpaired.Shares[0]
	if paired.Paired != 60 || unpaired.Paired != 0 || p.What != "a wins" || p.Discordant != [2]int{0, 8} {
		t.Fatalf("paired %d, unpaired %d, %+v", paired.Paired, unpaired.Paired, p)
	}
	if !p.Significant || u.Significant || p.Diff != u.Diff || p.P >= 0.01 || u.P <= 0.1 || p.Hi-p.Lo >= u.Hi-u.Lo || p.Lo <= 0 || u.Lo >= 0 {
		t.Errorf("paired %+v\nunpaired %+v", p, u)
	}
	if l := paired.Losses[0]; !l.Significant || l.Test != "paired t" || unpaired.Losses[0].Test != "Welch t" {
		t.Errorf("losses: paired %+v, unpaired %+v", l, unpaired.Losses[0])
	}
}

// TestCompareStudy: a comparison of three setups on nilka-1944 (a
// variant, a --set value and an AI level with the plan) pairs every run,
// sets each setup against the first in JSON, CSV and text, names every
// setup in full, and merges from two shards into the same bytes.
func TestCompareStudy(t *testing.T) {
	base := specFor("nilka-1944")
	var arms []Arm
	for _, s := range []string{"base", "no-trucks+benson", "set:unit.garrison.men=100", "ai:provincial=hard+plan"} {
		ch, err := ParseChange(s)
		if err != nil {
			t.Fatal(err)
		}
		arms = append(arms, Arm{Label: ch.Label, Setup: loadSpec(t, base.With(ch))})
	}
	head := StudyHead{Kind: KindCompare, Scenario: "nilka-1944"}
	st, data := playStudy(t, head, arms, Options{Runs: 8, Seed: 3, Workers: 2})
	if len(st.Comparisons) != 3 || st.Comparisons[1].B != "set:unit.garrison.men=100" || st.Comparisons[0].Paired != 8 {
		t.Fatalf("comparisons %+v", st.Comparisons)
	}
	if r := st.Arms[3]; !r.Plan || r.AI["provincial"] != "hard" || r.AI["insurgents"] != "normal" || !slices.Equal(st.Arms[1].Variants, []string{"no-trucks", "benson"}) || !slices.Equal(st.Arms[2].Set, []string{"unit.garrison.men=100"}) {
		t.Errorf("the setups are recorded as %+v", []Head{st.Arms[1].Head, st.Arms[2].Head, st.Arms[3].Head})
	}
	if merged := shardsMerged(t, head, arms, 8, 3, 2); !bytes.Equal(data, merged) {
		t.Error("two shards of a comparison merged differ from the whole")
	}
	var text, csv bytes.Buffer
	enc, _ := NewStudyEncoder("text", &text)
	st.Encode(enc)
	for _, want := range []string{"4 setups compared, 8 runs each from seed 3, runs paired by seed", "B  no-trucks+benson: variants no-trucks, benson;",
		"C  set:unit.garrison.men=100: no variants; --set unit.garrison.men=100;", "provincial=hard; every AI following its side's historical plan (--plan)",
		"D AGAINST A (ai:provincial=hard+plan against base): 8 runs paired by seed", "men lost: insurgents (mean)", "held at the end: nilka: "} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the text lacks %q:\n%s", want, text.String())
		}
	}
	enc, _ = NewStudyEncoder("csv", &csv)
	st.Encode(enc)
	if lines := strings.Split(csv.String(), "\n"); !strings.HasPrefix(lines[0], "scenario,runs,seed,a,a_setup,b,b_setup,paired,measure,what,") || !strings.Contains(csv.String(), ",outcome,insurgents wins,") {
		t.Errorf("the CSV:\n%s", csv.String())
	}
	var png bytes.Buffer
	if err := st.WriteChart(&png); err != nil || !bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")) {
		t.Errorf("the chart: %v", err)
	}
}

// TestHonestOutputs: a batch says its setup in every format (the plan,
// every --set, variant, scale and AI level), has [] for empty lists, and
// gives each run's final owners and the places given up; a run counted as
// in history holds every key place as the record.
func TestHonestOutputs(t *testing.T) {
	sp := Spec{Scenario: "ghulja-1944", Variants: []string{"no-diversion"}, Set: []string{"unit.police-force.men=350"},
		Scale: []string{"insurgents.men=110%"}, AI: map[string]string{"provincial": "easy"}, Plan: true}
	set := loadSpec(t, sp)
	b, err := Run(set, Options{Runs: 6, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rep := NewReport(set, Meta{Seed: 1}, b)
	var js, csv, text bytes.Buffer
	rep.WriteJSON(&js)
	rep.WriteCSV(&csv)
	rep.WriteText(&text)
	var obj map[string]any
	if err := json.Unmarshal(js.Bytes(), &obj); err != nil {
		t.Fatal(err)
	}
	if obj["plan"] != true || obj["ai"].(map[string]any)["provincial"] != "easy" || obj["ai"].(map[string]any)["insurgents"] != "normal" ||
		obj["scale"].([]any)[0] != "insurgents.men=110%" || obj["set"].([]any)[0] != "unit.police-force.men=350" || obj["variants"].([]any)[0] != "no-diversion" {
		t.Errorf("the JSON head: %v", obj)
	}
	if strings.Contains(js.String(), "null") {
		t.Errorf("the JSON has a null:\n%s", js.String())
	}
	for _, want := range []string{"Setup: variants no-diversion; --set unit.police-force.men=350; --scale insurgents.men=110%; AI insurgents=normal, provincial=easy; every AI following its side's historical plan (--plan)",
		"hard", "HELD AT THE END BY", "STARTED IN", "GAVE IT UP", "as in history", "the record's winner", "every key place"} {
		if want == "hard" {
			continue
		}
		if !strings.Contains(text.String(), want) {
			t.Errorf("the text lacks %q:\n%s", want, text.String())
		}
	}
	rows := strings.Split(strings.TrimSpace(csv.String()), "\n")
	if !strings.HasPrefix(rows[1], "ghulja-1944,no-diversion,unit.police-force.men=350,insurgents.men=110%,,true,normal,easy,1,") || !strings.Contains(rows[0], ",owner_police,") || !strings.Contains(rows[0], ",gave_up_provincial_police") {
		t.Errorf("the CSV:\n%s", csv.String())
	}
	key := set.Scenario.History.Holds
	for _, r := range b.Results {
		if len(r.Owners) != len(rep.Places) || r.Captures == nil || r.GaveUp == nil || r.Fights == nil {
			t.Errorf("seed %d: owners %v, captures %v, gave up %v", r.Seed, r.Owners, r.Captures, r.GaveUp)
		}
		for place, side := range key {
			if _, counted := r.Owners[place]; counted && r.Historical && r.Owners[place] != side {
				t.Errorf("seed %d is as in history with %s held by %q, not %q", r.Seed, place, r.Owners[place], side)
			}
		}
	}
	if rep.Summary.Historical.Count > rep.Summary.AsHistory.KeyPlaces.Count || rep.Summary.Historical.Count > rep.Summary.AsHistory.Winner.Count {
		t.Errorf("more runs as in history than with its parts: %+v", rep.Summary.AsHistory)
	}
}

// TestGaveUp: a place is given up when the last of the units of the side
// that started in it marches out, not when they are driven out.
func TestGaveUp(t *testing.T) {
	set := setupFor(t, "nilka-1944", ai.Normal, ai.Greedy)
	res, err := Play(set, 7)
	if err != nil {
		t.Fatal(err)
	}
	// Seed 7: the greedy garrison beats off the bands' attacks and goes
	// after them on turn 4, the police marching out last.
	if !slices.Contains(res.GaveUp, GaveUp{Side: "provincial", Place: "nilka", Turn: 4}) {
		t.Errorf("the greedy garrison marches out of Nilka on turn 4 (seed 7), but the run says %+v", res.GaveUp)
	}
	sc := set.Scenario
	w := newWatch(sc, 1)
	nilka := w.posts[0].hex
	w.see([]rulesEvent{retreated("garrison", nilka), retreated("police", nilka)})
	if w.posts[0].gaveUp != 0 || !w.posts[0].done {
		t.Errorf("driven out: %+v", w.posts[0])
	}
	w = newWatch(sc, 1)
	w.see([]rulesEvent{moved("garrison", nilka), retreated("police", nilka)})
	if w.posts[0].gaveUp != 0 {
		t.Errorf("one marched out, the last driven out: %+v", w.posts[0])
	}
	w = newWatch(sc, 1)
	w.see([]rulesEvent{turnStarted(3), retreated("police", nilka), moved("garrison", nilka)})
	if w.posts[0].gaveUp != 3 {
		t.Errorf("the last marched out on turn 3: %+v", w.posts[0])
	}
}

// TestCancel: a batch stops soon after its context is cancelled, with the
// context's error, having handed on only whole results in order.
func TestCancel(t *testing.T) {
	set := setupFor(t, "ghulja-1944", ai.Normal, ai.Normal)
	ctx, cancel := context.WithCancel(context.Background())
	var seeds []uint64
	start := time.Now()
	_, err := RunEachContext(ctx, set, Options{Runs: 100000, Seed: 1, Workers: 2}, func(r Result) error {
		seeds = append(seeds, r.Seed)
		if len(seeds) == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || time.Since(start) > 30*time.Second {
		t.Errorf("cancelled: %v after %v", err, time.Since(start))
	}
	for i, s := range seeds {
		if s != uint64(i+1) {
			t.Errorf("result %d has seed %d", i, s)
		}
	}
}

// TestHistogramColours: each side's histogram of losses is drawn in its
// own colour, not one shared colour.
func TestHistogramColours(t *testing.T) {
	set := setupFor(t, "nilka-1944", ai.Normal, ai.Normal)
	b, _ := Run(set, Options{Runs: 6, Seed: 1})
	var fills []color.Color
	for _, h := range NewReport(set, Meta{Seed: 1}, b).lossHistograms() {
		if h != nil {
			fills = append(fills, h.FillColor)
		}
	}
	if len(fills) != 2 {
		t.Fatalf("%d histograms", len(fills))
	}
	for i, f := range fills {
		n := color.NRGBAModel.Convert(f).(color.NRGBA)
		want := sideColour(i)
		if n.R != want.R || n.G != want.G || n.B != want.B {
			t.Errorf("side %d's histogram is %v, not its colour %v", i, n, want)
		}
	}
}

type (
	rulesUnit  = rules.Unit
	rulesEvent = rules.Event
)

// matchResult is a made-up game's result: its winner and "a"'s men lost.
func matchResult(winner string, men int) match.Result {
	return match.Result{Winner: winner, Turns: 5, Losses: map[string]Losses{"a": {Men: men}, "b": {Men: 50}}, VP: map[string]int{}}
}

func retreated(unit string, from hex.Hex) rules.Event {
	return rules.Retreated{Unit: unit, From: from, To: hex.Hex{Q: from.Q + 1, R: from.R}}
}

func moved(unit string, from hex.Hex) rules.Event {
	return rules.Moved{Unit: unit, Path: []hex.Hex{from, {Q: from.Q, R: from.R + 1}}}
}

func turnStarted(n int) rules.Event { return rules.TurnStarted{Turn: n} }

// TestSensitivityRanks: on nilka-1944, varying each input by half, the
// insurgents' strength changes their share of wins by more than chance
// and ranks above the date of the telegram to Dihua, a story without
// effect, which cannot matter (no difference at all: the same seeds play
// the same games). Every strength and date is varied, the study reads
// back from its JSON with the same ranking, and it draws its tornado.
func TestSensitivityRanks(t *testing.T) {
	file, text, err := scenario.Read("nilka-1944")
	if err != nil {
		t.Fatal(err)
	}
	inputs, arms, skipped, err := SensitivityArms(specFor("nilka-1944"), 0.5, func(sp Spec) (Setup, error) { return sp.Load(file, text) })
	if err != nil || len(skipped) != 0 {
		t.Fatalf("%v, skipped %v", err, skipped)
	}
	if len(arms) != 1+2*len(inputs) || arms[0].Label != "base" {
		t.Fatalf("%d arms for %d inputs", len(arms), len(inputs))
	}
	var names []string
	for _, in := range inputs {
		names = append(names, in.Name)
	}
	for _, want := range []string{"insurgents (every unit): strength", "provincial (every unit): strength", "band-mounted: strength", "ghulja-column arrives: date", "telegram: date"} {
		if !slices.Contains(names, want) {
			t.Errorf("no input %q among %v", want, names)
		}
	}
	head := StudyHead{Kind: KindSensitivity, Scenario: "nilka-1944", Delta: 0.5, Inputs: inputs}
	const runs, seed = 30, 1
	st, data := playStudy(t, head, arms, Options{Runs: runs, Seed: seed, Workers: 2})
	rank := func(name string) (int, Effect) {
		for i, e := range st.Effects {
			if e.Name == name {
				return i, e
			}
		}
		t.Fatalf("%s is not ranked", name)
		return 0, Effect{}
	}
	ri, ins := rank("insurgents (every unit): strength")
	rt, tel := rank("telegram: date")
	t.Logf("insurgents' strength: rank %d, %+.1f points (%+.1f to %+.1f); telegram: rank %d, %+.1f", ri+1, 100*ins.Diff, 100*ins.Lo, 100*ins.Hi, rt+1, 100*tel.Diff)
	if ri >= rt || ins.Diff <= 0 || ins.Lo <= 0 || tel.Diff != 0 || tel.Lo > 0 || tel.Hi < 0 {
		t.Errorf("the insurgents' strength ranks %d (%+v), the telegram's date %d (%+v)", ri+1, ins, rt+1, tel)
	}
	back, err := ReadStudy("s.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if m, err := MergeStudies([]*Study{back}); err != nil || len(m.Effects) != len(inputs) || m.Effects[ri].Name != ins.Name {
		t.Errorf("the study read back ranks otherwise: %v", err)
	}
	var text2, png bytes.Buffer
	enc, _ := NewStudyEncoder("text", &text2)
	st.Encode(enc)
	if !strings.Contains(text2.String(), "RANK  INPUT") || !strings.Contains(text2.String(), "telegram: date") {
		t.Errorf("the text:\n%s", text2.String())
	}
	if err := st.WriteChart(&png); err != nil || !bytes.HasPrefix(png.Bytes(), []byte("\x89PNG")) {
		t.Errorf("the tornado: %v", err)
	}
}
