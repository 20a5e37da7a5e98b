"""Right-to-left text in a left-to-right world: the Unicode bidi algorithm (UAX #9), one paragraph.

reportlab draws text left to right; its own bidi support needs `rlbidi`,
which is not on PyPI. This module does what a plan needs: the paragraph's
direction from its first strong letter (rule P2), each character's level
(weak types W1-W7, bracket pairs N0, neutrals N1-N2, then I1-I2), and the
visual order of one line (rules L1-L2). There are no explicit embeddings or
isolates, since `text.clean` removes those controls, so a paragraph is one
level run. Letters are then drawn run by run (`shaping`): a right-to-left run
is shaped with HarfBuzz in logical order and placed in visual order.

`tests/test_pdf_scripts_bidi.py` checks the visual order against python-bidi
(a development dependency, never imported here) on thousands of random strings.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache

MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))

#: At most this many brackets wait for their partner (UAX #9, BD16).
MAX_OPEN_BRACKETS = 63
#: Where Unicode has opening paired brackets (all below U+3040 or among the full-width forms).
_BRACKET_BLOCKS = ((0x0000, 0x303F), (0xFE00, 0xFF6F))
#: Canonically equivalent brackets pair with each other's partners (BD16).
_CANONICAL = {"\u2329": "\u3008", "\u232a": "\u3009"}


@lru_cache(maxsize=8192)
def _type(char: str) -> str:
    """L, R, AL, EN, AN, ES, CS, ET, NSM, or N for every neutral (B, S, WS, ON, BN)."""
    kind = unicodedata.bidirectional(char)
    if kind in ("L", "R", "AL", "EN", "AN", "NSM", "ET", "CS", "ES"):
        return kind
    return "N"


@cache
def brackets() -> dict[str, str]:
    """Each opening paired bracket (Bidi_Paired_Bracket_Type Open) and its closing partner.

    Python's `unicodedata` lacks the property, so it is derived: an opening
    punctuation mark (Ps) that is mirrored pairs with the character named like
    it with RIGHT for LEFT (or CLOSING for OPENING), else with the next code
    point (the Tibetan, Ogham and arc brackets). This gives the 64 pairs of
    Unicode's BidiBrackets.txt, including U+298D with U+2990.
    """
    pairs: dict[str, str] = {}
    for first, last in _BRACKET_BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            if unicodedata.category(char) != "Ps" or not unicodedata.mirrored(char):
                continue
            name = unicodedata.name(char)
            partner = None
            for opening, closing in (("LEFT", "RIGHT"), ("OPENING", "CLOSING")):
                if opening in name:
                    try:
                        partner = unicodedata.lookup(name.replace(opening, closing))
                        break
                    except KeyError:
                        pass
            pairs[char] = partner or chr(code + 1)
    return pairs


def base_level(text: str) -> int:
    """0 for a left-to-right paragraph, 1 when its first strong letter is right to left."""
    for char in text:
        kind = _type(char)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return 0


def _weak(types: list[str], sos: str) -> None:
    """Rules W1-W7, in place: numbers, separators and marks resolved."""
    n = len(types)
    # W1: a combining mark takes the type of the character before it.
    for i in range(n):
        if types[i] == "NSM":
            types[i] = types[i - 1] if i else sos
    # W2 / W3: a European number after an Arabic letter is an Arabic number; AL is R.
    last_strong = sos
    for i in range(n):
        t = types[i]
        if t in ("L", "R", "AL"):
            last_strong = t
            if t == "AL":
                types[i] = "R"
        elif t == "EN" and last_strong == "AL":
            types[i] = "AN"
    # W4: one separator between two numbers joins them; a plus or minus (ES) only
    # European numbers, a comma or colon (CS) either kind. Applied left to right.
    for i in range(1, n - 1):
        t, before, after = types[i], types[i - 1], types[i + 1]
        if before != after:
            continue
        if (t == "ES" and before == "EN") or (t == "CS" and before in ("EN", "AN")):
            types[i] = before
    # W5: terminators (%, $, #...) next to a European number become part of it.
    i = 0
    while i < n:
        if types[i] != "ET":
            i += 1
            continue
        j = i
        while j < n and types[j] == "ET":
            j += 1
        if (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
            types[i:j] = ["EN"] * (j - i)
        i = j
    # W6 / W7: leftover separators are neutral; a European number after L is L.
    last_strong = sos
    for i in range(n):
        t = types[i]
        if t in ("CS", "ES", "ET"):
            types[i] = "N"
        elif t in ("L", "R"):
            last_strong = t
        elif t == "EN" and last_strong == "L":
            types[i] = "L"


def _strong(t: str) -> str | None:
    """The direction a resolved type counts as next to neutrals: numbers count as R."""
    if t == "L":
        return "L"
    if t in ("R", "EN", "AN"):
        return "R"
    return None


def bracket_pairs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """Rule BD16: (opening, closing) positions of the paired brackets, by opening position.

    Only brackets still neutral after the weak rules count. A closing bracket
    pairs with the nearest unmatched opening one it fits, closing any left open
    inside; one that fits none is left alone. Past 63 waiting brackets, the search
    stops, keeping the pairs found so far.
    """
    table = brackets()
    waiting: list[tuple[str, int]] = []  # (closing bracket expected, opening position)
    pairs: list[tuple[int, int]] = []
    for i, char in enumerate(text):
        if types[i] != "N":
            continue
        if char in table:
            if len(waiting) == MAX_OPEN_BRACKETS:
                break
            closing = table[char]
            waiting.append((_CANONICAL.get(closing, closing), i))
            continue
        closing = _CANONICAL.get(char, char)
        for depth in range(len(waiting) - 1, -1, -1):
            if waiting[depth][0] == closing:
                pairs.append((waiting[depth][1], i))
                del waiting[depth:]
                break
    return sorted(pairs)


def _brackets_n0(text: str, types: list[str], original: list[str], sos: str) -> None:
    """Rule N0, in place: a bracket pair takes the direction of what it encloses.

    The pair takes the paragraph's direction when it encloses a letter of that
    direction; else, when it encloses only the other direction, it takes that one
    if the text before the opening bracket (or the paragraph's start) has it too.
    A pair enclosing no strong letter is left to N1. Combining marks after a
    bracket that changed follow it.
    """
    embedding = sos  # one level run: the paragraph's own direction
    for opening, closing in bracket_pairs(text, types):
        inside = {_strong(t) for t in types[opening + 1 : closing]} - {None}
        if not inside:
            continue
        if embedding in inside:
            direction = embedding
        else:
            before = sos
            for k in range(opening - 1, -1, -1):
                found = _strong(types[k])
                if found:
                    before = found
                    break
            direction = before if before != embedding else embedding
        for k in (opening, closing):
            types[k] = direction
            j = k + 1
            while j < len(types) and original[j] == "NSM":
                types[j] = direction
                j += 1


def levels(text: str, base: int) -> list[int]:
    """The embedding level of every character of one paragraph."""
    original = [_type(c) for c in text]
    types = list(original)
    n = len(types)
    sos = "R" if base else "L"
    _weak(types, sos)
    _brackets_n0(text, types, original, sos)
    # N1 / N2: neutrals between two like directions take it; others the paragraph's.
    i = 0
    while i < n:
        if types[i] != "N":
            i += 1
            continue
        j = i
        while j < n and types[j] == "N":
            j += 1
        before = sos if i == 0 else _strong(types[i - 1])
        after = sos if j == n else _strong(types[j])
        resolved = before if before == after else sos
        types[i:j] = [resolved] * (j - i)  # type: ignore[list-item]
        i = j
    # I1 / I2
    if base == 0:
        return [0 if t == "L" else 1 if t == "R" else 2 for t in types]
    return [2 if t in ("L", "EN", "AN") else 1 for t in types]


def visual_order(line_levels: list[int], line_text: str, base: int) -> list[int]:
    """Indices of one line's characters (0-based within the line) in the order they are drawn."""
    n = len(line_levels)
    work = list(line_levels)
    # L1: trailing whitespace goes back to the paragraph's level.
    k = n - 1
    while k >= 0 and line_text[k].isspace():
        work[k] = base
        k -= 1
    order = list(range(n))
    if not work:
        return order
    highest = max(work)
    lowest_odd = min((v for v in work if v % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < n:
            if work[order[i]] >= level:
                j = i
                while j < n and work[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
