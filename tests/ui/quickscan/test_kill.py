"""A real crash mid-scan: the process is killed with SIGKILL after answering by keyboard, and
reopening shows the draft with every answer that was given."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import context, database, paths, settings
from quickscan import store
from ui import changes
from ui.quickscan import page as quickscan_page

from ..shell.test_main_window import show_active

# Runs in a child process: start a scan, answer three questions by key presses, say so after
# each one, then die as abruptly as a crash or a power cut of the app would.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from app import context, database, paths, settings
    from ui import changes
    from ui.quickscan import page as quickscan_page

    folder = Path(sys.argv[1])
    app = QApplication([])
    resolved = paths.Paths(folder / "trede.db", folder / "settings.json", folder / "window.ini")
    ctx = context.AppContext(
        database.open_database(resolved.database), resolved, settings.load(resolved.settings)
    )
    page = quickscan_page.create(ctx, changes.ChangeBus())
    page.setMinimumSize(1000, 700)
    page.show()
    page.activateWindow()
    QTest.qWaitForWindowActive(page)
    page.start.start_scan()
    for key in (Qt.Key.Key_4, Qt.Key.Key_Down, Qt.Key.Key_2, Qt.Key.Key_Down, Qt.Key.Key_W):
        QTest.keyClick(QApplication.focusWidget(), key)
        print("key", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


@pytest.mark.slow
def test_killed_mid_scan_the_draft_comes_back(qtbot, tmp_path: Path) -> None:
    settings.save(
        tmp_path / "settings.json",
        settings.Settings(municipality="Leiden", user_name="Zoë", team="Team Noord"),
    )
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert child.stdout.count("key") == 5

    db = database.open_database(tmp_path / "trede.db")
    try:
        (draft,) = store.drafts(db)
        values = sorted(
            (answer.value for answer in store.answers(db, draft.id).values()),
            key=lambda value: -1 if value is None else value,
        )
        assert values == [None, 2, 4], "every answer given before the kill is there"

        files = paths.Paths(tmp_path / "trede.db", tmp_path / "settings.json", tmp_path / "w.ini")
        reopened = context.AppContext(db, files, settings.load(files.settings))
        page = quickscan_page.create(reopened, changes.ChangeBus())
        qtbot.addWidget(page)
        page.setMinimumSize(1000, 700)
        show_active(qtbot, page)
        drafts = page.start.drafts
        assert drafts.count() == 1
        assert "3 van " in drafts.item(0).text()
        drafts.setFocus()
        qtbot.keyClick(drafts, Qt.Key.Key_Return)
        answered = [box for box in page.fill.boxes.values() if box.answered]
        assert len(answered) == 3
    finally:
        db.close()
