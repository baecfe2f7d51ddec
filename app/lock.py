"""Operating-system locks next to the database: one window per database, and no file replaced
under a command that is using it.

- ``<database>.lock``: held by the window for as long as it is open (one window per database).
- ``<database>.in-use``: held shared by every command that opens the database (an import, an
  export, a report) and exclusively by what replaces the database's pages or file (a restore,
  encrypting). A restore during an import would otherwise put the backup over the import after
  the import said it was saved, or keep a copy taken before it.

A lock belongs to the process, so the system drops it when Trede stops in any way (a crash or
SIGKILL included): a stale lock file never blocks the next start. The standard library is enough
for this (``fcntl.flock`` / ``msvcrt.locking``); no extra package is needed
(``LockFileEx`` through ``ctypes`` for a shared lock on Windows).
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


class DatabaseBusy(UserError):
    """A command is using the database, or it is being replaced, so it cannot be used now."""


def use_path(database_path: Path) -> Path:
    """The file that commands using the database lock shared, and a restore exclusively."""
    return database_path.with_name(database_path.name + ".in-use")


def _try_lock(descriptor: int, exclusive: bool = True) -> bool:
    """Take the lock without waiting; False when another process holds it (or, for a shared
    lock, holds it exclusively)."""
    if sys.platform == "win32":
        import ctypes
        import msvcrt
        from ctypes import wintypes

        class Overlapped(ctypes.Structure):
            _fields_ = [
                ("internal", ctypes.c_size_t),
                ("internal_high", ctypes.c_size_t),
                ("offset", wintypes.DWORD),
                ("offset_high", wintypes.DWORD),
                ("event", wintypes.HANDLE),
            ]

        fail_immediately, exclusive_lock = 0x1, 0x2
        flags = fail_immediately | (exclusive_lock if exclusive else 0)
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(descriptor))
        region = Overlapped()
        return bool(ctypes.windll.kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(region)))
    import fcntl

    try:
        fcntl.flock(descriptor, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _open_lock_file(path: Path) -> int | None:
    """A descriptor of the lock file, made when missing; None where nothing can be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        # A folder where nothing can be written: opening the database says so in a moment.
        return None


class _FileLock:
    """An operating-system lock on one file next to the database, held from ``acquire`` (or
    the ``with`` block) until ``release``; closing the file drops it."""

    exclusive = True

    def __init__(self, path: Path, database_path: Path) -> None:
        self.path = path
        self.database = database_path
        self._descriptor: int | None = None

    def refusal(self) -> UserError:
        """What to tell the user when another process holds the lock."""
        raise NotImplementedError  # each lock says it in its own words

    def acquire(self) -> None:
        """Take the lock, or raise :meth:`refusal`; nothing has changed then."""
        descriptor = _open_lock_file(self.path)
        if descriptor is None:
            return
        if not _try_lock(descriptor, self.exclusive):
            os.close(descriptor)
            raise self.refusal()
        self._descriptor = descriptor

    def release(self) -> None:
        """Let the next one in."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def __enter__(self) -> _FileLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


class WriterLock(_FileLock):
    """Held by the window for as long as it has the database open."""

    def __init__(self, database_path: Path) -> None:
        super().__init__(lock_path(database_path), database_path)

    def refusal(self) -> UserError:
        """Another window has the database open."""
        return DatabaseInUse(
            _(
                "Trede is al geopend op deze database (%(path)s). Sluit eerst het andere "
                "venster, of wacht tot het klaar is."
            )
            % {"path": self.database}
        )

    def acquire(self) -> None:
        """Take the lock and write this process's id in the file (for whoever looks)."""
        super().acquire()
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._descriptor, 0)
                os.write(self._descriptor, f"{os.getpid()}\n".encode())


class UseLock(_FileLock):
    """Shared while a command uses the database; exclusive while a restore or encrypting
    replaces it. Either way it is refused, with a sentence, while the other kind is held."""

    def __init__(self, database_path: Path, exclusive: bool = False) -> None:
        super().__init__(use_path(database_path), database_path)
        self.exclusive = exclusive

    def refusal(self) -> UserError:
        """A command runs (refusing a restore), or a restore runs (refusing a command)."""
        if self.exclusive:
            return DatabaseBusy(
                _(
                    "Een andere opdracht van Trede werkt nu met %(path)s, bijvoorbeeld een "
                    "import of een export. Wacht tot die klaar is en probeer het dan opnieuw. "
                    "Er is niets veranderd."
                )
                % {"path": self.database}
            )
        return DatabaseBusy(
            _(
                "Trede zet nu een back-up terug in %(path)s of versleutelt die database. "
                "Wacht tot dat klaar is en probeer het dan opnieuw. Er is niets veranderd."
            )
            % {"path": self.database}
        )
