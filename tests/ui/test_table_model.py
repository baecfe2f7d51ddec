"""The read-only tables built on ui.table_model pass Qt's model checks and show what they hold."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from caseload import client_file, clients, erasure, journal, model
from resources import audit
from ui.caseload.retention_dialog import RetentionModel
from ui.client.timeline import TimelineModel
from ui.security.audit_dialog import AuditModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def test_audit_model(qtmodeltester, db) -> None:
    clients.add(db, model.ClientDetails(reference="K-1"), actor="Els")
    table = AuditModel(audit.entries(db))
    qtmodeltester.check(table, force_py=True)
    assert table.data(table.index(0, 1), DISPLAY) == "Els"
    assert table.data(table.index(0, 2), DISPLAY) == "Klant toegevoegd"
    assert table.headerData(0, Qt.Orientation.Horizontal, DISPLAY) == "Tijd"


def test_retention_model(qtmodeltester) -> None:
    closed = dt.date(2010, 1, 31)
    item = erasure.PastRetention(7, "K-7", "Ayla", closed, "verhuisd", dt.date(2020, 1, 31))
    table = RetentionModel()
    table.set_items([item])
    qtmodeltester.check(table, force_py=True)
    assert table.items == [item]
    assert table.data(table.index(0, 0), DISPLAY) == "K-7"


def test_timeline_model_marks_an_overdue_action(qtmodeltester, db) -> None:
    client = clients.add(db, model.ClientDetails(reference="K-1"), actor="t").value
    long_ago = dt.date.today() - dt.timedelta(days=60)
    journal.add_action(
        db, client.id, intervention="taalcursus", start_on=long_ago, due_on=long_ago, actor="t"
    )
    table = TimelineModel()
    table.set_file(client_file.load(db, client.id))
    qtmodeltester.check(table, force_py=True)
    text = table.data(table.index(0, 2), DISPLAY)
    assert text.startswith("Te laat:")
    assert table.data(table.index(0, 2), Qt.ItemDataRole.FontRole).bold()
