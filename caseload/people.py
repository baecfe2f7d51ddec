"""Who is in the file, as the lists and filters show it: a client's name, the teams and the
klantmanagers that have clients, and whether there is a caseload at all.

Plain reads without the stores: the caseload's first page is painted with these before the
stores and the model's classes are loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caseload.reads import Reads


def display_name(first_name: str, initials: str, surname_prefix: str, surname: str) -> str:
    """A client's name as shown in lists: first name (or initials), prefix and surname (the
    lists make it from a row's columns, without making a ``ClientDetails`` for each)."""
    given = first_name or initials
    return " ".join(part for part in (given, surname_prefix, surname) if part)


def has_clients(db: Reads) -> bool:
    """Whether there is a caseload at all (then the window opens on Vandaag)."""
    return bool(db.execute("SELECT 1 FROM clients LIMIT 1").fetchall())


def teams(db: Reads) -> list[str]:
    """Every team that has clients, for a filter list."""
    return [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT team FROM clients WHERE team IS NOT NULL AND team != '' ORDER BY team"
        )
    ]


def klantmanagers(db: Reads, team: str | None = None) -> list[str]:
    """Every klantmanager that has clients (in one team, if given), for a filter list."""
    where, params = ("AND team = ?", [team]) if team else ("", [])
    return [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT klantmanager FROM clients WHERE klantmanager IS NOT NULL "
            f"AND klantmanager != '' {where} ORDER BY klantmanager",
            params,
        )
    ]
