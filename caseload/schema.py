"""The caseload tables and their migrations; the caseload package owns them."""

from __future__ import annotations

from collections.abc import Collection

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from caseload import closing, protection, summary
from caseload.schema_names import FTS_TABLE as FTS_TABLE
from caseload.schema_names import SEARCH_INDEX as SEARCH_INDEX
from caseload.schema_names import STALE_TABLE as STALE_TABLE
from caseload.schema_names import WALK_INDEX as WALK_INDEX

MIGRATIONS = Migrations("caseload")


def mark_summaries_stale(db: Database) -> None:
    """Ask for every client's summary columns to be computed after the last migration."""
    db.execute(f"CREATE TABLE IF NOT EXISTS {STALE_TABLE} (what TEXT PRIMARY KEY)")
    db.execute(f"INSERT OR IGNORE INTO {STALE_TABLE} (what) VALUES ('summary')")


def finish_migrations(db: Database) -> None:
    """Compute what a migration marked stale, with today's code over the newest schema."""
    if not db[STALE_TABLE].exists():
        return
    with db.atomic():
        if db.execute(f"SELECT 1 FROM {STALE_TABLE} WHERE what = 'summary'").fetchone():
            summary.refresh_all(db)
        db.execute(f"DROP TABLE {STALE_TABLE}")


@MIGRATIONS()
def m001_caseload_tables(db: Database) -> None:
    """Create clients, ladder steps, barriers, contacts and actions."""
    db["clients"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "reference": str,
            "initials": str,
            "first_name": str,
            "surname_prefix": str,
            "surname": str,
            "birth_date": str,
            "bsn": str,
            "guidance_start": str,
            "klantmanager": str,
            "team": str,
            "status": str,
            "closed_on": str,
            "closing_reason": str,
            "expected_trede": int,
            # Optional, off by default: only with a lawful purpose recorded by the municipality.
            "born_in_nl": int,
            "migration_generation": str,
            "origin_continent": str,
            "language_speaking": str,
            "language_listening": str,
            "language_reading": str,
            "language_writing": str,
            "inburgering_route": str,
            "pip_date": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"reference", "status", "created_at", "updated_at"},
        defaults={"status": "active"},
    )
    db["clients"].create_index(["reference"], unique=True)  # type: ignore[union-attr]
    db["clients"].create_index(["team", "klantmanager"])  # type: ignore[union-attr]
    db["clients"].create_index(["status"])  # type: ignore[union-attr]

    db["ladder_steps"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "client_id": int,
            "measured_on": str,
            "trede": int,
            "note": str,
            "measured_by": str,
        },
        pk="id",
        foreign_keys=[("client_id", "clients", "id")],
        not_null={"client_id", "measured_on", "trede"},
    )
    db["ladder_steps"].create_index(["client_id", "measured_on"])  # type: ignore[union-attr]

    db["barriers"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "client_id": int,
            "kind": str,
            "severity": int,
            "status": str,
            "since": str,
            "resolved_on": str,
            "note": str,
        },
        pk="id",
        foreign_keys=[("client_id", "clients", "id")],
        not_null={"client_id", "kind", "severity", "status"},
    )
    db["barriers"].create_index(["client_id"])  # type: ignore[union-attr]
    db["barriers"].create_index(["kind", "status"])  # type: ignore[union-attr]

    db["contacts"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "client_id": int,
            "contact_on": str,
            "kind": str,
            "minutes": int,
            "summary": str,
        },
        pk="id",
        foreign_keys=[("client_id", "clients", "id")],
        not_null={"client_id", "contact_on", "kind"},
    )
    db["contacts"].create_index(["client_id", "contact_on"])  # type: ignore[union-attr]

    db["actions"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "client_id": int,
            "goal": str,
            "intervention": str,
            "start_on": str,
            "due_on": str,
            "status": str,
            "result": str,
        },
        pk="id",
        foreign_keys=[("client_id", "clients", "id")],
        not_null={"client_id", "intervention", "status"},
    )
    db["actions"].create_index(["client_id", "status"])  # type: ignore[union-attr]


#: Summary columns on ``clients`` that the caseload view filters and sorts on. The stores keep
#: them right inside the same transaction as each change (see ``caseload.summary``), so the
#: view never has to aggregate two million contacts.
SUMMARY_COLUMNS = (
    "current_trede",
    "current_trede_on",
    "last_contact_on",
    "open_barriers",
    "open_actions",
    "next_due_on",
)
#: The client columns that the search covers (through the FTS5 table ``clients_fts``).
SEARCH_COLUMNS = ("reference", "initials", "first_name", "surname_prefix", "surname")
#: The client columns that the caseload view sorts on (besides status).
SORTED_COLUMNS = (
    "reference",
    "sort_name",
    "current_trede",
    "last_contact_on",
    "open_barriers",
    "open_actions",
    "klantmanager",
)


