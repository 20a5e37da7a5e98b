"""Answers that pull against each other, as kind questions to think about.

Each rule compares two of a person's answers (a strength's energy and a statement on the
same theme, two statements, a future's two gauges, a rating and the examples behind it,
...) and, from its threshold, asks a question that names both answers and wonders what
lies between them. Nothing here is an error: people hold answers like these, and the gap
is often where a coach would start. Which rules ask, in what order, from what threshold,
and about which pairs is content (`resources/content/contradictions.toml`); each rule,
its threshold and why a coach asks it are in `docs/contradictions.md`.

Order. Within a rule, the answers furthest apart come first (then the content's order);
across rules, the first question of every rule comes before the second of any, in the
file's order of rules, so the few shown first (`SHOWN`) are of different kinds. The same
answers always give the same questions in the same order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbook.content.catalogue import Content
from workbook.data import Rating, WorkbookData

#: How many questions a page or the PDF shows before "more"; the summary lists them all.
SHOWN = 3

#: The rules that read the Strengths step alone: its results show these too.
STRENGTH_ONLY = frozenset({"best_without_skill", "top_skill_without_example", "best_at_many"})

ENERGY = {
    1: "it drains you",
    2: "it tires you",
    3: "it neither drains nor lifts you",
    4: "you look forward to it",
    5: "it energises you",
}
AGREE = {
    1: "strongly disagree with",
    2: "disagree with",
    3: "neither agree nor disagree with",
    4: "agree with",
    5: "strongly agree with",
}
SKILL = {
    1: "you are learning the basics",
    2: "you do it on your own in familiar situations",
    3: "others on your team ask you for help with it",
    4: "people outside your team come to you for it",
    5: "people far beyond your team seek you out for it",
}
GAUGE = {1: "very little", 2: "a little", 3: "a fair amount", 4: "a lot", 5: "a great deal"}


@dataclass(frozen=True)
class Answer:
    """One of the answers a question names: what was answered, about what, and how."""

    kind: str  # "energy", "agreement", "proficiency", "edge", "examples", "liking", "coherence"
    item: str  # the strength, statement or path (for a future) it is about
    value: int


@dataclass(frozen=True)
class Contradiction:
    id: str  # stable: the rule and what it looked at, "energy_against_statement:mentoring:..."
    rule: str
    question: str
    answers: tuple[Answer, ...]
    size: int  # how far apart the answers are; the furthest come first within a rule


Rule = Callable[[WorkbookData, Content, int], list[Contradiction]]


def strength_name(content: Content, data: WorkbookData, strength_id: str) -> str:
    if strength_id in content.strengths:
        return content.strengths[strength_id].name
    rating = data.ratings.get(strength_id)
    return (rating.custom_name if rating else None) or strength_id


def statement(content: Content, preference_id: str) -> str:
    """A statement as the questions quote it, without its closing full stop."""
    return content.preferences[preference_id].statement.strip().rstrip(".")


def _rated(data: WorkbookData, content: Content) -> list[tuple[str, Rating]]:
    """The rated strengths in the catalogue's order, then the person's own by id."""
    ours = [(sid, data.ratings[sid]) for sid in content.strengths if sid in data.ratings]
    own = sorted((sid, r) for sid, r in data.ratings.items() if sid not in content.strengths)
    return ours + [(sid, r) for sid, r in own]


def _rating_mode(data: WorkbookData) -> bool:
    """Skill is the person's own rating (in ranking mode it comes from their order, which
    says how strengths compare with each other, not how skilled they are)."""
    return data.profile.strength_mode != "ranking"


# ---- the rules ---------------------------------------------------------------------------


def energy_against_statement(data: WorkbookData, content: Content, gap: int) -> list:
    found = []
    for pair in content.contradictions.energy_pairs:
        rating = data.ratings.get(pair.first)
        energy = rating.energy if rating else None
        agreement = data.preferences.get(pair.second)
        if energy is None or agreement is None or abs(energy - agreement) < gap:
            continue
        name = strength_name(content, data, pair.first)
        question = (
            f"You rate your energy for {name} {energy} of 5 ({ENERGY[energy]}), and you "
            f"{AGREE[agreement]} “{statement(content, pair.second)}”. What is different "
            f"between the two? {pair.perhaps}"
        )
        found.append(
            Contradiction(
                f"energy_against_statement:{pair.first}:{pair.second}",
                "energy_against_statement",
                question,
                (Answer("energy", pair.first, energy), Answer("agreement", pair.second, agreement)),
                abs(energy - agreement),
            )
        )
    return found


def statements_pull_apart(data: WorkbookData, content: Content, together: int) -> list:
    found = []
    for pair in content.contradictions.statement_pairs:
        first, second = data.preferences.get(pair.first), data.preferences.get(pair.second)
        if first is None or second is None or first + second < together:
            continue
        question = (
            f"You {AGREE[first]} “{statement(content, pair.first)}”, and you {AGREE[second]} "
            f"“{statement(content, pair.second)}”. Both can be true, and they ask different "
            "things of a working week. When a role asks more of one than the other, which "
            f"would you protect? {pair.perhaps}"
        )
        found.append(
            Contradiction(
                f"statements_pull_apart:{pair.first}:{pair.second}",
                "statements_pull_apart",
                question,
                (Answer("agreement", pair.first, first), Answer("agreement", pair.second, second)),
                first + second,
            )
        )
    return found


def future_against_values(data: WorkbookData, content: Content, gap: int) -> list:
    found = []
    for path_id, path in content.paths.items():
        future = data.futures.get(path_id)
        if future is None or future.liking is None or future.coherence is None:
            continue
        liking, values = future.liking, future.coherence
        if abs(liking - values) < gap:
            continue
        title = f" (“{future.title.strip()}”)" if future.title.strip() else ""
        which = f"your {path.short_name.lower()} future{title}"
        if liking > values:
            question = (
                f"You like {which} {GAUGE[liking]} ({liking} of 5), and you see "
                f"{GAUGE[values]} of your values in it ({values} of 5). What draws you to it, "
                "and what in it sits uneasily with what matters to you? Perhaps a part of it "
                "could be shaped to fit, or the values you had in mind deserve a closer look."
            )
        else:
            question = (
                f"You see {GAUGE[values]} of your values in {which} ({values} of 5), and you "
                f"like it {GAUGE[liking]} ({liking} of 5). What would make it a future you "
                "look forward to? Perhaps it is the one you feel you should want, or the part "
                "you would enjoy is missing from the picture."
            )
        found.append(
            Contradiction(
                f"future_against_values:{path_id}",
                "future_against_values",
                question,
                (Answer("liking", path_id, liking), Answer("coherence", path_id, values)),
                abs(liking - values),
            )
        )
    return found


def best_without_skill(data: WorkbookData, content: Content, at_most: int) -> list:
    if not _rating_mode(data):
        return []
    top = content.scales["edge"].top
    found = []
    for sid, rating in _rated(data, content):
        skill = rating.proficiency
        if rating.edge != top or skill is None or skill > at_most:
            continue
        question = (
            f"You see yourself among the best you know at {strength_name(content, data, sid)} "
            f"(edge {top} of {top}), and you rate your skill {skill} of 5 ({SKILL[skill]}). "
            "What makes the difference? Perhaps the people you compare yourself with are "
            "still new to it, or one of the two ratings needs a second look."
        )
        found.append(
            Contradiction(
                f"best_without_skill:{sid}",
                "best_without_skill",
                question,
                (Answer("edge", sid, top), Answer("proficiency", sid, skill)),
                top - skill,
            )
        )
    return found


def waiting_for_example(rating: Rating) -> bool:
    """The Strengths step already asks for an example of this one: it would be a
    signature strength with one (`workbook.analysis.strengths`)."""
    return (rating.energy or 0) >= 4 and (rating.edge or 0) >= 3


def top_skill_without_example(data: WorkbookData, content: Content, at_least: int) -> list:
    if not _rating_mode(data):
        return []
    found = []
    for sid, rating in _rated(data, content):
        skill = rating.proficiency
        if skill is None or skill < at_least or data.evidence_for(sid):
            continue
        if waiting_for_example(rating):
            continue  # asked once, where the strengths are
        question = (
            f"You rate your skill at {strength_name(content, data, sid)} {skill} of 5 "
            f"({SKILL[skill]}), and you have not written an example of it yet. Which moment "
            "comes to mind first? One real example, with what you did and what came of it, "
            "makes the rating easy to believe in a career conversation."
        )
        found.append(
            Contradiction(
                f"top_skill_without_example:{sid}",
                "top_skill_without_example",
                question,
                (Answer("proficiency", sid, skill), Answer("examples", sid, 0)),
                skill,
            )
        )
    return found


def best_at_many(data: WorkbookData, content: Content, count: int) -> list:
    top = content.scales["edge"].top
    best = [sid for sid, rating in _rated(data, content) if rating.edge == top]
    if len(best) < count:
        return []
    names = [strength_name(content, data, sid) for sid in best]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    question = (
        f"You see yourself among the best you know (edge {top} of {top}) at {len(best)} "
        f"strengths: {listed}. Among the best means you can name very few people, anywhere "
        "you have worked, who do it better. If a colleague who knows your work well had to "
        "choose two of them, which would they choose, and why those?"
    )
    return [
        Contradiction(
            "best_at_many",
            "best_at_many",
            question,
            tuple(Answer("edge", sid, top) for sid in best),
            len(best),
        )
    ]


RULES: dict[str, Rule] = {
    "energy_against_statement": energy_against_statement,
    "future_against_values": future_against_values,
    "statements_pull_apart": statements_pull_apart,
    "best_without_skill": best_without_skill,
    "top_skill_without_example": top_skill_without_example,
    "best_at_many": best_at_many,
}


def find_contradictions(
    data: WorkbookData, content: Content, rules: frozenset[str] | None = None
) -> tuple[Contradiction, ...]:
    """Every question the answers raise, in a stable order (see the module's docstring);
    `rules` keeps only those rules."""
    found = []
    for rule in content.contradictions.rules.values():
        if rules is None or rule.id in rules:
            asked = RULES[rule.id](data, content, rule.threshold)
            found.append(sorted(asked, key=lambda c: -c.size))  # stable: content order next
    longest = max((len(asked) for asked in found), default=0)
    return tuple(asked[n] for n in range(longest) for asked in found if n < len(asked))


def strength_questions(data: WorkbookData, content: Content) -> tuple[Contradiction, ...]:
    """The questions about strengths alone, for the Strengths step's results."""
    return find_contradictions(data, content, STRENGTH_ONLY)
