"""The export page's decisions in plain Python: what each section holds, what a PDF shares,
the default page size and file names, and the work the worker threads run.

Nothing here touches a widget, so tests can call it directly. The work
functions (`render_preview`, `save_pdf`, `read_workbook_file`) take plain data
and a progress callback and run on a worker thread (`ui.jobs`).
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale

from exports.pdf import SECTIONS, RenderReport, export_pdf, render
from exports.readers import DEFAULT_READER, DEFAULT_SECTIONS, READERS
from workbook.content.catalogue import Content
from workbook.data import JournalEntry, WorkbookData
from workbook.errors import WorkbookFileProblem

Progress = Callable[[float, str], None]

#: One line on what each section of the PDF holds, in print order.
PAGE_SIZE_LABELS = {"A4": "A4 (210 × 297 mm)", "Letter": "US Letter (8.5 × 11 in)"}

#: Where US Letter is the usual paper (CLDR's list), by Qt's territory name.
LETTER_TERRITORIES = frozenset(
    {
        "UnitedStates",
        "Canada",
        "Mexico",
        "Belize",
        "Chile",
        "Colombia",
        "CostaRica",
        "DominicanRepublic",
        "ElSalvador",
        "Guatemala",
        "Nicaragua",
        "Panama",
        "Philippines",
        "PuertoRico",
        "Venezuela",
    }
)

# reportlab keeps fonts and caches in module state: one PDF is laid out at a time.
_RENDER_LOCK = threading.Lock()


@dataclass(frozen=True)
class PdfChoices:
    """What the person chose for the PDF."""

    sections: tuple[str, ...] = DEFAULT_SECTIONS
    include_private: bool = False
    page_size: str = "A4"
    reader: str = DEFAULT_READER
    language: str | None = None  # how Han is drawn: None guesses from the workbook

    def printed(self) -> list[str]:
        """The section ids that end up in the PDF, in print order."""
        wanted = set(self.sections)
        if self.include_private:
            wanted |= {s.id for s in SECTIONS if s.private}
        return [s.id for s in SECTIONS if s.id in wanted]

    @property
    def empty(self) -> bool:
        return not self.printed()


def default_page_size(locale: QLocale | None = None) -> str:
    """ "Letter" where the locale's country uses US Letter (or US units), else "A4"."""
    locale = QLocale() if locale is None else locale
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return "Letter"
    return "Letter" if locale.territory().name in LETTER_TERRITORIES else "A4"


def _count(entries: Iterable[JournalEntry], private: bool) -> int:
    return sum(1 for e in entries if e.private == private)


def _entries(n: int) -> str:
    return "1 entry" if n == 1 else f"{n} entries"


def privacy_sentence(choices: PdfChoices, journal: Sequence[JournalEntry]) -> str:
    """Exactly what of the journal goes in, and what stays out, in plain words."""
    private = _count(journal, True)
    shared = _count(journal, False)
    if choices.include_private:
        if private == 0:
            return "No journal entry is marked private yet, so your whole journal goes in as it is."
        return (
            f"Your private reflections and energy log are in this PDF ({_entries(private)} "
            "you marked private), with the rest of your journal. Keep this copy for yourself "
            "or share it only with people you trust."
        )
    first = "Your reflections and energy log stay out of this PDF."
    if "journal" not in choices.sections:
        return f"{first} So does the rest of your journal, such as feedback and check-ins."
    if shared == 0:
        return f"{first} Every journal entry is marked private, so none of them goes in."
    return (
        f"{first} Only the {_entries(shared)} you did not mark private (such as feedback and "
        "check-ins) go in."
    )


def sections_sentence(choices: PdfChoices) -> str:
    """What the person added to or left out of the reader's version, if anything."""
    if choices.empty:
        return "Nothing is chosen yet: tick at least one section to make a PDF."
    reader = READERS[choices.reader]
    chosen = set(choices.sections)
    added = [s.title for s in SECTIONS if s.id in chosen and s.id not in reader.sections]
    left_out = [s.title for s in SECTIONS if s.id in reader.sections and s.id not in chosen]
    parts = []
    if added:
        parts.append("Added by your choice: " + ", ".join(added) + ".")
    if left_out:
        parts.append("Left out by your choice: " + ", ".join(left_out) + ".")
    return " ".join(parts) or f"The usual version for {reader.label.lower()}."


