"""Charts drawn straight onto the page, readable in grey scale: fills, hatching and outlines.

Each series has its own texture (solid dark, diagonal hatching, light with
an outline) and every bar carries its value in figures, so a black-and-white
print loses nothing. Labels may be in any script: they are drawn with
`lines.single_line`. Row charts split between pages like a table, repeating
their header.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from exports.pdf import lines, styles
from exports.words import tr

SOLID, HATCH, LIGHT = "solid", "hatch", "light"


def bar(canvas: Canvas, x: float, y: float, w: float, h: float, texture: str) -> None:
    """A filled rectangle in one of the three textures."""
    if w <= 0.05 or h <= 0:
        return
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.setStrokeColor(styles.DARK)
    if texture == SOLID:
        canvas.setFillColor(styles.DARK)
        canvas.rect(x, y, w, h, stroke=0, fill=1)
    elif texture == LIGHT:
        canvas.setFillColor(styles.LIGHT)
        canvas.rect(x, y, w, h, stroke=1, fill=1)
    else:
        canvas.setFillColor(styles.WHITE)
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        path = canvas.beginPath()
        path.rect(x, y, w, h)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.setLineWidth(0.7)
        step = 2.6
        t = -h
        while t < w:
            canvas.line(x + t, y, x + t + h, y + h)
            t += step
        canvas.restoreState()
        canvas.saveState()
        canvas.setLineWidth(0.6)
        canvas.setStrokeColor(styles.DARK)
        canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.restoreState()


def label(
    canvas: Canvas,
    value: str,
    x: float,
    y: float,
    size: float,
    *,
    width: float | None = None,
    align: str = "left",
    bold: bool = False,
    color: object = styles.INK,
) -> float:
    """Draw a one-line label (cut to `width`); returns its width."""
    runs, used = lines.single_line(value, size, width, bold=bold)
    if align == "right":
        x -= used
    elif align == "centre":
        x -= used / 2
    canvas.setFillColor(color)
    lines.draw_runs(canvas, x, y, runs, size)
    return used


def legend(canvas: Canvas, x: float, y: float, items: list[tuple[str, str]]) -> None:
    """Swatches with their names, in a row."""
    for texture, name in items:
        bar(canvas, x, y - 1, 9, 7, texture)
        x += 13
        x += label(canvas, name, x, y, 7.5, color=styles.SOFT) + 14


class RowChart(Flowable):
    """A chart of rows under a header; splits between rows like a table."""

    header_height = 22.0
    row_height = 16.0

    def __init__(self, rows: list, **options: object) -> None:
        super().__init__()
        self.rows = rows
        self.options = options

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self.header_height + len(self.rows) * self.row_height + 4
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        fit = int((availHeight - self.header_height - 4) // self.row_height)
        if fit < 1 or fit >= len(self.rows):
            return []
        return [
            type(self)(self.rows[:fit], **self.options),
            type(self)(self.rows[fit:], **self.options),
        ]

    def draw(self) -> None:
        top = self.height - self.header_height
        self.draw_header(self.canv, top)
        for n, row in enumerate(self.rows):
            self.draw_row(self.canv, row, top - (n + 1) * self.row_height)

    def draw_header(self, canvas: Canvas, y: float) -> None:
        raise NotImplementedError

    def draw_row(self, canvas: Canvas, row: object, y: float) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class StrengthRow:
    name: str
    values: tuple[int | None, ...]  # proficiency, energy, edge


class StrengthChart(RowChart):
    """Small multiples: skill, energy and edge of each strength, one panel each."""

    PANELS = (("Skill", 5, SOLID), ("Energy", 5, HATCH), ("Edge over peers", 4, LIGHT))
    row_height = 15.0

    def _geometry(self) -> tuple[float, float, float]:
        label_width = self.width * 0.33
        gap = 14.0
        panel = (self.width - label_width - 2 * gap) / 3
        return label_width, gap, panel

    def draw_header(self, canvas: Canvas, y: float) -> None:
        label_width, gap, panel = self._geometry()
        for n, (title, top, _texture) in enumerate(self.PANELS):
            x = label_width + n * (panel + gap)
            label(canvas, tr(title), x, y + 10, 7.5, bold=True, color=styles.SOFT)
            canvas.setStrokeColor(styles.RULE)
            canvas.setLineWidth(0.4)
            usable = panel - 14
            for tick in range(1, top + 1):
                tx = x + usable * tick / top
                label(canvas, str(tick), tx, y + 1, 6.5, align="centre", color=styles.SOFT)
                canvas.line(tx, y - 1, tx, y - len(self.rows) * self.row_height)

    def draw_row(self, canvas: Canvas, row: StrengthRow, y: float) -> None:
        label_width, gap, panel = self._geometry()
        label(canvas, row.name, 0, y + 4, 8, width=label_width - 8)
        for n, (_title, top, texture) in enumerate(self.PANELS):
            x = label_width + n * (panel + gap)
            usable = panel - 14
            value = row.values[n]
            if value is None:
                label(canvas, tr("not rated"), x, y + 4, 6.5, color=styles.SOFT)
                continue
            w = usable * value / top
            bar(canvas, x, y + 3, w, 8, texture)
            label(canvas, str(value), x + w + 3, y + 4, 7, color=styles.INK)


@dataclass(frozen=True)
class FitRow:
    name: str
    score: float
    note: str  # "confidence high"
    top: bool


class FitChart(RowChart):
    """Each path's fit from 0 to 100, with the middle (where every path starts) marked."""

    row_height = 30.0
    header_height = 14.0

    def _scale(self) -> float:
        return self.width - 130

    def draw_header(self, canvas: Canvas, y: float) -> None:
        scale = self._scale()
        for tick in (0, 25, 50, 75, 100):
            label(
                canvas, str(tick), scale * tick / 100, y + 3, 6.5, align="centre", color=styles.SOFT
            )

    def draw_row(self, canvas: Canvas, row: FitRow, y: float) -> None:
        scale = self._scale()
        canvas.saveState()
        canvas.setLineWidth(0.4)
        canvas.setStrokeColor(styles.RULE)
        for tick in (0, 25, 75, 100):
            canvas.line(scale * tick / 100, y + 1, scale * tick / 100, y + 16)
        canvas.restoreState()
        label(canvas, row.name, 0, y + 19, 8.5, width=self.width, bold=row.top)
        w = scale * max(0.0, min(100.0, row.score)) / 100
        bar(canvas, 0, y + 3, w, 11, SOLID if row.top else LIGHT)
        start_mark(canvas, scale / 2, y + 1, 15)
        note = f"{round(row.score)}  ·  {row.note}"
        label(canvas, note, scale + 8, y + 5.5, 7.5, bold=row.top, color=styles.INK)


