#!/usr/bin/env python3
"""Rebuild the default fonts from Debian's fonts-noto-cjk (OFL-1.1).

Noto CJK ships CFF outlines in .ttc collections. Skia embeds CFF as Type 3 glyphs whose copied text
comes out as radicals, and embeds whole files (20+ MB). So: take the Simplified Chinese face, keep
GB2312 plus the punctuation and symbols official documents use, and convert the outlines to
TrueType (glyf). Run with the system python3 (Debian python3-fonttools):

    apt-get install fonts-noto-cjk python3-fonttools
    python3 build_fonts.py [output-folder]
"""
import sys, os, time
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

SOURCES = {
    "NotoSerifSC-Regular.ttf": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "NotoSerifSC-Bold.ttf": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "NotoSansSC-Regular.ttf": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
}
SC_INDEX = 2  # JP, KR, SC, TC, HK in the Noto CJK collections


def characters():
    chars = set(range(0x20, 0x7F))                      # ASCII
    for hi in range(0xA1, 0xF8):                         # every GB2312 code point
        for lo in range(0xA1, 0xFF):
            try:
                chars.update(ord(c) for c in bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    # Python maps GB2312 A1AA to U+2015; documents use U+2014 (— 1 —). Add what official texts use.
    chars.update(ord(c) for c in "—–―·•〇…‥～￥℃°№§※→←↑↓√×÷±≤≥≠∶‰")
    chars.update(range(0xFF01, 0xFF5F))                  # full-width ASCII forms
    chars.update(ord(c) for c in "（）〔〕［］【】《》〈〉「」『』“”‘’、。，；：？！")
    chars.update(range(0x2460, 0x2474))                  # ①–⑳
    chars.update(range(0x2160, 0x216C))                  # Ⅰ–Ⅻ
    chars.update(ord(c) for c in "\u00a0\u3000")
    return chars


def to_truetype(font):
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for attr in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    font["post"].formatType = 3.0
    font.sfntVersion = "\000\001\000\000"


def build(source, target, chars):
    started = time.time()
    font = TTCollection(source).fonts[SC_INDEX]
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = ["kern", "vert", "vrt2", "palt", "halt"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    to_truetype(font)
    font.save(target)
    print(f"{os.path.basename(target)}: {len(font.getGlyphOrder())} glyphs, "
          f"{os.path.getsize(target) / 1e6:.1f} MB, {time.time() - started:.0f} s")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    chars = characters()
    for name, source in SOURCES.items():
        build(source, os.path.join(out, name), chars)
