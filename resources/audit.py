"""The audit log: who did what to which object, with what result; never the content itself.

Both domains write it from inside their own ``db.atomic()`` blocks, so a change and its log line
commit together. Each entry carries the hash of the one before it, so a changed or removed entry
breaks the chain and ``trede check`` reports it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database


TABLE = "audit_log"
GENESIS = "0" * 64


@dataclass(frozen=True)
class Entry:
    """One line of the audit log."""

    id: int
    at: str
    actor: str
    action: str
    object: str
    result: str
    origin: str
    prev_hash: str
    hash: str


def _digest(
    prev_hash: str, at: str, actor: str, action: str, obj: str, result: str, origin: str
) -> str:
    import hashlib  # loads OpenSSL: not before the window's first page is painted

    payload = "\x1f".join((prev_hash, at, actor, action, obj, result, origin))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(
    db: Database,
    *,
    actor: str,
    action: str,
    obj: str,
    result: str = "ok",
    origin: str = "app",
) -> None:
    """Append one entry; call it inside the same ``db.atomic()`` as the change it records."""
    last = list(db.query(f"select hash from {TABLE} order by id desc limit 1"))
    prev_hash = last[0]["hash"] if last else GENESIS
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    db[TABLE].insert(  # type: ignore[union-attr]
        {
            "at": at,
            "actor": actor,
            "action": action,
            "object": obj,
            "result": result,
            "origin": origin,
            "prev_hash": prev_hash,
            "hash": _digest(prev_hash, at, actor, action, obj, result, origin),
        }
    )


def record_alone(
    db: Database,
    *,
    actor: str,
    action: str,
    obj: str,
    result: str = "ok",
    origin: str = "app",
) -> None:
    """Append one entry in its own transaction: for what changes nothing, like a report."""
    with db.atomic():
        record(db, actor=actor, action=action, obj=obj, result=result, origin=origin)


def inclusion_object(team: str | None, start: object, end: object) -> str:
    """The object of an inclusion report in the log: the team and the period, no people."""
    return f"team:{team or '*'}:{start}..{end}"


def entries(db: Database, limit: int = 200) -> list[Entry]:
    """The newest entries first."""
    return [
        Entry(**row) for row in db.query(f"select * from {TABLE} order by id desc limit ?", [limit])
    ]


def broken_entries(db: Database) -> list[int]:
    """The ids of entries whose hash or link to the previous entry does not hold."""
    broken: list[int] = []
    prev_hash = GENESIS
    for row in db.query(f"select * from {TABLE} order by id"):
        expected = _digest(
            prev_hash,
            row["at"],
            row["actor"],
            row["action"],
            row["object"],
            row["result"],
            row["origin"],
        )
        if row["prev_hash"] != prev_hash or row["hash"] != expected:
            broken.append(int(row["id"]))
        prev_hash = row["hash"]
    return broken
