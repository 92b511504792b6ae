package scenario

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxSize is the longest text Decode reads (a scenario, the catalogue, the
// campaign, an encyclopedia file), in bytes: thirty times the longest
// bundled scenario, and small enough that a file of nothing but short
// unknown keys costs the TOML library under 100 MB.
const MaxSize = 1 << 20

// MaxDepth is how deeply a value may sit in a file Decode reads, counting
// every key and list index on its way down from the top: "[[unit]]" and
// "hex = [1, 2]" put the 2 at unit[0].hex[1], four levels deep; the bundled
// scenarios go six deep. The limit keeps a hostile file from costing the TOML library memory
// that grows with the square of its depth.
const MaxDepth = 32

// MaxKeyPath is how many characters the keys on the way down to a value may
// have together (a.b.c counts 5); the bundled scenarios need 30. The TOML
// library keeps every key's whole path, so that a long path above many keys
// costs memory in their product: under a 112-character header, 4 MB of short
// keys take it 620 MB, against 250 MB under a short one.
const MaxKeyPath = 128

// locate maps every key and array element of a TOML document to its position.
// It assumes the document parsed without error; on any other text it still
// returns, in time linear in the text, with whatever it found.
func locate(src string) *posNode {
	root, _ := scan(src)
	return root
}

// scan walks a TOML document once, recording where each key and element
// stands, and stops at the first value nested more than MaxDepth deep or key
// path longer than MaxKeyPath, which it returns as an error. It does not type
// or check values (the TOML library does); it only follows the structure, and
// every step consumes text, so that it is linear in the text and never loops.
func scan(src string) (*posNode, *Error) {
	s := &scanner{src: src, line: 1, col: 1, root: &posNode{at: Pos{1, 1}}}
	s.src = strings.TrimPrefix(src, "\ufeff") // a byte-order mark is no column
	s.table = frame{n: s.root}
	s.document()
	return s.root, s.err
}

// scanner is the state of one scan.
type scanner struct {
	src       string
	i         int
	line, col int
	root      *posNode
	table     frame  // the table that key/value lines go into
	err       *Error // the limit broken, which ends the scan
}

// frame is a node being filled, with how deep it is and how long its keys are.
type frame struct {
	n            *posNode
	level, width int
}

func (s *scanner) more() bool { return s.i < len(s.src) && s.err == nil }

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

func (s *scanner) has(prefix string) bool { return strings.HasPrefix(s.src[s.i:], prefix) }

func (s *scanner) pos() Pos { return Pos{s.line, s.col} }

// next moves on by one character.
func (s *scanner) next() {
	switch {
	case s.i >= len(s.src):
		return
	case s.src[s.i] == '\n':
		s.line++
		s.col = 1
		s.i++
		return
	case s.src[s.i] < utf8.RuneSelf:
		s.i++
	default:
		_, n := utf8.DecodeRuneInString(s.src[s.i:])
		s.i += n
	}
	s.col++
}

func (s *scanner) skip(n int) {
	for range n {
		s.next()
	}
}

// spaces skips blanks within a line.
func (s *scanner) spaces() {
	for s.more() && (s.peek() == ' ' || s.peek() == '\t') {
		s.next()
	}
}

// blank skips blanks, line ends and comments.
func (s *scanner) blank() {
	for s.more() {
		switch s.peek() {
		case ' ', '\t', '\r', '\n':
			s.next()
		case '#':
			for s.more() && s.peek() != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

// endLine skips the rest of the line: blanks and a comment in a valid file.
func (s *scanner) endLine() {
	for s.more() {
		c := s.peek()
		s.next()
		if c == '\n' {
			return
		}
	}
}

func (s *scanner) document() {
	for s.more() {
		s.blank()
		if !s.more() {
			return
		}
		if s.peek() == '[' {
			s.header()
		} else {
			s.keyValue(s.table)
		}
		s.endLine()
	}
}

// header reads [table] or [[array]] and makes it the current table. A table
// and an array of tables stand at their opening bracket.
func (s *scanner) header() {
	at := s.pos()
	s.next()
	double := s.peek() == '['
	if double {
		s.next()
	}
	f, _, ok := s.dotted(frame{n: s.root}, true)
	if !ok {
		return
	}
	if !double {
		f.n.at = at
		s.table = f
		return
	}
	if f.n.at.Line == 0 {
		f.n.at = at
	}
	f.n.elems = append(f.n.elems, at)
	e := frame{f.n.elem(len(f.n.elems) - 1), f.level + 1, f.width}
	if s.within(e, at) {
		s.table = e
	}
}

// dotted reads a key such as a."b c".d below f, adds its nodes and returns the
// last with where it starts. Each part before the last stands where it is
// first named. In a header, a part that is an array of tables leads into its
// last element.
func (s *scanner) dotted(f frame, header bool) (frame, Pos, bool) {
	for {
		s.spaces()
		if header && len(f.n.elems) > 0 {
			last := len(f.n.elems) - 1
			f = frame{f.n.elem(last), f.level + 1, f.width}
		}
		at := s.pos()
		name, chars := s.keyPart()
		if chars == 0 { // not TOML
			return f, at, false
		}
		if f.width > 0 {
			chars++ // the dot
		}
		f = frame{f.n.key(name), f.level + 1, f.width + chars}
		if !s.within(f, at) {
			return f, at, false
		}
		s.spaces()
		if s.peek() != '.' {
			return f, at, true
		}
		if f.n.at.Line == 0 {
			f.n.at = at
		}
		s.next()
	}
}

// keyPart reads one part of a key, bare or quoted, and returns it with its
// length in characters.
func (s *scanner) keyPart() (string, int) {
	switch s.peek() {
	case '"', '\'':
		q := s.peek()
		raw, _ := s.quoted()
		name := raw
		if q == '"' && strings.IndexByte(raw, '\\') >= 0 {
			name = unescape(raw)
		}
		return name, utf8.RuneCountInString(raw) + 2
	}
	start := s.i
	for s.more() && isBare(s.peek()) {
		s.next()
	}
	return s.src[start:s.i], s.i - start
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// within reports whether f is within the limits, and records the error at at
// if not.
func (s *scanner) within(f frame, at Pos) bool {
	switch {
	case f.level > MaxDepth:
		s.err = &Error{Pos: at, Msg: fmt.Sprintf("this is nested more than %d levels deep (keys, tables and lists together), far more than any scenario needs; write it flatter", MaxDepth)}
	case f.width > MaxKeyPath:
		s.err = &Error{Pos: at, Msg: fmt.Sprintf("this key makes a name more than %d characters long with the keys and tables it is in; use shorter keys", MaxKeyPath)}
	default:
		return true
	}
	return false
}

// keyValue reads key = value into f. A key stands at its last part.
func (s *scanner) keyValue(f frame) {
	leaf, at, ok := s.dotted(f, false)
	if !ok {
		return
	}
	leaf.n.at = at
	s.spaces()
	if s.peek() != '=' {
		return
	}
	s.next()
	s.spaces()
	s.value(leaf)
}

// value skips a value, recording the keys and elements within it.
func (s *scanner) value(f frame) {
	switch c := s.peek(); {
	case s.has(`"""`) || s.has(`'''`):
		s.multiline()
	case c == '"' || c == '\'':
		s.quoted()
	case c == '[':
		s.array(f)
	case c == '{':
		s.inline(f)
	default: // a number, date, true or false
		for s.more() && strings.IndexByte(",]}#\r\n", s.peek()) < 0 {
			s.next()
		}
	}
}

// array reads [a, b, ...]: each element stands where its value starts.
func (s *scanner) array(f frame) { s.items(']', func() { s.element(f) }) }

// items reads the comma-separated items of an array or an inline table up to
// close, with item reading each; every step consumes text, so what is not
// TOML is stepped over rather than looped on.
func (s *scanner) items(close byte, item func()) {
	s.next()
	for s.more() {
		s.blank()
		start := s.i
		switch s.peek() {
		case close:
			s.next()
			return
		case ',':
		default:
			item()
			s.blank()
		}
		if s.peek() == ',' {
			s.next()
		}
		if s.i == start && s.more() {
			s.next() // not TOML; step over it
		}
	}
}

// element records an array element of f at the current position and reads it.
func (s *scanner) element(f frame) {
	at := s.pos()
	f.n.elems = append(f.n.elems, at)
	e := frame{level: f.level + 1, width: f.width}
	if !s.within(e, at) {
		return
	}
	if c := s.peek(); c == '[' || c == '{' {
		e.n = f.n.elem(len(f.n.elems) - 1)
	}
	s.value(e)
}

// inline reads an inline table, { a = 1, b.c = 2 }, which TOML 1.1 lets run
// over lines and end with a comma.
func (s *scanner) inline(f frame) { s.items('}', func() { s.keyValue(f) }) }

// quoted reads a one-line string, basic or literal, and returns its text as
// written (escapes and all) and whether it was closed before the line ended.
func (s *scanner) quoted() (string, bool) {
	q := s.peek()
	s.next()
	start := s.i
	for s.more() {
		switch c := s.peek(); {
		case c == q:
			raw := s.src[start:s.i]
			s.next()
			return raw, true
		case c == '\n':
			return s.src[start:s.i], false
		case c == '\\' && q == '"':
			s.next()
			if s.peek() != '\n' {
				s.next()
			}
		default:
			s.next()
		}
	}
	return s.src[start:s.i], false
}

// multiline reads a multi-line string, basic or literal, whose closing three
// quotes may follow up to two quotes of its own.
func (s *scanner) multiline() {
	q := s.peek()
	delim := s.src[s.i : s.i+3]
	s.skip(3)
	for s.more() {
		switch {
		case q == '"' && s.peek() == '\\':
			s.skip(2)
		case s.has(delim):
			s.skip(3)
			for n := 0; n < 2 && s.peek() == q; n++ {
				s.next()
			}
			return
		default:
			s.next()
		}
	}
}

// unescape decodes the escapes of a TOML basic string: \b \t \n \f \r \e \"
// \\ \xHH \uHHHH \UHHHHHHHH. A malformed escape is kept as written (the TOML
// library refuses the file anyway).
func unescape(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' || i+1 == len(raw) {
			b.WriteByte(raw[i])
			continue
		}
		c := raw[i+1]
		if r := strings.IndexByte("btnfre\"\\", c); r >= 0 {
			b.WriteByte("\b\t\n\f\r\x1b\"\\"[r])
			i++
			continue
		}
		digits := 0
		switch c {
		case 'x':
			digits = 2
		case 'u':
			digits = 4
		case 'U':
			digits = 8
		}
		if digits > 0 && i+2+digits <= len(raw) {
			if n, err := strconv.ParseUint(raw[i+2:i+2+digits], 16, 32); err == nil {
				b.WriteRune(rune(n))
				i += 1 + digits
				continue
			}
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}