def _fts_statements() -> list[str]:
    """The FTS5 table over name and reference, and the triggers that keep it in step."""
    columns = ", ".join(SEARCH_COLUMNS)
    new_values = ", ".join(f"new.{column}" for column in SEARCH_COLUMNS)
    old_values = ", ".join(f"old.{column}" for column in SEARCH_COLUMNS)
    delete_old = (
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old_values});"
    )
    insert_new = f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (new.id, {new_values});"
    return [
        # remove_diacritics 2: "zoe" finds "Zoë"; prefix indexes keep search-as-you-type fast.
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, content='clients', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')",
        f"CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN {insert_new} END",
        f"CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN {delete_old} END",
        # Only when a searched column changes: summary updates must not touch the index.
        f"CREATE TRIGGER clients_fts_update AFTER UPDATE OF {columns} ON clients "
        f"BEGIN {delete_old} {insert_new} END",
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
    ]


@MIGRATIONS()
def m002_summaries_search_history(db: Database) -> None:
    """Add summary columns with sort indexes, barrier history and the diacritics-blind search."""
    clients = db["clients"]
    clients.add_column("sort_name", str, not_null_default="")  # type: ignore[union-attr]
    clients.add_column("current_trede", int)  # type: ignore[union-attr]
    clients.add_column("current_trede_on", str)  # type: ignore[union-attr]
    clients.add_column("last_contact_on", str)  # type: ignore[union-attr]
    clients.add_column("open_barriers", int, not_null_default=0)  # type: ignore[union-attr]
    clients.add_column("open_actions", int, not_null_default=0)  # type: ignore[union-attr]
    clients.add_column("next_due_on", str)  # type: ignore[union-attr]
    # Sorting: per sortable column one index for "all clients" and one within a status, with
    # id as the tie-breaker, so that an unfiltered sort is a covering index scan.
    for column in SORTED_COLUMNS:
        if column != "reference":  # its unique index serves already
            clients.create_index([column, "id"])  # type: ignore[union-attr]
        clients.create_index(["status", column, "id"])  # type: ignore[union-attr]
    # Filtering: the attention flags (and the status bar counts, as a covering index), team and
    # klantmanager within a status.
    clients.create_index(["status", "next_due_on"])  # type: ignore[union-attr]
    clients.create_index(["status", "last_contact_on", "next_due_on"])  # type: ignore[union-attr]
    clients.create_index(["team", "status"])  # type: ignore[union-attr]
    clients.create_index(["klantmanager", "status"])  # type: ignore[union-attr]
    db["barriers"].create_index(["kind", "status", "client_id"])  # type: ignore[union-attr]

    # Barrier history: one row per change (opened, severity or status changed); the barrier
    # row itself holds the present state.
    db["barrier_events"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "barrier_id": int,
            "client_id": int,
            "happened_on": str,
            "change": str,
            "severity": int,
            "status": str,
        },
        pk="id",
        foreign_keys=[("barrier_id", "barriers", "id"), ("client_id", "clients", "id")],
        not_null={"barrier_id", "client_id", "happened_on", "change", "severity", "status"},
    )
    db["barrier_events"].create_index(["client_id", "happened_on"])  # type: ignore[union-attr]
    db["barrier_events"].create_index(["barrier_id"])  # type: ignore[union-attr]
    for statement in _fts_statements():
        db.execute(statement)


@MIGRATIONS()
def m003_ladder_growth_potential(db: Database) -> None:
    """Record the growth potential (the expected trede) with each ladder measurement."""
    db["ladder_steps"].add_column("expected_trede", int)  # type: ignore[union-attr]


@MIGRATIONS()
def m004_contacts_shared_with_client(db: Database) -> None:
    """Mark a contact 'delen met de klant'; off by default, so old notes stay internal."""
    db["contacts"].add_column(  # type: ignore[union-attr]
        "share_with_client", int, not_null_default=0
    )


@MIGRATIONS()
def m005_report_secret(db: Database) -> None:
    """Draw the secret behind the record keys that protect report figures across reports."""
    protection.create_secret(db)


