package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"ili/cmd/internal/cli"
	"ili/game/hex"
	"ili/game/rules"
	"ili/game/scenario"
)

const hexSynopsis = "hex LAT LON SCENARIO"

// cmdHex says what a scenario has at a latitude and longitude: the hex, as
// the file writes it, and the place, ground, rivers, roads and defences
// there. It takes no flags, so that a negative latitude or longitude is
// read as a number.
func cmdHex(args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if isHelp(a) {
			fs := cli.NewFlags("hex", hexSynopsis, stdout)
			fs.Usage()
			fmt.Fprintln(stdout, "  (no options) LAT and LON in decimal degrees, north and east positive, such as 43.82 82.53")
			return cli.OK
		}
	}
	if len(args) != 3 {
		fmt.Fprintln(stderr, "ili hex needs a latitude, a longitude and a scenario, such as: ili hex 43.82 82.53 nilka-1944.")
		return cli.Usage
	}
	lat, ok1 := degrees(args[0], "latitude", 90, stderr)
	lon, ok2 := degrees(args[1], "longitude", 180, stderr)
	if !ok1 || !ok2 {
		return cli.Usage
	}
	sc, err := scenario.Load(args[2], scenario.Options{})
	if err != nil {
		return cli.Report(stderr, err)
	}
	if sc.Projection == nil {
		fmt.Fprintf(stderr, "ili: %s has no [projection], so its hexes have no latitude and longitude; give it one (origin_lat and origin_lon, the centre of hex 0,0).\n", sc.File)
		return cli.Bad
	}
	h := sc.Projection.Hex(lat, lon)
	if m := sc.Setup.Map; !m.In(h) {
		fmt.Fprintf(stderr, "ili: %s lies off the map of %s: it would be hex %s, and the map runs from 0,0 to %d,%d; give a point within it.\n",
			latLon(lat, lon), sc.ID, rules.Label(h), m.Width-1, m.Height-1)
		return cli.Bad
	}
	writeSpot(stdout, sc, sc.Spot(h), lat, lon)
	return cli.OK
}

// degrees reads a latitude or longitude, at most limit degrees either way.
func degrees(s, what string, limit float64, stderr io.Writer) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.Abs(v) > limit {
		fmt.Fprintf(stderr, "the %s %q is not a number of degrees from -%g to %g; give it in decimal degrees, such as 43.82.\n", what, s, limit, limit)
		return 0, false
	}
	return v, true
}

// latLon writes a point as "43.82 N, 82.53 E".
func latLon(lat, lon float64) string {
	ns, ew := "N", "E"
	if lat < 0 {
		ns = "S"
	}
	if lon < 0 {
		ew = "W"
	}
	f := func(v float64) string { return strconv.FormatFloat(math.Abs(v), 'f', -1, 64) }
	return fmt.Sprintf("%s %s, %s %s", f(lat), ns, f(lon), ew)
}

// writeSpot prints what the scenario has at a spot, a line a thing, for
// the point lat, lon in it.
func writeSpot(w io.Writer, sc *scenario.Scenario, s scenario.Spot, lat, lon float64) {
	clat, clon := sc.Projection.LatLon(s.Hex)
	east, south := sc.Projection.KmFromOrigin(lat, lon)
	ceast, csouth := sc.Projection.KmFromOrigin(clat, clon)
	line := func(key, format string, args ...any) {
		fmt.Fprintf(w, "%-9s%s\n", key+":", fmt.Sprintf(format, args...))
	}
	line("hex", "%s of %s: %s lies %.1f km from its centre (%s)", rules.Label(s.Hex), sc.ID, latLon(lat, lon),
		math.Hypot(east-ceast, south-csouth), latLon(round4(clat), round4(clon)))
	if p := s.Place; p != nil {
		line("place", "%s", placeWords(sc, p, s.Info))
		if s.Info.Note != "" {
			line("note", "%s", s.Info.Note)
		}
		if s.Info.Source != "" {
			line("source", "%s", sc.Cite(s.Info.Source))
		}
	}
	line("terrain", "%s", s.Terrain)
	for _, p := range sc.Places {
		if hex.Distance(p.Hex, s.Hex) == 1 {
			line("next to", "%s, at %s", p.Name, rules.Label(p.Hex))
		}
	}
	for _, r := range riverLines(s.Rivers) {
		line("river", "%s", r)
	}
	for _, r := range s.Roads {
		if r.Name == "" {
			line("road", "%s", orUnnamed(r.Name, roadKind(r.Kind)))
		} else {
			line("road", "%s (%s)", r.Name, article(roadKind(r.Kind)))
		}
	}
	for _, f := range s.Forts {
		line("fort", "%s (%s)", orUnnamed(f.Name, "fort"), f.Posture)
	}
}

// riverLines says the rivers along a hex's edges, a line a river: "Kash
// River (major: trucks cross at bridges only), along the edges with 12,8
// and 11,8".
func riverLines(rs []scenario.SpotRiver) []string {
	var out []string
	var edges [][]string
	at := map[string]int{}
	for _, r := range rs {
		head := fmt.Sprintf("%s (%s)", orUnnamed(r.Name, "river"), riverSize(r.Size))
		i, seen := at[head]
		if !seen {
			i = len(out)
			at[head] = i
			out, edges = append(out, head), append(edges, nil)
		}
		edges[i] = append(edges[i], rules.Label(r.Across))
	}
	for i, e := range edges {
		if len(e) == 1 {
			out[i] += ", along the edge with " + e[0]
		} else {
			out[i] += ", along the edges with " + strings.Join(e[:len(e)-1], ", ") + " and " + e[len(e)-1]
		}
	}
	return out
}

// placeWords says a place in a line: "Nilka (Gongha), a town, 10 VP, held
// by Provincial forces at the start, a supply source".
func placeWords(sc *scenario.Scenario, p *rules.Place, info scenario.PlaceInfo) string {
	words := []string{p.Name}
	if info.Kind != "" {
		words = append(words, article(info.Kind))
	}
	words = append(words, fmt.Sprintf("%d VP", p.VP))
	if p.Owner != "" {
		words = append(words, "held by "+sc.SideName(p.Owner)+" at the start")
	} else {
		words = append(words, "held by nobody at the start")
	}
	if p.Supply {
		words = append(words, "a supply source for its holder")
	}
	if p.ExitFor != "" {
		words = append(words, fmt.Sprintf("a way off the map for %s (%d VP a 1,000 men)", sc.SideName(p.ExitFor), p.ExitVP))
	}
	return strings.Join(words, ", ")
}

// article puts "a" or "an" before a noun.
func article(noun string) string {
	if strings.ContainsRune("aeiou", rune(strings.ToLower(noun)[0])) {
		return "an " + noun
	}
	return "a " + noun
}

func orUnnamed(name, what string) string {
	if name == "" {
		return "an unnamed " + what
	}
	return name
}

func riverSize(r rules.River) string {
	if r == rules.MajorRiver {
		return "major: trucks cross at bridges only"
	}
	return "minor"
}

func roadKind(r rules.Road) string {
	if r == rules.MainRoad {
		return "road"
	}
	return "track"
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }
