package scenario

import (
	"math"

	"ili/game/hex"
)

// Projection places latitude and longitude on the hex map: an equirectangular
// projection about the origin, which is the centre of the hex at column 0,
// row 0, with hexes HexKm apart centre to centre, true to scale east-west at
// StandardLat (the origin's latitude if zero). With the standard latitude in
// the middle of a map a few hundred kilometres tall, east-west distances are
// within about 4% everywhere.
type Projection struct {
	OriginLat, OriginLon float64
	HexKm                float64
	StandardLat          float64
}

func (p Projection) cos() float64 {
	lat := p.StandardLat
	if lat == 0 {
		lat = p.OriginLat
	}
	return math.Cos(lat * math.Pi / 180)
}

// Km per degree of latitude, and of longitude at the equator (WGS84 means).
const (
	kmPerDegLat = 110.574
	kmPerDegLon = 111.320
)

// KmFromOrigin returns how far east and south of the origin a point lies.
func (p Projection) KmFromOrigin(lat, lon float64) (east, south float64) {
	east = (lon - p.OriginLon) * kmPerDegLon * p.cos()
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
	lon = p.OriginLon + x/(kmPerDegLon*p.cos())
	return lat, lon
}
