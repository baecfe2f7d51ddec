"""Screenshots of every page and dialog: light and dark, 100 % and 200 % font, Dutch and English.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py`` (or under
``xvfb-run -a``). The pages are read from the window's navigation and the dialogs are every
``QDialog`` class in ``ui/`` whose arguments the script can give, so a new page or dialog is
photographed without changing this script. Each shot is checked for clipped text: a visible
label or button smaller than its size hint (or, when it wraps, than its height for its width)
is reported on stdout, and the script exits 1 when it found any.

The README's own pictures are written to ``docs/images/``; the whole set to
``docs/images/screens/NAME-LANGUAGE-SCHEME-SCALE.png``. ``--only nl-light-100`` makes one
combination.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import os
import pkgutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

import ui
from app import context, database, paths, settings
from caseload import client_file, clients, demo, people, worklist
from quickscan import loader, store
from resources import i18n
from ui import design, qt_setup
from ui.shell import main_window
from ui.shell.info_dialogs import about_html

IMAGES = Path(__file__).resolve().parent / "images"
SCREENS = IMAGES / "screens"
#: A 1366×768 laptop screen, less the task bar and the window frame.
WINDOW_SIZE = (1366, 720)
#: (README file, name of the shot in the full set) for the pictures the README shows.
README_SHOTS = {
    "caseload.png": "caseload-nl-light-100",
    "client-view.png": "client-nl-light-100",
    "client-view-dark.png": "client-nl-dark-100",
    "quickscan-fill.png": "quickscan-fill-nl-light-100",
    "quickscan-result.png": "quickscan-result-nl-light-100",
    "reports.png": "reports-nl-light-100",
    "settings.png": "settings-nl-light-100",
    "welcome.png": "welcome-nl-light-100",
    "main-window-en.png": "caseload-en-light-100",
    "caseload-200.png": "caseload-nl-light-200",
    "help.png": "help-nl-light-100",
    "worklist.png": "worklist-nl-light-100",
    "overview.png": "overview-shown-nl-light-100",
    "planning.png": "client-tab6-nl-light-100",
}

clipped: list[str] = []


def settle() -> None:
    """Let Qt lay out and paint everything that is waiting."""
    for _ in range(4):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _cut_off_by_a_parent(widget: QWidget) -> bool:
    """Whether part of ``widget`` is hidden by its parents with no scroll bar to reach it."""
    visible = widget.visibleRegion().boundingRect()
    if visible.width() >= widget.width() - 1 and visible.height() >= widget.height() - 1:
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and (
            parent.verticalScrollBar().isVisible() or parent.horizontalScrollBar().isVisible()
        ):
            return False
        parent = parent.parentWidget()
    return True


def clipped_texts(root: QWidget) -> Iterator[str]:
    """Visible labels and buttons whose text does not fit the room they were given."""
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the text field inside a number, date or choice box
        if isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox):
            if widget.height() < widget.minimumSizeHint().height() - 1:
                yield f"{type(widget).__name__} {widget.accessibleName()!r}: squeezed"
            continue
        if not isinstance(widget, QLabel | QAbstractButton):
            continue
        text = widget.text().strip()
        if not text or (isinstance(widget, QLabel) and not widget.pixmap().isNull()):
            continue
        if _cut_off_by_a_parent(widget):
            yield f"{type(widget).__name__} {text[:50]!r}: partly hidden by its parent"
            continue
        hint = widget.minimumSizeHint() if isinstance(widget, QLabel) else widget.sizeHint()
        width, height = widget.width(), widget.height()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(width)
            if needed > height + 1:
                yield f"{type(widget).__name__} {text[:50]!r}: {width}x{height}, needs {needed} high"
        elif hint.width() > width + 1 or hint.height() > height + 1:
            yield (
                f"{type(widget).__name__} {text[:50]!r}: {width}x{height}, "
                f"needs {hint.width()}x{hint.height()}"
            )


def shoot(widget: QWidget, name: str, combination: str) -> None:
    """Save ``widget`` as a PNG and note any clipped text in it."""
    settle()
    target = SCREENS / f"{name}-{combination}.png"
    widget.grab().save(str(target))
    for problem in clipped_texts(widget):
        clipped.append(f"{target.name}: {problem}")
    print(target.relative_to(IMAGES.parent))


def _dialog_classes() -> list[type[QDialog]]:
    """Every dialog class defined in ui/."""
    for module in pkgutil.walk_packages(ui.__path__, "ui."):
        importlib.import_module(module.name)
    found: list[type[QDialog]] = []
    todo: list[type[QDialog]] = [QDialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("ui."):
                found.append(sub)
    return sorted(found, key=lambda cls: cls.__name__)


def _arguments(
    cls: type[QDialog], window: main_window.MainWindow, client: Any, extra: dict[str, Any]
) -> dict[str, Any] | None:
    """Arguments for a dialog's required parameters, by their names; None when one is unknown."""
    known: dict[str, Any] = {
        **extra,
        "context": window.context,
        "bus": window.bus,
        "client": client,
        "db": window.context.db,
        "parent": window,
        "owner": window,
        "title": cls.__name__,
        "html": about_html(),
        "file_name": "trede.db",
        "first_label": "Wachtwoord",
    }
    given: dict[str, Any] = {}
    for parameter in list(inspect.signature(cls.__init__).parameters.values())[1:]:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.name in known:
            given[parameter.name] = known[parameter.name]
        elif "Callable" in str(parameter.annotation) or "Check" in str(parameter.annotation):
            given[parameter.name] = lambda *_args: None
        elif parameter.default is parameter.empty:
            return None
    given["parent"] = window
    return given


