"""Stand-in for ``trede report inclusion`` while the command is not wired up yet.

``python -m bench.report_app --db PATH --from D --to D --out FILE.pdf`` does what the command
will do: open the database the app's way (``app.database.open_database``), read the settings,
and call ``caseload.inclusion_report.write_inclusion_report``. Once ``trede report inclusion``
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

    from app import database, paths
    from app import settings as settings_module
    from caseload import inclusion_report

    settings = settings_module.load(paths.resolve(options.db).settings)
    db = database.open_database(options.db)
    try:
        inclusion_report.write_inclusion_report(
            db,
            options.out,
            start=options.start,
            end=options.end,
            team=options.team,
            municipality=settings.municipality,
            min_group_size=settings.min_group_size,
            contact_threshold_days=settings.contact_threshold_days,
            origin_enabled=settings.origin_enabled,
        )
    finally:
        database.close(db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
