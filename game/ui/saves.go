package ui

import (
	"archive/zip"
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"ili/game/debrief"
	"ili/game/files"
	"ili/game/save"
)

// The games the game keeps itself (the autosave, the quick save, the games
// saved from the menu) are in the player's store, files.Store: the folder
// saves in ili's config folder on a desktop, the page's storage in the
// browser. A game given by its path (ili play --load) is read as a file.
const (
	savesDir  = "saves"
	autosave  = savesDir + "/autosave.json"
	quicksave = savesDir + "/quicksave.json"
)

// store is where the app keeps games and settings: the player's store, or
// the one a test gives it.
func (a *app) store() (files.Store, error) {
	if a.st != nil {
		return a.st, nil
	}
	return files.UserStore()
}

// keep saves a game in the store as base, in the saved games' folder, and
// says where it is.
func (a *app) keep(g *save.Game, base string) (where string, err error) {
	st, err := a.store()
	if err != nil {
		return "", err
	}
	name := path.Join(savesDir, base)
	if err := g.Store(st, name); err != nil {
		return "", err
	}
	return st.Where(name), nil
}

// loadStored opens the game kept in the store as name.
func loadStored(a *app, name string) (*Play, error) {
	st, err := a.store()
	if err != nil {
		return nil, err
	}
	g, err := save.ReadStore(st, name)
	if err != nil {
		return nil, err
	}
	return playSaved(a, g, st.Where(name))
}

// openFile opens a saved game the person handed the browser's page (a
// file dropped on it or picked), keeps a copy among the saved games, and
// says on the title screen why it cannot when it cannot.
func openFile(a *app, f *openedFile) scene {
	g, err := save.Decode(f.name, f.data)
	var p *Play
	if err == nil {
		p, err = playSaved(a, g, f.name)
	}
	if err != nil {
		t := newTitle(a, Options{})
		t.status = "The file cannot be opened: " + err.Error()
		return t
	}
	base := strings.TrimSuffix(path.Base(strings.ReplaceAll(f.name, `\`, "/")), ".json")
	if _, err := a.keep(g, fmt.Sprintf("%s.json", safeName(base))); err != nil {
		p.say("the game is open but not kept in the browser: " + err.Error())
	}
	return p
}

// safeName is a name a store and every file system take: letters, digits,
// dashes and underscores.
func safeName(s string) string {
	out := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '-'
	}, s)
	if out == "" || strings.Trim(out, "-") == "" {
		return "game"
	}
	return out
}

// download hands the game to the person as a file: in the browser, a
// download of the save file a desktop opens too.
func (p *Play) download() {
	data, err := save.FromMatch(p.m).Encode()
	name := fmt.Sprintf("%s-turn%02d-%s.json", p.sc.ID, p.m.Turn(), p.a.now().Format("20060102-150405"))
	if err == nil {
		err = offer(name, "application/json", data)
	}
	if err != nil {
		p.say("cannot download the game: " + err.Error())
		return
	}
	p.say("the game is downloaded as " + name + ": open it on the title screen's Load, or in ili on a desktop")
}

// handInWeb hands a lesson's game in from the browser: a download of its
// saved game with the answers (the file a desktop writes into ~/ili/lessons),
// kept in the browser's storage too.
func (q *Questions) handInWeb(g *save.Game) {
	name := fmt.Sprintf("%s-%s-%s.json", q.run.l.ID, slug(q.run.student), q.a.now().Format("20060102-150405"))
	data, err := g.Encode()
	if err == nil {
		err = offer(name, "application/json", data)
	}
	if err != nil {
		q.done = fmt.Sprintf("Your game and answers could not be handed in (%v); tell your teacher.", err)
	} else {
		q.done = "Handed in: your game and your answers are downloaded as " + name + ". Give this file to your teacher."
	}
	if st, err := q.a.store(); err == nil {
		g.Store(st, "lessons/"+name)
	}
	q.a.lesson = nil
}

// downloadDebrief hands the game's debrief over in the browser: one zip
// archive of the folder a desktop writes (index.html, its pictures and
// encyclopedia.html beside them).
func (e *End) downloadDebrief() {
	name := safeName(e.sc.ID) + "-" + e.a.now().Format("20060102-150405")
	data, err := debriefZip(e, name)
	if err == nil {
		err = offer(name+".zip", "application/zip", data)
	}
	if err != nil {
		e.debrief = "The debrief could not be written: " + err.Error() + "."
		return
	}
	e.written = true
	e.debrief = "The debrief is downloaded as " + name + ".zip: unpack it and open index.html in a browser; encyclopedia.html is beside it."
}

// debriefZip is the debrief's folder, dir, as a zip archive.
func debriefZip(e *End, dir string) ([]byte, error) {
	d, err := debrief.Build(e.sc, e.rec, "")
	if err != nil {
		return nil, err
	}
	d.Lesson = e.a.lesson.record()
	out, err := d.Files()
	if err != nil {
		return nil, err
	}
	if out["encyclopedia.html"], err = encyclopediaPage(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(out)) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: dir + "/" + name, Method: zip.Deflate, Modified: e.a.now()})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(out[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
