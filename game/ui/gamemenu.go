package ui

import (
	"fmt"
	"time"
)

// The game menu's items.
const (
	menuResume = iota
	menuSave
	menuLoad
	menuSettings
	menuHelp
	menuEncyclopedia
	menuTitle
	menuQuit
)

func (p *Play) newGameMenu() *menu {
	last := "Quit ili"
	if onWeb {
		last = "Download the game as a file" // a page is left by its tab
	}
	away := "Quit to the title screen"
	if p.home != nil {
		away = "Back to the lab"
	}
	return newMenu(p.a, "Back to the game", "Save the game", "Load a saved game", "Settings", "Keys and help",
		"Encyclopedia", away, last)
}

// placeMenu centres the menu on the screen.
func (p *Play) placeMenu() {
	mw := max(320, float64(p.w)*0.25)
	p.menu.place((float64(p.w)-mw)/2, (float64(p.h)-p.menu.height())/2, mw)
}

// updateMenu reads input while the game menu is open.
func (p *Play) updateMenu(in Input) (scene, error) {
	if in.Has(KeyEscape) || in.Has(KeyMenu) {
		p.menu = nil
		return nil, nil
	}
	p.placeMenu()
	switch p.menu.update(in) {
	case menuResume:
		p.menu = nil
	case menuSave:
		p.saveAs(fmt.Sprintf("%s-turn%02d-%s.json", p.sc.ID, p.m.Turn(), time.Now().Format("20060102-150405")))
		p.menu = nil
	case menuLoad:
		p.menu = nil
		return newLoadScreen(p.a, p), nil
	case menuSettings:
		p.menu = nil
		return newSettingsScreen(p.a, p), nil
	case menuHelp:
		p.menu, p.help = nil, true
	case menuEncyclopedia:
		p.menu = nil
		return p.encyclopediaHere(), nil
	case menuTitle:
		p.autosave()
		return p.leave(), nil
	case menuQuit:
		if onWeb {
			p.menu = nil
			p.download()
			return nil, nil
		}
		p.autosave()
		return nil, errQuit
	}
	return nil, nil
}
