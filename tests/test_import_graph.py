"""The import graph has no circles: each module can be read, tested and changed alone.

Function-level imports count too (grimp sees them): a lazy import that closes a
circle is still a circle.
"""

import grimp


def circles() -> set[tuple[str, str]]:
    """Each import `a -> b` from which a chain of imports leads back to `a`."""
    graph = grimp.build_graph("workbook", "ui", "exports")
    found = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(importer=imported, imported=module):
                found.add((module, imported))
    return found


def test_no_import_circles():
    assert circles() == set()


def test_the_check_sees_a_circle_closed_by_a_lazy_import(tmp_path, monkeypatch):
    package = tmp_path / "ring"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from ring import b\n")
    (package / "b.py").write_text("def late():\n    from ring import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("ring")
    assert graph.chain_exists(importer="ring.b", imported="ring.a")
    assert graph.chain_exists(importer="ring.a", imported="ring.b")
