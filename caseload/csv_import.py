"""Importing clients from a CSV export: each row checked by the store's rules, all in one transaction.

The rows are checked first, without the database (:mod:`caseload.csv_rows`, the same rules as
``clients.add``), then compared with the stored references and written inside one
``db.atomic()``: a crash, a kill or a cancel halfway leaves the database as it was. New clients
are written in batches with ``executemany`` and added to the search index in one statement
(see ``_suspend_search_trigger``), their trede
becomes a ladder step, and the summary columns are recomputed with the stores' own SQL. One
audit line records the counts, never a name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from sqlite_utils import Database

from caseload import (
    csv_mapping,
    csv_read,
    csv_rows,
    errors,
    model,
    people,
    records,
    schema,
    summary,
    validate,
)
from resources import audit, changes
from resources.changes import Kind
from resources.i18n import _, ngettext

#: Rows written per batch; progress and cancel are checked between batches.
BATCH = 2000

ImportRejected = csv_read.ImportRejected
RejectedRow = csv_read.RejectedRow
Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
OnExisting = Literal["skip", "update"]
ImportCancelled = csv_rows.ImportCancelled

_FTS_INSERT_TRIGGER = "clients_fts_insert"


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, as a dry run, would do)."""

    read: int
    added: int
    updated: int
    unchanged: int
    skipped: int
    rejected: tuple[RejectedRow, ...]
    dry_run: bool
    encoding: str
    delimiter: str
    ignored_bsn_column: str | None = None
    #: Lines that hold no client (a title, a totals or footer line, filler), with why.
    not_data: tuple[RejectedRow, ...] = ()

    @property
    def imported(self) -> int:
        """Rows that were (or would be) stored: added plus updated."""
        return self.added + self.updated

    @property
    def all_rejected(self) -> bool:
        """Whether the file had rows and not one of them could be used."""
        return self.read > 0 and len(self.rejected) == self.read


@dataclass
class _Plan:
    new: list[csv_rows.CheckedRow]
    updates: list[tuple[int, model.ClientDetails, csv_rows.CheckedRow | None]]
    unchanged: int
    skipped: int
    rejected: list[RejectedRow]


def inspect(
    source: Path | bytes, *, bsn_enabled: bool = False
) -> tuple[csv_read.CsvTable, dict[str, str | None]]:
    """The file read as a table and the detected mapping, for a preview the user can correct."""
    table = csv_read.read_table(source, csv_mapping.looks_like_header)
    return table, csv_mapping.detect_mapping(table.headers, bsn_enabled=bsn_enabled)


def _stored(db: Database, references: list[str]) -> dict[str, model.Client]:
    """The stored clients with these references."""
    sql = "SELECT * FROM clients WHERE reference IN (SELECT value FROM json_each(?))"
    return {
        row["reference"]: records.client(row) for row in db.query(sql, [json.dumps(references)])
    }


def _plan(
    db: Database,
    rows: list[csv_rows.CheckedRow],
    rejected: list[RejectedRow],
    *,
    on_existing: OnExisting,
    bsn_enabled: bool,
    today: dt.date,
) -> _Plan:
    """Which rows are new, which update a stored client, which are skipped or unchanged."""
    stored = _stored(db, [row.details.reference for row in rows])
    plan = _Plan([], [], 0, 0, list(rejected))
    for row in rows:
        client = stored.get(row.details.reference)
        if client is None:
            plan.new.append(row)
            continue
        if on_existing == "skip":
            plan.skipped += 1
            continue
        # An empty cell never erases what is stored: only the columns with a value change.
        old = client.details()
        given = row.given
        if row.full_name and row.full_name == people.display_name(
            old.first_name, old.initials, old.surname_prefix, old.surname
        ):
            given -= csv_rows.WHOLE_NAME  # the name as the lists show it: nothing to change
        changes = {name: getattr(row.details, name) for name in given}
        try:
            merged = validate.client_details(
                dataclasses.replace(old, **changes), bsn_enabled, today
            )
        except errors.CaseloadError as error:
            plan.rejected.append(RejectedRow(row.line, error.message))
            continue
        new_step = row.trede is not None and row.trede != client.current_trede
        if merged == old and not new_step:
            plan.unchanged += 1
        else:
            plan.updates.append((client.id, merged, row if new_step else None))
    plan.rejected.sort(key=lambda item: item.line_number)
    return plan


