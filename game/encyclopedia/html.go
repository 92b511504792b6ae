package encyclopedia

import (
	"html/template"
	"io"
	"strings"
)

// WriteHTML writes the whole encyclopedia as one self-contained HTML page:
// an index by kind, every entry under an anchor of its id, and the
// bibliography, with its style inline and nothing loaded from elsewhere. It
// reads on a phone (a fluid column) and prints with each kind on a new page.
func (e *Encyclopedia) WriteHTML(w io.Writer) error {
	type kind struct {
		Kind, Title string
		Entries     []*Entry
	}
	page := struct {
		Kinds    []kind
		Sources  []Source
		Entries  int
		Quotes   int
		Scenario map[string]string
	}{Entries: len(e.Entries), Quotes: e.Quotes(), Scenario: e.Scenarios}
	for _, k := range Kinds() {
		if list := e.OfKind(k); len(list) > 0 {
			page.Kinds = append(page.Kinds, kind{k, KindTitle(k), list})
		}
	}
	for _, key := range e.SourceKeys() {
		page.Sources = append(page.Sources, e.Sources[key])
	}
	t, err := template.New("page").Funcs(template.FuncMap{
		"paras": func(s string) []string { return strings.Split(s, "\n\n") },
		"citation": func(key string) string {
			if s, ok := e.Sources[key]; ok {
				return s.Citation()
			}
			return key
		},
		"entry":     e.Entry,
		"forSource": e.ForSource,
		"kindName":  kindName,
		"refs":      groupRefs,
		"stop":      stop,
		"title":     func(id string) string { return e.Scenarios[id] },
	}).Parse(pageTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, page)
}

