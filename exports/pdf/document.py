"""The PDF development plan: pages, running footer, outline, metadata, and the safe write.

`export_pdf` is the one entry point for the UI and the command line. It
computes the analysis (`workbook.analysis.summary`), builds the chosen
sections, lays them out with reportlab on A4 or US Letter, and writes the
file atomically (`workbook.atomic`). Every font is embedded (the page's
base font is DejaVu Sans, so reportlab never names Helvetica). Pages carry
"Page N of M" and the person's name in the footer; each section is a
bookmark in the outline. With `invariant=True` the same workbook gives the
same bytes, for golden tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from exports.pdf import fonts, styles, text
from exports.pdf import language as languages
from exports.pdf.blocks import Kit, with_room
from exports.pdf.charts import label
from exports.pdf.context import Context
from exports.pdf.sections import choose
from workbook.analysis.summary import summary
from workbook.atomic import atomic_file
from workbook.content.catalogue import Content
from workbook.data import WorkbookData

log = logging.getLogger(__name__)

#: progress(fraction from 0 to 1, what is happening). Raise from it to cancel.
Progress = Callable[[float, str], None]
INVARIANT_DAY = date(2000, 1, 1)


@dataclass
class RenderReport:
    """What an export produced: page count and the characters drawn as the placeholder."""

    pages: int = 0
    missing: set[str] = field(default_factory=set)
    sections: list[str] = field(default_factory=list)


class PlanCanvas(Canvas):
    """A canvas that holds pages back until the end, to print "Page N of M" in the footer."""

    def __init__(self, *args: Any, footer: str = "", cover: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer
        self._cover = cover

    def showPage(self) -> None:  # noqa: N802
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        number = self.getPageNumber()
        if self._cover and number == 1:
            return
        width, _height = self._pagesize
        y = styles.MARGIN_BOTTOM - 34
        self.saveState()
        self.setStrokeColor(styles.RULE)
        self.setLineWidth(0.5)
        self.line(styles.MARGIN_SIDE, y + 11, width - styles.MARGIN_SIDE, y + 11)
        page = f"Page {number} of {total}"
        used = label(
            self, page, width - styles.MARGIN_SIDE, y, 7.5, align="right", color=styles.SOFT
        )
        room = width - 2 * styles.MARGIN_SIDE - used - 24
        label(self, self._footer, styles.MARGIN_SIDE, y, 7.5, width=room, color=styles.SOFT)
        self.restoreState()


class PlanDocument(BaseDocTemplate):
    """Page templates (cover and body), outline entries and progress as flowables are placed."""

    def __init__(self, target: BinaryIO, *, total: int, progress: Progress | None, **kw: Any):
        super().__init__(target, **kw)
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [frame], onPage=self._cover_page),
                PageTemplate("body", [frame]),
            ]
        )
        self._total = max(1, total)
        self._done = 0
        self._progress = progress

    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(styles.ACCENT)
        canvas.rect(0, doc.pagesize[1] - 10, doc.pagesize[0], 10, stroke=0, fill=1)
        canvas.restoreState()

    def beforeDocument(self) -> None:  # noqa: N802
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        outline = getattr(flowable, "_outline", None)
        if outline:
            key, title, level = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
        self._done += 1
        if self._progress is not None and self._done % 20 == 0:
            self._progress(min(0.95, 0.1 + 0.85 * self._done / self._total), "Laying out pages")


@languages.per_export  # `language`, or the guess from `data`, for the whole layout
def render(
    data: WorkbookData,
    content: Content,
    target: BinaryIO,
    *,
    sections: Iterable[str] | None = None,
    include_private: bool = False,
    page_size: str = "A4",
    invariant: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    language: str | None = None,
) -> RenderReport:
    """Write the plan as PDF bytes to an open binary file; report what was drawn."""
    if page_size not in styles.PAGE_SIZES:
        raise ValueError(f"Page size must be one of {', '.join(styles.PAGE_SIZES)}.")
    chosen = choose(sections, include_private)
    if progress:
        progress(0.0, "Reading your workbook")
    fonts.ensure(fonts.SANS)
    fonts.ensure(fonts.SANS_BOLD)
    pagesize = styles.PAGE_SIZES[page_size]
    frame_width = pagesize[0] - 2 * styles.MARGIN_SIDE
    frame_height = pagesize[1] - styles.MARGIN_TOP - styles.MARGIN_BOTTOM
    kit = Kit(styles.make_styles(), frame_width, frame_height)
    ctx = Context(
        data=data,
        content=content,
        result=summary(data, content),
        kit=kit,
        today=today or (INVARIANT_DAY if invariant else date.today()),
        include_private=include_private,
    )
    story: list[Flowable] = []
    for section in chosen:
        if section.id == "cover":
            story.append(NextPageTemplate("body"))
            story += section.build(ctx)
            story.append(PageBreak())
        else:
            story += section.build(ctx)
    while story and isinstance(story[-1], (PageBreak, CondPageBreak)):
        story.pop()
    story = with_room(story)
    if progress:
        progress(0.1, "Laying out pages")

    person = text.plain(ctx.person())
    has_cover = bool(chosen) and chosen[0].id == "cover"
    doc = PlanDocument(
        target,
        total=len(story),
        progress=progress,
        pagesize=pagesize,
        leftMargin=styles.MARGIN_SIDE,
        rightMargin=styles.MARGIN_SIDE,
        topMargin=styles.MARGIN_TOP,
        bottomMargin=styles.MARGIN_BOTTOM,
        title=f"Development plan: {person}" if person else "Development plan",
        author=person or "Career Workbook",
        subject="Career development plan: strengths, path, AI plan and goals",
        creator="Career Workbook",
        keywords=["career", "development plan"],
        invariant=1 if invariant else 0,
        initialFontName=fonts.SANS,
        initialFontSize=9.5,
        lang="en",
        displayDocTitle=1,
    )
    if not has_cover:
        doc.pageTemplates.reverse()  # start on a body page
    footer = f"Development plan · {person}" if person else "Development plan"
    doc.build(story, canvasmaker=partial(PlanCanvas, footer=footer, cover=has_cover))
    report = RenderReport(doc.page, set(kit.missing), [s.id for s in chosen])
    if report.missing:
        log.warning("Drawn as a placeholder, no bundled font has them: %r", sorted(report.missing))
    return report


def export_pdf(
    data: WorkbookData,
    content: Content,
    out_path: str | Path,
    *,
    sections: Iterable[str] | None = None,
    include_private: bool = False,
    page_size: str = "A4",
    invariant: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    language: str | None = None,
) -> Path:
    """Write the development plan to `out_path`, whole or not at all; returns the path.

    `sections`: ids from `exports.pdf.SECTION_IDS`, default all but the private
    journal; `include_private` adds the journal with entries marked private.
    `progress(fraction, message)` is called as the work goes on; raising from it
    cancels the export and leaves nothing behind. `language` ("zh", "ja", "ko"; None
    guesses from the workbook's text) picks the font for Han characters.

    A PDF with the journal in it (any entries, private or not) is readable by its
    owner only (0600), like the database: others on the same computer have no
    business reading it. Any other PDF gets the usual mode, ready to share.
    """
    out = Path(out_path)
    sections = None if sections is None else tuple(sections)  # read twice: once here
    personal = any(s.private for s in choose(sections, include_private))
    with atomic_file(out, private=personal) as handle:
        render(
            data,
            content,
            handle,
            sections=sections,
            include_private=include_private,
            page_size=page_size,
            invariant=invariant,
            progress=progress,
            today=today,
            language=language,
        )
    if progress:
        progress(1.0, "Saved")
    return out
