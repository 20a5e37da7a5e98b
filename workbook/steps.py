"""The steps of the journey, in order, with how complete each one is.

The UI builds its sidebar from STEPS; completion is computed here from the
stored answers so the command line and tests see the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from workbook.model import Completion, Profile
from workbook.queries import load_profile


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    summary: str


STEPS: tuple[Step, ...] = (
    Step("about", "About you", "Your role, your track and what you want from this."),
    Step("strengths", "Strengths", "What you are good at, what gives you energy, and your edge."),
    Step("edge", "Edge analysis", "Specialist, people manager or orchestrator: which fits you?"),
    Step("ai_plan", "AI plan", "What AI can take on, how you stay in charge, and where time goes."),
    Step("plan", "Development plan", "Goals, actions and questions for your career talk."),
    Step("export", "Export", "A PDF plan to share, and a file to move your workbook."),
)


def completion(db: Database, workbook_id: int, step_id: str) -> Completion | None:
    """How complete a step is, or None where the step has nothing to measure yet."""
    if step_id == "about":
        profile: Profile = load_profile(db, workbook_id)
        return Completion(profile.answered(), len(Profile.REQUIRED))
    return None
