"""Right of access: everything stored about one client, as a readable PDF and as JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from caseload import clients
from resources import audit, files
from resources.errors import file_reason
from resources.i18n import N_, _

FORMAT = "trede-client-data"
VERSION = 1
#: Every table with rows about one client, with what a row means (in the JSON, translated).
TABLES = (
    ("clients", "id", N_("De klantgegevens: naam, geboortedatum, begeleiding, status.")),
    ("ladder_steps", "client_id", N_("Elke meting op de participatieladder (trede 1 tot 6).")),
    ("barriers", "client_id", N_("De obstakels, met ernst (1 tot 4) en status.")),
    ("barrier_events", "client_id", N_("Elke verandering van een obstakel.")),
    ("contacts", "client_id", N_("De contactmomenten, met een korte samenvatting.")),
    ("actions", "client_id", N_("Het plan van aanpak: doelen, interventies en resultaten.")),
    ("appointments", "client_id", N_("De geplande afspraken, en of ze zijn doorgegaan.")),
    ("outflows", "client_id", N_("Uitstroom naar werk: sector, uren, soort contract, startdatum.")),
    ("followups", "client_id", N_("Na zes maanden: werkt de klant nog?")),
    ("closings", "client_id", N_("Elke keer dat het dossier is afgesloten of heropend.")),
)


@dataclass(frozen=True)
class AccessFiles:
    """The two files written for one request."""

    pdf: Path
    json: Path


def _safe(reference: str) -> str:
    """A klantnummer made safe as part of a file name."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", reference).strip("_") or "klant"


def client_data(db: Database, client_id: int, *, made_on: dt.date) -> dict[str, Any]:
    """Every stored row about this client, per table, plus who did what to the file (the log)."""
    clients.exists(db, client_id)
    tables: dict[str, Any] = {}
    for table, column, description in TABLES:
        rows = [
            dict(row)
            for row in db.query(
                f"SELECT * FROM {table} WHERE {column} = ? ORDER BY id", [client_id]
            )
        ]
        tables[table] = {"description": _(description), "rows": rows}
    obj = clients.obj(client_id)
    log = [
        {key: row[key] for key in ("at", "actor", "action", "object", "result")}
        for row in db.query(
            f"SELECT * FROM {audit.TABLE} WHERE object = ? OR object LIKE ? ORDER BY id",
            [obj, obj + "/%"],
        )
    ]
    tables[audit.TABLE] = {
        "description": _("Wie wanneer iets met dit dossier deed (zonder inhoud)."),
        "rows": log,
    }
    return {
        "format": FORMAT,
        "version": VERSION,
        "made_on": made_on.isoformat(),
        "description": _(
            "Alles wat Trede over deze klant heeft opgeslagen, per tabel. Datums staan als "
            "JJJJ-MM-DD. Lege velden zijn null."
        ),
        "tables": tables,
    }


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write next to the target and move it in place: no half file on failure."""
    with files.private_file(path) as temporary:
        temporary.write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )


def export_client(
    db: Database,
    client_id: int,
    folder: str | Path,
    *,
    municipality: str,
    actor: str,
    today: dt.date | None = None,
) -> AccessFiles:
    """Write the PDF and the JSON of everything about one client into a folder; log it."""
    # Imported here so that the window, which offers this action, starts without reportlab.
    from caseload import client_report
    from caseload import report_pdf as rp

    client = clients.get(db, client_id)
    made_on = today or dt.date.today()
    target = Path(folder)
    stem = f"trede-klant-{_safe(client.reference)}-{made_on.isoformat()}"
    files = AccessFiles(pdf=target / f"{stem}.pdf", json=target / f"{stem}.json")
    try:
        if not target.is_dir():
            # Personal data: a folder made for it is the user's alone, whatever the umask says
            # (mkdir's mode is filtered by the umask). A folder the user chose keeps its rights.
            target.mkdir(parents=True, mode=0o700)
            target.chmod(0o700)
        data = client_data(db, client_id, made_on=made_on)
        client_report.write_client_report(
            db, files.pdf, reference=client.reference, municipality=municipality, today=made_on
        )
        _write_json(files.json, data)
    except OSError as error:
        raise rp.ReportNotWritten(
            _("De gegevens kunnen niet worden opgeslagen in %(path)s: %(reason)s")
            % {"path": target, "reason": file_reason(error)}
        ) from error
    with db.atomic():
        audit.record(db, actor=actor, action="client.access_export", obj=clients.obj(client_id))
    return files
