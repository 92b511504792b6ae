package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestArchives checks make dist's archives. make test builds every target
// into a folder and names it in ILI_DIST: then each of make dist's five
// archives must be there, listed in SHA256SUMS with its checksum, hold the
// programs and papers of its platform, and the Linux builds must run their
// headless commands (ili --version, ili list, ili validate), arm64's under
// qemu's user mode when this machine is not arm64. Without ILI_DIST (go
// test alone) it builds this machine's Linux archive as make dist does and
// checks that one. Under a display (make test runs under Xvfb) the
// machine's own Linux archive also draws a picture with ili shot, through
// its ili-window.
func TestArchives(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ili twice; not in -short")
	}
	archives := map[Target]string{}
	if dir := os.Getenv("ILI_DIST"); dir != "" {
		archives = distArchives(t, dir)
	} else {
		if runtime.GOOS != "linux" || (runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64") {
			t.Skip("make dist's Linux archives run on linux/amd64 and linux/arm64; set ILI_DIST to check archives built elsewhere")
		}
		root, err := moduleRoot()
		if err != nil {
			t.Fatal(err)
		}
		native := Target{"linux", runtime.GOARCH}
		a, err := Build(root, native, "v0.0.0-disttest", t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		archives[native] = a.Path
	}
	for tg, path := range archives {
		t.Run(tg.OS+"-"+tg.Arch, func(t *testing.T) { checkArchive(t, tg, path) })
	}
}

// distArchives finds each of make dist's targets' archive in dir and checks
// it against dir's SHA256SUMS.
func distArchives(t *testing.T, dir string) map[Target]string {
	t.Helper()
	sums, err := os.ReadFile(filepath.Join(dir, "SHA256SUMS"))
	if err != nil {
		t.Fatalf("make dist wrote no checksums: %v", err)
	}
	listed := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(sums)), "\n") {
		sum, name, _ := strings.Cut(l, "  ")
		listed[name] = sum
	}
	archives := map[Target]string{}
	for _, tg := range All {
		found, _ := filepath.Glob(filepath.Join(dir, "ili-*-"+tg.OS+"-"+tg.Arch+extension(tg)))
		if len(found) != 1 {
			t.Errorf("%s: %d archives in %s, want 1: %v", tg, len(found), dir, found)
			continue
		}
		data, err := os.ReadFile(found[0])
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := listed[filepath.Base(found[0])]; got != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: SHA256SUMS says %q, the archive's checksum is %x", tg, got, sum)
		}
		archives[tg] = found[0]
	}
	return archives
}

func extension(tg Target) string {
	if tg.OS == "windows" {
		return ".zip"
	}
	return ".tar.gz"
}

// checkArchive unpacks one platform's archive, checks what it holds and,
// for Linux, runs its headless commands.
func checkArchive(t *testing.T, tg Target, path string) {
	dir := t.TempDir()
	var names map[string]bool
	if tg.OS == "windows" {
		names = unzip(t, path)
	} else {
		names = untar(t, path, dir)
	}
	stem := strings.TrimSuffix(filepath.Base(path), extension(tg))
	version := strings.TrimSuffix(strings.TrimPrefix(stem, "ili-"), "-"+tg.OS+"-"+tg.Arch)
	exe := map[bool]string{true: ".exe"}[tg.OS == "windows"]
	want := []string{"ili" + exe, "README.md", "INSTALL.txt", "licenses/go/LICENSE", "licenses/font/OFL.txt"}
	if tg.OS != "darwin" {
		want = append(want, "ili-window"+exe, "licenses/github.com/hajimehoshi/ebiten/v2/LICENSE")
	}
	for _, w := range want {
		if !names[stem+"/"+w] {
			t.Errorf("the archive has no %s", w)
		}
	}
	if tg.OS != "linux" {
		return
	}
	run, ok := runner(t, tg, filepath.Join(dir, stem, "ili"))
	if !ok {
		return
	}
	if v := run(0, "--version"); !strings.HasPrefix(v, "ili "+version+" ("+tg.String()+", go") {
		t.Errorf("ili --version says %q, not the version stamped in", v)
	}
	if l := run(0, "list"); !strings.Contains(l, "nilka-1944") || !strings.Contains(l, "ghulja-1944") {
		t.Errorf("ili list does not list the bundled scenarios:\n%s", l)
	}
	if v := run(0, "validate"); !strings.Contains(v, "nilka-1944") || !strings.Contains(v, "encyclopedia: ok") {
		t.Errorf("ili validate does not check the bundled data:\n%s", v)
	}
	if os.Getenv("DISPLAY") != "" && tg.Arch == runtime.GOARCH {
		png := filepath.Join(dir, "shot.png")
		run(0, "shot", "nilka-1944", "--out", png, "--size", "320x200")
		if st, err := os.Stat(png); err != nil || st.Size() < 1000 {
			t.Errorf("the archive's ili-window drew no picture: %v", err)
		}
	}
}

// runner returns a function that runs the unpacked ili with arguments and
// checks its exit code: directly on its own architecture, under
// qemu-ARCH-static on another, and false when neither can run it here.
func runner(t *testing.T, tg Target, ili string) (func(want int, args ...string) string, bool) {
	var prefix []string
	if runtime.GOOS != "linux" {
		t.Logf("%s: not run, this machine is %s", tg, runtime.GOOS)
		return nil, false
	}
	if tg.Arch != runtime.GOARCH {
		q := map[string]string{"amd64": "qemu-x86_64-static", "arm64": "qemu-aarch64-static"}[tg.Arch]
		if _, err := exec.LookPath(q); err != nil {
			if os.Getenv("ILI_DIST") != "" {
				t.Errorf("%s: %s is missing, so the %s build cannot run here; scripts/setup.sh dist installs qemu-user-static", tg, q, tg.Arch)
			}
			return nil, false
		}
		prefix = []string{q}
	}
	return func(want int, args ...string) string {
		t.Helper()
		argv := append(append(prefix[:len(prefix):len(prefix)], ili), args...)
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir = filepath.Dir(ili)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("ili %s: %v", strings.Join(args, " "), err)
		}
		if code != want {
			t.Errorf("ili %s: exit %d, want %d:\n%s", strings.Join(args, " "), code, want, out)
		}
		return string(out)
	}, true
}

// unzip returns the names a .zip holds.
func unzip(t *testing.T, path string) map[string]bool {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	names := map[string]bool{}
	for _, f := range r.File {
		names[f.Name] = true
	}
	return names
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
