package whatif

import (
	"fmt"
	"maps"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"

	"ili/game/ai"
	"ili/game/scenario"
)

// Spec is a setup as data: what a command line or the lab asks a batch to
// play. Load turns it into the Setup a batch plays; every report records it
// whole, so that a result says what it is the result of.
type Spec struct {
	Scenario string   `json:"scenario"` // a bundled ID or a file's path, as asked
	Variants []string `json:"variants"` // in the order applied
	Set      []string `json:"set"`      // KEY=VALUE overrides, after the variants
	// Scale multiplies strengths: TARGET.FIELD=FACTOR, where TARGET is a
	// side, a unit or a pattern of unit IDs (osman-*), FIELD one of
	// ScaleFields, FACTOR a number such as 1.5 or a percentage such as 150%.
	// It applies to the figures the variants and Set leave.
	Scale []string          `json:"scale"`
	AI    map[string]string `json:"ai"` // level by side; a side not named plays normal
	Plan  bool              `json:"plan"`
	From  string            `json:"from,omitempty"` // take up the record at this date
}

// ScaleFields are the counts --scale multiplies; strength is all of them.
var ScaleFields = []string{"men", "guns", "mgs", "trucks", "horses", "aircraft", "armour", "strength"}

// Check refuses a spec whose lists repeat themselves: a variant given twice
// (which would apply it twice), a scale given twice.
func (sp Spec) Check() error {
	if v := Repeated(sp.Variants); v != "" {
		return fmt.Errorf("the variant %s is given twice; give each variant once", v)
	}
	if s := Repeated(sp.Scale); s != "" {
		return fmt.Errorf("--scale %s is given twice; give it once", s)
	}
	return nil
}

// Repeated is the first item of list that comes again, or "".
func Repeated(list []string) string {
	seen := map[string]bool{}
	for _, v := range list {
		if seen[v] {
			return v
		}
		seen[v] = true
	}
	return ""
}

// Read reads the spec's scenario (a bundled ID, or a file: scenario.Read)
// and loads the setup it describes from it.
func (sp Spec) Read() (Setup, error) {
	file, text, err := scenario.Read(sp.Scenario)
	if err != nil {
		return Setup{}, err
	}
	return sp.Load(file, text)
}

// Load builds the setup the spec describes from a scenario's file name and
// text (see scenario.Read): variants, --set values, scales, AI levels, the
// plan and the date the games take up the record.
func (sp Spec) Load(file string, text []byte) (Setup, error) {
	if err := sp.Check(); err != nil {
		return Setup{}, err
	}
	scaled, err := sp.scaled(file, text)
	if err != nil {
		return Setup{}, err
	}
	sc, err := scenario.Parse(file, text, scenario.Options{Variants: sp.Variants, Set: append(slices.Clone(sp.Set), scaled...), From: sp.From})
	if err != nil {
		return Setup{}, err
	}
	levels := map[string]ai.Level{}
	for _, side := range slices.Sorted(maps.Keys(sp.AI)) {
		if sc.Side(side) == nil {
			return Setup{}, fmt.Errorf("--ai %s=%s: %s has no side %q; its sides are %s", side, sp.AI[side], sc.ID, side, strings.Join(sideIDs(sc), ", "))
		}
		lv, err := ai.ParseLevel(sp.AI[side])
		if err != nil {
			return Setup{}, fmt.Errorf("--ai %s=%s: %v", side, sp.AI[side], err)
		}
		levels[side] = lv
	}
	name := sp.Scenario
	if name == "" {
		name = sc.ID
	}
	return Setup{Scenario: sc, Name: name, Set: slices.Clone(sp.Set), Scale: slices.Clone(sp.Scale), scaled: scaled, Levels: levels, FollowPlans: sp.Plan}, nil
}

func sideIDs(sc *scenario.Scenario) []string {
	var ids []string
	for _, s := range sc.Setup.Sides {
		ids = append(ids, s.ID)
	}
	return ids
}

// scale is one --scale read: the units it names, the fields and the factor.
type scale struct {
	arg    string
	target string
	fields []string
	factor float64
}

