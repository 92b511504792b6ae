//go:build js

package ui

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"ili/game/files"
)

// onWeb is whether the game runs in a browser's page.
const onWeb = true

// page is the game the page runs.
var page *Game

// startWeb readies the page for the game. window.ili gives the page:
//
//   - state(): the Probe as JSON: the screen, and in a game its turn and
//     state hash (with ?test=1, where the units are on the screen);
//   - open(name, text): a saved game the person dropped on the page,
//     opened at the next frame.
//   - with ?test=1, labBatch and labResult: a lab batch played on the
//     browser's workers without the lab's screen (labpool_js.go).
//
// The page's iliFirstFrame() is called after the first frame (it takes the
// loading notice away and notes the time), and the game is kept for
// Continue when the page is left, as a desktop keeps it when its window
// closes.
func startWeb(g *Game, opt Options) {
	page = g
	hooks := js.Global().Get("Object").New()
	hooks.Set("state", js.FuncOf(func(js.Value, []js.Value) any {
		data, _ := json.Marshal(g.probe(opt.TestHook))
		return string(data)
	}))
	hooks.Set("open", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 2 {
			g.opened = &openedFile{name: args[0].String(), data: bytesOf(args[1])}
		}
		return nil
	}))
	if opt.TestHook {
		testLabHooks(hooks)
	}
	js.Global().Set("ili", hooks)
	watchPointer()
	g.firstFrame = func() {
		if f := js.Global().Get("iliFirstFrame"); f.Type() == js.TypeFunction {
			f.Invoke()
		}
	}
	js.Global().Call("addEventListener", "pagehide", js.FuncOf(func(js.Value, []js.Value) any {
		if q, ok := g.scene.(interface{ Quit() }); ok {
			q.Quit()
		}
		return nil
	}))
}

// pointerIn is whether the pointer is over the page: until it first moves
// over it, the pointer's position (0, 0 by Ebiten) is no position at all,
// and it must not pan the map as a pointer at the screen's edge does.
var pointerIn bool

// pointerOver reports whether the pointer is over the page.
func pointerOver() bool { return pointerIn }

// watchPointer follows the pointer into and out of the page.
func watchPointer() {
	in := js.FuncOf(func(js.Value, []js.Value) any { pointerIn = true; return nil })
	out := js.FuncOf(func(js.Value, []js.Value) any { pointerIn = false; return nil })
	doc := js.Global().Get("document")
	doc.Call("addEventListener", "mousemove", in)
	doc.Call("addEventListener", "mousedown", in)
	doc.Get("documentElement").Call("addEventListener", "mouseleave", out)
	js.Global().Call("addEventListener", "blur", out)
}

// bytesOf is a string's or a Uint8Array's bytes.
func bytesOf(v js.Value) []byte {
	if v.Type() == js.TypeString {
		return []byte(v.String())
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

// offer hands a file to the person as a download.
func offer(name, mime string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the browser refused the download (%v)", r)
		}
	}()
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		js.Global().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	js.Global().Call("setTimeout", revoke, 60000)
	return nil
}

// pickFile asks the person for a saved game (the browser's file chooser);
// the game opens at the frame after the file is read.
func pickFile() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the browser refused to choose a file (%v)", r)
		}
	}()
	doc := js.Global().Get("document")
	in := doc.Call("createElement", "input")
	in.Set("type", "file")
	in.Set("accept", ".json,application/json")
	var changed js.Func
	changed = js.FuncOf(func(js.Value, []js.Value) any {
		changed.Release()
		list := in.Get("files")
		if list.Length() == 0 {
			return nil
		}
		f := list.Index(0)
		name := f.Get("name").String()
		if f.Get("size").Int() > files.MaxText {
			page.opened = &openedFile{name: name, data: make([]byte, files.MaxText+1)} // refused, with the reason, as any file too big
			return nil
		}
		var read js.Func
		read = js.FuncOf(func(_ js.Value, args []js.Value) any {
			read.Release()
			page.opened = &openedFile{name: name, data: bytesOf(args[0])}
			return nil
		})
		f.Call("text").Call("then", read)
		return nil
	})
	in.Call("addEventListener", "change", changed)
	in.Call("click")
	return nil
}
