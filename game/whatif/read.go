package whatif

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"ili/game/files"
	"reflect"
	"strings"
)

// Error is a problem with a batch, at a line and column of its file where
// one is known.
type Error struct {
	File      string // the file, or "batch N" for a batch not read from one
	Line, Col int    // 0 when not known
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// pos is a line and a column, from 1.
type pos struct{ line, col int }

// positions is where the parts of a report stand in its file.
type positions struct {
	keys    map[string]pos // the value of each key of the report
	results []pos          // each result
}

// notBatch starts the errors of a file that is not a batch.
const notBatch = "not a batch written by ili sim --format json: "

// ReadReport reads a batch written with WriteJSON from data, the content of
// the file name, which its errors name with the line and column. It checks
// only that the file is such a batch; Merge checks what it holds.
func ReadReport(name string, data []byte) (*Report, error) {
	rep := &Report{File: name}
	if err := json.Unmarshal(data, rep); err != nil {
		return nil, decodeError(name, data, err)
	}
	if rep.Format == "" {
		return nil, &Error{File: name, Msg: notBatch + "it has no format field"}
	}
	rep.pos = locate(data)
	return rep, nil
}

// decodeError turns a JSON error into a sentence at its line and column.
func decodeError(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		msg := syn.Error()
		if msg == "unexpected end of JSON input" {
			msg = "the file ends in the middle of a value; it was cut short"
		}
		return errorAt(name, data, int(syn.Offset)-1, notBatch+msg)
	case errors.As(err, &typ):
		what := "the file"
		if typ.Field != "" {
			what = strings.TrimPrefix(typ.Field, "Head.")
		}
		off := int(typ.Offset)
		off = valueBack(data, off)
		return errorAt(name, data, off, fmt.Sprintf("%s%s is %s, not %s", notBatch, what, withArticle(typ.Value), typeName(typ.Type)))
	}
	return &Error{File: name, Msg: notBatch + err.Error()}
}

// withArticle puts a or an before a word.
func withArticle(s string) string {
	if s != "" && strings.ContainsRune("aeio", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// valueBack moves back from the end of a number, a literal or the opening
// bracket of a list or an object to where it starts.
func valueBack(data []byte, off int) int {
	off = min(off, len(data))
	if off > 0 && (data[off-1] == '[' || data[off-1] == '{') {
		return off - 1
	}
	for off > 0 && bytes.IndexByte([]byte("0123456789.eE+-truefalsn"), data[off-1]) >= 0 {
		off--
	}
	return off
}

// typeName says what a value of a type is, for people.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Uint64, reflect.Uint, reflect.Uint32:
		return "a whole number from 0 to 18446744073709551615"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number from -9223372036854775808 to 9223372036854775807"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	}
	return "an object"
}

// errorAt is an error at a byte offset of data.
func errorAt(name string, data []byte, off int, msg string) error {
	line, col := files.LineCol(data, off)
	return &Error{File: name, Line: line, Col: col, Msg: msg}
}

// errKey is an error at the value of one of the report's keys.
func (r *Report) errKey(name, key, format string, args ...any) error {
	e := &Error{File: name, Msg: fmt.Sprintf(format, args...)}
	if r.pos != nil {
		p := r.pos.keys[key]
		e.Line, e.Col = p.line, p.col
	}
	return e
}

// errResult is an error at the i-th result of the report.
func (r *Report) errResult(name string, i int, format string, args ...any) error {
	e := &Error{File: name, Msg: fmt.Sprintf(format, args...)}
	if r.pos != nil && i < len(r.pos.results) {
		p := r.pos.results[i]
		e.Line, e.Col = p.line, p.col
	}
	return e
}

// cursor walks data forward, counting lines and columns.
type cursor struct {
	data           []byte
	off, line, col int
}

// at returns the line and column of offset off, which is not before the
// last one asked for.
func (c *cursor) at(off int) pos {
	off = min(off, len(c.data))
	for ; c.off < off; c.off++ {
		switch b := c.data[c.off]; {
		case b == '\n':
			c.line, c.col = c.line+1, 1
		case b&0xC0 != 0x80: // not inside a character
			c.col++
		}
	}
	return pos{c.line, c.col}
}

// valueStart skips the white space, colon or comma before a value.
func valueStart(data []byte, off int64) int {
	i := int(off)
	for i < len(data) && bytes.IndexByte([]byte(" \t\r\n:,"), data[i]) >= 0 {
		i++
	}
	return i
}

// locate finds where the report's keys and each of its results stand in
// data, which json.Unmarshal has read without error.
func locate(data []byte) *positions {
	p := &positions{keys: map[string]pos{}}
	c := &cursor{data: data, line: 1, col: 1}
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return p
	}
	for dec.More() {
		t, err := dec.Token()
		key, ok := t.(string)
		if err != nil || !ok {
			return p
		}
		p.keys[key] = c.at(valueStart(data, dec.InputOffset()))
		if key == "results" {
			if !p.locateResults(dec, c, data) {
				return p
			}
			continue
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return p
		}
	}
	return p
}

// locateResults finds where each result stands.
func (p *positions) locateResults(dec *json.Decoder, c *cursor, data []byte) bool {
	p.results = p.results[:0]
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return err == nil // null
	}
	for dec.More() {
		p.results = append(p.results, c.at(valueStart(data, dec.InputOffset())))
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return false
		}
	}
	_, err := dec.Token()
	return err == nil
}
