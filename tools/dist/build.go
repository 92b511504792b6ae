package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"ili/game/files"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Archive is one platform's build, packed.
type Archive struct {
	Path     string
	Size     int64
	Sum      string // SHA-256, hex
	NoWindow string // why it has no ili-window, when it has none
}

// file is one file of an archive.
type file struct {
	name string // slash path inside the archive's folder
	data []byte
	exec bool
}

// Build builds ili (and ili-window where it can be built here) for t,
// stamped with version, and writes the archive into out.
func Build(root string, t Target, version, out string) (*Archive, error) {
	tmp, err := os.MkdirTemp("", "ili-dist")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	exe := ""
	if t.OS == "windows" {
		exe = ".exe"
	}
	ldflags := "-s -w -X ili/cmd/internal/cli.Version=" + version
	var members []file
	add := func(name, pkg string, env []string) error {
		bin := filepath.Join(tmp, name+exe)
		if err := goBuild(root, t, env, "build", "-trimpath", "-ldflags", ldflags, "-o", bin, pkg); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		data, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		members = append(members, file{name: name + exe, data: data, exec: true})
		return nil
	}
	if err := add("ili", "./cmd/ili", []string{"CGO_ENABLED=0"}); err != nil {
		return nil, err
	}
	pkgs := []string{"./cmd/ili"}
	licEnv := []string{"CGO_ENABLED=0"}
	winEnv, noWindow := windowEnv(t)
	if noWindow == "" {
		if err := add("ili-window", "./cmd/ili-window", winEnv); err != nil {
			return nil, err
		}
		pkgs = append(pkgs, "./cmd/ili-window")
		licEnv = winEnv
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return nil, err
	}
	members = append(members, file{name: "README.md", data: readme}, file{name: "INSTALL.txt", data: []byte(install(t, version, noWindow))})
	if lic, err := os.ReadFile(filepath.Join(root, "LICENSE")); err == nil {
		members = append(members, file{name: "LICENSE", data: lic})
	}
	lics, err := licences(root, t, licEnv, pkgs)
	if err != nil {
		return nil, err
	}
	members = append(members, lics...)

	name := fmt.Sprintf("ili-%s-%s-%s", version, t.OS, t.Arch)
	var buf bytes.Buffer
	ext := ".tar.gz"
	if t.OS == "windows" {
		ext = ".zip"
		err = writeZip(&buf, name, members)
	} else {
		err = writeTarGz(&buf, name, members)
	}
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(out, name+ext)
	if err := files.Write(path, buf.Bytes()); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(buf.Bytes())
	return &Archive{Path: path, Size: int64(buf.Len()), Sum: hex.EncodeToString(sum[:]), NoWindow: noWindow}, nil
}

// goBuild runs the go command for t in the module's root, with the
// environment env added.
func goBuild(root string, t Target, env []string, args ...string) error {
	_, err := goRun(root, t, env, args...)
	return err
}

