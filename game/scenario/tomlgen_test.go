package scenario

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// This file writes random valid TOML documents (TOML 1.0 and what
// BurntSushi/toml takes of 1.1) and where each key and element of them stands,
// for testing the position scanner against the TOML library.

// Kinds of value in a generated document.
const (
	kScalar  = iota
	kArray   // [1, 2]
	kInline  // {a = 1}
	kDotted  // a table written as dotted keys: t.a = 1
	kSection // a table written as [t]
	kTables  // an array of tables written as [[t]]
)

type gvalue struct {
	kind  int
	elems []*gvalue // kArray
	table *gtable   // kInline, kDotted, kSection
	items []*gtable // kTables
	late  bool      // kSection: written after its own sub-tables
	bare  bool      // kSection: no header of its own, only its sub-tables'
	text  string    // kScalar
}

type gtable struct {
	names []string // decoded keys in order
	vals  map[string]*gvalue
}

// gen is one document being written.
type gen struct {
	r         *rand.Rand
	b         strings.Builder
	line, col int
	nl        string
	want      map[string]Pos
}

// generate returns a random valid document and the position each path should
// have: a key at its own part of a dotted key, a table and an array of tables
// at the bracket of its header, an element where its value starts.
func generate(seed uint64) (string, map[string]Pos) {
	g := &gen{r: rand.New(rand.NewPCG(seed, 7)), line: 1, col: 1, nl: "\n", want: map[string]Pos{}}
	if g.r.IntN(4) == 0 {
		g.nl = "\r\n"
	}
	if g.r.IntN(20) == 0 {
		g.b.WriteString("\ufeff")
	}
	root := g.table(0, kSection)
	g.gap(true)
	g.section(root, "", nil)
	return g.b.String(), g.want
}

func (g *gen) chance(n int) bool { return g.r.IntN(n) == 0 }

func (g *gen) pick(options ...string) string { return options[g.r.IntN(len(options))] }

// write adds text, keeping the line and column.
func (g *gen) write(s string) {
	for _, r := range s {
		if r == '\n' {
			g.line++
			g.col = 1
		} else {
			g.col++
		}
	}
	g.b.WriteString(s)
}

func (g *gen) at() Pos { return Pos{g.line, g.col} }

// mark records where path should stand: the first place it is named, unless
// this is where it is defined (a header, or the key of a value).
func (g *gen) mark(path string, at Pos, defined bool) {
	if _, ok := g.want[path]; !ok || defined {
		g.want[path] = at
	}
}

// space writes blanks that may stand between tokens on a line.
func (g *gen) space() { g.write(g.pick("", "", " ", "  ", "\t", " \t ")) }

// gap writes what may stand between tokens where line ends are allowed:
// blanks, line ends and comments.
func (g *gen) gap(lines bool) {
	g.space()
	for lines && g.chance(2) {
		if g.chance(2) {
			g.write("#" + g.pick("", " a comment", ` ] } [ { "'''"""`, " # = , .", " é 中 😀", "\t tab"))
		}
		g.write(g.nl)
		g.space()
	}
}

// table makes a table to be written as ctx (kSection, kDotted or kInline).
func (g *gen) table(depth, ctx int) *gtable {
	t := &gtable{vals: map[string]*gvalue{}}
	n := g.r.IntN(5)
	if ctx == kDotted {
		n++ // dotted keys cannot write an empty table
	}
	if depth > 4 {
		n = min(n, 1)
	}
	for len(t.names) < n {
		name := g.keyName()
		if _, dup := t.vals[name]; dup {
			continue
		}
		v := g.value(depth+1, ctx)
		if name == "" && (ctx != kSection || v.kind == kArray || v.kind == kInline) {
			// BurntSushi/toml 1.6 takes a key named "" for the table it is
			// in when it records the type of its value: an array or inline
			// table there, or any value in an inline table, can lose keys
			// or elements around it.
			continue
		}
		t.names = append(t.names, name)
		t.vals[name] = v
	}
	return t
}

