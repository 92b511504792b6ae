package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"ili/cmd/internal/cli"
	"ili/game/ui"
)

// bench is what --bench-frames was asked: the frames, the window's size,
// the part to run alone ("" for all) and ili play's arguments, to run the
// parts again with.
type bench struct {
	frames, w, h int
	part         string
	args         []string
}

// benchPlay runs the frame benchmark and prints what it measured: the
// frames' processor times, memory and idle share in this process, then
// the frames shown and an empty window's, each in a process of its own
// (Ebiten runs one game loop a process, and the idle share needs vsync on).
func benchPlay(opt ui.Options, b bench, stdout, stderr io.Writer) int {
	if b.w == 0 {
		b.w, b.h = 1920, 1080
	}
	if opt.Scenario == "" {
		fmt.Fprintln(stderr, "--bench-frames needs a scenario, such as: ili play manas-1945 --bench-frames 300")
		return cli.Usage
	}
	switch b.part {
	case "seen", "empty":
		return benchPart(opt, b, stdout, stderr)
	case "":
	default:
		fmt.Fprintf(stderr, "--bench-part %q: give seen or empty.\n", b.part)
		return cli.Usage
	}
	r, err := ui.Bench(opt, b.frames, b.w, b.h, 5*time.Second, start)
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	fmt.Fprintln(stdout, r)
	seen, err := benchApart(b, "seen")
	if err == nil {
		var empty ui.SeenResult
		empty, err = benchApart(b, "empty")
		fmt.Fprint(stdout, seenReport(seen, empty, b.w, b.h))
	}
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}

// benchPart runs one part of the benchmark and prints it as JSON.
func benchPart(opt ui.Options, b bench, stdout, stderr io.Writer) int {
	var r ui.SeenResult
	var err error
	if b.part == "seen" {
		r, err = ui.BenchSeen(opt, b.frames, b.w, b.h)
	} else {
		r, err = ui.BenchEmpty(b.frames, b.w, b.h)
	}
	if err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	data, _ := json.Marshal(r)
	fmt.Fprintln(stdout, string(data))
	return cli.OK
}

// benchApart runs a part of the benchmark in a process of its own.
func benchApart(b bench, part string) (ui.SeenResult, error) {
	var r ui.SeenResult
	exe, err := os.Executable()
	if err != nil {
		return r, fmt.Errorf("cannot find this program to run the benchmark's %s part: %w", part, err)
	}
	cmd := exec.Command(exe, append([]string{"play", "--bench-part=" + part}, b.args...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return r, fmt.Errorf("the benchmark's %s part: %w", part, err)
	}
	if err := json.Unmarshal(out, &r); err != nil {
		return r, fmt.Errorf("the benchmark's %s part printed %q: %w", part, out, err)
	}
	return r, nil
}

// seenReport says what the frames shown and the empty window's measured,
// and how they compare.
func seenReport(seen, empty ui.SeenResult, w, h int) string {
	ratio := func(a, b time.Duration) float64 {
		if b <= 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	return fmt.Sprintf("shown, vsync off, panning and zooming: %v\n"+
		"an empty window of %dx%d, vsync off: %v\n"+
		"the game's frame shown: %.2f times the empty window's at p50, %.2f at p99, %.2f in processor time; its memory %d MB above the empty window's\n",
		seen, w, h, empty, ratio(seen.P50, empty.P50), ratio(seen.P99, empty.P99), ratio(seen.CPU, empty.CPU), (seen.RSSKB-empty.RSSKB)/1024)
}
