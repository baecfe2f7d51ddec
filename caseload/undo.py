"""Undo and redo for one client's file: a snapshot of every row about the client, put back.

The window takes a snapshot of the client before and after a change; undo puts the first
back, redo the second, each in one transaction with its audit line. Because the rows come back
with their own ids and values, the tables are exactly as they were (the search index follows
through its triggers). A file changed meanwhile by something else is refused, never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from caseload import clients, errors
from resources import audit, changes
from resources.changes import Kind
from resources.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

#: The tables with rows about one client, in the order they are filled (parents first).
TABLES = tuple(reversed(clients.CHILD_TABLES))

Row = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class Snapshot:
    """Every row about one client as it was: the client's own row (None: not there) and the
    rows of each table, by id."""

    client_id: int
    client: Row | None
    rows: tuple[tuple[str, tuple[Row, ...]], ...]


def _rows(db: Database, sql: str, params: list[Any]) -> tuple[Row, ...]:
    cursor = db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return tuple(tuple(zip(names, row, strict=True)) for row in cursor.fetchall())


def snapshot(db: Database, client_id: int) -> Snapshot:
    """The client's rows as they are now."""
    own = _rows(db, "SELECT * FROM clients WHERE id = ?", [client_id])
    rows = tuple(
        (table, _rows(db, f"SELECT * FROM {table} WHERE client_id = ? ORDER BY id", [client_id]))
        for table in TABLES
    )
    return Snapshot(client_id, own[0] if own else None, rows)


def _insert(db: Database, table: str, row: Row) -> None:
    names = ", ".join(f'"{name}"' for name, _value in row)
    marks = ", ".join("?" for _ in row)
    db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", [v for _n, v in row])


def restore(
    db: Database, target: Snapshot, *, expected: Snapshot, actor: str, action: str
) -> changes.Changes:
    """Put the client's rows back as in ``target``; refused (nothing changed) unless they are
    as in ``expected`` now. ``action`` is the audit action ("client.undo", "client.redo")."""
    return restore_many(db, (target,), expected=(expected,), actor=actor, action=action)


def snapshots(db: Database, client_ids: tuple[int, ...]) -> tuple[Snapshot, ...]:
    """The rows of several clients as they are now (a change to many files at once)."""
    return tuple(snapshot(db, client_id) for client_id in client_ids)


def restore_many(
    db: Database,
    targets: tuple[Snapshot, ...],
    *,
    expected: tuple[Snapshot, ...],
    actor: str,
    action: str,
) -> changes.Changes:
    """Put several clients' rows back in one transaction: all of them, or none when one file
    changed meanwhile; one audit line per client."""
    with db.atomic():
        for target, before in zip(targets, expected, strict=True):
            if snapshot(db, target.client_id) != before:
                raise errors.CaseloadError(
                    _(
                        "Dit kan niet meer ongedaan worden gemaakt: het dossier is intussen veranderd."
                    )
                )
        for target, before in zip(targets, expected, strict=True):
            _put_back(db, target, before)
            audit.record(db, actor=actor, action=action, obj=clients.obj(target.client_id))
    ids = frozenset(target.client_id for target in targets)
    kinds = frozenset({Kind.CLIENT, Kind.LADDER, Kind.BARRIER, Kind.CONTACT, Kind.ACTION})
    return changes.Changes(kinds, frozenset((Kind.CLIENT, ident) for ident in ids), ids)


def _put_back(db: Database, target: Snapshot, expected: Snapshot) -> None:
    client_id = target.client_id
    for table in clients.CHILD_TABLES:
        db.execute(f"DELETE FROM {table} WHERE client_id = ?", [client_id])
    if target.client is None:
        db.execute("DELETE FROM clients WHERE id = ?", [client_id])
    elif expected.client is None:
        _insert(db, "clients", target.client)
    else:
        values = [(name, value) for name, value in target.client if name != "id"]
        assignments = ", ".join(f'"{name}" = ?' for name, _value in values)
        db.execute(
            f"UPDATE clients SET {assignments} WHERE id = ?",
            [value for _name, value in values] + [client_id],
        )
    for table, rows in target.rows:
        for row in rows:
            _insert(db, table, row)