def _window(folder: Path, language: str, complete: bool, clients_count: int) -> Any:
    i18n.set_language(language)
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    qt_setup.install_translators(application, language)
    folder.mkdir(parents=True, exist_ok=True)
    resolved = paths.Paths(folder / "trede.db", folder / "settings.json", folder / "window.ini")
    db = database.open_database(resolved.database)
    if clients_count and db["clients"].count == 0:
        demo.fill(db, clients_count, seed=7)
    # The user is one of the demo's klantmanagers, so Vandaag shows "mijn caseload".
    managers = people.klantmanagers(db)
    profile = settings.Settings(
        municipality="Leiden" if complete else "",
        user_name=(managers[0] if managers else "Zoë de Vries") if complete else "",
        team="Team Werk Noord" if complete else "",
        language=language,
    )
    settings.save(resolved.settings, profile)
    window = main_window.MainWindow(context.AppContext(db, resolved, profile, demo=True))
    window.resize(*WINDOW_SIZE)
    window.show()
    return window


def shoot_combination(folder: Path, language: str, scheme: str, scale: int) -> None:
    """Every page, view and dialog in one language, colour scheme and font size."""
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    design.install(application, scheme)
    font = application.font()
    font.setPointSizeF(BASE_POINT_SIZE * scale / 100)
    application.setFont(font)
    combination = f"{language}-{scheme}-{scale}"

    welcome = _window(folder / f"welcome-{combination}", language, False, 0)
    shoot(welcome, "welcome", combination)
    welcome.close()

    window = _window(folder / "main", language, True, 300)
    for index, page_id in enumerate(window.page_ids):
        window.show_page(index)
        shoot(window, page_id, combination)
    _shoot_overview(window, combination)
    _shoot_views(window, combination)
    window.show_page(0)
    window.show_page_help()
    help_dialog = window.findChild(QDialog, "pageHelp")
    if help_dialog is not None:
        shoot(help_dialog, "help", combination)
        help_dialog.close()
    _shoot_dialogs(window, combination)
    window.close()


def _shoot_overview(window: main_window.MainWindow, combination: str) -> None:
    """The Overzicht page after Tonen, once its figures are counted."""
    window.show_page(main_window.Page.OVERVIEW)
    page = window.pages.currentWidget()
    page.show_button.click()
    timer = QElapsedTimer()
    timer.start()
    while page.runner is not None and timer.elapsed() < 120_000:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 100)
    shoot(window, "overview-shown", combination)


