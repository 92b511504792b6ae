package whatif

import (
	"fmt"
	"image/color"
	"io"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Colour-blind-safe colours (Okabe and Ito) for the sides, in order; draws
// are grey and the share as in history black.
var (
	sideColours = []color.RGBA{
		{0, 114, 178, 255}, {213, 94, 0, 255}, {0, 158, 115, 255}, {204, 121, 167, 255},
	}
	drawColour    = color.RGBA{153, 153, 153, 255}
	historyColour = color.RGBA{0, 0, 0, 255}
)

// sideColour is the colour of the i-th side.
func sideColour(i int) color.RGBA { return sideColours[i%len(sideColours)] }

// outcomeColour is the colour of an outcome of a report's: a side's win,
// a draw, as in history.
func outcomeColour(sides []string, o string) color.RGBA {
	if i := slices.Index(sides, o); i >= 0 {
		return sideColour(i)
	}
	if o == "draw" {
		return drawColour
	}
	return historyColour
}

// drawHeader writes the header's lines at the top of a figure of the given
// height and returns how much room they take.
func drawHeader(dc draw.Canvas, height vg.Length, header []string) vg.Length {
	sty := plot.New().Title.TextStyle
	sty.Font.Size = vg.Points(10)
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
	line := vg.Points(13)
	for i, l := range header {
		dc.FillText(sty, vg.Point{X: vg.Points(10), Y: height - vg.Points(8) - vg.Length(i)*line}, l)
	}
	return vg.Points(12) + vg.Length(len(header))*line
}

// figure draws plots side by side under a header of lines (the setup in
// full) and writes the PNG.
func figure(w io.Writer, width vg.Length, height vg.Length, header []string, plots ...*plot.Plot) error {
	img := vgimg.New(width, height)
	dc := draw.New(img)
	top := drawHeader(dc, height, header)
	tiles := draw.Tiles{Rows: 1, Cols: len(plots), PadX: vg.Points(20), PadTop: top, PadBottom: vg.Points(8), PadLeft: vg.Points(8), PadRight: vg.Points(8)}
	canvases := plot.Align([][]*plot.Plot{plots}, tiles, dc)
	for i, p := range plots {
		p.Draw(canvases[0][i])
	}
	_, err := vgimg.PngCanvas{Canvas: img}.WriteTo(w)
	return err
}

// wrap cuts text into lines of at most n characters, at spaces.
func wrap(text string, n int) []string {
	var out []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > n {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// WriteChart draws the batch's outcome distributions as a PNG under its
// setup in full: the share of each outcome with its 95% interval, and each
// side's losses in men, each side in its colour.
func (r *Report) WriteChart(w io.Writer) error {
	outcomes := append(slices.Clone(r.Sides), "draw", "as in history")
	left := plot.New()
	left.Title.Text = "outcomes (95% intervals)"
	left.Y.Label.Text = "share of runs (%)"
	left.Y.Min, left.Y.Max = 0, 100
	for i, o := range outcomes {
		s := r.Summary.Historical
		if o != "as in history" {
			s = r.Summary.Wins[o]
		}
		if err := shareBar(left, float64(i), s, outcomeColour(r.Sides, o), 0.3); err != nil {
			return err
		}
	}
	names := make([]string, len(outcomes))
	for i, o := range outcomes {
		names[i] = outcomeLabel(o)
	}
	left.NominalX(names...)
	return figure(w, vg.Points(900), vg.Points(400), r.Header(150), left, r.lossesPlot())
}

// Header is what a chart of the batch says above it, in lines of at most
// width characters: the scenario, the runs and seeds, and the setup in
// full.
func (r *Report) Header(width int) []string {
	head := fmt.Sprintf("%s: %d runs from seed %d", r.Scenario, r.Runs, r.Seed)
	if r.Label != "" {
		head = r.Label + ": " + head
	}
	return append([]string{head}, wrap("Setup: "+r.Describe(), width)...)
}

// shareBar draws one bar of a share in percent centred at x, half wide
// (in the axis' units), with its interval.
func shareBar(p *plot.Plot, x float64, s Share, c color.RGBA, half float64) error {
	return bar(p, x, 100*s.Share, 100*s.Lo, 100*s.Hi, c, half)
}

// bar draws a bar of height y centred at x, half wide, with a whisker from
// lo to hi.
func bar(p *plot.Plot, x, y, lo, hi float64, c color.RGBA, half float64) error {
	rect, err := plotter.NewPolygon(plotter.XYs{{X: x - half, Y: 0}, {X: x + half, Y: 0}, {X: x + half, Y: y}, {X: x - half, Y: y}})
	if err != nil {
		return err
	}
	rect.Color, rect.LineStyle.Color = c, c
	p.Add(rect)
	eb, err := plotter.NewYErrorBars(struct {
		plotter.XYs
		plotter.YErrors
	}{plotter.XYs{{X: x, Y: y}}, plotter.YErrors{{Low: y - lo, High: hi - y}}})
	if err != nil {
		return err
	}
	p.Add(eb)
	return nil
}

// lossesPlot draws how many runs lost how many men, for each side, each
// in its colour.
func (r *Report) lossesPlot() *plot.Plot {
	right := plot.New()
	right.Title.Text = "men lost per run"
	right.X.Label.Text = "men"
	right.Y.Label.Text = "runs"
	for i, h := range r.lossHistograms() {
		if h != nil {
			right.Add(h)
			right.Legend.Add(r.Sides[i], h)
		}
	}
	right.Legend.Top = true
	return right
}

// lossHistograms are the histograms of each side's men lost, in its
// colour (nil for a side whose runs all lost the same).
func (r *Report) lossHistograms() []*plotter.Histogram {
	t := r.tally
	if t == nil {
		t = newTally(r.Head)
		for _, res := range r.Results {
			t.Add(res)
		}
	}
	out := make([]*plotter.Histogram, len(r.Sides))
	for i, side := range r.Sides {
		h, err := plotter.NewHistogram(t.losses[side].xys(), 20)
		if err != nil {
			continue // all runs lost the same: nothing to draw
		}
		c := sideColour(i)
		h.FillColor = color.NRGBA{c.R, c.G, c.B, 140} // not RGBA, whose colours are premultiplied by alpha
		h.LineStyle.Color = c
		out[i] = h
	}
	return out
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

// WriteChart draws a study as a PNG under every setup in full: for a
// comparison, each outcome's share in each setup side by side with its
// interval, and each side's median men lost with its quartiles; for a
// sweep of one key, each outcome's share along the key as a line in a band
// (its 95% interval); for a sweep of two keys, a heat map of the first
// side's share of wins.
func (st *Study) WriteChart(w io.Writer) error {
	if len(st.Arms) == 0 {
		return fmt.Errorf("the study has no setups to draw")
	}
	switch {
	case st.Kind == KindSensitivity:
		return st.tornadoChart(w)
	case st.Kind == KindCompare:
		return st.compareChart(w)
	case len(st.Sweep) == 1:
		return st.lineChart(w)
	}
	return st.heatChart(w)
}

func (st *Study) compareChart(w io.Writer) error {
	a := st.Arms[0]
	outcomes := append(slices.Clone(a.Sides), "draw", "as in history")
	n := len(st.Arms)
	half := 0.4 / float64(n) // each group of bars 0.8 wide
	shares := plot.New()
	shares.Title.Text = "outcomes by setup (95% intervals)"
	shares.Y.Label.Text = "share of runs (%)"
	shares.Y.Min, shares.Y.Max = 0, 110
	losses := plot.New()
	losses.Title.Text = "men lost by setup (median, quartiles)"
	losses.Y.Label.Text = "men"
	header := []string{fmt.Sprintf("%s: %d setups, %d runs each from seed %d, the same seeds in each", st.Scenario, n, st.Runs, st.Seed)}
	var tags, lossTags plotter.XYLabels
	for k, r := range st.Arms {
		header = append(header, wrap(fmt.Sprintf("%s (bar %d from the left in each group): %s: %s", letter(k), k+1, r.Label, r.Describe()), 150)...)
		off := 2 * half * (float64(k) - float64(n-1)/2)
		for i, o := range outcomes {
			s := r.Summary.Historical
			if o != "as in history" {
				s = r.Summary.Wins[o]
			}
			if err := shareBar(shares, float64(i)+off, s, shade(outcomeColour(a.Sides, o), k, n), 0.9*half); err != nil {
				return err
			}
			tags.XYs = append(tags.XYs, plotter.XY{X: float64(i) + off, Y: 100*s.Hi + 2})
			tags.Labels = append(tags.Labels, letter(k))
		}
		for i, side := range a.Sides {
			l := r.Summary.Losses[side]
			if err := bar(losses, float64(i)+off, l.Median, l.Q1, l.Q3, shade(sideColour(i), k, n), 0.9*half); err != nil {
				return err
			}
			lossTags.XYs = append(lossTags.XYs, plotter.XY{X: float64(i) + off, Y: l.Q3})
			lossTags.Labels = append(lossTags.Labels, letter(k))
		}
	}
	for _, t := range []struct {
		p *plot.Plot
		l plotter.XYLabels
	}{{shares, tags}, {losses, lossTags}} {
		lb, err := plotter.NewLabels(t.l)
		if err != nil {
			return err
		}
		for i := range lb.TextStyle {
			lb.TextStyle[i].XAlign, lb.TextStyle[i].YAlign = draw.XCenter, draw.YBottom
		}
		t.p.Add(lb)
	}
	names := make([]string, len(outcomes))
	for i, o := range outcomes {
		names[i] = outcomeLabel(o)
	}
	shares.NominalX(names...)
	losses.NominalX(a.Sides...)
	return figure(w, vg.Points(1000), vg.Points(360)+vg.Points(13)*vg.Length(len(header)), header, shares, losses)
}

// shade lightens a colour for the k-th of n setups, the first the darkest.
func shade(c color.RGBA, k, n int) color.RGBA {
	if n <= 1 {
		return c
	}
	f := 0.65 * float64(k) / float64(n-1)
	mix := func(v uint8) uint8 { return uint8(float64(v) + f*(255-float64(v))) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 255}
}

func (st *Study) lineChart(w io.Writer) error {
	a := st.Arms[0]
	key := st.Sweep[0]
	p := plot.New()
	p.Title.Text = "outcomes along " + key.Key + " (bands: 95% intervals)"
	p.X.Label.Text = key.Key
	p.Y.Label.Text = "share of runs (%)"
	p.Y.Min, p.Y.Max = 0, 100
	for _, o := range append(slices.Clone(a.Sides), "draw", "as in history") {
		line, band := make(plotter.XYs, len(st.Arms)), make(plotter.XYs, 0, 2*len(st.Arms))
		for i, r := range st.Arms {
			s := r.Summary.Historical
			if o != "as in history" {
				s = r.Summary.Wins[o]
			}
			line[i] = plotter.XY{X: r.At[0], Y: 100 * s.Share}
			band = append(band, plotter.XY{X: r.At[0], Y: 100 * s.Hi})
		}
		for i := len(st.Arms) - 1; i >= 0; i-- {
			r := st.Arms[i]
			s := r.Summary.Historical
			if o != "as in history" {
				s = r.Summary.Wins[o]
			}
			band = append(band, plotter.XY{X: r.At[0], Y: 100 * s.Lo})
		}
		c := outcomeColour(a.Sides, o)
		poly, err := plotter.NewPolygon(band)
		if err != nil {
			return err
		}
		poly.Color = color.NRGBA{c.R, c.G, c.B, 50}
		poly.LineStyle.Width = 0
		l, pts, err := plotter.NewLinePoints(line)
		if err != nil {
			return err
		}
		l.Color, pts.Color = c, c
		p.Add(poly, l, pts)
		p.Legend.Add(outcomeLabel(o), l, pts)
	}
	p.Legend.Top = true
	header := []string{fmt.Sprintf("%s: a sweep of %s, %d runs a value from seed %d, the same seeds at each", st.Scenario, sweepText(st.Sweep), st.Runs, st.Seed)}
	header = append(header, wrap("Setup of every value: "+commonSpec(st).Describe(a.Sides), 150)...)
	return figure(w, vg.Points(800), vg.Points(440), header, p)
}

// grid is a sweep's cells as a heat map's grid: the share of runs the
// first side won, in percent.
type grid struct{ st *Study }

func (g grid) Dims() (c, r int) { return len(g.st.Sweep[0].Values), len(g.st.Sweep[1].Values) }
func (g grid) Z(c, r int) float64 {
	a := g.st.Arms[c*len(g.st.Sweep[1].Values)+r]
	return 100 * a.Summary.Wins[a.Sides[0]].Share
}
func (g grid) X(c int) float64 { return g.st.Sweep[0].Values[c] }
func (g grid) Y(r int) float64 { return g.st.Sweep[1].Values[r] }
func (g grid) Min() float64    { return 0 }
func (g grid) Max() float64    { return 100 }

func (st *Study) heatChart(w io.Writer) error {
	a := st.Arms[0]
	side := a.Sides[0]
	cm := moreland.Kindlmann()
	cm.SetMin(0)
	cm.SetMax(100)
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s wins, %% of runs (95%% interval)", side)
	p.X.Label.Text, p.Y.Label.Text = st.Sweep[0].Key, st.Sweep[1].Key
	g := grid{st}
	hm := plotter.NewHeatMap(g, cm.Palette(255))
	p.Add(hm)
	var labels plotter.XYLabels
	c, r := g.Dims()
	for i := 0; i < c; i++ {
		for j := 0; j < r; j++ {
			s := st.Arms[i*r+j].Summary.Wins[side]
			labels.XYs = append(labels.XYs, plotter.XY{X: g.X(i), Y: g.Y(j)})
			labels.Labels = append(labels.Labels, fmt.Sprintf("%.0f\n(%.0f-%.0f)", 100*s.Share, 100*s.Lo, 100*s.Hi))
		}
	}
	lb, err := plotter.NewLabels(labels)
	if err != nil {
		return err
	}
	for i := range lb.TextStyle {
		lb.TextStyle[i].XAlign, lb.TextStyle[i].YAlign = draw.XCenter, draw.YCenter
		lb.TextStyle[i].Color = color.White
		if g.Z(i/r, i%r) > 60 {
			lb.TextStyle[i].Color = color.Black
		}
	}
	p.Add(lb)
	legend := plot.New()
	legend.Title.Text = "share (%)"
	legend.HideX()
	legend.Y.Min, legend.Y.Max = 0, 100
	scale := &plotter.ColorBar{ColorMap: cm, Vertical: true}
	legend.Add(scale)
	header := []string{fmt.Sprintf("%s: a sweep of %s, %d runs a cell from seed %d, the same seeds in each", st.Scenario, sweepText(st.Sweep), st.Runs, st.Seed)}
	header = append(header, wrap("Setup of every cell: "+commonSpec(st).Describe(a.Sides), 150)...)
	return figureWithBar(w, header, p, legend)
}

// figureWithBar draws a heat map with its colour bar narrow beside it.
func figureWithBar(w io.Writer, header []string, p, bar *plot.Plot) error {
	width, height := vg.Points(860), vg.Points(600)
	img := vgimg.New(width, height)
	dc := draw.New(img)
	top := drawHeader(dc, height, header)
	body := draw.Crop(dc, vg.Points(8), -vg.Points(8), vg.Points(8), -top)
	main := draw.Crop(body, 0, -vg.Points(90), 0, 0)
	side := draw.Crop(body, body.Max.X-body.Min.X-vg.Points(80), 0, 0, 0)
	p.Draw(main)
	bar.Draw(side)
	_, err := vgimg.PngCanvas{Canvas: img}.WriteTo(w)
	return err
}
