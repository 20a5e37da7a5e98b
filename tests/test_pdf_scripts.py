"""Right-to-left text in the PDF: drawn in visual order, read back in the order typed.

Arabic and Hebrew phrases are exported in a workbook and read back with both
text extractors people use, pypdf and poppler's pdftotext: a search for the
phrase as typed must find it. Where extraction cannot tell (which glyphs are
drawn, in which order and form), the drawing is checked through `shaping`.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from exports.pdf import fonts, lines, render, shaping, text
from workbook.content.loader import load_content
from workbook.data import Goal, JournalEntry, Milestone, SupportRequest, WorkbookData
from workbook.model import Profile

ARABIC = "أريد أن أصبح مديرا للفريق"  # "I want to become the team's manager"
HEBREW = "מנהל צוות בעוד שנה"  # "team manager in a year"
LAM_ALEF = "لا إله إلا الله"  # lam-alef is one glyph for two letters


@pytest.fixture(scope="module")
def content():
    return load_content()


def scripts_workbook() -> WorkbookData:
    return WorkbookData(
        workbook_id=3,
        name="Scripts",
        profile=Profile(3, person_name="Nadia Haddad", current_role="Analyst", aim="Lead."),
        goals=(Goal(1, ARABIC, measure=HEBREW, target_date="2026-03-01"),),
        milestones=(Milestone(1, 30, LAM_ALEF),),
        support=(SupportRequest(1, "manager", "Half a day a week " + HEBREW),),
        journal=(JournalEntry(1, "reflection", ARABIC + " " + HEBREW, "2026-01-02"),),
    )


def squash(value: str) -> str:
    return "".join(unicodedata.normalize("NFC", value).split())


def pypdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    found = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # pdftotext marks right-to-left stretches with embedding controls; a search ignores them.
    return "".join(c for c in found if c not in "\u202a\u202b\u202c\u202d\u202e")


@pytest.fixture(scope="module")
def scripts_pdf(content) -> bytes:
    buffer = io.BytesIO()
    render(scripts_workbook(), content, buffer, include_private=True)
    return buffer.getvalue()


@pytest.mark.parametrize("phrase", [ARABIC, HEBREW, LAM_ALEF])
def test_a_right_to_left_phrase_is_found_as_typed_by_pypdf(scripts_pdf, phrase):
    found = pypdf_text(scripts_pdf)
    assert phrase in found
    assert squash(phrase[::-1]) not in squash(found)


@pytest.mark.parametrize("phrase", [ARABIC, HEBREW, LAM_ALEF])
def test_a_right_to_left_phrase_is_found_as_typed_by_pdftotext(scripts_pdf, phrase, tmp_path):
    found = pdftotext(scripts_pdf, tmp_path)
    assert phrase in found
    assert squash(phrase[::-1]) not in squash(found)


def test_arabic_is_drawn_joined_and_right_to_left():
    run = shaping.shape(fonts.ARABIC, "مرحبا")
    face = pdfmetrics.getFont(fonts.ARABIC).face
    drawn = [face.charToGlyph[ord(c)] for c in run.chars]
    isolated = [face.charToGlyph[ord(c)] for c in "مرحبا"]
    # Five letters, five glyphs, laid left to right: the last letter first, in joined
    # forms (alef, the last, joins only to the right; the others change shape).
    assert len(drawn) == 5 and all(run.ink)
    assert drawn[0] != isolated[0] and drawn[-1] != isolated[-1]
    assert list(run.xs) == sorted(run.xs)
    # Each glyph means the letter typed, through an alias where the font names it otherwise.
    meanings = [fonts._alias_text.get(("NotoSansArabic-Regular", ord(c)), c) for c in run.chars]
    assert "".join(reversed(meanings)) == "مرحبا"


def test_lam_alef_is_one_glyph_and_its_two_letters_follow_as_invisible_text():
    run = shaping.shape(fonts.ARABIC, "لا")
    assert run.ink.count(True) == 1
    hidden = [c for c, ink in zip(run.chars, run.ink, strict=True) if not ink]
    assert "".join(reversed(hidden)) == "لا"


def test_a_bracket_in_right_to_left_text_is_drawn_mirrored_but_means_what_was_typed():
    run = shaping.shape(fonts.SANS, "(א)")
    face = pdfmetrics.getFont(fonts.SANS).face
    left, right = run.chars[0], run.chars[-1]
    # Left-most glyph is the typed ")" drawn as "(" (mirrored), and it means ")".
    assert face.charToGlyph[ord(left)] == face.charToGlyph[ord("(")]
    assert fonts._alias_text[("DejaVuSans", ord(left))] == ")"
    assert face.charToGlyph[ord(right)] == face.charToGlyph[ord(")")]


def test_a_line_is_one_text_object_with_no_line_feed():
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    runs, _ = lines.single_line("Hello " + HEBREW + " world", 10)
    lines.draw_runs(canvas, 10, 10, runs, 10)
    code = canvas._code[-1]
    assert code.count("BT") == 1 and "T*" not in code


def test_spaces_between_arabic_words_stay_in_the_arabic_run():
    assert text.runs(ARABIC) == [(fonts.ARABIC, ARABIC)]
    assert text.runs("مرحبا, world")[0] == (fonts.ARABIC, "مرحبا")
