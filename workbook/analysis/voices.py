"""What others say: feedback the person noted, tagged with the strengths it speaks to.

Only feedback counts (a journal entry of kind "feedback"), only when it is not private
(a private entry stays the person's own, out of results and exports alike), only when it
has words, and only for the strengths it is tagged with ("strength:<id>" links).
Untagged feedback counts for nothing: the workbook does not guess what someone meant.
What others say backs a signature strength as an example of one's own does
(`workbook.analysis.strengths`) and is named in the edge statement
(`workbook.analysis.fit`); it never moves a score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbook.data import JournalEntry, WorkbookData

#: The longest quote shown, in characters: a line or two in the PDF.
QUOTE_LENGTH = 140
_QUOTED = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
_SENTENCE = re.compile(r"(.+?[.!?])(\s|$)", re.DOTALL)


@dataclass(frozen=True)
class Voice:
    """One piece of feedback as it backs a strength."""

    entry_id: int
    source: str  # who said it, as the person wrote it ("" if they did not say)
    quote: str  # what they said, shortened to a line or two
    entry_date: str

    @property
    def who(self) -> str:
        return self.source.strip() or "someone"


def quote(body: str, limit: int = QUOTE_LENGTH) -> str:
    """What someone said, short: the first passage in quotation marks if the note holds
    one (the person's summary around it left out), else its first sentence; cut at a word
    with "…" past `limit` characters."""
    text = " ".join(body.split())
    found = _QUOTED.search(text)
    if found:
        text = found.group(1).strip()
    else:
        sentence = _SENTENCE.match(text)
        text = sentence.group(1) if sentence else text
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def counts(entry: JournalEntry) -> bool:
    """Whether a journal entry can speak for a strength: shared feedback with words."""
    return entry.kind == "feedback" and not entry.private and bool(entry.body.strip())


def others_say(data: WorkbookData) -> dict[str, tuple[Voice, ...]]:
    """For each strength some feedback is tagged with, what others say, oldest first."""
    found: dict[str, list[Voice]] = {}
    for entry in sorted(data.journal, key=lambda e: (e.entry_date, e.id)):
        if not counts(entry):
            continue
        voice = Voice(entry.id, entry.source, quote(entry.body), entry.entry_date)
        for link in dict.fromkeys(entry.links):
            kind, _, strength_id = link.partition(":")
            if kind == "strength" and strength_id:
                found.setdefault(strength_id, []).append(voice)
    return {sid: tuple(voices) for sid, voices in found.items()}


def tagged_feedback(data: WorkbookData) -> tuple[tuple[int, tuple[str, ...], str, str], ...]:
    """What of the journal what others say reads: for a page to tell whether it changed."""
    return tuple((e.id, e.links, e.source, e.body) for e in data.journal if counts(e) and e.links)


def who_says(voices: tuple[Voice, ...]) -> str:
    """Who said so, in words: "Karim, my manager", or "2 people (Karim; Lina)"."""
    names = list(dict.fromkeys(v.who for v in voices))
    if len(names) == 1:
        return names[0]
    return f"{len(names)} people ({'; '.join(names)})"
