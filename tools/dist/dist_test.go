package main

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLinuxArchive builds this machine's Linux archive as make dist does
// (the one platform of make dist's five that make test builds: it is the
// one that can run here), unpacks it and runs the headless commands of the
// build: ili --version, ili list and ili validate; under a display (make
// test runs under Xvfb) ili shot too, through the archive's ili-window.
func TestLinuxArchive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ili twice; not in -short")
	}
	if runtime.GOOS != "linux" || (runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64") {
		t.Skip("make dist's Linux archives run on linux/amd64 and linux/arm64")
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	const version = "v0.0.0-disttest"
	a, err := Build(root, Target{"linux", runtime.GOARCH}, version, out)
	if err != nil {
		t.Fatal(err)
	}
	if a.NoWindow != "" {
		t.Fatalf("the Linux archive has no window program: %s", a.NoWindow)
	}
	dir := t.TempDir()
	names := untar(t, a.Path, dir)
	base := "ili-" + version + "-linux-" + runtime.GOARCH + "/"
	for _, want := range []string{"ili", "ili-window", "README.md", "INSTALL.txt", "licenses/go/LICENSE",
		"licenses/github.com/hajimehoshi/ebiten/v2/LICENSE", "licenses/font/OFL.txt"} {
		if !names[base+want] {
			t.Errorf("the archive has no %s", want)
		}
	}
	ili := filepath.Join(dir, base, "ili")
	run := func(want int, args ...string) string {
		t.Helper()
		cmd := exec.Command(ili, args...)
		cmd.Dir = dir
		outb, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("ili %s: %v", strings.Join(args, " "), err)
		}
		if code != want {
			t.Errorf("ili %s: exit %d, want %d:\n%s", strings.Join(args, " "), code, want, outb)
		}
		return string(outb)
	}
	if v := run(0, "--version"); !strings.HasPrefix(v, "ili "+version+" (linux/"+runtime.GOARCH+", go") {
		t.Errorf("ili --version says %q, not the version stamped in", v)
	}
	if l := run(0, "list"); !strings.Contains(l, "nilka-1944") || !strings.Contains(l, "ghulja-1944") {
		t.Errorf("ili list does not list the bundled scenarios:\n%s", l)
	}
	if v := run(0, "validate"); !strings.Contains(v, "nilka-1944") || !strings.Contains(v, "encyclopedia: ok") {
		t.Errorf("ili validate does not check the bundled data:\n%s", v)
	}
	if os.Getenv("DISPLAY") != "" {
		png := filepath.Join(dir, "shot.png")
		run(0, "shot", "nilka-1944", "--out", png, "--size", "320x200")
		if st, err := os.Stat(png); err != nil || st.Size() < 1000 {
			t.Errorf("the archive's ili-window drew no picture: %v", err)
		}
	}
}

// untar unpacks a .tar.gz into dir and returns the names it held.
func untar(t *testing.T, path, dir string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	names := map[string]bool{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		names[h.Name] = true
		dst := filepath.Join(dir, filepath.FromSlash(h.Name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		w, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(h.Mode))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, tr); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	return names
}

func TestParseTargets(t *testing.T) {
	if ts, err := parseTargets("all"); err != nil || len(ts) != 5 {
		t.Errorf("all: %v %v", ts, err)
	}
	if ts, err := parseTargets("linux/amd64,windows/amd64"); err != nil || len(ts) != 2 || ts[1] != (Target{"windows", "amd64"}) {
		t.Errorf("two: %v %v", ts, err)
	}
	if _, err := parseTargets("plan9/386"); err == nil {
		t.Error("plan9/386 accepted")
	}
}

func TestWindowEnv(t *testing.T) {
	if env, why := windowEnv(Target{"windows", "amd64"}); why != "" || env[0] != "CGO_ENABLED=0" {
		t.Errorf("windows: %v %q", env, why)
	}
	if runtime.GOOS != "darwin" {
		if _, why := windowEnv(Target{"darwin", "arm64"}); !strings.Contains(why, "Mac") {
			t.Errorf("darwin here: %q", why)
		}
	}
}