// parseScale reads TARGET.FIELD=FACTOR.
func parseScale(arg string) (scale, error) {
	key, val, ok := strings.Cut(arg, "=")
	target, field, dot := strings.Cut(strings.TrimSpace(key), ".")
	if !ok || !dot || target == "" {
		return scale{}, fmt.Errorf("--scale %q: write it as SIDE.FIELD=FACTOR or UNIT.FIELD=FACTOR, such as ina.men=1.5 or osman-*.men=50%%", arg)
	}
	s := scale{arg: arg, target: target}
	switch {
	case field == "strength":
		s.fields = ScaleFields[:len(ScaleFields)-1]
	case slices.Contains(ScaleFields, field):
		s.fields = []string{field}
	default:
		return scale{}, fmt.Errorf("--scale %q: %q is not a count to scale; use %s%s", arg, field, strings.Join(ScaleFields, ", "), scenario.DidYouMean(field, ScaleFields))
	}
	f, err := parseFactor(val)
	if err != nil {
		return scale{}, fmt.Errorf("--scale %q: %v", arg, err)
	}
	s.factor = f
	return s, nil
}

// parseFactor reads a factor: a number (1.5) or a percentage (150%), from
// 0 to 100.
func parseFactor(val string) (float64, error) {
	val = strings.TrimSpace(val)
	pct := strings.HasSuffix(val, "%")
	f, err := strconv.ParseFloat(strings.TrimSuffix(val, "%"), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("the factor %q is not a number; give one such as 1.5 or 150%%", val)
	}
	if pct {
		f /= 100
	}
	if f < 0 || f > 100 {
		return 0, fmt.Errorf("the factor %s is out of range; give one from 0 to 100 (0%% to 10000%%)", val)
	}
	return f, nil
}

// scaled turns the spec's scales into --set values on the figures the
// variants and the --set values leave (the file's, before the record is
// taken up): each unit a scale names gets each field multiplied by the
// product of the factors that name it, rounded to whole men or pieces.
func (sp Spec) scaled(file string, text []byte) ([]string, error) {
	if len(sp.Scale) == 0 {
		return nil, nil
	}
	var scales []scale
	for _, arg := range sp.Scale {
		s, err := parseScale(arg)
		if err != nil {
			return nil, err
		}
		scales = append(scales, s)
	}
	sc, err := scenario.Parse(file, text, scenario.Options{Variants: sp.Variants, Set: sp.Set})
	if err != nil {
		return nil, err
	}
	factor := map[string]map[string]float64{} // unit -> field -> product
	for _, s := range scales {
		units, err := s.units(sc)
		if err != nil {
			return nil, err
		}
		for _, u := range units {
			if factor[u] == nil {
				factor[u] = map[string]float64{}
			}
			for _, f := range s.fields {
				if _, ok := factor[u][f]; !ok {
					factor[u][f] = 1
				}
				factor[u][f] *= s.factor
			}
		}
	}
	var sets []string
	for _, u := range sc.Units {
		for _, f := range ScaleFields[:len(ScaleFields)-1] {
			k, ok := factor[u.ID][f]
			if !ok {
				continue
			}
			v := unitCount(u.Men, u.Guns, u.MGs, u.Trucks, u.Horses, u.Aircraft, u.Armour, f)
			if n := int(math.Round(float64(v) * k)); n != v {
				sets = append(sets, fmt.Sprintf("unit.%s.%s=%d", u.ID, f, n))
			}
		}
	}
	return sets, nil
}

// unitCount picks one field of a unit's counts.
func unitCount(men, guns, mgs, trucks, horses, aircraft, armour int, field string) int {
	return map[string]int{"men": men, "guns": guns, "mgs": mgs, "trucks": trucks, "horses": horses, "aircraft": aircraft, "armour": armour}[field]
}

