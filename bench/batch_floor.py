"""Floors for the batch commands: the least ``trede check`` and ``trede export clients`` can cost.

``python -m bench.batch_floor check --db PATH``: the same pragmas as ``trede check`` on a plain
``sqlite3`` connection (quick_check and the foreign key check), and the audit chain's rows
read; ``python -m bench.batch_floor export --db PATH --out FILE.xlsx``: the clients read in the
export's order and written with openpyxl's write-only workbook, as the export does (``.csv``:
the csv module).
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import sys


def check(path: str) -> int:
    """Quick check, foreign keys, and every audit line read."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA quick_check").fetchall()
    connection.execute("PRAGMA foreign_key_check").fetchall()
    for _row in connection.execute("SELECT * FROM audit_log ORDER BY id"):
        pass
    connection.close()
    return 0


def export(path: str, out: str) -> int:
    """Every client in name order, written as CSV."""
    connection = sqlite3.connect(path)
    cursor = connection.execute(
        "SELECT reference, initials, first_name, surname_prefix, surname, birth_date, "
        "guidance_start, klantmanager, team, status, closed_on, closing_reason, current_trede, "
        "last_contact_on, open_barriers, open_actions FROM clients ORDER BY sort_name, id"
    )
    if out.endswith(".xlsx"):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Caseload")
        sheet.append([column[0] for column in cursor.description])
        for row in cursor:
            sheet.append(row)
        workbook.save(out)
    else:
        with open(out, "w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream, delimiter=";")
            writer.writerow([column[0] for column in cursor.description])
            writer.writerows(cursor)
    connection.close()
    return 0


def main() -> int:
    """Parse the arguments and run one floor."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("kind", choices=("check", "export"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--out")
    options = parser.parse_args()
    if options.kind == "check":
        return check(options.db)
    return export(options.db, options.out)


if __name__ == "__main__":
    sys.exit(main())
