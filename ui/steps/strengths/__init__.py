"""Step 1, "Strengths": the page and the parts it is built from.

`page.py` assembles the step (the main window imports `StrengthsPage` from
here); `inventory.py` and `detail.py` are the catalogue and one strength in
full; `ranking.py` the forced ranking and its list model; `results.py` the
signature strengths, strengths to use more and drains; `journal.py` the
reflections, energy log and feedback; `cards.py` the editors for one entry;
`state.py` the decisions, in plain Python.
"""

from ui.steps.strengths.page import StrengthsPage

__all__ = ["StrengthsPage"]
