"""Stand-in for ``trede report inclusion`` while the command is not wired up yet.

``python -m bench.report_app --db PATH --from D --to D --out FILE.pdf`` does what the command
will do: open the database the app's way (``app.database.open_database``), read the settings,
and call the one report entry point, ``ui.reports.making.make`` (report and log line). Once ``trede report inclusion``
exists, ``bench/run.py`` times the command itself and this file is no longer used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    """Write the inclusion report as the command would."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--from", dest="start", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--to", dest="end", type=dt.date.fromisoformat, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--team")
    options = parser.parse_args(argv)

    from app import commands_basic, commands_report, database, paths
    from app import settings as settings_module
    from ui.reports import making

    settings = settings_module.load(paths.resolve(options.db).settings)
    db = database.open_database(options.db)
    try:
        request = making.Request(
            making.Kind.INCLUSION, start=options.start, end=options.end, team=options.team
        )
        making.make(
            db,
            request,
            options.out,
            commands_report.report_settings(settings),
            actor=commands_basic.actor(settings),
            origin="cli",
        )
    finally:
        database.close(db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