_ROW_COLUMNS = (*records.details_row(model.ClientDetails(reference="")).keys(), "sort_name")
_INSERT_CLIENT = (
    f"INSERT INTO clients (id, {', '.join(_ROW_COLUMNS)}, status, created_at, updated_at) "
    f"VALUES (?, {', '.join('?' for _ in _ROW_COLUMNS)}, 'active', ?, ?)"
)
_UPDATE_CLIENT = (
    f"UPDATE clients SET {', '.join(f'{column} = ?' for column in _ROW_COLUMNS)}, "
    "updated_at = ? WHERE id = ?"
)
_INSERT_STEP = (
    "INSERT INTO ladder_steps (client_id, measured_on, trede, note, measured_by) "
    "VALUES (?, ?, ?, ?, ?)"
)


def _values(details: model.ClientDetails) -> tuple[object, ...]:
    row = records.details_row(details)
    row["sort_name"] = summary.sort_name(details.first_name, details.initials, details.surname)
    return tuple(row[column] for column in _ROW_COLUMNS)


T = TypeVar("T")


def _batches(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


def _write(
    db: Database,
    plan: _Plan,
    *,
    actor: str,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> None:
    """Insert and update in batches; call inside the import's transaction."""
    stamp = records.now()
    note = _("Overgenomen uit een importbestand.")
    total = len(plan.new) + len(plan.updates)
    done = 0
    touched: list[int] = []

    def step(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)
        if cancelled is not None and cancelled():
            raise ImportCancelled()

    step(0)
    next_id = first_new_id = int(
        db.execute("SELECT coalesce(max(id), 0) + 1 FROM clients").fetchone()[0]
    )
    # At least as many new clients as there were: the clients' indexes are built once from all
    # rows at the end (as the demo does), not kept up to date row by row by every insert and
    # every summary update (an import into an empty file took twice as long).
    existing = int(db.execute("SELECT count(*) FROM clients").fetchone()[0])
    rebuild = schema.drop_indexes(db, ["clients"]) if len(plan.new) >= existing else []
    restore_trigger = _suspend_search_trigger(db)
    for new_rows in _batches(plan.new):
        ids = range(next_id, next_id + len(new_rows))
        next_id += len(new_rows)
        db.conn.executemany(
            _INSERT_CLIENT,
            [
                (ident, *_values(row.details), stamp, stamp)
                for ident, row in zip(ids, new_rows, strict=True)
            ],
        )
        steps = [
            (ident, records.iso(row.trede_on), row.trede, note, actor)
            for ident, row in zip(ids, new_rows, strict=True)
            if row.trede is not None
        ]
        db.conn.executemany(_INSERT_STEP, steps)
        touched.extend(ids)  # every new client: its first measurement is due from the start
        step(len(new_rows))
    _index_for_search(db, first_new_id)
    db.execute(restore_trigger)
    for updates in _batches(plan.updates):
        db.conn.executemany(
            _UPDATE_CLIENT,
            [(*_values(details), stamp, ident) for ident, details, _row in updates],
        )
        db.conn.executemany(
            _INSERT_STEP,
            [
                (ident, records.iso(row.trede_on), row.trede, note, actor)
                for ident, _details, row in updates
                if row is not None
            ],
        )
        touched.extend(ident for ident, _details, _row in updates)  # the start may have moved
        step(len(updates))
    summary.refresh_many(db, touched)
    for statement in rebuild:
        db.execute(statement)


def _suspend_search_trigger(db: Database) -> str:
    """Drop the FTS insert trigger for a bulk insert and return the SQL that restores it.

    Indexing 100,000 new clients row by row through the trigger takes many times longer than
    one ``INSERT … SELECT`` afterwards. The drop is part of the import's transaction, so the
    trigger is back (or was never gone) whatever happens.
    """
    found = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [_FTS_INSERT_TRIGGER]
    ).fetchone()
    if found is None:
        raise RuntimeError(f"trigger {_FTS_INSERT_TRIGGER} is missing")
    db.execute(f"DROP TRIGGER {_FTS_INSERT_TRIGGER}")
    return str(found[0])


def _index_for_search(db: Database, first_new_id: int) -> None:
    """Add the clients from ``first_new_id`` on to the search index, as the trigger would."""
    columns = ", ".join(schema.SEARCH_COLUMNS)
    db.execute(
        f"INSERT INTO {schema.FTS_TABLE}(rowid, {columns}) "
        f"SELECT id, {columns} FROM clients WHERE id >= ?",
        [first_new_id],
    )


def _claim_write_lock(db: Database) -> None:
    """Take SQLite's write lock now, so no other writer can slip in between reading and writing.

    A deferred transaction that first reads and then writes fails with "database is locked"
    (without waiting) when another connection wrote in between; a write statement as the first
    one waits for the lock instead (busy timeout). It changes no row.
    """
    db.execute("UPDATE clients SET id = id WHERE 0")


def import_clients(
    db: Database,
    source: Path | bytes | csv_read.CsvTable,
    *,
    mapping: Mapping[str, str | None] | None = None,
    on_existing: OnExisting = "skip",
    valid_only: bool = True,
    bsn_enabled: bool = False,
    actor: str,
    today: dt.date | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> changes.Changed[ImportResult]:
    """Import the clients in a CSV file in one transaction, or (``dry_run``) only say what would
    happen. ``valid_only`` False means all or nothing: one rejected row refuses the whole file.

    Refused with ``ImportRejected`` (nothing stored) when the file cannot be read, a required
    column is missing, or a row is rejected while importing all or nothing; raises
    ``ImportCancelled`` (nothing stored) when ``cancelled()`` turns true.
    """
    if on_existing not in ("skip", "update"):
        raise ValueError(f"on_existing must be 'skip' or 'update', not {on_existing!r}")
    day = dt.date.today() if today is None else today
    table = (
        source
        if isinstance(source, csv_read.CsvTable)
        else csv_read.read_table(source, csv_mapping.looks_like_header)
    )
    if mapping is None:
        mapping = csv_mapping.detect_mapping(table.headers, bsn_enabled=bsn_enabled)
        csv_mapping.refuse_repeated_columns(table.repeats, mapping)
    columns = csv_mapping.check_mapping(table.headers, mapping)
    rows, rejected, not_data = csv_rows.check_rows(
        table,
        columns,
        bsn_enabled=bsn_enabled,
        today=day,
        cancelled=cancelled,
        cancel_every=BATCH,
    )
    if not valid_only and rejected:
        raise _refused(rejected)

    def plan_now() -> _Plan:
        plan = _plan(
            db, rows, rejected, on_existing=on_existing, bsn_enabled=bsn_enabled, today=day
        )
        if not valid_only and plan.rejected:
            raise _refused(plan.rejected)
        return plan

    if dry_run:
        plan = plan_now()
    else:
        with db.atomic():
            _claim_write_lock(db)
            plan = plan_now()
            if plan.new or plan.updates:
                _write(db, plan, actor=actor, progress=progress, cancelled=cancelled)
                audit.record(
                    db,
                    actor=actor,
                    action="clients.import",
                    obj=f"clients:{len(plan.new) + len(plan.updates)}",
                    result=(
                        f"ok read={len(table.rows) - len(not_data)} added={len(plan.new)} "
                        f"updated={len(plan.updates)} unchanged={plan.unchanged} "
                        f"skipped={plan.skipped} rejected={len(plan.rejected)}"
                    ),
                )
                schema.write_statistics(db)
    stored = not dry_run and bool(plan.new or plan.updates)
    result = ImportResult(
        read=len(table.rows) - len(not_data),
        added=len(plan.new),
        updated=len(plan.updates),
        unchanged=plan.unchanged,
        skipped=plan.skipped,
        rejected=tuple(plan.rejected),
        dry_run=dry_run,
        encoding=table.encoding,
        delimiter=table.delimiter,
        ignored_bsn_column=csv_mapping.ignored_bsn_column(table.headers, mapping),
        not_data=tuple(sorted((*table.skipped, *not_data), key=lambda row: row.line_number)),
    )
    return changes.Changed(result, changes.many(Kind.CLIENT) if stored else changes.NOTHING)


def _refused(rejected: Sequence[RejectedRow]) -> ImportRejected:
    count = len(rejected)
    message = ngettext(
        "Er is niets ingelezen: %(count)d regel klopt niet.",
        "Er is niets ingelezen: %(count)d regels kloppen niet.",
        count,
    ) % {"count": count}
    return ImportRejected(message, tuple(sorted(rejected, key=lambda row: row.line_number)))
