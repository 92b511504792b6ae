package whatif

import (
	"errors"
	"fmt"
	"ili/game/match"
	"maps"
	"slices"
	"sort"
	"strings"
)

// Merge joins batches of the same setup split by seed range into one. It
// first checks each batch (see checkHead and checkResults) and that they are of one setup, and
// refuses with a sentence that names the batch, by its File or as "batch
// N", and the line and column where it can.
func Merge(reps []*Report) (*Report, error) {
	if len(reps) == 0 {
		return nil, errors.New("there are no batches to merge")
	}
	names := make([]string, len(reps))
	for i, r := range reps {
		names[i] = batchName(r, i)
		if err := r.checkHead(names[i]); err != nil {
			return nil, err
		}
		if i > 0 {
			if err := r.matches(names[i], reps[0], names[0]); err != nil {
				return nil, err
			}
		}
		if err := r.checkResults(names[i]); err != nil {
			return nil, err
		}
	}
	out := &Report{Head: reps[0].Head}
	results, err := joinResults(reps, names)
	if err != nil {
		return nil, err
	}
	out.Results, out.Runs, out.Seed = results, len(results), results[0].Seed
	t := newTally(out.Head)
	for _, res := range results {
		t.Add(res)
	}
	out.Summary, out.tally = t.Summary(0), t
	return out, nil
}

// batchName is what errors call a batch: its file, or its place in the list.
func batchName(r *Report, i int) string {
	if r.File != "" {
		return r.File
	}
	return fmt.Sprintf("batch %d", i+1)
}

// joinResults puts the batches' results in seed order, refusing a seed that
// two batches hold.
func joinResults(reps []*Report, names []string) ([]Result, error) {
	n := 0
	for _, r := range reps {
		n += len(r.Results)
	}
	all := make([]Result, 0, n)
	for _, r := range reps {
		all = append(all, r.Results...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Seed < all[j].Seed })
	for i := 1; i < len(all); i++ {
		if all[i].Seed == all[i-1].Seed {
			return nil, twice(reps, names, all[i].Seed)
		}
		if all[i].Seed != all[i-1].Seed+1 {
			return nil, gap(reps, names, all[i-1].Seed, all[i].Seed)
		}
	}
	return all, nil
}

// gap says which seeds are missing between two batches: a merged batch is
// one batch of consecutive seeds, as one command would have played it.
func gap(reps []*Report, names []string, last, next uint64) error {
	after, before := "", 0
	for i, r := range reps {
		if n := len(r.Results); n > 0 && r.Results[n-1].Seed == last {
			after = names[i]
		}
		if len(r.Results) > 0 && r.Results[0].Seed == next {
			before = i
		}
	}
	missing := fmt.Sprintf("seed %d is", last+1)
	if next-last > 2 {
		missing = fmt.Sprintf("seeds %d to %d are", last+1, next-1)
	}
	return reps[before].errResult(names[before], 0, "%s missing between %s and this batch; merge every part of the batch (each --shard K/N for K from 1 to N)", missing, after)
}

// twice says which two batches hold a seed.
func twice(reps []*Report, names []string, seed uint64) error {
	var in []int
	for i, r := range reps {
		if _, ok := slices.BinarySearchFunc(r.Results, seed, func(res Result, s uint64) int { return cmpSeed(res.Seed, s) }); ok {
			in = append(in, i)
		}
	}
	if len(in) < 2 {
		return fmt.Errorf("seed %d is in two batches; split batches by seed range", seed)
	}
	a, b := in[0], in[1]
	k, _ := slices.BinarySearchFunc(reps[b].Results, seed, func(res Result, s uint64) int { return cmpSeed(res.Seed, s) })
	return reps[b].errResult(names[b], k, "seed %d is in two batches, this one and %s; split batches by seed range", seed, names[a])
}

