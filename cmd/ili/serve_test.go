package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"ili/cmd/internal/cli"
	"ili/cmd/internal/web"
	"ili/internal/browser"
)

// probe is what the page's window.ili.state() says (probe, which this
// program, never linking Ebiten, reads as JSON).
type probe struct {
	Scene    string `json:"scene"`
	Frames   int    `json:"frames"`
	Ticks    int    `json:"ticks"`
	Scenario string `json:"scenario"`
	Turn     int    `json:"turn"`
	ToMove   string `json:"toMove"`
	Person   bool   `json:"person"`
	Hash     string `json:"hash"`
	Commands int    `json:"commands"`
	Stories  int    `json:"stories"`
	Items    []struct {
		Label string  `json:"label"`
		Off   bool    `json:"off"`
		X     float64 `json:"x"`
		Y     float64 `json:"y"`
	} `json:"items"`
	Selected string       `json:"selected"`
	Units    []probeUnit  `json:"units"`
	Reach    []probePoint `json:"reach"`
}

type probePoint struct {
	Col, Row int
	X, Y     float64
	On       bool
}

type probeUnit struct {
	ID string `json:"id"`
	probePoint
}

// startServe runs 'ili serve' on a free loopback port until the test ends
// and returns the page's address.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	old := serveContext
	serveContext = func() (context.Context, context.CancelFunc) { return ctx, stop }
	r, w := io.Pipe()
	done := make(chan int, 1)
	go func() {
		code := run(append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), w, w)
		w.Close()
		done <- code
	}()
	t.Cleanup(func() {
		stop()
		<-done
		serveContext = old
	})
	line, err := bufio.NewReader(r).ReadString('\n')
	go io.Copy(io.Discard, r)
	if err != nil {
		t.Fatalf("ili serve said nothing: %v", err)
	}
	m := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
	if m == "" {
		t.Fatalf("ili serve gives no address: %q", line)
	}
	return m
}

// servedTab serves the game with ili serve and opens a headless Chromium
// tab of w x h for it (the browser may take 8 minutes on a loaded
// machine); when the test ends, the tab closes and any error on the
// page's console fails the test.
func servedTab(t *testing.T, w, h int) (string, *browser.Tab) {
	t.Helper()
	needsGame(t)
	url := startServe(t)
	tab, err := browser.NewTab(w, h, 8*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// The GL driver's notes on its own speed are not the page's problems.
		for _, e := range tab.Errors("GL Driver Message") {
			t.Errorf("the console says: %s", e)
		}
		tab.Close()
	})
	return url, tab
}

// needsGame skips a test of the browser's game when this ili was built
// without it (make web builds it, and make test runs make web first).
func needsGame(t *testing.T) {
	t.Helper()
	if _, err := web.New(""); errors.Is(err, web.ErrNotBuilt) {
		t.Skip("the game for the browser is not built: make web builds it (make test does)")
	} else if err != nil {
		t.Fatal(err)
	}
}

func TestServeServesThePage(t *testing.T) {
	needsGame(t)
	url := startServe(t)
	get := func(path, enc string) *http.Response {
		req, _ := http.NewRequest("GET", strings.TrimSuffix(url, "/")+path, nil)
		req.Header.Set("Accept-Encoding", enc)
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { resp.Body.Close() })
		return resp
	}
	if r := get("/", "gzip"); r.StatusCode != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Errorf("/: %s %s", r.Status, r.Header.Get("Content-Type"))
	}
	gz := get("/ili.wasm", "gzip, deflate, br")
	if gz.StatusCode != 200 || gz.Header.Get("Content-Encoding") != "gzip" || gz.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("the game to a browser that takes gzip: %s, %q, %q", gz.Status, gz.Header.Get("Content-Encoding"), gz.Header.Get("Content-Type"))
	}
	raw := get("/ili.wasm", "identity")
	head := make([]byte, 4)
	io.ReadFull(raw.Body, head)
	if raw.Header.Get("Content-Encoding") != "" || string(head) != "\x00asm" {
		t.Errorf("the game to a client that takes no gzip: %q, starts %q", raw.Header.Get("Content-Encoding"), head)
	}
	if gz.ContentLength >= raw.ContentLength || gz.ContentLength <= 0 {
		t.Errorf("compressed %d bytes, uncompressed %d", gz.ContentLength, raw.ContentLength)
	}
	t.Logf("the game: %.1f MB, %.1f MB with gzip", float64(raw.ContentLength)/1e6, float64(gz.ContentLength)/1e6)
	wgz, wraw := get("/ili-worker.wasm", "gzip"), get("/ili-worker.wasm", "")
	io.ReadFull(wraw.Body, head)
	if wgz.Header.Get("Content-Encoding") != "gzip" || string(head) != "\x00asm" || wgz.ContentLength >= wraw.ContentLength {
		t.Errorf("the lab's worker: %s %q (%d bytes), uncompressed %s starting %q (%d bytes)", wgz.Status, wgz.Header.Get("Content-Encoding"), wgz.ContentLength, wraw.Status, head, wraw.ContentLength)
	}
	t.Logf("the lab's worker: %.1f MB, %.1f MB with gzip", float64(wraw.ContentLength)/1e6, float64(wgz.ContentLength)/1e6)
	req, _ := http.NewRequest("GET", url+"ili.wasm", nil)
	req.Header.Set("If-None-Match", gz.Header.Get("ETag"))
	if r, err := http.DefaultClient.Do(req); err != nil || r.StatusCode != http.StatusNotModified {
		t.Errorf("a browser that has the game fetches it again: %v %v", r, err)
	}
	for path, want := range map[string]int{"/wasm_exec.js": 200, "/worker.js": 200, "/lessons/ghulja-police.toml": 200,
		"/lessons/../main.go": 404, "/lessons/none.toml": 404, "/main.go": 404} {
		if r := get(path, ""); r.StatusCode != want {
			t.Errorf("%s: %s, want %d", path, r.Status, want)
		}
	}
	dir := t.TempDir()
	if code, out, errs := runCLI("serve", "--write", dir); code != cli.OK {
		t.Fatalf("ili serve --write: %d %s %s", code, out, errs)
	}
	for _, f := range []string{"index.html", "wasm_exec.js", "ili.wasm", "ili.wasm.gz", "worker.js", "ili-worker.wasm", "ili-worker.wasm.gz", "lessons/ghulja-police.toml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("ili serve --write wrote no %s", f)
		}
	}
}

