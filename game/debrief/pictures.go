package debrief

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"ili/game/paint"
	"ili/game/rules"
)

// MapWidth is the width of a debrief's maps in pixels; their height
// follows the map's shape.
const MapWidth = 760

// mapPNG paints a view of the game, as the window paints it, into a PNG.
func mapPNG(v *rules.View) ([]byte, error) {
	x0, y0, x1, y1 := paint.MapBounds(v.Map)
	h := max(120, min(MapWidth*2, int(float64(MapWidth)*(y1-y0)/(x1-x0))))
	img, err := paint.NewImage(MapWidth, h, color.RGBA{70, 80, 90, 255})
	if err != nil {
		return nil, err
	}
	cam := paint.FitCamera(v.Map, MapWidth, h)
	var b paint.Batch
	paint.Map(img, b.On(img), v, cam, &paint.Standard, 11)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img.Picture()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
	p.X.Label.Text = "turn"
	p.Y.Label.Text = "men"
	p.Legend.Top, p.Legend.Left = true, true
	for _, sd := range d.Scenario.Setup.Sides {
		pts := make(plotter.XYs, len(d.Turns))
		for i, mo := range d.Turns {
			pts[i].X, pts[i].Y = float64(mo.Turn), float64(mo.Lost[sd.ID])
		}
		if err := addLine(p, pts, d.sideColour(sd.ID), sd.Name); err != nil {
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
	p.X.Label.Text = "turn"
	p.Y.Label.Text = "victory points"
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
