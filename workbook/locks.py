"""A workbook's lock: a PIN or passphrase that keeps it from other people at a shared laptop.

A participant in a workshop may lock their workbook. The `workbook_locks` table (migration
8) holds a salted scrypt hash of the PIN, never the PIN, with the wrong guesses so far and
the moment the next guess may be made, so restarting the app does not reset the wait.
After `FREE_TRIES` wrong guesses each further one waits longer: 2, 4, 8... seconds, up
to `MAX_WAIT_S`. A forgotten PIN cannot be recovered: the workbook's content can only be
erased (`workbook.lock_reset.erase`), which frees it for a new start.

**This is not encryption.** It stops someone at the laptop from opening the workbook in
this program; the answers stay readable in the file and its backups to anyone who copies
them. The workbook file (`workbook.workbook_file`) never holds a lock, and a copy of a
workbook has none: the lock belongs to this laptop's file, as `meta` does, which is why
`workbook.registry` lists it among `NOT_ANSWERS` rather than among its tables.

One place answers "is this workbook locked for this reader?": `is_locked` and
`locked_ids`. A reader is whoever holds the database: the window passes the workbooks
unlocked in its session (`Session.unlocked`, at most the one on screen); a command passes
none, so every command treats a workbook with a PIN as locked. `listed` gives the
workbooks as a reader may see them: a locked one as a neutral label (`label`), never its
name, after the others, so not even its place in the alphabetical list hints at it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from workbook.errors import InvalidEdit, WorkbookError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workbook.model import WorkbookInfo

TABLE = "workbook_locks"
#: A PIN's length in characters: four digits at least; a passphrase up to a long line.
MIN_LENGTH = 4
MAX_LENGTH = 200
#: Wrong guesses allowed before each next one has to wait.
FREE_TRIES = 5
#: The first wait, in seconds; each further wrong guess doubles it, up to MAX_WAIT_S.
FIRST_WAIT_S = 2
MAX_WAIT_S = 300
#: scrypt's costs (about 60 ms a guess here, 16 MB of memory), named in each row's
#: `method` so a later version can raise them and still check an older PIN.
_N, _R, _P = 2**14, 8, 1
METHOD = f"scrypt n={_N} r={_R} p={_P}"
_SALT_BYTES = 16
_HASH_BYTES = 32


def now() -> float:
    """The time, in seconds since the epoch (tests replace it to move the clock)."""
    return time.time()


class Locked(WorkbookError):
    """A command, or anything else that reads a workbook, was asked for a locked one."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"The workbook {name!r} is locked with a PIN. Commands do not open a locked "
            "workbook: unlock it in the window (or remove its PIN there) first."
        )


class LockedInFile(WorkbookError):
    """A backup was to replace a file holding a workbook locked for whoever asked."""

    def __init__(self, workbook_ids: Collection[int]) -> None:
        names = [label(workbook_id) for workbook_id in sorted(workbook_ids)]
        which = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        said = f"No backup was restored: {which} {'is' if len(names) == 1 else 'are'} "
        said += "locked with a PIN, and a backup from before a PIN would open a workbook "
        if len(names) == 1:
            said += (
                "to anyone here. In the window, its owner can unlock it and then restore "
                "(Workbook ▸ Restore a backup…), or remove its PIN first (Workbook ▸ "
                "Remove the PIN…)."
            )
        else:  # the window unlocks one workbook at a time: each PIN must go first
            said += (
                "to anyone here. In the window, each owner can unlock theirs and remove "
                "its PIN (Workbook ▸ Remove the PIN…); then restore."
            )
        super().__init__(said)


