// Package web serves the game in the browser: the page (static/index.html),
// Go's wasm_exec.js and the game compiled to WebAssembly, which make web
// builds into static/ (ili.wasm.gz, compressed once, never kept twice),
// with the what-if lab's Web Worker (worker.js running ili-worker.wasm.gz),
// before ili is built, so that ili embeds them; and the lessons, bundled
// and a teacher's. ili serve runs it; ili serve --write writes the same
// files for any web server.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"ili/game/files"
	"ili/lessons"
)

//go:embed static
var static embed.FS

// The files of the site, as the page asks for them.
const (
	pageFile = "index.html"
	execFile = "wasm_exec.js"
	wasmFile = "ili.wasm"
	gzFile   = "ili.wasm.gz" // in static/: the game is kept compressed only
	// The lab's Web Worker: its script and the program it runs, which
	// plays the lab's runs on the browser's other cores.
	workerFile   = "worker.js"
	workerWasm   = "ili-worker.wasm"
	workerGzFile = "ili-worker.wasm.gz"
)

// ErrNotBuilt says that this ili was built without the browser's game.
var ErrNotBuilt = errors.New("this ili was built without the game for the browser: build it with 'make web', then 'make build' (or 'make dist'), which embed it")

// Site serves the game's page, the game and the lessons.
type Site struct {
	page, exec, gz   []byte
	worker, workerGz []byte            // the lab's worker: its script and its program, compressed
	tags             map[string]string // each file's ETag
	rawSize          int64             // the game's size uncompressed
	workerRaw        int64             // the worker's program's
	lessons          string            // a teacher's folder of lessons; "" for the bundled ones alone
}

// New is the site from the files embedded in ili, with the lessons of
// the folder dir besides the bundled ones ("" for none).
func New(lessonDir string) (*Site, error) {
	if lessonDir != "" { // the person's mistake first, whatever the build
		if st, err := os.Stat(lessonDir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("--lessons %s: there is no such folder", lessonDir)
		}
	}
	s := &Site{tags: map[string]string{}, lessons: lessonDir}
	var err error
	if s.page, err = static.ReadFile("static/" + pageFile); err != nil {
		return nil, err
	}
	if s.worker, err = static.ReadFile("static/" + workerFile); err != nil {
		return nil, err
	}
	s.exec, err = static.ReadFile("static/" + execFile)
	if err == nil {
		s.gz, err = static.ReadFile("static/" + gzFile)
	}
	if err == nil {
		s.workerGz, err = static.ReadFile("static/" + workerGzFile)
	}
	if err != nil {
		return nil, ErrNotBuilt
	}
	if s.rawSize, err = gunzipSize(gzFile, s.gz); err != nil {
		return nil, err
	}
	if s.workerRaw, err = gunzipSize(workerGzFile, s.workerGz); err != nil {
		return nil, err
	}
	for name, data := range map[string][]byte{pageFile: s.page, execFile: s.exec, wasmFile: s.gz, workerFile: s.worker, workerWasm: s.workerGz} {
		sum := sha256.Sum256(data)
		s.tags[name] = fmt.Sprintf(`"%x"`, sum[:12])
	}
	return s, nil
}

// gunzipSize is the size of an embedded program once decompressed.
func gunzipSize(name string, gz []byte) (int64, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return 0, fmt.Errorf("the embedded %s is not gzip: %w; build it again with 'make web'", name, err)
	}
	n, err := io.Copy(io.Discard, zr)
	if err != nil {
		return 0, fmt.Errorf("the embedded %s does not decompress: %w; build it again with 'make web'", name, err)
	}
	return n, nil
}

// Sizes are the game's size uncompressed and as served compressed, in bytes.
func (s *Site) Sizes() (raw, gz int64) { return s.rawSize, int64(len(s.gz)) }

// lessonName is a lesson's file name in a link: letters, digits, - and _.
var lessonName = regexp.MustCompile(`^[A-Za-z0-9_-]+\.toml$`)

