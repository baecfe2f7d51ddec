"""The window's first page read before the database is opened in full (``app.first_open``):
the same rows, counts and filters as the full open shows, on a plain and an encrypted file; a
file that needs a migration is migrated first; keys work from the first paint on."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlite_utils.migrations import Migrations

from app import context as context_module
from app import database, first_open, gui, paths, settings
from caseload import caseload_query, demo, schema, worklist
from ui.caseload.page import CaseloadPage
from ui.shell import main_window
from ui.shell.main_window import Page
from ui.worklist.page import WorklistPage

from ..ui.keyboard import press, type_text
from ..ui.shell.test_main_window import show_active

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

FIXTURES = Path(__file__).parent.parent / "fixtures"
PASSPHRASE = "lang genoeg wachtwoord"
#: The first rows of the caseload, compared in every column.
ROWS_COMPARED = 25


def _fill(path: Path, passphrase: str | None = None) -> str:
    """A demo caseload in a new file; the klantmanager with the most clients (the user)."""
    db = database.open_database(path, passphrase)
    try:
        demo.fill(db, 150, seed=7)
        row = db.execute(
            "SELECT klantmanager FROM clients GROUP BY klantmanager ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        database.close(db)
    return str(row[0])


@pytest.fixture(params=["plain", "encrypted"])
def caseload_file(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A file with a caseload, plain or encrypted (its passphrase in TREDE_PASSPHRASE), and the
    settings of its busiest klantmanager."""
    path = tmp_path / "trede.db"
    passphrase = PASSPHRASE if request.param == "encrypted" else None
    if passphrase is not None:
        monkeypatch.setenv(first_open.PASSPHRASE_ENV, passphrase)
    user = _fill(path, passphrase)
    assert first_open.is_encrypted(path) == (passphrase is not None)
    settings.save(
        paths.resolve(path).settings,
        settings.Settings(municipality="Leiden", user_name=user, team="Team Noord"),
    )
    return path


