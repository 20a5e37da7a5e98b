"""The private journal: reflections, energy log, feedback and check-ins, by date.

Printed only when the person asks for it. Entries they marked private are
printed only with `include_private`; choosing the section alone shares the
entries they did not mark private (feedback, usually).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from exports.pdf.context import Context, count, when
from exports.words import tr

KINDS = {
    "reflection": "Reflection",
    "energy": "Energy log",
    "feedback": "Feedback",
    "checkin": "Check-in",
}


def build(ctx: Context) -> list[Flowable]:
    kit, st = ctx.kit, ctx.styles
    entries = [e for e in ctx.data.journal if ctx.include_private or not e.private]
    found: list[Flowable] = [
        kit.heading(tr("My journal"), st.h1, key="journal"),
        kit.para(
            tr("My own notes, shared because I chose to: they are personal."),
            st.intro,
        ),
    ]
    if not entries:
        hidden = len(ctx.data.journal)
        found.append(
            kit.para(
                tr(
                    "{entries} marked private stay out of this copy.",
                    entries=count(hidden, "entry", "entries"),
                )
                if hidden
                else tr("No journal entries yet."),
                st.body,
            )
        )
        return found
    for entry in entries:
        facts = [when(entry.entry_date), tr(KINDS.get(entry.kind, entry.kind.capitalize()))]
        if entry.energy_level is not None:
            facts.append(tr("energy {n} of 5", n=entry.energy_level))
        found.append(kit.para(" · ".join(f for f in facts if f), st.h3))
        prompt = ctx.content.prompts.get(entry.prompt_id or "")
        if prompt is not None:
            found.append(kit.para(prompt.text, st.note))
        if entry.source.strip():
            found += kit.user(tr("From {source}", source=entry.source), st.note)
        found += kit.user(entry.body)
    return found
