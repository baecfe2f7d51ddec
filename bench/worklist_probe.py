"""Opening the worklist Vandaag in the real window, against the same SQL alone.

``python -m bench.worklist_probe --db PATH --repeat N`` opens Trede's main window offscreen (as
``bench.caseload_probe`` does) and, for two cases, times:

- app: Vandaag read again and painted (``WorklistPage.reload`` and the paint of its list),
  for *mijn caseload* (the klantmanager with the most clients) and for all clients;
- floor: the same queries alone on the same connection (``caseload.worklist.load``).

App and floor alternate, and which goes first alternates too. Prints one JSON line with every
sample in seconds, the lines per section and SQLite's plan of every query.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

from bench.caseload_probe import PaintCounter, Session
from caseload import worklist
from ui.shell import main_window
from ui.worklist.page import WorklistPage


def run(database: Path, repeat: int) -> dict[str, object]:
    """Both cases; the samples per case and kind."""
    session = Session(database)
    window = session.window
    window.show_page(main_window.Page.WORKLIST)
    session.settle()
    page = window.pages.widget(main_window.Page.WORKLIST)
    assert isinstance(page, WorklistPage)
    db = session.context.db
    busiest = db.execute(
        "SELECT klantmanager FROM clients GROUP BY klantmanager ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    # Play the klantmanager with the most clients (only in this process, not saved).
    session.context.settings = dataclasses.replace(session.context.settings, user_name=busiest)
    counter = PaintCounter()
    page.tree.viewport().installEventFilter(counter)
    samples: dict[str, dict[str, list[float]]] = {}
    sizes: dict[str, dict[str, int]] = {}
    plans: dict[str, list[str]] = {}
    for name, mine in (("mijn caseload", True), ("alle klanten", False)):
        page.mine.blockSignals(True)
        page.mine.setChecked(mine)
        page.mine.blockSignals(False)
        scope = page.scope()

        def app() -> float:
            session.settle()
            before = counter.paints
            start = time.perf_counter()
            page.reload()
            session.application.processEvents()
            if counter.paints == before:
                page.tree.viewport().repaint()
            return time.perf_counter() - start

        def floor(scope: worklist.Scope = scope) -> float:
            session.settle()
            start = time.perf_counter()
            worklist.load(db, scope)
            return time.perf_counter() - start

        app()
        floor()
        case = samples.setdefault(name, {"app": [], "floor": []})
        for rep in range(repeat):
            if rep % 2 == 0:
                case["app"].append(app())
                case["floor"].append(floor())
            else:
                case["floor"].append(floor())
                case["app"].append(app())
        found = worklist.load(db, scope)
        sizes[name] = {section.name: count for section, count in found.counts.items()}
        plans[name] = worklist.query_plans(db, scope, found.today)
    session.close()
    return {"samples": samples, "counts": sizes, "plans": plans, "klantmanager": busiest}


def main() -> int:
    """Parse the arguments, run, print the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    print(json.dumps(run(options.db, options.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
