package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ili/cmd/internal/cli"
)

// TestEncyclopediaCommand: ili encyclopedia writes one self-contained page
// into the folder --out names, making it if need be, and into the current
// folder without --out; a file where the folder should be, or an argument,
// is refused in one line.
func TestEncyclopediaCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	code, stdout, stderr := runCLI("encyclopedia", "--out", dir)
	page := filepath.Join(dir, "encyclopedia.html")
	if code != cli.OK || !strings.Contains(stdout, page) || stderr != "" {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	for _, want := range []string{"<!DOCTYPE html>", `name="viewport"`, `id="osman-batur"`, `id="src-F44c"`, `id="bibliography"`, "@media print"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(html, "<script") || strings.Contains(html, " src=") {
		t.Errorf("the page loads something or runs a script")
	}

	// Without --out, the page goes into the current folder.
	here := t.TempDir()
	t.Chdir(here)
	if code, _, stderr := runCLI("encyclopedia"); code != cli.OK {
		t.Fatalf("without --out: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(here, "encyclopedia.html")); err != nil {
		t.Errorf("without --out: %v", err)
	}

	file := filepath.Join(here, "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"encyclopedia", "--out", file}, cli.Bad, "is a file, not a folder"},
		{[]string{"encyclopedia", "extra"}, cli.Usage, "takes no arguments"},
		{[]string{"encyclopedia", "--out", ""}, cli.Usage, "--out is empty"},
		{[]string{"encyclopedia", "--outt", "x"}, cli.Usage, "flag provided but not defined"},
	} {
		code, _, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, %q", c.args, code, stderr)
		}
	}
	if data, err := os.ReadFile(file); err != nil || string(data) != "x" {
		t.Errorf("the file given as --out was changed: %q, %v", data, err)
	}
}
