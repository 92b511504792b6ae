package scenario

import (
	"strconv"
	"strings"
)

// Pos is a place in a file: line and column, both from 1 (the column counts
// characters, not bytes).
type Pos struct{ Line, Col int }

// posNode is where one key or array element stands, and the keys and elements
// within it: a tree shaped like the document, so that the positions of a file
// take memory in proportion to the file, however long its keys.
type posNode struct {
	at    Pos
	keys  map[string]*posNode
	elems []Pos            // where each array element starts
	inner map[int]*posNode // the elements that hold keys or elements of their own
}

// key returns the child of n named name, adding it if need be.
func (n *posNode) key(name string) *posNode {
	if c := n.keys[name]; c != nil {
		return c
	}
	if n.keys == nil {
		n.keys = map[string]*posNode{}
	}
	c := &posNode{}
	n.keys[name] = c
	return c
}

// elem returns the node of element i of n, adding it if need be.
func (n *posNode) elem(i int) *posNode {
	if c := n.inner[i]; c != nil {
		return c
	}
	if n.inner == nil {
		n.inner = map[int]*posNode{}
	}
	c := &posNode{at: n.elems[i]}
	n.inner[i] = c
	return c
}

// find returns the position of a path such as "unit[3].men" or
// `map.legend."."` (paths as Join and Index write them), and whether the
// document has it.
func (n *posNode) find(path string) (Pos, bool) {
	at, _ := n.follow(path)
	return at, at.Line > 0
}

// follow walks path down from n as far as the document has it. It returns
// the position of the whole path (zero if the document does not have it)
// and that of the deepest part of the path, n itself included, that has one.
func (n *posNode) follow(path string) (whole, near Pos) {
	if n == nil {
		return Pos{}, Pos{}
	}
	at := n.at
	near = at
	for i := 0; i < len(path); {
		if n == nil {
			return Pos{}, near
		}
		if path[i] == '[' {
			j := strings.IndexByte(path[i:], ']')
			if j < 0 {
				return Pos{}, near
			}
			k, err := strconv.Atoi(path[i+1 : i+j])
			if err != nil || k < 0 || k >= len(n.elems) {
				return Pos{}, near
			}
			at, n = n.elems[k], n.inner[k]
			i += j + 1
		} else {
			if path[i] == '.' && i > 0 {
				i++
			}
			name, w := pathSegment(path[i:])
			if w == 0 || n.keys[name] == nil {
				return Pos{}, near
			}
			n = n.keys[name]
			at = n.at
			i += w
		}
		if at.Line > 0 {
			near = at
		}
	}
	return at, near
}

// pathSegment reads the key at the start of a path: bare, or quoted as Join
// quotes it. It returns the key and its length in the path (0 if none).
func pathSegment(p string) (string, int) {
	if strings.HasPrefix(p, `"`) {
		q, err := strconv.QuotedPrefix(p)
		if err != nil {
			return "", 0
		}
		name, _ := strconv.Unquote(q)
		return name, len(q)
	}
	w := 0
	for w < len(p) && p[w] != '.' && p[w] != '[' {
		w++
	}
	return p[:w], w
}

// positions is where every key and element of a document stands, plus the
// aliases that variants make when they move a value: an error in the moved
// value points at the variant that put it there.
type positions struct {
	root  *posNode
	alias map[string]string // path in the document as decoded -> path in the file
}

// at returns the position of path, or false if the file does not have it.
func (p *positions) at(path string) (Pos, bool) {
	best, moved := "", path
	for from, to := range p.alias { // the longest alias that path is in
		rest, ok := strings.CutPrefix(path, from)
		if ok && len(from) > len(best) && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			best, moved = from, to+rest
		}
	}
	return Positions{p.root}.At(moved)
}

// move makes errors at path, and within it, point at where the value at
// source stands in the file.
func (p *positions) move(path, source string) {
	if p.alias == nil {
		p.alias = map[string]string{}
	}
	p.alias[path] = source
}

// Join appends a key to a path, as Positions reads paths: "unit[3]" and
// "men" make "unit[3].men"; a key that is not bare is quoted, so that "."
// under "map.legend" makes `map.legend."."`.
func Join(path, key string) string {
	seg := key
	for i := 0; i < len(key); i++ {
		if !isBare(key[i]) {
			seg = strconv.Quote(key)
			break
		}
	}
	if seg == "" {
		seg = `""`
	}
	if path == "" {
		return seg
	}
	return path + "." + seg
}

// Index appends an array index to a path: "unit" and 3 make "unit[3]", the
// fourth [[unit]] table or the fourth element of unit = [...].
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// join and index are Join and Index, by the names the package uses.
func join(path, key string) string { return Join(path, key) }

func index(path string, i int) string { return Index(path, i) }

// Positions is where the keys, tables and array elements of a TOML text
// stand, by path as Join and Index write paths: "title" for a key at the
// top, "unit[3]" for the fourth [[unit]] header (or the fourth element of
// unit = [...]), "unit[3].men" for a key in it, `map.legend."."` for a
// quoted key. A [table] or [[table]] stands at its opening bracket; a key
// at the last part of its name (b in a.b = 1), and a part before the last
// where it is first named; an element where its value starts. Positions
// take memory in proportion to the text, however long its keys.
type Positions struct{ root *posNode }

// Locate finds where the keys, tables and elements of a TOML text stand, in
// one pass linear in the text. It is meant for a text that the TOML library
// has parsed (so that the keys an error names are found where the text has
// them), but returns on any text with what it found, and it stops at the
// first value nested more than MaxDepth deep or key path longer than
// MaxKeyPath. A byte-order mark at the start takes no column.
func Locate(src []byte) Positions { return Positions{locate(string(src))} }

// At returns where path stands in the text, and whether the text has it.
// The empty path is the top of the text, at line 1, column 1.
func (p Positions) At(path string) (Pos, bool) { return p.root.find(path) }

// Near returns where path stands in the text or, if the text does not have
// it, where the nearest table, key or element around it stands that the
// text has: the [[unit]] header for a key missing from it, line 1, column 1
// when nothing is.
func (p Positions) Near(path string) Pos {
	_, near := p.root.follow(path)
	if near.Line == 0 {
		return Pos{1, 1}
	}
	return near
}
