package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"ili/cmd/internal/cli"
	"ili/game/files"
	"ili/game/mapgen"
	"ili/game/scenario"
)

const mapgenSynopsis = "mapgen --origin LAT,LON --hex-km K --cols C --rows R [--standard-lat L] [--ground TERRAIN] [--shapes FILE.toml]... [--out FILE]"

// The bounds of a map mapgen draws: as the scenario decoder allows.
const maxMapSide = 400

// cmdMapgen draws a scenario's map from latitude and longitude (package
// mapgen): the grid from the origin, the hex size and the extent, the
// ground painted by a shapes file's areas, its rivers and roads, and the
// hexes its named points fall in; it prints the [projection] and [map] as
// TOML to paste into a scenario.
func cmdMapgen(args []string, stdout, stderr io.Writer) int {
	fs := cli.NewFlags("mapgen", mapgenSynopsis, stderr)
	flags := fs.Usage
	fs.Usage = func() { flags(); fmt.Fprint(fs.Output(), shapesHelp) }
	cli.HelpTo(fs, stdout)
	origin := fs.String("origin", "", "the latitude and longitude of the centre of hex 0,0 (the top left), in decimal degrees, such as 43.962,81.218")
	hexKm := fs.Float64("hex-km", 0, "the hexes' size, centre to centre, in km")
	cols := fs.Int("cols", 0, "the map's width in hexes")
	rows := fs.Int("rows", 0, "the map's height in hexes")
	stdLat := fs.Float64("standard-lat", 0, "the latitude at which east-west distances are true (default: the origin's); the middle of a tall map")
	ground := fs.String("ground", "plain", "the ground of every hex no area paints: "+strings.Join(mapgen.Terrains(), ", "))
	var shapes cli.List
	fs.Var(&shapes, "shapes", "a shapes file: [[area]] tables painting the ground in order, [[river]], [[road]] and [[place]] (repeatable; read in order)")
	out := fs.String("out", "-", "the file to write the TOML to (- for standard output)")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "ili mapgen takes flags only, not %q; give the shapes with --shapes FILE.toml.\n", fs.Arg(0))
		return cli.Usage
	}
	lat, lon, ok := parseOrigin(*origin, stderr)
	if !ok {
		return cli.Usage
	}
	switch {
	case *hexKm <= 0 || *hexKm > 100 || math.IsNaN(*hexKm):
		fmt.Fprintln(stderr, "--hex-km: give the hexes' size in km, more than 0 and at most 100, such as 10 (0.3-1 for a town, 10-25 for a region).")
		return cli.Usage
	case *cols < 1 || *rows < 1 || *cols > maxMapSide || *rows > maxMapSide:
		fmt.Fprintf(stderr, "--cols and --rows: give the map's size in hexes, each from 1 to %d, such as --cols 24 --rows 16.\n", maxMapSide)
		return cli.Usage
	case math.Abs(*stdLat) >= 90 || math.IsNaN(*stdLat):
		fmt.Fprintln(stderr, "--standard-lat: give a latitude between -90 and 90, such as 45.8.")
		return cli.Usage
	}
	known := false
	for _, t := range mapgen.Terrains() {
		known = known || t == *ground
	}
	if !known {
		fmt.Fprintf(stderr, "--ground %q: give one of %s%s\n", *ground, strings.Join(mapgen.Terrains(), ", "), didYouMeanOr(*ground, mapgen.Terrains()))
		return cli.Usage
	}
	g := mapgen.New(scenario.Projection{OriginLat: lat, OriginLon: lon, HexKm: *hexKm, StandardLat: *stdLat}, *cols, *rows, *ground)
	for _, name := range shapes {
		src, err := files.Read(name, scenario.MaxSize)
		if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(stderr, "ili: --shapes %s: there is no such file; give the path of a shapes file ([[area]], [[river]], [[road]] and [[place]] tables; see 'ili mapgen --help').\n", name)
			return cli.Bad
		}
		if err != nil {
			fmt.Fprintf(stderr, "ili: %v\n", err)
			return cli.Bad
		}
		if err := mapgen.Read(name, src, g); err != nil {
			return cli.Report(stderr, err)
		}
	}
	var b bytes.Buffer
	g.WriteTOML(&b, "ili mapgen "+strings.Join(args, " "))
	if *out == "" || *out == files.Stdout {
		stdout.Write(b.Bytes())
		return cli.OK
	}
	if err := files.Write(*out, b.Bytes()); err != nil {
		fmt.Fprintf(stderr, "ili: %v\n", err)
		return cli.Bad
	}
	return cli.OK
}

// shapesHelp is what ili mapgen --help says of a shapes file after the
// flags.
const shapesHelp = `
A shapes file is TOML, in latitude and longitude (decimal degrees, [lat, lon]):
  [[area]]   terrain = "mountain" and one shape, painted over the areas before it:
             polygon = [[lat, lon], ...] (3 or more corners), box = [[lat, lon], [lat, lon]],
             disc = [lat, lon] with radius_km, strip = [[lat, lon], ...] with width_km
             (the hexes near a line), or point = [lat, lon] (one hex)
  [[river]]  name, size = "major" or "minor", points = [[lat, lon], ...]: the hex edges it crosses
  [[road]]   name, kind = "road" or "track", points = [[lat, lon], ...]: the hexes it runs through
  [[place]]  id, at = [lat, lon]: printed as the hex it falls in, for a [[place]]'s hex
Each table may have a note. tools/mapgen/*.shapes.toml draw the bundled maps.
`

// parseOrigin reads --origin LAT,LON.
func parseOrigin(s string, stderr io.Writer) (lat, lon float64, ok bool) {
	a, b, found := strings.Cut(s, ",")
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if !found || err1 != nil || err2 != nil || math.Abs(lat) >= 90 || math.Abs(lon) > 180 {
		fmt.Fprintf(stderr, "--origin %q: give the latitude and longitude of hex 0,0's centre (the top left) in decimal degrees, joined by a comma, such as --origin 43.962,81.218.\n", s)
		return 0, 0, false
	}
	return lat, lon, true
}

// didYouMeanOr is a suggestion of a name close to s, or a full stop.
func didYouMeanOr(s string, names []string) string {
	if hint := scenario.DidYouMean(s, names); hint != "" {
		return hint
	}
	return "."
}
