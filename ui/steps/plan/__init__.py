"""Step 4, "Development plan": the page and the parts it is built from.

`page.py` assembles the step; `context.py` what every part shares, `goals.py` goals and
actions, `lists.py` milestones, support and questions, `library.py` the question
library, `pickers.py` goal links, `checkins.py` check-ins, `balance.py` the 70-20-10
balance, `widgets.py` small controls.
"""

__all__ = ["PlanPage"]


def __getattr__(name: str) -> object:
    # The page on first use, not with the package: a module elsewhere (a chart) may read
    # this step's wording without building its page.
    if name == "PlanPage":
        from ui.steps.plan.page import PlanPage

        return PlanPage
    raise AttributeError(name)
