"""The steps of the journey, in order, with how complete each one is.

The UI builds its sidebar from STEPS; completion is computed here from the
stored answers so the command line and tests see the same figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.model import Completion


class Step(NamedTuple):
    # A NamedTuple rather than a dataclass: the window's frame needs STEPS before its
    # first paint, and importing dataclasses (with the model) would delay it.
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


#: The steps whose completion is counted against the content files (loading them
#: takes ~12 ms; the window fills these in once the first workbook is on screen). The AI
#: plan's tasks are compared with the task library's suggestions.
NEEDS_CONTENT = frozenset({"strengths", "edge", "ai_plan"})


def progress_words(done: Completion | None) -> str:
    """How far a step is, in the words the step list shows ("" for a step with nothing
    to complete, such as Export)."""
    if done is None:
        return ""
    if done.complete:
        return "✓ Complete"
    if done.done == 0:
        return "Not started"
    return f"{done.done} of {done.total} {done.unit}"


def _count(db: Database, sql: str, workbook_id: int) -> int:
    return db.execute(sql, [workbook_id]).fetchone()[0]


def completion(db: Database, workbook_id: int, step_id: str) -> Completion | None:
    """How complete a step is, or None where the step has nothing to measure."""
    from workbook.model import Completion, Profile
    from workbook.queries import load_profile

    if step_id == "about":
        profile = load_profile(db, workbook_id)
        return Completion(profile.answered(), len(Profile.REQUIRED))
    if step_id == "strengths":
        from workbook.content import load_content

        catalogue = load_content().strengths
        rated = _count(
            db,
            "SELECT count(*) FROM strength_ratings WHERE workbook_id = ? AND energy IS NOT NULL "
            "AND edge IS NOT NULL AND (proficiency IS NOT NULL OR rank IS NOT NULL) "
            "AND strength_id NOT LIKE 'custom%'",
            workbook_id,
        )
        return Completion(min(rated, len(catalogue)), len(catalogue), "rated")
    if step_id == "edge":
        from workbook.content import load_content

        content = load_content()
        answered = _count(
            db,
            "SELECT count(*) FROM preference_answers WHERE workbook_id = ? "
            "AND agreement IS NOT NULL",
            workbook_id,
        )
        answered += _count(
            db,
            "SELECT count(*) FROM context_answers WHERE workbook_id = ? AND answer != ''",
            workbook_id,
        )
        answered += _count(
            db, "SELECT count(*) FROM futures WHERE workbook_id = ? AND title != ''", workbook_id
        )
        # What matters to you counts once, when the values are in an order.
        answered += _count(
            db,
            "SELECT count(*) > 0 FROM value_ranks WHERE workbook_id = ? AND rank IS NOT NULL",
            workbook_id,
        )
        total = len(content.preferences) + len(content.context) + len(content.paths) + 1
        return Completion(min(answered, total), total)
    if step_id == "ai_plan":
        from workbook.analysis.ai_plan import is_suggestion, plan_parts
        from workbook.content import load_content
        from workbook.data import load_tasks

        tasks = load_tasks(db, workbook_id)
        content = load_content() if any(t.library_task_id for t in tasks) else None
        suggested = {t.id for t in tasks if content and is_suggestion(t, content)}
        placed = _count(db, "SELECT count(*) FROM reinvestments WHERE workbook_id = ?", workbook_id)
        parts = plan_parts(tasks, suggested, placed)
        return Completion(sum(parts), len(parts), "done")
    if step_id == "plan":
        goals = _count(db, "SELECT count(*) FROM goals WHERE workbook_id = ?", workbook_id)
        specific = _count(
            db,
            "SELECT count(*) FROM goals WHERE workbook_id = ? AND measure != '' "
            "AND target_date IS NOT NULL",
            workbook_id,
        )
        acted = _count(
            db,
            "SELECT count(DISTINCT g.id) FROM goals g JOIN actions a ON a.goal_id = g.id "
            "WHERE g.workbook_id = ?",
            workbook_id,
        )
        parts = [
            goals > 0 and specific == goals,
            goals > 0 and acted == goals,
            _count(db, "SELECT count(*) FROM milestones WHERE workbook_id = ?", workbook_id) > 0,
            _count(db, "SELECT count(*) FROM support_requests WHERE workbook_id = ?", workbook_id)
            > 0,
            _count(
                db, "SELECT count(*) FROM conversation_questions WHERE workbook_id = ?", workbook_id
            )
            > 0,
        ]
        return Completion(sum(parts), len(parts), "done")
    return None
