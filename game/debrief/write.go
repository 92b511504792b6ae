package debrief

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"ili/game/files"
)

//go:embed debrief.html
var pageText string

var pageTemplate = template.Must(template.New("debrief").Parse(pageText))

// Page is the name of the debrief's page in its folder.
const Page = "index.html"

// Write writes the debrief into dir (made if missing): the page and its
// pictures beside it, each file whole or not at all. It returns the page's
// path.
func (d *Debrief) Write(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("cannot make the folder %s: %w", dir, err)
	}
	out, err := d.Files()
	if err != nil {
		return "", err
	}
	for _, name := range slices.Sorted(maps.Keys(out)) {
		if name == Page {
			continue // the page last, when its pictures are there
		}
		if err := files.Write(filepath.Join(dir, name), out[name]); err != nil {
			return "", err
		}
	}
	path := filepath.Join(dir, Page)
	return path, files.Write(path, out[Page])
}

// Files are the debrief's files by name, as Write writes them into a
// folder: the page (Page) and its pictures (the browser's game hands them
// over in one archive).
func (d *Debrief) Files() (map[string][]byte, error) {
	pics, err := d.pictures()
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	names := map[string]string{}
	for key, data := range pics {
		name := key + ".png"
		out[name], names[key] = data, name
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, d.model(names)); err != nil {
		return nil, fmt.Errorf("cannot write the debrief's page: %w", err)
	}
	out[Page] = buf.Bytes()
	return out, nil
}

// pictures draws the maps and the charts, by name.
func (d *Debrief) pictures() (map[string][]byte, error) {
	out := map[string][]byte{}
	for i, s := range d.Shots {
		data, err := d.mapPNG(s.Truth)
		if err != nil {
			return nil, err
		}
		out[fmt.Sprintf("truth-%d", i)] = data
		if s.Seen == nil {
			continue
		}
		if data, err = d.mapPNG(s.Seen); err != nil {
			return nil, err
		}
		out[fmt.Sprintf("seen-%d", i)] = data
	}
	for name, chart := range map[string]func() ([]byte, error){"losses": d.lossesPNG, "drift": d.driftPNG} {
		data, err := chart()
		if err != nil {
			return nil, err
		}
		out[name] = data
	}
	return out, nil
}
