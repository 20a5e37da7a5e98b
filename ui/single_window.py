"""One window per workbook file: a second launch asks the running window to come forward.

The window that holds a file's writer lock listens on a local socket named
after the file (a Unix domain socket or a Windows named pipe: never a network
connection). A second launch on the same file connects, says "show", and
exits once the first window answers; if nobody answers (the lock is held by a
window that is stuck, or by another user), the second window opens read-only
and says why. QtNetwork is imported only when needed, after the window is ready.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer
    from PySide6.QtWidgets import QWidget

_REQUEST = b"show\n"
_ANSWER = b"shown\n"


def server_name(db_path: Path) -> str:
    """The socket's name: the same for every route to one file, different per user."""
    digest = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:20]
    user = getattr(os, "getuid", lambda: 0)()
    return f"career-workbook-{user}-{digest}"


def ask_running_window(db_path: Path, timeout_ms: int = 1500, starting_ms: int = 5000) -> bool:
    """Ask the window that has `db_path` open to come forward; True if it answered.

    A window takes the file's lock as it opens and listens only once its workbook is
    on screen: a launch in between finds no one listening yet, and tries again for up
    to `starting_ms` before taking the window for one that does not answer."""
    import time

    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    deadline = time.monotonic() + starting_ms / 1000
    while True:
        socket.connectToServer(server_name(db_path))
        if socket.waitForConnected(timeout_ms):
            break
        if time.monotonic() >= deadline:
            return False
        socket.abort()
        time.sleep(0.1)
    socket.write(_REQUEST)
    socket.flush()
    answered = False
    while socket.waitForReadyRead(timeout_ms):
        if _ANSWER in bytes(socket.readAll().data()):
            answered = True
            break
    socket.disconnectFromServer()
    return answered


def listen_for_second_launch(window: QWidget, db_path: Path) -> QLocalServer | None:
    """Bring `window` forward whenever another launch asks; returns the server (keep it)."""
    from PySide6.QtNetwork import QLocalServer

    name = server_name(db_path)
    server = QLocalServer(window)
    # Only this user may connect; a socket left by a killed window is cleared first
    # (this window holds the file's lock, so that socket's owner is gone).
    server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    QLocalServer.removeServer(name)
    if not server.listen(name):
        return None
    server.newConnection.connect(lambda: _answer(server, window))
    return server


def _answer(server: QLocalServer, window: QWidget) -> None:
    while (socket := server.nextPendingConnection()) is not None:
        socket.waitForReadyRead(500)
        if _REQUEST in bytes(socket.readAll().data()):
            _bring_forward(window)
            # The asking launch may have given up meanwhile (this window was busy).
            if socket.state() == socket.LocalSocketState.ConnectedState:
                socket.write(_ANSWER)
                socket.flush()
                socket.waitForBytesWritten(500)
        socket.disconnectFromServer()
        socket.deleteLater()


def _bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
