"""The PDF plan's sections as a list, in print order: what each is and what it holds.

Each entry names its builder (`module.function` in `exports/pdf/sections/`), its title
in the PDF's outline, the note the Export page shows under its checkbox, and whether it
is private (left out unless asked for). The Export page and the command line's help are
made from this list, which imports nothing heavy: `career-workbook --help` and the
window's start never load reportlab for it.
"""

from __future__ import annotations


class SectionInfo:
    """One section: `id`, `title` (as in the PDF's outline), `note` (one line under its
    checkbox on the Export page), `build` ("module.function" in exports/pdf/sections/),
    `private` and `label` (the checkbox's, where it should say more than the title)."""

    # A plain class, not a NamedTuple or dataclass: this module is read at every start.
    __slots__ = ("build", "id", "label", "note", "private", "title")

    def __init__(
        self, id: str, title: str, note: str, build: str, private: bool = False, label: str = ""
    ) -> None:
        self.id, self.title, self.note, self.build = id, title, note, build
        self.private, self.label = private, label or title


SECTION_LIST: tuple[SectionInfo, ...] = (
    SectionInfo(
        "cover", "Cover", "Your name, role, today's date and what you want.", "cover.build"
    ),
    SectionInfo(
        "summary",
        "Your plan at a glance",
        "One page: strengths, path, hours freed, top goals.",
        "summary.build",
    ),
    SectionInfo(
        "strengths",
        "Your strengths",
        "A chart of your ratings and your best examples.",
        "strengths.build",
    ),
    SectionInfo(
        "edge",
        "Your edge: which path fits",
        "Each path's fit and why, your futures, your edge.",
        "edge.build",
    ),
    SectionInfo(
        "ai_plan",
        "Your AI plan",
        "Your tasks, AI's share, how you check it, hours freed.",
        "ai_plan.build",
    ),
    SectionInfo(
        "goals",
        "Goals and actions",
        "Your goals with their actions, dates and status.",
        "plan.goals",
    ),
    SectionInfo(
        "milestones",
        "Milestones",
        "What you aim to have done at 30, 60 and 90 days.",
        "plan.milestones",
    ),
    SectionInfo(
        "support",
        "Support you are asking for",
        "What you ask of your manager, HR or a mentor.",
        "plan.support",
    ),
    SectionInfo(
        "questions",
        "Questions for your career conversation",
        "What you want to raise in the conversation.",
        "plan.questions",
    ),
    SectionInfo(
        "journal",
        "Your journal (private)",
        "Feedback and check-ins; never entries marked private.",
        "journal.build",
        private=True,
        label="Journal: the entries you did not mark private",
    ),
)
SECTION_IDS = tuple(s.id for s in SECTION_LIST)
DEFAULT_SECTIONS = tuple(s.id for s in SECTION_LIST if not s.private)


def sections_help() -> str:
    """What `export-pdf --sections` accepts, for the command line's help."""
    left_out = [s.id for s in SECTION_LIST if s.private]
    default = f"all but {', '.join(left_out)}" if left_out else "all"
    return f"comma-separated sections, in any order: {', '.join(SECTION_IDS)} (default: {default})"
