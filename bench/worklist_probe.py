"""Opening the worklist Vandaag in the real window, against the same SQL alone.

``python -m bench.worklist_probe --db PATH --repeat N`` opens Trede's main window offscreen (as
``bench.caseload_probe`` does) and, for two cases, times:

- app: Vandaag read again and painted (``WorklistPage.reload`` and the paint of its list),
  for *mijn caseload* (the klantmanager with the most clients) and for all clients;
- floor: the least the same visible work can cost, as for the caseload's search, sort and
  filter: the same queries on the same connection (``caseload.worklist.load``), plus Qt's C++
  ``QStandardItemModel`` filled with the texts the page's list shows (section headings with
  their lines) and painted in a ``QTreeView`` of the same size.

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

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView, QTreeWidget

from bench.caseload_probe import PaintCounter, Session
from caseload import worklist
from ui.shell import main_window
from ui.worklist.page import WorklistPage


def shown_texts(tree: QTreeWidget) -> list[tuple[str, list[list[str]]]]:
    """The headings of the list with the texts of their lines, as the page shows them."""
    columns = tree.columnCount()
    sections = []
    for index in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(index)
        lines = [
            [heading.child(row).text(column) for column in range(columns)]
            for row in range(heading.childCount())
        ]
        sections.append((heading.text(0), lines))
    return sections


def paint_texts(view: QTreeView, sections: list[tuple[str, list[list[str]]]]) -> None:
    """Fill the view's C++ model with the texts and paint it, expanded (one model, as the page
    keeps one list: its rows replaced, the view not set up again)."""
    model = view.model()
    assert isinstance(model, QStandardItemModel)
    model.removeRows(0, model.rowCount())
    root = model.invisibleRootItem()
    for title, lines in sections:
        heading = QStandardItem(title)
        for texts in lines:
            heading.appendRow([QStandardItem(text) for text in texts])
        root.appendRow(heading)
    view.expandAll()
    view.viewport().repaint()


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
    bare = QTreeView()
    bare.setModel(QStandardItemModel(bare))
    bare.resize(page.tree.size())
    bare.show()
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

        app()
        texts = shown_texts(page.tree)

        def floor(scope: worklist.Scope = scope, texts: list = texts) -> float:  # type: ignore[type-arg]
            session.settle()
            start = time.perf_counter()
            worklist.load(db, scope)
            paint_texts(bare, texts)
            session.application.processEvents()
            return time.perf_counter() - start

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
    bare.close()
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