// ServeHTTP serves the page at /, its script, the game (compressed with
// gzip for every browser that takes it, which every current one does) and
// the lessons at /lessons/NAME.toml.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache") // revalidated by ETag: a new ili serves its new game at once
	switch p := r.URL.Path; {
	case p == "/" || p == "/"+pageFile:
		s.serve(w, r, pageFile, "text/html; charset=utf-8", s.page)
	case p == "/"+execFile:
		s.serve(w, r, execFile, "text/javascript; charset=utf-8", s.exec)
	case p == "/"+wasmFile:
		s.serveWasm(w, r, wasmFile, s.gz, s.rawSize)
	case p == "/"+workerFile:
		s.serve(w, r, workerFile, "text/javascript; charset=utf-8", s.worker)
	case p == "/"+workerWasm:
		s.serveWasm(w, r, workerWasm, s.workerGz, s.workerRaw)
	case strings.HasPrefix(p, "/lessons/") && lessonName.MatchString(strings.TrimPrefix(p, "/lessons/")):
		data, err := s.lesson(strings.TrimPrefix(p, "/lessons/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		h.Set("Content-Type", "text/plain; charset=utf-8")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
	default:
		http.NotFound(w, r)
	}
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request, name, ctype string, data []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("ETag", s.tags[name])
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// serveWasm serves a program (the game, the lab's worker) compressed, or
// decompressed for a client that does not take gzip.
func (s *Site) serveWasm(w http.ResponseWriter, r *http.Request, name string, gz []byte, raw int64) {
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Set("Vary", "Accept-Encoding")
	h.Set("ETag", s.tags[name])
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, s.tags[name]) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", fmt.Sprint(len(gz)))
		if r.Method == http.MethodGet {
			w.Write(gz)
		}
		return
	}
	h.Set("Content-Length", fmt.Sprint(raw))
	if r.Method == http.MethodGet {
		zr, _ := gzip.NewReader(bytes.NewReader(gz)) // read whole in New
		io.Copy(w, zr)
	}
}

// acceptsGzip reads an Accept-Encoding header: gzip (or *) with a
// weight above 0.
func acceptsGzip(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		fields := strings.Split(part, ";")
		coding := strings.ToLower(strings.TrimSpace(fields[0]))
		if coding != "gzip" && coding != "*" {
			continue
		}
		q := 1.0
		for _, f := range fields[1:] {
			if v, ok := strings.CutPrefix(strings.TrimSpace(f), "q="); ok {
				q, _ = strconv.ParseFloat(v, 64)
			}
		}
		return q > 0
	}
	return false
}

// lesson is a lesson's file: the teacher's folder's, or a bundled one.
func (s *Site) lesson(name string) ([]byte, error) {
	if s.lessons != "" {
		data, err := readSmall(filepath.Join(s.lessons, name))
		if err == nil {
			return data, nil
		}
	}
	return lessons.Files.ReadFile(name)
}

// readSmall reads a regular file of at most 1 MB, as a lesson is.
func readSmall(name string) ([]byte, error) { return files.Read(name, 1<<20) }

// Write writes the site's files into dir for a web server: the page, the
// script, the game compressed (ili.wasm.gz, for a server that sends a
// file's .gz beside it) and not (ili.wasm), the lab's worker (worker.js,
// ili-worker.wasm and its .gz), and lessons/ with the bundled
// lessons and the teacher's.
func (s *Site) Write(dir string) error {
	raw, err := gunzip(gzFile, s.gz)
	if err != nil {
		return err
	}
	workerRaw, err := gunzip(workerGzFile, s.workerGz)
	if err != nil {
		return err
	}
	out := map[string][]byte{pageFile: s.page, execFile: s.exec, wasmFile: raw, gzFile: s.gz,
		workerFile: s.worker, workerWasm: workerRaw, workerGzFile: s.workerGz}
	names, _ := fs.Glob(lessons.Files, "*.toml")
	if s.lessons != "" {
		more, _ := filepath.Glob(filepath.Join(s.lessons, "*.toml"))
		for _, m := range more {
			names = append(names, filepath.Base(m))
		}
	}
	for _, n := range names {
		if data, err := s.lesson(n); err == nil && lessonName.MatchString(n) {
			out["lessons/"+n] = data
		}
	}
	for name, data := range out {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := files.Write(path, data); err != nil {
			return err
		}
	}
	return nil
}

// gunzip is an embedded program decompressed, or why it cannot be.
func gunzip(name string, gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err == nil {
		var raw []byte
		if raw, err = io.ReadAll(zr); err == nil {
			return raw, nil
		}
	}
	return nil, fmt.Errorf("the embedded %s does not decompress: %w; build it again with 'make web'", name, err)
}
