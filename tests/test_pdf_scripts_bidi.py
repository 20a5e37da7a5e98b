"""The PDF's bidi algorithm (`exports.pdf.bidi`) against python-bidi, the reference.

python-bidi is a development dependency only: the app never imports it. Its
`get_display` gives a line's characters in visual order without mirroring,
which is what `bidi.visual_order` gives as indices. Random strings mix the
character types that matter (Latin, Hebrew and Arabic letters, the three kinds
of digits, separators, terminators, combining marks, spaces and brackets,
paired and not), seeded so a failure can be replayed. No explicit embeddings
or isolates: `text.clean` removes those before layout.
"""

from __future__ import annotations

import random
import unicodedata

import pytest

from exports.pdf import bidi

get_display = pytest.importorskip("bidi").get_display

#: Character classes and how often each is drawn.
ALPHABET = (
    ("abcXYZ", 6),  # L
    ("אבגדהשלום", 5),  # R
    ("مرحباكت", 5),  # AL
    ("0123456789", 4),  # EN
    ("٠١٢٣٤", 2),  # AN (Arabic-Indic digits)
    ("۰۱۲", 1),  # EN (extended Arabic-Indic digits, European numbers after all)
    ("+-", 1),  # ES
    (",.:/\u060c", 2),  # CS (the Arabic comma too)
    ("#$%°\u066a", 1),  # ET
    ("\u05b4\u05bc\u064b\u0650\u0301", 1),  # NSM
    ("  ", 4),  # WS
    ("!?\"'*;=&@", 2),  # ON
    ("()[]{}", 6),  # paired brackets
    ("⟨⟩（）［］〈〉\u2329\u232a⦍⦐⦏⦎", 2),  # more pairs, canonical equivalents, odd partners
    ("«»<>", 2),  # mirrored but not paired
)
CHARS = "".join(chars for chars, _ in ALPHABET)
WEIGHTS = [weight / len(chars) for chars, weight in ALPHABET for _ in chars]


def ours(value: str) -> str:
    base = bidi.base_level(value)
    order = bidi.visual_order(bidi.levels(value, base), value, base)
    return "".join(value[i] for i in order)


def random_strings(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(CHARS, WEIGHTS, k=rng.randint(1, 40))) for _ in range(count)]


def test_the_issues_example_keeps_its_brackets_round_the_hebrew():
    assert ours("Goal (קידום) 2025") == "Goal (םודיק) 2025"
    assert ours("Goal (קידום) 2025") == get_display("Goal (קידום) 2025")


@pytest.mark.parametrize(
    "value",
    [
        "אב (גד) הו",  # brackets in a right-to-left paragraph
        "ab (אב) cd",  # right to left inside, left to right around
        "אב (cd) הו",  # left to right inside, right to left around
        "a (b [א] c) d",  # nested
        "א (b] c) ד",  # a closing bracket that fits nothing is left alone
        "a \u2329א\u3009 b",  # canonically equivalent partners pair
        "א (\u0301b) ג",  # a combining mark after a bracket follows it
        "מחיר (12%) שקל",  # numbers count as right to left inside brackets
        "abc (123 אבג) def",
        "١٢+٣٤ אב",  # a plus between Arabic numbers stays neutral (W4)
        "۱۲۳ abc",  # extended Arabic-Indic digits are European numbers
    ],
)
def test_hand_picked_cases_match_the_reference(value):
    assert ours(value) == get_display(value)


def test_every_opening_bracket_pairs_as_the_reference_pairs_it():
    pairs = bidi.brackets()
    assert len(pairs) == 64
    assert pairs["["] == "]" and pairs["\u298d"] == "\u2990" and pairs["\u298f"] == "\u298e"
    for opening, closing in pairs.items():
        value = f"א {opening}b{closing} ג"
        assert ours(value) == get_display(value), hex(ord(opening))


def test_no_opening_bracket_lies_outside_the_blocks_searched():
    # `brackets()` searches two blocks only, to stay quick; this holds it to that.
    inside = {chr(code) for first, last in bidi._BRACKET_BLOCKS for code in range(first, last + 1)}
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Ps" and unicodedata.mirrored(char):
            assert char in inside, hex(code)


@pytest.mark.parametrize("seed", range(4))
def test_thousands_of_random_mixed_strings_match_the_reference(seed):
    failures = [
        (value, ours(value), get_display(value))
        for value in random_strings(seed, 2500)
        if ours(value) != get_display(value)
    ]
    assert not failures, failures[:5]


def test_deeply_nested_brackets_stop_pairing_at_63_as_the_reference_does():
    value = "א " + "(" * 70 + "b" + ")" * 70 + " ג"
    assert ours(value) == get_display(value)
