"""The plan's look: page sizes and margins, the type scale, the grey palette, table styles.

One quiet typeface (DejaVu Sans) in a clear hierarchy: section headings at
17 pt, sub-headings at 12 pt bold, body at 10.5 pt on a 15.5 pt leading, on
a text column of 140 mm, so a line holds about 75 characters (DejaVu Sans
averages 5.2 pt a character at 10.5 pt), notes at 8.5 pt. Colour is a single dark slate accent
with greys, so the plan prints well in black and white; nothing depends on
hue alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from exports.pdf.fonts import SANS, SANS_BOLD

PAGE_SIZES = {"A4": A4, "Letter": LETTER}

MARGIN_SIDE = 35 * mm  # A4 is 210 mm wide: a 140 mm column; Letter gives 146 mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm  # room for the running footer
BODY_SIZE = 10.5

INK = colors.HexColor("#1f2328")
SOFT = colors.HexColor("#57606a")
ACCENT = colors.HexColor("#24425e")
RULE = colors.HexColor("#b8c0c8")
TINT = colors.HexColor("#eef1f4")
DARK = colors.HexColor("#3a4550")
LIGHT = colors.HexColor("#c9d0d6")
WHITE = colors.white


def _style(name: str, **values: object) -> ParagraphStyle:
    base = {
        "fontName": SANS,
        "bulletFontName": SANS,
        "fontSize": BODY_SIZE,
        "leading": 15.5,
        "textColor": INK,
        "alignment": TA_LEFT,
        "spaceBefore": 0,
        "spaceAfter": 0,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(values)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the plan uses, by role."""

    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_name: ParagraphStyle
    cover_meta: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    intro: ParagraphStyle
    body: ParagraphStyle
    body_tight: ParagraphStyle  # a paragraph that goes on in the next one
    label: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_number: ParagraphStyle
    callout: ParagraphStyle
    bullet: ParagraphStyle


def make_styles() -> Styles:
    return Styles(
        cover_kicker=_style(
            "cover_kicker",
            fontName=SANS_BOLD,
            fontSize=10,
            leading=14,
            textColor=SOFT,
            spaceAfter=10,
        ),
        cover_title=_style(
            "cover_title",
            fontName=SANS_BOLD,
            fontSize=30,
            leading=36,
            textColor=ACCENT,
            spaceAfter=18,
        ),
        cover_name=_style("cover_name", fontSize=17, leading=23, spaceAfter=4),
        cover_meta=_style("cover_meta", fontSize=10.5, leading=15, textColor=SOFT),
        h1=_style(
            "h1",
            spaceBefore=22,
            fontName=SANS_BOLD,
            fontSize=17,
            leading=22,
            textColor=ACCENT,
            spaceAfter=6,
        ),
        h2=_style(
            "h2",
            fontName=SANS_BOLD,
            fontSize=12,
            leading=16,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=5,
        ),
        h3=_style(
            "h3",
            fontName=SANS_BOLD,
            fontSize=10.5,
            leading=15,
            spaceBefore=9,
            spaceAfter=3,
        ),
        intro=_style("intro", textColor=SOFT, spaceAfter=10),
        body=_style("body", spaceAfter=6),
        body_tight=_style("body_tight", spaceAfter=0),
        label=_style(
            "label",
            fontName=SANS_BOLD,
            fontSize=8,
            leading=11,
            textColor=SOFT,
            spaceBefore=4,
            spaceAfter=1,
        ),
        note=_style("note", fontSize=8.5, leading=12, textColor=SOFT, spaceAfter=4),
        cell=_style("cell", fontSize=9, leading=12.5),
        cell_bold=_style("cell_bold", fontName=SANS_BOLD, fontSize=9, leading=12.5),
        cell_head=_style("cell_head", fontName=SANS_BOLD, fontSize=7.5, leading=10, textColor=SOFT),
        cell_number=_style("cell_number", fontSize=9, leading=12.5, alignment=2),
        callout=_style("callout", textColor=INK),
        bullet=_style("bullet", leftIndent=11, bulletIndent=0, spaceAfter=3),
    )
