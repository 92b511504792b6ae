package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/whatif"
	"ili/game/words"
)

// setupWords describes batch b's setup part by part in words: its
// variants by title, the strength and date it changes, its AI levels.
func (l *Lab) setupWords(b *labBatch) []string {
	sc := b.set.Scenario
	var parts []string
	for _, id := range b.spec.Variants {
		title := id
		for _, v := range sc.Variants {
			if v.ID == id {
				title = v.Title
			}
		}
		parts = append(parts, "variant "+title)
	}
	for _, s := range b.spec.Scale { // UNIT.men=P%
		target, pct, _ := strings.Cut(s, "=")
		id, _, _ := strings.Cut(target, ".")
		parts = append(parts, fmt.Sprintf("the men of %s at %s", sc.UnitName(id), pct))
	}
	for _, s := range b.spec.Set { // KEY=DATE
		key, value, _ := strings.Cut(s, "=")
		what := key
		for _, d := range whatif.Dates(sc) {
			if d.Key == key {
				what = d.Title
			}
		}
		if t, err := time.Parse("2006-01-02T15:04:05", value); err == nil {
			value = labDay(t)
		}
		parts = append(parts, what+" on "+value)
	}
	for _, side := range sideIDsOf(b.set) {
		parts = append(parts, fmt.Sprintf("%s played by the %s AI", shortSide(sc, side), b.spec.AI[side]))
	}
	return parts
}

// setupDiffers says what B's setup changes from A's, in words.
func (l *Lab) setupDiffers() string {
	wa, wb := l.setupWords(l.kept), l.setupWords(l.batch)
	var parts []string
	for _, w := range wb {
		if !slices.Contains(wa, w) {
			parts = append(parts, "B has "+w)
		}
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			parts = append(parts, "A has "+w)
		}
	}
	if len(parts) == 0 {
		return "The two setups are the same: every difference is chance."
	}
	return "What differs: " + strings.Join(parts, "; ") + "."
}

// setupLine is a batch's setup in a line: its parts, or "as the file has
// it" for none beyond the AI.
func (l *Lab) setupLine(b *labBatch) string {
	parts := l.setupWords(b)
	if len(b.spec.Variants)+len(b.spec.Scale)+len(b.spec.Set) == 0 {
		parts = append([]string{"as the file has it"}, parts...)
	}
	return fmt.Sprintf("%s, %d runs from seed %d: %s", b.set.Scenario.Title, b.runs, b.seed, strings.Join(parts, "; "))
}

// shareWords names a compared share in words: "Nilka insurgents win",
// "Nilka (Gongha) held by the Nilka insurgents at the end".
func (l *Lab) shareWords(d whatif.ShareDiff) string {
	b := l.batch
	sc := b.set.Scenario
	switch d.Measure {
	case "outcome":
		if d.What == "draw" {
			return "a draw"
		}
		return words.Says(l.name(b, strings.TrimSuffix(d.What, " wins")), "win")
	case "held at the end":
		place, side, _ := strings.Cut(d.What, ": ")
		return sc.PlaceName(place) + " held by " + l.name(b, side) + " at the end"
	}
	return d.What
}

// drawComparison draws B against A: which setup is which and what
// differs, then each measure in A and in B with B less A and its 95%
// interval, those larger than chance (p < 0.05) marked and in the
// highlight colour.
func (l *Lab) drawComparison(dst *ebiten.Image, x, y, cw, h float64) {
	a := l.a
	c := l.cmp
	if c == nil {
		hint := "Keep a finished batch as A (K), change the setup and run it as B: B against A shows here once B has ended, the runs of the same seed paired."
		drawTextLines(dst, a.wrap(hint, cw, a.text), x, y, h, a.text, labDim)
		return
	}
	drawText(dst, fmt.Sprintf("B against A, %d runs paired by seed", c.Paired), x, y, a.text, color.White)
	y += a.text.Size * 1.5
	y = drawTextLines(dst, a.wrap("A: "+l.setupLine(l.kept)+".", cw, a.small), x, y, h, a.small, labInk)
	y = drawTextLines(dst, a.wrap("B: "+l.setupLine(l.batch)+".", cw, a.small), x, y, h, a.small, labInk)
	y = drawTextLines(dst, a.wrap(l.setupDiffers(), cw, a.small), x, y, h, a.small, labBar) + 6
	cols := []float64{x, x + cw*0.5, x + cw*0.6, x + cw*0.7}
	row := func(ink color.Color, cells ...string) {
		for i, s := range cells {
			drawText(dst, fitText(s, cw*0.5-8, a.small), cols[i], y, a.small, ink)
		}
		y += a.small.Size * 1.45
	}
	row(labDim, "", "A", "B", "B less A (95% interval), p")
	rows := l.comparisonRows()
	room := int((h - y - a.small.Size*4) / (a.small.Size * 1.45))
	for i, r := range rows {
		if i == room-1 && len(rows) > room {
			row(labDim, fmt.Sprintf("and %d more places held at the end (ili sim --compare lists them all)", len(rows)-i))
			break
		}
		row(labMark(r.sig), r.cells...)
	}
	drawTextLines(dst, a.wrap("* and in colour: larger than chance (p < 0.05, each measure tested alone).", cw, a.small), x, y+4, h, a.small, labDim)
}

// labRow is a line of the comparison's table.
type labRow struct {
	cells []string
	sig   bool
}

// comparisonRows are the comparison's lines: the outcomes and as in
// history, the men lost, then who held each place at the end (the many
// lines, which may not all fit).
func (l *Lab) comparisonRows() []labRow {
	c := l.cmp
	share := func(d whatif.ShareDiff) labRow {
		return labRow{[]string{labStar(d.Significant) + l.shareWords(d), fmt.Sprintf("%.0f%%", 100*d.A.Share), fmt.Sprintf("%.0f%%", 100*d.B.Share),
			fmt.Sprintf("%+.0f points (%+.0f to %+.0f), p %.3f", 100*d.Diff, 100*d.Lo, 100*d.Hi, d.P)}, d.Significant}
	}
	var rows, places []labRow
	for _, d := range c.Shares {
		switch d.Measure {
		case "gave up":
		case "held at the end":
			places = append(places, share(d))
		default:
			rows = append(rows, share(d))
		}
	}
	for _, d := range c.Losses {
		rows = append(rows, labRow{[]string{labStar(d.Significant) + "men lost by " + l.name(l.batch, d.Side) + ", mean", fmt.Sprintf("%.0f", d.MeanA), fmt.Sprintf("%.0f", d.MeanB),
			fmt.Sprintf("%+.0f (%+.0f to %+.0f), p %.3f", d.Diff, d.Lo, d.Hi, d.P)}, d.Significant})
	}
	return append(rows, places...)
}

// labMark is the ink of a compared measure: the highlight if it is larger
// than chance.
func labMark(sig bool) color.Color {
	if sig {
		return labBar
	}
	return labInk
}

// labStar marks a measure larger than chance.
func labStar(sig bool) string {
	if sig {
		return "* "
	}
	return ""
}
