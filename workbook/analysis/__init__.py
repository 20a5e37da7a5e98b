"""The analysis: deterministic functions of a workbook's answers and the content.

Every result says why: which answers moved it and by how much. Two texts explain
the rules, for two readers: docs/analysis.md gives every rule, weight and formula
(for developers and coaches who check), and resources/help/analysis.md says the
same in plain words for the app's "How is this computed?". A rule that changes here
changes in both. Nothing here reads the database or imports Qt.
"""
