"""The caseload export as an Excel workbook that opens ready to work in.

The columns of the CSV export plus three dates (guidance since, last contact, closed on) as
real dates, so Excel sorts and filters them as dates. The header row is frozen and has an
autofilter; every column is as wide as its heading or its typical content. Written row by row
(openpyxl's write-only mode), so 100,000 clients do not fill the memory.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from caseload import caseload_query, csv_export
from resources.i18n import _

#: How Excel shows the date cells (a format code, the same in every language of Excel).
DATE_FORMAT = "dd-mm-yyyy"
#: Width (in characters) of each column of the CSV export, then of the three dates.
_WIDTHS = (14, 30, 8, 12, 12, 12, 24, 20, 30)
_DATE_WIDTH = 14
#: The three dates as SQL on ``clients``: guidance since (the day the file was made when no
#: start was entered), last contact, closed on.
DATE_COLUMNS = (
    "coalesce(guidance_start, substr(created_at, 1, 10))",
    "last_contact_on",
    "closed_on",
)


#: Control characters a workbook cannot hold (openpyxl refuses them, and the export stopped).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: A control character anywhere, or a text that starts as a formula (after the newline that
#: joins the row's texts for one search).
_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]|\n[=+@\t\r-]")


def _visible(value: object) -> object:
    """A text with each control character as '\ufffd' (shown as a replacement sign), so the
    client is still in the workbook and the odd character can be seen and corrected."""
    return _CONTROL.sub("\ufffd", value) if isinstance(value, str) else value


def _text_cell(sheet: Any, value: object) -> object:
    """A text that starts as a formula, as a text cell: openpyxl would write it as a formula."""
    if not isinstance(value, str) or not value.startswith(csv_export.FORMULA_START):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def headers() -> list[str]:
    """The CSV export's headings and the three date columns."""
    return [
        *csv_export.headers(),
        _("Begeleiding sinds"),
        _("Laatste contact"),
        _("Afgesloten op"),
    ]


def write(
    target: Path,
    pages: Iterable[list[tuple[caseload_query.CaseloadRow, tuple[str | None, ...]]]],
) -> int:
    """Write the clients (pages of rows, each with the ISO texts of :data:`DATE_COLUMNS`) as a
    workbook with one sheet; how many were written."""
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
    bold = Font(bold=True)
    heading = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    count = 0
    try:
        for page in pages:
            for row, days in page:
                # Each cell holds the text itself: a workbook can say "text" without the
                # quote that a CSV file puts before "=1+1" (which Excel showed as '=1+1).
                line: list[object] = csv_export.cells(row, defuse=False)
                if _ODD.search(f"\n{row.reference}\n{row.name}\n{row.klantmanager}\n{row.team}"):
                    line = [_text_cell(sheet, _visible(value)) for value in line]
                for day in days:
                    if day is None:
                        line.append(None)
                        continue
                    cell = WriteOnlyCell(sheet, value=dt.date.fromisoformat(day))
                    cell.number_format = DATE_FORMAT
                    line.append(cell)
                sheet.append(line)
            count += len(page)
    except BaseException:
        _discard(sheet)
        raise
    # Written after the rows (write-only mode writes the filter at the end of the sheet).
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(names))}{count + 1}"
    workbook.save(str(target))
    return count


def _discard(sheet: Any) -> None:
    """Remove openpyxl's temporary copy of the rows written so far (in the system's temporary
    folder, with names in it) when the export stops half way; openpyxl itself would leave it
    until the program ends."""
    with contextlib.suppress(Exception):  # a full disk must not hide why the export stopped
        sheet.close()  # ends the rows and closes the temporary file
    with contextlib.suppress(OSError, ValueError):
        sheet._writer.cleanup()
