"""The caseload export as an Excel workbook that opens ready to work in.

The columns of the CSV export plus three dates (guidance since, last contact, closed on) as
real dates, so Excel sorts and filters them as dates. The header row is frozen and has an
autofilter; every column is as wide as its heading or its typical content. Written row by row
(openpyxl's write-only mode), so 100,000 clients do not fill the memory.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

from sqlite_utils import Database

from caseload import caseload_query, csv_export
from resources.i18n import _

#: How Excel shows the date cells (a format code, the same in every language of Excel).
DATE_FORMAT = "dd-mm-yyyy"
#: Width (in characters) of each column of the CSV export, then of the three dates.
_WIDTHS = (14, 30, 8, 12, 12, 12, 24, 20, 30)
_DATE_WIDTH = 14


def headers() -> list[str]:
    """The CSV export's headings and the three date columns."""
    return [
        *csv_export.headers(),
        _("Begeleiding sinds"),
        _("Laatste contact"),
        _("Afgesloten op"),
    ]


def _dates(db: Database, ids: list[int]) -> dict[int, tuple[dt.date | None, ...]]:
    found: dict[int, tuple[dt.date | None, ...]] = {}
    for ident, *days in db.execute(
        "SELECT id, coalesce(guidance_start, substr(created_at, 1, 10)), last_contact_on, "
        "closed_on FROM clients WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)],
    ).fetchall():
        found[ident] = tuple(None if day is None else dt.date.fromisoformat(day) for day in days)
    return found


def write(
    db: Database,
    target: Path,
    pages: Iterable[list[caseload_query.CaseloadRow]],
    count: int,
) -> None:
    """Write the clients (``count`` of them, in pages) as a workbook with one sheet."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Caseload"))
    names = headers()
    widths = [*_WIDTHS, _DATE_WIDTH, _DATE_WIDTH, _DATE_WIDTH]
    for index, (name, width) in enumerate(zip(names, widths, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(width, len(name) + 3)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{count + 1}"
    bold = Font(bold=True)
    heading = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for rows in pages:
        dates = _dates(db, [row.id for row in rows])
        for row in rows:
            line: list[object] = list(csv_export.cells(row))
            for day in dates.get(row.id, (None, None, None)):
                cell = WriteOnlyCell(sheet, value=day)
                if day is not None:
                    cell.number_format = DATE_FORMAT
                line.append(cell)
            sheet.append(line)
    workbook.save(str(target))
