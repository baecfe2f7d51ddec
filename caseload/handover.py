"""Handover: give clients to another klantmanager or team, and mark files handed to a colleague.

Each write covers every chosen client in one transaction with one audit line per client (ids
only), so either all of them change or none.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from sqlite_utils import Database

from caseload import clients, errors, records
from resources import audit, changes
from resources.i18n import _

#: The longest klantmanager or team name (the same limit as the command line's names).
LONGEST_NAME = 200


def _clean(field: str, value: str | None) -> str | None:
    """A name trimmed; None when not given. An empty or too long name is refused."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        raise errors.MissingValue(field)
    if len(text) > LONGEST_NAME:
        raise errors.InvalidValue(
            field, _("te lang: hoogstens %(n)d tekens.") % {"n": LONGEST_NAME}
        )
    return text


def _existing(db: Database, client_ids: Iterable[int]) -> list[int]:
    """The ids, each once in the order given; NotFound for the first that is not there."""
    wanted = list(dict.fromkeys(client_ids))
    if not wanted:
        raise errors.CaseloadError(_("Kies eerst een of meer klanten."))
    found = {
        row[0]
        for row in db.execute(
            "SELECT id FROM clients WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(wanted)],
        )
    }
    for ident in wanted:
        if ident not in found:
            raise errors.NotFound("client", ident)
    return wanted


def reassign(
    db: Database,
    client_ids: Iterable[int],
    *,
    klantmanager: str | None = None,
    team: str | None = None,
    actor: str,
) -> changes.Changes:
    """Give these clients to another klantmanager and/or team (None keeps that one as it is)."""
    new_klantmanager = _clean("klantmanager", klantmanager)
    new_team = _clean("team", team)
    if new_klantmanager is None and new_team is None:
        raise errors.CaseloadError(_("Kies een klantmanager of een team."), "klantmanager")
    row: dict[str, str] = {}
    if new_klantmanager is not None:
        row["klantmanager"] = new_klantmanager
    if new_team is not None:
        row["team"] = new_team
    with db.atomic():
        ids = _existing(db, client_ids)
        stamp = records.now()
        for client_id in ids:
            db["clients"].update(client_id, row | {"updated_at": stamp})  # type: ignore[union-attr]
            audit.record(db, actor=actor, action="client.reassign", obj=clients.obj(client_id))
    return changes.clients(ids)


def mark_transferred(
    db: Database,
    client_ids: Iterable[int],
    *,
    to: str | None,
    on: dt.date,
    actor: str,
) -> changes.Changes:
    """Mark these files as handed over (to a colleague, on a day); they can then be erased."""
    receiver = (to or "").strip()[:LONGEST_NAME] or None
    with db.atomic():
        ids = _existing(db, client_ids)
        for client_id in ids:
            db["clients"].update(  # type: ignore[union-attr]
                client_id, {"transferred_on": on.isoformat(), "transferred_to": receiver}
            )
            audit.record(
                db, actor=actor, action="client.transfer_export", obj=clients.obj(client_id)
            )
    return changes.clients(ids)


def transferred(db: Database, client_id: int) -> tuple[dt.date, str] | None:
    """When and to whom this file was handed over; None when it was not."""
    rows = db.execute(
        "SELECT transferred_on, transferred_to FROM clients WHERE id = ?", [client_id]
    ).fetchall()
    if not rows or not rows[0][0]:
        return None
    return records.required_date(rows[0][0]), rows[0][1] or ""
