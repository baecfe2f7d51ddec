"""One window per database: an operating-system lock on ``<database>.lock``.

The lock belongs to the process, so the system drops it when Trede stops in any way (a crash or
SIGKILL included): a stale lock file never blocks the next start. The standard library is enough
for this (``fcntl.flock`` / ``msvcrt.locking``); no extra package is needed.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from resources.errors import UserError
from resources.i18n import _


class DatabaseInUse(UserError):
    """Another Trede window has this database open."""


def lock_path(database_path: Path) -> Path:
    """The lock file next to the database."""
    return database_path.with_name(database_path.name + ".lock")


def _try_lock(descriptor: int) -> bool:
    """Take the lock without waiting; False when another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class WriterLock:
    """Held by the window for as long as it has the database open."""

    def __init__(self, database_path: Path) -> None:
        self.path = lock_path(database_path)
        self._descriptor: int | None = None

    def acquire(self) -> None:
        """Take the lock, or say clearly that another window has the database open."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            # A folder where nothing can be written: opening the database says so in a moment.
            return
        if not _try_lock(descriptor):
            os.close(descriptor)
            raise DatabaseInUse(
                _(
                    "Trede is al geopend op deze database (%(path)s). Sluit eerst het andere "
                    "venster, of wacht tot het klaar is."
                )
                % {"path": self.path.with_suffix("")}
            )
        with contextlib.suppress(OSError):
            os.ftruncate(descriptor, 0)
            os.write(descriptor, f"{os.getpid()}\n".encode())
        self._descriptor = descriptor

    def release(self) -> None:
        """Let the next window in; closing the file drops the lock."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
