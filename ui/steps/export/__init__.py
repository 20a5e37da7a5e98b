"""Step 5, "Export": the page and the parts it is built from.

`page.py` assembles the step; `choices.py` the section choices and the work run on
threads, `preview.py` the preview drawn with PDFium, `file.py` the workbook-file
buttons.
"""

__all__ = ["ExportPage"]


def __getattr__(name: str) -> object:
    # The page on first use, not with the package: a module elsewhere (a chart) may read
    # this step's wording without building its page.
    if name == "ExportPage":
        from ui.steps.export.page import ExportPage

        return ExportPage
    raise AttributeError(name)
