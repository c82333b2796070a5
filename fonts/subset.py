#!/usr/bin/env python3
"""Rebuild fonts/NotoSerifCJKsc-Regular-jianbao.otf, the wide-coverage fallback.

The four Fandol faces cover GB2312 (7942 ideographs). Names in use need all of
U+4E00-U+9FA5, so the fallback holds every ideograph of that range that is not
in all four Fandol faces (12960 of them), plus ASCII, CJK punctuation and
full-width forms (it also serves the 宋体 role: page numbers).

    apt-get download texlive-lang-chinese fonts-noto-cjk
    dpkg-deb -x texlive-lang-chinese_*.deb tl; dpkg-deb -x fonts-noto-cjk_*.deb noto
    pip install fonttools
    python3 fonts/subset.py tl noto fonts
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

tl, noto, out = sys.argv[1:4]
fandol = tl + "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/"
common = None
for face in ["FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular", "FandolSong-Bold"]:
    cmap = set(TTFont(fandol + face + ".otf").getBestCmap())
    common = cmap if common is None else common & cmap

need = [c for c in range(0x4E00, 0x9FA6) if c not in common]
extra = (
    list(range(0x20, 0x7F))
    + [0xA0, 0xB7, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2122]
    + list(range(0x3000, 0x3040))
    + list(range(0xFF01, 0xFF5F))
)

font = TTCollection(noto + "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").fonts[2]
assert font["name"].getDebugName(1) == "Noto Serif CJK SC Regular"
opts = subset.Options()
opts.layout_features = ["kern", "palt", "vert", "locl", "ccmp", "liga"]
opts.name_IDs = ["*"]
opts.name_languages = ["*"]
opts.hinting = False
subsetter = subset.Subsetter(opts)
subsetter.populate(unicodes=need + extra)
subsetter.subset(font)
font.save(out + "/NotoSerifCJKsc-Regular-jianbao.otf")
