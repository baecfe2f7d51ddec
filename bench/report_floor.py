"""The floor of a report: its SQL alone, plus reportlab writing a PDF of the same page count.

``python -m bench.report_floor --db PATH --sql STATEMENTS.json --pages N --out FILE.pdf``

Replays every read statement the report sent (``bench/capture_sql.py``) and fetches all rows,
then writes N A4 pages with plain reportlab: the same TrueType font embedded, a heading, a few
dozen lines of text and a bar chart per page. Nothing of Trede is imported, so the figure is
what the same work costs at the least on this machine.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import sqlite3
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
READS = ("select", "with", "values")
#: Work tables the report builds for itself (CREATE TEMP TABLE … AS SELECT, and their indexes)
#: are part of its SQL.
TEMPORARY = (
    "create temp",
    "drop table if exists temp.",
    "create index temp.",
    "create unique index temp.",
)


def replay(database: Path, statements: list[str]) -> int:
    """Run the read statements (and the temporary tables they read) and fetch every row;
    returns how many rows came back. Pragmas, savepoints and writes are left out."""
    connection = sqlite3.connect(str(database))  # only reads (read-only mode trips over WAL)
    # The report's SQL calls the record key of each client (caseload/protection.py): the same
    # HMAC, registered the same way, is part of the least the report's SQL can cost.
    found = connection.execute("SELECT secret FROM report_secret WHERE id = 1").fetchone()
    secret = bytes.fromhex(found[0]) if found else b""

    def record_key(client_id: int) -> int:
        digest = hmac.new(secret, f"client:{int(client_id)}".encode(), hashlib.sha256).digest()
        return int.from_bytes(digest[:4], "big")

    connection.create_function("trede_record_key", 1, record_key, deterministic=True)
    fetched = 0
    for statement in statements:
        start = statement.lstrip().lower()
        if start.startswith(READS + TEMPORARY):
            fetched += len(connection.execute(statement).fetchall())
    connection.close()
    return fetched


def write_pdf(path: Path, pages: int) -> None:
    """N pages of heading, text and bars in an embedded TrueType font."""
    pdfmetrics.registerFont(TTFont("Floor", str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("Floor-Bold", str(FONTS / "DejaVuSans-Bold.ttf")))
    width, height = A4
    document = canvas.Canvas(str(path), pagesize=A4)
    for page in range(1, pages + 1):
        document.setFont("Floor-Bold", 16)
        document.drawString(56, height - 70, f"Inclusierapportage — hoofdstuk {page}")
        document.setFont("Floor", 10)
        for line in range(30):
            document.drawString(
                56, height - 100 - line * 14, f"Regel {line + 1}: kerncijfer {line * 37 % 101} %"
            )
        for bar in range(6):
            value = (bar * 53 + page * 17) % 100 + 10
            y = 120 + bar * 22
            document.rect(150, y, value * 3, 14, stroke=1, fill=0)
            document.drawString(56, y + 3, f"Trede {bar + 1}")
            document.drawString(150 + value * 3 + 6, y + 3, str(value))
        document.drawRightString(width - 56, 40, f"Pagina {page} van {pages}")
        document.showPage()
    document.save()


def main() -> int:
    """Parse the arguments, replay, write."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--sql", type=Path, required=True)
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    options = parser.parse_args()
    statements = json.loads(options.sql.read_text(encoding="utf-8"))
    rows = replay(options.db, statements)
    write_pdf(options.out, options.pages)
    print(json.dumps({"statements": len(statements), "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
