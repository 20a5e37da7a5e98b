"""Lines of mixed-script, mixed-direction text, laid out and drawn on the canvas ourselves.

Used where reportlab's `Paragraph` cannot do the job: paragraphs with
Arabic or Hebrew (reportlab's right-to-left support needs `rlbidi`, see
`bidi`), and single-line labels inside charts, which may be in any script.
`Styled` holds a paragraph's characters with the font of each (from
`text.runs`); `break_lines` fills lines greedily at spaces and between CJK
characters; `visual_runs`
puts one line in drawing order; `draw_runs` draws it, handing right-to-left
runs to `shaping`, so Arabic letters join and the PDF reads as typed.
Bold Chinese, Japanese and Korean, which have no bold face bundled, are drawn
in synthetic bold (filled and stroked). `MixedParagraph` is the flowable that
puts these together; `text.needs_own_lines` says which paragraphs need it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from exports.pdf import bidi, fonts, shaping, text

ELLIPSIS = "…"


@dataclass(frozen=True)
class Styled:
    """A paragraph's characters and the font that draws each one."""

    chars: str
    fonts: tuple[str, ...]
    bold: bool = False  # CJK letters (no bold face bundled) are drawn in synthetic bold

    @classmethod
    def of(cls, value: str, *, bold: bool = False, missing: set[str] | None = None) -> Styled:
        chars, names = [], []
        for font, part in text.runs(value, bold=bold, missing=missing):
            chars.append(part)
            names.extend([font] * len(part))
        return cls("".join(chars), tuple(names), bold)

    def fake_bold(self, font: str) -> bool:
        """Whether a run in `font` is drawn in synthetic bold (stroked as well as filled)."""
        return self.bold and font in fonts.SYNTHETIC_BOLD


def _shaped(font: str) -> bool:
    return pdfmetrics.getFont(fonts.ensure(font)).shapable


@lru_cache(maxsize=16384)
def measure(font: str, part: str, size: float) -> float:
    """Width of a run in points, as drawn (shaped where the font is shaped)."""
    if _shaped(font) and text.has_rtl(part):
        return shaping.width(font, part, size)
    return pdfmetrics.stringWidth(part, font, size)


