"""The words the edge-analysis page shows, as plain functions with no Qt.

Everything the page says about a fit result (the ranking, a tie, the flip,
confidence, how the contributions add up) and the gentle hints next to the
futures are decided here, so tests can check the wording without building
a widget and the widgets stay thin. The voice is the coach's: both paths
are valid, a number is a starting point, nobody is told what to become.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from workbook.analysis.fit import (
    AGREEMENT_WORDS,
    Contribution,
    FitResult,
    FitScores,
    PathFit,
    fit_words,
    value_place_words,
    whole,
)
from workbook.content.catalogue import Content
from workbook.data import WorkbookData

MINUS = "\u2212"  # a real minus sign lines up with the plus in tables

# The four gauges of a future, in the order shown: (field, label, question).
GAUGES: tuple[tuple[str, str, str], ...] = (
    (
        "resources",
        "Resources",
        "Do you have, or could you find, the time, money, skills and people this future needs?",
    ),
    ("liking", "How much you like it", "How much does this future draw you in?"),
    ("confidence", "Confidence", "How sure are you that you could make this future happen?"),
    (
        "coherence",
        "Coherence with your values",
        "How well does this future fit what matters to you and who you want to be?",
    ),
)

TITLE_WORDS = 6


def signed(points: float) -> str:
    """A signed number of points: "+4.1", "−0.7" (a real minus sign), "0.0"."""
    tenths = round(points * 10)
    if tenths > 0:
        return f"+{tenths / 10:.1f}"
    if tenths < 0:
        return f"{MINUS}{-tenths / 10:.1f}"
    return "0.0"


def spoken(points: float) -> str:
    """The same for a screen reader: "raises it by 4.1"."""
    tenths = round(points * 10)
    if tenths < 0:
        return f"lowers it by {-tenths / 10:.1f}"
    return f"raises it by {tenths / 10:.1f}"


def score_text(score: float) -> str:
    return f"{score:.1f}"


def horizon_phrase(years: int | None) -> str:
    if years is None:
        return "in a few years"
    return "in a year" if years == 1 else f"in {years} years"


# ---- the futures ------------------------------------------------------------------------------

_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


def _written_without_spaces(text: str) -> bool:
    """True for scripts that do not separate words with spaces (Japanese, Chinese, Thai…)."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name.startswith(_UNSPACED_SCRIPTS):
                return True
    return False


def title_hint(title: str) -> str:
    """A gentle word count under a future's title; empty when there is nothing to say."""
    text = title.strip()
    if not text:
        return "Six words, for example: “Principal analyst for churn and forecasting”."
    if _written_without_spaces(text) and len(text.split()) < TITLE_WORDS:
        return "A short line is enough: about as much as six words would say."
    count = len(text.split())
    if count == TITLE_WORDS:
        return "Six words. ✓"
    word = "word" if count == 1 else "words"
    if count < TITLE_WORDS:
        return (
            f"{count} {word} so far. Six words are enough to say what this future is, "
            "and few enough to remember."
        )
    return (
        f"{count} {word}. Try keeping it to six: a short title is easier to remember and "
        "to say out loud."
    )


# ---- the result ---------------------------------------------------------------------------------


def nothing_yet(result: FitScores | FitResult) -> bool:
    """True when no answer counts yet: every path is still at its starting 50."""
    return all(c.source == "baseline" for p in result.paths for c in p.contributions)


def short_name(content: Content, path_id: str) -> str:
    return content.paths[path_id].short_name


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def fit_text(score: float) -> str:
    """A score as a person reads it: words first, the number beside them."""
    return f"{fit_words(score)} ({whole(score)})"


#: The scores line until something on this step is answered.
SCORES_INVITATION = (
    "Answer a few statements below and each path's fit shows here, with your strengths counted in."
)


def edge_answered(data: WorkbookData) -> bool:
    """Whether anything on this step that the fit reads is answered: a statement, the
    order of what matters to you, or a question about your situation."""
    return (
        any(agreement is not None for agreement in data.preferences.values())
        or bool(data.values)
        or any(answer for answer in data.context.values())
    )


def scores_line(result: FitScores | FitResult, content: Content, answered: bool = True) -> str:
    """One line for the top of the page: every path in words and score, best first; an
    invitation until something on the step is `answered` (scores from the strengths alone,
    before a single statement, read as a verdict on a question not yet asked)."""
    if nothing_yet(result):
        return "Every path starts at 50 until your answers move it."
    if not answered:
        return SCORES_INVITATION
    parts = [
        f"{short_name(content, pid)}, {fit_text(result.by_id(pid).score)}" for pid in result.ranking
    ]
    return "Path fit right now: " + " · ".join(parts)