func TestServeMistakes(t *testing.T) {
	if code, _, errs := runCLI("serve", "extra"); code != cli.Usage || !strings.Contains(errs, "takes no arguments") {
		t.Errorf("ili serve extra: %d %q", code, errs)
	}
	if code, _, errs := runCLI("serve", "--lessons", filepath.Join(t.TempDir(), "none")); code != cli.Bad || !strings.Contains(errs, "no such folder") {
		t.Errorf("ili serve --lessons none: %d %q", code, errs)
	}
}

// TestBrowserGame plays the browser's game in headless Chromium, driven as
// a person drives it: ili serve on a free loopback port; the page loads
// with nothing on the console; the title screen is drawn (its pixels are
// looked at); a link opens a new game of nilka-1944; a unit is clicked and
// moved by clicks on the map; E ends the turn and the AI plays; the game
// is in the browser's storage (the autosave of the new turn), with the
// state hash the game shows; the page is loaded again and a click on
// Continue brings the same game back, hash for hash. The page's test hook
// (?test=1, probe through window.ili.state()) says where the units and
// the menu's items are on the screen and what the game's state hash is; the
// clicks and keys are the browser's own input events.
func TestBrowserGame(t *testing.T) {
	if testing.Short() {
		t.Skip("plays a game in Chromium; not in -short")
	}
	url, tab := servedTab(t, 1280, 800)
	state := func() probe {
		t.Helper()
		var s string
		if err := tab.Eval(`window.ili ? window.ili.state() : "{}"`, &s); err != nil {
			t.Fatal(err)
		}
		var p probe
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// held keeps a key or a button down until the game has read three
	// frames of input, whatever the speed of the machine.
	held := func() {
		n := state().Ticks
		for deadline := time.Now().Add(10 * time.Second); state().Ticks < n+3 && time.Now().Before(deadline); {
			time.Sleep(20 * time.Millisecond)
		}
	}
	// poll waits up to d for ok.
	poll := func(d time.Duration, ok func(probe) bool) (probe, bool) {
		deadline := time.Now().Add(d)
		for {
			p := state()
			if ok(p) || time.Now().After(deadline) {
				return p, ok(p)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitFor := func(what string, ok func(probe) bool) probe {
		t.Helper()
		p, done := poll(90*time.Second, ok)
		if !done {
			t.Fatalf("waited 90 s for %s; the game is at %+v", what, p)
		}
		return p
	}
	// until acts (a click, a key) until the game shows ok, unless it does
	// already, three times at most: a machine under load may draw a frame in a quarter of a second
	// or more, and the game reads its input once a frame.
	until := func(what string, act func() error, ok func(probe) bool) probe {
		t.Helper()
		p := state()
		if ok(p) {
			return p
		}
		for try := 0; try < 3; try++ {
			if err := act(); err != nil {
				t.Fatal(err)
			}
			var done bool
			if p, done = poll(20*time.Second, ok); done {
				return p
			}
			t.Logf("%s: not yet after 20 s (try %d); the game is at %+v", what, try+1, p)
		}
		t.Fatalf("%s: the game does not follow its input; it is at %+v", what, p)
		return p
	}
	click := func(x, y float64) func() error { return func() error { return tab.Click(x, y, held) } }
	key := func(k string) func() error { return func() error { return tab.Key(k, held) } }
	readStories := func(p probe) probe {
		for p.Stories > 0 {
			n := p.Stories
			p = until("a story read", key(kb.Enter), func(p probe) bool { return p.Stories < n })
		}
		return p
	}

	// The title screen, and the time to its first frame.
	start := time.Now()
	if err := tab.Navigate(url + "?test=1"); err != nil {
		t.Fatal(err)
	}
	waitFor("the title screen's first frame", func(p probe) bool { return p.Scene == "title" && p.Frames > 0 })
	var times map[string]float64
	tab.Eval(`window.iliTimes`, &times)
	t.Logf("first frame %.2f s after the page was asked for; by the page's clock: the game downloaded and compiled at %.2f s, its packages ready at %.2f s, the first frame at %.2f s",
		time.Since(start).Seconds(), times["compiled"]/1000, times["main"]/1000, times["firstFrame"]/1000)
	time.Sleep(300 * time.Millisecond)
	shot, err := tab.Screenshot()
	if err != nil {
		t.Fatal(err)
	}
	if colours, inked := looks(shot); colours < 100 || inked < 0.5 {
		t.Errorf("the title screen looks blank: %d colours, %.0f%% of it unlike the page's background", colours, 100*inked)
	}

	// A new game from a link, its stories read.
	if err := tab.Navigate(url + "?test=1&scenario=nilka-1944&side=insurgents&seed=3"); err != nil {
		t.Fatal(err)
	}
	p := waitFor("the game", func(p probe) bool { return p.Scene == "play" && p.Person && p.Frames > 0 })
	if p.Scenario != "nilka-1944" || p.ToMove != "insurgents" || p.Turn != 1 {
		t.Fatalf("the link opened %+v", p)
	}
	p = readStories(p)

	// A unit moves: clicked, then a hex of its reach clicked.
	var unit probeUnit
	for _, u := range p.Units {
		if u.On {
			unit = u
			break
		}
	}
	if unit.ID == "" {
		t.Fatalf("none of the insurgents' units is on the screen: %+v", p.Units)
	}
	p = until("the unit selected", click(unit.X, unit.Y), func(p probe) bool { return p.Selected == unit.ID && len(p.Reach) > 0 })
	var to probePoint
	for _, r := range p.Reach {
		if r.On && (r.Col != unit.Col || r.Row != unit.Row) {
			to = r
		}
	}
	if !to.On {
		t.Fatalf("%s can reach no hex on the screen: %+v", unit.ID, p.Reach)
	}
	before := p.Commands
	p = until("the move", click(to.X, to.Y), func(p probe) bool { return p.Commands > before })
	for _, u := range p.Units {
		if u.ID == unit.ID && (u.Col != to.Col || u.Row != to.Row) {
			t.Errorf("%s went to %d,%d, not %d,%d", unit.ID, u.Col, u.Row, to.Col, to.Row)
		}
	}

	// The turn ends (E); the AI plays its phase, shown or skipped with Enter.
	until("the turn ended", key("e"), func(p probe) bool { return p.Turn > 1 || !p.Person })
	p = until("the next turn", key(kb.Enter), func(p probe) bool { return p.Turn == 2 && p.Person })
	p = readStories(p)
	hash, turn := p.Hash, p.Turn

	// Kept in the browser's storage: the autosave of the new turn.
	var saved string
	if err := tab.Eval(`localStorage.getItem("ili:saves/autosave.json") || ""`, &saved); err != nil {
		t.Fatal(err)
	}
	var g struct {
		Format   string `json:"format"`
		Scenario string `json:"scenario"`
		Final    string `json:"final"`
	}
	if err := json.Unmarshal([]byte(saved), &g); err != nil {
		t.Fatalf("the autosave in the browser's storage does not read: %v (%.100q)", err, saved)
	}
	if g.Format != "ili-save/2" || g.Scenario != "nilka-1944" || g.Final != hash {
		t.Fatalf("the autosave is %s of %s at %s; the game is at %s", g.Format, g.Scenario, g.Final, hash)
	}

	// The page again: Continue brings the game back.
	if err := tab.Navigate(url + "?test=1"); err != nil {
		t.Fatal(err)
	}
	p = waitFor("the title screen", func(p probe) bool { return p.Scene == "title" && p.Frames > 0 && len(p.Items) > 0 })
	cont := -1
	for i, it := range p.Items {
		if strings.HasPrefix(it.Label, "Continue") {
			cont = i
		}
	}
	if cont < 0 || p.Items[cont].Off || !strings.Contains(p.Items[cont].Label, fmt.Sprintf("turn %d", turn)) {
		t.Fatalf("the title screen offers no game to continue: %+v", p.Items)
	}
	p = until("the game continued", click(p.Items[cont].X, p.Items[cont].Y), func(p probe) bool { return p.Scene == "play" })
	if p.Hash != hash || p.Turn != turn || p.Scenario != "nilka-1944" {
		t.Errorf("Continue brought back turn %d of %s at %s; the game was at turn %d, %s", p.Turn, p.Scenario, p.Hash, turn, hash)
	}
}

// looks says how many colours a picture has and the share of its pixels
// unlike the page's background.
func looks(img image.Image) (colours int, inked float64) {
	seen := map[uint32]bool{}
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[r>>11<<10|g>>11<<5|bl>>11] = true
			if d := abs(int(r>>8)-0x14) + abs(int(g>>8)-0x16) + abs(int(bl>>8)-0x1c); d > 24 {
				n++
			}
		}
	}
	return len(seen), float64(n) / float64(b.Dx()*b.Dy())
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
