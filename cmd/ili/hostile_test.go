package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"ili/cmd/internal/cli"
)

// oneSentence fails unless stderr is one line.
func oneSentence(t *testing.T, what, stderr string) {
	t.Helper()
	if s := strings.TrimSpace(stderr); s == "" || strings.Contains(s, "\n") || strings.Contains(s, "goroutine") {
		t.Errorf("%s: the error is not one line: %q", what, stderr)
	}
}

// within runs f and fails the test if it takes more than a generous bound:
// what it guards against is a hang, not slowness.
func within(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s hung", what)
	}
}

// TestValidateRefusesWhatIsNoFile: /dev/zero, a FIFO, a folder and a file
// past the size cap are each one sentence and exit 1, at once.
func TestValidateRefusesWhatIsNoFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, bytes.Repeat([]byte("# padding\n"), 600_000), 0o644)
	for _, name := range []string{"/dev/zero", fifo, dir + "/", big} {
		within(t, "validate "+name, func() {
			code, _, stderr := runCLI("validate", name)
			if code != cli.Bad {
				t.Errorf("validate %s: exit %d, want %d", name, code, cli.Bad)
			}
			oneSentence(t, "validate "+name, stderr)
		})
	}
}

// TestOutputPaths: --out and --chart write through a link, keep a file's
// mode, write to a device or a FIFO in place instead of replacing it, and
// take - for standard output.
func TestOutputPaths(t *testing.T) {
	dir := t.TempDir()
	sim := func(extra ...string) (int, string, string) {
		return runCLI(append([]string{"sim", "nilka-1944", "--runs", "2", "--ai", "insurgents=random", "--ai", "provincial=random"}, extra...)...)
	}
	// A 0600 file keeps its mode; a link stays a link.
	private := filepath.Join(dir, "private.txt")
	os.WriteFile(private, nil, 0o600)
	link := filepath.Join(dir, "link.txt")
	os.Symlink(private, link)
	if code, _, stderr := sim("--out", link); code != cli.OK {
		t.Fatalf("--out through a link: exit %d: %s", code, stderr)
	}
	if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
		t.Error("--out replaced a link with a file")
	}
	if info, _ := os.Stat(private); info.Mode().Perm() != 0o600 || info.Size() == 0 {
		t.Errorf("the link's target: mode %v, %d bytes", info.Mode().Perm(), info.Size())
	}
	// /dev/null stays a device, for --out and --chart.
	if code, _, stderr := sim("--out", "/dev/null", "--chart", "/dev/null"); code != cli.OK {
		t.Fatalf("--out /dev/null: exit %d: %s", code, stderr)
	}
	if info, _ := os.Stat("/dev/null"); info.Mode()&fs.ModeCharDevice == 0 {
		t.Fatal("/dev/null is no longer a device")
	}
	// - is standard output.
	if code, stdout, stderr := sim("--out", "-", "--format", "csv"); code != cli.OK || !strings.HasPrefix(stdout, "scenario,") {
		t.Errorf("--out -: exit %d, %q, %s", code, stdout, stderr)
	}
	// /dev/full fails, and says so.
	if _, err := os.Stat("/dev/full"); err == nil {
		code, _, stderr := sim("--out", "/dev/full")
		if code != cli.Bad {
			t.Errorf("--out /dev/full: exit %d", code)
		}
		oneSentence(t, "--out /dev/full", stderr)
		if info, _ := os.Stat("/dev/full"); info.Mode()&fs.ModeCharDevice == 0 {
			t.Fatal("/dev/full is no longer a device")
		}
	}
	fifoOut(t, dir, sim)
}

// fifoOut: a FIFO with no reader is refused at once; with a reader, the
// report goes down it and the FIFO stays.
func fifoOut(t *testing.T, dir string, sim func(...string) (int, string, string)) {
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	within(t, "--out to a FIFO with no reader", func() {
		if code, _, stderr := sim("--out", fifo); code != cli.Bad || !strings.Contains(stderr, "no program is reading") {
			t.Errorf("--out to a FIFO with no reader: exit %d, %q", code, stderr)
		}
	})
	cat := exec.Command("cat", fifo)
	var got bytes.Buffer
	cat.Stdout = &got
	if err := cat.Start(); err != nil {
		t.Skip("no cat here")
	}
	code, stderr := cli.Bad, ""
	for try := 0; try < 50 && code != cli.OK; try++ { // until cat has opened its end
		time.Sleep(20 * time.Millisecond)
		code, _, stderr = sim("--out", fifo, "--format", "csv")
	}
	if code != cli.OK {
		t.Errorf("--out to a FIFO with a reader: exit %d: %s", code, stderr)
	}
	cat.Wait()
	if !strings.HasPrefix(got.String(), "scenario,") {
		t.Errorf("the FIFO's reader got %q", got.String())
	}
	if info, _ := os.Lstat(fifo); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced by a file")
	}
}

// TestHelpOfEveryCommand: --help prints the usage and exits 0, and never
// goes on to run the command; ili sim's goes to standard output.
func TestHelpOfEveryCommand(t *testing.T) {
	for _, c := range [][]string{{"sim"}, {"sim", "merge"}, {"validate"}, {"replay"}, {"calibrate"}, {"list"}, {"history"}} {
		code, stdout, stderr := runCLI(append(c, "--help")...)
		help := stderr
		if c[0] == "sim" {
			help = stdout
			if stderr != "" {
				t.Errorf("%v --help writes to standard error: %q", c, stderr)
			}
		}
		if code != cli.OK || !strings.Contains(help, "Usage: ili "+strings.Join(c, " ")) || strings.Contains(help, "internal error") {
			t.Errorf("%v --help: exit %d, %q", c, code, help)
		}
	}
}

// TestFlagMistakesAreOneLine: a flag's value the parser cannot read, or an
// unknown flag, is one line and exit 2, not the whole usage.
func TestFlagMistakesAreOneLine(t *testing.T) {
	for _, c := range [][]string{{"sim", "nilka-1944", "--runs", "1e99"}, {"sim", "nilka-1944", "--workers", "99999999999999999999"},
		{"validate", "--nope"}, {"calibrate", "--reps"}, {"sim", "merge", "--format"}, {"history", "nilka-1944", "--nope"}} {
		code, _, stderr := runCLI(c...)
		if code != cli.Usage {
			t.Errorf("%v: exit %d, want %d", c, code, cli.Usage)
		}
		oneSentence(t, strings.Join(c, " "), stderr)
	}
}
