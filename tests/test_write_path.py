"""One way to write from the window: a step page hands a door operation to its Binder
(`ui.binding`), which saves it through the autosave path, records it for undo and tells
the window what changed. These read the source of `ui/` and refuse a shortcut past it:
a door operation called directly from a step page, or SQL written inside a widget module.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STEP_MODULES = sorted((ROOT / "ui" / "steps").rglob("*.py"))
UI_MODULES = sorted((ROOT / "ui").rglob("*.py"))
SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "REPLACE INTO", "CREATE ")


def _door_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """The names a module gives to `workbook.door` and to functions imported from it."""
    modules, functions = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "workbook":
            modules |= {a.asname or a.name for a in node.names if a.name == "door"}
        elif isinstance(node, ast.ImportFrom) and node.module == "workbook.door":
            functions |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            modules |= {a.asname for a in node.names if a.name == "workbook.door" and a.asname}
    return modules, functions


def _direct_door_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules, functions = _door_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        while isinstance(func, ast.Attribute):  # door.tasks.update(...) as well as door.f(...)
            func = func.value
        called = isinstance(node.func, ast.Attribute) and isinstance(func, ast.Name)
        if (called and func.id in modules) or (
            isinstance(node.func, ast.Name) and node.func.id in functions
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


@pytest.mark.parametrize("path", STEP_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_step_page_writes_only_through_its_binder(path):
    """`door.tasks.update` may be handed to the binder (`binder.now(door.tasks.update, ...)`)
    but never called: a direct call would skip autosave's order, undo and the refresh."""
    assert _direct_door_calls(path) == []


def test_the_check_finds_a_direct_call(tmp_path):
    """The rule above is not vacuous: it catches each way of calling the door."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from workbook import door\n"
        "from workbook.door import set_rating as rate\n"
        "binder.now(door.set_rating, db, 1)\n"  # handed over: fine
        "door.tasks.update(db, 1, 'name', 'x')\n"
        "rate(db, 1)\n"
    )
    original = ROOT
    try:
        globals()["ROOT"] = tmp_path
        assert _direct_door_calls(sample) == ["sample.py:4", "sample.py:5"]
    finally:
        globals()["ROOT"] = original


@pytest.mark.parametrize("path", UI_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_widget_module_writes_sql(path):
    """Reading and writing the file is the domain's (`workbook/`): the window asks it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert [s for s in strings if s.lstrip().startswith(SQL_WORDS)] == []
