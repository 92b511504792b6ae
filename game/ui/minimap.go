package ui

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"ili/game/paint"
	"ili/game/rules"
)

// minimapCam is the minimap's geometry: the whole map in the panel's lower
// corner, as large as the panel leaves room for (panelLayout); it returns
// the camera and the minimap's left, top, width and height, the width 0
// when it is left out.
func (p *Play) minimapCam() (paint.Camera, float64, float64, float64, float64) {
	l := p.panelLayout(p.currentView())
	return l.mini, l.miniX, l.miniY, l.miniW, l.miniH
}

func (p *Play) inMinimap(x, y int) bool {
	_, l, t, w, h := p.minimapCam()
	return w > 0 && float64(x) >= l && float64(x) <= l+w && float64(y) >= t && float64(y) <= t+h
}

func (p *Play) centreOnMinimap(x, y int) {
	mc, _, _, _, _ := p.minimapCam()
	wx, wy := mc.ToWorld(float64(x), float64(y))
	p.cam.X = wx - float64(p.w-p.a.panelW)/2/p.cam.Scale
	p.cam.Y = wy - float64(p.h)/2/p.cam.Scale
}

// drawMinimap draws the whole map small, with the part on screen framed.
func (p *Play) drawMinimap(dst *ebiten.Image, v *rules.View) {
	mc, l, t, w, h := p.minimapCam()
	if w <= 0 {
		return
	}
	pal := p.a.palette()
	vector.DrawFilledRect(dst, float32(l)-2, float32(t)-2, float32(w)+4, float32(h)+4, color.RGBA{40, 40, 40, 255}, false)
	p.mini.draw(dst, p.a.scratch(dst), v.Map, nil, mc, pal, false)
	x0, y0 := mc.ToScreen(p.cam.ToWorld(0, float64(p.a.barH)))
	x1, y1 := mc.ToScreen(p.cam.ToWorld(float64(p.w-p.a.panelW), float64(p.h)))
	x0, y0 = math.Max(x0, l), math.Max(y0, t)
	x1, y1 = math.Min(x1, l+w), math.Min(y1, t+h)
	if x1 > x0 && y1 > y0 {
		vector.StrokeRect(dst, float32(x0), float32(y0), float32(x1-x0), float32(y1-y0), 1.5, pal.Select, false)
	}
}