@pytest.fixture
def on_caseload(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window opens on the caseload (as for a file without clients; the benchmark's start)."""
    monkeypatch.setattr(main_window.MainWindow, "start_page", lambda _self: Page.CASELOAD)


def _full_context(path: Path) -> context_module.AppContext:
    """The context as the window had it before the quick open: opened in full first."""
    resolved = paths.resolve(path)
    passphrase = PASSPHRASE if first_open.is_encrypted(path) else None
    return context_module.AppContext(
        db=database.open_database(path, passphrase),
        paths=resolved,
        settings=settings.load(resolved.settings),
        passphrase=passphrase,
    )


def _open(qtbot, context: context_module.AppContext) -> main_window.MainWindow:
    window = main_window.MainWindow(context)
    show_active(qtbot, window)
    return window


def _close(
    qtbot, window: main_window.MainWindow | None, context: context_module.AppContext
) -> None:
    """Close the window as the user does, let Qt delete it, then close the database (a test
    that opens the window again wants one main window at a time, as Trede has)."""
    if window is not None:
        window.close()
        window.deleteLater()
        qtbot.waitUntil(
            lambda: (
                not any(
                    isinstance(widget, main_window.MainWindow)
                    for widget in QApplication.topLevelWidgets()
                )
            )
        )
    context.close()


def _caseload_seen(qtbot, window: main_window.MainWindow) -> tuple[object, ...]:
    """What the user sees on the caseload: its rows' texts, the filters, the sort, the counts."""
    page = window.pages.currentWidget()
    assert isinstance(page, CaseloadPage)
    qtbot.waitUntil(lambda: " van " in window.statusBar().currentMessage())
    model = page.model
    rows = [
        tuple(
            model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            for column in range(model.columnCount())
        )
        for row in range(min(ROWS_COMPARED, model.rowCount()))
    ]
    header = page.table.horizontalHeader()
    filters = tuple(
        getattr(page.filters, name).currentText()
        for name in ("status", "trede", "barrier_kind", "klantmanager", "team")
    )
    return (
        model.rowCount(),
        model.client_ids()[:ROWS_COMPARED],
        rows,
        filters,
        (page.filters.no_recent_contact.isChecked(), page.filters.overdue.isChecked()),
        (header.sortIndicatorSection(), header.sortIndicatorOrder()),
        window.statusBar().currentMessage(),
    )


def _remember(qtbot, path: Path, state: str) -> None:
    """Leave the caseload as a user would in ``state``; closing the window keeps it in
    window.ini for the next start."""
    context = _full_context(path)
    window = _open(qtbot, context)
    page = window.caseload_page
    window.show_page(Page.CASELOAD)
    header = page.table.horizontalHeader()
    if state == "all, newest contact first":
        page.filters.status.setCurrentIndex(page.filters.status.findData(None))
        header.setSortIndicator(header.sortIndicatorSection() + 3, Qt.SortOrder.DescendingOrder)
    elif state == "one team, overdue, by klantnummer":
        page.filters.team.setCurrentIndex(1)
        page.filters.overdue.setChecked(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    _close(qtbot, window, context)
    kept = QSettings(str(paths.resolve(path).window_state), QSettings.Format.IniFormat)
    assert state == "as first opened" or kept.value("caseload/filters")


@pytest.mark.parametrize(
    "state", ["as first opened", "all, newest contact first", "one team, overdue, by klantnummer"]
)
def test_the_quick_first_page_shows_what_the_full_open_shows(
    qtbot, caseload_file: Path, on_caseload: None, state: str
) -> None:
    _remember(qtbot, caseload_file, state)

    quick = gui.build_context(caseload_file, demo_mode=False)
    assert isinstance(quick, context_module.OpeningContext), "read at once, opened in full later"
    window = None
    try:
        window = main_window.MainWindow(quick)
        assert not quick.opened, "the first page was read without opening the database in full"
        show_active(qtbot, window)
        seen_quick = _caseload_seen(qtbot, window)
    finally:
        _close(qtbot, window, quick)

    full = _full_context(caseload_file)
    window = None
    try:
        window = _open(qtbot, full)
        seen_full = _caseload_seen(qtbot, window)
    finally:
        _close(qtbot, window, full)
    assert seen_quick == seen_full
    assert seen_quick[0] > 0 and seen_quick[2], "there were rows to compare"


class _NavigationAtFirstPaint(QObject):
    """Notes the navigation's Vandaag text when Vandaag's lines are painted for the first time."""

    def __init__(self, window: main_window.MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.text: str | None = None
        page = window.pages.currentWidget()
        assert isinstance(page, WorklistPage)
        page.tree.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """At the first paint: the navigation's text."""
        if event.type() == QEvent.Type.Paint and self.text is None:
            self.text = self.window.navigation.item(Page.WORKLIST).text()
        return False


def test_vandaag_read_at_once_shows_the_same_lines(qtbot, caseload_file: Path) -> None:
    def lines(window: main_window.MainWindow) -> list[tuple[str, ...]]:
        page = window.pages.currentWidget()
        assert isinstance(page, WorklistPage)
        tree = page.tree
        found: list[tuple[str, ...]] = []
        for top in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(top)
            found.append((item.text(0),))
            found += [
                tuple(item.child(i).text(c) for c in range(tree.columnCount()))
                for i in range(item.childCount())
            ]
        return found

    quick = gui.build_context(caseload_file, demo_mode=False)
    assert isinstance(quick, context_module.OpeningContext)
    window = None
    try:
        window = main_window.MainWindow(quick)
        assert not quick.opened
        painted = _NavigationAtFirstPaint(window)
        show_active(qtbot, window)
        qtbot.waitUntil(lambda: painted.text is not None)
        seen_quick = lines(window), window.navigation.item(Page.WORKLIST).text()
        scope = worklist.Scope(quick.settings.user_name, quick.settings.contact_threshold_days)
        due = worklist.count(quick.db, scope)
        assert due > 0 and painted.text == f"Vandaag ({due})", "the count there at once"
    finally:
        _close(qtbot, window, quick)
    full = _full_context(caseload_file)
    window = None
    try:
        window = _open(qtbot, full)
        seen_full = lines(window), window.navigation.item(Page.WORKLIST).text()
    finally:
        _close(qtbot, window, full)
    assert seen_quick == seen_full
    assert len(seen_quick[0]) > 1, "Vandaag had lines to compare"


def test_keys_work_right_after_the_first_paint(
    qtbot, caseload_file: Path, on_caseload: None
) -> None:
    context = gui.build_context(caseload_file, demo_mode=False)
    assert isinstance(context, context_module.OpeningContext)
    window = None
    try:
        window = main_window.MainWindow(context)
        show_active(qtbot, window)
        page = window.caseload_page
        # Ctrl+F and a klantnummer typed at once: the search finds that client.
        reference = context.reads.execute(
            "SELECT reference FROM clients WHERE status = 'active' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is page.filters.search
        type_text(QApplication.focusWidget(), reference)
        found = caseload_query.CaseloadFilter(status="active", text=reference)
        wanted = caseload_query.ids(context.db, found, caseload_query.Sort())
        assert wanted
        qtbot.waitUntil(lambda: page.model.client_ids() == wanted)
        # Enter on the client: its file opens, a write-ready view on the full database.
        press(qtbot, Qt.Key.Key_Down)
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.stack.currentIndex() == 1)
        assert context.opened
    finally:
        _close(qtbot, window, context)


@pytest.fixture
def older_file(tmp_path: Path) -> Iterator[Path]:
    """A copy of a file of the first released schema (it needs every later migration)."""
    path = tmp_path / "trede.db"
    for suffix in ("", "-wal", "-shm"):
        source = FIXTURES / f"schema-v1.db{suffix}"
        if source.exists():
            shutil.copyfile(source, path.with_name(path.name + suffix))
    settings.save(
        paths.resolve(path).settings, settings.Settings(municipality="Leiden", user_name="Zoë")
    )
    yield path


def test_a_file_that_needs_a_migration_is_migrated_before_it_is_read(
    qtbot, older_file: Path, on_caseload: None
) -> None:
    assert first_open.open_for_first_page(older_file, None) is None
    context = gui.build_context(older_file, demo_mode=False)
    try:
        assert not isinstance(context, context_module.OpeningContext)
        version = context.db.execute("PRAGMA user_version").fetchone()[0]
        assert version == database.known_version(), "migrated before the window read it"
        window = _open(qtbot, context)
        page = window.caseload_page
        wanted = caseload_query.ids(
            context.db, caseload_query.CaseloadFilter(status="active"), caseload_query.Sort()
        )
        qtbot.waitUntil(lambda: page.model.client_ids() == wanted)
    finally:
        _close(qtbot, window, context)


def test_derived_data_left_to_compute_is_computed_before_it_is_read(caseload_file: Path) -> None:
    passphrase = PASSPHRASE if first_open.is_encrypted(caseload_file) else None
    db = database.open_database(caseload_file, passphrase)
    schema.mark_summaries_stale(db)
    database.close(db)
    assert first_open.open_for_first_page(caseload_file, passphrase) is None
    context = gui.build_context(caseload_file, demo_mode=False)
    try:
        assert not isinstance(context, context_module.OpeningContext)
        assert not context.db[schema.STALE_TABLE].exists()
    finally:
        context.close()


def test_a_wrong_or_missing_passphrase_gets_no_quick_open(tmp_path: Path) -> None:
    path = tmp_path / "trede.db"
    database.close(database.open_database(path, PASSPHRASE))
    assert first_open.open_for_first_page(path, "niet het wachtwoord") is None
    assert first_open.open_for_first_page(path, None) is None
    connection = first_open.open_for_first_page(path, PASSPHRASE)
    assert connection is not None
    connection.close()


def test_the_quick_check_knows_every_migration() -> None:
    assert database.known_version() == first_open.SCHEMA_VERSION
    assert Migrations.migrations_table == first_open.MIGRATIONS_TABLE
