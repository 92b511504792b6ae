package ui

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Key is a key the game listens to, independent of Ebiten.
type Key int

// Keys the scenes use.
const (
	KeyNone Key = iota
	KeyUp
	KeyDown
	KeyLeft
	KeyRight
	KeyEnter
	KeyEscape
	KeyEndTurn // E
	KeyZoomIn  // + or =
	KeyZoomOut // -
	KeyGrid    // G
	KeyHelp    // F1 or ?
	KeyNext    // Tab: next unit
	KeyQuit    // Q
	KeySave    // F5
	KeyLoad    // F9
	KeyUndo    // U (and Backspace, outside a text field)
	KeyToggle  // Space
	KeyPalette // F2: colour-blind palette on or off
	KeySmaller // F3: smaller interface
	KeyLarger  // F4: larger interface
	KeyFull    // F11: full screen
	KeyCursor  // C: the keyboard's hex cursor on or off
	KeySlower  // [: slower animation
	KeyFaster  // ]: faster animation
	KeyMenu    // M: the game's menu (Esc too, when nothing is selected)
	KeyGhost   // H: the ghost of history on or off
	KeyFirst   // Home: the course of events' start
	KeyLast    // End: the course of events' end
	KeyTake    // T: take command from the record here
	KeyBack    // Backspace: undo in play, back in the encyclopedia, a character less in a text field
	KeyFit     // F: fit the map to the window (history mode); every factor of the attack weighed (play)
	KeyShift   // Shift, held: a click on a stack selects it whole
	KeyDig     // I: the selected unit digs in for the phase
)

// Input is one frame of input: what a scene reads. Tests make it by hand.
type Input struct {
	Pressed   []Key        // keys pressed this frame
	Held      map[Key]bool // keys held down
	MouseX    int
	MouseY    int
	MouseIn   bool // the cursor is inside the window (edge panning)
	Click     bool // left button released this frame
	RightDown bool
	DragDX    int // mouse movement while the button is held
	DragDY    int
	Wheel     float64
	// Chars are the characters typed this frame, for text fields (a letter
	// typed is also its key in Pressed: a scene with a text field reads one
	// or the other).
	Chars []rune
}

// still reports whether nothing came in: no key, button, wheel or move of
// the mouse from (lastX, lastY).
func (in Input) still(lastX, lastY int) bool {
	return len(in.Pressed) == 0 && len(in.Held) == 0 && len(in.Chars) == 0 && !in.Click && !in.RightDown && in.Wheel == 0 &&
		in.DragDX == 0 && in.DragDY == 0 && in.MouseX == lastX && in.MouseY == lastY
}

// Has reports whether k was pressed this frame.
func (in Input) Has(k Key) bool {
	for _, p := range in.Pressed {
		if p == k {
			return true
		}
	}
	return false
}

var keymap = map[ebiten.Key]Key{
	ebiten.KeyArrowUp: KeyUp, ebiten.KeyW: KeyUp, ebiten.KeyArrowDown: KeyDown, ebiten.KeyS: KeyDown,
	ebiten.KeyArrowLeft: KeyLeft, ebiten.KeyA: KeyLeft, ebiten.KeyArrowRight: KeyRight, ebiten.KeyD: KeyRight,
	ebiten.KeyEnter: KeyEnter, ebiten.KeySpace: KeyToggle, ebiten.KeyEscape: KeyEscape, ebiten.KeyE: KeyEndTurn,
	ebiten.KeyEqual: KeyZoomIn, ebiten.KeyKPAdd: KeyZoomIn, ebiten.KeyMinus: KeyZoomOut, ebiten.KeyKPSubtract: KeyZoomOut,
	ebiten.KeyG: KeyGrid, ebiten.KeyF1: KeyHelp, ebiten.KeySlash: KeyHelp, ebiten.KeyTab: KeyNext, ebiten.KeyQ: KeyQuit,
	ebiten.KeyF5: KeySave, ebiten.KeyF9: KeyLoad, ebiten.KeyU: KeyUndo, ebiten.KeyBackspace: KeyBack,
	ebiten.KeyF2: KeyPalette, ebiten.KeyF3: KeySmaller, ebiten.KeyF4: KeyLarger, ebiten.KeyF11: KeyFull, ebiten.KeyC: KeyCursor,
	ebiten.KeyBracketLeft: KeySlower, ebiten.KeyBracketRight: KeyFaster, ebiten.KeyM: KeyMenu,
	ebiten.KeyH: KeyGhost, ebiten.KeyHome: KeyFirst, ebiten.KeyEnd: KeyLast, ebiten.KeyT: KeyTake,
	ebiten.KeyF: KeyFit, ebiten.KeyShift: KeyShift, ebiten.KeyI: KeyDig,
}

type inputReader struct {
	lastX, lastY int
	down         bool
}

func (r *inputReader) read() Input {
	in := Input{Held: map[Key]bool{}}
	for ek, k := range keymap {
		if inpututil.IsKeyJustPressed(ek) {
			in.Pressed = append(in.Pressed, k)
		}
		if ebiten.IsKeyPressed(ek) {
			in.Held[k] = true
		}
	}
	in.MouseX, in.MouseY = ebiten.CursorPosition()
	down := ebiten.IsMouseButtonPressed(ebiten.MouseButtonLeft)
	if down && r.down {
		in.DragDX, in.DragDY = in.MouseX-r.lastX, in.MouseY-r.lastY
	}
	in.Click = inpututil.IsMouseButtonJustReleased(ebiten.MouseButtonLeft)
	in.RightDown = ebiten.IsMouseButtonPressed(ebiten.MouseButtonRight)
	r.down, r.lastX, r.lastY = down, in.MouseX, in.MouseY
	_, in.Wheel = ebiten.Wheel()
	in.Chars = ebiten.AppendInputChars(nil)
	return in
}
