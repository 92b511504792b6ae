package ui

import (
	"fmt"
	"image/color"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/hex"
	"ili/game/rules"
)

// directions names the six neighbours of a hex, in hex.Neighbor's order.
var directions = [6]string{"east", "north-east", "north-west", "west", "south-west", "south-east"}

// describeHex says what a person at the screen knows of hex h: its ground,
// rivers and roads, the place on it with its victory points and holder,
// the units seen there and, with a unit selected, the march to it.
func (p *Play) describeHex(h hex.Hex, v *rules.View) string {
	m := v.Map
	if !m.In(h) {
		return ""
	}
	parts := []string{rules.Label(h) + "  " + m.At(h).String()}
	var minor, major, roads, tracks []string
	for d := 0; d < 6; d++ {
		n := h.Neighbor(d)
		if !m.In(n) {
			continue
		}
		switch m.RiverBetween(h, n) {
		case rules.MinorRiver:
			minor = append(minor, directions[d])
		case rules.MajorRiver:
			major = append(major, directions[d])
		}
		switch m.RoadBetween(h, n) {
		case rules.MainRoad:
			roads = append(roads, directions[d])
		case rules.Track:
			tracks = append(tracks, directions[d])
		}
	}
	if len(major) > 0 {
		parts = append(parts, "a major river to the "+sides(major))
	}
	if len(minor) > 0 {
		parts = append(parts, "a river to the "+sides(minor))
	}
	var ways []string
	if len(roads) > 0 {
		ways = append(ways, "road "+andList(roads))
	}
	if len(tracks) > 0 {
		ways = append(ways, "track "+andList(tracks))
	}
	if len(ways) > 0 {
		parts = append(parts, strings.Join(ways, ", "))
	}
	for _, pl := range v.Places {
		if pl.Hex == h {
			parts = append(parts, p.placeParts(pl)...)
		}
	}
	if !v.Seen(h) {
		parts = append(parts, "out of sight")
	}
	var units []string
	for _, u := range v.Units {
		if u.Hex == h && u.Status == rules.Active {
			units = append(units, fmt.Sprintf("%s (%d men)", u.Name, u.Men))
		}
	}
	if len(units) > 0 {
		parts = append(parts, strings.Join(units, ", "))
	}
	if p.m.PersonToMove() && len(p.ownStack(h)) > 1 && (len(p.sel.stack) < 2 || p.unit(p.sel.unit) == nil || p.unit(p.sel.unit).Hex != h) {
		parts = append(parts, "a click selects one unit at a time, Shift-click the whole stack")
	}
	if u := p.unit(p.sel.unit); u != nil {
		enemy := false
		for _, e := range v.Units {
			enemy = enemy || e.Hex == h && e.Status == rules.Active && rules.Hostile(e.Side, u.Side)
		}
		switch _, reach := p.sel.reach[h]; {
		case len(p.sel.path) > 1 && p.sel.path[len(p.sel.path)-1] == h:
			parts = append(parts, "march: "+marchTime(p.sel.cost))
		case enemy && p.sel.preview != nil && p.sel.target == h:
			parts = append(parts, "previewed: click again to attack")
		case enemy && len(p.m.Query(u.Side).Attackers(h)) > 0:
			parts = append(parts, "enemy: click to weigh an attack")
		case enemy:
			parts = append(parts, p.cannotAttack(h, u.Side, v))
		case !reach && u.Hex != h:
			parts = append(parts, "out of reach this turn")
		}
	}
	return strings.Join(parts, "  |  ")
}

// cannotAttack says why the side cannot attack the enemy in h now: none
// of its units is next to it, or those that are have attacked this phase,
// are disordered after a failed attack, or are aircraft.
func (p *Play) cannotAttack(h hex.Hex, side string, v *rules.View) string {
	var attacked, disordered, air []string
	for _, u := range v.Units {
		if u.Side != side || u.Status != rules.Active || !hex.Adjacent(u.Hex, h) {
			continue
		}
		switch {
		case u.Type.Class == rules.Aircraft:
			air = append(air, u.Name)
		case u.Disordered:
			disordered = append(disordered, u.Name)
		case u.Attacked:
			attacked = append(attacked, u.Name)
		}
	}
	var why []string
	if len(disordered) > 0 {
		why = append(why, sayAll(disordered, "be disordered")+" after a failed attack and may attack again in your next phase")
	}
	if len(attacked) > 0 {
		why = append(why, sayAll(attacked, "have attacked")+" this phase; a unit attacks once a phase")
	}
	if len(air) > 0 {
		why = append(why, sayAll(air, "support")+" attacks but cannot lead one")
	}
	if len(why) == 0 {
		return "enemy: move a unit next to it to attack"
	}
	return "enemy: cannot be attacked now: " + strings.Join(why, "; ")
}

// sides names the sides of a hex, joining neighbouring directions into
// one: "west and south", "north-east", "east, north-west and south-west".
func sides(dirs []string) string {
	set := map[string]bool{}
	for _, d := range dirs {
		set[d] = true
	}
	// Two neighbouring sides of the hex face a compass point between them.
	pairs := []struct{ a, b, joint string }{{"north-east", "north-west", "north"}, {"south-west", "south-east", "south"}}
	var out []string
	for _, pr := range pairs {
		if set[pr.a] && set[pr.b] {
			out = append(out, pr.joint)
			delete(set, pr.a)
			delete(set, pr.b)
		}
	}
	var rest []string
	for _, d := range directions {
		if set[d] {
			rest = append(rest, d)
		}
	}
	return andList(append(rest, out...))
}

// placeParts say a place on the hover line: its name, points, holder and
// kind ("Nilka (Gongha): 10 VP, held by ..., a town"), then the scenario's
// note on it and its source, where the file gives them.
func (p *Play) placeParts(pl rules.Place) []string {
	holder := "held by nobody"
	if pl.Owner != "" {
		holder = "held by " + p.sideName(pl.Owner)
	}
	first := pl.Name + ", " + holder
	if pl.VP > 0 {
		first = fmt.Sprintf("%s: %d VP, %s", pl.Name, pl.VP, holder)
	}
	info := p.sc.PlaceInfo[pl.ID]
	if info.Kind != "" {
		first += ", " + withArticle(info.Kind)
	}
	parts := []string{first}
	if info.Note != "" {
		parts = append(parts, info.Note)
	}
	if info.Source != "" {
		parts = append(parts, "source: "+p.cite(info.Source))
	}
	return parts
}

// withArticle puts "a" or "an" before a noun: "a town", "an oasis".
func withArticle(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// drawHover draws the line about the hex under the mouse (or the keyboard
// cursor) along the bottom of the map.
func (p *Play) drawHover(dst *ebiten.Image, v *rules.View) {
	if !p.ptr.on {
		return
	}
	desc := p.describeHex(p.ptr.hex, v)
	if desc == "" {
		return
	}
	mapW := float64(p.w - p.a.panelW)
	lines := p.a.wrap(desc, mapW-20, p.a.small)
	lh := p.a.small.Size * 1.4
	h := lh*float64(len(lines)) + 8
	y := float64(p.h) - h
	vector.DrawFilledRect(dst, 0, float32(y), float32(mapW), float32(h), color.RGBA{30, 32, 38, 215}, false)
	drawTextLines(dst, lines, 10, y+4, float64(p.h), p.a.small, color.RGBA{240, 238, 228, 255})
}
