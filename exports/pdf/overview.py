"""The group overview as a one-page PDF, for a coach to show or hand out after a workshop.

It prints what `workbook.group_overview` counted and nothing else: counts of closed
answers, "fewer than 5" for a small cell, never a name or a typed word. Below five
participants there is nothing to print and `export_overview` refuses, saying why.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, KeepInFrame, SimpleDocTemplate

from exports.pdf import fonts, styles
from exports.pdf.blocks import Column, Kit
from exports.pdf.context import long_date
from exports.words import tr
from workbook.atomic import atomic_file
from workbook.group_overview import SECTIONS, Overview, too_few


def _story(found: Overview, kit: Kit, title: str, today: date) -> list[Flowable]:
    st = kit.styles
    story: list[Flowable] = [
        kit.para(tr("GROUP OVERVIEW"), st.label),
        kit.para(title or tr("Our workshop"), st.h1),
        kit.para(
            tr(
                "{n} participants said yes to being counted, on {day}. Closed answers only: "
                "no names and nothing anyone wrote. A count under 5 says “fewer than 5”.",
                n=found.participants,
                day=long_date(today),
            ),
            st.intro,
        ),
    ]
    for key, heading in SECTIONS:
        cells = getattr(found, key)
        story.append(kit.para(tr(heading), st.h2))
        if not cells:
            story.append(kit.para(tr("Nothing yet."), st.body))
            continue
        story += kit.table(
            [Column(tr("Answer"), 0.75), Column(tr("People"), 0.25, "cell_number")],
            [[tr(c.label), tr(c.shown)] for c in cells],
        )
    return story


def export_overview(
    found: Overview, out_path: str | Path, *, title: str = "", today: date | None = None
) -> Path:
    """Write the overview on one page (set smaller if it must be); `ValueError` below five."""
    if not found.enough:
        raise ValueError(too_few(found))
    fonts.ensure(fonts.SANS)
    fonts.ensure(fonts.SANS_BOLD)
    out = Path(out_path)
    width, height = styles.PAGE_SIZES["A4"]
    frame = (width - 2 * styles.MARGIN_SIDE, height - styles.MARGIN_TOP - styles.MARGIN_BOTTOM)
    kit = Kit(styles.make_styles(), *frame)
    story = _story(found, kit, title, today or date.today())
    with atomic_file(out) as handle:
        doc = SimpleDocTemplate(
            handle,
            pagesize=(width, height),
            leftMargin=styles.MARGIN_SIDE,
            rightMargin=styles.MARGIN_SIDE,
            topMargin=styles.MARGIN_TOP,
            bottomMargin=styles.MARGIN_BOTTOM,
            title=tr("Group overview"),
            author="Career Workbook",
            creator="Career Workbook",
            initialFontName=fonts.SANS,
        )
        doc.build([KeepInFrame(frame[0], frame[1] - 4, story, mode="shrink")])
    return out
