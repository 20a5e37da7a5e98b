"""Reading a workbook file: its size, its bytes and its JSON, each refusal naming the line."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from workbook.errors import WorkbookFileProblem
from workbook.workbook_file.spec import MAX_FILE_BYTES, PLAIN_KEY


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # dict() builds the object at C speed; only when it came out shorter is a key repeated.
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def kind_of(value: Any) -> str:
    """What a value is, in plain words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a Python {type(value).__name__}"


def _printable(text: str, limit: int = 60) -> str:
    """Text safe to print anywhere: cut short, broken characters escaped."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def show_value(value: Any) -> str:
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # not JSON, or a number too long to write out
        shown = f"a {type(value).__name__}"
    return _printable(shown, 40)


JSON_WORDS = {
    "Expecting value": "a value was expected here",
    "Expecting ',' delimiter": "a comma was expected here",
    "Expecting ':' delimiter": "a colon was expected here",
    "Expecting property name enclosed in double quotes": "a key in double quotes was expected",
    "Unterminated string starting at": "a text starts here but never ends",
    "Invalid control character at": "a text holds a control character such as a raw line break",
    "Invalid \\escape": "a text holds a backslash that starts no valid escape",
    "Invalid \\uXXXX escape": "a text holds a \\u escape that is not four hex digits",
    "Extra data": "there is more after the end of the workbook",
}


def _json_words(message: str) -> str:
    return JSON_WORDS.get(message, message[:1].lower() + message[1:])


def read_file(path: Path | str) -> dict[str, Any]:
    """The JSON object in a workbook file; refuses anything else before it is used."""
    path = Path(path)

    def refuse(problem: str) -> WorkbookFileProblem:
        return WorkbookFileProblem([problem], path)

    try:
        info = path.stat()
    except FileNotFoundError:
        raise refuse("There is no such file.") from None
    except OSError as error:
        raise refuse(f"The file cannot be read ({error.strerror or error}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise refuse("It is not a file but a folder or a device.")
    limit = f"{MAX_FILE_BYTES // 2**20} MB"
    too_big = (
        f"The file is {info.st_size / 2**20:,.1f} MB; a workbook file holds at most {limit}, "
        "so this cannot be one (or it is not a Career Workbook file at all)."
    )
    if info.st_size > MAX_FILE_BYTES:
        raise refuse(too_big)
    try:
        with open(path, "rb") as handle:
            # As much as the file holds: asked for 20 MB, Python sets aside 20 MB first.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:  # it grew since: read on, as far as the limit
                raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as error:
        raise refuse(f"The file cannot be read ({error.strerror or error}).") from None
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        raise refuse(too_big)
    if not raw.strip():
        raise refuse(
            "The file is empty, so whatever it held was lost before it was opened, "
            "for example when a copy was cut short."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise refuse(
            f"Line {line}: the file is not UTF-8 text (byte {error.start + 1} cannot be read). "
            "A workbook file is plain text written by Career Workbook; this may be another "
            "kind of file, or one saved in another encoding."
        ) from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as error:
        # A workbook file ends with the } that closes it; without one it was cut short.
        cut = not text.rstrip().endswith("}")
        hint = " The file seems to be cut short." if cut else ""
        raise refuse(
            f"Line {error.lineno}, column {error.colno}: this is not valid JSON: "
            f"{_json_words(error.msg)}.{hint}"
        ) from None
    except _DuplicateKey as duplicate:
        raise refuse(
            f"The key {show_value(duplicate.key)} appears twice in the same object; "
            "keep only one of them."
        ) from None
    except RecursionError:
        raise refuse("The file nests lists or objects far too deeply to be a workbook.") from None
    except ValueError as error:  # for example a number with thousands of digits
        raise refuse(f"The file holds a value that cannot be read ({error}).") from None
    if not isinstance(document, dict):
        raise refuse(
            f"The file holds {kind_of(document)}, not a workbook: a workbook file is one "
            "JSON object, starting with {."
        )
    return document


def child_path(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    if isinstance(key, str) and PLAIN_KEY.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{show_value(key)}]"


#: Where a value is in the document, as the keys and indexes leading to it. Checks pass these
#: tuples down and `where_text` writes one out only for a problem: a valid file has thousands of
#: fields, and writing each one's path up front was a third of the time `validate` took.
Where = tuple[Any, ...]


def where_text(where: Where) -> str:
    """A path written the way problems name it, such as `goals[2].actions[0].kind`."""
    path = ""
    for key in where:
        path = child_path(path, key)
    return path
