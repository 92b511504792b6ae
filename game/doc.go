// Package game holds the engine of ili, one package a responsibility, with
// dependencies that point one way: ui -> ai, whatif -> scenario -> rules -> hex.
// Only game/ui may import Ebiten; deps_test.go enforces it.
package game
