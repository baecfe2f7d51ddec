"""Make the README screenshots: the real window on a temporary database, grabbed to PNG.

Run under a virtual screen: ``xvfb-run -a .venv/bin/python docs/make_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from app import context, database, paths, settings
from caseload import client_file, demo
from quickscan import loader, store
from resources import i18n
from ui import main_window, qt_setup, reports_page

OUT = Path(__file__).resolve().parent / "images"


def _window(
    folder: Path, language: str, complete: bool, demo_clients: int = 0
) -> main_window.MainWindow:
    i18n.set_language(language)
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    qt_setup.install_translators(application, language)
    resolved = paths.Paths(folder / "trede.db", folder / "settings.json", folder / "window.ini")
    profile = settings.Settings(
        municipality="Leiden" if complete else "",
        user_name="Zoë de Vries" if complete else "",
        team="Team Werk Noord" if complete else "",
        language=language,
    )
    settings.save(resolved.settings, profile)
    db = database.open_database(resolved.database)
    if demo_clients:
        demo.fill(db, demo_clients, seed=7)
    ctx = context.AppContext(db, resolved, profile, demo=bool(demo_clients))
    window = main_window.MainWindow(ctx)
    window.resize(1000, 640)
    window.show()
    return window


def shoot(window: main_window.MainWindow, name: str) -> None:
    """Let the window paint, then save it as a PNG."""
    for _ in range(5):
        QApplication.processEvents()
    window.grab().save(str(OUT / name))
    print(OUT / name)


def shoot_caseload(folder: Path) -> None:
    """The caseload of a demo database, and the file of a client with a long history."""
    window = _window(folder, "nl", complete=True, demo_clients=500)
    window.resize(1200, 720)
    window.show_page(main_window.Page.CASELOAD)
    page = window.pages.currentWidget()
    shoot(window, "caseload.png")
    db = window.context.db
    first = page.model.client_ids()[:100]

    def movement(ident: int) -> tuple[int, int]:
        steps = client_file.load(db, ident).ladder_steps
        return len({step.trede for step in steps}), len(steps)

    richest = max(first, key=movement)
    page.open_client(richest)
    shoot(window, "client-view.png")
    window.close()


def shoot_quickscan(folder: Path) -> None:
    """A theme page of a scan being filled in, and the result of a finished scan."""
    window = _window(folder, "nl", complete=True)
    window.resize(1200, 760)
    window.show_page(main_window.Page.QUICKSCAN)
    page = window.pages.currentWidget()
    db = window.context.db
    questionnaire = loader.load_bundled()
    role = "klantmanager"
    answers = [
        store.GivenAnswer(
            question.id, None if index % 9 == 4 else questionnaire.value_at(question.id, index * 7)
        )
        for index, question in enumerate(questionnaire.questions_for(role))
    ]
    scan = store.submit(
        db, questionnaire, role, "Zoë de Vries", "Team Noord", answers, actor="demo"
    )
    draft = store.start_response(db, questionnaire, "manager", "", "Team Noord", actor="demo")
    for question in questionnaire.questions_for("manager")[:5]:
        store.save_answer(
            db, draft.id, question.id, questionnaire.value_at(question.id, 2), None, actor="demo"
        )
    page.open_draft(draft.id)
    page.fill.go_to_theme(2)
    shoot(window, "quickscan-fill.png")
    page.open_result(scan.id)
    shoot(window, "quickscan-result.png")
    window.close()


def shoot_reports(folder: Path) -> None:
    """The Rapporten page with the preview of an inclusion report of a demo caseload."""
    window = _window(folder, "nl", complete=True, demo_clients=2000)
    window.resize(1200, 760)
    window.show_page(main_window.Page.REPORTS)
    page = window.pages.currentWidget()
    assert isinstance(page, reports_page.ReportsPage)
    page.make_preview()
    while page.runner is not None:  # the report is written on a worker thread
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    shoot(window, "reports.png")
    window.close()


def main() -> int:
    """Write every screenshot the README shows."""
    application = QApplication(sys.argv)
    qt_setup.install_fonts(application)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        window = _window(folder / "welcome", "nl", complete=False)
        shoot(window, "welcome.png")
        window.close()
        window = _window(folder / "main", "nl", complete=True)
        shoot(window, "main-window.png")
        window.show_page(main_window.Page.SETTINGS)
        shoot(window, "settings.png")
        window.close()
        window = _window(folder / "english", "en", complete=True)
        shoot(window, "main-window-en.png")
        window.close()
        shoot_caseload(folder / "caseload")
        shoot_quickscan(folder / "quickscan")
        shoot_reports(folder / "reports")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    sys.exit(main())
