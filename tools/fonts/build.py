"""Builds assets/fonts/IliSans-Regular.ttf: one font with a glyph for every
character the bundled data uses. tools/fonts/subset.sh runs it.

    build.py OUT GO_REGULAR NOTO_SANS NOTO_SANS_ARABIC NOTO_SANS_CJK_TTC DATA_FILE...

The pieces, in order of precedence where two have a character:
  1. Go Regular (the font the window used alone before), all of it but its
     Cyrillic, so that Latin text is laid out to the pixel as before;
  2. Noto Sans: all of Cyrillic (so that a Cyrillic word is in one design)
     and the Latin letters, marks and signs Go Regular lacks;
  3. Noto Sans Arabic: the Arabic block and supplement, Uyghur's letters
     among them, with the tables that join them;
  4. Noto Sans CJK SC: only the Han characters the DATA_FILEs hold (the
     bundled scenarios, encyclopedia, campaign and lessons), CJK
     punctuation and the full-width forms. The whole font is 19 MB; the
     subset is tens of KB.

Noto Sans CJK's outlines are cubic (CFF); they are converted to quadratic
(TrueType) ones, and the Noto fonts scaled from 1000 to Go Regular's 2048
units to the em, because one font has one outline format and one em. The
vertical metrics are Go Regular's, so that lines keep their height. Only
Arabic script keeps layout tables (GSUB, GPOS): the other scripts are set
glyph by glyph, as in Go Regular, which has none, so that shaping them
costs what it did. The same inputs give the same bytes.
"""

import os
import sys

from fontTools import subset
from fontTools.merge import Merger, Options as MergeOptions
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.scaleUpem import scale_upem

UPEM = 2048
CJK_SC = 2  # Noto Sans CJK SC's index in NotoSansCJK-Regular.ttc
FIXED_TIME = 0x0000_0000_E3A0_0000  # the build is the same every time


def ranges(*rs):
    out = set()
    for a, b in rs:
        out.update(range(a, b + 1))
    return out


CYRILLIC = ranges((0x0400, 0x052F))
# Noto Sans gives Cyrillic and what Go Regular lacks of Latin with
# diacritics (Latin Extended-B and Additional, combining marks) and of
# punctuation and currency signs.
NOTO_SANS = CYRILLIC | ranges((0x0000, 0x024F), (0x02B0, 0x036F), (0x1E00, 0x1EFF),
                              (0x2000, 0x206F), (0x20A0, 0x20CF))
ARABIC = ranges((0x0600, 0x06FF), (0x0750, 0x077F))
CJK_MARGIN = ranges((0x3000, 0x303F), (0xFF01, 0xFF65), (0xFFE0, 0xFFE6))


def subset_font(font, unicodes, layout):
    opts = subset.Options()
    # With layout, the default features: those that shape (join Arabic,
    # place marks, kern), not the stylistic ones (small capitals,
    # alternates). Without, none: Latin, Cyrillic and Chinese are set glyph
    # by glyph, as Go Regular, which has no layout tables, always was.
    if not layout:
        opts.layout_features = []
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.hinting = False
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.drop_tables += ["DSIG", "vhea", "vmtx", "VORG", "BASE", "meta"]
    s = subset.Subsetter(opts)
    s.populate(unicodes=sorted(unicodes))
    s.subset(font)
    return font


def cmap(font):
    return set(font.getBestCmap())


def to_quadratic(font):
    """Replaces a CFF font's cubic outlines by quadratic glyf ones."""
    glyphs = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # max_err in font units (1000 to the em): a hundredth of a pixel at 10 px.
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for k in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
              "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
              "maxComponentElements", "maxPoints", "maxContours",
              "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, k, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 2.0
    font["post"].extraNames = []
    font["post"].mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"
    return font


def main(out, go_path, noto_path, arabic_path, cjk_path, *data):
    chars = set()
    for path in data:
        with open(path, encoding="utf-8") as f:
            chars.update(ord(c) for c in f.read())

    go = TTFont(go_path)
    subset_font(go, cmap(go) - CYRILLIC, False)
    have = cmap(go)

    noto = TTFont(noto_path)
    subset_font(noto, (cmap(noto) & NOTO_SANS) - have, False)
    have |= cmap(noto)

    arabic = TTFont(arabic_path)
    subset_font(arabic, (cmap(arabic) & ARABIC) - have, True)
    have |= cmap(arabic)

    cjk = TTCollection(cjk_path).fonts[CJK_SC]
    subset_font(cjk, (cmap(cjk) & (chars | CJK_MARGIN)) - have, False)
    to_quadratic(cjk)

    parts = []
    for i, f in enumerate([go, noto, arabic, cjk]):
        if f["head"].unitsPerEm != UPEM:
            scale_upem(f, UPEM)
        path = f"{out}.part{i}.ttf"
        f.save(path)
        parts.append(path)

    merged = Merger(options=MergeOptions(drop_tables=["DSIG", "gasp", "fpgm", "prep", "cvt "])).merge(parts)
    ref = TTFont(go_path)
    for table, fields in (("hhea", ("ascent", "descent", "lineGap")),
                          ("OS/2", ("sTypoAscender", "sTypoDescender", "sTypoLineGap",
                                    "usWinAscent", "usWinDescent", "sxHeight", "sCapHeight"))):
        for k in fields:
            setattr(merged[table], k, getattr(ref[table], k))
    arabic_only(merged)
    name(merged, [go, noto, arabic, cjk])
    merged["head"].created = merged["head"].modified = FIXED_TIME
    merged.recalcTimestamp = False
    merged.save(out)
    for p in parts:
        os.remove(p)


def arabic_only(font):
    """Keeps the layout tables' lookups for Arabic script alone: a run in
    any other script finds no script of its own, nor DFLT, and is shaped
    without going through them, as quickly as before."""
    for tag in ("GSUB", "GPOS"):
        if tag in font:
            sl = font[tag].table.ScriptList
            sl.ScriptRecord = [r for r in sl.ScriptRecord if r.ScriptTag == "arab"]
            sl.ScriptCount = len(sl.ScriptRecord)


def name(font, parts):
    t = font["name"]
    t.names = []
    copyright = "; ".join(dict.fromkeys(p["name"].getDebugName(0) for p in parts))
    for nid, s in {
        0: "Go Regular: Copyright (c) 2016 Bigelow & Holmes Inc. All rights reserved. " + copyright,
        1: "Ili Sans",
        2: "Regular",
        3: "Ili Sans Regular; a merge of Go Regular, Noto Sans, Noto Sans Arabic and a subset of Noto Sans CJK SC",
        4: "Ili Sans Regular",
        5: "Version 1.0",
        6: "IliSans-Regular",
        13: "This Font Software is licensed under the SIL Open Font License, Version 1.1 (see OFL.txt); "
            "the Go font's glyphs are also under the Go font licence (LICENSE-Go.txt).",
        14: "https://openfontlicense.org",
    }.items():
        t.setName(s, nid, 3, 1, 0x409)


if __name__ == "__main__":
    main(*sys.argv[1:])