func cmpSeed(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// checkHead refuses a batch that is not whole or not consistent: another
// format, no sides, no results, a count of runs other than its results, a
// first seed other than its first result's.
func (r *Report) checkHead(name string) error {
	switch {
	case r.Format != FormatVersion:
		return r.errKey(name, "format", "the batch was written by another version of ili (format %q, not %s); rerun it with this one", r.Format, FormatVersion)
	case len(r.Sides) == 0:
		return r.errKey(name, "sides", "the batch names no sides; it was not written by ili sim")
	case r.Runs < 0:
		return r.errKey(name, "runs", "runs is %d; a batch has one run or more", r.Runs)
	case len(r.Results) == 0:
		return r.errKey(name, "results", "the batch has no results; rerun it with --runs 1 or more")
	case r.Runs != len(r.Results):
		return r.errKey(name, "runs", "runs is %d but the batch holds %d results; the file was cut short or edited", r.Runs, len(r.Results))
	case r.Results[0].Seed != r.Seed:
		return r.errKey(name, "seed", "seed is %d but the first result's seed is %d; the file was edited", r.Seed, r.Results[0].Seed)
	}
	return nil
}

// checkResults refuses seeds out of order or twice in a batch, and a winner
// that is no side of it.
func (r *Report) checkResults(name string) error {
	sides := map[string]bool{"": true}
	for _, s := range r.Sides {
		sides[s] = true
	}
	for i, res := range r.Results {
		if i > 0 && res.Seed <= r.Results[i-1].Seed {
			return r.errResult(name, i, "seed %d comes after seed %d; a batch holds each seed once, in increasing order", res.Seed, r.Results[i-1].Seed)
		}
		if !sides[res.Winner] {
			return r.errResult(name, i, "the winner of seed %d is %q, which is no side of %s (%s) and not a draw", res.Seed, res.Winner, r.Scenario, strings.Join(r.Sides, ", "))
		}
		if side := foreignSide(res, sides); side != "" {
			return r.errResult(name, i, "seed %d names %q, which is no side of %s (%s)", res.Seed, side, r.Scenario, strings.Join(r.Sides, ", "))
		}
		if msg := impossible(res, sides); msg != "" {
			return r.errResult(name, i, "seed %d: %s; the file was edited or is not a batch of ili", res.Seed, msg)
		}
	}
	return nil
}

// foreignSide is the first side, in name order, that a result's losses,
// points or men on the map are counted for and the batch does not have; ""
// if none.
func foreignSide(res Result, sides map[string]bool) string {
	var named []string
	for side := range res.Losses {
		named = append(named, side)
	}
	for side := range res.VP {
		named = append(named, side)
	}
	for side := range res.Field {
		named = append(named, side)
	}
	slices.Sort(named)
	for _, side := range named {
		if !sides[side] {
			return side
		}
	}
	return ""
}

// maxCount bounds every count a result may hold (men, guns, VP): far above
// any game (a scenario has at most 1,000 units of 300,000 men), and far
// inside the 64 bits the summaries sum them in.
const maxCount = 1_000_000_000

// impossible says what in a result no game can give, or "".
func impossible(res Result, sides map[string]bool) string {
	switch {
	case res.Turns < 1 || res.Turns > 1001:
		return fmt.Sprintf("it lasted %d turns; a scenario has 1 to 1,000", res.Turns)
	case res.Commands < 0 || res.Commands > match.MaxCommands:
		return fmt.Sprintf("it gave %d commands; a game gives 0 to %d", res.Commands, match.MaxCommands)
	case res.Refused < 0 || res.Refused > res.Commands:
		return fmt.Sprintf("%d of its %d commands were refused", res.Refused, res.Commands)
	}
	for side, l := range res.Losses {
		for _, n := range []int{l.Men, l.Captured, l.Guns, l.MGs, l.Armour, l.Aircraft} {
			if !sides[side] || n < 0 || n > maxCount {
				return fmt.Sprintf("the losses of %q hold %d", side, n)
			}
		}
	}
	for side, n := range res.VP {
		if !sides[side] || n < -maxCount || n > maxCount {
			return fmt.Sprintf("the victory points of %q are %d", side, n)
		}
	}
	for side, n := range res.Field {
		if !sides[side] || n < 0 || n > maxCount {
			return fmt.Sprintf("the men on the map of %q are %d", side, n)
		}
	}
	for _, c := range res.Captures {
		if !sides[c.Side] || c.Side == "" || c.Turn < 1 || c.Turn > res.Turns {
			return fmt.Sprintf("a capture of %q by %q on turn %d is not of this game", c.Place, c.Side, c.Turn)
		}
	}
	for _, h := range res.Holds {
		if !sides[h.History] || !sides[h.Game] {
			return fmt.Sprintf("%q is held by %q and in history by %q, which are not its sides", h.Place, h.Game, h.History)
		}
	}
	return ""
}

// matches refuses a batch of another setup than the first one.
func (r *Report) matches(name string, first *Report, firstName string) error {
	const one = "only batches of one setup merge"
	switch {
	case r.Scenario != first.Scenario:
		return r.errKey(name, "scenario", "the batch is of scenario %s, not %s like %s; %s", r.Scenario, first.Scenario, firstName, one)
	case r.ScenarioHash != first.ScenarioHash:
		return r.errKey(name, "scenario_hash", "the batch was run on another version of %s's file than %s; rerun it", r.Scenario, firstName)
	case !slices.Equal(r.Variants, first.Variants):
		return r.errKey(name, "variants", "the batch has variants [%s], not [%s] like %s; %s", list(r.Variants), list(first.Variants), firstName, one)
	case !slices.Equal(r.Set, first.Set):
		return r.errKey(name, "set", "the batch has --set values [%s], not [%s] like %s; %s", list(r.Set), list(first.Set), firstName, one)
	case !slices.Equal(r.Scale, first.Scale):
		return r.errKey(name, "scale", "the batch has --scale values [%s], not [%s] like %s; %s", list(r.Scale), list(first.Scale), firstName, one)
	case r.From != first.From:
		return r.errKey(name, "from", "the batch took up the record at %q, not at %q like %s; %s", r.From, first.From, firstName, one)
	case !maps.Equal(r.AI, first.AI):
		return r.errKey(name, "ai", "the batch has other AI levels (%s) than %s (%s); %s", levels(r.AI), firstName, levels(first.AI), one)
	case r.Plan != first.Plan:
		return r.errKey(name, "plan", "the batch was played %s, and %s %s; %s", withPlan(r.Plan), firstName, withPlan(first.Plan), one)
	case r.Label != first.Label:
		return r.errKey(name, "label", "the batch is the setup %q, not %q like %s; %s", r.Label, first.Label, firstName, one)
	case !slices.Equal(r.At, first.At):
		return r.errKey(name, "at", "the batch is the sweep's cell at %v, not at %v like %s; %s", r.At, first.At, firstName, one)
	case !slices.Equal(r.Garrisons, first.Garrisons):
		return r.errKey(name, "garrisons", "the batch's units start in other places than %s's; %s", firstName, one)
	case !slices.Equal(r.Sides, first.Sides):
		return r.errKey(name, "sides", "the batch's sides are [%s], not [%s] like %s; %s", list(r.Sides), list(first.Sides), firstName, one)
	case !slices.Equal(r.Places, first.Places):
		return r.errKey(name, "places", "the batch's places are [%s], not [%s] like %s; %s", list(r.Places), list(first.Places), firstName, one)
	}
	return nil
}

func list(s []string) string { return strings.Join(s, ", ") }

// withPlan says whether the AIs followed the historical plan.
func withPlan(plan bool) string {
	if plan {
		return "with --plan (every AI following its side's historical plan)"
	}
	return "without --plan"
}

// levels writes AI levels as side=level, by side.
func levels(ai map[string]string) string {
	if len(ai) == 0 {
		return "none"
	}
	var out []string
	for _, side := range slices.Sorted(maps.Keys(ai)) {
		out = append(out, side+"="+ai[side])
	}
	return list(out)
}
