"""The rows an import refused, saved as a CSV with their reasons, to fix at the source."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from sqlite_utils import Database

from caseload import csv_export, csv_read
from resources import audit, files
from resources.errors import file_reason
from resources.i18n import _


def write(
    db: Database,
    target: Path,
    table: csv_read.CsvTable,
    rejected: Sequence[csv_read.RejectedRow],
    *,
    actor: str,
) -> int:
    """Write each rejected row as it was in the file, after its line number and reason.

    The file is for Excel (UTF-8 with BOM, semicolons) and readable by the user only; saving it
    is logged, as every export is. Returns the number of rows written; ``ExportFailed`` when the
    file cannot be written.
    """
    cells_at = dict(table.rows)
    try:
        with files.private_file(target) as temporary:
            with temporary.open("w", encoding=csv_export.ENCODING, newline="") as stream:
                writer = csv.writer(stream, delimiter=csv_export.DELIMITER, lineterminator="\r\n")
                writer.writerow([_("Regel"), _("Reden"), *table.headers])
                for row in rejected:
                    cells = cells_at.get(row.line_number, ())
                    writer.writerow(
                        [
                            str(row.line_number),
                            row.reason,
                            *(csv_export.excel_text(cell) for cell in cells),
                        ]
                    )
            with db.atomic():
                audit.record(
                    db,
                    actor=actor,
                    action="clients.import.rejected_saved",
                    obj=f"rows:{len(rejected)}",
                )
    except OSError as error:
        raise csv_export.ExportFailed(
            _("Het bestand %(path)s kan niet worden geschreven: %(reason)s")
            % {"path": target, "reason": file_reason(error)}
        ) from error
    return len(rejected)
