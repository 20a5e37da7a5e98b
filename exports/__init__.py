"""Turning a workbook into files to share: the PDF plan and the workbook file.

Uses reportlab and the domain in `workbook`; never Qt widgets.
"""
