package scenario

import "fmt"

// Format is the newest version of the scenario and catalogue format this
// ili reads: the top-level key `format`. A file without it is format 1.
// Raise it when a change would make older files mean something else or
// stop loading, and add the migration from the version before to
// migrations.
const Format = 1

// migrations[v] rewrites a decoded document of format v into format v+1,
// before variants, overrides and the decoder see it: a renamed key moved
// to its new name, a value rescaled. Format 1 is the first format, so
// there are none yet; the one from 1 to 2 goes at index 1.
var migrations = map[int]func(doc map[string]any){}

// checkFormat reads the document's format: a newer one than this ili
// reads is one error, at the key, and nothing else of the file is read (a
// newer file may have keys this ili does not know); an older one is
// migrated to Format. A format that is no whole number, or below 1, is left
// for the decoder to report with the file's other errors. what names the
// file for the error: "scenario", "unit catalogue".
func checkFormat(doc map[string]any, d *decoder, what string) error {
	v, ok := doc["format"].(int64)
	if !ok || v < 1 {
		return nil
	}
	if v > Format {
		at, _ := d.near("format", true)
		return Errors{{File: d.File, Pos: at, Msg: fmt.Sprintf("this %s is format %d and this ili reads up to format %d; update ili", what, v, Format)}}
	}
	migrate(doc, int(v))
	return nil
}

// migrate brings a document of format from up to Format.
func migrate(doc map[string]any, from int) { migrateTo(doc, from, Format, migrations) }

// migrateTo brings a document of format from up to format to, one version
// at a time by steps[v], and marks it as of format to.
func migrateTo(doc map[string]any, from, to int, steps map[int]func(map[string]any)) {
	for v := from; v < to; v++ {
		if m := steps[v]; m != nil {
			m(doc)
		}
	}
	if from < to {
		doc["format"] = int64(to)
	}
}

// readFormat reads the format key for the reference and the unknown-key
// check; checkFormat has already refused a newer one.
func readFormat(root *Table) {
	root.Int("format", false, Format, 1, Format)
}
