"""The analysis: deterministic functions of a workbook's answers and the content.

Every result says why: which answers moved it and by how much. The rules
and formulas are explained for coaches in docs/analysis.md; keep the two
in step. Nothing here reads the database or imports Qt.
"""
