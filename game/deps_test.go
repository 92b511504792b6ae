package game

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const ebiten = "github.com/hajimehoshi/ebiten/v2"

func goList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("go", append([]string{"list"}, args...)...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("go list %v: %v\n%s", args, err, msg)
	}
	return strings.Fields(string(out))
}

// TestOnlyUIImportsEbiten fails if any package under game/ other than
// game/ui depends on Ebiten, directly or not: a test binary that links Ebiten
// panics without a display, and the rules must stay headless.
func TestOnlyUIImportsEbiten(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	pkgs := goList(t, "ili/game/...")
	checked := 0
	for _, p := range pkgs {
		if p == "ili/game/ui" || strings.HasPrefix(p, "ili/game/ui/") {
			continue
		}
		for _, dep := range goList(t, "-deps", p) {
			if dep == ebiten || strings.HasPrefix(dep, ebiten+"/") {
				t.Errorf("%s depends on %s; only ili/game/ui may", p, dep)
				break
			}
		}
		checked++
	}
	if checked < 3 {
		t.Errorf("checked only %d packages; go list found %v", checked, pkgs)
	}
}

// below lists, for every package under game/, the packages of ours it may
// use: the one-way flow ui -> whatif -> save -> match -> ai, scenario ->
// rules -> hex, with ai and scenario side by side and calib on rules alone;
// history (the record replayed) stands on scenario beside ai, under match;
// files, which reads and writes every file, and stats are at the bottom
// beside hex; paint, which draws the map on any canvas, stands on rules;
// campaign (the timeline of the whole rising, with the scenarios as its
// stops) stands on scenario and history, under ui; debrief (a played game
// summed up, and a class's games) on whatif and paint, under ui; encyclopedia (an entry for every
// name the scenarios give) on scenario, under ui; words (the game said in
// English: the log's lines) on scenario, under ui; mapgen (a map drawn from
// latitude and longitude, ili mapgen) on scenario. ili/assets (the font) is a
// leaf beside them all: any package may use it (leaves).
var below = func() map[string][]string {
	bottom := []string{"ili/game/files", "ili/game/stats"}
	hex := []string{"ili/game/hex"}
	rules := append([]string{"ili/game/rules"}, hex...)
	scenario := append(append([]string{"ili/game/scenario", "ili/scenarios"}, rules...), bottom...)
	match := append([]string{"ili/game/match", "ili/game/ai", "ili/game/history"}, scenario...)
	save := append([]string{"ili/game/save"}, match...)
	whatif := append([]string{"ili/game/whatif"}, save...)
	campaign := append([]string{"ili/game/campaign", "ili/scenarios/campaign", "ili/game/history"}, scenario...)
	encyclopedia := append([]string{"ili/game/encyclopedia", "ili/scenarios/encyclopedia"}, scenario...)
	return map[string][]string{
		"ili/game/files":           nil,
		"ili/game/stats":           nil,
		"ili/game/hex":             nil,
		"ili/game/rules":           hex,
		"ili/game/rules/rulestest": rules,
		"ili/game/scenario":        scenario[1:],
		"ili/game/calib":           append([]string{"ili/game/stats"}, rules...),
		"ili/game/ai":              rules,
		"ili/game/history":         scenario,
		"ili/game/match":           match[1:],
		"ili/game/save":            save[1:],
		"ili/game/whatif":          whatif[1:],
		"ili/game/paint":           rules,
		"ili/game/campaign":        campaign[1:],
		"ili/game/debrief":         append([]string{"ili/game/paint"}, whatif...),
		"ili/game/lesson":          append([]string{"ili/game/ai"}, scenario...),
		"ili/game/encyclopedia":    encyclopedia[1:],
		"ili/game/words":           scenario,
		"ili/game/mapgen":          scenario,
		"ili/game/ui":              append(append(append([]string{"ili/game/paint", "ili/game/debrief", "ili/game/lesson", "ili/game/words"}, campaign[:2]...), encyclopedia[:2]...), whatif...),
	}
}()

// leaves are packages of ours that use none of ours, which any package may use.
var leaves = []string{"ili/assets"}

// TestDependenciesPointOneWay checks the layering of every package under
// game/: each one has its place in below, and uses only what lies below it
// and the leaves; the leaves use nothing of ours.
func TestDependenciesPointOneWay(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	for _, leaf := range leaves {
		for _, dep := range goList(t, "-deps", leaf) {
			if strings.HasPrefix(dep, "ili/") && dep != leaf {
				t.Errorf("%s, a leaf, depends on %s", leaf, dep)
			}
		}
	}
	for _, pkg := range goList(t, "ili/game/...") {
		if pkg == "ili/game" { // this test's own package
			continue
		}
		ok, placed := below[pkg]
		if !placed {
			t.Errorf("%s has no place in the one-way flow; add it to below in deps_test.go", pkg)
			continue
		}
		for _, dep := range goList(t, "-deps", pkg) {
			if strings.HasPrefix(dep, "ili/") && dep != pkg && !slices.Contains(ok, dep) && !slices.Contains(leaves, dep) {
				t.Errorf("%s depends on %s, against the one-way flow", pkg, dep)
			}
		}
	}
}

// TestHeadlessCommandStartsWithoutEbiten: ili itself must not link Ebiten,
// whose package initialisation panics without a display; only ili-window may.
func TestHeadlessCommandStartsWithoutEbiten(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	for _, dep := range goList(t, "-deps", "ili/cmd/ili") {
		if strings.HasPrefix(dep, ebiten) {
			t.Fatalf("ili/cmd/ili depends on %s", dep)
		}
	}
}
