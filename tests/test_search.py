"""Searching journal and evidence text: the FTS5 index follows every edit through triggers."""

from workbook import door, migrations
from workbook.door import create_workbook, delete_workbook, duplicate_workbook
from workbook.search import match_expression, search
from workbook.storage import open_database


def test_search_finds_journal_and_evidence_and_follows_edits(db):
    alex = create_workbook(db, "Alex").workbook_id
    sam = create_workbook(db, "Sam").workbook_id
    entry = door.add_row(
        db,
        "journal_entries",
        alex,
        kind="reflection",
        entry_date="2026-01-05",
        body="The churn forecast finally worked",
    ).row_id
    door.add_row(
        db,
        "evidence",
        sam,
        strength_id="data_analysis",
        situation="A messy quarter",
        action="I rebuilt the Forecast",
        result="Trusted numbers",
    )
    hits = search(db, "forecast")
    assert {(h.workbook, h.kind) for h in hits} == {("Alex", "journal"), ("Sam", "evidence")}
    assert all("[" in h.snippet for h in hits)

    door.update_row(db, "journal_entries", entry, "body", "A quiet week")
    assert [(h.workbook, h.kind) for h in search(db, "forecast")] == [("Sam", "evidence")]
    assert [h.row_id for h in search(db, "quiet week")] == [entry]

    copy = duplicate_workbook(db, sam, "Sam copy").workbook_id
    assert {h.workbook_id for h in search(db, "forecast")} == {sam, copy}
    delete_workbook(db, sam)
    door.delete_row(db, "journal_entries", entry)
    assert [h.workbook_id for h in search(db, "forecast")] == [copy]
    assert search(db, "quiet") == []


def reflection(db, body):
    """A new workbook holding one reflection, `body`."""
    wid = create_workbook(db, "Alex").workbook_id
    door.add_row(db, "journal_entries", wid, kind="reflection", entry_date="2026-01-05", body=body)


def test_typed_text_is_never_query_syntax(db):
    reflection(db, 'He said "NEAR" AND OR * (twice)')
    assert search(db, "   ") == [] and search(db, '"*()') == []
    assert match_expression('near" OR *') == '"near OR" *'
    assert len(search(db, '"near"')) == 1 and len(search(db, "twice)")) == 1


def test_the_index_is_built_for_text_written_before_it_existed(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    wid = create_workbook(db, "Alex").workbook_id
    door.add_row(
        db, "journal_entries", wid, kind="reflection", entry_date="2026-01-05", body="zebra"
    )
    with db.atomic():
        db.execute("DROP TABLE search_index")
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall():
            db.execute(f"DROP TRIGGER {name}")
        # Version 4 made the index; a later migration must not make this test wrong.
        db.execute("PRAGMA user_version = 3")
    assert migrations.apply(db, stop_at=4) == [4]
    assert [h.workbook for h in search(db, "zebra")] == ["Alex"]
    db.close()


def test_deleted_journal_text_leaves_the_file_index_included(db, db_path, workbook_id):
    from workbook import door

    change = door.add_row(
        db, "journal_entries", workbook_id, kind="reflection", body="zanzibarquokka notes"
    )
    door.update_row(db, "journal_entries", change.row_id, "body", "xylophonequetzal notes")
    door.delete_row(db, "journal_entries", change.row_id)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes()
    wal = db_path.with_name(db_path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert b"zanzibarquokka" not in raw
    assert b"xylophonequetzal" not in raw


def test_the_last_word_may_be_the_start_of_one(db):
    """Results follow the typing: a word being typed finds the words it begins."""
    reflection(db, "Forecasting the quarter with a new model")
    for typed in ("forec", "forecasting", "Forecasting the qua", "forecasting the quarter"):
        [hit] = search(db, typed)
        assert hit.snippet.lower().startswith("[forecasting"), typed
    assert search(db, "orecasting") == []  # the start of a word, never its middle
    assert search(db, "the quarter forec") == []  # earlier words are whole words
    assert search(db, "f") == [] and search(db, "f_") == []  # one letter is a word...
    assert len(search(db, "a")) == 1  # ...so "a" finds the word "a"
