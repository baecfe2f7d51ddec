"""The audit log's table and its migration (``resources.audit`` writes and reads the log).

Apart from ``resources.audit`` because a migration set loads sqlite-utils: the stores that write
the log are imported before the window's first page is painted, the migrations only when the
database is opened in full (``app.database``).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from resources.audit import TABLE

MIGRATIONS = Migrations("audit")


@MIGRATIONS()
def m001_audit_log(db: Database) -> None:
    """Create the audit log."""
    db[TABLE].create(  # type: ignore[union-attr]
        {
            "id": int,
            "at": str,
            "actor": str,
            "action": str,
            "object": str,
            "result": str,
            "origin": str,
            "prev_hash": str,
            "hash": str,
        },
        pk="id",
        not_null={"at", "actor", "action", "object", "result", "origin", "prev_hash", "hash"},
    )
