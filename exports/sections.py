"""The PDF plan's sections as a list: what each is and what it holds.

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
        "brief",
        "For our conversation",
        "Page 1: the decision, you at your best, where you lean, what you ask, the next "
        "90 days and AI in one line.",
        "brief.build",
    ),
    SectionInfo(
        "about",
        "About me",
        "Your role, experience, how far ahead you look and what you want from this.",
        "about.build",
    ),
    SectionInfo(
        "support",
        "What I ask",
        "What you ask of your manager, HR or a mentor, and by when.",
        "plan.support",
    ),
    SectionInfo(
        "goals",
        "Goals and actions",
        "Your goals with their measure, actions, dates and status.",
        "plan.goals",
    ),
    SectionInfo(
        "milestones",
        "Milestones",
        "What you aim to have done at 30, 60 and 90 days, with their dates.",
        "plan.milestones",
    ),
    SectionInfo(
        "strengths",
        "At my best",
        "Your signature strengths, each with its example and what others say.",
        "strengths.signature",
    ),
    SectionInfo(
        "strengths_more",
        "More about my strengths",
        "Strengths to use more, drains and every other example you gave.",
        "strengths.more",
    ),
    SectionInfo(
        "ratings",
        "My ratings",
        "A chart of every strength you rated: skill, energy and edge over peers.",
        "strengths.ratings",
    ),
    SectionInfo(
        "edge",
        "Where I lean",
        "Your edge statement, the three paths in short, and your three futures.",
        "edge.lean",
    ),
    SectionInfo(
        "analysis",
        "How the fit was worked out",
        "Every answer behind each path's score, what would change it, questions to think about.",
        "edge.analysis",
    ),
    SectionInfo(
        "ai_plan",
        "My AI plan",
        "Hours AI can free after checking its work, where they go, each task in a line.",
        "ai_plan.summary",
    ),
    SectionInfo(
        "ai_tasks",
        "My AI plan in detail",
        "Every task with its tool, check, what you keep and its risks; the skills it needs.",
        "ai_plan.detail",
    ),
    SectionInfo(
        "questions",
        "Questions for our conversation",
        "What you want to raise in the conversation.",
        "plan.questions",
    ),
    SectionInfo(
        "journal",
        "My journal",
        "Feedback and check-ins; never entries marked private.",
        "journal.build",
        private=True,
        label="Journal: the entries you did not mark private",
    ),
)
SECTION_IDS = tuple(s.id for s in SECTION_LIST)


def sections_help() -> str:
    """What `export-pdf --sections` accepts, for the command line's help."""
    return (
        f"comma-separated sections, in any order: {', '.join(SECTION_IDS)} "
        "(default: the reader's own, see --for); with + or - before each name, the "
        "reader's own with those added or taken out, for example +ratings,-questions"
    )
