package game

import (
	"os/exec"
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

// TestDependenciesPointOneWay checks the layering: hex imports nothing of
// ours, rules only hex, scenario only rules and hex.
func TestDependenciesPointOneWay(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH")
	}
	allowed := map[string][]string{
		"ili/game/hex":      nil,
		"ili/game/rules":    {"ili/game/hex"},
		"ili/game/scenario": {"ili/game/hex", "ili/game/rules", "ili/scenarios"},
		"ili/game/calib":    {"ili/game/hex", "ili/game/rules"},
		"ili/game/ai":       {"ili/game/hex", "ili/game/rules"},
		"ili/game/whatif":   {"ili/game/ai", "ili/game/hex", "ili/game/rules", "ili/game/scenario", "ili/scenarios"},
	}
	for pkg, ok := range allowed {
		for _, dep := range goList(t, "-deps", pkg) {
			if !strings.HasPrefix(dep, "ili/") || dep == pkg {
				continue
			}
			found := false
			for _, a := range ok {
				found = found || a == dep
			}
			if !found {
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