// kindName is the kind of an entry as its heading line shows it.
func kindName(kind string) string {
	switch kind {
	case Work:
		return "Source"
	case Person:
		return "Person"
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// refGroup is the refs of one scenario.
type refGroup struct {
	Scenario string
	Names    []string
}

// groupRefs groups units, places or sides by scenario, in the order given.
func groupRefs(refs []Ref) []refGroup {
	var out []refGroup
	for _, r := range refs {
		if n := len(out); n > 0 && out[n-1].Scenario == r.Scenario {
			out[n-1].Names = append(out[n-1].Names, r.Name)
			continue
		}
		out = append(out, refGroup{Scenario: r.Scenario, Names: []string{r.Name}})
	}
	return out
}

const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Encyclopedia of the Ili Rebellion, 1944-1946</title>
<style>
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: #1b1b1b; font: 1rem/1.55 Georgia, "Times New Roman", serif; }
main { max-width: 44rem; margin: 0 auto; padding: 1rem 1.1rem 3rem; }
* { overflow-wrap: break-word; }
a { color: #1a4a80; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 1rem 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .5rem; border-bottom: 2px solid #444; }
h3 { font-size: 1.15rem; margin: 0 0 .2rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; font-variant: small-caps; letter-spacing: .03em; }
p, ul, ol, dl { margin: .4rem 0; }
ul, ol { padding-left: 1.3rem; }
article { border-top: 1px solid #bbb; margin-top: 1.6rem; padding-top: .7rem; }
.kind { color: #555; font-size: .9rem; margin: 0 0 .4rem; }
.summary { font-style: italic; }
.cite { font-size: .8em; white-space: nowrap; text-decoration: none; }
.by { font-weight: bold; }
.when { font-weight: bold; }
blockquote { margin: .6rem 0; padding: .2rem 0 .2rem .9rem; border-left: 3px solid #8a8a8a; }
blockquote p { margin: .2rem 0; }
blockquote footer { font-size: .9rem; color: #333; }
.note { font-size: .9rem; color: #444; }
nav ul { list-style: none; padding: 0; columns: 14rem auto; column-gap: 1.5rem; }
nav li { break-inside: avoid; }
.bib li { margin: .45rem 0; }
.bib a, .url { overflow-wrap: anywhere; }
.about { border: 1px solid #bbb; padding: .3rem .9rem; background: #f6f6f3; }
.about h2 { margin-top: .4rem; }
@media print {
  body { font-size: 10.5pt; background: #fff; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  section.kind, section.bib { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  li, blockquote, .summary, dd { break-inside: avoid; }
  .about { background: none; }
}
</style>
</head>
<body>
<main>
<header>
<h1>Encyclopedia of the Ili Rebellion, 1944-1946</h1>
<p>The people, units, places, sides and sources of the game's scenarios: {{.Entries}} entries, {{len .Sources}} sources, {{.Quotes}} quotations from the period.</p>
</header>
<section class="about" id="about">
<h2>How to read it</h2>
<p>Every statement names its source in brackets, such as [F44c]; the bibliography at the end gives each source in full. The sources do not agree, and the encyclopedia does not choose among them: where they differ, each account is given with whose it is. Figures the sources do not give are the game designers' estimates and are marked as such [est].</p>
<p>The movement has a name on each side: the Three Districts Revolution in the histories of the People's Republic of China, the Yining (Ining) Incident for the Nationalist government of the Republic of China, and the East Turkestan Republic and its national liberation for Uyghur exile writers. Places are given with the names each side used.</p>
<p>Quotations are from the period, in the translations of the archives and consulates that hold them, and stand here only, never in play; each names who wrote it, when, and where it is found.</p>
</section>
<nav id="contents">
<h2>Contents</h2>
{{range .Kinds}}<h3><a href="#kind-{{.Kind}}">{{.Title}}</a></h3>
<ul>{{range .Entries}}
<li><a href="#{{.ID}}">{{.Name}}</a></li>{{end}}
</ul>
{{end}}<h3><a href="#bibliography">Bibliography</a></h3>
</nav>
{{range .Kinds}}
<section class="kind" id="kind-{{.Kind}}">
<h2>{{.Title}}</h2>
{{range .Entries}}{{template "entry" .}}{{end}}
</section>
{{end}}
<section class="bib" id="bibliography">
<h2>Bibliography</h2>
<ol class="bib">
{{range .Sources}}<li id="src-{{.Key}}"><span class="by">[{{.Key}}]</span> {{if .Author}}{{.Author}}{{stop .Author}} {{end}}<cite>{{.Title}}</cite>{{stop .Title}} {{if .Year}}{{.Year}}{{stop .Year}}{{else}}n.d.{{end}}{{if .URL}} <a href="{{.URL}}">{{.URL}}</a>{{end}}{{if .Note}} <span class="note">{{.Note}}</span>{{end}}{{with forSource .Key}} <span class="note">See <a href="#{{.ID}}">{{.Name}}</a>.</span>{{end}}</li>
{{end}}</ol>
</section>
</main>
</body>
</html>
{{- define "cite"}}<a class="cite" href="#src-{{.}}" title="{{citation .}}">[{{.}}]</a>{{end}}
{{- define "entry"}}<article id="{{.ID}}">
<h3>{{.Name}}</h3>
<p class="kind">{{kindName .Kind}}</p>
{{range $i, $p := paras .Summary}}<p class="summary">{{$p}}{{if eq $i 0}} {{template "cite" $.Source}}{{end}}</p>
{{end}}{{with .OtherNames}}<h4>Other names</h4>
<ul>{{range .}}
<li>{{.Name}}: {{.UsedBy}}{{with .Source}} {{template "cite" .}}{{end}}</li>{{end}}
</ul>
{{end}}{{with .Dates}}<h4>Dates</h4>
<ul>{{range .}}
<li><span class="when">{{.When}}</span>: {{.Text}} {{template "cite" .Source}}</li>{{end}}
</ul>
{{end}}<h4>What the sources say</h4>
<ul>{{range .Claims}}
<li>{{.Text}} {{template "cite" .Source}}</li>{{end}}
</ul>
{{with .Disagreements}}<h4>Where the sources disagree</h4>
{{range .}}<p><strong>{{.Topic}}</strong></p>
<ul>{{range .Views}}
<li><span class="by">{{.By}}:</span> {{.Text}} {{template "cite" .Source}}</li>{{end}}
</ul>
{{end}}{{end}}{{with .Quotes}}<h4>From the period</h4>
{{range .}}<blockquote>
{{range paras .Text}}<p>“{{.}}”</p>
{{end}}<footer>{{.Who}}, {{.When}}. {{template "cite" .Source}}{{with .Note}} <span class="note">{{.}}</span>{{end}}</footer>
</blockquote>
{{end}}{{end}}{{if or .Links.Units .Links.Places .Links.Sides .Links.Commanders}}<h4>In the game</h4>
<ul>{{range refs .Links.Units}}
<li>Units in {{title .Scenario}}: {{range $i, $n := .Names}}{{if $i}}; {{end}}{{$n}}{{end}}</li>{{end}}{{range refs .Links.Places}}
<li>Places in {{title .Scenario}}: {{range $i, $n := .Names}}{{if $i}}; {{end}}{{$n}}{{end}}</li>{{end}}{{range refs .Links.Sides}}
<li>The side in {{title .Scenario}}: {{range $i, $n := .Names}}{{if $i}}; {{end}}{{$n}}{{end}}</li>{{end}}{{with .Links.Commanders}}
<li>Commander of units as: {{range $i, $n := .}}{{if $i}}; {{end}}{{$n}}{{end}}</li>{{end}}
</ul>
{{end}}{{with .Links.Sources}}<h4>Sources covered</h4>
<p>{{range $i, $k := .}}{{if $i}}, {{end}}{{template "cite" $k}}{{end}}</p>
{{end}}{{with .See}}<h4>See also</h4>
<p>{{range $i, $id := .}}{{if $i}}; {{end}}{{with entry $id}}<a href="#{{.ID}}">{{.Name}}</a>{{end}}{{end}}</p>
{{end}}</article>
{{end}}`
