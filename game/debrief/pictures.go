package debrief

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"ili/game/paint"
	"ili/game/rules"
)

// MapWidth is the width of a debrief's maps in pixels; their height
// follows the map's shape, with a margin around it and a band below for
// the names of the places on its bottom row.
const MapWidth = 760

const (
	mapPad    = 8  // the margin left, right and above the map
	labelBand = 20 // below the map, for the names of the places on its bottom row
)

// mapPNG paints a view of the game, as the window paints it, into a PNG.
// The page gives the maps' legend.
func (d *Debrief) mapPNG(v *rules.View) ([]byte, error) {
	cam, total := mapLayout(v.Map)
	img, err := paint.NewImage(MapWidth, total, color.RGBA{70, 80, 90, 255})
	if err != nil {
		return nil, err
	}
	var b paint.Batch
	paint.Map(img, b.On(img), v, cam, &paint.Standard, 11)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img.Picture()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mapLayout is where a map goes on its picture: the camera that fits it
// inside the margins, and the picture's height.
func mapLayout(m *rules.Map) (paint.Camera, int) {
	x0, y0, x1, y1 := paint.MapBounds(m)
	inner := MapWidth - 2*mapPad
	h := max(120, min(MapWidth*2, int(float64(inner)*(y1-y0)/(x1-x0))))
	cam := paint.FitCamera(m, inner, h)
	cam.X -= mapPad / cam.Scale
	cam.Y -= mapPad / cam.Scale
	return cam, mapPad + h + labelBand
}

// sideColour is a side's colour on the map.
func (d *Debrief) sideColour(side string) color.RGBA {
	if i := d.Scenario.Setup.SideIndex(side); i >= 0 {
		return paint.Standard.Sides[i%len(paint.Standard.Sides)]
	}
	return color.RGBA{150, 150, 150, 255}
}

// lossesPNG charts each side's men lost, turn by turn.
func (d *Debrief) lossesPNG() ([]byte, error) {
	p := plot.New()
	p.Title.Text = "Men lost so far (killed, wounded, missing and captured)"
	p.X.Label.Text = "turn (at its end)"
	p.X.Tick.Marker = turnTicks{}
	p.Y.Label.Text = "men"
	p.Y.Tick.Marker = wholeTicks{}
	p.Legend.Top, p.Legend.Left = true, true
	for _, sd := range d.Scenario.Setup.Sides {
		pts := make(plotter.XYs, len(d.Turns))
		for i, mo := range d.Turns {
			// The moments are the starts of the turns (the end of the
			// turn before), then the end of the game.
			x := mo.Turn - 1
			if i == len(d.Turns)-1 {
				x = d.Result.Turns
			}
			pts[i].X, pts[i].Y = float64(x), float64(mo.Lost[sd.ID])
		}
		if err := addLine(p, pts, d.sideColour(sd.ID), shortName(sd.Name)); err != nil {
			return nil, err
		}
	}
	return plotPNG(p)
}

// driftPNG charts the points of the places held otherwise than the record
// has them, turn by turn.
func (d *Debrief) driftPNG() ([]byte, error) {
	p := plot.New()
	p.Title.Text = "Off the record: points of the places held otherwise than in history"
	p.X.Label.Text = "turn (at its end)"
	p.X.Tick.Marker = turnTicks{}
	p.Y.Label.Text = "victory points"
	p.Y.Tick.Marker = wholeTicks{}
	p.Y.Min = 0
	first := max(1, d.Scenario.Setup.FirstTurn)
	var pts plotter.XYs
	for t, vp := range d.Drift {
		if t+1 >= first {
			pts = append(pts, plotter.XY{X: float64(t), Y: float64(vp)})
		}
	}
	if err := addLine(p, pts, color.RGBA{120, 70, 20, 255}, ""); err != nil {
		return nil, err
	}
	return plotPNG(p)
}

// turnTicks mark an axis of turns in whole turns: a labelled tick every
// 1, 2, 5, 10... turns, at most ten of them, and a small one at each turn
// between when there is room.
type turnTicks struct{}

func (turnTicks) Ticks(lo, hi float64) []plot.Tick {
	first, last := int(math.Ceil(lo)), int(math.Floor(hi))
	if last < first {
		return nil
	}
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		step = s
		if (last-first)/s < 10 {
			break
		}
	}
	var out []plot.Tick
	for t := first; t <= last; t++ {
		switch {
		case t%step == 0:
			out = append(out, plot.Tick{Value: float64(t), Label: strconv.Itoa(t)})
		case last-first <= 60:
			out = append(out, plot.Tick{Value: float64(t)})
		}
	}
	return out
}

// wholeTicks are plot's usual ticks labelled as whole numbers (men,
// points): "250", not "250.00".
type wholeTicks struct{}

func (wholeTicks) Ticks(lo, hi float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(lo, hi)
	for i, t := range ts {
		if t.Label != "" && t.Value == math.Trunc(t.Value) {
			ts[i].Label = strconv.FormatFloat(t.Value, 'f', 0, 64)
		}
	}
	return ts
}

func addLine(p *plot.Plot, pts plotter.XYs, c color.RGBA, name string) error {
	if len(pts) == 0 {
		return nil
	}
	l, err := plotter.NewLine(pts)
	if err != nil {
		return fmt.Errorf("cannot chart the game: %w", err)
	}
	l.Color, l.Width = c, vg.Points(2)
	p.Add(l)
	if name != "" {
		p.Legend.Add(name, l)
	}
	return nil
}

func plotPNG(p *plot.Plot) ([]byte, error) {
	img := vgimg.New(vg.Points(560), vg.Points(260))
	p.Draw(draw.New(img))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
