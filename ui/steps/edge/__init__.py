"""Step 2, "Edge analysis": the page and the parts it is built from.

`page.py` assembles the step; `inputs.py` the preferences and workplace questions,
`futures.py` the three futures, `result.py` the verdict and what moved it, `models.py`
its contribution table, `text.py` the wording.
"""

__all__ = ["EdgePage"]


def __getattr__(name: str) -> object:
    # The page on first use, not with the package: a module elsewhere (a chart) may read
    # this step's wording without building its page.
    if name == "EdgePage":
        from ui.steps.edge.page import EdgePage

        return EdgePage
    raise AttributeError(name)