def start_mark(canvas: Canvas, x: float, y: float, h: float) -> None:
    """The mark at 50, where every path starts: drawn over the bars, so it always shows."""
    canvas.saveState()
    canvas.setLineWidth(1.6)
    canvas.setStrokeColor(styles.WHITE)
    canvas.line(x, y, x, y + h)
    canvas.setLineWidth(0.8)
    canvas.setStrokeColor(styles.INK)
    canvas.setDash(1.5, 1.5)
    canvas.line(x, y, x, y + h)
    canvas.restoreState()


class FitStrip(RowChart):
    """The paths in a few lines for the first page: name, a bar, and the fit in words."""

    row_height = 16.0
    header_height = 0.0

    def draw_header(self, canvas: Canvas, y: float) -> None:
        return

    def draw_row(self, canvas: Canvas, row: FitRow, y: float) -> None:
        name_width = self.width * 0.24
        scale = self.width * 0.36
        label(canvas, row.name, 0, y + 4, 9, width=name_width - 6, bold=row.top)
        canvas.saveState()
        canvas.setLineWidth(0.4)
        canvas.setStrokeColor(styles.RULE)
        canvas.rect(name_width, y + 3, scale, 9, stroke=1, fill=0)
        canvas.restoreState()
        w = scale * max(0.0, min(100.0, row.score)) / 100
        bar(canvas, name_width, y + 3, w, 9, SOLID if row.top else LIGHT)
        start_mark(canvas, name_width + scale / 2, y + 1.5, 12)
        note = f"{row.note} ({round(row.score)})"
        label(
            canvas,
            note,
            name_width + scale + 8,
            y + 4,
            9,
            width=self.width - name_width - scale - 8,
            bold=row.top,
        )


@dataclass(frozen=True)
class HoursRow:
    name: str
    freed: float
    review: float
    kept: float


class HoursChart(RowChart):
    """Each task's weekly hours: freed by AI, spent checking AI's work, still done by you."""

    row_height = 27.0
    header_height = 18.0

    def draw_header(self, canvas: Canvas, y: float) -> None:
        legend(
            canvas,
            0,
            y + 6,
            [
                (SOLID, tr("Freed")),
                (HATCH, tr("Checking AI's work")),
                (LIGHT, tr("Still done by you")),
            ],
        )

    def draw_row(self, canvas: Canvas, row: HoursRow, y: float) -> None:
        most = float(self.options.get("most") or 1.0)
        scale = (self.width - 60) / most
        label(canvas, row.name, 0, y + 15, 7.5, width=self.width)
        x = 0.0
        for value, texture in ((row.freed, SOLID), (row.review, HATCH), (row.kept, LIGHT)):
            bar(canvas, x, y + 3, value * scale, 9, texture)
            x += value * scale
        total = row.freed + row.review + row.kept
        freed = tr("{freed} of {total} h freed", freed=f"{row.freed:g}", total=f"{total:g}")
        label(canvas, freed, x + 5, y + 4.5, 7, color=styles.SOFT)


class PointsBar(Flowable):
    """A small diverging bar for one contribution: right and solid when it raises the score."""

    def __init__(self, points: float, most: float, width: float = 56, height: float = 9) -> None:
        super().__init__()
        self.points, self.most = points, max(most, 0.1)
        self.width, self.height = width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height + 2

    def draw(self) -> None:
        canvas = self.canv
        mid = self.width / 2
        w = (self.width / 2 - 1) * min(1.0, abs(self.points) / self.most)
        if self.points >= 0:
            bar(canvas, mid, 2, w, self.height - 2, SOLID)
        else:
            bar(canvas, mid - w, 2, w, self.height - 2, HATCH)
        canvas.setStrokeColor(styles.SOFT)
        canvas.setLineWidth(0.5)
        canvas.line(mid, 0, mid, self.height + 1)
