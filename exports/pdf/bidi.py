"""Right-to-left text in a left-to-right world: a small part of the Unicode bidi algorithm.

reportlab draws text left to right; its own bidi support needs `rlbidi`,
which is not on PyPI. This module does what a plan needs: the paragraph's
direction from its first strong letter (rule P2), each character's level
(weak and neutral types resolved in a simplified W1-W7, N1-N2, I1-I2; no
explicit embeddings, since `text.clean` removes those controls), and the
visual order of one line (rules L1-L2). Letters are then drawn run by run:
a right-to-left run is handed to HarfBuzz in logical order, which joins and
mirrors the letters and returns them in visual order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))


@lru_cache(maxsize=8192)
def _type(char: str) -> str:
    """L (left to right), R (right to left), EN / AN (numbers), NSM, ET, CS, or N (neutral)."""
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R" if kind == "R" else "AL"
    if kind in ("L", "EN", "AN", "NSM", "ET", "CS", "ES"):
        return kind
    return "N"


def base_level(text: str) -> int:
    """0 for a left-to-right paragraph, 1 when its first strong letter is right to left."""
    for char in text:
        kind = _type(char)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return 0


def levels(text: str, base: int) -> list[int]:
    """The embedding level of every character of one paragraph."""
    types = [_type(c) for c in text]
    n = len(types)
    sos = "R" if base else "L"
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
    # W4 / W5: separators between numbers and terminators next to them join the number.
    for i in range(1, n - 1):
        if (
            types[i] in ("CS", "ES")
            and types[i - 1] == types[i + 1]
            and types[i - 1] in ("EN", "AN")
        ):
            types[i] = types[i - 1]
    for i in range(n):
        if types[i] == "ET":
            j = i
            while j < n and types[j] == "ET":
                j += 1
            near = (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN")
            for k in range(i, j):
                types[k] = "EN" if near else "N"
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
    # N1 / N2: neutrals between two like directions take it; others the paragraph's.
    i = 0
    while i < n:
        if types[i] != "N":
            i += 1
            continue
        j = i
        while j < n and types[j] == "N":
            j += 1
        before = sos if i == 0 else ("R" if types[i - 1] in ("R", "EN", "AN") else "L")
        after = sos if j == n else ("R" if types[j] in ("R", "EN", "AN") else "L")
        resolved = before if before == after else sos
        for k in range(i, j):
            types[k] = resolved
        i = j
    # I1 / I2
    result = []
    for t in types:
        if base == 0:
            result.append(0 if t == "L" else 1 if t == "R" else 2)
        else:
            result.append(1 if t == "R" else 2)
    return result


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
