"""Building blocks for sections: paragraphs of typed text, headings, lists, callouts, tables.

`Kit` turns text into flowables the safe way: every string goes through
`text.runs` and `text.markup` (escaped, one font per run) or, when it holds
Arabic or Hebrew, through `lines.MixedParagraph`; text in one font with
nothing to escape skips the markup and its parsing (`Kit._plain`). A person's longer text
goes through `text.chunks` first. `Kit.table` keeps rows whole: the header
repeats on each page, and a row too tall for a page is set as a block of
paragraphs between two parts of the table instead of inside it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from exports.pdf import fonts, styles, text
from exports.pdf.lines import MixedParagraph

#: A row whose tallest cell would take more than this share of a page is set outside the table.
LONG_ROW_SHARE = 0.4
#: Room (points) a heading needs below it on the page, or it moves to the next page with
#: what follows. Used instead of keepWithNext, which would move a heading's whole (long)
#: next paragraph too and leave a gap.
ROOM = {"h1": 120.0, "h2": 90.0, "h3": 55.0, "label": 40.0}
#: Groups of up to this many characters are kept on one page (an example, a future's notes).
KEEP_CHARS = 2500
#: A cell with more characters than this is set as a block without measuring it.
HUGE_CELL = 6000


@dataclass(frozen=True)
class Column:
    title: str
    share: float  # of the frame's width
    style: str = "cell"  # a `Styles` attribute: cell, cell_bold, cell_number


Cell = str | Sequence[Flowable]

# What `text.markup` would turn into an entity or a <br/> tag: text without any of these
# is its own markup.
_MARKUP = re.compile(r"[&<>\n]")


class LaidParagraph(Paragraph):
    """A `Paragraph` that keeps its lines between wraps at the same width.

    reportlab breaks a paragraph's lines again on every `wrap`, and a table
    cell is wrapped several times at one width: when `Kit.table` measures the
    row, when the table works out its row heights, again when it splits at a
    page end, and once more as it draws. The lines depend only on the width,
    the style, the bullet and the fragments, so the lines of the last wrap are
    reused while those are unchanged (`split` drops `blPara` when it gives up,
    which forces a fresh wrap).
    """

    _laid: tuple[float, ParagraphStyle, str | None, object, float] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        laid = self._laid
        if (
            laid is not None
            and laid[0] == availWidth
            and laid[1] is self.style
            and laid[2] == self.bulletText
            and laid[3] is self.__dict__.get("blPara")
        ):
            self.width, self.height = availWidth, laid[4]
            return availWidth, laid[4]
        before = self.__dict__.get("blPara")
        width, height = super().wrap(availWidth, availHeight)
        blpara = self.__dict__.get("blPara")
        if blpara is not None and blpara is not before:  # not when too narrow to lay out
            self._laid = (availWidth, self.style, self.bulletText, blpara, height)
        return width, height


def with_room(story: list[Flowable]) -> list[Flowable]:
    """The story with a conditional page break before each heading that needs room."""
    found: list[Flowable] = []
    for flowable in story:
        room = getattr(flowable, "_room", None)
        if room:
            found.append(CondPageBreak(room))
        found.append(flowable)
    return found


@dataclass
class Kit:
    """Makes flowables; remembers characters no bundled font could draw."""

    styles: styles.Styles
    width: float  # the frame's width
    height: float  # the frame's height
    missing: set[str] = field(default_factory=set)
    _cjk_styles: dict[str, ParagraphStyle] = field(default_factory=dict)
    # Keyed by id(style); each value holds its style too, so the id is not reused meanwhile.
    _variants: dict[tuple[int, str], tuple[ParagraphStyle, ParagraphStyle]] = field(
        default_factory=dict
    )
    _plain_frags: dict[int, tuple[ParagraphStyle, ParaFrag]] = field(default_factory=dict)

    def _cjk(self, style: ParagraphStyle) -> ParagraphStyle:
        found = self._cjk_styles.get(style.name)
        if found is None:
            found = ParagraphStyle(style.name + "-cjk", parent=style, wordWrap="CJK")
            self._cjk_styles[style.name] = found
        return found

    def _variant(self, style: ParagraphStyle, suffix: str, **changes: object) -> ParagraphStyle:
        """`style` with a few values changed, made once per export rather than per paragraph."""
        key = (id(style), suffix)
        found = self._variants.get(key)
        if found is None:
            found = (style, ParagraphStyle(style.name + suffix, parent=style, **changes))
            self._variants[key] = found
        return found[1]

    def _plain(self, value: str, style: ParagraphStyle) -> LaidParagraph:
        """A paragraph of text with no markup in it, in the style's own font.

        reportlab would parse the text as markup (an HTML parser per paragraph, the
        largest cost of building the story). Parsed, such text is one fragment: the
        style's fragment holding the cleaned text. That fragment is parsed once per
        style, by reportlab's own parser, and copied with each paragraph's text.
        """
        value = cleanBlockQuotedText(value)
        frags: list[ParaFrag] = []
        if value:
            template = self._plain_frags.get(id(style))
            if template is None:
                _style, parsed, _bullets = ParaParser().parse(".", style)
                template = (style, parsed[0])
                self._plain_frags[id(style)] = template
            frag = copy.copy(template[1])
            frag.text = value
            frags.append(frag)
            textTransformFrags(frags, style)
        return LaidParagraph(value, style, frags=frags)

    def para(self, value: str, style: ParagraphStyle, *, bold: bool | None = None) -> Flowable:
        """One paragraph (short text: ours, or one chunk of a person's)."""
        flowable = self._para(value, style, bold)
        if style.name in ROOM:
            flowable._room = ROOM[style.name]  # type: ignore[attr-defined]
        return flowable

    def _para(self, value: str, style: ParagraphStyle, bold: bool | None) -> Flowable:
        value = text.clean(value)
        bold = style.fontName == fonts.SANS_BOLD if bold is None else bold
        if text.needs_own_lines(value, bold):
            return MixedParagraph(value, style, bold=bold, missing=self.missing)
        parts = text.runs(value, bold=bold, missing=self.missing)
        base = fonts.SANS_BOLD if bold else fonts.SANS
        if style.fontName != base:
            style = self._variant(style, "-b" if bold else "-r", fontName=base)
        if text.has_cjk(value):
            style = self._cjk(style)
        if not parts:
            return self._plain("", style)
        if len(parts) == 1 and parts[0][0] == base and not _MARKUP.search(parts[0][1]):
            return self._plain(parts[0][1], style)
        return LaidParagraph(text.markup(parts, base), style)

    def lead(self, lead: str, value: str, style: ParagraphStyle) -> list[Flowable]:
        """One paragraph that opens with a few words in bold ("Mentoring: …"); right-to-left
        text, which sets a paragraph in one weight, gets the lead on a line of its own."""
        lead, value = text.clean(lead), text.clean(value)
        if text.has_rtl(lead + value) or text.has_cjk(lead + value):
            # Two plain paragraphs: page 1 sets them in a KeepInFrame, which draws each
            # flowable itself and cannot draw a KeepTogether.
            tail = [self.para(value, self._variant(style, "-tight", spaceBefore=0))]
            return [self.para(lead, style, bold=True), *(tail if value else [])]
        bold = text.runs(lead, bold=True, missing=self.missing)
        plain = text.runs(" " + value, missing=self.missing)
        base = fonts.SANS
        if style.fontName != base:
            style = self._variant(style, "-r", fontName=base)
        return [LaidParagraph(text.markup(bold + plain, base), style)]

    def user(self, value: str, style: ParagraphStyle | None = None) -> list[Flowable]:
        """A person's text, any length: one flowable per chunk, chunks of a paragraph close."""
        style = style or self.styles.body
        return [
            self.para(
                chunk.text,
                style if chunk.ends_paragraph else self._variant(style, "-tight", spaceAfter=0),
            )
            for chunk in text.chunks(value)
        ]

    def labelled(
        self, label: str, value: str, style: ParagraphStyle | None = None
    ) -> list[Flowable]:
        """A small heading over a person's text; nothing when the text is empty."""
        if not text.clean(value).strip():
            return []
        return [self.para(label, self.styles.label), *self.user(value, style)]

    def heading(
        self, title: str, style: ParagraphStyle, *, key: str | None = None, level: int = 0
    ) -> Flowable:
        """A heading; with a key it is also a bookmark in the PDF's outline."""
        flowable = self.para(title, style)
        if key:
            flowable._outline = (key, text.plain(title)[:120] or key, level)  # type: ignore[attr-defined]
        return flowable

    def bullets(self, items: Sequence[str], style: ParagraphStyle | None = None) -> list[Flowable]:
        style = style or self.styles.bullet
        found: list[Flowable] = []
        for item in items:
            for n, flowable in enumerate(self.user(item, style)):
                if n == 0:
                    flowable.bulletText = "•"  # type: ignore[attr-defined]
                found.append(flowable)
        return found

    def callout(self, value: str, label: str | None = None) -> list[Flowable]:
        """Text set apart in a tinted box with a rule at its side (plain if it is very long)."""
        body: list[Flowable] = []
        if label:
            body.append(self.para(label, self.styles.label))
        body += self.user(value, self.styles.callout)
        if len(value) > HUGE_CELL or _height(body, self.width - 24) > self.height * LONG_ROW_SHARE:
            return [*body, Spacer(1, 6)]
        box = Table([[body]], colWidths=[self.width])
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), styles.TINT),
                    ("LINEBEFORE", (0, 0), (0, -1), 2.5, styles.ACCENT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                    ("TOPPADDING", (0, 0), (-1, -1), 8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                    ("FONT", (0, 0), (-1, -1), fonts.SANS, 9),
                ]
            )
        )
        return [box, Spacer(1, 8)]

    def figures(self, items: Sequence[tuple[str, str]]) -> list[Flowable]:
        """Key figures side by side: a large number over a short caption."""
        big = ParagraphStyle("figure", parent=self.styles.h1, spaceBefore=0, spaceAfter=1)
        cells = [
            [self.para(number, big), self.para(caption, self.styles.note)]
            for number, caption in items
        ]
        share = self.width / max(1, len(cells))
        strip = Table([cells], colWidths=[share] * len(cells), hAlign="LEFT")
        strip.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.SANS, 9),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 0.9, styles.DARK),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                    ("TOPPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        return [strip, Spacer(1, 4)]

    def section_end(self) -> Flowable:
        """Where a major section ends: a little air, and the next section follows on the
        same page (its heading moves on only when too little room is left below it, see
        `ROOM`), so no page is left mostly empty."""
        return Spacer(1, 8)

    def keep(self, parts: list[Flowable], chars: int) -> list[Flowable]:
        """Keep a short group on one page; a long one (`chars` of text) flows freely."""
        return [KeepTogether(parts)] if parts and chars <= KEEP_CHARS else parts

    def cell(self, value: Cell, style: ParagraphStyle) -> list[Flowable]:
        if isinstance(value, str):
            return self.user(value, style) or [Spacer(1, 1)]
        return list(value)

    def table(
        self, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *, keep_first: int = 0
    ) -> list[Flowable]:
        """A table whose rows never split; over-tall rows are set as blocks instead."""
        widths = [self.width * c.share for c in columns]
        right = ParagraphStyle("cell_head_right", parent=self.styles.cell_head, alignment=2)
        header = [
            self.para(c.title, right if c.style == "cell_number" else self.styles.cell_head)
            for c in columns
        ]
        found: list[Flowable] = []
        pending: list[list[list[Flowable]]] = []

        def flush() -> None:
            if pending:
                found.append(self._grid(header, pending, widths, columns))
                pending.clear()

        for row in rows:
            if any(isinstance(v, str) and len(v) > HUGE_CELL for v in row):
                flush()
                found.extend(self._block(columns, row))
                continue
            cells = [
                self.cell(v, getattr(self.styles, c.style))
                for v, c in zip(row, columns, strict=True)
            ]
            tall = max(_height(cell, w - 8) for cell, w in zip(cells, widths, strict=True))
            if tall > self.height * LONG_ROW_SHARE:
                flush()
                found.extend(self._block(columns, cells))
            else:
                pending.append(cells)
        flush()
        if keep_first and found:
            found[0] = KeepTogether([found[0]])
        return found

    def _grid(
        self,
        header: list[Flowable],
        rows: list[list[list[Flowable]]],
        widths: list[float],
        columns: Sequence[Column],
    ) -> Table:
        grid = Table([header, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
        commands = [
            ("FONT", (0, 0), (-1, -1), fonts.SANS, 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, styles.DARK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.35, styles.RULE),
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ]
        for n, column in enumerate(columns):
            if column.style == "cell_number":
                commands.append(("ALIGN", (n, 0), (n, -1), "RIGHT"))
        grid.setStyle(TableStyle(commands))
        return grid

    def _block(self, columns: Sequence[Column], row: Sequence[Cell]) -> list[Flowable]:
        parts: list[Flowable] = [Spacer(1, 6)]
        for n, (column, value) in enumerate(zip(columns, row, strict=True)):
            if n:
                parts.append(self.para(column.title, self.styles.label))
            parts += self.cell(value, self.styles.cell_bold if n == 0 else self.styles.body)
        parts.append(Spacer(1, 6))
        return parts


def _height(cell: list[Flowable], width: float) -> float:
    """The laid-out height of a cell's flowables at a width."""
    total = 0.0
    for flowable in cell:
        total += flowable.wrap(width, 1e9)[1] + flowable.getSpaceAfter()
        if total > 1e6:
            break
    return total
