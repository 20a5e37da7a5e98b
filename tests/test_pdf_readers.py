"""A PDF for each reader (issue 14): the manager's version a manager can act on in five
minutes, the coach's with everything, the person's own; page 1 "For our conversation";
nothing addressed to the author; every fixed string through `exports.words.tr`.

PDF text is read back with pypdf; page fill is measured from where pypdf says each line
of text sits on the page.
"""

from __future__ import annotations

import ast
import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from exports import words
from exports.pdf import render
from exports.readers import DEFAULT_READER, READERS, reader, sections_for
from exports.sections import SECTION_IDS
from workbook.content import load_content
from workbook.data import (
    Evidence,
    Goal,
    JournalEntry,
    Rating,
    SupportRequest,
    WorkbookData,
    load_workbook_data,
)
from workbook.example import add_example
from workbook.model import Profile

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 12, 3)
#: Words the app says to the person about what to do next: never in a copy for anyone.
TO_DO = (
    "add one to confirm it",
    "rewrite it in your own words",
    "add a measure",
    "not planned yet",
    "name how you will check",
    "decide how you will check",
    "consider more time",
    "you have not",
    "rate a few",
    "(s)",
    "add a date",
)


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture
def example(db):
    return load_workbook_data(db, add_example(db, TODAY))


def pages_of(data, content, **options) -> list[str]:
    buffer = io.BytesIO()
    render(data, content, buffer, today=TODAY, **options)
    return [page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def flat(value: str) -> str:
    return " ".join(value.split())


def page_fill(pdf: bytes) -> list[float]:
    """How far down each page the text reaches, as a share of the space above the footer."""
    reader_ = PdfReader(io.BytesIO(pdf))
    fills = []
    for page in reader_.pages:
        height = float(page.mediabox.height)
        ys: list[float] = []

        def visit(text, cm, tm, _font, _size, ys=ys):
            if text.strip():
                ys.append(float(cm[5]) + float(tm[5]))

        page.extract_text(visitor_text=visit)
        body = [y for y in ys if y > 55]  # above the running footer, at 34
        top, bottom = height - 62, 68  # the frame: 22 mm from the top, 24 mm from the foot
        lowest = min(body, default=top)
        fills.append((top - lowest) / (top - bottom))
    return fills


# Readers


def test_every_reader_says_what_its_version_holds_and_names_real_sections():
    assert DEFAULT_READER == "manager"
    for found in READERS.values():
        assert found.sentence.endswith(".") and len(found.sentence) > 60
        assert set(found.sections) <= set(SECTION_IDS)
        assert found.sections[0] == "brief"
    manager = READERS["manager"].sections
    for left_out in ("ratings", "analysis", "ai_tasks", "strengths_more", "journal"):
        assert left_out not in manager
    assert set(READERS["coach"].sections) == set(SECTION_IDS)
    with pytest.raises(ValueError, match="Unknown reader 'boss'"):
        reader("boss")


def test_section_choices_work_on_top_of_a_reader():
    assert sections_for("manager", []) is None
    assert sections_for("manager", ["goals"]) == ("goals",)
    added = sections_for("manager", ["+ratings", "-questions"])
    assert "ratings" in added and "questions" not in added and "brief" in added
    with pytest.raises(ValueError, match="not both"):
        sections_for("manager", ["goals", "+ratings"])
    with pytest.raises(ValueError, match="Unknown section 'diary'"):
        sections_for("coach", ["+diary"])


def test_the_managers_version_leaves_out_raw_ratings_and_analysis(example, content):
    manager = flat(" ".join(pages_of(example, content)))
    coach = flat(" ".join(pages_of(example, content, reader_id="coach")))
    for detail in ("My ratings", "How the fit was worked out", "skill 4 of 5", "Fit score"):
        assert detail not in manager, detail
        assert detail in coach or detail == "skill 4 of 5", detail
    assert "Edge over peers" in coach  # the ratings chart
    assert "Shared in confidence · Nadia Haddad · 3 December 2026" in manager
    assert "For coaching, in confidence · Nadia Haddad · 3 December 2026" in coach
    # The journal: only in the coach's and the person's copies, private entries only if asked.
    private = next(e for e in example.journal if e.private).body[:50]
    shared = next(e for e in example.journal if not e.private).body[:50]
    assert flat(shared) not in manager and flat(shared) in coach and flat(private) not in coach
    mine = flat(" ".join(pages_of(example, content, reader_id="me", include_private=True)))
    assert flat(private) in mine


def test_the_managers_version_of_the_example_fits_six_well_filled_pages(example, content):
    buffer = io.BytesIO()
    report = render(example, content, buffer, today=TODAY)
    assert report.pages <= 6
    fills = page_fill(buffer.getvalue())
    assert all(fill >= 1 / 3 for fill in fills[:-1]), fills


# Page 1


def test_page_one_is_the_brief_for_the_example(example, content):
    first = flat(pages_of(example, content)[0])
    assert first.startswith("FOR OUR CONVERSATION Nadia Haddad")
    assert "THE DECISION IN FRONT OF ME, BY 8 DECEMBER 2026" in first
    assert "Whether to lead the new analytics team" in first
    # At my best: three strengths, with an example and what others say.
    for name in ("Critical thinking:", "Data analysis:", "Mentoring:"):
        assert name in first
    assert "(Karim, my manager)" in first
    # Where I lean: the paths in a few lines, each with its words and whole score.
    assert "a good fit (66)" in first and "a mixed fit (57)" in first
    # What I ask: of whom and by when, the manager's first.
    asks = first.split("What I ask")[1]
    assert asks.index("(of you, by 24 December 2026)") < asks.index("(of HR, by")
    # The next 90 days: goals with their dates and status; AI in one line.
    assert "The next 90 days" in first and "By 8 December 2026" in first
    assert "AI could free about 8.9 h a week, after 3.3 h of checking its work." in first
    # Shortened text says where it goes on, and that page holds it.
    pages = pages_of(example, content)
    pointers = re.findall(r"(At my best|What I ask).*?Continued on page (\d+)", first)
    assert len(pointers) == 2
    for heading, where in pointers:
        assert heading in pages[int(where) - 1]


def hostile_brief() -> WorkbookData:
    """Everything page 1 shows, many times too long."""
    long = "A very long sentence that goes on and on about the work. " * 60
    return WorkbookData(
        workbook_id=1,
        name="Long",
        profile=Profile(1, person_name="Zoë " * 30, current_role=long, decision=long),
        ratings={
            sid: Rating(sid, 5, 5, 4)
            for sid in ("mentoring", "critical_thinking", "data_analysis", "coaching")
        },
        evidence=tuple(
            Evidence(n, sid, long, long, long)
            for n, sid in enumerate(("mentoring", "critical_thinking", "data_analysis"), 1)
        ),
        journal=tuple(
            JournalEntry(
                n, "feedback", long, "2026-11-01", source="Sam", links=("strength:mentoring",)
            )
            for n in range(1, 4)
        ),
        edge_statement=long,
        goals=tuple(
            Goal(n, long[:200], measure=long, target_date="2026-11-01") for n in range(1, 30)
        ),
        support=tuple(SupportRequest(n, "manager", long, "2026-12-24") for n in range(1, 20)),
    )


def test_page_one_fits_one_page_whatever_is_written(content):
    buffer = io.BytesIO()
    render(hostile_brief(), content, buffer, today=TODAY)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages]
    first, second = flat(pages[0]), flat(pages[1])
    assert first.startswith("FOR OUR CONVERSATION")
    assert "Page 1 of" in first and "What I ask" in second  # the next section starts page 2
    assert "The next 90 days" in first and "OVERDUE" in first
    # Rows left out are counted, with the page they are on.
    more = re.search(r"And (\d+) more goals, on page (\d+)\.", first)
    assert more and int(more.group(1)) >= 25
    assert "Goals and actions" in flat(" ".join(pages[: int(more.group(2))]))