def ranking_sentence(result: FitResult, content: Content) -> str:
    """Where the answers point, ties said in words."""
    if nothing_yet(result):
        return (
            "Every path starts at 50. As you rate your strengths and answer the statements, "
            "the scores move, and you will see which answers moved them."
        )
    if result.close_call:
        close = [
            f"{short_name(content, pid)} ({whole(result.by_id(pid).score)})"
            for pid in result.contenders
        ]
        every = "All three paths are" if len(close) == len(result.paths) else _join(close) + " are"
        sentence = (
            f"Too close to call: {every} within one step of one answer of each other. That "
            "is information, not a problem: what would separate them is below, and the "
            "futures you write may show you which one you lean towards."
        )
        if result.workplace_tip:
            sentence += " " + result.workplace_tip
        return sentence
    first, *others = result.ranking
    then = ", then ".join(
        f"{short_name(content, pid)}, {fit_text(result.by_id(pid).score)}" for pid in others
    )
    return (
        f"Closest fit right now: {short_name(content, first)}, "
        f"{fit_text(result.by_id(first).score)}; then {then}. Every path is a sound "
        "way forward; the score says which one your answers lean towards today."
    )


def flip_sentence(result: FitResult, content: Content) -> str:
    """What would change the result: the smallest single change, or why there is none."""
    if nothing_yet(result):
        return "Once a few answers are in, this shows the smallest change that would reorder them."
    flip = result.flip
    if flip is None:
        return result.flip_reason
    winner = short_name(content, flip.path)
    runner_up = max(
        (pid for pid in flip.new_scores if pid != flip.path), key=lambda pid: flip.new_scores[pid]
    )
    change = flip.change[:1].upper() + flip.change[1:]
    return (
        f"{change} would put {winner} on top: {score_text(flip.new_scores[flip.path])} "
        f"against {score_text(flip.new_scores[runner_up])} for "
        f"{short_name(content, runner_up)}. If that answer feels closer to the truth, change "
        "it; if not, the result stands."
    )


ANSWERED_WORDS = {
    "low": "Much of it is not answered yet, so the score may still move a lot.",
    "medium": "More ratings and examples will firm it up.",
    "high": "The score rests mostly on your own answers.",
}


def answered_sentence(fit: PathFit) -> str:
    """How much of what a path counts is answered (not how sure the result is)."""
    return (
        f"How much of this is answered: {fit.confidence}% of what this path counts. "
        + ANSWERED_WORDS.get(fit.confidence_label, "")
    )


def workplace_lines(result: FitResult, content: Content) -> str:
    """What the answers about the workplace say for each path: beside the fit, not in it."""
    if not result.workplace:
        return (
            "Nothing yet: answer the questions under Your situation to see how the place you "
            "work bears on each path. They never change your scores."
        )
    lines = [
        f"• {short_name(content, n.path)}: "
        + ("helps" if n.leans > 0 else "holds it back")
        + f". {n.why}"
        for n in result.workplace
    ]
    return "\n".join(lines)


def ordered(fit: PathFit) -> list[Contribution]:
    """A path's answers that moved it, largest raise first, largest drop last."""
    moved = [c for c in fit.contributions if c.source != "baseline"]
    return sorted(moved, key=lambda c: -c.points)


def _tenths(points: float) -> int:
    return round(points * 10)


@dataclass(frozen=True)
class Sum:
    start: int  # tenths
    raised: int
    lowered: int  # a positive number of tenths
    score: int

    def sentence(self) -> str:
        return (
            f"{self.start / 10:.1f} to start, +{self.raised / 10:.1f} from answers that raised "
            f"it, {MINUS}{self.lowered / 10:.1f} from answers that lowered it: "
            f"{self.score / 10:.1f} of 100."
        )


def sum_of(fit: PathFit) -> Sum:
    """How the contributions add up to the score, in exact tenths."""
    start = sum(_tenths(c.points) for c in fit.contributions if c.source == "baseline")
    raised = sum(_tenths(c.points) for c in ordered(fit) if c.points > 0)
    lowered = -sum(_tenths(c.points) for c in ordered(fit) if c.points < 0)
    return Sum(start, raised, lowered, _tenths(fit.score))


def chart_label(
    contribution: Contribution, content: Content, data: WorkbookData
) -> tuple[str, str]:
    """A contribution's name for the chart, split as (what, the answer given).

    The chart elides the first part when space is short and always keeps the second.
    """
    item = contribution.item or ""
    if contribution.source == "strength":
        strength = content.strengths.get(item)
        rating = data.ratings.get(item)
        if strength is not None:
            return strength.name, ""
        return (rating.custom_name if rating and rating.custom_name else item), ""
    if contribution.source == "preference":
        preference = content.preferences.get(item)
        statement = preference.statement if preference else contribution.label
        return statement, AGREEMENT_WORDS.get(data.preferences.get(item), "not answered")
    if contribution.source == "value":
        value = content.values.get(item)
        name = f"What matters to you: {value.name}" if value else contribution.label
        return name, value_place_words(data, item)
    question = content.context.get(item)
    if question is None:
        return contribution.label, ""
    answer = data.context.get(item, "")
    if question.kind == "choice":
        return question.text, dict(question.options).get(answer, answer)
    return question.text, "you answered"


def why_text(contribution: Contribution) -> str:
    if contribution.source == "baseline":
        return "Every path starts at 50, the middle; your answers move it up or down from there."
    return contribution.why


def edge_in_use(own: str) -> str:
    """Which edge statement the plan uses."""
    if own.strip():
        return "Your plan uses your own words."
    return "Your own box is empty, so your plan uses the suggestion."
