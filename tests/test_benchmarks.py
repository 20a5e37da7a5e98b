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
    for r in results:
        # Both are ratios against a baseline: the verdict is the median against the target.
        assert r["median"] > 0 and r["kind"] == "ratio"
        assert r["passed"] is (r["median"] <= r["target"])
    assert "import_export" in capsys.readouterr().out


def test_the_start_up_run_reads_the_painted_and_ready_lines(tmp_path, monkeypatch):
    """Both processes print `painted` (the app also `ready`); the runner times those lines."""
    monkeypatch.setattr(generate, "cache_dir", lambda: tmp_path)
    out = tmp_path / "results.json"
    assert run.main(["--quick", "--runs", "1", "--only", "start", "--json", str(out)]) == 0
    results = {r["metric"]: r for r in json.loads(out.read_text())["results"]}
    assert list(results) == ["first_paint", "ready_for_typing", "peak_memory"]
    [painted], [ready] = results["first_paint"]["app"], results["ready_for_typing"]["app"]
    assert 0 < painted < ready
    assert results["first_paint"]["baseline"][0] > 0
