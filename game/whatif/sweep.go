package whatif

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// MaxSweepValues is the most values one key of a sweep takes, and
// MaxSweepKeys the most keys a sweep varies at once.
const (
	MaxSweepValues = 100
	MaxSweepKeys   = 2
)

// ParseSweep reads KEY=FROM:TO:STEP: a --set key (unit.ili-1.men,
// turns) or scale:TARGET.FIELD (scale:ina.men), and the values from FROM
// to TO by STEP, both ends included where the steps reach them.
func ParseSweep(arg string) (SweepKey, error) {
	key, rng, ok := strings.Cut(arg, "=")
	key = strings.TrimSpace(key)
	parts := strings.Split(rng, ":")
	if !ok || key == "" || len(parts) != 3 {
		return SweepKey{}, fmt.Errorf("--sweep %q: write it as KEY=FROM:TO:STEP, such as unit.old-town-groups.men=500:1300:200 or scale:ina.men=0.5:1.5:0.25", arg)
	}
	if sk, isScale := strings.CutPrefix(key, "scale:"); isScale {
		if _, err := parseScale(sk + "=1"); err != nil {
			return SweepKey{}, fmt.Errorf("--sweep %q: %v", arg, err)
		}
	} else if strings.Count(key, ".") != 0 && strings.Count(key, ".") != 2 {
		return SweepKey{}, fmt.Errorf("--sweep %q: the key must be a top-level key (turns), kind.id.key (unit.ili-1.men) or scale:TARGET.FIELD (scale:ina.men)", arg)
	}
	var v [3]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return SweepKey{}, fmt.Errorf("--sweep %q: %q is not a number; write FROM:TO:STEP with numbers, such as 500:1300:200", arg, p)
		}
		v[i] = f
	}
	from, to, step := v[0], v[1], v[2]
	switch {
	case step == 0:
		return SweepKey{}, fmt.Errorf("--sweep %q: the step is 0; give a step that goes from %s to %s", arg, value(from), value(to))
	case (to-from)*step < 0:
		return SweepKey{}, fmt.Errorf("--sweep %q: a step of %s never goes from %s to %s; give it the other sign", arg, value(step), value(from), value(to))
	}
	nf := math.Floor((to-from)/step+1e-9) + 1
	if !(nf <= MaxSweepValues) { // NaN and infinities too
		return SweepKey{}, fmt.Errorf("--sweep %q gives %s values; give at most %d (a larger step)", arg, strconv.FormatFloat(nf, 'g', 3, 64), MaxSweepValues)
	}
	n := int(nf)
	sk := SweepKey{Key: key}
	for i := 0; i < n; i++ {
		x := from + float64(i)*step
		// Round away the float error of the steps: to nine significant
		// digits, which every value a person types keeps.
		x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', 9, 64), 64)
		sk.Values = append(sk.Values, x)
	}
	return sk, nil
}

// Cell is the spec of a sweep's cell: base with each key at its value,
// as a --set value or a scale after base's own, and the cell's label.
func Cell(base Spec, keys []SweepKey, at []float64) (Spec, string) {
	var ch Change
	var label []string
	for i, k := range keys {
		if sk, isScale := strings.CutPrefix(k.Key, "scale:"); isScale {
			ch.Scale = append(ch.Scale, sk+"="+value(at[i]))
		} else {
			ch.Set = append(ch.Set, k.Key+"="+value(at[i]))
		}
		label = append(label, k.Key+"="+value(at[i]))
	}
	return base.With(ch), strings.Join(label, ", ")
}

// Cells are the values of every cell of a sweep, the first key's outer.
func Cells(keys []SweepKey) [][]float64 {
	out := [][]float64{nil}
	for _, k := range keys {
		var next [][]float64
		for _, c := range out {
			for _, v := range k.Values {
				next = append(next, append(append([]float64(nil), c...), v))
			}
		}
		out = next
	}
	return out
}
