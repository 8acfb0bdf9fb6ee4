#!/usr/bin/env python3
"""Rebuild the default fonts from Debian's fonts-noto-cjk, fonts-noto-cjk-extra and fonts-lxgw-wenkai (all OFL-1.1).

Noto CJK ships CFF outlines in .ttc collections. Skia embeds CFF as Type 3 glyphs whose copied text
comes out as radicals, and embeds whole files (20+ MB). So: take the Simplified Chinese face, keep
GB2312 plus the punctuation and symbols official documents use, and convert the outlines to
TrueType (glyf). LXGW WenKai is TrueType already and is only cut to the same characters. Run with
the system python3 (Debian python3-fonttools):

    apt-get install fonts-noto-cjk fonts-noto-cjk-extra fonts-lxgw-wenkai python3-fonttools
    python3 build_fonts.py [output-folder]

The output depends only on the sources: head.modified is the source's, so a rebuild from the same
packages gives the same bytes and git sees no change.
"""
import sys, os, time
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

NOTO = "/usr/share/fonts/opentype/noto/"
SC_INDEX = 2  # JP, KR, SC, TC, HK in the Noto CJK collections
SOURCES = {
    "NotoSerifSC-Regular.ttf": (NOTO + "NotoSerifCJK-Regular.ttc", SC_INDEX),
    "NotoSerifSC-Bold.ttf": (NOTO + "NotoSerifCJK-Bold.ttc", SC_INDEX),
    # Title (小标宋): fonts-noto-cjk-extra. Black, not Bold: see FontConfiguration.FromFolder.
    "NotoSerifSC-Black.ttf": (NOTO + "NotoSerifCJK-Black.ttc", SC_INDEX),
    "NotoSansSC-Regular.ttf": (NOTO + "NotoSansCJK-Regular.ttc", SC_INDEX),
    # Heading2 (楷体): a real kaiti, TrueType already.
    "WenKaiGB2312-Regular.ttf": ("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf", None),
}

# Debian's copyright file for fonts-lxgw-wenkai declares "霞鹜" and "LXGW" Reserved Font Names, and
# OFL 1.1 condition 3 forbids them in the name of a Modified Version; a subset is one. So the cut
# font gets a name of its own (upstream is credited in the description and in OFL.txt).
RENAMES = {
    "WenKaiGB2312-Regular.ttf": {
        (1, 0x409): "WenKai GB2312", (4, 0x409): "WenKai GB2312", (6, 0x409): "WenKaiGB2312-Regular",
        (1, 0x804): "文楷 GB2312", (4, 0x804): "文楷 GB2312",
        (3, 0x409): "WenKaiGB2312-Regular:Version 1.250",
        (10, 0x409): "GB2312 subset of LXGW WenKai 1.250 (Debian fonts-lxgw-wenkai), renamed as the "
                     "Reserved Font Name clause requires; made by ReportWorker's build_fonts.py.",
    },
}


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


def rename(font, names):
    table = font["name"]
    for (name_id, lang), text in names.items():
        table.removeNames(nameID=name_id, langID=lang)
        table.setName(text, name_id, 3, 1, lang)
    # Only Windows names remain for the renamed ids: a Mac-platform copy would still say the old name.
    table.names = [n for n in table.names if n.platformID == 3 or n.nameID not in {i for i, _ in names}]


def build(target, source, index, chars):
    started = time.time()
    font = TTCollection(source).fonts[index] if index is not None else TTFont(source)
    modified = font["head"].modified
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.layout_features = ["kern", "vert", "vrt2", "palt", "halt"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    if "CFF " in font:
        to_truetype(font)
    rename(font, RENAMES.get(os.path.basename(target), {}))
    font["head"].modified = modified
    font.recalcTimestamp = False
    font.save(target)
    print(f"{os.path.basename(target)}: {len(font.getGlyphOrder())} glyphs, "
          f"{os.path.getsize(target) / 1e6:.1f} MB, {time.time() - started:.0f} s")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    chars = characters()
    only = set(sys.argv[2:])  # optional: rebuild only these files
    for name, (source, index) in SOURCES.items():
        if not only or name in only:
            build(os.path.join(out, name), source, index, chars)
