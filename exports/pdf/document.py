"""The PDF development plan: pages, running footer, outline, metadata, and the safe write.

`export_pdf` is the one entry point for the UI and the command line. It
computes the analysis (`workbook.analysis.summary`), builds the sections of
the chosen reader (`exports.readers`) or the ones named, lays them out with
reportlab on A4 or US Letter, and writes the file atomically
(`workbook.atomic`). Every font is embedded (the page's base font is DejaVu
Sans, so reportlab never names Helvetica). The footer says who the copy is
for, the person's name, the date and "Page N of M"; each section is a
bookmark in the outline. When page 1 shortens text that is printed whole
further on, the plan is laid out twice, so page 1 can say on which page it
continues. With `invariant=True` the same workbook gives the same bytes, for
golden tests.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
)

from exports.pdf import fonts, styles, text
from exports.pdf import language as languages
from exports.pdf.blocks import Kit, with_room
from exports.pdf.charts import label
from exports.pdf.context import Context, long_date
from exports.pdf.sections import Section, brief, choose
from exports.readers import Reader, reader
from exports.words import tr
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

    def __init__(self, *args: Any, footer: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer

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
        width, _height = self._pagesize
        y = styles.MARGIN_BOTTOM - 34
        self.saveState()
        self.setStrokeColor(styles.RULE)
        self.setLineWidth(0.5)
        self.line(styles.MARGIN_SIDE, y + 11, width - styles.MARGIN_SIDE, y + 11)
        page = tr("Page {n} of {total}", n=number, total=total)
        used = label(
            self, page, width - styles.MARGIN_SIDE, y, 7.5, align="right", color=styles.SOFT
        )
        room = width - 2 * styles.MARGIN_SIDE - used - 24
        label(self, self._footer, styles.MARGIN_SIDE, y, 7.5, width=room, color=styles.SOFT)
        self.restoreState()


class _Found(Exception):
    """A first layout has found every page it was looking for: the rest need not be laid."""


class PlanDocument(BaseDocTemplate):
    """The page template, outline entries and progress as flowables are placed.

    With `wanted` (bookmark keys) it is a first layout, only to learn where those land:
    it stops once all have, and writes no PDF."""

    def __init__(
        self,
        target: BinaryIO,
        *,
        total: int,
        progress: Progress | None,
        wanted: frozenset[str] = frozenset(),
        **kw: Any,
    ):
        super().__init__(target, **kw)
        self._wanted = wanted
        if wanted:
            self._doSave = 0  # reportlab's own switch: the bytes of a first layout are unused
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
        self.addPageTemplates([PageTemplate("body", [frame])])
        self._total = max(1, total)
        self._done = 0
        self._progress = progress
        #: Where each bookmark landed: key -> page number.
        self.anchors: dict[str, int] = {}

    def beforeDocument(self) -> None:  # noqa: N802
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        outline = getattr(flowable, "_outline", None)
        if outline:
            key, title, level = outline
            self.anchors.setdefault(key, self.page)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
            if self._wanted and self._wanted <= self.anchors.keys():
                raise _Found
        self._done += 1
        if self._progress is not None and self._done % 20 == 0:
            self._progress(min(0.95, 0.1 + 0.85 * self._done / self._total), "Laying out pages")


def _layout(
    ctx: Context,
    chosen: list[Section],
    target: BinaryIO,
    pagesize: tuple[float, float],
    invariant: bool,
    progress: Progress | None,
    wanted: frozenset[str] = frozenset(),
) -> PlanDocument:
    """Lay the chosen sections out into `target` once; the document says where each
    bookmark landed. With `wanted`, a first layout: page 1 is a placeholder, and the
    layout stops once those sections are placed."""
    story: list[Flowable] = []
    for section in chosen:
        story += brief.placeholder() if wanted and section.id == "brief" else section.build(ctx)
    while story and isinstance(story[-1], (PageBreak, CondPageBreak)):
        story.pop()
    story = with_room(story)
    person = text.plain(ctx.person())
    doc = PlanDocument(
        target,
        total=len(story),
        progress=progress,
        wanted=wanted,
        pagesize=pagesize,
        leftMargin=styles.MARGIN_SIDE,
        rightMargin=styles.MARGIN_SIDE,
        topMargin=styles.MARGIN_TOP,
        bottomMargin=styles.MARGIN_BOTTOM,
        title=tr("Development plan: {name}", name=person) if person else tr("Development plan"),
        author=person or "Career Workbook",
        subject=tr("Career development plan: strengths, path, AI plan and goals"),
        creator="Career Workbook",
        keywords=["career", "development plan"],
        invariant=1 if invariant else 0,
        initialFontName=fonts.SANS,
        initialFontSize=styles.BODY_SIZE,
        lang="en",
        displayDocTitle=1,
    )
    footer = " · ".join(p for p in (tr(ctx.reader.footer), person, long_date(ctx.today)) if p)
    with contextlib.suppress(_Found):  # a first layout that found what it looked for
        doc.build(story, canvasmaker=partial(PlanCanvas, footer=footer))
    return doc


@languages.per_export  # `language`, or the guess from `data`, for the whole layout
def render(
    data: WorkbookData,
    content: Content,
    target: BinaryIO,
    *,
    reader_id: str | None = None,
    sections: Iterable[str] | None = None,
    include_private: bool = False,
    page_size: str = "A4",
    invariant: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    language: str | None = None,
) -> RenderReport:
    """Write the plan as PDF bytes to an open binary file; report what was drawn.

    `reader_id` ("manager", the default, "coach" or "me") chooses the footer and, when
    `sections` is None, the sections; named `sections` replace the reader's."""
    if page_size not in styles.PAGE_SIZES:
        raise ValueError(f"Page size must be one of {', '.join(styles.PAGE_SIZES)}.")
    who: Reader = reader(reader_id)
    chosen = choose(who.sections if sections is None else sections, include_private)
    if progress:
        progress(0.0, "Reading your workbook")
    fonts.ensure(fonts.SANS)
    fonts.ensure(fonts.SANS_BOLD)
    pagesize = styles.PAGE_SIZES[page_size]
    frame_width = pagesize[0] - 2 * styles.MARGIN_SIDE
    frame_height = pagesize[1] - styles.MARGIN_TOP - styles.MARGIN_BOTTOM
    kit = Kit(styles.make_styles(), frame_width, frame_height)
    day = today or (INVARIANT_DAY if invariant else date.today())
    ctx = Context(
        data=data,
        content=content,
        result=summary(data, content, today=day),  # overdue as of the export's date
        kit=kit,
        today=day,
        include_private=include_private,
        reader=who,
        printed=tuple(s.id for s in chosen),
    )
    if progress:
        progress(0.1, "Laying out pages")
    ahead = frozenset(brief.sections_ahead(ctx)) if "brief" in ctx.printed else frozenset()
    if ahead:
        # Page 1 shortened text printed whole further on: lay out once to learn on which
        # page each of those sections starts, then again saying so. Page 1 always fits
        # one page, so the pages after it do not move between the two layouts.
        first = _layout(ctx, chosen, BytesIO(), pagesize, invariant, None, wanted=ahead)
        ctx.pages = first.anchors
        # What a first layout drew is not the report's; page 1, fitted next with its
        # real page numbers and kept for the final layout, is.
        kit.missing.clear()
        more = brief.sections_ahead(ctx) - ctx.pages.keys()
        if more:  # with its real page numbers page 1 points further: look that far too
            first = _layout(ctx, chosen, BytesIO(), pagesize, invariant, None, wanted=ahead | more)
            ctx.pages = first.anchors
    doc = _layout(ctx, chosen, target, pagesize, invariant, progress)
    report = RenderReport(doc.page, set(kit.missing), [s.id for s in chosen])
    if report.missing:
        log.warning("Drawn as a placeholder, no bundled font has them: %r", sorted(report.missing))
    return report


