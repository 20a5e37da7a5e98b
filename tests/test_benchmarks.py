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


def test_the_memory_probe_uses_the_window_and_checks_what_was_typed(tmp_path, monkeypatch):
    """A short random-use run: every kind of action works on today's pages, nothing waits
    for a person, and what was typed is in the file. Its memory figures are not judged."""
    import shutil
    import subprocess
    import sys

    monkeypatch.setattr(generate, "cache_dir", lambda: tmp_path)
    db = tmp_path / "memory.sqlite3"
    shutil.copyfile(generate.coach_db(3), db)
    probe = [sys.executable, "-m", "benchmarks.gui_probe", "memory", "--db", str(db)]
    out = subprocess.run(
        [*probe, "--actions", "100", "--seed", "7"],
        cwd=run.ROOT,
        env=run._env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["checkpoints"][-1]["actions"] == 100
    assert len(result["done"]) > 20  # most kinds of action came up
    assert result["stored"]["integrity"] == "ok" and result["stored"]["lost"] == []
    assert result["stored"]["checked"] > 0
    assert result["warnings"] == {}
    assert isinstance(result["growth_mib"], float)
