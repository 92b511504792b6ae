package scenario

import (
	"math"

	"ili/game/hex"
)

// Projection places latitude and longitude on the hex map: an equirectangular
// projection centred on the origin, which is the centre of the hex at column 0,
// row 0, with hexes HexKm apart centre to centre. Over the few hundred
// kilometres of a scenario its error is well under a hex.
type Projection struct {
	OriginLat, OriginLon float64
	HexKm                float64
}

// Km per degree of latitude, and of longitude at the equator (WGS84 means).
const (
	kmPerDegLat = 110.574
	kmPerDegLon = 111.320
)

// KmFromOrigin returns how far east and south of the origin a point lies.
func (p Projection) KmFromOrigin(lat, lon float64) (east, south float64) {
	east = (lon - p.OriginLon) * kmPerDegLon * math.Cos(p.OriginLat*math.Pi/180)
	south = (p.OriginLat - lat) * kmPerDegLat
	return east, south
}

// Hex returns the hex a point falls in.
func (p Projection) Hex(lat, lon float64) hex.Hex {
	east, south := p.KmFromOrigin(lat, lon)
	l := hex.Layout{Size: p.HexKm / math.Sqrt(3)}
	return l.At(east, south)
}

// LatLon returns the latitude and longitude of a hex's centre.
func (p Projection) LatLon(h hex.Hex) (lat, lon float64) {
	l := hex.Layout{Size: p.HexKm / math.Sqrt(3)}
	x, y := l.Center(h)
	lat = p.OriginLat - y/kmPerDegLat
	lon = p.OriginLon + x/(kmPerDegLon*math.Cos(p.OriginLat*math.Pi/180))
	return lat, lon
}
