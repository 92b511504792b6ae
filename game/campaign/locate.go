package campaign

import (
	"strconv"
	"strings"

	"ili/game/scenario"
)

// locate maps the tables and keys of a TOML text that parsed to where they
// stand: "" for the top, "episode[3]" for the fourth [[episode]] header,
// "episode[3].source" for a key in it, "title" for a key at the top. It
// follows only the shapes a campaign file uses (headers, key = value lines,
// values over several lines, strings of every kind), in one pass.
func locate(src string) map[string]scenario.Pos {
	at := map[string]scenario.Pos{"": {Line: 1, Col: 1}}
	count := map[string]int{}
	table := ""
	line, col := 1, 1
	i := 0
	next := func() byte {
		c := src[i]
		i++
		if c == '\n' {
			line, col = line+1, 1
		} else if c < 0x80 || c >= 0xC0 { // a column per character, not per byte
			col++
		}
		return c
	}
	skipSpace := func() {
		for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r') {
			next()
		}
	}
	skipLine := func() {
		for i < len(src) && src[i] != '\n' {
			next()
		}
	}
	// value skips a value, which may run over several lines inside
	// brackets, braces or multi-line strings.
	value := func() {
		depth := 0
		for i < len(src) {
			switch c := src[i]; {
			case c == '"' || c == '\'':
				skipString(src, &i, next)
			case c == '[' || c == '{':
				depth++
				next()
			case c == ']' || c == '}':
				depth--
				next()
			case c == '#':
				skipLine()
			case c == '\n':
				if depth <= 0 {
					return
				}
				next()
			default:
				next()
			}
		}
	}
	for i < len(src) {
		skipSpace()
		if i >= len(src) {
			break
		}
		pos := scenario.Pos{Line: line, Col: col}
		switch src[i] {
		case '\n':
			next()
		case '#':
			skipLine()
		case '[':
			array := strings.HasPrefix(src[i:], "[[")
			end := strings.IndexByte(src[i:], ']')
			if end < 0 {
				return at
			}
			name := strings.TrimSpace(strings.Trim(src[i:i+end], "[]"))
			for range end {
				next()
			}
			skipLine()
			if array {
				table = name + "[" + strconv.Itoa(count[name]) + "]"
				count[name]++
			} else {
				table = name
			}
			at[table] = pos
		default:
			start := i
			for i < len(src) && src[i] != '=' && src[i] != '\n' {
				if src[i] == '"' || src[i] == '\'' {
					skipString(src, &i, next)
					continue
				}
				next()
			}
			key := strings.Trim(strings.TrimSpace(src[start:i]), `"'`)
			if i < len(src) && src[i] == '=' {
				next()
				skipSpace()
				path := key
				if table != "" {
					path = table + "." + key
				}
				at[path] = pos
				value()
			}
		}
	}
	return at
}

// skipString steps over the string that begins at src[*i]: basic or
// literal, on one line or several.
func skipString(src string, i *int, next func() byte) {
	q := src[*i]
	if strings.HasPrefix(src[*i:], strings.Repeat(string(q), 3)) {
		next()
		next()
		next()
		for *i < len(src) {
			if q == '"' && src[*i] == '\\' {
				next()
				if *i < len(src) {
					next()
				}
				continue
			}
			if strings.HasPrefix(src[*i:], strings.Repeat(string(q), 3)) {
				next()
				next()
				next()
				for *i < len(src) && src[*i] == q { // up to two quotes may end the string's text
					next()
				}
				return
			}
			next()
		}
		return
	}
	next()
	for *i < len(src) && src[*i] != '\n' {
		c := next()
		if q == '"' && c == '\\' && *i < len(src) {
			next()
			continue
		}
		if c == q {
			return
		}
	}
}
