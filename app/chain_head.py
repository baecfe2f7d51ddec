"""The newest audit entry, kept outside the database too, so a log cut short is noticed.

The hash chain in the database shows a changed or removed entry in the middle, but not the
newest entries removed, the whole log emptied, an entry appended with a recomputed hash, or the
file replaced by an older copy of itself: each of those leaves a chain that holds. So after
every committed transaction the newest entry (its id and hash) is also written to a small file
in ``audit-heads/`` beside the settings, one per database file and per backup. On opening, the
file's newest entry must be that head, or an entry that was about to be committed when
Trede stopped (kept as *pending* just before the commit, so a crash or a kill between the
commit and the head is never taken for tampering).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import paths
from resources.errors import UserError, file_reason
from resources.i18n import _

FOLDER_NAME = "audit-heads"
#: The (id, hash) of a database's newest audit entry; None for an empty log.
Head = tuple[int, str] | None


class HeadProblem(UserError):
    """The head of the log cannot be kept outside the database; the change is not made."""


def heads_folder() -> Path:
    """The folder that holds the heads, beside the settings: one small file per database."""
    return paths.config_dir() / FOLDER_NAME


def newest(connection: Any) -> Head:
    """The id and hash of the newest entry in the log of an open database (or connection)."""
    row = connection.execute("select id, hash from audit_log order by id desc limit 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def head_file(path: Path, folder: Path | None = None) -> Path:
    """The file that keeps the head of the database (or backup) at ``path``."""
    name = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:32]
    return (folder or heads_folder()) / f"{name}.json"


def _encode(head: Head) -> list[Any] | None:
    return None if head is None else [head[0], head[1]]


def _decode(value: Any) -> Head:
    if isinstance(value, list) and len(value) == 2:
        return int(value[0]), str(value[1])
    return None


@dataclass(frozen=True)
class Stored:
    """What is kept about one file: its head, and heads that may have been committed."""

    known: bool
    head: Head = None
    pending: tuple[Head, ...] = ()


def stored(path: Path, folder: Path | None = None) -> Stored:
    """The head kept for ``path``; ``known`` is False when none was ever kept."""
    try:
        entry = json.loads(head_file(path, folder).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return Stored(known=False)
    if not isinstance(entry, dict):
        return Stored(known=False)
    pending = entry.get("pending")
    try:
        return Stored(
            known=True,
            head=_decode(entry.get("head")),
            pending=tuple(_decode(p) for p in pending) if isinstance(pending, list) else (),
        )
    except (TypeError, ValueError):
        return Stored(known=False)  # a garbled head file says nothing


def _update(
    path: Path,
    folder: Path | None,
    head: Head,
    pending: tuple[Head, ...],
    durable: bool = True,
) -> None:
    """Replace the head file of ``path`` in one step."""
    _write(head_file(path, folder), path, head, pending, durable)


#: A head file is one block of this size, overwritten in place by a single write: a kill
#: leaves the old block or the new one, and no rename is needed (a rename costs as much as the
#: whole write on some file systems, and this runs twice for every committed change).
RECORD_BYTES = 4096
#: At most this many pending heads are kept (normally there is one at a time).
MAX_PENDING = 16


def _write(target: Path, path: Path, head: Head, pending: tuple[Head, ...], durable: bool) -> None:
    """Overwrite the head file of ``path`` with one block."""
    data = json.dumps(
        {
            "file": str(path),
            "head": _encode(head),
            "pending": [_encode(p) for p in pending[-MAX_PENDING:]],
        }
    ).encode("utf-8")
    if len(data) > RECORD_BYTES:  # only a path of thousands of characters gets here
        data = json.dumps(
            {"head": _encode(head), "pending": [_encode(p) for p in pending[-1:]]}
        ).encode("utf-8")
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT, 0o600)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, data.ljust(RECORD_BYTES))  # at offset 0: the file was just opened
        if durable:
            os.fsync(descriptor)
    finally:
        os.close(descriptor)


def keep(path: Path, head: Head, folder: Path | None = None) -> None:
    """Record ``head`` as the newest entry of ``path`` (a backup just written, a restore)."""
    _update(path, folder, head, ())


def expect(path: Path, head: Head, folder: Path | None = None) -> None:
    """Note that ``path`` is about to end at ``head`` (a file about to be swapped in)."""
    kept = stored(path, folder)
    _update(path, folder, kept.head if kept.known else head, (*kept.pending, head))


def forget(path: Path, folder: Path | None = None) -> None:
    """Drop what is kept for ``path`` (a backup that was removed)."""
    with contextlib.suppress(OSError):
        head_file(path, folder).unlink()


def mismatch(path: Path, current: Head, folder: Path | None = None) -> str | None:
    """One sentence when the log of ``path`` does not end where Trede last saw it end."""
    kept = stored(path, folder)
    if not kept.known or current == kept.head or current in kept.pending:
        return None
    if kept.head is None:
        return _(
            "Het logboek heeft regels die Trede niet heeft geschreven (er stond nog niets in): "
            "er is met het logboek geknoeid."
        )
    if current is None:
        return _(
            "Het logboek is leeg, maar Trede schreef er eerder regel %(id)d in: het logboek is "
            "gewist of het bestand is vervangen."
        ) % {"id": kept.head[0]}
    if current[0] > kept.head[0]:
        return _(
            "Het logboek loopt door na regel %(id)d, de laatste die Trede schreef: er zijn "
            "regels toegevoegd buiten Trede om."
        ) % {"id": kept.head[0]}
    return _(
        "Het logboek eindigt bij regel %(now)d, maar Trede schreef al regel %(id)d: er zijn "
        "regels weggehaald of het bestand is vervangen door een oudere kopie."
    ) % {"now": current[0], "id": kept.head[0]}


class Witness:
    """Keeps the head of one open database in the heads file, around every transaction.

    When the log did not end where it should at opening, the witness stays silent: the head
    outside is left as it was, so ``trede check`` keeps reporting it until a backup is restored.
    """

    def __init__(self, path: Path, current: Head, folder: Path | None = None) -> None:
        self.path = path
        self.folder = folder or heads_folder()
        self._file = head_file(path, self.folder)
        self.problem = mismatch(path, current, self.folder)
        self._head: Head = current
        self._pending: tuple[Head, ...] = ()
        kept = stored(path, self.folder)
        if self.problem is None and (not kept.known or kept.pending):
            # First sight of this file (or the heads were lost): its log is taken as it is.
            # After a stop between a note and its commit, the log's end now says which it was:
            # from here on, removing that last entry is noticed too. A folder that cannot be
            # written does not stop reading; the first write says so.
            with contextlib.suppress(OSError):
                _update(path, self.folder, current, (), durable=False)

    def _save(self, head: Head, pending: tuple[Head, ...]) -> None:
        try:
            _write(self._file, self.path, head, pending, durable=False)
        except OSError as error:
            raise HeadProblem(
                _(
                    "Het logboek kan niet worden bijgehouden in %(path)s: %(reason)s. "
                    "Er is niets veranderd."
                )
                % {"path": self.folder, "reason": file_reason(error)}
            ) from error

    def before_commit(self, current: Head) -> None:
        """Note the head the transaction is about to commit (raises HeadProblem: roll back).

        Not forced to disk: a crash or kill keeps it (the system has it), and an fsync on every
        write would double what a write costs. After a power cut this note may be lost while the
        commit is not; ``check`` then reports the last write as made outside Trede (see README).
        """
        if self.problem is not None or current == self._head:
            return
        self._pending = (*self._pending, current)
        # The head as kept now: another connection to the same file (a worker thread, another
        # command) may have moved it on since this one last wrote.
        kept = stored(self.path, self.folder)
        self._save(kept.head if kept.known else self._head, (*kept.pending, current))

    def after_commit(self, current: Head) -> None:
        """The transaction committed: its head is now the head."""
        if self.problem is not None or (current == self._head and not self._pending):
            return
        self._head, self._pending = current, ()
        # A failure is let go: the pending note already covers this head, and the next commit
        # writes it again.
        with contextlib.suppress(OSError):
            _write(self._file, self.path, current, (), durable=False)

    def after_rollback(self) -> None:
        """The transaction did not commit: what was pending is not coming."""
        self._pending = ()
