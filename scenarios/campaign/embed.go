// Package campaign holds the campaign file, campaign.toml: the timeline of
// the whole rising, 1944-1949, with the bundled scenarios as its stops and
// the dated episodes between them, embedded in the binary. game/campaign
// reads it.
package campaign

import _ "embed"

// Text is campaign.toml as it was built into the binary.
//
//go:embed campaign.toml
var Text []byte

// File is the name errors give the embedded file.
const File = "scenarios/campaign/campaign.toml"
