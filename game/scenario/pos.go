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
// `map.legend."."` (paths as join and index write them), and whether the
// document has it.
func (n *posNode) find(path string) (Pos, bool) {
	at := n.at
	for i := 0; i < len(path); {
		if n == nil {
			return Pos{}, false
		}
		if path[i] == '[' {
			j := strings.IndexByte(path[i:], ']')
			if j < 0 {
				return Pos{}, false
			}
			k, err := strconv.Atoi(path[i+1 : i+j])
			if err != nil || k < 0 || k >= len(n.elems) {
				return Pos{}, false
			}
			at, n = n.elems[k], n.inner[k]
			i += j + 1
			continue
		}
		if path[i] == '.' && i > 0 {
			i++
		}
		name, w := pathSegment(path[i:])
		if w == 0 || n.keys[name] == nil {
			return Pos{}, false
		}
		n = n.keys[name]
		at = n.at
		i += w
	}
	return at, at.Line > 0
}

// pathSegment reads the key at the start of a path: bare, or quoted as join
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
	path = moved
	if p.root == nil {
		return Pos{}, false
	}
	return p.root.find(path)
}

// move makes errors at path, and within it, point at where the value at
// source stands in the file.
func (p *positions) move(path, source string) {
	if p.alias == nil {
		p.alias = map[string]string{}
	}
	p.alias[path] = source
}

// join appends a key to a path, quoting keys that are not bare.
func join(path, key string) string {
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

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }
