"""Checking the rows of an import, before the database is read: each row as client details by
the store's own rules (``caseload.validate``), duplicates of a reference, and the lines that hold
no client at all (titles, totals, footers, filler)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from caseload import csv_mapping, csv_read, errors, model, people, validate
from resources.i18n import _

RejectedRow = csv_read.RejectedRow
CancelCheck = Callable[[], bool]

#: Import fields that are client details (trede and its date become a ladder step instead).
_DETAIL_FIELDS = frozenset(
    {
        "reference",
        "bsn",
        "initials",
        "first_name",
        "surname_prefix",
        "surname",
        "birth_date",
        "guidance_start",
        "klantmanager",
        "team",
    }
)
_DATE_FIELDS = ("birth_date", "guidance_start")
#: What a whole-name cell fills. Its surname and prefix always replace the stored ones (an
#: empty prefix too); its first name only when it has one ('Bakker' keeps the stored 'Jan').
WHOLE_NAME = frozenset({"first_name", "surname_prefix", "surname"})
#: A cell that Excel would run as a formula is written with a quote in front by the export.
_FORMULA_START = ("=", "+", "-", "@")
#: What a status column says of a closed file (folded; the part before a colon, as in Trede's
#: own export: "Afgesloten: Uitstroom naar werk", "Closed: Moved").
_CLOSED = frozenset(
    {"afgesloten", "gesloten", "beeindigd", "uitgestroomd", "inactief", "closed", "ended"}
)
#: What a status column says of a running file (folded: no case, spaces or diacritics). Any
#: other status is refused: "Overleden", "Verhuisd" or "Afgesloten per 1-3" would otherwise
#: come in as a running file, in every worklist.
_RUNNING = frozenset(
    {
        "actief",
        "active",
        "lopend",
        "loopt",
        "open",
        "running",
        "ongoing",
        "begeleiding",
        "inbegeleiding",
        "inguidance",
        "inbehandeling",
        "inuitvoering",
        "intraject",
        "traject",
        "nieuw",
        "new",
        "aangemeld",
        "intake",
    }
)


class ImportCancelled(Exception):
    """The user stopped the import; nothing was stored."""


@dataclass(frozen=True)
class CheckedRow:
    """A checked row: the client details, which detail columns had a value, and the trede."""

    line: int
    details: model.ClientDetails
    given: frozenset[str]
    trede: int | None
    trede_on: dt.date | None
    #: The name as the file wrote it, from a whole-name column (its parts are in ``details``).
    full_name: str = ""


def cell(cells: Sequence[str], index: int) -> str:
    value = cells[index].strip() if index < len(cells) else ""
    if len(value) > 1 and value[0] == "'" and value[1] in _FORMULA_START:
        return value[1:]
    return value


def parse_row(
    line: int,
    cells: Sequence[str],
    columns: Mapping[str, int],
    width: int,
    *,
    bsn_enabled: bool,
    today: dt.date,
) -> CheckedRow:
    """One row as checked client details and trede; a ``CaseloadError`` says what is wrong."""
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        raise errors.CaseloadError(
            _(
                "Deze regel heeft %(found)d kolommen en de kopregel %(expected)d. "
                "Staat er een scheidingsteken in een veld zonder aanhalingstekens?"
            )
            % {"found": len(cells), "expected": width}
        )
    values = {name: cell(cells, index) for name, index in columns.items()}
    status = values.pop("status", "")
    if csv_mapping.fold(re.split(r"[\s:]", status.strip(), maxsplit=1)[0]) in _CLOSED:
        # Imported, it would be a running file again, in every worklist; when and why it
        # was closed is not in a list.
        raise errors.CaseloadError(
            _(
                "Dit dossier is afgesloten (Status: %(status)s). Trede leest alleen lopende "
                "dossiers in."
            )
            % {"status": status}
        )
    if status and csv_mapping.fold(status) not in _RUNNING:
        raise errors.CaseloadError(
            _(
                "Trede weet niet of dit dossier loopt (Status: %(status)s). Trede leest alleen "
                "lopende dossiers in: met de status Actief, Lopend, Open of In begeleiding, of "
                "zonder status. Loopt het wel, pas dan de status in het bestand aan of lees de "
                "kolom Status niet in."
            )
            % {"status": status}
        )
    full_name = " ".join(values.pop("full_name", "").split())
    if full_name:
        # Split so that the lists show it as written; an update compares the name as a whole.
        first, prefix, surname = people.split_name(full_name)
        values.update(first_name=first, surname_prefix=prefix, surname=surname)
    dates = {name: csv_read.parse_date(name, values.get(name, ""), today) for name in _DATE_FIELDS}
    details = model.ClientDetails(
        reference=values.get("reference", ""),
        bsn=values.get("bsn") or None,
        initials=values.get("initials", ""),
        first_name=values.get("first_name", ""),
        surname_prefix=values.get("surname_prefix", ""),
        surname=values.get("surname", ""),
        birth_date=dates["birth_date"],
        guidance_start=dates["guidance_start"],
        klantmanager=values.get("klantmanager", ""),
        team=values.get("team", ""),
    )
    clean = validate.client_details(details, bsn_enabled, today)
    trede = csv_read.parse_trede(values.get("trede", ""))
    trede_on = None
    if trede is not None:
        trede_on = csv_read.parse_date("measured_on", values.get("trede_on", ""), today) or today
        validate.not_in_future("measured_on", trede_on, today)
    given = frozenset(name for name in _DETAIL_FIELDS & values.keys() if values[name])
    if full_name:
        given |= {"surname_prefix", "surname"}
    return CheckedRow(line, clean, given, trede, trede_on, full_name)


def check_rows(
    table: csv_read.CsvTable,
    columns: Mapping[str, int],
    *,
    bsn_enabled: bool,
    today: dt.date,
    cancelled: CancelCheck | None,
    cancel_every: int,
) -> tuple[list[CheckedRow], list[RejectedRow], list[RejectedRow]]:
    """Every row checked; duplicates of an earlier reference in the file are rejected.

    Returns the good rows, the rejected ones and the lines that hold no client at all.
    """
    rows: list[CheckedRow] = []
    rejected: list[RejectedRow] = []
    not_data: list[RejectedRow] = []
    first_line: dict[str, int] = {}
    width = len(table.headers)
    reference_column = columns["reference"]
    for position, (line, cells) in enumerate(table.rows):
        if cancelled is not None and position % cancel_every == 0 and cancelled():
            raise ImportCancelled()
        reason = csv_read.not_data(cells, width, reference_column)
        if reason is not None:
            not_data.append(RejectedRow(line, reason))
            continue
        # Duplicates first: when a reference occurs twice, neither line says which is right,
        # so every later line with it is rejected, even if the first one is rejected too.
        reference = cell(cells, reference_column)
        if reference and reference in first_line:
            reason = _("Klantnummer %(reference)s staat ook op regel %(line)d.") % {
                "reference": reference,
                "line": first_line[reference],
            }
            rejected.append(RejectedRow(line, reason))
            continue
        if reference:
            first_line[reference] = line
        try:
            rows.append(
                parse_row(line, cells, columns, width, bsn_enabled=bsn_enabled, today=today)
            )
        except errors.CaseloadError as error:
            rejected.append(RejectedRow(line, error.message))
    return rows, rejected, not_data
