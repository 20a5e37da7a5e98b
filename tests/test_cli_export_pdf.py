"""`career-workbook export-pdf`: the plan as a PDF from the command line, share-safe by
default, a version for each reader."""

import pytest
from pypdf import PdfReader

from ui.cli import main
from workbook.example import example_data

PRIVATE = next(e["body"] for e in example_data()["journal"] if e.get("private", True))


def text_of(path):
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


def squash(text):
    return "".join(text.split())


def test_export_pdf_leaves_private_entries_out_unless_asked(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "example"]) == 0
    out = tmp_path / "plan.pdf"
    assert (
        main(["export-pdf", "--db", str(db_path), "--out", str(out), "Example: Nadia Haddad"]) == 0
    )
    said = capsys.readouterr().out
    assert "Private journal entries were left out" in said
    text = squash(text_of(out))
    assert "NadiaHaddad" in text
    assert squash(PRIVATE[:60]) not in text

    with_private = tmp_path / "all.pdf"
    args = ["export-pdf", "--db", str(db_path), "--out", str(with_private), "--include-private"]
    assert main([*args, "--sections", "about,journal", "Example: Nadia Haddad"]) == 0
    assert squash(PRIVATE[:60]) in squash(text_of(with_private))


def test_export_pdf_refuses_an_unknown_section_plainly(db_path, tmp_path, capsys):
    main(["--db", str(db_path), "example"])
    capsys.readouterr()
    out = tmp_path / "plan.pdf"
    args = ["export-pdf", "--db", str(db_path), "--out", str(out), "--sections", "about,gossip"]
    assert main([*args, "Example: Nadia Haddad"]) == 2
    err = capsys.readouterr().err
    assert "gossip" in err and "Traceback" not in err
    assert not out.exists()


def test_export_pdf_makes_each_readers_version(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "example"]) == 0
    capsys.readouterr()
    texts = {}
    for reader in ("manager", "coach", "me"):
        out = tmp_path / f"{reader}.pdf"
        args = ["export-pdf", "--db", str(db_path), "--out", str(out), "--for", reader]
        assert main([*args, "Example: Nadia Haddad"]) == 0
        said = capsys.readouterr().out
        assert f"For your {reader}" in said or (reader == "me" and "For yourself" in said)
        texts[reader] = squash(text_of(out))
    assert "Myratings" not in texts["manager"] and "Myratings" in texts["coach"]
    assert "Sharedinconfidence" in texts["manager"] and "Myowncopy" in texts["me"]
    # Section choices on top of a reader: the manager's version with the ratings added.
    out = tmp_path / "plus.pdf"
    args = ["export-pdf", "--db", str(db_path), "--out", str(out), "--sections", "+ratings"]
    assert main([*args, "Example: Nadia Haddad"]) == 0
    plus = squash(text_of(out))
    assert "Myratings" in plus and "Sharedinconfidence" in plus
    assert main([*args[:-1], "+ratings,goals", "Example: Nadia Haddad"]) == 2
    assert "not both" in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:
        main(["export-pdf", "--db", str(db_path), "--out", str(out), "--for", "boss", "x"])
    assert refused.value.code == 2
    assert "invalid choice: 'boss'" in capsys.readouterr().err