def pages_sentence(report: RenderReport, page_size: str) -> str:
    """The preview's caption: page count, paper, and characters no font could draw."""
    paper = "US Letter" if page_size == "Letter" else "A4"
    pages = "1 page" if report.pages == 1 else f"{report.pages} pages"
    text = f"{pages} on {paper}."
    if report.missing:
        shown = " ".join(sorted(report.missing)[:12])
        text += f" These characters have no font here and print as a box: {shown}"
    return text


_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_file_part(text: str) -> str:
    """Text made fit for a file name on every system (no slashes, colons, control codes)."""
    cleaned = " ".join(_UNSAFE.sub(" ", text).split()).strip(" .")
    return cleaned[:80].rstrip(" .")


def pdf_file_name(data: WorkbookData, today: date | None = None) -> str:
    """ "Development plan - Nadia Haddad - 2026-11-22.pdf" (the name left out if none)."""
    today = today or date.today()
    person = safe_file_part(data.profile.person_name or data.name)
    parts = ["Development plan", person, today.isoformat()]
    return " - ".join(p for p in parts if p) + ".pdf"


def workbook_file_name(data: WorkbookData, today: date | None = None) -> str:
    """ "Nadia Haddad - workbook - 2026-11-22.json"."""
    today = today or date.today()
    parts = [safe_file_part(data.name), "workbook", today.isoformat()]
    return " - ".join(p for p in parts if p) + ".json"


def with_suffix(path: str, suffix: str) -> Path:
    """The chosen path, with `suffix` added when the person typed a name without one."""
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)


# ---- work for the worker threads -------------------------------------------------------


@dataclass(frozen=True)
class PageImage:
    """One page rasterised for the preview: packed RGB pixels, `stride` bytes a row."""

    width: int
    height: int
    stride: int
    pixels: bytes


#: Pages drawn for the preview; a longer PDF says how many more there are.
PREVIEW_PAGES = 30
#: Pixels per PDF point: about 96 dpi, sharp enough on screen and quick to draw.
PREVIEW_SCALE = 1.35


@dataclass(frozen=True)
class Preview:
    """A rendered preview: the PDF's bytes (kept in memory, never on disk), its report,
    and its first pages as images."""

    pdf: bytes
    report: RenderReport
    choices: PdfChoices
    pages: tuple[PageImage, ...] = ()


def rasterise(pdf: bytes, limit: int = PREVIEW_PAGES, scale: float = PREVIEW_SCALE) -> tuple:
    """Draw the first `limit` pages with PDFium, entirely in memory (no temporary file)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for index in range(min(limit, len(document))):
            page = document[index]
            bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
            images.append(
                PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            )
            bitmap.close()
            page.close()
        return tuple(images)
    finally:
        document.close()


def render_preview(
    data: WorkbookData, content: Content, choices: PdfChoices, progress: Progress
) -> Preview:
    """Lay out the PDF into memory, so private text is never left in a temporary file."""
    buffer = io.BytesIO()
    with _RENDER_LOCK:
        report = render(
            data,
            content,
            buffer,
            reader_id=choices.reader,
            language=choices.language,
            sections=choices.sections,
            include_private=choices.include_private,
            page_size=choices.page_size,
            progress=progress,
        )
        pdf = buffer.getvalue()
        # PDFium, like reportlab, is not safe to use from two threads at once.
        pages = rasterise(pdf)
    return Preview(pdf, report, choices, pages)


def save_pdf(
    data: WorkbookData, content: Content, choices: PdfChoices, path: Path, progress: Progress
) -> Path:
    """Write the PDF whole or not at all (a cancel leaves no file)."""
    with _RENDER_LOCK:
        return export_pdf(
            data,
            content,
            path,
            reader_id=choices.reader,
            language=choices.language,
            sections=choices.sections,
            include_private=choices.include_private,
            page_size=choices.page_size,
            progress=progress,
        )


def read_workbook_file(path: Path, progress: Progress) -> dict[str, Any]:
    """Read and check a workbook file completely; the import itself happens on the GUI
    thread, on the database's own connection."""
    from workbook.workbook_file import read_file, validate

    progress(0.0, "Reading the file")
    document = read_file(path)
    progress(0.5, "Checking every entry")
    problems = validate(document)
    if problems:
        raise WorkbookFileProblem(problems, path)
    return document


def write_workbook_file(data: WorkbookData, path: Path, progress: Progress) -> Path:
    from workbook.workbook_file import write_file

    progress(0.0, "Writing the file")
    return write_file(data, path)