def _shoot_views(window: main_window.MainWindow, combination: str) -> None:
    """The views inside the pages: a client's file, a scan being filled in, its result."""
    db = window.context.db
    window.show_page(main_window.Page.CASELOAD)
    page = window.pages.currentWidget()
    first = page.model.client_ids()[:80]

    def movement(ident: int) -> tuple[int, int]:
        steps = client_file.load(db, ident).ladder_steps
        return len({step.trede for step in steps}), len(steps)

    page.open_client(max(first, key=movement))
    shoot(window, "client", combination)
    view = page.client_view
    for index in range(1, view.tabs.count()):
        # Every form of the client view: Trede, Obstakel, Actie, Afsluiten, Planning.
        view.tabs.setCurrentIndex(index)
        shoot(window, f"client-tab{index + 1}", combination)
    view.tabs.setCurrentIndex(0)
    page.show_list()

    window.show_page(main_window.Page.QUICKSCAN)
    scan_page = window.pages.currentWidget()
    questionnaire = loader.load_bundled()
    answers = [
        store.GivenAnswer(
            question.id, None if index % 9 == 4 else questionnaire.value_at(question.id, index * 7)
        )
        for index, question in enumerate(questionnaire.questions_for("klantmanager"))
    ]
    language = i18n.current_language()  # a scan keeps the language it was started in
    scan = store.submit(
        db,
        questionnaire,
        "klantmanager",
        "Zoë",
        "Team Noord",
        answers,
        actor="demo",
        language=language,
    ).value
    draft = store.start_response(
        db, questionnaire, "manager", "", "Team Noord", actor="demo", language=language
    ).value
    scan_page.open_draft(draft.id)
    scan_page.fill.go_to_theme(1)
    shoot(window, "quickscan-fill", combination)
    scan_page.open_result(scan.id)
    shoot(window, "quickscan-result", combination)
    scan_page.show_start()


def _dialog_material(window: main_window.MainWindow) -> tuple[Any, dict[str, Any]]:
    """A client and the things the dialogs about a client, a timeline row or a worklist line
    are given: the first timeline row of a client with a file, a worklist line."""
    db = window.context.db
    page = window.pages.widget(main_window.Page.CASELOAD)
    ids = page.model.client_ids()
    client = clients.get(db, ids[0])
    page.open_client(ids[0])
    view = page.client_view
    file = view.file
    assert file is not None
    page.show_list()
    worklist_page = window.pages.widget(main_window.Page.WORKLIST)
    lines = [line for section in worklist.Section for line in worklist_page.lines(section)]
    followups = [line for line in lines if line.kind is worklist.ItemKind.FOLLOWUP]
    # A follow-up line when the worklist has one; else one made for the first client, so
    # the follow-up dialog is photographed even on a day without due follow-ups.
    item = (followups or [None])[0] or worklist.Item(
        worklist.ItemKind.FOLLOWUP,
        client.id,
        client.reference,
        client.display_name(),
        "",
        client.guidance_start or dt.date(2026, 9, 1),
        "",
        item_id=0,
    )
    extra: dict[str, Any] = {
        "entry": view.timeline_model.entry(0),
        "barrier_kinds": {barrier.id: barrier.kind for barrier in file.barriers},
        "client_ids": ids[:3],
        "making": True,
        "count": 3,
        "item": item,
    }
    return client, extra


def _shoot_dialogs(window: main_window.MainWindow, combination: str) -> None:
    client, extra = _dialog_material(window)
    for cls in _dialog_classes():
        arguments = _arguments(cls, window, client, extra)
        if arguments is None:
            print(f"not shot: {cls.__name__} (arguments unknown)")
            continue
        try:
            dialog = cls(**arguments)
        except TypeError as error:
            print(f"not shot: {cls.__name__} ({error})")
            continue
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.show()
        shoot(dialog, cls.__name__, combination)
        dialog.close()
        dialog.deleteLater()


BASE_POINT_SIZE = 10.0


def main(argv: list[str] | None = None) -> int:
    """Write every screenshot; exit 1 when a text is clipped in any of them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="one combination, e.g. nl-light-100")
    options = parser.parse_args(argv)
    application = QApplication(sys.argv[:1])
    qt_setup.install_fonts(application)
    global BASE_POINT_SIZE  # noqa: PLW0603 - the system's size, read once
    BASE_POINT_SIZE = application.font().pointSizeF()
    SCREENS.mkdir(parents=True, exist_ok=True)
    combinations = [
        (language, scheme, scale)
        for language in i18n.LANGUAGES
        for scheme in ("light", "dark")
        for scale in (100, 200)
        if not options.only or options.only == f"{language}-{scheme}-{scale}"
    ]
    with tempfile.TemporaryDirectory() as temporary:
        for language, scheme, scale in combinations:
            shoot_combination(Path(temporary) / language, language, scheme, scale)
    for readme_name, shot in README_SHOTS.items():
        source = SCREENS / f"{shot}.png"
        if source.exists():
            (IMAGES / readme_name).write_bytes(source.read_bytes())
    for line in clipped:
        print("clipped:", line)
    print(f"{len(clipped)} clipped texts")
    return 1 if clipped else 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
