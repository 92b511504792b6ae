//go:build js

// Command ili-web is the game in the browser: make web builds it for
// js/wasm (GOOS=js GOARCH=wasm) and ili serve serves it with its page. The
// page's address may open a game directly, as ili play's command line does:
//
//	?scenario=nilka-1944&side=insurgents&variant=V&ai=LEVEL&seed=5
//	?scenario=ghulja-1944&history=1          the record in history mode
//	?scenario=ghulja-1944&from=1944-11-10    take command from the record
//	?lesson=ghulja-police                    a lesson (lessons/NAME.toml on the server)
//	&hotseat=1, &colour-blind=1, &ai=SIDE=LEVEL (repeatable), &variant=A,B
//
// A link that names what cannot be opened opens the title screen, which
// says why. ?test=1 turns on the test hook (ui.Probe's units and reach).
package main

import (
	"syscall/js"

	"ili/game/ui"
)

func main() {
	// The page's clock when the program's packages are ready, beside the
	// page's own times (iliTimes: fetched, compiled, started, firstFrame).
	if t := js.Global().Get("iliTimes"); t.Truthy() {
		t.Set("main", js.Global().Get("performance").Call("now"))
	}
	search := js.Global().Get("location").Get("search").String()
	var lessonName, lessonText string
	if l := js.Global().Get("iliLesson"); l.Truthy() {
		lessonName, lessonText = l.Get("name").String(), l.Get("text").String()
		if !l.Get("found").Bool() {
			lessonText = ""
		}
	}
	opt := options(search, lessonName, lessonText)
	if err := ui.Run(opt); err != nil {
		js.Global().Get("console").Call("error", "ili: "+err.Error())
	}
}