@MIGRATIONS()
def m006_klantmanager_day(db: Database) -> None:
    """Planning, corrections, closing with outflow and follow-up, contact details, handover."""
    clients = db["clients"]
    # Planning: None means "the default" (six months after the last measurement; the contact
    # frequency from the settings), so a changed default reaches every client without a write.
    clients.add_column("planned_measurement_on", str)  # type: ignore[union-attr]
    clients.add_column("contact_every_days", int)  # type: ignore[union-attr]
    # Summary kept by the stores like next_due_on: the earliest appointment still planned.
    clients.add_column("next_appointment_on", str)  # type: ignore[union-attr]
    # Optional contact details (a setting can switch them off for the whole municipality).
    clients.add_column("phone", str)  # type: ignore[union-attr]
    clients.add_column("email", str)  # type: ignore[union-attr]
    # Handover to a colleague on another laptop: when and to whom the file went.
    clients.add_column("transferred_on", str)  # type: ignore[union-attr]
    clients.add_column("transferred_to", str)  # type: ignore[union-attr]

    db["appointments"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "client_id": int,
            "planned_on": str,
            "planned_time": str,
            "kind": str,
            "note": str,
            # gepland, gehouden (a contact took place), gemist, afgezegd
            "status": str,
            # The contact in which it was planned, and the one that held it.
            "planned_in_contact_id": int,
            "held_in_contact_id": int,
        },
        pk="id",
        foreign_keys=[("client_id", "clients", "id")],
        not_null={"client_id", "planned_on", "kind", "status"},
        defaults={"status": "gepland"},
    )
    db["appointments"].create_index(["client_id", "planned_on"])  # type: ignore[union-attr]
    # The worklist: planned appointments by date, across the caseload.
    db["appointments"].create_index(["status", "planned_on"])  # type: ignore[union-attr]

    # Corrections: a row changed after it was first saved shows "gecorrigeerd" in the timeline.
    for table in ("contacts", "ladder_steps", "barrier_events", "actions"):
        db[table].add_column("corrected_on", str)  # type: ignore[union-attr]

    # Outflow to work: one row per closing with reason uitstroom_werk (a reopened and closed
    # again file can have two).
    db["outflows"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "client_id": int,
            "closed_on": str,
            "start_on": str,
            "employer_sector": str,
            "hours_per_week": float,
            "contract_type": str,
        },
        pk="id",
        foreign_keys=[("client_id", "clients", "id")],
        not_null={"client_id", "closed_on"},
    )
    db["outflows"].create_index(["client_id"])  # type: ignore[union-attr]
    # Six months after outflow: "werkt de klant nog?" (still_working 1/0, None until answered).
    db["followups"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "client_id": int,
            "outflow_id": int,
            "due_on": str,
            "answered_on": str,
            "still_working": int,
            "note": str,
        },
        pk="id",
        foreign_keys=[("client_id", "clients", "id"), ("outflow_id", "outflows", "id")],
        not_null={"client_id", "outflow_id", "due_on"},
    )
    db["followups"].create_index(["due_on"])  # type: ignore[union-attr]
    db["followups"].create_index(["client_id"])  # type: ignore[union-attr]


@MIGRATIONS()
def m007_planning_attention(db: Database) -> None:
    """Summary columns and indexes for "needs attention from the plan" and the worklist."""
    clients = db["clients"]
    # When the next trede measurement is due: the planned day, else six months after the last.
    clients.add_column("measurement_due_on", str)  # type: ignore[union-attr]
    # Only for a client with its own contact frequency: the day the next contact is due. The
    # default frequency lives in the settings, so those clients are compared at query time.
    clients.add_column("contact_due_on", str)  # type: ignore[union-attr]
    # The earliest of: the oldest appointment still planned, the earliest open action's due
    # day and the measurement's due day. The plan needs attention once it lies before today.
    clients.add_column("plan_due_on", str)  # type: ignore[union-attr]
    clients.create_index(["status", "plan_due_on"])  # type: ignore[union-attr]
    clients.create_index(["status", "contact_due_on"])  # type: ignore[union-attr]
    clients.create_index(["status", "measurement_due_on"])  # type: ignore[union-attr]
    clients.create_index(["status", "contact_every_days", "last_contact_on"])  # type: ignore[union-attr]
    clients.create_index(["klantmanager", "status", "plan_due_on"])  # type: ignore[union-attr]
    db["followups"].create_index(["answered_on", "due_on"])  # type: ignore[union-attr]
    # Existing databases: the new columns are filled once every migration has run (the stores
    # keep them from then on). Not here: today's summary SQL may read columns that a later
    # migration adds. A new, empty file has nothing to compute.
    if db.execute("SELECT 1 FROM clients LIMIT 1").fetchone():
        mark_summaries_stale(db)


