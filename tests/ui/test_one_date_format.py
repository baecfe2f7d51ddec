"""A date reads the same in the window and in the PDF: babel's medium format of the language."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from caseload import client_report, clients, journal, model
from resources import i18n
from ui.shell import main_window

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TODAY = dt.date(2026, 3, 16)
#: Days whose number and month cannot be mixed up (13 > 12), so every format is told apart.
DAYS = (dt.date(2025, 9, 13), dt.date(2025, 11, 20), dt.date(2026, 2, 27))


def _other_formats(day: dt.date) -> set[str]:
    """Every other way a program might write ``day``."""
    texts = {
        day.isoformat(),
        day.strftime("%d-%m-%Y"),
        day.strftime("%d/%m/%Y"),
        day.strftime("%m/%d/%Y"),
        f"{day.day}-{day.month}-{day.year}",
        i18n.format_date(day, "long"),
        i18n.format_date(day, "full"),
        i18n.format_date(day, "short"),
    }
    return texts - {i18n.date_text(day)}


def _texts(root: QWidget) -> str:
    """Everything the window shows or tells a screen reader: labels, table cells, charts."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel):
            found.append(widget.text())
        found += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
        if isinstance(widget, QTableView) and widget.model() is not None:
            table = widget.model()
            for row in range(table.rowCount(QModelIndex())):
                for column in range(max(1, table.columnCount(QModelIndex()))):
                    value = table.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                    found.append(str(value))
    return "\n".join(found)


@pytest.fixture(params=["nl", "en"])
def language(request) -> Iterator[str]:
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("nl")


def test_the_client_view_and_the_client_report_write_a_date_the_same_way(
    qtbot, app_context, tmp_path: Path, language: str
) -> None:
    db = app_context.db
    client = clients.add(
        db, model.ClientDetails(reference="D-13", guidance_start=dt.date(2025, 1, 6)), actor="t"
    ).value
    first, second, third = DAYS
    journal.record_step(db, client.id, trede=2, measured_on=first, actor="t", today=TODAY)
    journal.record_step(db, client.id, trede=3, measured_on=third, actor="t", today=TODAY)
    journal.add_contact(
        db, client.id, kind="kantoor", contact_on=second, summary="Gesprek",
        share_with_client=True, actor="t", today=TODAY,
    )  # fmt: skip
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    page = window.pages.widget(main_window.Page.CASELOAD)
    page.open_client(client.id)
    shown = _texts(window)
    path = tmp_path / "verslag.pdf"
    client_report.write_client_report(
        db, path, reference="D-13", municipality="Leiden", today=TODAY
    )
    printed = " ".join(
        " ".join(sheet.extract_text().split()) for sheet in pypdf.PdfReader(path).pages
    )
    for where, text in (("window", shown), ("PDF", printed)):
        for day in DAYS:
            assert i18n.date_text(day) in text, (where, day)
            wrong = [other for other in _other_formats(day) if re.search(re.escape(other), text)]
            assert wrong == [], (where, day)
