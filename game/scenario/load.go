package scenario

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"ili/game/files"
	"ili/scenarios"
)

// Options choose what to load on top of a scenario file.
type Options struct {
	Variants  []string   // variant IDs to apply, in order
	Set       []string   // key=value overrides, applied after the variants
	Catalogue *Catalogue // nil: the bundled catalogue
	// From takes command from the record at that date (see ParseFrom):
	// the game begins at the situation the course of events gives then.
	From string
}

// ErrNotFound is returned for a scenario name that is neither bundled nor a file.
var ErrNotFound = errors.New("scenario not found")

type notFoundError struct{ msg string }

func (e notFoundError) Error() string        { return e.msg }
func (e notFoundError) Is(target error) bool { return target == ErrNotFound }

// Bundled lists the IDs of the scenarios built into the game, sorted.
func Bundled() []string {
	entries, _ := fs.ReadDir(scenarios.FS, ".")
	var ids []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".toml") && name != "units.toml" {
			ids = append(ids, strings.TrimSuffix(name, ".toml"))
		}
	}
	sort.Strings(ids)
	return ids
}

// Read returns the file name and text of a scenario: a bundled ID such as
// ghulja-1944, or a path to a .toml file.
func Read(name string) (string, []byte, error) {
	if isPath(name) {
		src, err := files.Read(name, MaxSize)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return name, nil, notFoundError{name + ": there is no such file; give the path of a scenario file or a bundled id from 'ili list'"}
			}
			return name, nil, err
		}
		return name, src, nil
	}
	src, err := scenarios.FS.ReadFile(name + ".toml")
	if err != nil {
		return name, nil, notFoundError{fmt.Sprintf("%q is neither a bundled scenario nor a .toml file; run 'ili list' to see the scenarios", name)}
	}
	return "scenarios/" + name + ".toml", src, nil
}

// Canonical is how a record names a scenario so that it loads from any
// folder: a bundled ID as it is, a file by its absolute path.
func Canonical(name string) string {
	if !isPath(name) {
		return name
	}
	if abs, err := filepath.Abs(name); err == nil {
		return abs
	}
	return name
}

// isPath reports whether a scenario's name is a file's path rather than a
// bundled ID.
func isPath(name string) bool {
	return strings.HasSuffix(name, ".toml") || strings.ContainsRune(name, filepath.Separator) || strings.ContainsRune(name, '/')
}

// Load reads, checks and builds a scenario by bundled ID or path.
func Load(name string, opt Options) (*Scenario, error) {
	file, src, err := Read(name)
	if err != nil {
		return nil, err
	}
	return Parse(file, src, opt)
}

// Parse checks and builds a scenario from its text. Every problem found is
// returned together as Errors, in file order.
func Parse(file string, src []byte, opt Options) (*Scenario, error) {
	cat := opt.Catalogue
	if cat == nil {
		var err error
		if cat, err = DefaultCatalogue(); err != nil {
			return nil, err
		}
	}
	raw, d, err := parse(file, src)
	if err != nil {
		return nil, err
	}
	if err := checkFormat(raw, d, "scenario"); err != nil {
		return nil, err
	}
	stamp(raw)
	d.fileUnits = fileUnitIDs(raw)
	for _, v := range opt.Variants {
		if err := applyVariant(raw, d, v); err != nil {
			return nil, err
		}
	}
	for _, s := range opt.Set {
		if err := applySet(raw, d, s); err != nil {
			return nil, err
		}
	}
	d.overlaid = len(opt.Variants)+len(opt.Set) > 0
	sc := decodeScenario(raw, d, cat)
	if err := d.Err(); err != nil {
		return nil, err
	}
	sc.Applied = append([]string(nil), opt.Variants...)
	sc.Warnings = d.Warnings()
	sc.TextHash = TextHash(src)
	if opt.From != "" {
		from, err := ParseFrom(opt.From)
		if err != nil {
			return nil, err
		}
		if err := sc.takeFrom(from); err != nil {
			return nil, err
		}
	}
	return sc, nil
}