@MIGRATIONS()
def m008_closing_history(db: Database) -> None:
    """Keep every closing of a file (date, reason, what happened to the open barriers and
    actions, the outflow to work) and when it was reopened, so history survives a reopening."""
    db["closings"].create(  # type: ignore[union-attr]
        {
            "id": int,
            "client_id": int,
            "closed_on": str,
            "reason": str,
            "closed_open_items": int,
            "reopened_on": str,
            "outflow_id": int,
        },
        pk="id",
        foreign_keys=[("client_id", "clients", "id"), ("outflow_id", "outflows", "id")],
        not_null={"client_id", "closed_on", "reason", "closed_open_items"},
        defaults={"closed_open_items": 0},
    )
    db["closings"].create_index(["client_id", "closed_on"])  # type: ignore[union-attr]
    closing.backfill(db)


#: Which query uses each index on ``clients`` that is left after ``m010`` (found with EXPLAIN
#: QUERY PLAN over every filter and sort of the caseload, its windows and counts, the CSV
#: export and the inclusion report). ``caseload_query.ids`` and ``caseload_window`` ORDER BY
#: the sort column and id, within a status or over all clients:
#:
#: - ``reference`` (unique): finding a client by klantmanager number (stores, import), and the
#:   sort on klantnummer over all statuses.
#: - ``sort_name, id`` / ``current_trede, id`` / ``last_contact_on, id`` / ``open_barriers, id`` /
#:   ``open_actions, id`` / ``klantmanager, id``: the sort on that column with status "Alle"
#:   (``sort_name, id`` also orders the CSV export).
#: - ``status, <column>, id`` for the seven sortable columns: the same sorts within a status
#:   (the default view: active clients); ``status, klantmanager, id`` also serves the
#:   klantmanager filter.
#: - ``status``: counting the clients of a status (the smallest index to read).
#: - ``status, next_due_on``: the filter "acties over de datum".
#: - ``status, last_contact_on, next_due_on``: the flagged count of the status bar (three index
#:   ranges) and the filter "geen recent contact" (dropped by ``m011``).
#: - ``team, status``: the team filter (in ``m011`` it became ``team, status`` with the
#:   attention columns).
UNUSED_INDEXES = (
    # Team and klantmanager filters use (team, status) and (status, klantmanager, id).
    "idx_clients_team_klantmanager",
    "idx_clients_klantmanager_status",
    # A prefix of (kind, status, client_id), which the barrier filter reads.
    "idx_barriers_kind_status",
)


@MIGRATIONS()
def m010_speed_unused_indexes(db: Database) -> None:
    """Drop indexes no query uses: each one costs on every write and in the full check."""
    for name in UNUSED_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS [{name}]")


def drop_indexes(
    db: Database,
    tables: list[str],
    keep: Collection[tuple[str, tuple[str, ...]]] = (),
) -> list[str]:
    """Drop the indexes of these tables; the statements that make them again.

    For a bulk write (the demo, a large import): building an index once from all rows at the
    end is many times quicker than keeping it up to date row by row. ``keep`` names indexes (by
    table and columns) that stay: those the rows are written in the order of, which a statement
    writing many rows appends to. Call inside the write's transaction, so the indexes are back
    (or were never gone) whatever happens.
    """
    marks = ", ".join("?" * len(tables))
    found = db.execute(
        f"SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY rowid",
        tables,
    ).fetchall()
    made = []
    for name, table, sql in found:
        columns = tuple(row[2] for row in db.execute(f"PRAGMA index_info([{name}])").fetchall())
        if (table, columns) in keep:
            continue
        db.execute(f"DROP INDEX [{name}]")
        made.append(sql)
    return [str(sql) for sql in made]


def write_statistics(db: Database) -> None:
    """Write SQLite's query statistics (``sqlite_stat1``) for the tables just filled.

    Without them the first session after a demo or an import plans its queries blind (a search
    would scan every active client); ``analysis_limit`` samples each index, so this takes a
    fraction of a second also for a file of half a million clients.
    """
    db.execute("PRAGMA analysis_limit = 1000")
    db.execute("ANALYZE")


