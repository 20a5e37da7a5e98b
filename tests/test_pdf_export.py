"""The PDF development plan: content, privacy, fonts, hostile text, byte-stable output, safe writes.

Text is read back with pypdf. Every string is found as typed, Arabic and
Hebrew too (`tests/test_pdf_scripts.py` checks pdftotext as well), after
removing whitespace (line breaks fall anywhere in a long
word or a CJK sentence) and the invisible characters the export drops
(zero-width joiners between emoji, control characters).

The golden file `tests/data/pdf_golden.json` holds the SHA-256 of a small
invariant export with the reportlab and uharfbuzz versions that made it. After a
deliberate change to the PDF's look, refresh it with
`UPDATE_PDF_GOLDEN=1 .venv/bin/python -m pytest tests/test_pdf_export.py -k golden`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import time
import unicodedata
from dataclasses import replace
from importlib import metadata
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from exports.pdf import DEFAULT_SECTIONS, SECTION_IDS, bidi, export_pdf, fonts, lines, render, text
from exports.pdf.blocks import Kit
from exports.pdf.styles import make_styles
from workbook.content.loader import load_content
from workbook.data import (
    Action,
    Evidence,
    Goal,
    JournalEntry,
    Milestone,
    QuestionChoice,
    Rating,
    SupportRequest,
    Task,
    WorkbookData,
    load_workbook_data,
)
from workbook.example import add_example
from workbook.model import Profile

GOLDEN = Path(__file__).parent / "data" / "pdf_golden.json"

#: Every heading of the coach's version, which holds every section.
HEADINGS = (
    "FOR OUR CONVERSATION",
    "About me",
    "What I ask",
    "Goals and actions",
    "Milestones",
    "At my best",
    "More about my strengths",
    "My ratings",
    "Where I lean",
    "How the fit was worked out",
    "My AI plan",
    "My AI plan in detail",
    "Questions for our conversation",
    "My journal",
)

HOSTILE = {
    "markup": "<b>bold?</b> & <i>x</i> <img src=/etc/hostname> <font name=Nope>5 &lt; 6</font>",
    "script": "<script>alert(1)</script> <b>unclosed & done",
    "chinese": "我们一起学习新的技能。",
    "japanese": "日本語のテキストです。",
    "korean": "한국어 텍스트입니다",
    "greek": "Καλημέρα κόσμε",
    "cyrillic": "Привет, мир",
    "emoji": "Great work 🙂🎉👍",
    "zwj": "👩\u200d💻 coder",
    "controls": "bell\x07tab\tnull\x00end\x1b",
    "word": "abcdefghij" * 500,
}
RTL = {"arabic": "مرحبا بالعالم", "hebrew": "שלום עולם"}


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture
def example(db):
    return load_workbook_data(db, add_example(db))


def pdf_text(source: Path | bytes) -> str:
    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
    return "\n".join(page.extract_text() for page in reader.pages)


def without_footers(found: str, person: str) -> str:
    """Squashed text with the running footers taken out, so text across pages joins up."""
    found = re.sub(r"Page\d+of\d+", "", squash(found))
    return re.sub(r"Sharedinconfidence·.*?·\d+[A-Za-z]+\d{4}", "", found)


def squash(value: str) -> str:
    return "".join(unicodedata.normalize("NFC", value).split())


def render_bytes(data, content, **options) -> tuple[bytes, object]:
    buffer = io.BytesIO()
    report = render(data, content, buffer, **options)
    return buffer.getvalue(), report


def hostile_workbook() -> WorkbookData:
    every = " ".join(HOSTILE.values()) + " " + " ".join(RTL.values())
    return WorkbookData(
        workbook_id=1,
        name="Hostile <b>",
        profile=Profile(
            1,
            person_name="Zoë <b>&amp;</b> 李",
            current_role=HOSTILE["markup"],
            aim=HOSTILE["script"],
        ),
        ratings={
            "mentoring": Rating("mentoring", 5, 5, 4, overuse_note=HOSTILE["controls"]),
            "custom_1": Rating("custom_1", 4, 4, 3, custom_name="技能 🙂 " + HOSTILE["greek"]),
        },
        evidence=(
            Evidence(1, "mentoring", HOSTILE["chinese"], HOSTILE["japanese"], HOSTILE["korean"]),
        ),
        journal=(
            JournalEntry(1, "reflection", RTL["arabic"], "2026-01-02"),
            JournalEntry(2, "energy", RTL["hebrew"], "2026-01-03", energy_level=4),
            JournalEntry(3, "feedback", HOSTILE["cyrillic"], "2026-01-04", source="Ана"),
        ),
        edge_statement=HOSTILE["emoji"] + " " + HOSTILE["zwj"],
        tasks=(
            Task(
                1, HOSTILE["markup"], 10, "augment", 0.5, validation=HOSTILE["word"], stakes="high"
            ),
        ),
        goals=(
            Goal(
                1,
                HOSTILE["script"],
                measure=every,
                target_date="2026-12-01",
                actions=(Action(1, 1, HOSTILE["word"], "formal", "2026-12-01"),),
            ),
        ),
        milestones=(Milestone(1, 30, HOSTILE["greek"] + " " + HOSTILE["cyrillic"]),),
        support=(SupportRequest(1, "manager", HOSTILE["markup"]),),
        questions=(QuestionChoice(1, HOSTILE["chinese"] + " " + HOSTILE["emoji"]),),
    )


# The example workbook


def test_example_pdf_has_every_section_and_the_persons_content(example, content, tmp_path):
    out = export_pdf(example, content, tmp_path / "plan.pdf", page_size="A4", reader_id="coach")
    found = pdf_text(out)
    for heading in HEADINGS:
        assert heading in found, heading
    flat = squash(found)
    for typed in (
        example.profile.person_name,
        example.profile.current_role,
        example.goals[0].title,
        example.goals[1].actions[0].title,
        example.evidence[0].situation,
        example.tasks[0].validation,
        example.milestones[2].text,
        example.support[0].request,
        example.questions[-1].text,
    ):
        assert squash(typed) in flat, typed
    assert "Specialist individual contributor: a good fit, 66 of 100" in found
    # Page 1 and the chart give the same whole number as the words beside the path.
    assert squash("a good fit (66)") in flat and "65.8" not in found.split("How the fit")[0]
    # Where she works, beside the fit: each answer with its question and the path it bears on.
    assert squash("Is middle management shrinking where you work? Yes: helps the Specialist") in (
        flat
    )
    # What others say, beside the signature strengths: Karim's words, tagged with both.
    said = flat.split(squash("WHAT OTHERS SAY"))
    assert len(said) == 4  # critical thinking, mentoring and validating results
    assert squash("“People trust your numbers because you tell them what the numbers") in said[1]
    assert squash("(Karim, my manager)") in said[1]


def test_metadata_outline_and_page_numbers(example, content, tmp_path):
    out = export_pdf(example, content, tmp_path / "plan.pdf")
    reader = PdfReader(out)
    info = reader.metadata
    assert info.title == "Development plan: Nadia Haddad"
    assert info.author == "Nadia Haddad"
    assert "development plan" in info.subject.lower()
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [
        "For our conversation",
        "What I ask",
        "Goals and actions",
        "Milestones",
        "At my best",
        "Where I lean",
        "My AI plan",
    ]
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        found = page.extract_text()
        assert f"Page {number} of {total}" in found
        # Who it is for, whose it is and when, on every page.
        assert "Shared in confidence · Nadia Haddad · " in found


def test_letter_size_and_chosen_sections(example, content):
    pdf, report = render_bytes(
        example, content, page_size="Letter", sections=["questions", "goals"]
    )
    reader = PdfReader(io.BytesIO(pdf))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]
    assert report.sections == ["goals", "questions"]
    found = pdf_text(pdf)
    assert "Goals and actions" in found and "At my best" not in found


def test_an_empty_workbook_exports_with_gentle_notes(content):
    pdf, report = render_bytes(WorkbookData(), content, include_private=True)
    found = pdf_text(pdf)
    assert report.pages >= 2 and report.missing == set()
    assert "No signature strength is named yet." in found
    assert "No goals yet." in found and "No journal entries yet." in found
    coach = pdf_text(render_bytes(WorkbookData(), content, reader_id="coach")[0])
    assert "No strength is rated yet." in coach


def test_unknown_section_and_page_size_are_refused(example, content):
    with pytest.raises(ValueError, match="Unknown section"):
        render_bytes(example, content, sections=["goals", "diary"])
    with pytest.raises(ValueError, match="Page size"):
        render_bytes(example, content, page_size="A5")
    assert "journal" in SECTION_IDS and "journal" not in DEFAULT_SECTIONS


# Privacy


def test_private_journal_is_left_out_unless_asked_for(example, content):
    private = next(e for e in example.journal if e.private)
    shared = next(e for e in example.journal if not e.private)
    phrase = squash(private.body[:60])

    default = squash(pdf_text(render_bytes(example, content)[0]))
    assert phrase not in default
    assert squash(shared.body[:60]) not in default
    assert "Myjournal" not in default

    with_private = squash(pdf_text(render_bytes(example, content, include_private=True)[0]))
    assert phrase in with_private and squash(shared.body[:60]) in with_private

    # Choosing the section alone shares only the entries not marked private.
    chosen = squash(pdf_text(render_bytes(example, content, sections=["journal"])[0]))
    assert squash(shared.body[:60]) in chosen and phrase not in chosen


# Fonts


def embedded_fonts(pdf: bytes) -> list[tuple[str, bool]]:
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            font = ref.get_object()
            described = font
            if "/DescendantFonts" in font:
                described = font["/DescendantFonts"][0].get_object()
            descriptor = described.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found.append((str(font["/BaseFont"]), embedded))
    return found


def test_every_font_is_embedded_and_none_is_helvetica(example, content):
    for data, options in ((example, {}), (hostile_workbook(), {"include_private": True})):
        used = embedded_fonts(render_bytes(data, content, **options)[0])
        assert used
        for name, embedded in used:
            assert embedded, name
            assert "Helvetica" not in name
    names = {name.split("+")[-1] for name, _ in used}
    assert {"DejaVuSans", "IPAGothic", "NanumGothic", "Symbola", "NotoSansArabic-Regular"} <= names


# Hostile text


def test_hostile_text_prints_literally_in_every_script(content):
    data = hostile_workbook()
    pdf, report = render_bytes(data, content, include_private=True)
    assert report.missing == set()
    found = without_footers(pdf_text(pdf), data.profile.person_name)
    for name, typed in HOSTILE.items():
        assert squash(text.clean(typed)) in found, name
    assert squash("belltab nullend") in found  # controls dropped, the tab a space
    assert squash("👩 coder") in found  # no font joins the sequence: its first emoji prints
    for name, typed in RTL.items():
        assert squash(typed) in found, name  # in the order typed
    assert "&amp;" not in squash(text.clean(HOSTILE["markup"]))  # nothing double-escaped


def test_every_hostile_character_has_a_font():
    every = "".join(HOSTILE.values()) + "".join(RTL.values())
    missing: set[str] = set()
    text.runs(text.clean(every), missing=missing)
    assert missing == set()
    missing_bold: set[str] = set()
    text.runs(text.clean(every), bold=True, missing=missing_bold)
    assert missing_bold == set()


def test_a_character_no_font_has_becomes_a_visible_placeholder(content):
    odd = "\U0010fffd\u0378"  # private use and unassigned
    data = replace(hostile_workbook(), edge_statement="before " + odd + " after")
    pdf, report = render_bytes(data, content, sections=["edge"])
    assert report.missing == set(odd)
    assert squash("before " + fonts.PLACEHOLDER * 2 + " after") in squash(pdf_text(pdf))


def test_arabic_is_shaped_and_right_to_left():
    styled_runs = text.runs("قال «خطوة خطوة» 2024")
    assert {font for font, _ in styled_runs} >= {fonts.ARABIC}
    base = bidi.base_level("قال خطوة")
    assert base == 1
    # Visual order of a right-to-left line: the last word comes first, numbers stay LTR.
    line = "אבג 123 דה"
    levels = bidi.levels(line, bidi.base_level(line))
    order = bidi.visual_order(levels, line, 1)
    assert "".join(line[i] for i in order) == "הד 123 גבא"


def test_megabyte_of_text_and_a_year_of_journal_export_quickly(content):
    mega = "START-OF-MEGABYTE " + "lorem ipsum dolor sit amet consectetur " * 27_000 + "END-OF-MB"
    assert len(mega) > 1_000_000
    data = replace(
        hostile_workbook(),
        evidence=(Evidence(1, "mentoring", "A big one", "Wrote a lot", mega),),
        journal=tuple(
            JournalEntry(
                n, "reflection", f"Entry {n} " + "word " * 150, f"2026-{n % 12 + 1:02d}-01"
            )
            for n in range(365)
        ),
    )
    started = time.perf_counter()
    pdf, report = render_bytes(data, content, sections=["strengths"])
    assert report.pages > 100
    reader = PdfReader(io.BytesIO(pdf))
    tail = "".join(p.extract_text() for p in reader.pages[-3:])
    assert "END-OF-MB" in tail
    pdf, report = render_bytes(data, content, sections=["journal"], include_private=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert "Entry 364" in "".join(p.extract_text() for p in reader.pages[-3:])
    assert time.perf_counter() - started < 30


# Fast paths: each must give exactly what the general path gives


FAST_PATH_SAMPLES = (
    "Привет, мир — «текст» на русском…",
    "Καλημέρα κόσμε · 3½ €",
    "Ünïcödé façade\nnext line – “quoted”",
    "é\nline after Latin",
    "\nstarts with a newline ✓",
    "Mixed 日本語 and Ελληνικά",
    "한국어 and 中文 — “quotes”",
    "مرحبا, world",
    "Great work 🙂 ★",
    "\u3000full width\u3000、",
)


def test_text_one_font_draws_is_one_run_as_the_per_character_choice_gives(monkeypatch):
    fast = [(s, bold, text.runs(s, bold=bold)) for s in FAST_PATH_SAMPLES for bold in (False, True)]
    assert fast[0][2] == [(fonts.SANS, FAST_PATH_SAMPLES[0])]
    monkeypatch.setattr(fonts, "drawn_by_sans", lambda bold: frozenset())
    for value, bold, found in fast:
        assert text.runs(value, bold=bold) == found, (value, bold)


def test_script_checks_on_whole_strings_agree_with_the_per_character_ones():
    edges = {
        code + step
        for ranges in (fonts.HAN_RANGES, fonts.KANA_RANGES, fonts.HANGUL_RANGES)
        for first, last in ranges
        for code in (first, last)
        for step in (-1, 0, 1)
    }
    for code in sorted(edges):
        value = "é" + chr(code)
        assert text.has_cjk(value) == fonts.is_cjk(code), hex(code)
        expected = "ja" if fonts.is_kana(code) else "ko" if fonts.is_hangul(code) else "zh"
        assert text.han_hint(value) == expected, hex(code)


def test_plain_paragraphs_skip_parsing_but_get_the_parsers_fragments():
    kit = Kit(make_styles(), 400, 700)
    for style in (kit.styles.body, kit.styles.h2, kit.styles.cell_number, kit.styles.bullet):
        for value in ("Plain words", "  spaced   out ", "Καλημέρα · “quotes”", "日本語です", ""):
            made = kit.para(value, style)
            bold = style.fontName == fonts.SANS_BOLD
            if bold and text.has_cjk(value):
                continue  # laid out by lines.MixedParagraph, for synthetic bold
            base = fonts.SANS_BOLD if bold else fonts.SANS
            parsed = Paragraph(text.markup(text.runs(value, bold=bold), base), made.style)
            assert [f.__dict__ for f in made.frags] == [f.__dict__ for f in parsed.frags]
            assert made.text == parsed.text


def test_a_paragraph_breaks_its_lines_once_per_width(monkeypatch):
    kit = Kit(make_styles(), 400, 700)
    para = kit.para("words " * 80, kit.styles.body)
    calls: list[float] = []
    original = Paragraph.breakLines

    def counted(self, widths):
        calls.append(widths[0])
        return original(self, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    first = para.wrap(200, 1000)
    assert para.wrap(200, 50) == first and len(calls) == 1
    para.wrap(300, 1000)
    assert para.wrap(200, 1000) == first and len(calls) == 3
    para.bulletText = "•"
    para.wrap(200, 1000)
    assert len(calls) == 4


def test_left_to_right_labels_skip_bidi_and_draw_as_before(monkeypatch):
    values = ("Page 3 of 17", "Zoë · 李 🙂", "12.5 h  ", "Καλημέρα (x) 3–4", "مرحبا 12")
    fast = [lines.single_line(value, 8, 60) for value in values]
    monkeypatch.setattr(lines, "_ltr_only", lambda chars: False)
    assert fast == [lines.single_line(value, 8, 60) for value in values]


# Byte-stable output


def golden_workbook() -> WorkbookData:
    return WorkbookData(
        workbook_id=7,
        name="Golden",
        profile=Profile(7, person_name="Ana Souza", current_role="Product designer", aim="Grow."),
        goals=(
            Goal(
                1,
                "Lead one design review a month",
                measure="Three reviews by March; notes shared in Greek: Καλημέρα, and 日本語.",
                target_date="2026-03-01",
                commitment=7,
                actions=(Action(1, 1, "Shadow Mei at two reviews", "others", "2026-01-15"),),
            ),
        ),
        milestones=(Milestone(1, 30, "First review done — قال خطوة خطوة"),),
        support=(SupportRequest(1, "mentor", "An hour a month 🙂"),),
        questions=(QuestionChoice(1, "What would a senior designer do differently?"),),
    )


def test_invariant_output_is_byte_identical_and_matches_the_golden_file(content, tmp_path):
    options = {
        "sections": ["brief", "about", "goals", "milestones", "support", "questions"],
        "invariant": True,
    }
    first = export_pdf(golden_workbook(), content, tmp_path / "a.pdf", **options).read_bytes()
    second = export_pdf(golden_workbook(), content, tmp_path / "b.pdf", **options).read_bytes()
    assert first == second
    assert squash("Lead one design review a month") in squash(pdf_text(first))
    versions = {name: metadata.version(name) for name in ("reportlab", "uharfbuzz")}
    digest = hashlib.sha256(first).hexdigest()
    if os.environ.get("UPDATE_PDF_GOLDEN"):
        GOLDEN.write_text(json.dumps({"sha256": digest, **versions}, indent=2) + "\n")
    golden = json.loads(GOLDEN.read_text())
    if any(golden.get(name) != version for name, version in versions.items()):
        pytest.skip(f"golden made with {golden}, running {versions}")
    assert digest == golden["sha256"]


# Written whole or not at all


def test_a_failure_mid_write_keeps_the_old_file_and_leaves_nothing(
    example, content, tmp_path, monkeypatch
):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "plan.pdf"
    out.write_bytes(b"the old plan")

    def broken(data, content, target, **options):
        target.write(b"%PDF-1.4 half a plan")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("exports.pdf.document.render", broken)
    with pytest.raises(OSError, match="No space"):
        export_pdf(example, content, out)
    assert out.read_bytes() == b"the old plan"
    assert sorted(p.name for p in folder.iterdir()) == ["plan.pdf"]


def test_a_cancel_leaves_no_file_and_a_success_replaces_the_old_one(example, content, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "new.pdf"
    seen: list[float] = []

    def cancel(fraction, message):
        seen.append(fraction)
        if fraction > 0.1:
            raise KeyboardInterrupt("cancelled")

    with pytest.raises(KeyboardInterrupt):
        export_pdf(example, content, out, progress=cancel)
    assert list(folder.iterdir()) == []

    out.write_bytes(b"old")
    steps: list[float] = []
    export_pdf(example, content, out, progress=lambda f, m: steps.append(f))
    assert out.read_bytes().startswith(b"%PDF")
    assert steps[0] == 0.0 and steps[-1] == 1.0
    assert sorted(p.name for p in folder.iterdir()) == ["new.pdf"]
