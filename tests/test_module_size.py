"""The domain stays in small modules a reader can hold in mind: none over 500 lines."""

from pathlib import Path

import workbook

LIMIT = 500


def test_no_domain_module_is_over_the_limit():
    root = Path(workbook.__file__).parent
    sizes = {
        str(path.relative_to(root)): len(path.read_text(encoding="utf-8").splitlines())
        for path in root.rglob("*.py")
    }
    assert len(sizes) > 20  # it found the package
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}
