//go:build !js

package files

import (
	"fmt"
	"os"
	"path/filepath"
)

// UserStore is the player's store: the folder ili in the user's config
// folder (~/.config/ili on Linux, %AppData%\ili on Windows,
// ~/Library/Application Support/ili on macOS).
func UserStore() (Store, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return nil, fmt.Errorf("there is no config folder to keep saved games and settings in: %w", err)
	}
	return Folder(filepath.Join(base, "ili")), nil
}