def _segments(styled: Styled, start: int, end: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    i = start
    while i < end:
        j = i
        font = styled.fonts[i]
        while j < end and styled.fonts[j] == font:
            j += 1
        found.append((font, styled.chars[i:j]))
        i = j
    return found


def width_of(styled: Styled, start: int, end: int, size: float) -> float:
    return sum(measure(font, part, size) for font, part in _segments(styled, start, end))


def _cut_word(styled: Styled, start: int, size: float, width: float) -> int:
    """Where to cut a word too long for a whole line: as many characters as fit, at least one."""
    end = start + 1
    n = len(styled.chars)
    used = width_of(styled, start, end, size)
    while end < n and styled.chars[end] not in " \n":
        step = width_of(styled, end, end + 1, size)
        if used + step > width:
            break
        used += step
        end += 1
    return end


#: No line starts with these (closing marks, small kana, the long-vowel mark)...
_NO_BREAK_BEFORE = frozenset(
    "、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)]},.!?:;%"
)
#: ...and none ends with these (opening marks).
_NO_BREAK_AFTER = frozenset("（「『【〔〈《“‘([{")


def _break_after(chars: str, i: int) -> bool:
    """Whether a line may break after `chars[i]` though no space follows: between two
    Chinese, Japanese or Korean characters, as in those languages, minding the
    punctuation that must not start or end a line."""
    if chars[i] in _NO_BREAK_AFTER or not text.has_cjk(chars[i]):
        return False
    return i + 1 >= len(chars) or chars[i + 1] not in _NO_BREAK_BEFORE


def break_lines(styled: Styled, size: float, width: float) -> list[tuple[int, int]]:
    """(start, end) of each line: greedy at spaces, at newlines, and inside over-long words."""
    chars = styled.chars
    n = len(chars)
    lines: list[tuple[int, int]] = []
    start = 0
    while start < n:
        end = i = start
        used = 0.0
        while i < n and chars[i] != "\n":
            k = i
            while k < n and chars[k] == " ":
                k += 1
            while k < n and chars[k] not in " \n":
                k += 1
                if _break_after(chars, k - 1):
                    break
            word = width_of(styled, i, k, size)
            if used + word <= width:
                used += word
                end = i = k
            else:
                if end == start:  # the first word is longer than the line
                    end = _cut_word(styled, start, size, width)
                break
        lines.append((start, end))
        start = end
        while start < n and chars[start] == " ":
            start += 1
        if start < n and chars[start] == "\n":
            start += 1
    return lines


@dataclass(frozen=True)
class VisualRun:
    font: str
    chars: str  # logical order when `shape` is set (HarfBuzz reverses it), else as drawn
    shape: bool
    width: float
    fake_bold: bool = False


def visual_runs(
    styled: Styled, start: int, end: int, line_levels: list[int], base: int, size: float
) -> list[VisualRun]:
    """One line's runs in drawing order, left to right."""
    while end > start and styled.chars[end - 1] in " \n":
        end -= 1
    line = styled.chars[start:end]
    order = bidi.visual_order(line_levels[start:end], line, base)
    found: list[VisualRun] = []
    i = 0
    while i < len(order):
        first = order[i]
        level = line_levels[start + first]
        font = styled.fonts[start + first]
        step = -1 if level % 2 else 1
        j = i + 1
        while (
            j < len(order)
            and order[j] == order[j - 1] + step
            and line_levels[start + order[j]] == level
            and styled.fonts[start + order[j]] == font
        ):
            j += 1
        logical = line[min(order[i], order[j - 1]) : max(order[i], order[j - 1]) + 1]
        if level % 2 and _shaped(font):
            # Right to left, letters or not: HarfBuzz mirrors brackets, and the glyphs
            # carry what was typed (see `shaping`).
            found.append(VisualRun(font, logical, True, shaping.width(font, logical, size)))
        else:
            drawn = (
                "".join(bidi.MIRROR.get(c, c) for c in reversed(logical)) if level % 2 else logical
            )
            width = pdfmetrics.stringWidth(drawn, font, size)
            found.append(VisualRun(font, drawn, False, width, styled.fake_bold(font)))
        i = j
    return found


def _ltr_runs(styled: Styled, start: int, end: int, size: float) -> list[VisualRun]:
    """A line with nothing right to left: one run per font, in logical order. What the
    bidi reordering would give, without working out a level for every character."""
    return [
        VisualRun(
            font, part, False, pdfmetrics.stringWidth(part, font, size), styled.fake_bold(font)
        )
        for font, part in _segments(styled, start, end)
    ]


def _ltr_only(chars: str) -> bool:
    """No right-to-left letter or number (so every bidi level is 0 in a left-to-right line)."""
    return not text.has_rtl(chars) and "\u200f" not in chars


#: Synthetic bold: the outline is stroked this wide, as a share of the font size.
FAKE_BOLD_STROKE = 0.035


def draw_runs(
    canvas: Canvas,
    x: float,
    y: float,
    runs: list[VisualRun],
    size: float,
    color: object = None,
) -> None:
    """One line's runs, left to right, as one text object, in `color` (default: the
    canvas's fill colour).

    One object, and no line feed after each run as `drawString` writes, so a text
    extractor reads the line as one line (pypdf starts a new line on every move
    down, and reads a right-to-left phrase in order only within one line). A run
    in synthetic bold is filled and stroked (text render mode 2) in the text's colour.
    """
    if not runs:
        return
    bold = any(run.fake_bold for run in runs)
    if bold:
        canvas.saveState()
        # reportlab has no getter for the fill colour; the stroke must match it.
        canvas.setStrokeColor(color if color is not None else canvas._fillColorObj)
        canvas.setLineWidth(size * FAKE_BOLD_STROKE)
    line = canvas.beginText(x, y)
    for run in runs:
        if bold:
            line.setTextRenderMode(2 if run.fake_bold else 0)
        if run.shape:
            shaping.draw_into(line, x, y, run.font, run.chars, size)
        else:
            line.setFont(run.font, size)
            line.setTextOrigin(x, y)
            line.textOut(run.chars)
        x += run.width
    if bold:
        line.setTextRenderMode(0)
    canvas.drawText(line)
    if bold:
        canvas.restoreState()


def single_line(
    value: str, size: float, max_width: float | None = None, *, bold: bool = False
) -> tuple[list[VisualRun], float]:
    """A label on one line, cut with an ellipsis to `max_width`; its runs and width."""
    styled = Styled.of(text.plain(value), bold=bold)
    end = len(styled.chars)
    if max_width is not None and width_of(styled, 0, end, size) > max_width:
        room = max_width - pdfmetrics.stringWidth(ELLIPSIS, fonts.SANS, size)
        while end > 0 and width_of(styled, 0, end, size) > room:
            end -= 1
        cut = styled.chars[:end].rstrip()
        styled = Styled(cut + ELLIPSIS, styled.fonts[: len(cut)] + (fonts.SANS,), styled.bold)
        end = len(styled.chars)
    if _ltr_only(styled.chars):
        # Most labels (numbers, names, the footer) are left to right: skip the bidi levels.
        end = len(styled.chars.rstrip(" \n"))
        runs = _ltr_runs(styled, 0, end, size)
    else:
        base = bidi.base_level(styled.chars)
        runs = visual_runs(styled, 0, end, bidi.levels(styled.chars, base), base, size)
    return runs, sum(r.width for r in runs)


class MixedParagraph(Flowable):
    """A paragraph of any script and direction, broken into lines we lay out ourselves."""

    def __init__(
        self,
        value: str | Styled,
        style: ParagraphStyle,
        *,
        bold: bool = False,
        missing: set[str] | None = None,
    ) -> None:
        super().__init__()
        self.styled = (
            value if isinstance(value, Styled) else Styled.of(value, bold=bold, missing=missing)
        )
        self.style = style
        self.base = bidi.base_level(self.styled.chars)
        self.levels = bidi.levels(self.styled.chars, self.base)
        self.lines: list[tuple[int, int]] = []
        self._laid_for: float | None = None
        self.bulletText: str | None = None  # drawn before the first line, as Paragraph does

    def _indents(self) -> tuple[float, float]:
        """Left and right indent; mirrored for a right-to-left paragraph."""
        left, right = self.style.leftIndent, self.style.rightIndent
        return (right, left) if self.base == 1 else (left, right)

    def _layout(self, width: float) -> None:
        if self._laid_for != width:
            inner = width - self.style.leftIndent - self.style.rightIndent
            self.lines = break_lines(self.styled, self.style.fontSize, inner)
            self._laid_for = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._layout(availWidth)
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._layout(availWidth)
        fit = int(availHeight // self.style.leading)
        if fit <= 0 or fit >= len(self.lines):
            return [] if fit <= 0 else [self]
        parts = []
        for lines, first in ((self.lines[:fit], True), (self.lines[fit:], False)):
            part = MixedParagraph(self.styled, self.style)
            part.lines, part._laid_for = lines, availWidth
            part.bulletText = self.bulletText if first else None
            part._space_before = first
            part._space_after = not first
            parts.append(part)
        return parts

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.style.spaceBefore if getattr(self, "_space_before", True) else 0

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.spaceAfter if getattr(self, "_space_after", True) else 0

    def draw(self) -> None:
        style = self.style
        size = style.fontSize
        canvas = self.canv
        canvas.setFillColor(style.textColor)
        left, right = self._indents()
        inner = self.width - left - right
        rtl = self.base == 1
        for number, (start, end) in enumerate(self.lines):
            runs = visual_runs(self.styled, start, end, self.levels, self.base, size)
            used = sum(r.width for r in runs)
            if style.alignment == TA_CENTER:
                x = left + (inner - used) / 2
            elif rtl or style.alignment == TA_RIGHT:
                x = left + inner - used
            else:
                x = left
            y = self.height - size - number * style.leading
            draw_runs(canvas, x, y, runs, size, style.textColor)
        if self.bulletText and self.lines:
            bullet, width = single_line(self.bulletText, size)
            x = self.width - style.bulletIndent - width if rtl else style.bulletIndent
            draw_runs(canvas, x, self.height - size, bullet, size, style.textColor)
