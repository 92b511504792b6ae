package ui

import (
	"encoding/json"
	"os"
	"path/filepath"

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

// settingsFile is where settings live in the user's config folder.
func settingsFile() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "ili", "settings.json"), nil
}

// LoadSettings reads the saved settings; without any, it starts from the
// monitor's scale factor.
func LoadSettings(deviceScale float64) Settings {
	s := Settings{Scale: deviceScale, Speed: 3}
	if s.Scale < 1 {
		s.Scale = 1
	}
	name, err := settingsFile()
	if err != nil {
		return s
	}
	data, err := files.Read(name, files.MaxText)
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
	name, err := settingsFile()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	data, _ := json.MarshalIndent(s, "", " ")
	return files.Write(name, data)
}

// palette returns the palette the settings ask for.
func (s Settings) palette() *paint.Palette {
	if s.ColourBlind {
		return &paint.ColourBlind
	}
	return &paint.Standard
}
