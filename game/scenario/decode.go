package scenario

import (
	"sort"
	"strconv"
	"strings"
)

// decoder reads a scenario or the catalogue: a Reader, whose errors in
// values that variants and --set overrides moved stand where those put them.
type decoder struct {
	*Reader
	pos positions
	// labels names where overridden values came from ("--set turns=3").
	labels map[string]string
	// fileUnits are the unit IDs of the file before any variant, so that
	// the record may name a unit a variant removes.
	fileUnits map[string]bool
	// overlaid says that variants or --set overrides were applied, which
	// may move the scenario's span away from the record's steps.
	overlaid bool
}

// parse decodes src (see Decode) for a decoder.
func parse(file string, src []byte) (map[string]any, *decoder, error) {
	r, raw := Decode(file, src)
	if raw == nil {
		return nil, nil, r.Err()
	}
	d := &decoder{Reader: r, pos: positions{root: r.At.root}, labels: map[string]string{}}
	r.place, r.terse = d.place, true
	return raw, d, nil
}

// place is where an error at path stands, or at the nearest enclosing path
// the file has: the top of the file if none. An error in a value that --set
// gave says so, and stands where the file has the key, if it has it.
func (d *decoder) place(path string) (Pos, string) {
	for p := path; p != ""; p = parent(p) {
		if label, ok := d.labels[p]; ok {
			at, _ := d.near(path, false)
			return at, label + ": "
		}
	}
	at, _ := d.near(path, true)
	return at, ""
}

// near returns the position of path or of the nearest path around it that
// the file has; the top of the file (line 1, column 1) only if top is set.
func (d *decoder) near(path string, top bool) (Pos, bool) {
	for p := path; p != ""; p = parent(p) {
		if at, ok := d.pos.at(p); ok {
			return at, true
		}
	}
	if top {
		return d.pos.at("")
	}
	return Pos{}, false
}

// parent strips the last segment of a path: "a.b[2].c" -> "a.b[2]" -> "a.b".
func parent(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	depth := 0
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case ']':
			depth++
		case '[':
			depth--
		case '"':
			// quoted segment: skip back to its opening quote
			j := strings.LastIndexByte(p[:i], '"')
			if j >= 0 {
				i = j
			}
		case '.':
			if depth == 0 {
				return p[:i]
			}
		}
	}
	return ""
}

// typeName is TypeName, by the name the package's tests use.
func typeName(v any) string { return TypeName(v) }

// ints reads a list of whole numbers, such as a hex [col, row].
func (t *Table) ints(key string, required bool, n int) ([]int, bool) {
	t.note(key, KeyRead{Kind: kindIntegers, Required: required, Len: n})
	v, ok := t.Get(key, required)
	if !ok {
		return nil, false
	}
	return t.r.intList(t.KeyPath(key), t.What+": key "+strconv.Quote(key), v, n)
}

func (r *Reader) intList(path, what string, v any, n int) ([]int, bool) {
	list, isList := v.([]any)
	if !isList || (n > 0 && len(list) != n) {
		r.Errorf(path, "%s must be a list of %d whole numbers", what, n)
		return nil, false
	}
	out := make([]int, len(list))
	for i, x := range list {
		k, isInt := x.(int64)
		if !isInt {
			r.Errorf(path, "%s must hold whole numbers, not %s", what, TypeName(x))
			return nil, false
		}
		out[i] = int(k)
	}
	return out, true
}

// list reads a list for callers that check each element; of says what the
// list holds, for the error if it is no list ("strings").
func (t *Table) list(key, of string) []any {
	t.note(key, KeyRead{Kind: kindList})
	v, ok := t.Get(key, false)
	if !ok {
		return nil
	}
	list, isList := v.([]any)
	if !isList {
		t.Errorf(key, "must be a list of %s, not %s", of, TypeName(v))
	}
	return list
}

// keys returns the table's keys in order, for tables whose keys are data
// (a legend, who held which place).
func (t *Table) keys() []string {
	t.note("", KeyRead{Kind: kindKeys})
	out := make([]string, 0, len(t.m))
	for k := range t.m {
		if k != originKey {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
