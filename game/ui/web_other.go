//go:build !js

package ui

import "errors"

// onWeb is whether the game runs in a browser's page (web_js.go).
const onWeb = false

// startWeb readies the browser's page for the game; a desktop has none.
func startWeb(*Game, Options) {}

var errNotWeb = errors.New("only the game in the browser hands files over; on a desktop the saved games are files already")

// pointerOver reports whether the pointer is over the game; a window's
// pointer is where Ebiten says it is.
func pointerOver() bool { return true }

// offer hands a file to the person: a download, in the browser.
func offer(name, mime string, data []byte) error { return errNotWeb }

// pickFile asks the person for a saved game to open, in the browser.
func pickFile() error { return errNotWeb }
