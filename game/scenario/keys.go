package scenario

import (
	"fmt"
	"slices"
	"strings"
)

// The kinds of value a key holds, as the Table's readers read them.
const (
	kindAny      = ""         // read raw (Get), and checked by its own code
	kindString   = "string"   // Str
	kindText     = "text"     // Text: prose whose lines are joined
	kindInteger  = "integer"  // Int
	kindNumber   = "number"   // Number
	kindBoolean  = "boolean"  // Bool
	kindChoice   = "choice"   // Choice
	kindDate     = "date"     // Date
	kindStrings  = "strings"  // Strings
	kindIntegers = "integers" // ints: a fixed number of whole numbers
	kindList     = "list"     // list: checked element by element
	kindYear     = "year"     // Year
	kindTable    = "table"    // Sub
	kindTables   = "tables"   // Tables
	kindKeys     = "keys"     // keys: a table whose keys are data
)

// KeyRead is how the decoder read one key once: what a watched Reader passes
// to its watcher, from which the reference and the schema are made.
type KeyRead struct {
	Path     string // the key's path without indices ("unit.men"); a key that is data is "*"
	Table    string // the path of the table it stands in
	Kind     string
	Required bool
	Default  any // the value a missing key stands for; nil if none
	Min, Max float64
	HasRange bool
	Options  []string // a choice's values, the first the default
	Len      int      // how many whole numbers a kindIntegers holds
}

// note tells the Reader's watcher, if it has one, that key of the table is
// read as r says ("" for the table itself).
func (t *Table) note(key string, r KeyRead) {
	if t.r.watch == nil {
		return
	}
	r.Table = arrayIndex.ReplaceAllString(t.Path, "")
	r.Path = r.Table
	if key != "" {
		r.Path = wild(r.Table, key)
	}
	t.r.watch(r)
}

// wild is the path of key in table, unquoted: the paths of the reference
// name keys as a file writes them, and "*" stands for any key.
func wild(table, key string) string {
	if table == "" {
		return key
	}
	return table + "." + key
}

// Key is a key of a file as the decoder reads it, over every read of it.
type Key struct {
	Path     string
	Kind     string
	Required bool // required in every read
	Optional bool // optional in some read
	Defaults []any
	Min, Max float64
	HasRange bool
	Options  []string
	Len      int
}

// Name is the key's last segment.
func (k *Key) Name() string {
	if i := strings.LastIndexByte(k.Path, '.'); i >= 0 {
		return k.Path[i+1:]
	}
	return k.Path
}

// Parent is the path of the table the key stands in ("" for the top).
func (k *Key) Parent() string {
	if i := strings.LastIndexByte(k.Path, '.'); i >= 0 {
		return k.Path[:i]
	}
	return ""
}

// Keys gathers what the decoder reads, in the order it first reads each
// key: a watcher for one or more Readers.
type Keys struct {
	list  []*Key
	byKey map[string]*Key
	data  map[string]bool // tables whose keys are data
	// Conflicts are reads of one key as two kinds or ranges.
	Conflicts []string
}

// NewKeys returns an empty set of keys.
func NewKeys() *Keys { return &Keys{byKey: map[string]*Key{}, data: map[string]bool{}} }

// Watch records one read.
func (ks *Keys) Watch(r KeyRead) {
	if r.Kind == kindKeys {
		ks.data[r.Path] = true
		return
	}
	if ks.data[r.Table] && r.Path != r.Table {
		r.Path = wild(r.Table, "*")
	}
	k := ks.byKey[r.Path]
	if k == nil {
		k = &Key{Path: r.Path, Required: true}
		ks.byKey[r.Path] = k
		ks.list = append(ks.list, k)
	}
	ks.merge(k, r)
}

// merge adds a read to a key: the first kind other than kindAny stands
// (Text reads its string through Str); a second kind, or a second range or
// list of options, is a conflict.
func (ks *Keys) merge(k *Key, r KeyRead) {
	k.Required = k.Required && r.Required
	k.Optional = k.Optional || !r.Required
	if r.Kind == kindAny {
		return
	}
	if k.Kind == kindAny {
		k.Kind, k.Min, k.Max, k.HasRange, k.Options, k.Len = r.Kind, r.Min, r.Max, r.HasRange, r.Options, r.Len
	} else if k.Kind == kindText && r.Kind == kindString {
		return
	} else if k.Kind != r.Kind || k.Min != r.Min || k.Max != r.Max || !slices.Equal(k.Options, r.Options) || k.Len != r.Len {
		ks.Conflicts = append(ks.Conflicts, fmt.Sprintf("%s is read as %s %g-%g %v and as %s %g-%g %v",
			k.Path, k.Kind, k.Min, k.Max, k.Options, r.Kind, r.Min, r.Max, r.Options))
	}
	if !r.Required && r.Default != nil && !slices.Contains(k.Defaults, r.Default) {
		k.Defaults = append(k.Defaults, r.Default)
	}
}

// List returns the keys in the order the decoder first read them.
func (ks *Keys) List() []*Key { return ks.list }

// Get returns the key at path, or nil.
func (ks *Keys) Get(path string) *Key { return ks.byKey[path] }

// Has reports whether the file has a value at path (indices left out, "*"
// for any key): in some table or element of the document.
func Has(doc map[string]any, path string) bool {
	first, rest, more := strings.Cut(path, ".")
	var vals []any
	if first == "*" {
		for _, v := range doc {
			vals = append(vals, v)
		}
	} else if v, ok := doc[first]; ok {
		vals = append(vals, v)
	}
	if !more {
		return len(vals) > 0
	}
	for _, v := range vals {
		for _, m := range tablesIn(v) {
			if Has(m, rest) {
				return true
			}
		}
	}
	return false
}

// tablesIn returns a table, or the tables of a list of them.
func tablesIn(v any) []map[string]any {
	if m, ok := v.(map[string]any); ok {
		return []map[string]any{m}
	}
	return tablesOf(v)
}
