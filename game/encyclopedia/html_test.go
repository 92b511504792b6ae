package encyclopedia

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

var (
	tagRE  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	idRE   = regexp.MustCompile(`\sid="([^"]+)"`)
	hrefRE = regexp.MustCompile(`\shref="#([^"]+)"`)
)

// void elements have no end tag.
var void = map[string]bool{"meta": true, "br": true, "hr": true, "img": true, "link": true, "input": true}

// TestHTML: the page is one self-contained document: a doctype, a
// viewport, inline style and nothing loaded from elsewhere, no script, its
// tags closed in order, every anchor it links to present, every entry and
// source under its own anchor, and the text escaped.
func TestHTML(t *testing.T) {
	enc := load(t)
	var buf bytes.Buffer
	if err := enc.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="en">`, `<meta charset="utf-8">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`, "<style>", "@media print", "break-before: page", "max-width"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "@import", "url(", " src="} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("the page has %s: it must be self-contained", bad)
		}
	}
	var stack []string
	for _, m := range tagRE.FindAllStringSubmatch(page, -1) {
		name := strings.ToLower(m[2])
		switch {
		case void[name]:
		case m[1] == "":
			stack = append(stack, name)
		case len(stack) == 0 || stack[len(stack)-1] != name:
			t.Fatalf("</%s> closes %v", name, stack)
		default:
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) != 0 {
		t.Errorf("unclosed tags: %v", stack)
	}
	ids := map[string]bool{}
	for _, m := range idRE.FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("id %q is used twice", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range hrefRE.FindAllStringSubmatch(page, -1) {
		if !ids[m[1]] {
			t.Errorf("a link leads to #%s, which the page does not have", m[1])
		}
	}
	for _, e := range enc.Entries {
		if !ids[e.ID] {
			t.Errorf("entry %s has no anchor", e.ID)
		}
	}
	for key := range enc.Sources {
		if !ids["src-"+key] {
			t.Errorf("source %s has no anchor in the bibliography", key)
		}
	}
	for _, k := range Kinds() {
		if !ids["kind-"+k] {
			t.Errorf("kind %s has no section", k)
		}
	}
}

// TestHTMLPunctuation: no part of a citation in the bibliography or in a
// link's title ends in two stops, nor in a question mark and a stop.
func TestHTMLPunctuation(t *testing.T) {
	enc := load(t)
	var buf bytes.Buffer
	if err := enc.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"n.d..", "?.", "!.", "?</cite>.", "!</cite>.", ".</cite>."} {
		if n := strings.Count(page, bad); n > 0 {
			t.Errorf("the page has %q %d times", bad, n)
		}
	}
	if !strings.Contains(page, "Why Are We Fighting?</cite> 1944-1945.") {
		t.Errorf("the pamphlet's title is not cited as it should be")
	}
}

// TestHTMLEscapes: text from the files is escaped, never taken as markup.
func TestHTMLEscapes(t *testing.T) {
	enc, err := Parse(map[string][]byte{"a.toml": []byte(strings.Replace(good, "Nothing wrong.", "<b>bold</b> & <script>x</script>", 1))})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := enc.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	if page := buf.String(); strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;") {
		t.Errorf("the summary was not escaped")
	}
}

// TestCitation: a source reads as author, title, year, URL.
func TestCitation(t *testing.T) {
	for _, c := range []struct {
		s    Source
		want string
	}{
		{Source{Author: "Linda Benson", Title: "The Ili Rebellion", Year: "1990", URL: "https://x.org/b"}, "Linda Benson. The Ili Rebellion. 1990. https://x.org/b"},
		{Source{Author: "Wikipedia contributors", Title: "Ili Rebellion."}, "Wikipedia contributors. Ili Rebellion. n.d."},
		{Source{Author: "Ili insurgents", Title: "Why Are We Fighting?", Year: "1944-1945"}, "Ili insurgents. Why Are We Fighting? 1944-1945."},
		{Source{Title: "Stop!", Year: "n.d."}, "Stop! n.d."},
		{Source{Author: "A. Parshev and others", Title: "Ne tam (Не там)"}, "A. Parshev and others. Ne tam (Не там). n.d."},
	} {
		if got := c.s.Citation(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}
