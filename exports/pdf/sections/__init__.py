"""The plan's sections, in print order, and which ones an export includes.

Each section is a function `build(ctx) -> list[Flowable]` in its own module, listed
with its title and note in `exports/sections.py` (which the command line reads
without loading reportlab).
Without a choice, the default reader's sections go in (`exports.readers`). The
journal is private: it is printed only when asked for, by naming it in
`sections` (its entries marked private stay out) or with `include_private=True`
(which prints those too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module

from reportlab.platypus import Flowable

from exports.pdf.context import Context
from exports.readers import DEFAULT_SECTIONS
from exports.sections import SECTION_IDS, SECTION_LIST, SectionInfo

__all__ = ["DEFAULT_SECTIONS", "SECTIONS", "SECTION_IDS", "Section", "choose"]


@dataclass(frozen=True)
class Section:
    id: str
    title: str  # as in the outline and in an export dialog
    build: Callable[[Context], list[Flowable]]
    private: bool = False
    note: str = ""  # under its checkbox on the Export page
    label: str = ""  # the checkbox's label


def _section(info: SectionInfo) -> Section:
    module, function = info.build.split(".")
    build = getattr(import_module(f"exports.pdf.sections.{module}"), function)
    return Section(info.id, info.title, build, info.private, info.note, info.label)


#: The list in `exports/sections.py`, each with its builder.
SECTIONS: tuple[Section, ...] = tuple(_section(info) for info in SECTION_LIST)


def choose(sections: Iterable[str] | None, include_private: bool) -> list[Section]:
    """The sections to print, in print order; unknown ids are refused."""
    wanted = set(DEFAULT_SECTIONS if sections is None else sections)
    unknown = sorted(wanted - set(SECTION_IDS))
    if unknown:
        raise ValueError(
            f"Unknown section(s): {', '.join(unknown)}. Choose from: {', '.join(SECTION_IDS)}."
        )
    if include_private:
        wanted |= {s.id for s in SECTIONS if s.private}
    return [s for s in SECTIONS if s.id in wanted]
