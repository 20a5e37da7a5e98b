"""The floor for start-up: a bare PySide6 window with two widgets, shown, one event-loop pass.

Run as a whole process beside `career-workbook --exit-when-ready`; nothing the app does
before its first paint can be faster than this.
"""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.addWidget(QLabel("Career Workbook"))
    layout.addWidget(QPlainTextEdit())
    window.setCentralWidget(body)
    window.resize(1000, 700)
    window.show()
    QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
