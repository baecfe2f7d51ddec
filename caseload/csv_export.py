"""Exporting the caseload list as the current filter shows it, to a CSV file that Dutch Excel opens.

UTF-8 with a byte-order mark and ``;`` between the columns: Excel in a Dutch locale then shows
accents and columns right without an import wizard. The file is written next to its target and
moved in place only after the audit line is recorded, so a failed export leaves no half file
and no log line. A text cell that Excel would run as a formula gets a quote in front.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caseload import caseload_query, vocab
from resources import audit
from resources.errors import UserError, file_reason
from resources.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

DELIMITER = ";"
ENCODING = "utf-8-sig"
#: Rows fetched from the database at a time.
PAGE = 2000
#: How a text starts that Excel would run as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_C = caseload_query.SortColumn
#: One page of rows in the order of the export, each with its extra columns (the dates).
_Page = list[tuple[caseload_query.CaseloadRow, tuple[Any, ...]]]


class ExportFailed(UserError):
    """The file cannot be written."""


class ExportCancelled(Exception):
    """The user stopped the export: no file was written and nothing was logged."""


@dataclass(frozen=True)
class ExportResult:
    """What was exported: the number of clients and the file."""

    rows: int
    path: Path


def headers() -> list[str]:
    """The column names in the active language, as the caseload view shows them (plus team)."""
    columns = [
        _C.REFERENCE,
        _C.NAME,
        _C.TREDE,
        _C.DAYS_SINCE_CONTACT,
        _C.OPEN_BARRIERS,
        _C.OPEN_ACTIONS,
        _C.KLANTMANAGER,
    ]
    return [_(column.value) for column in columns] + [_("Team"), _(_C.STATUS.value)]


def excel_text(value: str) -> str:
    """A text cell that Excel will not take for a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _status(row: caseload_query.CaseloadRow) -> str:
    label = vocab.CLIENT_STATUSES.label(row.status)
    if row.closing_reason:
        return _("%(status)s: %(reason)s") % {
            "status": label,
            "reason": vocab.CLOSING_REASONS.label(row.closing_reason),
        }
    return label


def cells(row: caseload_query.CaseloadRow, defuse: bool = True) -> list[object]:
    """One client's cells in the order of :func:`headers`; ``defuse`` puts a quote before a
    text that Excel would run as a formula (a CSV file has no other way to say "text")."""
    text = excel_text if defuse else str
    return [
        text(row.reference),
        text(row.name),
        "" if row.trede is None else row.trede,
        "" if row.days_since_contact is None else row.days_since_contact,
        row.open_barriers,
        row.open_actions,
        text(row.klantmanager),
        text(row.team),
        _status(row),
    ]


def export_clients(
    db: Database,
    path: Path,
    flt: caseload_query.CaseloadFilter,
    sort: caseload_query.Sort | None = None,
    *,
    actor: str,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the clients that ``flt`` shows, in the order of ``sort``, to CSV or (``.xlsx``) Excel.

    ``progress(done, total)`` hears after every page of rows; when ``cancelled()`` turns true,
    ``ExportCancelled`` is raised and neither the file nor a log line is written.
    """
    day = dt.date.today() if today is None else today
    excel = path.suffix.lower() == ".xlsx"
    if excel:
        from caseload import caseload_xlsx  # here: it imports this module

    try:
        handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=path.parent)
    except OSError as error:
        raise _failed(path, error) from error
    pages = _followed(
        caseload_query.in_order(
            db,
            flt,
            sort or caseload_query.Sort(),
            today=day,
            also=caseload_xlsx.DATE_COLUMNS if excel else (),
            page=PAGE,
        ),
        caseload_query.count(db, flt, day) if progress is not None else 0,
        progress,
        cancelled,
    )
    try:
        if excel:
            os.close(handle)
            count = caseload_xlsx.write(Path(temporary), pages)
        else:
            count = 0
            with os.fdopen(handle, "w", encoding=ENCODING, newline="") as stream:
                writer = csv.writer(stream, delimiter=DELIMITER, lineterminator="\r\n")
                writer.writerow(headers())
                for page in pages:
                    writer.writerows(cells(row) for row, _dates in page)
                    count += len(page)
                stream.flush()
                os.fsync(stream.fileno())
        with db.atomic():
            audit.record(db, actor=actor, action="clients.export", obj=f"clients:{count}")
            os.replace(temporary, path)
    except OSError as error:
        raise _failed(path, error) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return ExportResult(rows=count, path=path)


def _followed(
    pages: Iterator[_Page],
    total: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> Iterator[_Page]:
    """The pages, with the progress told after each and a stop when the user asks for one."""
    done = 0
    for page in pages:
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        yield page
        done += len(page)
        if progress is not None:
            progress(done, max(total, done))
    if cancelled is not None and cancelled():
        raise ExportCancelled()


def _failed(path: Path, error: OSError) -> ExportFailed:
    return ExportFailed(
        _("Het bestand %(path)s kan niet worden geschreven: %(reason)s")
        % {"path": path, "reason": file_reason(error)}
    )
