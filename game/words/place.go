package words

import (
	"fmt"
	"math"
	"strings"

	"ili/game/hex"
	"ili/game/rules"
)

// compass names the eight points, from the east anticlockwise.
var compass = [8]string{"east", "north-east", "north", "north-west", "west", "south-west", "south", "south-east"}

// Nearest is the scenario's place nearest to h and its distance in hexes
// (the place with the most points of those equally near); nil when the
// scenario has no places.
func (l Log) Nearest(h hex.Hex) (*rules.Place, int) {
	var best *rules.Place
	bestD := 0
	for i := range l.Scenario.Places {
		pl := &l.Scenario.Places[i]
		d := hex.Distance(pl.Hex, h)
		if best == nil || d < bestD || d == bestD && pl.VP > best.VP {
			best, bestD = pl, d
		}
	}
	return best, bestD
}

// Bearing is the compass point from a to b: "south-east".
func Bearing(a, b hex.Hex) string {
	l := hex.Layout{Size: 1}
	ax, ay := l.Center(a)
	bx, by := l.Center(b)
	angle := math.Atan2(ay-by, bx-ax) // the screen's y grows southwards
	i := int(math.Round(angle/(math.Pi/4))+8) % 8
	return compass[i]
}

// Distance writes a distance in metres as a reader says it: "400 m",
// "1.2 km", "20 km".
func Distance(m int) string {
	switch {
	case m < 1000:
		return fmt.Sprintf("%d m", (m+50)/100*100)
	case m < 10000:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(m)/1000), ".0") + " km"
	}
	return fmt.Sprintf("%d km", (m+500)/1000)
}

// Off names a hex with no place of its own by the nearest place: "2 km
// south-east of Nilka (Gongha)"; by its coordinates when the scenario has
// no places.
func (l Log) Off(h hex.Hex) string {
	pl, d := l.Nearest(h)
	if pl == nil {
		return rules.Label(h)
	}
	if d == 0 {
		return pl.Name
	}
	return fmt.Sprintf("%s %s of %s", Distance(d*l.Scenario.Setup.HexM), Bearing(pl.Hex, h), pl.Name)
}

// At says where something happens in h: "at Nilka (Gongha)", or "2 km
// south-east of Nilka (Gongha)" off the places.
func (l Log) At(h hex.Hex) string {
	if pl := l.PlaceAt(h); pl != nil {
		return "at " + pl.Name
	}
	return l.Off(h)
}

// To says where something goes: "to Nilka (Gongha)", "to 2 km south-east
// of Nilka (Gongha)".
func (l Log) To(h hex.Hex) string { return "to " + l.PlaceName(h) }

// Into says where a unit advances: "into Nilka (Gongha)", or "to" a hex
// off the places.
func (l Log) Into(h hex.Hex) string {
	if pl := l.PlaceAt(h); pl != nil {
		return "into " + pl.Name
	}
	return l.To(h)
}

// Men counts men: "1 man", "40 men".
func Men(n int) string {
	if n == 1 {
		return "1 man"
	}
	return fmt.Sprintf("%d men", n)
}

// SourceName is a source's short name, for a line that cites it: the
// author without what follows a comma ("US consulate at Tihwa"), a web
// site by what the scenario says it is ("PRC reference encyclopedia"),
// Wikipedia by its language, and the designers' estimates as such; the
// key when the scenario has no such source.
func (l Log) SourceName(key string) string {
	src, ok := l.Scenario.Sources[key]
	if !ok || src.Author == "" && src.Title == "" {
		return key
	}
	a := src.Author
	if a == "" {
		return src.Title
	}
	switch {
	case a == "The game's designers":
		return "the designers' estimate"
	case a == "Wikipedia contributors":
		return "Wikipedia"
	case strings.HasPrefix(a, "Wikipedia contributors ("):
		return strings.TrimSuffix(strings.TrimPrefix(a, "Wikipedia contributors ("), ")") + " Wikipedia"
	}
	if head, note, ok := strings.Cut(a, " ("); ok {
		if strings.Contains(head, ".") && !strings.Contains(head, " ") { // a web site: what it is
			note, _, _ = strings.Cut(note, ")")
			return note
		}
		a = head
	}
	if head, _, ok := strings.Cut(a, ", "); ok {
		a = head
	}
	return a
}