// fileUnitIDs are the ids of the file's units before any variant, which
// the record may name though a variant removes them.
func fileUnitIDs(raw map[string]any) map[string]bool {
	ids := map[string]bool{}
	for _, u := range tablesOf(raw["unit"]) {
		if id, ok := u["id"].(string); ok {
			ids[id] = true
		}
	}
	return ids
}

// overlaid lists the arrays of tables that variants and --set can change.
var overlaid = []string{"unit", "event", "place", "side"}

// stamp marks every table of the overlaid arrays with its path in the file,
// so that errors keep pointing at the right line after variants reorder them.
func stamp(raw map[string]any) {
	for _, k := range overlaid {
		for i, m := range tablesOf(raw[k]) {
			m[originKey] = index(k, i)
		}
	}
}

func tablesOf(v any) []map[string]any {
	switch x := v.(type) {
	case []map[string]any:
		return x
	case []any:
		var out []map[string]any
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// applyVariant applies the variant with the given ID to the raw document.
func applyVariant(raw map[string]any, d *decoder, id string) error {
	var v map[string]any
	var vpath string
	var ids []string
	for i, m := range tablesOf(raw["variant"]) {
		vid, _ := m["id"].(string)
		ids = append(ids, vid)
		if vid == id {
			v, vpath = m, index("variant", i)
		}
	}
	if v == nil {
		if len(ids) == 0 {
			return fmt.Errorf("unknown variant %q: this scenario has no variants", id)
		}
		return fmt.Errorf("unknown variant %q: this scenario has %s%s", id, strings.Join(ids, ", "), DidYouMean(id, ids))
	}
	label := fmt.Sprintf("variant %q", id)
	var errs Errors
	fail := func(path, format string, args ...any) {
		pos, _ := d.near(path, true)
		errs = append(errs, Error{File: d.File, Pos: pos, Msg: label + ": " + fmt.Sprintf(format, args...)})
	}
	remove := func(key, kind string) {
		list, _ := v[key].([]any)
		for i, x := range list {
			rid, _ := x.(string)
			kept, found := []map[string]any{}, false
			for _, m := range tablesOf(raw[kind]) {
				if m["id"] == rid {
					found = true
					continue
				}
				kept = append(kept, m)
			}
			if !found {
				fail(index(join(vpath, key), i), "there is no %s %q to remove%s", kind, rid, DidYouMean(rid, idsOf(raw, kind)))
			}
			raw[kind] = kept
		}
	}
	remove("remove", "unit")
	remove("remove_events", "event")
	for j, add := range tablesOf(v["add"]) {
		add[originKey] = index(join(vpath, "add"), j)
		raw["unit"] = append(tablesOf(raw["unit"]), add)
	}
	for j, ch := range tablesOf(v["change"]) {
		applyChange(raw, d, ch, index(join(vpath, "change"), j), fail)
	}
	if set, ok := v["set"].(map[string]any); ok {
		for k, val := range set {
			raw[k] = val
			d.pos.move(join("", k), join(join(vpath, "set"), k))
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// applyChange applies one of a variant's changes, at cpath in the file, to
// the unit, event, place or side it names; fail reports what is wrong.
func applyChange(raw map[string]any, d *decoder, ch map[string]any, cpath string, fail func(path, format string, args ...any)) {
	kind, target := "", ""
	for _, k := range overlaid { // first match: a unit's change may move it to a place
		if s, ok := ch[k].(string); ok {
			kind, target = k, s
			break
		}
	}
	if kind == "" {
		fail(cpath, "each change must name the unit, event, place or side it changes")
		return
	}
	m := findTable(raw, kind, target)
	if m == nil {
		fail(join(cpath, kind), "there is no %s %q to change%s", kind, target, DidYouMean(target, idsOf(raw, kind)))
		return
	}
	for k, val := range ch {
		if k == kind || k == originKey {
			continue
		}
		m[k] = val
		if origin, ok := m[originKey].(string); ok {
			d.pos.move(join(origin, k), join(cpath, k))
		}
	}
}

// idsOf lists the ids of the tables of an array, such as every unit's.
func idsOf(raw map[string]any, kind string) []string {
	var ids []string
	for _, m := range tablesOf(raw[kind]) {
		if id, ok := m["id"].(string); ok {
			ids = append(ids, id)
		}
	}
	return ids
}

func findTable(raw map[string]any, kind, id string) map[string]any {
	for _, m := range tablesOf(raw[kind]) {
		if m["id"] == id {
			return m
		}
	}
	return nil
}

// applySet applies one --set override: "key=value" for a top-level key
// (turns=8, fog=false) or "kind.id.key=value" for a unit, event, place or side
// (unit.ili-1.men=900). The value is read as TOML (a number, true/false, a
// date, a "string"); anything else counts as a bare string.
func applySet(raw map[string]any, d *decoder, s string) error {
	key, val, ok := strings.Cut(s, "=")
	key = strings.TrimSpace(key)
	shown := shorten(s)
	if !ok || key == "" {
		return fmt.Errorf("--set %q: write it as key=value, such as turns=8 or unit.ili-1.men=900", shown)
	}
	if strings.ContainsFunc(key, unicode.IsControl) {
		return fmt.Errorf("--set %q: the key holds a control character; keys hold only characters that can be seen", shown)
	}
	value, err := setValue(strings.TrimSpace(val))
	if err != nil {
		return fmt.Errorf("--set %q: %s", shown, err.Msg)
	}
	label := "--set " + shown
	parts := strings.Split(key, ".")
	switch len(parts) {
	case 1:
		raw[key] = value
		d.labels[key] = label
	case 3:
		kind, id, field := parts[0], parts[1], parts[2]
		known := false
		for _, k := range overlaid {
			known = known || k == kind
		}
		if !known {
			return fmt.Errorf("--set %q: %q is not something to set; use unit, event, place or side, such as unit.ili-1.men=900%s", shown, kind, DidYouMean(kind, overlaid))
		}
		m := findTable(raw, kind, id)
		if m == nil {
			return fmt.Errorf("--set %q: there is no %s %q in this scenario%s", shown, kind, id, DidYouMean(id, idsOf(raw, kind)))
		}
		if field == "id" {
			return fmt.Errorf("--set %q: an id cannot be changed", shown)
		}
		m[field] = value
		if origin, ok := m[originKey].(string); ok {
			d.labels[join(origin, field)] = label
		}
	default:
		return fmt.Errorf("--set %q: the key must be a top-level key (turns) or kind.id.key (unit.ili-1.men)", shown)
	}
	return nil
}

// setValue reads the value of a --set as TOML, or as a bare string if it is
// not TOML; a value that nests too deeply for the TOML parser is an error.
func setValue(val string) (any, *Error) {
	text := "v = " + val
	if _, err := scan(text); err != nil {
		return nil, err
	}
	var doc map[string]any
	if _, err := toml.Decode(text, &doc); err != nil {
		return val, nil
	}
	if k, ok := controlKey(doc["v"]); ok {
		return nil, &Error{Msg: fmt.Sprintf("key %q holds a control character; keys hold only characters that can be seen", k)}
	}
	return doc["v"], nil
}

// controlKey returns a key within v that holds a control character, if any.
func controlKey(v any) (string, bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if strings.ContainsFunc(k, unicode.IsControl) {
				return k, true
			}
			if k, ok := controlKey(e); ok {
				return k, true
			}
		}
	case []any:
		for _, e := range x {
			if k, ok := controlKey(e); ok {
				return k, true
			}
		}
	}
	return "", false
}

// shorten cuts a --set argument to a length that an error can quote.
func shorten(s string) string {
	const most = 80
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}
