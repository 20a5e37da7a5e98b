"""The PDF development plan (reportlab): `export_pdf(data, content, out_path, ...)`.

Modules: `fonts` (bundled fonts, glyph coverage), `text` (cleaning, escaping,
font runs), `bidi` and `lines` (right-to-left and mixed-script lines),
`styles`, `blocks` (paragraphs, callouts, tables), `charts`, `sections/`
(one module per part of the plan) and `document` (pages, outline, writing).
"""

from exports.pdf.document import RenderReport, export_pdf, render
from exports.pdf.sections import DEFAULT_SECTIONS, SECTION_IDS, SECTIONS

__all__ = ["DEFAULT_SECTIONS", "SECTIONS", "SECTION_IDS", "RenderReport", "export_pdf", "render"]
