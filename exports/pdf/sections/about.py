"""About me: role, track, experience, how far ahead the person looks, and what they want.

It replaces the old cover page, which was more than half blank: a short block that
flows on with the sections after it. "What I want from this" is the person's own
words, printed as they wrote them.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from exports.pdf.context import Context, count
from exports.words import tr
from workbook.model import HORIZONS, TRACKS


def build(ctx: Context) -> list[Flowable]:
    kit, st, profile = ctx.kit, ctx.styles, ctx.data.profile
    found: list[Flowable] = [kit.heading(tr("About me"), st.h1, key="about")]
    facts = []
    if profile.current_role.strip():
        facts.append(profile.current_role.strip())
    track = dict(TRACKS).get(profile.current_track or "")
    if track:
        facts.append(tr(track))
    if profile.years_experience is not None:
        facts.append(count(profile.years_experience, "year of experience", "years of experience"))
    horizon = dict(HORIZONS).get(profile.horizon_years or 0)
    if horizon:
        facts.append(tr("looking {horizon} ahead", horizon=horizon))
    if facts:
        found += kit.user(" · ".join(facts), st.body)
    found += kit.labelled(tr("WHAT I WANT FROM THIS"), profile.aim)
    return found if len(found) > 1 else []  # a heading over nothing says nothing
