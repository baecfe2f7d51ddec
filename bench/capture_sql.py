"""Run one ``trede`` command and write down every SQL statement it sent to SQLite.

``python -m bench.capture_sql OUT.json -- report inclusion --db … --from … --to … --out …``
(or ``-- bench.report_app --db …`` for the stand-in of ``bench/report_app.py``)

The floor of the report benchmark replays these statements, so it runs exactly the report's
SQL without the report's Python. SQLite's trace callback gives each statement with its
parameters filled in. The connection is made in one place (``app/database.py``), through
``sqlite3.connect``; this measuring tool wraps that function to switch tracing on, and changes
nothing else.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from typing import Any


def main() -> int:
    """Capture the statements of one command, write them as a JSON list."""
    out, separator, *command = sys.argv[1:]
    if separator != "--":
        raise SystemExit("usage: python -m bench.capture_sql OUT.json -- COMMAND…")
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    sqlite3.connect = traced  # type: ignore[assignment]
    if command[0] == "bench.report_app":  # the stand-in while the command has not landed
        from bench import report_app

        code = report_app.main(command[1:])
    else:
        from app import main as app_main

        code = app_main.main(command)
    with open(out, "w", encoding="utf-8") as stream:
        json.dump(statements, stream, ensure_ascii=False)
    return code


if __name__ == "__main__":
    sys.exit(main())
