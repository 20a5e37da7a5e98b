"""Who a PDF is for: the manager, a coach, or the person themselves.

A reader chooses which sections go in by default (printed in the one order of
`exports.sections.SECTION_LIST`, which reads well for every reader), what the
footer says and the one sentence the Export page shows before exporting. The
person's own section choices still apply on top: a reader is a starting set,
never a lock. Like `exports.sections`, this imports nothing heavy.
"""

from __future__ import annotations

from typing import NamedTuple

from exports.sections import SECTION_IDS


class Reader(NamedTuple):
    id: str
    label: str  # as the Export page and `--for` name it
    sections: tuple[str, ...]  # the ones it starts from
    footer: str  # what the footer says beside the person's name and the date
    sentence: str  # what this version holds, said before exporting
    #: Whether sections add what only the person or a coach needs: the workbook's own
    #: reading of the answers, what each path usually holds, the balance of actions.
    detail: bool = True


READERS: dict[str, Reader] = {
    r.id: r
    for r in (
        Reader(
            "manager",
            "My manager",
            (
                "brief",
                "support",
                "goals",
                "milestones",
                "strengths",
                "edge",
                "ai_plan",
            ),
            "Shared in confidence",
            "For your manager: a first page to act on in five minutes, then what you ask, "
            "your goals and milestones, your signature strengths with their evidence and "
            "what others say, your three futures and your AI plan in short. No ratings "
            "tables, no analysis detail and no journal unless you tick them.",
            detail=False,
        ),
        Reader(
            "coach",
            "My coach",
            SECTION_IDS,  # everything, the journal's shared entries too
            "For coaching, in confidence",
            "For your coach: everything, the analysis detail included, with the journal "
            "entries you did not mark private. Private entries go in only if you ask.",
        ),
        Reader(
            "me",
            "Me",
            SECTION_IDS,  # everything, the journal's shared entries too
            "My own copy",
            "For yourself: every part of your workbook you tick, with the journal entries "
            "you did not mark private. Private entries go in only if you ask.",
        ),
    )
}
DEFAULT_READER = "manager"
#: The sections an export holds when nobody chose: the default reader's.
DEFAULT_SECTIONS = READERS[DEFAULT_READER].sections

# A reader may only name sections that exist: caught at import, not in a user's export.
for _reader in READERS.values():
    _unknown = set(_reader.sections) - set(SECTION_IDS)
    if _unknown:
        raise ValueError(f"Reader {_reader.id} names unknown sections: {sorted(_unknown)}")


def reader(reader_id: str | None) -> Reader:
    """The reader with this id (the manager when None); an unknown id is refused plainly."""
    found = READERS.get(reader_id or DEFAULT_READER)
    if found is None:
        raise ValueError(f"Unknown reader {reader_id!r}. Choose from: {', '.join(READERS)}.")
    return found


def sections_for(reader_id: str | None, named: list[str] | None) -> tuple[str, ...] | None:
    """The sections a command asks for: None (the reader's own) when none are named; the
    reader's own with changes when every name starts with + or - ("+ratings,-questions");
    else exactly the named ones."""
    if not named:
        return None
    if not all(name[:1] in "+-" and len(name) > 1 for name in named):
        if any(name[:1] in "+-" for name in named):
            raise ValueError(
                "Either name the sections you want, or change the reader's own with + and - "
                "before every name (for example +ratings,-questions), not both."
            )
        return tuple(named)
    chosen = list(reader(reader_id).sections)
    for name in named:
        section = name[1:]
        if section not in SECTION_IDS:
            raise ValueError(f"Unknown section {section!r}. Choose from: {', '.join(SECTION_IDS)}.")
        if name[0] == "+" and section not in chosen:
            chosen.append(section)
        elif name[0] == "-" and section in chosen:
            chosen.remove(section)
    return tuple(chosen)


def readers_help() -> str:
    """What `export-pdf --for` accepts, for the command line's help."""
    return (
        "who the PDF is for: "
        + ", ".join(f"{r.id} ({r.label.lower()})" for r in READERS.values())
        + f"; each starts from its own sections (default: {DEFAULT_READER})"
    )
