// Command dist builds ili for the desktops and packs each build, with the
// README, the notes for its platform and the licences of everything linked
// into it, as an archive in dist/ (make dist runs it):
//
//	go run ./tools/dist [--out dist] [--version V] [--targets linux/amd64,windows/amd64,...]
//
// Each archive holds ili (the headless commands and ili serve, which
// serves the browser game built by make web) and, where Ebiten can be built
// for the platform here, ili-window (the game window ili play opens):
//
//   - linux/amd64 and linux/arm64: cgo against X11, with the system's C
//     compiler, or for the other architecture a cross compiler and that
//     architecture's X11 libraries (scripts/setup.sh dist installs them on
//     Debian for arm64);
//   - windows/amd64: no C at all;
//   - darwin/amd64 and darwin/arm64: Ebiten 2.8 builds its macOS window with
//     cgo against Apple's SDK (Cocoa), which only a Mac has. Elsewhere the
//     macOS archives carry ili alone, whose ili serve plays the game in the
//     browser; on a Mac, make build (or this tool) builds the window too.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

func main() {
	out := flag.String("out", "dist", "the folder the archives are written to")
	version := flag.String("version", "", "the version stamped into the programs (default: git describe)")
	targets := flag.String("targets", "all", "GOOS/GOARCH pairs, comma-separated, or all: "+strings.Join(names(All), ","))
	flag.Parse()
	root, err := moduleRoot()
	if err != nil {
		fail(err)
	}
	v := *version
	if v == "" {
		v = describe(root)
	}
	ts, err := parseTargets(*targets)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(2)
	}
	if _, err := os.Stat(filepath.Join(root, "cmd/internal/web/static/ili.wasm.gz")); err != nil {
		fmt.Fprintln(os.Stderr, "dist: warning: the browser game is not built, so ili serve in these archives will say so; run make web first (make dist does).")
	}
	if _, err := os.Stat(filepath.Join(root, "LICENSE")); err != nil {
		fmt.Fprintln(os.Stderr, "dist: warning: the project has no LICENSE file at its root; the archives carry the README and the licences of what is linked in, but not the project's own.")
	}
	var sums []string
	failed := false
	for _, t := range ts {
		start := time.Now()
		a, err := Build(root, t, v, *out)
		if err != nil {
			fmt.Fprintf(os.Stderr, "dist: %s: %v\n", t, err)
			failed = true
			continue
		}
		what := "ili, ili-window"
		if a.NoWindow != "" {
			what = "ili only (" + a.NoWindow + ")"
		}
		fmt.Printf("%-14s %s (%.1f MB) in %.0f s: %s\n", t, filepath.Base(a.Path), float64(a.Size)/1e6, time.Since(start).Seconds(), what)
		sums = append(sums, a.Sum+"  "+filepath.Base(a.Path))
	}
	if len(sums) > 0 {
		if err := appendSums(filepath.Join(*out, "SHA256SUMS"), sums); err != nil {
			fail(err)
		}
	}
	if failed {
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "dist:", err)
	os.Exit(1)
}

// moduleRoot is the folder of ili's go.mod.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return "", fmt.Errorf("run dist inside ili's module")
	}
	return filepath.Dir(mod), nil
}

// describe is the version git gives the working tree: the last tag and the
// commits since, or the commit, "-dirty" when it has uncommitted changes.
func describe(root string) string {
	cmd := exec.Command("git", "describe", "--tags", "--always", "--dirty")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "dev"
	}
	return strings.TrimSpace(string(out))
}

// Target is a platform to build for.
type Target struct{ OS, Arch string }

func (t Target) String() string { return t.OS + "/" + t.Arch }

// All are the platforms make dist builds.
var All = []Target{{"linux", "amd64"}, {"linux", "arm64"}, {"windows", "amd64"}, {"darwin", "amd64"}, {"darwin", "arm64"}}

func names(ts []Target) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.String())
	}
	return out
}

func parseTargets(s string) ([]Target, error) {
	if s == "all" || s == "" {
		return All, nil
	}
	var out []Target
	for _, f := range strings.Split(s, ",") {
		os, arch, ok := strings.Cut(strings.TrimSpace(f), "/")
		t := Target{os, arch}
		known := false
		for _, k := range All {
			known = known || k == t
		}
		if !ok || !known {
			return nil, fmt.Errorf("--targets: %q is not one of %s", f, strings.Join(names(All), ", "))
		}
		out = append(out, t)
	}
	return out, nil
}

// crossCC is the Debian cross compiler for a Linux architecture.
var crossCC = map[string]string{"amd64": "x86_64-linux-gnu-gcc", "arm64": "aarch64-linux-gnu-gcc"}

// windowEnv is the environment that builds ili-window for t here, or why
// it cannot be built here (and needs its own machine or packages).
func windowEnv(t Target) (env []string, why string) {
	switch t.OS {
	case "windows":
		return []string{"CGO_ENABLED=0"}, "" // Ebiten calls Windows through its DLLs, without C
	case "linux":
		if runtime.GOOS != "linux" {
			return nil, "the Linux window needs cgo against X11: build it on Linux"
		}
		if t.Arch == runtime.GOARCH {
			return []string{"CGO_ENABLED=1"}, ""
		}
		cc := crossCC[t.Arch]
		if _, err := exec.LookPath(cc); cc == "" || err != nil {
			return nil, fmt.Sprintf("the %s window needs cgo against X11 with the C cross compiler %s and %s's X11 libraries; scripts/setup.sh dist installs them on Debian", t, cc, t.Arch)
		}
		return []string{"CGO_ENABLED=1", "CC=" + cc}, ""
	case "darwin":
		if runtime.GOOS != "darwin" {
			return nil, "Ebiten 2.8 builds the macOS window with cgo against Apple's SDK, which only a Mac has; play in the browser with ili serve, or run make build on a Mac"
		}
		env := []string{"CGO_ENABLED=1"}
		if t.Arch != runtime.GOARCH {
			arch := map[string]string{"amd64": "x86_64", "arm64": "arm64"}[t.Arch]
			env = append(env, "CC=clang -arch "+arch)
		}
		return env, ""
	}
	return nil, "not a platform of ili's"
}
