//go:build !js

package main

import (
	"fmt"
	"os"
)

// main says what this program is for off the browser.
func main() {
	fmt.Fprintln(os.Stderr, "ili-web is the game in the browser: build it with 'make web' (GOOS=js GOARCH=wasm) and serve it with 'ili serve'.")
	os.Exit(2)
}
