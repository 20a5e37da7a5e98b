"""Contrast read from what the window paints (scripts/contrast.py measures every step):
check boxes, radio buttons and fields stand out 3:1 from the page and text reads at
4.5:1, in the light and the dark palette (issue 16)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from ui.contrast import measure, ratio
from ui.palettes import dark_palette, light_palette
from ui.style import ContrastStyle
from workbook.steps import STEPS

STEPS_MEASURED = ("about", "export")  # radio buttons and fields; check boxes


def test_the_contrast_ratio_is_wcag_s():
    assert ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert ratio(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)
    assert ratio(QColor("#777"), QColor("#777")) == 1.0


@pytest.fixture
def palette_restored():
    app = QApplication.instance()
    before = app.palette()
    yield app
    app.setPalette(before)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_boundaries_and_text_meet_the_thresholds(theme, open_window, qtbot, palette_restored):
    palette_restored.setPalette(dark_palette() if theme == "dark" else light_palette())
    window = open_window()
    qtbot.waitUntil(lambda: isinstance(QApplication.style(), ContrastStyle))
    window.workbooks.add_example()
    window.resize(1200, 820)
    ids = [step.id for step in STEPS]
    for step in STEPS_MEASURED:
        window.show_step(ids.index(step))
        window.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)  # no field highlighted
        qtbot.wait(100)  # layouts and paints settle
        readings = measure(window)
        kinds = {reading.kind for reading in readings}
        assert kinds == {"text", "boundary"}, (
            f"{step}: nothing measured of {kinds ^ {'text', 'boundary'}}"
        )
        failing = [str(reading) for reading in readings if not reading.passes]
        assert not failing, f"{theme} {step}:\n" + "\n".join(failing)
    boxes = [r for r in readings if r.kind == "boundary" and "CheckBox" in r.name]
    assert boxes, "the Export step's check boxes were measured"