#: The indexes ``m011`` adds, each with the query it serves (``caseload_query``,
#: ``caseload_window``). Each one holds the attention columns, so a filter's count and flagged
#: count read index entries only, never the rows of the clients:
#:
#: - ``status, attention_on, default_contact_on, contact_due_on``: the flagged count of "Alle"
#:   and "Actief" (its first range: the plan or the own frequency late) and the count of "te lang
#:   geen contact" with other filters (the active clients' entries).
#: - ``status, current_trede, attention_on, default_contact_on``: the trede filter's counts.
#: - ``team, status, attention_on, default_contact_on``: the team filter (ids and counts; it
#:   takes the place of ``team, status``).
#: - ``status, open_barrier_kinds, attention_on, default_contact_on``: the barrier filter.
#: - ``SEARCH_INDEX`` (``id, status, attention_on, default_contact_on, sort_name``): a search,
#:   whose ids come from the search index and are each looked up here instead of in the row of
#:   the client (its counts, and in name order its first window).
#: - ``status, default_contact_on, attention_on``: the clients on the default contact frequency
#:   whose last contact lies before the cutoff, as one range: the second part of the flagged
#:   count of "Alle" and "Actief" and of the count of "te lang geen contact".
#:
#: And ``WALK_INDEX`` below: the first window of a filter in name order.
SPEED_INDEXES = (
    ("status", "attention_on", "default_contact_on", "contact_due_on"),
    ("status", "current_trede", "attention_on", "default_contact_on"),
    ("team", "status", "attention_on", "default_contact_on"),
    ("status", "open_barrier_kinds", "attention_on", "default_contact_on"),
    ("status", "default_contact_on", "attention_on"),
)
SEARCH_COLUMNS_BY_ID = ("id", "status", "attention_on", "default_contact_on", "sort_name")
#: ``WALK_INDEX`` (caseload.schema_names): the first window of a filter in name order.
WALK_COLUMNS = (
    "status",
    "sort_name",
    "id",
    "current_trede",
    "team",
    "open_barrier_kinds",
    "plan_due_on",
    "contact_due_on",
    "default_contact_on",
)
#: What ``m011`` drops: the flagged count, "te lang geen contact" and the worklist's contact
#: section read ``default_contact_on`` now (``status, default_contact_on, attention_on``), and
#: a sort on the last contact within a status has ``status, last_contact_on, id``.
REPLACED_INDEXES = (
    "idx_clients_team_status",
    "idx_clients_status_last_contact_on_next_due_on",
    "idx_clients_status_contact_every_days_last_contact_on",
)
_OPEN_BARRIER_STATUSES = ", ".join(f"'{status}'" for status in ("open", "in_aanpak"))


@MIGRATIONS()
def m011_speed_attention_columns(db: Database) -> None:
    """Summary columns for the attention flag and the open barrier kinds, with the indexes that
    let every filter count its clients from index entries (see ``SPEED_INDEXES``)."""
    clients = db["clients"]
    clients.add_column("attention_on", str)  # type: ignore[union-attr]
    clients.add_column("default_contact_on", str)  # type: ignore[union-attr]
    clients.add_column("open_barrier_kinds", str)  # type: ignore[union-attr]
    stale = (
        db[STALE_TABLE].exists()
        and db.execute(f"SELECT 1 FROM {STALE_TABLE} WHERE what = 'summary'").fetchone()
    )
    if not stale:
        # Set-based from the columns of m007, written out here (not the summary SQL of today,
        # which may read columns a later migration adds); the same values ``summary`` gives.
        db.execute(
            "UPDATE clients SET attention_on = nullif(min("
            "coalesce(plan_due_on, '9999-12-31'), coalesce(contact_due_on, '9999-12-31')), "
            "'9999-12-31'), default_contact_on = CASE WHEN contact_every_days IS NULL "
            "THEN coalesce(last_contact_on, '') END"
        )
        db.execute(
            "UPDATE clients SET open_barrier_kinds = (SELECT ',' || group_concat(kind, ',') "
            "|| ',' FROM (SELECT DISTINCT kind FROM barriers b WHERE b.client_id = clients.id "
            f"AND b.status IN ({_OPEN_BARRIER_STATUSES}) ORDER BY kind)) "
            "WHERE open_barriers > 0"
        )
    for name in REPLACED_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS [{name}]")
    for columns in SPEED_INDEXES:
        clients.create_index(list(columns))  # type: ignore[union-attr]
    clients.create_index(list(WALK_COLUMNS), index_name=WALK_INDEX)  # type: ignore[union-attr]
    clients.create_index(list(SEARCH_COLUMNS_BY_ID), index_name=SEARCH_INDEX)  # type: ignore[union-attr]
    if db.execute("SELECT 1 FROM clients LIMIT 1").fetchone():
        write_statistics(db)  # the new indexes: planned with, from the first query on
