package scenario

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a place in a file: line and column, both from 1 (the column counts
// characters, not bytes).
type Pos struct{ Line, Col int }

// locate maps every key and array element of a TOML document to its position,
// by path: "map.width", "unit[3].men", "map.rows[2]", "variant[0].add[1].id".
// The TOML library parses and types the document; this small scanner only finds
// where each piece stands, so that every error can name its line and column.
// It assumes the document already parsed without error.
func locate(src string) map[string]Pos {
	l := &locator{src: src, line: 1, col: 1, out: map[string]Pos{}, arrays: map[string]int{}}
	l.document()
	return l.out
}

type locator struct {
	src       string
	i         int
	line, col int
	out       map[string]Pos
	arrays    map[string]int // array-of-tables path -> elements so far
	table     string         // current table path
}

func (l *locator) peek() byte {
	if l.i < len(l.src) {
		return l.src[l.i]
	}
	return 0
}

func (l *locator) next() {
	if l.i >= len(l.src) {
		return
	}
	if l.src[l.i] == '\n' {
		l.line++
		l.col = 1
		l.i++
		return
	}
	_, n := utf8.DecodeRuneInString(l.src[l.i:])
	l.i += n
	l.col++
}

func (l *locator) pos() Pos { return Pos{l.line, l.col} }

func (l *locator) has(s string) bool { return strings.HasPrefix(l.src[l.i:], s) }

func (l *locator) skip(s string) {
	for range len(s) {
		l.next()
	}
}

// space skips blanks, and newlines and comments too when multiline.
func (l *locator) space(multiline bool) {
	for l.i < len(l.src) {
		switch c := l.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			l.next()
		case c == '\n' && multiline:
			l.next()
		case c == '#':
			for l.i < len(l.src) && l.peek() != '\n' {
				l.next()
			}
		default:
			return
		}
	}
}

func (l *locator) document() {
	for l.i < len(l.src) {
		l.space(true)
		if l.i >= len(l.src) {
			return
		}
		if l.peek() == '[' {
			l.header()
			continue
		}
		start := len(l.out)
		l.keyValue(l.table)
		if len(l.out) == start && l.i < len(l.src) {
			l.next() // never stall on something unexpected
		}
	}
}

func (l *locator) header() {
	at := l.pos()
	double := l.has("[[")
	if double {
		l.skip("[[")
	} else {
		l.skip("[")
	}
	l.space(false)
	keys := l.key()
	path := ""
	for i, k := range keys {
		path = join(path, k)
		if n, ok := l.arrays[path]; ok && i < len(keys)-1 {
			path = index(path, n-1)
		}
	}
	if double {
		n := l.arrays[path]
		l.arrays[path] = n + 1
		l.out[path] = at
		path = index(path, n)
	}
	l.out[path] = at
	l.table = path
	for l.i < len(l.src) && l.peek() != '\n' {
		l.next()
	}
}

// key reads a dotted key and returns its segments.
func (l *locator) key() []string {
	var keys []string
	for {
		l.space(false)
		switch l.peek() {
		case '"', '\'':
			keys = append(keys, l.quoted())
		default:
			start := l.i
			for l.i < len(l.src) && isBare(l.peek()) {
				l.next()
			}
			keys = append(keys, l.src[start:l.i])
		}
		l.space(false)
		if l.peek() != '.' {
			return keys
		}
		l.next()
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (l *locator) quoted() string {
	q := l.peek()
	start := l.i
	l.next()
	for l.i < len(l.src) && l.peek() != q {
		if q == '"' && l.peek() == '\\' {
			l.next()
		}
		l.next()
	}
	l.next()
	raw := l.src[start:l.i]
	if q == '"' {
		if s, err := strconv.Unquote(raw); err == nil {
			return s
		}
	}
	return strings.Trim(raw, string(q))
}

func (l *locator) keyValue(table string) {
	at := l.pos()
	keys := l.key()
	path := table
	for _, k := range keys {
		path = join(path, k)
	}
	l.out[path] = at
	l.space(false)
	if l.peek() == '=' {
		l.next()
	}
	l.space(false)
	l.value(path)
}

func (l *locator) value(path string) {
	switch {
	case l.has(`"""`):
		l.multi(`"""`)
	case l.has(`'''`):
		l.multi(`'''`)
	case l.peek() == '"' || l.peek() == '\'':
		l.quoted()
	case l.peek() == '[':
		l.next()
		for n := 0; ; n++ {
			l.space(true)
			if l.peek() == ']' || l.i >= len(l.src) {
				l.next()
				return
			}
			l.out[index(path, n)] = l.pos()
			l.value(index(path, n))
			l.space(true)
			if l.peek() == ',' {
				l.next()
			}
		}
	case l.peek() == '{':
		l.next()
		for {
			l.space(false)
			if l.peek() == '}' || l.peek() == '\n' || l.i >= len(l.src) {
				l.next()
				return
			}
			l.keyValue(path)
			l.space(false)
			if l.peek() == ',' {
				l.next()
			}
		}
	default:
		for l.i < len(l.src) {
			c := l.peek()
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' {
				return
			}
			l.next()
		}
	}
}

func (l *locator) multi(delim string) {
	l.skip(delim)
	for l.i < len(l.src) && !l.has(delim) {
		if delim[0] == '"' && l.peek() == '\\' {
			l.next()
		}
		l.next()
	}
	l.skip(delim)
	for l.peek() == delim[0] { // up to two quotes may close the string
		l.next()
	}
}

// join appends a key segment to a path, quoting segments that are not bare keys.
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
