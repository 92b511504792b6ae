//go:build !js

package main

import (
	"fmt"
	"os"
)

// main says what this program is for off the browser.
func main() {
	fmt.Fprintln(os.Stderr, "ili-worker plays the lab's runs in a browser's Web Worker: make web builds it (GOOS=js GOARCH=wasm) and ili serve serves it.")
	os.Exit(2)
}
