"""The program opens no network connection: checked at the operating-system level.

Each command is run as a real process under `strace -f -e trace=socket,connect`,
which records every socket the process or any child thread/process creates
(Qt's plugins and threads included). An AF_INET or AF_INET6 socket fails the
test; AF_UNIX (local) sockets are allowed. A positive control first proves
strace really sees a socket in this environment, so a silent strace cannot
pass the test by accident.

Where strace is installed but cannot trace (ptrace forbidden in some
containers), the commands run instead in an empty network namespace
(`unshare -n`: only a loopback interface, and that one down) and must still
succeed; that proves they need no network, though not that they never try.
In this project's container and CI strace works, so strace is what runs.
The tests are skipped, with the reason, only when neither works.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbook.example import example_data

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "workbook"]
TIMEOUT = 120
# Matches both the socket() call and the family in a connect() address.
INTERNET = re.compile(r"\bAF_INET6?\b")


def _works(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=TIMEOUT).returncode == 0
    except OSError:
        return False


@functools.cache
def method() -> str:
    """'strace', 'unshare' or the reason neither can be used."""
    if shutil.which("strace") is None:
        return "strace is not installed (apt-get install strace; .ci/run does this)"
    if _works(["strace", "-f", "-o", os.devnull, "true"]):
        return "strace"
    if shutil.which("unshare") and _works(["unshare", "-n", "true"]):
        return "unshare"
    return "strace cannot trace here (ptrace forbidden) and `unshare -n` is not allowed"


def run_offline(args: list[str], log: Path) -> subprocess.CompletedProcess[str]:
    """Run a command so that any network use shows: traced into `log`, or cut off."""
    how = method()
    if how == "strace":
        wrapper = ["strace", "-f", "-e", "trace=socket,connect", "-o", str(log)]
    elif how == "unshare":
        wrapper = ["unshare", "-n"]
    else:
        pytest.skip(how)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        wrapper + args,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def assert_offline(result: subprocess.CompletedProcess[str], log: Path) -> None:
    assert result.returncode == 0, f"{result.args} failed:\n{result.stderr}"
    if method() == "strace":
        calls = log.read_text(encoding="utf-8", errors="replace").splitlines()
        # strace logs the exit of every traced process; without it nothing was traced.
        assert any("+++ exited with 0 +++" in line for line in calls), "strace traced nothing"
        internet = [line for line in calls if INTERNET.search(line)]
        assert internet == [], "network sockets were opened:\n" + "\n".join(internet)


def test_the_network_check_would_see_a_connection_attempt(tmp_path):
    """The positive control: a process that does open an internet socket is caught."""
    log = tmp_path / "control.log"
    if method() == "unshare":
        # In an empty namespace creating a socket still works; connecting does not.
        probe = "import socket; socket.create_connection(('192.0.2.1', 9), timeout=5)"
        assert run_offline([sys.executable, "-c", probe], log).returncode != 0
        return
    probe = "import socket; socket.socket(socket.AF_INET6, socket.SOCK_STREAM).close()"
    result = run_offline([sys.executable, "-c", probe], log)
    assert result.returncode == 0, result.stderr
    with pytest.raises(AssertionError, match="network sockets were opened"):
        assert_offline(result, log)


@pytest.fixture
def example_db(tmp_path):
    db = tmp_path / "data" / "workbook.sqlite3"
    result = run_offline([*CLI, "--db", str(db), "example"], tmp_path / "example.log")
    assert_offline(result, tmp_path / "example.log")
    return db


def test_adding_the_example_opens_no_network_connection(example_db):
    assert example_db.exists()


@pytest.mark.parametrize("command", ["list", "check", "backups"])
def test_commands_open_no_network_connection(example_db, tmp_path, command):
    log = tmp_path / f"{command}.log"
    result = run_offline([*CLI, "--db", str(example_db), command], log)
    assert_offline(result, log)
    if command == "list":
        assert example_data()["name"] in result.stdout.splitlines()


def test_the_window_opens_no_network_connection(example_db, tmp_path):
    log = tmp_path / "window.log"
    result = run_offline([*CLI, "--db", str(example_db), "--exit-when-ready"], log)
    assert_offline(result, log)