// value makes a value for a table written as ctx, or an element (kArray).
func (g *gen) value(depth, ctx int) *gvalue {
	kinds := []int{kScalar, kScalar, kScalar, kArray, kInline}
	switch ctx {
	case kSection:
		kinds = append(kinds, kDotted, kSection, kSection, kTables)
	case kDotted, kInline:
		kinds = append(kinds, kDotted)
	}
	kind := kinds[g.r.IntN(len(kinds))]
	if depth > 5 {
		kind = kScalar
	}
	v := &gvalue{kind: kind}
	switch kind {
	case kScalar:
		v.text = g.scalar()
	case kArray:
		for range g.r.IntN(4) {
			v.elems = append(v.elems, g.value(depth+1, kArray))
		}
	case kInline:
		v.table = g.table(depth, kInline)
	case kDotted:
		v.table = g.table(depth, kDotted)
	case kSection:
		v.table = g.table(depth, kSection)
		v.late = g.chance(4)
		v.bare = g.chance(3) && len(sections(v.table)) == len(v.table.names) && len(v.table.names) > 0
	case kTables:
		for range 1 + g.r.IntN(3) {
			v.items = append(v.items, g.table(depth+1, kSection))
		}
	}
	return v
}

// keyName returns a key: mostly bare, sometimes anything a quoted key holds.
func (g *gen) keyName() string {
	if g.chance(3) {
		return g.pick("", " ", "a b", "é", "a.b", "[x]", "#", "=", `"`, "'", `\`, "\t", "\x00", "\x1b", "中文", "😀", "a\"b'c", "ÿ")
	}
	return g.pick("a", "b", "c", "x1", "key", "_", "-", "1", "123", "true", "inf", "A-b_c", "0x10", "1979-05-27", "d", "e", "f", "g", "h")
}

// key writes a key's name, bare or quoted in any way that gives the name.
func (g *gen) key(name string) {
	bare := name != ""
	for i := 0; i < len(name); i++ {
		bare = bare && isBare(name[i])
	}
	literal := !strings.ContainsAny(name, "'\n\r") && !strings.ContainsFunc(name, isControlKey)
	switch {
	case bare && !g.chance(4):
		g.write(name)
	case literal && g.chance(3):
		g.write("'" + name + "'")
	default:
		g.write(`"` + g.escape(name, false) + `"`)
	}
}

func isControlKey(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }

// escape writes s as the inside of a basic string, escaping characters at
// random and those that must be.
func (g *gen) escape(s string, multi bool) string {
	var b strings.Builder
	for _, r := range s {
		must := r == '"' || r == '\\' || isControlKey(r) || (!multi && (r == '\n' || r == '\r'))
		if !must && !g.chance(5) {
			b.WriteRune(r)
			continue
		}
		short := map[rune]string{'\b': `\b`, '\t': `\t`, '\n': `\n`, '\f': `\f`, '\r': `\r`, 0x1b: `\e`, '"': `\"`, '\\': `\\`}
		switch s, ok := short[r]; {
		case ok && g.chance(2):
			b.WriteString(s)
		case r <= 0xff && g.chance(2):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff && g.chance(2):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}

// scalar returns a string, number, boolean or date-time in one of its forms.
func (g *gen) scalar() string {
	switch g.r.IntN(5) {
	case 0:
		return g.str()
	case 1:
		return g.pick("0", "42", "-17", "+99", "1_000", "0xDEAD_beef", "0o755", "0b1101", "-0", "+0")
	case 2:
		return g.pick("3.14", "-0.01", "5e+22", "1e06", "-2E-2", "6.626e-34", "224_617.445_991", "inf", "+inf", "-inf", "nan", "+nan", "-nan", "0.0")
	case 3:
		return g.pick("true", "false")
	}
	return g.pick("1979-05-27T07:32:00Z", "1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.999999+14:00",
		"1979-05-27 07:32:00Z", "1979-05-27T07:32:00", "1979-05-27T00:32:00.999999", "1979-05-27", "07:32:00",
		"00:32:00.999999", "1979-05-27T07:32Z", "1979-05-27T07:32", "07:32", "1979-05-27t07:32:00z", "1979-05-27 07:32")
}

// str returns a string in one of the four forms.
func (g *gen) str() string {
	text := g.pick("", "plain", "# not a comment", "a = [1, {b = 2}]", "]]", "'single'", `"double"`, "tab\there", "é 中 😀", `back\slash`, "x,y}z")
	switch g.r.IntN(4) {
	case 0:
		return `"` + g.escape(text, false) + `"`
	case 1:
		if strings.Contains(text, "'") {
			return `"` + g.escape(text, false) + `"`
		}
		return "'" + text + "'"
	case 2:
		return g.multiBasic()
	}
	return g.multiLiteral()
}

// multiBasic returns a """ string with line ends, quotes short of three, a
// line-ending backslash, escapes and up to two quotes before the end.
func (g *gen) multiBasic() string {
	var b strings.Builder
	b.WriteString(`"""`)
	if g.chance(2) {
		b.WriteString(g.nl)
	}
	quotes := true // the last piece ended in a quote (or there is none yet)
	for range g.r.IntN(6) {
		switch g.r.IntN(6) {
		case 0:
			if !quotes {
				p := g.pick(`"`, `""`, `""\"`)
				b.WriteString(p)
				quotes = p != `""\"`
				continue
			}
			b.WriteString("q")
		case 1:
			b.WriteString(`\` + g.pick("", " ", "\t ") + g.nl + g.pick("", "  ", g.nl+" "))
		case 2:
			b.WriteString(g.nl)
		case 3:
			p := g.pick(`\"""`, `\\`, `\t`, `\u00e9`, `\e`, `\x41`)
			b.WriteString(p)
			quotes = p == `\"""`
			if quotes {
				continue
			}
		default:
			b.WriteString(g.escape(g.pick("text", "# no comment", "'''", "] } = ,", "é"), true))
		}
		quotes = false
	}
	if !quotes {
		b.WriteString(g.pick("", "", `"`, `""`))
	}
	b.WriteString(`"""`)
	return b.String()
}

// multiLiteral returns a ”' string with line ends, quotes short of three and
// up to two quotes before the end.
func (g *gen) multiLiteral() string {
	var b strings.Builder
	b.WriteString(`'''`)
	if g.chance(2) {
		b.WriteString(g.nl)
	}
	quotes := true
	for range g.r.IntN(6) {
		if g.chance(4) && !quotes {
			b.WriteString(g.pick(`'`, `''`))
			quotes = true
			continue
		}
		b.WriteString(g.pick("text", g.nl, `\no escape\`, `"""`, "# no comment", "[[x]]", "é"))
		quotes = false
	}
	if !quotes {
		b.WriteString(g.pick("", "", `'`, `''`))
	}
	b.WriteString(`'''`)
	return b.String()
}

// section writes the key/value lines of a table whose header (if any) is
// written, then its sub-tables. inside is the table's path; anc are the keys
// of its header.
func (g *gen) section(t *gtable, inside string, anc []ancestor) {
	for _, name := range t.names {
		v := t.vals[name]
		if v.kind == kSection || v.kind == kTables {
			continue
		}
		for _, l := range leaves(v, []string{name}) {
			g.pair(inside, l.names, l.v)
			g.space()
			if g.chance(3) {
				g.write("# after a value")
			}
			g.write(g.nl)
			g.gap(true)
		}
	}
	for _, name := range t.names {
		v := t.vals[name]
		path := join(inside, name)
		a := append(anc[:len(anc):len(anc)], ancestor{name, path})
		switch v.kind {
		case kSection:
			g.subsection(v, path, a)
		case kTables:
			for i, item := range v.items {
				at := g.header(a, true)
				g.mark(path, at, false)
				g.mark(index(path, i), at, true)
				g.section(item, index(path, i), a)
			}
		}
	}
}

// ancestor is one key of a header, with the path of what it names.
type ancestor struct{ name, path string }

// subsection writes a table as [header] and its contents; late, after its
// sub-tables; bare, with no header of its own.
func (g *gen) subsection(v *gvalue, path string, anc []ancestor) {
	if v.bare {
		g.section(&gtable{vals: v.table.vals, names: sections(v.table)}, path, anc)
		return
	}
	if v.late {
		g.section(&gtable{vals: v.table.vals, names: sections(v.table)}, path, anc)
	}
	g.mark(path, g.header(anc, false), true)
	t := v.table
	if v.late {
		t = &gtable{vals: v.table.vals, names: nonSections(v.table)}
	}
	g.section(t, path, anc)
}

func sections(t *gtable) []string {
	var out []string
	for _, n := range t.names {
		if k := t.vals[n].kind; k == kSection || k == kTables {
			out = append(out, n)
		}
	}
	return out
}

func nonSections(t *gtable) []string {
	var out []string
	for _, n := range t.names {
		if k := t.vals[n].kind; k != kSection && k != kTables {
			out = append(out, n)
		}
	}
	return out
}

// header writes [a.b.c] or [[a.b.c]] and returns where it starts; every key
// but the last is marked where it is first named.
func (g *gen) header(anc []ancestor, double bool) Pos {
	at := g.at()
	g.write(map[bool]string{false: "[", true: "[["}[double])
	g.space()
	for i, a := range anc {
		if i > 0 {
			g.space()
			g.write(".")
			g.space()
		}
		if i < len(anc)-1 {
			g.mark(a.path, g.at(), false)
		}
		g.key(a.name)
	}
	g.space()
	g.write(map[bool]string{false: "]", true: "]]"}[double])
	g.space()
	if g.chance(3) {
		g.write("# header")
	}
	g.write(g.nl)
	g.gap(true)
	return at
}

// leaf is a value written at a dotted key below a table.
type leaf struct {
	names []string
	v     *gvalue
}

// leaves lists the key/values that write v: v itself, or for a table written
// with dotted keys, every value in it.
func leaves(v *gvalue, names []string) []leaf {
	if v.kind != kDotted {
		return []leaf{{names, v}}
	}
	var out []leaf
	for _, n := range v.table.names {
		out = append(out, leaves(v.table.vals[n], append(names[:len(names):len(names)], n))...)
	}
	return out
}

// pair writes a.b.c = value below the table at path inside, marking each key.
func (g *gen) pair(inside string, names []string, v *gvalue) {
	path := inside
	for i, n := range names {
		if i > 0 {
			g.space()
			g.write(".")
			g.space()
		}
		path = join(path, n)
		g.mark(path, g.at(), i == len(names)-1)
		g.key(n)
	}
	g.space()
	g.write("=")
	g.space()
	g.val(path, v)
}

// val writes a scalar, an array or an inline table at path.
func (g *gen) val(path string, v *gvalue) {
	switch v.kind {
	case kScalar:
		g.write(v.text)
	case kArray:
		g.write("[")
		for i, e := range v.elems {
			g.gap(true)
			g.mark(index(path, i), g.at(), true)
			g.val(index(path, i), e)
			g.gap(true)
			if i < len(v.elems)-1 || g.chance(3) {
				g.write(",")
			}
		}
		g.gap(true)
		g.write("]")
	case kInline:
		g.write("{")
		var all []leaf
		for _, n := range v.table.names {
			all = append(all, leaves(v.table.vals[n], []string{n})...)
		}
		for i, l := range all {
			g.gap(true)
			g.pair(path, l.names, l.v)
			g.gap(true)
			if i < len(all)-1 || g.chance(3) {
				g.write(",")
			}
		}
		g.gap(true)
		g.write("}")
	}
}
