package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"ili/cmd/internal/cli"
	"ili/game/encyclopedia"
	"ili/game/files"
)

// encyclopediaPage is the name of the page ili encyclopedia writes, in the
// folder --out names: beside a debrief's index.html when both go to one
// folder.
const encyclopediaPage = "encyclopedia.html"

// cmdEncyclopedia checks the bundled encyclopedia against the bundled
// scenarios and writes it as one self-contained HTML page, DIR/
// encyclopedia.html: by default in the current folder, which --out changes
// (a folder that does not exist yet is made).
func cmdEncyclopedia(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("encyclopedia", "encyclopedia [--out DIR]", stderr)
	dir := fs.String("out", ".", "the folder to write "+encyclopediaPage+" into; made if missing")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(stderr, "ili encyclopedia takes no arguments; give the folder with --out, such as: ili encyclopedia --out debrief")
		return cli.Usage
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "--out is empty; give a folder, such as: ili encyclopedia --out debrief")
		return cli.Usage
	}
	enc, err := encyclopedia.Load()
	if err != nil {
		return cli.Report(stderr, err)
	}
	if code := makeFolder(*dir, stderr); code != cli.OK {
		return code
	}
	var buf bytes.Buffer
	if err := enc.WriteHTML(&buf); err != nil {
		fmt.Fprintf(stderr, "ili: cannot write the encyclopedia's page: %v\n", err)
		return cli.Bad
	}
	page := filepath.Join(*dir, encyclopediaPage)
	if err := files.Write(page, buf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	fmt.Fprintf(stdout, "wrote %s: %d entries, %d sources, %d quotations\n", page, len(enc.Entries), len(enc.Sources), enc.Quotes())
	return cli.OK
}

// makeFolder makes sure dir is a folder, making it if it does not exist;
// anything else there is refused in one sentence.
func makeFolder(dir string, stderr io.Writer) int {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return cli.OK
	case err == nil:
		fmt.Fprintf(stderr, "ili: --out %s is a file, not a folder; give a folder to write %s into.\n", dir, encyclopediaPage)
		return cli.Bad
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fmt.Fprintf(stderr, "ili: cannot make the folder %s: %v\n", dir, pathless(err))
			return cli.Bad
		}
		return cli.OK
	}
	fmt.Fprintf(stderr, "ili: cannot use the folder %s: %v\n", dir, pathless(err))
	return cli.Bad
}

// pathless drops the path from an error whose message names it already.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