def export_pdf(
    data: WorkbookData,
    content: Content,
    out_path: str | Path,
    *,
    reader_id: str | None = None,
    sections: Iterable[str] | None = None,
    include_private: bool = False,
    page_size: str = "A4",
    invariant: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
    language: str | None = None,
) -> Path:
    """Write the development plan to `out_path`, whole or not at all; returns the path.

    `reader_id`: who the copy is for (`exports.readers`), which picks the sections
    unless `sections` names them (ids from `exports.pdf.SECTION_IDS`); the journal's
    entries marked private go in only with `include_private`.
    `progress(fraction, message)` is called as the work goes on; raising from it
    cancels the export and leaves nothing behind. `language` ("zh", "ja", "ko"; None
    guesses from the workbook's text) picks the font for Han characters.

    A PDF with the journal in it (any entries, private or not) is readable by its
    owner only (0600), like the database: others on the same computer have no
    business reading it. Any other PDF gets the usual mode, ready to share.
    """
    out = Path(out_path)
    sections = None if sections is None else tuple(sections)  # read twice: once here
    who = reader(reader_id)
    personal = any(
        s.private for s in choose(who.sections if sections is None else sections, include_private)
    )
    with atomic_file(out, private=personal) as handle:
        render(
            data,
            content,
            handle,
            reader_id=reader_id,
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