def _layouts(monkeypatch):
    """Spy on an export's layouts: each document laid out, and page 1's context."""
    from exports.pdf import document
    from exports.pdf.sections import brief

    seen = {"docs": [], "ctx": None}
    real_layout, real_fitted = document._layout, brief._fitted

    def layout(ctx, chosen, target, *args, **kwargs):
        doc = real_layout(ctx, chosen, target, *args, **kwargs)
        seen["docs"].append((doc, target, kwargs.get("wanted", frozenset())))
        return doc

    def fitted(ctx):
        seen["ctx"] = ctx
        return real_fitted(ctx)

    monkeypatch.setattr(document, "_layout", layout)
    monkeypatch.setattr(brief, "_fitted", fitted)
    return seen


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_page_one_is_at_the_most_generous_level_that_fits_its_final_page_numbers(
    example, content, monkeypatch, which
):
    """The second layout starts its search near the first one's level: what it settles on
    is what a search from the most generous level finds, with the same page numbers."""
    data = example if which == "example" else hostile_brief()
    seen = _layouts(monkeypatch)
    render(data, content, io.BytesIO(), today=TODAY, reader_id="coach")
    ctx = seen["ctx"]
    assert ctx.pages  # a first layout found where the sections page 1 points to start
    assert ctx.memo["brief"][1] == _fresh_level(ctx)


