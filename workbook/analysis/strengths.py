"""Signature strengths, strengths to use more, and drains to manage, each with its reason.

Signature: proficiency 4 or more, energy 4 or more, an edge above most
peers (3 or more), and backed: at least one example of one's own, or what
others say (shared feedback tagged with the strength, `workbook.analysis.voices`;
untagged feedback counts for nothing). Use more: energy 4 or more with
proficiency under 4 (it lifts you; practice would make it an edge), or a
would-be signature strength still waiting for evidence. A finding's reason
names who else says so, and `others` holds what they said.
Drain: proficiency 4 or more with energy 2 or less (you are good at it,
and it costs you); what to do about it depends on whether it is central to the path
the answers lean towards (`workbook.analysis.drains`). In ranking mode, proficiency is
read from the order.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from workbook.analysis.drains import central_paths, drain_advice, leaning_paths
from workbook.analysis.signals import proficiency_of
from workbook.analysis.voices import Voice, others_say, who_says
from workbook.content.catalogue import Content
from workbook.data import WorkbookData

EDGE_WORDS = {
    1: "below most peers",
    2: "on par with peers",
    3: "above most peers",
    4: "among the best you know",
}


@dataclass(frozen=True)
class StrengthFinding:
    id: str
    name: str
    reason: str
    proficiency: float | None
    energy: int | None
    edge: int | None
    evidence: int
    #: What others say about it: shared feedback tagged with this strength.
    others: tuple[Voice, ...] = ()


@dataclass(frozen=True)
class StrengthResult:
    signature: tuple[StrengthFinding, ...]
    use_more: tuple[StrengthFinding, ...]
    drains: tuple[StrengthFinding, ...]
    rated: int
    all_high: bool  # most ratings are 4-5: suggest the forced ranking


def _name(content: Content, data: WorkbookData, strength_id: str) -> str:
    if strength_id in content.strengths:
        return content.strengths[strength_id].name
    rating = data.ratings.get(strength_id)
    return (rating.custom_name if rating else None) or strength_id


def _level(value: Fraction | None, ranking: bool, rank: int | None) -> str:
    if ranking:
        return f"you ranked it {rank}" if rank else "you have not ranked it"
    return f"you rate your skill {value} of 5"


def _finding(
    content: Content,
    data: WorkbookData,
    strength_id: str,
    proficiency: Fraction | None,
    evidence: int,
    reason: str,
    others: tuple[Voice, ...] = (),
) -> StrengthFinding:
    rating = data.ratings[strength_id]
    return StrengthFinding(
        strength_id,
        _name(content, data, strength_id),
        reason,
        None if proficiency is None else float(proficiency),
        rating.energy,
        rating.edge,
        evidence,
        others,
    )


def _order(f: StrengthFinding) -> tuple:
    return (-(f.proficiency or 0) - (f.energy or 0) - (f.edge or 0), -f.evidence, f.name)


def analyse_strengths(
    data: WorkbookData, content: Content, leaning: tuple[str, ...] | None = None
) -> StrengthResult:
    """The findings; `leaning` (the paths the answers lean towards) is worked out from
    the answers if not given, and only when a drain is central to some path."""
    ranking = data.profile.strength_mode == "ranking"
    signature, use_more, drains = [], [], []
    rated = high = 0
    voices = others_say(data)
    for strength_id, rating in data.ratings.items():
        p = proficiency_of(data, strength_id)
        e, g = rating.energy, rating.edge
        if p is None and e is None and g is None:
            continue
        rated += 1
        if rating.proficiency is not None and rating.proficiency >= 4:
            high += 1
        proofs = len(data.evidence_for(strength_id))
        others = voices.get(strength_id, ())
        said = f" Others say so too: {who_says(others)}." if others else ""
        skill = _level(p, ranking, rating.rank)
        strong = p is not None and p >= 4
        lifts = e is not None and e >= 4
        if strong and lifts and g is not None and g >= 3:
            edge = EDGE_WORDS[g]
            if proofs:
                examples = "an example" if proofs == 1 else f"{proofs} examples"
                target, reason = (
                    signature,
                    (
                        f"{skill.capitalize()}, it energises you ({e} of 5), you see "
                        f"yourself {edge}, and you gave {examples}.{said}"
                    ),
                )
            elif others:
                target, reason = (
                    signature,
                    (
                        f"{skill.capitalize()}, it energises you ({e} of 5), you see "
                        f"yourself {edge}, and others say so: {who_says(others)}. An "
                        "example of your own would back it further."
                    ),
                )
            else:
                target, reason = (
                    use_more,
                    (
                        f"It looks like a signature strength ({skill}, energy {e}, {edge}), "
                        "but it has no example yet: add one to confirm it."
                    ),
                )
        elif lifts and p is not None and p < 4:
            target, reason = (
                use_more,
                (
                    f"It gives you energy ({e} of 5) and {skill}: practice could turn it "
                    f"into an edge.{said}"
                ),
            )
        elif strong and e is not None and e <= 2:
            if leaning is None and central_paths(content, strength_id):
                leaning = leaning_paths(data, content)
            advice = drain_advice(content, strength_id, leaning or ())
            target, reason = (
                drains,
                f"{skill.capitalize()}, but it drains you ({e} of 5). {advice}",
            )
        else:
            continue
        target.append(_finding(content, data, strength_id, p, proofs, reason, others))

    return StrengthResult(
        tuple(sorted(signature, key=_order)),
        tuple(sorted(use_more, key=_order)),
        tuple(sorted(drains, key=lambda f: ((f.energy or 0), -(f.proficiency or 0), f.name))),
        rated,
        all_high=not ranking and rated >= 6 and high >= 0.75 * rated,
    )
