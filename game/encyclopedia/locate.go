package encyclopedia

import (
	"strconv"
	"strings"
)

// locate maps every table, key and array element of a TOML text to the
// byte offset where it starts, by paths such as "entry[3].claim[1].source"
// or "entry[0].links.units[2]". It follows only the structure of a text that
// the TOML library has already accepted; on any other text it still ends,
// in time linear in the text, with whatever it found. Every step consumes
// text, so it never loops.
func locate(src string) map[string]int {
	l := &locator{src: src, at: map[string]int{}, count: map[string]int{}}
	l.document()
	return l.at
}

type locator struct {
	src   string
	i     int
	at    map[string]int
	count map[string]int // arrays of tables: how many elements so far
	table string         // the table key/value lines go into
}

func (l *locator) more() bool { return l.i < len(l.src) }

func (l *locator) peek() byte {
	if l.i < len(l.src) {
		return l.src[l.i]
	}
	return 0
}

func (l *locator) has(p string) bool { return strings.HasPrefix(l.src[l.i:], p) }

// space skips blanks and, if lines is set, newlines and comments too.
func (l *locator) space(lines bool) {
	for l.more() {
		switch c := l.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			l.i++
		case lines && c == '\n':
			l.i++
		case lines && c == '#':
			l.lineEnd()
		default:
			return
		}
	}
}

func (l *locator) lineEnd() {
	if j := strings.IndexByte(l.src[l.i:], '\n'); j >= 0 {
		l.i += j + 1
	} else {
		l.i = len(l.src)
	}
}

func (l *locator) document() {
	for {
		l.space(true)
		if !l.more() {
			return
		}
		start := l.i
		switch {
		case l.has("[["):
			l.i += 2
			l.table = l.header(start, true)
		case l.peek() == '[':
			l.i++
			l.table = l.header(start, false)
		default:
			l.keyValue(l.table)
		}
		l.space(false)
		if l.more() && l.peek() == '#' {
			l.lineEnd()
		}
	}
}

// header reads a table header after its opening bracket(s) and returns the
// table's path.
func (l *locator) header(start int, array bool) string {
	keys := l.keys()
	l.space(false)
	for l.more() && l.peek() == ']' {
		l.i++
	}
	path := ""
	for n, k := range keys {
		path = join(path, k)
		if n < len(keys)-1 {
			if c, ok := l.count[path]; ok { // the last element of an array of tables
				path = index(path, c-1)
			}
		}
	}
	if array {
		c := l.count[path]
		l.count[path] = c + 1
		path = index(path, c)
	}
	if _, seen := l.at[path]; !seen {
		l.at[path] = start
	}
	return path
}

// keys reads a dotted key: bare, "quoted" or 'literal' parts.
func (l *locator) keys() []string {
	var out []string
	for l.more() {
		l.space(false)
		start := l.i
		switch l.peek() {
		case '"':
			l.basic()
			k, err := strconv.Unquote(l.src[start:l.i])
			if err != nil {
				k = strings.Trim(l.src[start:l.i], `"`)
			}
			out = append(out, k)
		case '\'':
			l.literal()
			out = append(out, strings.Trim(l.src[start:l.i], "'"))
		default:
			for l.more() && isBare(l.peek()) {
				l.i++
			}
			if l.i == start {
				return out
			}
			out = append(out, l.src[start:l.i])
		}
		l.space(false)
		if l.peek() != '.' {
			return out
		}
		l.i++
	}
	return out
}

func isBare(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// keyValue reads "key = value" in the table at path.
func (l *locator) keyValue(table string) {
	start := l.i
	keys := l.keys()
	if len(keys) == 0 { // not a key: skip the line rather than stall
		l.lineEnd()
		return
	}
	path := table
	for _, k := range keys {
		path = join(path, k)
	}
	l.at[path] = start
	l.space(false)
	if l.peek() == '=' {
		l.i++
	}
	l.space(false)
	l.value(path)
}

// value skips one value, recording where the elements of arrays and the
// keys of inline tables start.
func (l *locator) value(path string) {
	switch {
	case l.has(`"""`):
		l.multi(`"""`, true)
	case l.has("'''"):
		l.multi("'''", false)
	case l.peek() == '"':
		l.basic()
	case l.peek() == '\'':
		l.literal()
	case l.peek() == '[':
		l.i++
		for n := 0; ; n++ {
			l.space(true)
			if !l.more() {
				return
			}
			if l.peek() == ']' {
				l.i++
				return
			}
			p := index(path, n)
			l.at[p] = l.i
			before := l.i
			l.value(p)
			l.space(true)
			if l.peek() == ',' {
				l.i++
			} else if l.i == before {
				l.i++ // nothing read: move on
			}
		}
	case l.peek() == '{':
		l.i++
		for {
			l.space(false)
			if !l.more() || l.peek() == '\n' {
				return
			}
			if l.peek() == '}' {
				l.i++
				return
			}
			before := l.i
			l.keyValue(path)
			l.space(false)
			if l.peek() == ',' {
				l.i++
			} else if l.i == before {
				l.i++
			}
		}
	default: // a number, a date, true or false
		for l.more() && !strings.ContainsRune(",]}\n#", rune(l.peek())) {
			l.i++
		}
	}
}

// basic skips a "basic string" with its escapes.
func (l *locator) basic() {
	l.i++
	for l.more() {
		switch l.peek() {
		case '\\':
			l.i += 2
		case '"':
			l.i++
			return
		case '\n':
			return
		default:
			l.i++
		}
	}
}

func (l *locator) literal() {
	l.i++
	if j := strings.IndexAny(l.src[l.i:], "'\n"); j >= 0 {
		l.i += j + 1
	} else {
		l.i = len(l.src)
	}
}

// multi skips a multi-line string; a closing delimiter may be followed by
// up to two more quotes that belong to the string.
func (l *locator) multi(delim string, escapes bool) {
	l.i += 3
	for l.more() {
		if escapes && l.peek() == '\\' {
			l.i += 2
			continue
		}
		if l.has(delim) {
			l.i += 3
			for n := 0; n < 2 && l.more() && l.peek() == delim[0]; n++ {
				l.i++
			}
			return
		}
		l.i++
	}
}

// join appends a key to a path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// parent strips the last segment of a path: "a.b[2].c" -> "a.b[2]" -> "a.b".
func parent(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}