def test_a_glyph_only_page_one_draws_is_reported_after_two_layouts(content):
    """The decision is printed on page 1 alone here (About you is left out), and page 1
    points ahead to the goals: what its placeholder drew must reach the report."""
    from dataclasses import replace

    odd = "\U0010fffd"  # no bundled font has it
    data = hostile_brief()
    data = replace(data, profile=replace(data.profile, decision="Stay or go " + odd))
    report = render(data, content, io.BytesIO(), today=TODAY, sections=["brief", "goals"])
    assert report.missing == {odd}


def _fresh_level(ctx) -> int:
    """Page 1's level searched from the most generous, as before the first layout."""
    from dataclasses import replace

    from exports.pdf.sections import brief

    copy = replace(ctx, memo={})
    for index, level in enumerate(brief.LEVELS):
        found, _ahead = brief._page(copy, level)
        if brief._height(found, copy.kit.width) <= copy.kit.height - 4:
            return index
    return len(brief.LEVELS) - 1


def test_a_first_layout_stops_once_it_knows_its_pages_and_writes_no_pdf(
    example, content, monkeypatch
):
    seen = _layouts(monkeypatch)
    buffer = io.BytesIO()
    report = render(example, content, buffer, today=TODAY, reader_id="coach")
    (first, first_target, wanted), (final, final_target, none) = seen["docs"]
    assert wanted and not none and final_target is buffer
    assert wanted <= first.anchors.keys()
    assert first.anchors == {k: v for k, v in final.anchors.items() if k in first.anchors}
    assert first.page < report.pages  # it stopped before the end
    assert first_target.getvalue() == b""  # and wrote nothing


# Nothing addressed to the author


@pytest.mark.parametrize("reader_id", list(READERS))
def test_no_to_do_wording_in_any_readers_version(example, content, reader_id):
    for data in (example, WorkbookData()):
        found = flat(" ".join(pages_of(data, content, reader_id=reader_id))).lower()
        for words_ in TO_DO:
            assert words_ not in found, (reader_id, words_)


# Ready for translation


SECTIONS = sorted((ROOT / "exports" / "pdf" / "sections").glob("*.py"))
KIT_CALLS = {"para", "heading", "labelled", "callout", "bullets", "lead", "Column"}


def bare_strings(path: Path) -> list[str]:
    """Fixed words handed to the kit without `tr`: a literal or an f-string with words."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name not in KIT_CALLS or not node.args:
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.strip():
            found.append(f"{path.name}:{node.lineno}: {first.value!r}")
        if isinstance(first, ast.JoinedStr) and any(
            isinstance(v, ast.Constant) and re.search("[A-Za-z]{2}", v.value) for v in first.values
        ):
            found.append(f"{path.name}:{node.lineno}: f-string")
    return found


def test_every_fixed_string_of_the_sections_goes_through_tr():
    assert SECTIONS
    assert [s for path in SECTIONS for s in bare_strings(path)] == []


def test_a_catalogue_translates_the_headings(example, content, monkeypatch):
    monkeypatch.setitem(words.CATALOGUES, "xx", {"At my best": "Au meilleur de moi"})
    assert words.tr("At my best") == "At my best"
    words.set_language("xx")
    try:
        assert words.tr("At my best") == "Au meilleur de moi"
        assert words.plural(2, "{n} goal", "{n} goals") == "2 goals"
    finally:
        words.set_language("en")


# Typography


def test_body_text_is_10_5_pt_on_lines_of_about_75_characters(example, content):
    from collections import defaultdict

    from exports.pdf import styles

    assert styles.make_styles().body.fontSize == 10.5
    buffer = io.BytesIO()
    render(example, content, buffer, today=TODAY, reader_id="coach")
    lengths = []
    for page in PdfReader(io.BytesIO(buffer.getvalue())).pages:
        lines: dict[float, str] = defaultdict(str)

        def visit(text, cm, tm, _font, size, lines=lines):
            if abs(size * float(tm[0]) - 10.5) < 0.01:
                lines[round(float(cm[5]) + float(tm[5]), 1)] += text.replace("\n", "")

        page.extract_text(visitor_text=visit)
        lengths += [len(line) for line in lines.values() if line.strip()]
    lengths.sort()
    assert len(lengths) > 200
    assert lengths[int(len(lengths) * 0.95)] <= 78 and lengths[-1] <= 85, lengths[-10:]


def test_an_ask_past_its_day_is_marked_overdue_on_page_1_and_in_what_i_ask(content):
    data = WorkbookData(
        support=(
            SupportRequest(1, "manager", "A day of shadowing on the sales team", "2026-11-01"),
            SupportRequest(2, "hr", "The pay bands of both ladders", "2026-12-24"),
        )
    )
    first, *rest = pages_of(data, content)
    first = flat(first)
    assert "(of you, by 1 November 2026 · OVERDUE)" in first
    assert "(of HR, by 24 December 2026)" in first
    assert "(by 1 November 2026 · Overdue)" in flat(" ".join(rest))
