"""The workbook file: one whole workbook as a single, versioned JSON document.

It lives in `workbook/` rather than `exports/` because it is the workbook's
data in another form, read back as well as written, not a rendering of it
for people to read; like the rest of the domain it uses no Qt and no
reportlab. The format is described in docs/workbook-file.md and published
as a JSON Schema in resources/schema/workbook-file.schema.json (a test keeps
the two in step with `to_document`).

Writing: `to_document` turns a `WorkbookData` into plain JSON data;
`write_file` writes it (as `json.dumps` with an indent would, only faster)
beside its target and moves it into place, so a reader never finds half a
file.

Reading is in three stages, each refusing with a `WorkbookFileProblem` that
names the line or the field:
1. `read_file`: the size (over 20 MB is refused before anything is read),
   the bytes (UTF-8) and the JSON syntax (line and column);
2. `validate`: the shape, every type and range, the format and version,
   every content id against `load_content()`, and the references between
   entries (goal links, reinvestment targets);
3. `import_document`: adds the workbook in one transaction, so a refusal at
   any point leaves the database exactly as it was. The workbook itself is
   created through the edit door (`workbook.door`); everything in it is then
   written table by table, many rows to a statement, holding exactly what the
   door would have stored for each answer and entry.
   `validate` refuses everything the door would refuse in a file, so nothing
   is checked twice; tests/test_workbook_file.py imports through the door as
   well and compares the two databases row by row.

Some things have no door because a person never types them: an evidence
entry's creation time, the snapshots taken at check-ins, and reinvested
hours beyond what the tasks free (a plan can get there when a task's hours
are lowered after the hours were placed; the app shows it as over-allocated).
They are kept as the file has them.
"""

from workbook.workbook_file.checking import validate
from workbook.workbook_file.importing import import_document, import_file
from workbook.workbook_file.reading import read_file
from workbook.workbook_file.spec import FORMAT, MAX_FILE_BYTES, VERSION
from workbook.workbook_file.writing import to_document, write_file

__all__ = [
    "FORMAT",
    "MAX_FILE_BYTES",
    "VERSION",
    "import_document",
    "import_file",
    "read_file",
    "to_document",
    "validate",
    "write_file",
]
