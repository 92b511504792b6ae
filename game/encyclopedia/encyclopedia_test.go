package encyclopedia

import (
	"strings"
	"testing"

	"ili/game/scenario"
)

func load(t *testing.T) *Encyclopedia {
	t.Helper()
	enc, err := Load()
	if err != nil {
		t.Fatalf("the bundled encyclopedia does not load:\n%v", err)
	}
	return enc
}

// TestEveryNameHasAnEntry: every unit, commander, place, side and source
// key of every bundled scenario, each variant included, and every source of
// the unit catalogue, has an entry that the lookups find.
func TestEveryNameHasAnEntry(t *testing.T) {
	enc := load(t)
	check := func(what string, e *Entry) {
		t.Helper()
		if e == nil {
			t.Errorf("%s has no encyclopedia entry; link it from one in scenarios/encyclopedia", what)
		}
	}
	loads := 0
	for _, id := range scenario.Bundled() {
		base, err := scenario.Load(id, scenario.Options{})
		if err != nil {
			t.Fatal(err)
		}
		all := []*scenario.Scenario{base}
		for _, v := range base.Variants {
			sc, err := scenario.Load(id, scenario.Options{Variants: []string{v.ID}})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, sc)
		}
		for _, sc := range all {
			loads++
			for _, s := range sc.Setup.Sides {
				check("side "+id+"/"+s.ID+" ("+s.Name+")", enc.ForSide(id, s.ID))
			}
			for _, p := range sc.Places {
				check("place "+id+"/"+p.ID+" ("+p.Name+")", enc.ForPlace(id, p.ID))
			}
			for _, u := range sc.Units {
				check("unit "+id+"/"+u.ID+" ("+u.Name+")", enc.ForUnit(id, u.ID))
				if u.Commander != "" {
					check("commander "+u.Commander, enc.ForCommander(u.Commander))
				}
			}
			for key := range sc.Sources {
				check("source "+key+" of "+id, enc.ForSource(key))
			}
		}
	}
	if loads < 8 {
		t.Errorf("only %d scenario loads checked", loads)
	}
	cat, err := scenario.DefaultCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	for key := range cat.Sources {
		check("source "+key+" of the unit catalogue", enc.ForSource(key))
	}
	missing, err := enc.Missing()
	if err != nil {
		t.Fatal(err)
	}
	if len(missing) > 0 {
		t.Errorf("Missing lists %v", missing)
	}
}

// TestEntriesAreWhole: every entry says what it is about and has a claim,
// every citation leads to a source with an author and a title, and the
// kinds the scenarios name are all there.
func TestEntriesAreWhole(t *testing.T) {
	enc := load(t)
	for _, k := range Kinds() {
		if len(enc.OfKind(k)) == 0 {
			t.Errorf("no entry of kind %s", k)
		}
	}
	for _, key := range enc.SourceKeys() {
		s := enc.Sources[key]
		if s.Author == "" || s.Title == "" {
			t.Errorf("source %s has no author or no title: %+v", key, s)
		}
	}
	for _, e := range enc.Entries {
		if e.Summary == "" || len(e.Claims) == 0 {
			t.Errorf("entry %s has no summary or no claim", e.ID)
		}
		for _, q := range e.Quotes {
			if q.Who == "" || q.When == "" || q.Source == "" {
				t.Errorf("entry %s: a quotation is not attributed: %+v", e.ID, q)
			}
		}
		for _, d := range e.Disagreements {
			for _, v := range d.Views {
				if v.By == "" {
					t.Errorf("entry %s: a view of %q does not say whose account it is", e.ID, d.Topic)
				}
			}
		}
	}
}

// TestLookups: the lookups find what the files link, and nothing for what
// they do not.
func TestLookups(t *testing.T) {
	enc := load(t)
	for _, c := range []struct {
		what string
		got  *Entry
		id   string
	}{
		{"commander Osman Batur", enc.ForCommander("Osman Batur"), "osman-batur"},
		{"commander Ma Chengxiang", enc.ForCommander("Ma Chengxiang"), "ma-chengxiang"},
		{"unit manas-1945/osman-north", enc.ForUnit("manas-1945", "osman-north"), "osman-horsemen"},
		{"variant unit ghulja-1944/relief-column", enc.ForUnit("ghulja-1944", "relief-column"), "airambek-relief"},
		{"place manas-1945/ghulja", enc.ForPlace("manas-1945", "ghulja"), "ghulja"},
		{"place ghulja-1944/old-town", enc.ForPlace("ghulja-1944", "old-town"), "ghulja"},
		{"side aksu-1946/roc", enc.ForSide("aksu-1946", "roc"), "republic-of-china"},
		{"source F44c", enc.ForSource("F44c"), "frus"},
		{"entry osman-batur", enc.Entry("osman-batur"), "osman-batur"},
	} {
		if c.got == nil || c.got.ID != c.id {
			t.Errorf("%s: got %v, want entry %s", c.what, c.got, c.id)
		}
	}
	for _, e := range []*Entry{enc.ForUnit("manas-1945", "no-such-unit"), enc.ForUnit("no-such", "osman-north"),
		enc.ForPlace("nilka-1944", "ghulja"), enc.ForCommander("Nobody"), enc.ForSource("nope"), enc.Entry("nope")} {
		if e != nil {
			t.Errorf("found %s for something no scenario names", e.ID)
		}
	}
	if e := enc.ForUnit("manas-1945", "osman-north"); e.Kind != Unit {
		t.Errorf("osman-north's entry is of kind %s", e.Kind)
	}
}

// TestFind: a story's names lead to their entries, whole words only and
// the longest name first.
func TestFind(t *testing.T) {
	enc := load(t)
	text := "Liu Bindi telegraphed Dihua; Ehmetjan Qasim and Zhang Zhizhong signed. Osman Batur's Kazakhs rode with Osman Batur; Osmanov is nobody."
	var got []string
	for _, m := range enc.Find(text) {
		got = append(got, text[m.Start:m.End]+"="+m.Entry.ID)
	}
	want := "Liu Bindi=liu-bindi Dihua=dihua Ehmetjan Qasim=ehmetjan-qasim Zhang Zhizhong=zhang-zhizhong " +
		"Osman Batur's Kazakhs=osman-horsemen Osman Batur=osman-batur"
	if strings.Join(got, " ") != want {
		t.Errorf("Find: got %q, want %q", strings.Join(got, " "), want)
	}
}
