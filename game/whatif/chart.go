package whatif

import (
	"fmt"
	"image/color"
	"io"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Colour-blind-safe colours (Okabe and Ito) for the sides, in order.
var sideColours = []color.RGBA{
	{0, 114, 178, 255}, {213, 94, 0, 255}, {0, 158, 115, 255}, {204, 121, 167, 255},
}

// WriteChart draws the batch's outcome distributions as a PNG: the share of
// each outcome with its 95% interval, and each side's losses in men.
func (r *Report) WriteChart(w io.Writer) error {
	outcomes := append(append([]string(nil), r.Sides...), "draw")
	shares := make(plotter.Values, len(outcomes))
	errs := make(plotter.YErrors, len(outcomes))
	for i, o := range outcomes {
		s := r.Summary.Wins[o]
		shares[i] = 100 * s.Share
		errs[i].Low, errs[i].High = 100*(s.Share-s.Lo), 100*(s.Hi-s.Share)
	}
	left := plot.New()
	left.Title.Text = fmt.Sprintf("%s: outcomes of %d runs", r.Scenario, r.Runs)
	left.Y.Label.Text = "share of runs (%)"
	left.Y.Min, left.Y.Max = 0, 100
	bars, err := plotter.NewBarChart(shares, vg.Points(28))
	if err != nil {
		return err
	}
	bars.Color = color.RGBA{86, 180, 233, 255}
	left.Add(bars)
	pts := make(plotter.XYs, len(outcomes))
	for i := range pts {
		pts[i].X, pts[i].Y = float64(i), shares[i]
	}
	eb, err := plotter.NewYErrorBars(struct {
		plotter.XYs
		plotter.YErrors
	}{pts, errs})
	if err != nil {
		return err
	}
	left.Add(eb)
	names := make([]string, len(outcomes))
	for i, o := range outcomes {
		names[i] = o
		if o != "draw" {
			names[i] = o + " wins"
		}
	}
	left.NominalX(names...)

	right := r.lossesPlot()

	img := vgimg.New(vg.Points(900), vg.Points(380))
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 1, Cols: 2, PadX: vg.Points(20), PadTop: vg.Points(8), PadBottom: vg.Points(8), PadLeft: vg.Points(8), PadRight: vg.Points(8)}
	canvases := plot.Align([][]*plot.Plot{{left, right}}, tiles, dc)
	left.Draw(canvases[0][0])
	right.Draw(canvases[0][1])
	_, err = vgimg.PngCanvas{Canvas: img}.WriteTo(w)
	return err
}

// lossesPlot draws how many runs lost how many men, for each side.
func (r *Report) lossesPlot() *plot.Plot {
	right := plot.New()
	right.Title.Text = "men lost per run"
	right.X.Label.Text = "men"
	right.Y.Label.Text = "runs"
	t := r.tally
	if t == nil {
		t = NewTally(r.Sides, r.Places)
		for _, res := range r.Results {
			t.Add(res)
		}
	}
	for i, side := range r.Sides {
		h, err := plotter.NewHistogram(t.losses[side].xys(), 20)
		if err != nil {
			continue // all runs lost the same: nothing to draw
		}
		c := sideColours[i%len(sideColours)]
		h.FillColor = color.RGBA{c.R, c.G, c.B, 140}
		h.LineStyle.Color = c
		right.Add(h)
		right.Legend.Add(side, h)
	}
	right.Legend.Top = true
	return right
}

// xys are the values with the number of runs of each, in increasing order,
// for a histogram.
func (c counts) xys() plotter.XYs {
	vals := c.sorted()
	xy := make(plotter.XYs, len(vals))
	for i, v := range vals {
		xy[i].X, xy[i].Y = float64(v), float64(c[v])
	}
	return xy
}
