"""Right-to-left runs shaped with HarfBuzz and drawn glyph by glyph, in visual order.

reportlab 5.1's `drawString(..., shaping=True)` shapes only when `rlbidi`
is installed (it is not on PyPI); without it the letters of an Arabic or
Hebrew run are drawn unjoined, in the order they were typed, left to right:
reversed on the page. So a right-to-left run is shaped here (with
HarfBuzz, as reportlab would) and each glyph is drawn where HarfBuzz puts
it, left to right.

That order is also what both text extractors we test with expect: pypdf
reads right-to-left letters as drawn and reverses each run, and pdftotext
sorts glyphs by position and reverses right-to-left stretches. A glyph whose
character would not read as typed (a joined form such as U+FEE3 for meem, a
ligature, a mirrored bracket, a letter with its marks) is drawn through
`fonts.alias`, whose ToUnicode text is the typed cluster, so searching and
copying the PDF finds what was typed. Measured with pypdf 7 and poppler 22:
an `/ActualText` span round the run changes nothing in pypdf and makes
pdftotext reverse the run again, so none is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.textobject import PDFTextObject

from exports.pdf import fonts

#: HarfBuzz features: kerning and the ligatures a script requires (lam-alef), none optional,
#: so a word is never one glyph (Noto Sans Arabic's discretionary ligatures draw whole words).
FEATURES = {"kern": True, "liga": False, "dlig": False}


@dataclass(frozen=True)
class Shaped:
    """One run's glyphs, left to right: the character that draws each, its place, and
    whether it is ink or only text (invisible, for extraction).

    Places and width are in thousandths of the font size, so one shaping serves every size.
    """

    font: str
    chars: str
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    ink: tuple[bool, ...]
    width: float


@dataclass
class _Glyph:
    gid: int
    cluster: int
    x: float
    y: float
    advance: float


def _harfbuzz(name: str, logical: str) -> list[_Glyph]:
    """The run's glyphs from HarfBuzz, right to left, placed from the run's left edge."""
    font = pdfmetrics.getFont(name)
    buffer = uharfbuzz.Buffer()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.add_str(logical)
    buffer.guess_segment_properties()
    buffer.direction = "rtl"
    uharfbuzz.shape(font.hbFont(1000), buffer, FEATURES)
    found = []
    pen = 0.0
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        advance = font.pdfScale(pos.x_advance)
        found.append(
            _Glyph(
                info.codepoint,
                info.cluster,
                pen + font.pdfScale(pos.x_offset),
                font.pdfScale(pos.y_offset),
                advance,
            )
        )
        pen += advance
    return found


@lru_cache(maxsize=8192)
def shape(font: str, logical: str) -> Shaped:
    """A run typed in `logical` order, shaped by HarfBuzz and laid out left to right.

    Each glyph is drawn through an alias meaning its typed character. A cluster of
    several typed characters drawn as fewer glyphs (lam and alef as one) would need
    one code to mean several letters, which pypdf reads out of order; so its glyphs
    mean nothing and its characters follow as invisible text, spread over the
    cluster's width from right to left in typed order.
    """
    name = fonts.ensure(font)
    ttf = pdfmetrics.getFont(name)
    glyphs = _harfbuzz(name, logical)
    starts = sorted({g.cluster for g in glyphs})
    ends = dict(zip(starts, [*starts[1:], len(logical)], strict=True))
    chars: list[str] = []
    xs: list[float] = []
    ys: list[float] = []
    ink: list[bool] = []
    i = 0
    while i < len(glyphs):
        cluster = glyphs[i].cluster
        j = i
        while j < len(glyphs) and glyphs[j].cluster == cluster:
            j += 1
        typed = logical[cluster : ends[cluster]]
        group = glyphs[i:j]
        left = min(g.x for g in group)
        span = sum(g.advance for g in group)
        if len(typed) == 1:
            # The left-most glyph carries the letter; any others drawn for it mean nothing.
            for n, g in enumerate(group):
                meaning = typed if n == 0 else ""
                chars.append(_drawn(name, ttf, g.gid, meaning))
                xs.append(g.x)
                ys.append(g.y)
                ink.append(True)
        else:
            for g in group:
                chars.append(_drawn(name, ttf, g.gid, ""))
                xs.append(g.x)
                ys.append(g.y)
                ink.append(True)
            count = len(typed)
            for n, char in enumerate(reversed(typed)):  # left to right: last typed first
                chars.append(char)
                xs.append(left + span * n / count)
                ys.append(0.0)
                ink.append(False)
        i = j
    width = sum(g.advance for g in glyphs)
    return Shaped(name, "".join(chars), tuple(xs), tuple(ys), tuple(ink), width)


def _drawn(name: str, ttf: object, gid: int, meaning: str) -> str:
    """The character to draw glyph `gid` with, meaning `meaning`: the font's own character
    for it when that is what was typed, else an alias."""
    own = ttf.face.glyphToChar.get(gid)  # type: ignore[attr-defined]
    if own and chr(own[0]) == meaning:
        return meaning
    width = ttf.pdfScale(ttf.face.hmetrics[gid][0])  # type: ignore[attr-defined]
    return fonts.alias(name, gid, meaning, width)


def width(font: str, logical: str, size: float) -> float:
    """How wide a right-to-left run is when shaped, in points."""
    return shape(font, logical).width * size / 1000


def draw_into(
    text: PDFTextObject, x: float, y: float, font: str, logical: str, size: float, mode: int = 0
) -> None:
    """Add a right-to-left run, typed in `logical` order, to a text object, its left edge at
    `x`; `mode` is the text render mode of its ink (0 filled, 2 filled and stroked)."""
    run = shape(font, logical)
    scale = size / 1000
    text.setFont(run.font, size)
    current = mode
    for char, gx, gy, ink in zip(run.chars, run.xs, run.ys, run.ink, strict=True):
        wanted = mode if ink else 3  # 3: neither filled nor stroked, text only
        if wanted != current:
            text.setTextRenderMode(wanted)
            current = wanted
        text.setTextOrigin(x + gx * scale, y + gy * scale)
        text.textOut(char)
    if current != mode:
        text.setTextRenderMode(mode)
