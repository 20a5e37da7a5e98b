"""The code stays in small modules a reader can hold in mind: none over 500 lines, in the
domain or in the interface, and each step's parts in a package of its own."""

from pathlib import Path

import pytest

import ui
import workbook

LIMIT = 500


@pytest.mark.parametrize("package", [workbook, ui], ids=["workbook", "ui"])
def test_no_module_is_over_the_limit(package):
    root = Path(package.__file__).parent
    sizes = {
        str(path.relative_to(root)): len(path.read_text(encoding="utf-8").splitlines())
        for path in root.rglob("*.py")
    }
    assert len(sizes) > 20  # it found the package
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}


def test_each_step_but_the_first_is_a_package():
    steps = Path(ui.__file__).parent / "steps"
    assert sorted(path.name for path in steps.glob("*.py")) == ["__init__.py", "about_you.py"]