@dataclass(frozen=True)
class Verdict:
    """What a guess at a PIN came to."""

    #: The PIN was right: the workbook is open to this reader.
    unlocked: bool
    #: Seconds to wait before the next guess may be made (0: at once).
    wait_s: float = 0.0
    #: Wrong guesses so far.
    failures: int = 0
    #: Whether the guess was looked at at all (not during a wait).
    checked: bool = True

    @property
    def message(self) -> str:
        """What the unlock panel says, in plain words ("" once unlocked)."""
        if self.unlocked:
            return ""
        wait = wait_words(self.wait_s)
        if not self.checked:
            return f"Wait {wait} before trying again."
        if self.wait_s > 0:
            return f"That is not the PIN. You have tried {self.failures} times: wait {wait}."
        left = FREE_TRIES - self.failures
        return f"That is not the PIN. {left} more {'try' if left == 1 else 'tries'} before a wait."


def wait_words(seconds: float) -> str:
    """How long, said plainly: "8 seconds", "1 second", "2 minutes 30 seconds"."""
    whole = max(0, int(-(-seconds // 1)))  # rounded up: never "0 seconds" while waiting
    minutes, rest = divmod(whole, 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' * (minutes != 1)}")
    if rest or not minutes:
        parts.append(f"{rest} second{'s' * (rest != 1)}")
    return " ".join(parts)


def wait_after(failures: int) -> float:
    """The wait after `failures` wrong guesses: none before FREE_TRIES, then 2, 4, 8..."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(FIRST_WAIT_S * 2 ** (failures - FREE_TRIES), MAX_WAIT_S))


# ---- who may see what -----------------------------------------------------------------------


def locked_ids(db: Database, unlocked: Collection[int] = ()) -> frozenset[int]:
    """The workbooks locked for a reader who has unlocked `unlocked` (ids)."""
    rows = db.execute(f"SELECT workbook_id FROM {TABLE}")
    return frozenset(row[0] for row in rows if row[0] not in unlocked)


def is_locked(db: Database, workbook_id: int, unlocked: Collection[int] = ()) -> bool:
    """Whether `workbook_id` is locked for a reader who has unlocked `unlocked`: the one
    question every part that shows, searches, counts or exports a workbook asks."""
    return workbook_id not in unlocked and has_pin(db, workbook_id)


def has_pin(db: Database, workbook_id: int) -> bool:
    """Whether the workbook has a PIN at all (locked or not for whoever asks)."""
    row = db.execute(f"SELECT 1 FROM {TABLE} WHERE workbook_id = ?", [workbook_id])
    return row.fetchone() is not None


def refuse_restore_if_locked(db: Database, unlocked: Collection[int] = ()) -> None:
    """Raise `LockedInFile` if any workbook in the file is locked for this reader: a
    backup from before its PIN would open it to anyone at the laptop. One rule for the
    window (which passes the workbook it has unlocked) and `career-workbook restore`."""
    locked = locked_ids(db, unlocked) if TABLE in db.table_names() else frozenset()
    if locked:
        raise LockedInFile(locked)


def label(workbook_id: int) -> str:
    """What a locked workbook is called wherever it is listed: its number only, since its
    name may be its owner's name and no typed text shows while it is locked."""
    return f"Locked workbook {workbook_id}"


def listed(db: Database, unlocked: Collection[int] = ()) -> list[WorkbookInfo]:
    """Every workbook as a reader may see it: the open ones by name, then each locked one
    as its `label`, by number."""
    from workbook.queries import list_workbooks

    hidden = locked_ids(db, unlocked)
    shown = [info for info in list_workbooks(db) if info.id not in hidden]
    locked = sorted(
        (info for info in list_workbooks(db) if info.id in hidden), key=lambda info: info.id
    )
    return shown + [replace(info, name=label(info.id)) for info in locked]


def refuse_if_locked(
    db: Database, workbook_id: int, named: str, unlocked: Collection[int] = ()
) -> None:
    """Raise `Locked` if the workbook is locked, naming it as the reader did (`named`):
    not even the stored spelling of its name is told."""
    if is_locked(db, workbook_id, unlocked):
        raise Locked(named)


# ---- setting, checking, clearing --------------------------------------------------------------


def check_new_pin(pin: str) -> str:
    """A PIN or passphrase as it will be kept, or InvalidEdit saying plainly what is wrong."""
    if not isinstance(pin, str) or len(pin.strip()) < MIN_LENGTH:
        raise InvalidEdit(f"Choose a PIN or passphrase of at least {MIN_LENGTH} characters.")
    if len(pin) > MAX_LENGTH:
        raise InvalidEdit(f"Keep the PIN or passphrase to {MAX_LENGTH} characters or fewer.")
    if any(ord(c) < 32 or ord(c) == 127 for c in pin):
        raise InvalidEdit("A PIN or passphrase cannot hold a tab, a line break or a control key.")
    return pin


def _hash(pin: str, salt: bytes, method: str = METHOD) -> bytes:
    # Imported here, not at the top: hashlib maps OpenSSL's library (~4 MiB resident), and
    # the window needs this module at start only to know which workbooks are locked.
    import hashlib

    costs = dict(part.split("=") for part in method.split()[1:])
    return hashlib.scrypt(
        pin.encode("utf-8"),
        salt=salt,
        n=int(costs["n"]),
        r=int(costs["r"]),
        p=int(costs["p"]),
        maxmem=64 * 1024 * 1024,
        dklen=_HASH_BYTES,
    )


def set_pin(db: Database, workbook_id: int, pin: str) -> None:
    """Lock a workbook with `pin` (a new PIN replaces the old one, with a new salt, and
    forgets the wrong guesses). Not an edit of the answers: nothing to undo."""
    from workbook.queries import get_workbook

    pin = check_new_pin(pin)
    salt = os.urandom(_SALT_BYTES)
    digest = _hash(pin, salt)
    with db.atomic():
        get_workbook(db, workbook_id)  # NotFound for a workbook that is gone
        db.execute(
            f"INSERT OR REPLACE INTO {TABLE} "
            "(workbook_id, method, salt, hash, failures, wait_until, set_at) "
            "VALUES (?, ?, ?, ?, 0, NULL, ?)",
            [workbook_id, METHOD, salt, digest, _stamp()],
        )


def clear_pin(db: Database, workbook_id: int) -> None:
    """Take the PIN off a workbook (the window asks only once it is unlocked)."""
    with db.atomic():
        db.execute(f"DELETE FROM {TABLE} WHERE workbook_id = ?", [workbook_id])


def wait_left(db: Database, workbook_id: int) -> float:
    """Seconds before the next guess may be made (0 when it may be made now). A clock
    set back never makes the wait longer than MAX_WAIT_S."""
    row = db.execute(
        f"SELECT wait_until FROM {TABLE} WHERE workbook_id = ?", [workbook_id]
    ).fetchone()
    if row is None or row[0] is None:
        return 0.0
    return max(0.0, min(row[0] - now(), MAX_WAIT_S))


def try_pin(db: Database, workbook_id: int, pin: str) -> Verdict:
    """Check a guess. The right PIN resets the wrong guesses; a wrong one is counted, in
    the file, and past FREE_TRIES sets the wait. During a wait the guess is not looked
    at (nor counted). A workbook without a PIN is simply open."""
    row = db.execute(
        f"SELECT method, salt, hash, failures FROM {TABLE} WHERE workbook_id = ?", [workbook_id]
    ).fetchone()
    if row is None:
        return Verdict(unlocked=True)
    method, salt, digest, failures = row
    waiting = wait_left(db, workbook_id)
    if waiting > 0:
        return Verdict(unlocked=False, wait_s=waiting, failures=failures, checked=False)
    import hmac  # as hashlib in _hash: only when a guess is checked

    right = isinstance(pin, str) and hmac.compare_digest(_hash(pin, salt, method), digest)
    failures = 0 if right else failures + 1
    wait = wait_after(failures)
    with db.atomic():
        db.execute(
            f"UPDATE {TABLE} SET failures = ?, wait_until = ? WHERE workbook_id = ?",
            [failures, now() + wait if wait else None, workbook_id],
        )
    return Verdict(unlocked=right, wait_s=wait, failures=failures)


def _stamp() -> str:
    from workbook.change import now_iso

    return now_iso()
