"""Step 3, "AI plan": the page and the parts it is built from.

`page.py` assembles the step; `tasks_model.py` and `tasks_view.py` the task table,
`reinvest.py` where freed hours go, `skills.py` the skills the plan relies on,
`widgets.py` its small controls, `text.py` the wording.
"""

__all__ = ["AIPlanPage"]


def __getattr__(name: str) -> object:
    # The page on first use, not with the package: a module elsewhere (a chart) may read
    # this step's wording without building its page.
    if name == "AIPlanPage":
        from ui.steps.ai_plan.page import AIPlanPage

        return AIPlanPage
    raise AttributeError(name)
