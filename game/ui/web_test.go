package ui

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"ili/game/files"
	"ili/game/paint"
	"ili/game/save"
)

// TestProbe: what the browser's page reads of the game: the screen, a
// game's state and hash, and with the test hook the units, the selected
// unit's reach and the menu's items where they are drawn.
func TestProbe(t *testing.T) {
	p := nilkaAtTheGates(t)
	g := &Game{a: p.a, scene: p, w: 1000, h: 700}
	pr := g.probe(false)
	if pr.Scene != "play" || pr.Scenario != "nilka-1944" || pr.Hash != p.m.Hash() || pr.Turn != 1 || !pr.Person || pr.Units != nil {
		t.Errorf("without the hook: %+v", pr)
	}
	p.Select("band-mounted")
	pr = g.probe(true)
	if pr.Selected != "band-mounted" || len(pr.Reach) == 0 || len(pr.Units) == 0 {
		t.Fatalf("with the hook: %+v", pr)
	}
	for _, u := range pr.Units {
		if u.ID == "band-mounted" {
			if h := paint.Unit.At(p.cam.ToWorld(u.X, u.Y)); h != p.unit("band-mounted").Hex {
				t.Errorf("the unit's point %v,%v is not on its hex", u.X, u.Y)
			}
		}
	}
	title := &Game{a: p.a, scene: newTitle(p.a, Options{}), w: 1000, h: 700}
	tp := title.probe(true)
	if tp.Scene != "title" || len(tp.Items) != len(title.scene.(*Title).menu.items) {
		t.Errorf("the title: %+v", tp)
	}
}

// TestOpenFile: a saved game's file handed to the page opens the game it
// records (and is kept among the saved games); a file that is not one opens
// the title screen saying why.
func TestOpenFile(t *testing.T) {
	p := nilkaAtTheGates(t)
	p.a.st = files.Folder(t.TempDir())
	data, err := save.FromMatch(p.m).Encode()
	if err != nil {
		t.Fatal(err)
	}
	opened, ok := openFile(p.a, &openedFile{name: `C:\Downloads\my game.json`, data: data}).(*Play)
	if !ok || opened.m.Hash() != p.m.Hash() {
		t.Fatalf("the file does not open the game: %T", opened)
	}
	if _, err := p.a.st.Read("saves/my-game.json"); err != nil {
		t.Errorf("the opened game is not kept: %v", err)
	}
	title, ok := openFile(p.a, &openedFile{name: "notes.json", data: []byte("{")}).(*Title)
	if !ok || !strings.Contains(title.status, "notes.json") {
		t.Errorf("a broken file: %T %+v", title, title)
	}
}

// TestDebriefZip: the browser's debrief is the folder a desktop writes, in
// one zip archive.
func TestDebriefZip(t *testing.T) {
	e, _ := nilkaEnded(t)
	data, err := debriefZip(e, "nilka-1944-x")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	pngs := 0
	for _, f := range zr.File {
		names[f.Name] = true
		if strings.HasSuffix(f.Name, ".png") {
			pngs++
		}
	}
	if !names["nilka-1944-x/index.html"] || !names["nilka-1944-x/encyclopedia.html"] || pngs < 3 {
		t.Errorf("the archive holds %v", names)
	}
}
