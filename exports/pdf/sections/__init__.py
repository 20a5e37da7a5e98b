"""The plan's sections, in print order, and which ones an export includes.

Each section is a function `build(ctx) -> list[Flowable]` in its own module.
Everything is in by default except the journal (reflections, energy log,
feedback, check-ins), which is private: it is printed only when asked for,
by naming it in `sections` or with `include_private=True`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.platypus import Flowable

from exports.pdf.context import Context
from exports.pdf.sections import ai_plan, cover, edge, journal, plan, strengths, summary


@dataclass(frozen=True)
class Section:
    id: str
    title: str  # as in the outline and in an export dialog
    build: Callable[[Context], list[Flowable]]
    private: bool = False


SECTIONS: tuple[Section, ...] = (
    Section("cover", "Cover", cover.build),
    Section("summary", "Your plan at a glance", summary.build),
    Section("strengths", "Your strengths", strengths.build),
    Section("edge", "Your edge: which path fits", edge.build),
    Section("ai_plan", "Your AI plan", ai_plan.build),
    Section("goals", "Goals and actions", plan.goals),
    Section("milestones", "Milestones", plan.milestones),
    Section("support", "Support you are asking for", plan.support),
    Section("questions", "Questions for your career conversation", plan.questions),
    Section("journal", "Your journal (private)", journal.build, private=True),
)
SECTION_IDS = tuple(s.id for s in SECTIONS)
DEFAULT_SECTIONS = tuple(s.id for s in SECTIONS if not s.private)


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
