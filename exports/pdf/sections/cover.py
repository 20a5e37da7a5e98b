"""The cover: whose plan it is, their role, the date, and what they want from it."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from exports.pdf.context import Context, long_date
from exports.pdf.styles import MARGIN_TOP
from workbook.model import HORIZONS, TRACKS


def build(ctx: Context) -> list[Flowable]:
    kit, st, profile = ctx.kit, ctx.styles, ctx.data.profile
    found: list[Flowable] = [
        Spacer(1, 60 - MARGIN_TOP / 4),
        kit.para("CAREER WORKBOOK", st.cover_kicker),
        kit.heading("Development plan", st.cover_title, key="cover"),
    ]
    name = ctx.person()
    if name:
        found += kit.user(name, st.cover_name)
    if profile.current_role.strip():
        found += kit.user(profile.current_role, st.cover_meta)
    details = []
    track = dict(TRACKS).get(profile.current_track or "")
    if track:
        details.append(track)
    if profile.years_experience is not None:
        details.append(f"{profile.years_experience} years of experience")
    horizon = dict(HORIZONS).get(profile.horizon_years or 0)
    if horizon:
        details.append(f"looking {horizon} ahead")
    if details:
        found.append(kit.para(" · ".join(details), st.cover_meta))
    found += [Spacer(1, 10), kit.para(f"Prepared {long_date(ctx.today)}", st.cover_meta)]
    if profile.aim.strip():
        found += [Spacer(1, 48), *kit.callout(profile.aim, "WHAT YOU WANT FROM THIS")]
    return found
