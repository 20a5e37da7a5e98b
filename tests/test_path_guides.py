"""What each path is really like (path_guides.toml) and the strengths a coach found missing.

The shipped guides cover every path with every part written; a broken guide is refused
naming the file, the guide and the field, like every other content file; the PDF prints
each guide's summary under its future.
"""

import io

import pytest
from pypdf import PdfReader

from exports.pdf import render
from tests.test_content import SHIPPED, edit, refusal, shipped_folder
from workbook.content import load_content
from workbook.content import schema as content_schema
from workbook.data import load_workbook_data
from workbook.example import add_example

CONTENT = load_content()


# ---- the shipped guides --------------------------------------------------------------------


def test_every_path_has_a_guide_and_every_guide_a_path():
    assert set(CONTENT.guides) == set(CONTENT.paths)


@pytest.mark.parametrize("path_id", list(CONTENT.paths))
def test_every_part_of_a_guide_is_written_and_sourced(path_id):
    guide = CONTENT.guides[path_id]
    assert guide.path == path_id
    texts = [guide.summary, guide.week.text, guide.reversibility.text]
    texts += [guide.roles_title, guide.roles_intro]
    for variant in guide.roles:
        texts += [variant.name, variant.description]
    assert all(text.strip() for text in texts), path_id
    assert len(guide.roles) >= 3, "a path takes more than one or two shapes"
    for part in (guide.week, guide.reversibility, *guide.roles):
        assert part.source.strip()
    # The summary is printed under the future in the PDF: a line or two, one sentence.
    assert len(guide.summary) <= 200 and guide.summary.count(". ") == 0


def test_the_guides_name_what_a_coach_looks_for():
    def ids(path_id):
        return {v.id for v in CONTENT.guides[path_id].roles}

    assert {"tech_lead", "architect", "solver", "right_hand"} <= ids("specialist")
    assert "player_coach" in ids("manager")
    assert len(ids("orchestrator")) >= 4  # titles as job ads use them
    week = CONTENT.guides["manager"].week.text.lower()
    for duty in ("one-to-one", "hiring", "performance", "budget"):
        assert duty in week, duty
    # Ideas from outside the seeds are credited, in our words.
    assert "Larson" in CONTENT.guides["specialist"].roles_credit
    assert "pendulum" in CONTENT.guides["manager"].reversibility.credit


def test_the_mentor_and_sponsor_note_is_written():
    note = CONTENT.sponsor_mentor
    assert note.title.strip() and note.text.strip() and note.source.strip()
    assert "mentor" in note.text and "sponsor" in note.text


# ---- the new strengths ---------------------------------------------------------------------

NEW_STRENGTHS = {
    "planning_follow_through": "strategy",
    "delegation": "influence",
    "giving_feedback": "people",
}


@pytest.mark.parametrize(("strength_id", "domain"), NEW_STRENGTHS.items())
def test_the_new_strengths_have_levels_like_every_other(strength_id, domain):
    strength = CONTENT.strengths[strength_id]
    assert strength.domain == domain
    assert set(strength.proficiency) == set(range(1, 6))
    assert set(strength.energy) == set(range(1, 6))
    assert set(strength.edge) == set(range(1, 5))
    texts = [*strength.proficiency.values(), *strength.energy.values(), *strength.edge.values()]
    assert all(text.strip() for text in texts)
    assert len(set(texts)) == len(texts), "every level says something of its own"
    kinds = {a.kind for a in CONTENT.actions.values() if a.for_strength == strength_id}
    assert kinds == {"experience", "others", "formal"}


# ---- broken guides -------------------------------------------------------------------------

FILE = "path_guides.toml"


@pytest.fixture
def folder(tmp_path):
    """The shipped content files, copied to a folder of their own."""
    for name in content_schema.FILES:
        text = shipped_folder().joinpath(name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _unknown_path(doc):
    doc["guides"][0]["path"] = "astronaut"


def _no_week_text(doc):
    del doc["guides"][1]["week"]["text"]


def _empty_summary(doc):
    doc["guides"][0]["summary"] = "  "


def _variant_twice(doc):
    variants = doc["guides"][0]["roles"]["variants"]
    variants.append(dict(variants[0], name="Another name"))


def _guide_twice(doc):
    doc["guides"].append(dict(doc["guides"][0]))


def _no_sponsor_note(doc):
    del doc["sponsor_mentor"]


def _bad_source(doc):
    doc["guides"][2]["roles"]["variants"][0]["source"] = "a blog I read"


GUIDES = [g["path"] for g in SHIPPED[FILE]["guides"]]
FIRST_VARIANT = SHIPPED[FILE]["guides"][2]["roles"]["variants"][0]["id"]

# (how to break it, words that must name the item, the field, words in the message)
BROKEN = {
    "unknown-path": (_unknown_path, ["guide", "astronaut"], "path", "not a path in paths.toml"),
    "week-without-text": (_no_week_text, [GUIDES[1], "week"], "text", "is missing"),
    "empty-summary": (_empty_summary, [GUIDES[0]], "summary", "must not be empty"),
    "variant-twice": (_variant_twice, [GUIDES[0], "roles", "variant"], "id", "used twice"),
    "guide-twice": (_guide_twice, [GUIDES[0]], "path", "used twice"),
    "no-sponsor-note": (_no_sponsor_note, ["the file"], "sponsor_mentor", "is missing"),
    "source-not-a-seed": (_bad_source, [GUIDES[2], FIRST_VARIANT], "source", "seed file"),
}


@pytest.mark.parametrize(("breakage", "item", "field", "words"), BROKEN.values(), ids=BROKEN)
def test_a_broken_guide_is_refused_naming_guide_and_field(folder, breakage, item, field, words):
    edit(folder, FILE, breakage)
    error = refusal(folder)
    assert error.file == FILE
    matching = [
        message
        for where, name, message in error.problems
        if name == field and all(part in where for part in item)
    ]
    assert matching, error.message
    assert any(words in message for message in matching), error.message


# ---- in the PDF ----------------------------------------------------------------------------


def test_the_pdf_prints_what_each_future_s_path_usually_holds(db):
    data = load_workbook_data(db, add_example(db))
    buffer = io.BytesIO()
    render(data, CONTENT, buffer, reader_id="coach", sections=("edge",), invariant=True)
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    flat = "".join("".join(page.extract_text() for page in pages).split())
    for path_id in data.futures:
        line = f"What this path usually holds: {CONTENT.guides[path_id].summary}"
        assert "".join(line.split()) in flat, path_id
