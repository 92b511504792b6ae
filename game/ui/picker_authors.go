package ui

import (
	"fmt"
	"image/color"
	"path/filepath"
	"slices"

	"github.com/hajimehoshi/ebiten/v2"

	"ili/game/lesson"
	"ili/game/scenario"
)

// Authors' scenarios: the picker lists, after the bundled battles, the
// .toml files of the user's scenarios folder (scenario.UserDir) and of
// every folder given with --scenarios, each as the bundled ones are (its
// description, map, briefing and variants), and a file that does not load
// with its first mistake in one sentence, never opened. A lesson file in
// those folders is left out: it opens with ili play.

// authorDirs are the folders of authors' scenarios the picker reads: the
// user's own, then those the options give.
func authorDirs(opt Options) []string {
	var dirs []string
	if d, err := scenario.UserDir(); err == nil {
		dirs = append(dirs, d)
	}
	return append(dirs, opt.ScenarioDirs...)
}

// addAuthors appends the authors' scenarios to the picker's lists and
// their titles to items: a file that loads by its title, one that does
// not by its file name, marked so.
func (p *Picker) addAuthors(items []string) []string {
	var listed []scenario.Listed
	for _, dir := range authorDirs(p.opt) {
		ls, err := scenario.Folder(dir, lesson.IsLesson)
		if err != nil { // a folder that cannot be read is listed as such
			ls = []scenario.Listed{{Path: dir, Err: err}}
		}
		for _, l := range ls {
			if !slices.ContainsFunc(listed, func(m scenario.Listed) bool { return sameFile(m.Path, l.Path) }) {
				listed = append(listed, l)
			}
		}
	}
	for _, l := range listed {
		p.ids = append(p.ids, l.Path)
		p.scs = append(p.scs, l.Scenario)
		if l.Scenario != nil {
			p.maps = append(p.maps, l.Scenario.Setup.Map)
			p.problems = append(p.problems, "")
			items = append(items, l.Title())
			continue
		}
		p.maps = append(p.maps, nil)
		p.problems = append(p.problems, l.Problem())
		items = append(items, l.Title()+" (does not load)")
	}
	return items
}

// sameFile reports whether two paths name one file.
func sameFile(a, b string) bool {
	if x, err := filepath.Abs(a); err == nil {
		a = x
	}
	if x, err := filepath.Abs(b); err == nil {
		b = x
	}
	return a == b
}

// detailsAt are the lines that describe the i-th scenario: where an
// author's file is, then the dates, scale, sides and description.
func (p *Picker) detailsAt(i int, width float64) []string {
	lines := p.a.details(p.scs[i], width)
	if p.isAuthors(i) {
		lines = append(p.a.wrap("From "+p.ids[i], width, p.a.text), lines...)
	}
	return lines
}

// isAuthors reports whether the i-th scenario is an author's file rather
// than a bundled one.
func (p *Picker) isAuthors(i int) bool { return scenario.IsFile(p.ids[i]) }

// drawProblem draws, at x, why the i-th scenario does not load, and what
// to do about it.
func (p *Picker) drawProblem(dst *ebiten.Image, i int, x float64) {
	a := p.a
	w, h := p.size()
	drawText(dst, filepath.Base(p.ids[i])+" does not load", x, 96, a.title, color.RGBA{240, 170, 150, 255})
	lines := a.wrap("From "+p.ids[i], w-x-30, a.text)
	lines = append(lines, "")
	lines = append(lines, a.wrap(p.problems[i], w-x-30, a.text)...)
	lines = append(lines, "")
	lines = append(lines, a.wrap(fmt.Sprintf("Mend the file and come back to this screen; 'ili validate %s' lists every mistake with its line and column.", p.ids[i]), w-x-30, a.text)...)
	drawTextLines(dst, lines, x, 96+a.title.Size*2, h-40, a.text, menuText)
}

// preselect shows the choices the options already make ticked on the
// set-up: the side, the variants and a game at one screen.
func (s *Setup) preselect(variants []string) {
	for i, sd := range s.sc.Setup.Sides {
		if sd.ID == s.opt.Side {
			s.side = i
		}
	}
	for i, v := range s.sc.Variants {
		s.variants[i] = slices.Contains(variants, v.ID)
	}
	if s.opt.Hotseat {
		s.opponent = len(opponents) - 1
	}
}
