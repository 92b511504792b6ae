package ui

import (
	"encoding/json"

	"ili/game/files"
	"ili/game/paint"
)

// Settings are the player's choices kept between runs.
type Settings struct {
	Scale       float64 `json:"scale"`        // UI scale: text and panels
	ColourBlind bool    `json:"colour_blind"` // the Okabe-Ito palette
	Speed       int     `json:"speed"`        // animation speed, 1 (slow) to 5 (instant)
	Fullscreen  bool    `json:"fullscreen"`
	// Ghost shows the ghost of history in play: where the record's main
	// bodies stood on the turn's date and the places held otherwise.
	Ghost bool `json:"ghost"`
}

// settingsFile is the settings' name in the player's store (files.Store):
// ili/settings.json in the user's config folder, or the browser's storage.
const settingsFile = "settings.json"

// LoadSettings reads the saved settings; without any, it starts from the
// monitor's scale factor.
func LoadSettings(deviceScale float64) Settings {
	s := Settings{Scale: deviceScale, Speed: 3}
	if s.Scale < 1 {
		s.Scale = 1
	}
	st, err := files.UserStore()
	if err != nil {
		return s
	}
	data, err := st.Read(settingsFile)
	if err != nil {
		return s
	}
	var saved Settings
	if json.Unmarshal(data, &saved) == nil && saved.Scale >= 0.5 && saved.Scale <= 4 {
		saved.Speed = max(1, min(5, saved.Speed))
		return saved
	}
	return s
}

// Save writes the settings, atomically.
func (s Settings) Save() error {
	st, err := files.UserStore()
	if err != nil {
		return err
	}
	data, _ := json.MarshalIndent(s, "", " ")
	return st.Write(settingsFile, data)
}

// palette returns the palette the settings ask for.
func (s Settings) palette() *paint.Palette {
	if s.ColourBlind {
		return &paint.ColourBlind
	}
	return &paint.Standard
}
