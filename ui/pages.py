"""Which page shows each step: a step's page is imported and built the first time it is
shown, so start-up stays lean. A new step's page is named here."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlite_utils import Database

    from ui.autosave import Autosaver
    from workbook.steps import Step

#: Each step's page: the module and the class in it.
PAGES = {
    "about": ("ui.steps.about_you", "AboutYouPage"),
    "strengths": ("ui.steps.strengths", "StrengthsPage"),
    "edge": ("ui.steps.edge", "EdgePage"),
    "ai_plan": ("ui.steps.ai_plan", "AIPlanPage"),
    "plan": ("ui.steps.plan", "PlanPage"),
    "export": ("ui.steps.export", "ExportPage"),
}


def build_page(step: Step, db: Database, autosaver: Autosaver) -> QWidget:
    """The page for a step: every page takes (db, autosaver) and keeps the contract of
    `ui.steps.StepPage` (show_workbook, refresh)."""
    import importlib

    module_name, class_name = PAGES[step.id]
    return getattr(importlib.import_module(module_name), class_name)(db, autosaver)
