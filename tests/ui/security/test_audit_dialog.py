"""Logboek in Instellingen: the newest entries in a table, and whether the chain holds."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from caseload import clients, model
from resources import audit
from ui.security import audit_dialog
from ui.shell import main_window

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _add(db) -> int:
    details = model.ClientDetails(reference="KL1", surname="Jansen")
    return clients.add(db, details, actor="Zoë de Vries", today=dt.date(2026, 1, 5)).value.id


def test_model_passes_the_model_tester(qtmodeltester, db) -> None:
    _add(db)
    model_ = audit_dialog.AuditModel(audit.entries(db, 50))
    qtmodeltester.check(model_)
    assert model_.rowCount() >= 1
    index = model_.index(0, audit_dialog.Column.ACTION)
    assert model_.data(index) == "Klant toegevoegd"
    assert model_.data(model_.index(0, audit_dialog.Column.OBJECT)).startswith("klant ")
    assert model_.data(model_.index(0, audit_dialog.Column.RESULT)) == "gelukt"
    assert model_.data(model_.index(0, audit_dialog.Column.ACTOR)) == "Zoë de Vries"
    header = model_.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Tijd"


def test_time_is_formatted_in_the_users_locale() -> None:
    text = audit_dialog.format_time("2026-03-16T09:30:00.000000+00:00")
    assert "16-03-2026" in text or "16-03-26" in text


def test_dialog_says_the_chain_is_intact_and_then_broken(qtbot, db) -> None:
    client_id = _add(db)
    clients.record_view(db, client_id, actor="Zoë de Vries")
    dialog = audit_dialog.AuditDialog(db)
    qtbot.addWidget(dialog)
    assert "heel" in dialog.chain.text()
    assert dialog.model.data(dialog.model.index(0, audit_dialog.Column.ACTION)) == "Klant bekeken"
    assert "Jansen" not in " ".join(
        str(dialog.model.data(dialog.model.index(row, column)))
        for row in range(dialog.model.rowCount())
        for column in audit_dialog.Column
    ), "the log names the client by number, never by content"
    db.execute("update audit_log set object = 'client:999' where id = 1")
    tampered = audit_dialog.AuditDialog(db)
    qtbot.addWidget(tampered)
    assert "verbroken bij regel 1" in tampered.chain.text()


def test_settings_button_opens_the_log(qtbot, app_context, monkeypatch) -> None:
    opened: list[audit_dialog.AuditDialog] = []
    monkeypatch.setattr(audit_dialog.AuditDialog, "exec", lambda self: opened.append(self) or 0)
    window = main_window.MainWindow(app_context)
    qtbot.addWidget(window)
    page = window.settings_page
    assert page.audit_log.accessibleName() == "Logboek bekijken…"
    page.audit_log.click()
    assert len(opened) == 1
