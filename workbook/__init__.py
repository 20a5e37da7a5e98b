"""Career Workbook's domain: data model, storage, content and analysis.

Nothing in this package imports Qt or reportlab, so scripts, the command
line and tests can use it without a QApplication.
"""

__all__ = ["APP_NAME", "__version__"]

APP_NAME = "Career Workbook"
__version__ = "0.1.0"
