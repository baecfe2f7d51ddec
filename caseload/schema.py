"""The caseload tables and their migrations; the caseload package owns them."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("caseload")


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
        {"id": int, "client_id": int, "measured_on": str, "trede": int, "note": str, "measured_by": str},
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
        {"id": int, "client_id": int, "contact_on": str, "kind": str, "minutes": int, "summary": str},
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
