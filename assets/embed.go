// Package assets holds what the game builds in besides its data: the font
// the window (game/ui) and the map painter (game/paint) set text in. It
// imports nothing of ours, so any package may use it.
//
// The font, fonts/IliSans-Regular.ttf (about 290 KB), is one TrueType font
// with a glyph for every character the bundled scenarios, encyclopedia,
// campaign and lessons use (go test ./assets checks it): Go Regular for
// Latin, as before; Noto Sans for Cyrillic and the Latin letters Go Regular
// lacks; Noto Sans Arabic for Uyghur in Arabic script; and Noto Sans CJK
// SC cut down to the Chinese characters the data uses, with CJK
// punctuation and the full-width forms (all of Noto Sans CJK is 19 MB; its
// part here is about 70 KB). It is one font rather than several because
// the window holds its faces as *text.GoTextFace, and one face shapes a
// line of mixed scripts, right-to-left runs among them, in one go.
// tools/fonts/subset.sh rebuilds it; README.md says more, and the licences
// lie beside the font.
package assets

import _ "embed"

// Font is IliSans-Regular.ttf: 2048 units to the em and Go Regular's
// vertical metrics.
//
//go:embed fonts/IliSans-Regular.ttf
var Font []byte
