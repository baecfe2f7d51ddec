"""Import benchmark helpers: the CSV file, empty databases, and the floor.

``python -m bench.import_floor --db EMPTY.db --csv FILE.csv`` is the floor of ``trede import
clients``: read the same file with the csv module, turn each line into the client row it
becomes (the same columns, dates made ISO, name sort key), and ``insert_all`` them with
sqlite-utils in one transaction, then add them to the search index in one statement (the
end state of an import: stored and searchable). No checks, no audit line, no ladder steps:
what the same data costs at least.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

#: The file's columns: Dutch headers that the import recognises, as a klantsysteem writes them.
HEADERS = (
    "Klantnummer",
    "Voorletters",
    "Voornaam",
    "Tussenvoegsel",
    "Achternaam",
    "Geboortedatum",
    "Start begeleiding",
    "Klantmanager",
    "Team",
)
COLUMNS = (
    "reference",
    "initials",
    "first_name",
    "surname_prefix",
    "surname",
    "birth_date",
    "guidance_start",
    "klantmanager",
    "team",
)
DATES = {"birth_date", "guidance_start"}
FTS_TRIGGER = "clients_fts_insert"
SEARCHED = "reference, initials, first_name, surname_prefix, surname"


def dutch(iso: str | None) -> str:
    """'2026-01-31' as Dutch Excel writes it: '31-01-2026'."""
    return "" if not iso else dt.date.fromisoformat(iso).strftime("%d-%m-%Y")


def write_csv(source: Path, target: Path) -> int:
    """The clients of a demo database as a Dutch CSV export (UTF-8 with BOM, ';'); row count."""
    connection = sqlite3.connect(str(source))
    rows = connection.execute(f"SELECT {', '.join(COLUMNS)} FROM clients ORDER BY id").fetchall()
    connection.close()
    partial = target.with_name(target.name + ".partial")
    with partial.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow(
                dutch(value) if column in DATES else (value or "")
                for column, value in zip(COLUMNS, row, strict=True)
            )
    partial.rename(target)
    return len(rows)


def iso(text: str) -> str | None:
    """'31-01-2026' back to ISO, by slicing (the file is ours, so the format is known)."""
    return f"{text[6:10]}-{text[3:5]}-{text[0:2]}" if text else None


def sort_key(first_name: str, initials: str, surname: str) -> str:
    """A plain sort key (the floor needs a value for the NOT NULL column, not the app's rule)."""
    return f"{surname} {first_name or initials}".casefold()


def insert(database: Path, csv_file: Path) -> int:
    """Parse the file and insert_all its rows; returns the count."""
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with csv_file.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, delimiter=";")
        next(reader)
        rows = []
        for cells in reader:
            row = dict(zip(COLUMNS, cells, strict=True))
            for column in DATES:
                row[column] = iso(row[column])
            row["sort_name"] = sort_key(row["first_name"], row["initials"], row["surname"])
            row["status"] = "active"
            row["created_at"] = row["updated_at"] = stamp
            rows.append(row)
    db = Database(str(database))
    with db.atomic():
        # The rows must end up searchable, as after the app's import; indexing them in one
        # statement afterwards is the cheapest way (row by row through the trigger is not).
        trigger = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [FTS_TRIGGER]
        ).fetchone()[0]
        db.execute(f"DROP TRIGGER {FTS_TRIGGER}")
        db.table("clients").insert_all(rows, batch_size=1000)
        db.execute(f"INSERT INTO clients_fts(rowid, {SEARCHED}) SELECT id, {SEARCHED} FROM clients")
        db.execute(trigger)
    db.close()
    return len(rows)


def main() -> int:
    """Parse the arguments, insert, print one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--csv", type=Path, required=True)
    options = parser.parse_args()
    print(json.dumps({"rows": insert(options.db, options.csv)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