func goRun(root string, t Target, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(append(os.Environ(), "GOOS="+t.OS, "GOARCH="+t.Arch), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %v\n%s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// licences are the licence files of every module linked into pkgs for t,
// of Go itself and of the font, under licenses/.
func licences(root string, t Target, env []string, pkgs []string) ([]file, error) {
	args := append([]string{"list", "-deps", "-f", "{{with .Module}}{{.Path}}\t{{.Dir}}{{end}}"}, pkgs...)
	out, err := goRun(root, t, env, args...)
	if err != nil {
		return nil, err
	}
	dirs := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		path, dir, ok := strings.Cut(line, "\t")
		if ok && path != "ili" && dir != "" {
			dirs[path] = dir
		}
	}
	goroot, err := goRun(root, t, nil, "env", "GOROOT")
	if err != nil {
		return nil, err
	}
	dirs["go"] = strings.TrimSpace(string(goroot))
	var mods []string
	for m := range dirs {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	var files []file
	for _, m := range mods {
		found := 0
		for _, pat := range []string{"LICENSE*", "LICENCE*", "COPYING*", "NOTICE*", "PATENTS"} {
			names, _ := filepath.Glob(filepath.Join(dirs[m], pat))
			for _, n := range names {
				data, err := os.ReadFile(n)
				if err != nil {
					return nil, err
				}
				files = append(files, file{name: "licenses/" + m + "/" + filepath.Base(n), data: data})
				found++
			}
		}
		if found == 0 {
			return nil, fmt.Errorf("module %s has no licence file in %s", m, dirs[m])
		}
	}
	for _, f := range []string{"OFL.txt", "LICENSE-Go.txt"} {
		data, err := os.ReadFile(filepath.Join(root, "assets/fonts", f))
		if err != nil {
			return nil, err
		}
		files = append(files, file{name: "licenses/font/" + f, data: data})
	}
	return files, nil
}

// stamp is the time written into the archives: fixed, so that the same
// programs pack into the same bytes.
var stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func writeTarGz(w io.Writer, dir string, files []file) error {
	gz, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		mode := int64(0o644)
		if f.exec {
			mode = 0o755
		}
		h := &tar.Header{Name: dir + "/" + f.name, Mode: mode, Size: int64(len(f.data)), ModTime: stamp, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, dir string, files []file) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		h := &zip.FileHeader{Name: dir + "/" + f.name, Method: zip.Deflate, Modified: stamp}
		mode := os.FileMode(0o644)
		if f.exec {
			mode = 0o755
		}
		h.SetMode(mode)
		fw, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// appendSums adds lines to the checksums file, replacing the lines of the
// same archives.
func appendSums(path string, lines []string) error {
	old, err := files.Read(path, 1<<20)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	keep := map[string]string{}
	for _, l := range strings.Split(string(old), "\n") {
		if _, name, ok := strings.Cut(l, "  "); ok {
			keep[name] = l
		}
	}
	for _, l := range lines {
		_, name, _ := strings.Cut(l, "  ")
		keep[name] = l
	}
	var all []string
	for _, l := range keep {
		all = append(all, l)
	}
	sort.Slice(all, func(i, j int) bool {
		_, a, _ := strings.Cut(all[i], "  ")
		_, b, _ := strings.Cut(all[j], "  ")
		return a < b
	})
	return files.Write(path, []byte(strings.Join(all, "\n")+"\n"))
}

// install is the archive's INSTALL.txt: what is in it and how to start it
// on its platform.
func install(t Target, version, noWindow string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "ili %s for %s\n\n", version, t)
	exe := ""
	if t.OS == "windows" {
		exe = ".exe"
	}
	fmt.Fprintf(&b, "ili%s        the game and its tools (ili list, ili validate, ili sim, ili report, ili serve...)\n", exe)
	if noWindow == "" {
		fmt.Fprintf(&b, "ili-window%s the game window that 'ili play' opens; keep it beside ili%s\n", exe, exe)
	}
	b.WriteString("README.md     how to play, the scenarios, the command line\nlicenses/     the licences of Go, of the libraries linked in and of the font\n\n")
	switch t.OS {
	case "linux":
		b.WriteString("Unpack it anywhere and run ./ili from a terminal (./ili play nilka-1944, or ./ili for the\n" +
			"title screen). The window needs X11 (or XWayland) and OpenGL, which every desktop has; on a\n" +
			"minimal system install libgl1, libx11-6, libxcursor1, libxi6, libxinerama1, libxrandr2 and\n" +
			"libxxf86vm1.\n")
	case "windows":
		b.WriteString("Unzip it and double-click ili.exe (or run ili.exe play nilka-1944 in a terminal). Windows\n" +
			"may warn that the program is from an unknown publisher: it is not signed; choose More info,\n" +
			"then Run anyway.\n")
	case "darwin":
		b.WriteString("Unpack it and run ./ili in Terminal. macOS marks programs downloaded from the internet\n" +
			"and refuses unsigned ones; allow it once with: xattr -d com.apple.quarantine ili\n")
	}
	if noWindow != "" {
		fmt.Fprintf(&b, "\nThis build has no game window (%s).\n", noWindow)
	}
	b.WriteString("\nThe game in a browser: run 'ili serve' and open the address it prints (README.md, \"In the\n" +
		"browser\", says how to put it on a school's server).\n")
	return b.String()
}
