"""The benchmark scripts keep working: tiny runs of the cheap metrics. No time is asserted."""

import json

from benchmarks import generate, run


def test_generated_data_is_valid_and_reproducible():
    from workbook.workbook_file import validate

    first, second = generate.heavy_document(seed=1), generate.heavy_document(seed=1)
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second and validate(first) == []
    assert len(first["tasks"]) == 60 and len(first["goals"]) == 20


def test_a_quick_run_writes_the_table_and_json(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(generate, "cache_dir", lambda: tmp_path)
    out = tmp_path / "results.json"
    assert (
        run.main(["--quick", "--runs", "1", "--only", "search,import_export", "--json", str(out)])
        == 0
    )
    results = json.loads(out.read_text())["results"]
    assert [r["metric"] for r in results] == ["search", "import_export"]
    assert all(r["median"] > 0 and r["passed"] in (True, False) for r in results)
    assert "import_export" in capsys.readouterr().out
