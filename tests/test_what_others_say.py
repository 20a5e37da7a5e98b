"""What others say (issue 13, item 9): tagged, shared feedback backs a strength and is named
in the edge statement; untagged or private feedback counts for nothing, and no feedback
ever moves a score."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.analysis import fit
from workbook.analysis.strengths import analyse_strengths
from workbook.analysis.summary import summary, summary_text
from workbook.analysis.voices import counts, others_say, quote, who_says
from workbook.content import load_content
from workbook.data import Evidence, JournalEntry, Rating, WorkbookData

CONTENT = load_content()
STRENGTH_IDS = sorted(CONTENT.strengths)


def feedback(n, body, *links, source="Karim, my manager", private=False, kind="feedback"):
    return JournalEntry(
        n,
        kind,
        body,
        f"2026-0{n}-01",
        source=source,
        private=private,
        links=tuple(f"strength:{sid}" for sid in links),
    )


#: Mentoring looks like a signature strength (4, 5, above most peers) but has no example.
MENTOR = WorkbookData(ratings={"mentoring": Rating("mentoring", 4, 5, 3)})


def findings(data):
    result = analyse_strengths(data, CONTENT)
    return {f.id: (kind, f) for kind in ("signature", "use_more") for f in getattr(result, kind)}


def test_untagged_private_or_empty_feedback_counts_for_nothing():
    for entry in (
        feedback(1, "“You made the new starters feel at home.”"),  # not tagged
        feedback(2, "“You made the new starters feel at home.”", "mentoring", private=True),
        feedback(3, "   ", "mentoring"),  # tagged, but no words
        feedback(4, "I helped three new starters.", "mentoring", kind="reflection"),
    ):
        data = dataclasses.replace(MENTOR, journal=(entry,))
        assert others_say(data) == {}, entry
        kind, finding = findings(data)["mentoring"]
        assert kind == "use_more" and finding.others == ()
        assert "no example yet" in finding.reason


def test_tagged_shared_feedback_backs_a_strength_as_an_example_would():
    said = feedback(1, "“You made the new starters feel at home.” She meant it.", "mentoring")
    data = dataclasses.replace(MENTOR, journal=(said,))
    kind, finding = findings(data)["mentoring"]
    assert kind == "signature"
    assert finding.reason == (
        "You rate your skill 4 of 5, it energises you (5 of 5), you see yourself above most "
        "peers, and others say so: Karim, my manager. An example of your own would back it "
        "further."
    )
    assert [v.quote for v in finding.others] == ["You made the new starters feel at home."]
    # With an example of her own too, the reason adds who else says so.
    both = dataclasses.replace(data, evidence=(Evidence(1, "mentoring", "A new team", "", ""),))
    kind, finding = findings(both)["mentoring"]
    assert kind == "signature"
    assert finding.reason.endswith("and you gave an example. Others say so too: Karim, my manager.")
    result = summary(both, CONTENT)
    assert result["signature_strengths"][0]["others_say"] == [
        {
            "source": "Karim, my manager",
            "quote": "You made the new starters feel at home.",
            "date": "2026-01-01",
        }
    ]
    assert "“You made the new starters feel at home.” (Karim, my manager)" in summary_text(result)


def test_several_people_and_several_strengths():
    data = dataclasses.replace(
        MENTOR,
        journal=(
            feedback(1, "Thanks for the review.", "mentoring", "communication"),
            feedback(2, "You explain things well.", "communication", source=""),
            feedback(3, "Thanks again for the review.", "mentoring"),
        ),
    )
    voices = others_say(data)
    assert [v.entry_id for v in voices["mentoring"]] == [1, 3]
    assert [v.entry_id for v in voices["communication"]] == [1, 2]
    assert who_says(voices["mentoring"]) == "Karim, my manager"  # the same person twice
    assert who_says(voices["communication"]) == "2 people (Karim, my manager; someone)"


def test_a_quote_is_what_they_said_in_a_line_or_two():
    assert quote('"People trust your numbers." He also said more.') == "People trust your numbers."
    assert quote("Good work on the rota. The team noticed.") == "Good work on the rota."
    assert quote("No full stop at all") == "No full stop at all"
    long = quote("word " * 60)
    assert len(long) <= 140 and long.endswith("word…")


def test_the_edge_statement_says_when_others_back_what_the_edge_rests_on():
    data = WorkbookData(
        ratings={"technical_problem_solving": Rating("technical_problem_solving", 5, 5, 4)},
        preferences={"long_focus": 5, "hands_on": 5},
        journal=(feedback(1, "“You found the bug nobody could.”", "technical_problem_solving"),),
    )
    statement = fit.analyse_fit(data, CONTENT).edge_statement
    assert "Your edge rests most on technical problem solving" in statement
    assert (
        "Others say so too: technical problem solving comes up in feedback from Karim, my manager."
    ) in statement
    untagged = dataclasses.replace(data, journal=(feedback(1, "“You found the bug.”"),))
    assert "Others say" not in fit.analyse_fit(untagged, CONTENT).edge_statement


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(STRENGTH_IDS), max_size=3),
            st.booleans(),
            st.sampled_from(["", "Well done.", "“You calmed the room.”"]),
        ),
        max_size=5,
    ),
    st.dictionaries(st.sampled_from(STRENGTH_IDS), st.integers(1, 5), max_size=6),
)
def test_feedback_never_moves_a_score(entries, energies):
    ratings = {sid: Rating(sid, 4, energy, 3) for sid, energy in energies.items()}
    journal = tuple(
        feedback(n + 1, body, *links, private=private)
        for n, (links, private, body) in enumerate(entries)
    )
    plain = WorkbookData(ratings=ratings)
    heard = dataclasses.replace(plain, journal=journal)
    assert fit.scores(heard, CONTENT) == fit.scores(plain, CONTENT)
    for entry in journal:
        if entry.links and counts(entry):
            for link in entry.links:
                assert entry.id in {v.entry_id for v in others_say(heard)[link[9:]]}
