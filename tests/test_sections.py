"""The PDF's sections describe themselves: the Export page and the command line read the list."""

import sys

import pytest

from exports import sections as section_list
from exports.sections import SECTION_LIST, SectionInfo


def test_every_section_has_a_title_a_note_and_a_builder():
    from exports.pdf.sections import SECTIONS

    assert [s.id for s in SECTIONS] == [s.id for s in SECTION_LIST]
    for section in SECTIONS:
        assert section.title and section.note and callable(section.build)


def test_the_command_lines_help_names_every_section(capsys):
    from ui.cli import main

    with pytest.raises(SystemExit):
        main(["export-pdf", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for section in SECTION_LIST:
        assert section.id in shown
    assert "default: the reader's own, see --for" in shown
    for reader in ("manager", "coach", "me"):
        assert reader in shown


def test_reading_the_list_loads_no_reportlab():
    import subprocess

    code = "import ui.cli, sys; print('reportlab' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_new_section_reaches_the_export_page_and_the_help(monkeypatch, open_window):
    """A section added to the list, with its builder, shows on the Export page with its
    note and is named in the help: nothing else to edit."""
    extra = SectionInfo(
        "thanks", "Thank-you notes", "The people who helped you, by name.", "plan.support"
    )
    monkeypatch.setattr(section_list, "SECTION_LIST", (*SECTION_LIST, extra))
    monkeypatch.setattr(section_list, "SECTION_IDS", (*section_list.SECTION_IDS, "thanks"))
    assert "thanks" in section_list.sections_help()
    window = open_window()
    window.workbooks.start_empty()
    window.show_step(5)  # Export, the last step
    page = window.page("export")
    box = page.section_boxes["thanks"]
    assert box.text() == "Thank-you notes" and box.isVisible()
    assert box.accessibleDescription() == "The people who helped you, by name."
