"""The content of a transfer file: every row of chosen client files, copied field by field.

The container is a database of its own (app opens it encrypted with SQLCipher): per table a copy
of the rows with the same column names, without types so that every value keeps its own, and a
small ``transfer_info`` table that says what it is and holds a digest of all rows. Reading checks
the digest, so a damaged file is refused as a whole instead of half read.

Importing gives every row a new id in the receiving database and points every reference (the
client, a barrier's history, a follow-up's outflow, an appointment's contacts) at the new ids.
The rule for a klantnummer the receiving database already has: the whole file is refused and
nothing changes; the message names the klantnummers (erase or renumber that client first).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from caseload import clients, errors
from resources import audit, changes
from resources.errors import UserError
from resources.i18n import _

FORMAT = "trede-transfer"
VERSION = 1
INFO_TABLE = "transfer_info"
#: The client's own table first, then the per-client tables parents first.
TABLES = ("clients", *reversed(clients.CHILD_TABLES))
#: References between per-client tables that are not declared as foreign keys.
EXTRA_REFERENCES = {
    "appointments": {"planned_in_contact_id": "contacts", "held_in_contact_id": "contacts"},
}
#: Klantnummers named in a refusal at most; the rest is counted.
NAMED = 5


class TransferRefused(UserError):
    """The transfer file cannot be read or imported; nothing was changed."""


@dataclass(frozen=True)
class Package:
    """What a transfer file holds: its description and, per table, the columns and rows."""

    info: dict[str, str]
    tables: dict[str, tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]]

    @property
    def references(self) -> tuple[str, ...]:
        """The klantnummers in the file."""
        columns, rows = self.tables["clients"]
        at = columns.index("reference")
        return tuple(str(row[at]) for row in rows)


@dataclass(frozen=True)
class Imported:
    """What an import added: the new client ids by klantnummer, and the rows per table."""

    client_ids: dict[str, int]
    rows: dict[str, int]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _columns(db: Database, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in db.execute(f"PRAGMA table_info({_quote(table)})").fetchall())


def _digest(tables: dict[str, tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]]) -> str:
    """A SHA-256 over every table's columns and rows, in a fixed order."""
    text = json.dumps(
        [
            [table, list(columns), [list(row) for row in rows]]
            for table, (columns, rows) in sorted(tables.items())
        ],
        ensure_ascii=False,
        default=repr,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def collect(db: Database, client_ids: Iterable[int]) -> Package:
    """Every row of these clients, per table, as stored; NotFound when a client is not there."""
    ids = list(dict.fromkeys(client_ids))
    if not ids:
        raise errors.CaseloadError(_("Kies eerst een of meer klanten."))
    for client_id in ids:
        clients.exists(db, client_id)
    marks = ", ".join("?" for _ in ids)
    tables = {}
    for table in TABLES:
        key = "id" if table == "clients" else "client_id"
        columns = _columns(db, table)
        rows = tuple(
            tuple(row)
            for row in db.execute(
                f"SELECT * FROM {_quote(table)} WHERE {key} IN ({marks}) ORDER BY id", ids
            ).fetchall()
        )
        tables[table] = (columns, rows)
    return Package({}, tables)


def write(
    container: Database, package: Package, *, made_on: str, sender: str
) -> changes.Changed[Package]:
    """Write the package into an empty container database; the package as written. The
    container is not the database: nothing there changes."""
    info = {
        "format": FORMAT,
        "version": str(VERSION),
        "made_on": made_on,
        "sender": sender,
        "clients": str(len(package.tables["clients"][1])),
        "digest": _digest(package.tables),
    }
    with container.atomic():
        container.execute(f"CREATE TABLE {INFO_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
        for key, value in info.items():
            container.execute(f"INSERT INTO {INFO_TABLE} VALUES (?, ?)", [key, value])
        for table, (columns, rows) in package.tables.items():
            names = ", ".join(_quote(column) for column in columns)
            container.execute(f"CREATE TABLE {_quote(table)} ({names})")
            marks = ", ".join("?" for _ in columns)
            container.conn.executemany(
                f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", rows
            )
    return changes.Changed(Package(info, package.tables), changes.Changes())


def damaged() -> TransferRefused:
    """The one refusal for a file that is not a whole transfer file."""
    return TransferRefused(
        _(
            "Het bestand is beschadigd of is geen overdrachtsbestand van Trede. Er is niets veranderd."
        )
    )


def read(container: Database) -> Package:
    """Read and check a container: a transfer file of a known version, every row intact."""
    present = {
        row[0] for row in container.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if INFO_TABLE not in present:
        raise damaged()
    info = {
        str(key): str(value)
        for key, value in container.execute(f"SELECT key, value FROM {INFO_TABLE}")
    }
    if info.get("format") != FORMAT or not info.get("version", "").isdigit():
        raise damaged()
    if int(info["version"]) > VERSION:
        raise TransferRefused(
            _(
                "Dit overdrachtsbestand komt uit een nieuwere versie van Trede. Werk Trede eerst bij; er is niets veranderd."
            )
        )
    if not set(TABLES) <= present:
        raise damaged()
    tables = {}
    for table in TABLES:
        columns = _columns(container, table)
        needed = {"id", "reference"} if table == "clients" else {"id", "client_id"}
        if not needed <= set(columns):
            raise damaged()
        rows = tuple(
            tuple(row)
            for row in container.execute(f"SELECT * FROM {_quote(table)} ORDER BY id").fetchall()
        )
        tables[table] = (columns, rows)
    if _digest(tables) != info.get("digest"):
        raise damaged()
    return Package(info, tables)


def _references(db: Database, table: str) -> dict[str, str]:
    """Column -> the per-client table it points at (foreign keys plus the known others)."""
    found = {
        row[3]: row[2]
        for row in db.execute(f"PRAGMA foreign_key_list({_quote(table)})").fetchall()
        if row[2] in TABLES
    }
    return found | EXTRA_REFERENCES.get(table, {})


def _refuse_known(db: Database, references: tuple[str, ...]) -> None:
    taken = [
        row[0]
        for row in db.execute(
            "SELECT reference FROM clients WHERE reference IN (SELECT value FROM json_each(?)) ORDER BY reference",
            [json.dumps(list(references))],
        )
    ]
    if taken:
        shown = ", ".join(taken[:NAMED]) + (" …" if len(taken) > NAMED else "")
        raise TransferRefused(
            _(
                "Deze klantnummers staan al in Trede: %(references)s. Verwijder of hernummer die "
                "klanten eerst; er is niets ingelezen."
            )
            % {"references": shown}
        )


def load(db: Database, package: Package, *, actor: str) -> changes.Changed[Imported]:
    """Add every row of the package with new ids and references; all or nothing, audited."""
    counts: dict[str, int] = {}
    new_ids: dict[str, dict[Any, int]] = {table: {} for table in TABLES}
    with db.atomic():
        _refuse_known(db, package.references)
        for table in TABLES:
            columns, rows = package.tables[table]
            known = set(_columns(db, table))
            unknown = [column for column in columns if column not in known]
            if unknown:
                raise TransferRefused(
                    _(
                        "Dit overdrachtsbestand komt uit een nieuwere versie van Trede. Werk Trede eerst bij; er is niets veranderd."
                    )
                )
            pointers = _references(db, table)
            if table != "clients":
                pointers["client_id"] = "clients"
            for row in rows:
                values = dict(zip(columns, row, strict=True))
                old_id = values.pop("id")
                for column, target in pointers.items():
                    old = values.get(column)
                    if old is None:
                        continue
                    if old not in new_ids[target]:
                        raise damaged()  # a row that points outside the file
                    values[column] = new_ids[target][old]
                names = ", ".join(_quote(name) for name in values)
                marks = ", ".join("?" for _ in values)
                cursor = db.execute(
                    f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", list(values.values())
                )
                new_ids[table][old_id] = int(cursor.lastrowid or 0)
            counts[table] = len(rows)
        client_ids = {}
        columns, rows = package.tables["clients"]
        at_id, at_reference = columns.index("id"), columns.index("reference")
        for row in rows:
            client_id = new_ids["clients"][row[at_id]]
            client_ids[str(row[at_reference])] = client_id
            audit.record(
                db, actor=actor, action="client.transfer_import", obj=clients.obj(client_id)
            )
    return changes.Changed(Imported(client_ids, counts), changes.clients(client_ids.values()))
