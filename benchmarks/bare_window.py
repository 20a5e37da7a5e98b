"""The floor for start-up: a bare PySide6 window with two widgets, shown, one event-loop pass.

Run as a whole process beside `career-workbook --exit-when-ready`; nothing the app does
before its first paint can be faster than this. Like the app, it prints `painted` once its
first paint has reached the screen, so both are timed to the same moment.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.announced = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        super().paintEvent(event)
        if not self.announced:
            self.announced = True
            QTimer.singleShot(0, self.finish)

    def finish(self) -> None:
        print("painted", flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = Window()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLabel("Career Workbook"))
    layout.addWidget(QPlainTextEdit())
    window.setCentralWidget(body)
    window.resize(1000, 700)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
