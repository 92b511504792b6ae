package ui

import (
	"os"
	"os/exec"
	"testing"
)

// ownProcess runs the calling test again in a process of its own and
// reports false, unless this is that process: Ebiten runs one game loop per
// process, and every test that renders a frame needs one.
func ownProcess(t *testing.T) bool {
	t.Helper()
	if os.Getenv("ILI_OWN_PROCESS") == t.Name() {
		ranGame = true
		return true
	}
	args := []string{"-test.run=^" + t.Name() + "$", "-test.count=1"}
	if *update {
		args = append(args, "-update")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "ILI_OWN_PROCESS="+t.Name())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%s, in a process of its own: %v\n%s", t.Name(), err, out)
	}
	return false
}