// units are the units a scale names: every unit of a side, one unit, or
// the units whose IDs match a pattern (path.Match: osman-* ).
func (s scale) units(sc *scenario.Scenario) ([]string, error) {
	var out []string
	if sc.Side(s.target) != nil {
		for _, u := range sc.Units {
			if u.Side == s.target {
				out = append(out, u.ID)
			}
		}
		return out, nil
	}
	var ids []string
	for _, u := range sc.Units {
		ids = append(ids, u.ID)
		if ok, err := path.Match(s.target, u.ID); err != nil {
			return nil, fmt.Errorf("--scale %q: %q is not a pattern of unit IDs (%v)", s.arg, s.target, err)
		} else if ok {
			out = append(out, u.ID)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--scale %q: %q is no side of %s (%s) and names none of its units%s", s.arg, s.target, sc.ID, strings.Join(sideIDs(sc), ", "), scenario.DidYouMean(s.target, append(sideIDs(sc), ids...)))
	}
	return out, nil
}

// With is the spec with a setup's changes on top: more variants, --set
// values applied after its own, more scales, AI levels that replace its
// own for their sides, and the plan switched on.
func (sp Spec) With(ch Change) Spec {
	out := sp
	out.Variants = append(slices.Clone(sp.Variants), ch.Variants...)
	out.Set = append(slices.Clone(sp.Set), ch.Set...)
	out.Scale = append(slices.Clone(sp.Scale), ch.Scale...)
	out.AI = maps.Clone(sp.AI)
	if len(ch.AI) > 0 && out.AI == nil {
		out.AI = map[string]string{}
	}
	maps.Copy(out.AI, ch.AI)
	out.Plan = sp.Plan || ch.Plan
	return out
}

// Change is what one setup of a comparison changes from the common one.
type Change struct {
	Label    string // as the command line wrote it
	Variants []string
	Set      []string
	Scale    []string
	AI       map[string]string
	Plan     bool
}

// ParseChange reads one setup of --compare: base, or parts joined by +,
// each a variant ID, set:KEY=VALUE, scale:TARGET.FIELD=FACTOR,
// ai:SIDE=LEVEL or plan (zhu-15000+osman-1200, set:unit.ili-1.men=900,
// ai:roc=hard+plan).
func ParseChange(s string) (Change, error) {
	s = strings.TrimSpace(s)
	ch := Change{Label: s}
	if s == "" {
		return ch, fmt.Errorf("a setup is empty; write base, a variant, set:KEY=VALUE, scale:SIDE.FIELD=FACTOR, ai:SIDE=LEVEL or plan, joined by +")
	}
	if s == "base" {
		return ch, nil
	}
	for _, part := range strings.Split(s, "+") {
		kind, rest, typed := strings.Cut(part, ":")
		switch {
		case part == "plan":
			ch.Plan = true
		case part == "base":
			return ch, fmt.Errorf("%q: base stands alone; it is the setup the other flags give", s)
		case typed && kind == "set":
			ch.Set = append(ch.Set, rest)
		case typed && kind == "scale":
			if _, err := parseScale(rest); err != nil {
				return ch, err
			}
			ch.Scale = append(ch.Scale, rest)
		case typed && kind == "ai":
			side, lv, ok := strings.Cut(rest, "=")
			if !ok || side == "" {
				return ch, fmt.Errorf("%q: write an AI level as ai:SIDE=LEVEL, such as ai:roc=hard", part)
			}
			if ch.AI == nil {
				ch.AI = map[string]string{}
			}
			ch.AI[side] = lv
		case typed:
			return ch, fmt.Errorf("%q: %q is not a kind of change; use set:, scale: or ai:", part, kind)
		case part == "":
			return ch, fmt.Errorf("%q has an empty part between its + signs", s)
		default:
			ch.Variants = append(ch.Variants, part)
		}
	}
	return ch, nil
}

// Describe says a spec in one line: its variants, --set values, scales,
// AI levels, the plan and the date the record is taken up at; sides the
// AI map leaves out play normal, and it says so where sides are given.
func (sp Spec) Describe(sides []string) string {
	var parts []string
	if len(sp.Variants) > 0 {
		parts = append(parts, "variants "+strings.Join(sp.Variants, ", "))
	} else {
		parts = append(parts, "no variants")
	}
	if len(sp.Set) > 0 {
		parts = append(parts, "--set "+strings.Join(sp.Set, ", "))
	}
	if len(sp.Scale) > 0 {
		parts = append(parts, "--scale "+strings.Join(sp.Scale, ", "))
	}
	parts = append(parts, "AI "+aiLevels(sp.AI, sides))
	if sp.Plan {
		parts = append(parts, "every AI following its side's historical plan (--plan)")
	}
	if sp.From != "" {
		parts = append(parts, "from the record at "+sp.From)
	}
	return strings.Join(parts, "; ")
}

// aiLevels writes the AI levels as side=level, in the sides' order (sides
// not named play normal), or by name where no sides are given.
func aiLevels(levels map[string]string, sides []string) string {
	if len(sides) == 0 {
		sides = slices.Sorted(maps.Keys(levels))
	}
	if len(sides) == 0 {
		return "normal"
	}
	var out []string
	for _, s := range sides {
		lv := levels[s]
		if lv == "" {
			lv = ai.Normal.String()
		}
		out = append(out, s+"="+lv)
	}
	return strings.Join(out, ", ")
}
