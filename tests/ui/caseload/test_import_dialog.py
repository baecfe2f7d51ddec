"""The import dialog by keyboard: load a file, fix a column, check, import; names for every widget."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from caseload import clients
from resources.changes import Kind
from ui import accessibility
from ui.caseload.import_dialog import ImportDialog
from ui.changes import ChangeBus

from ..shell.test_main_window import interactive_widgets, show_active, visible_label

# Showing a dialog offscreen makes Qt say that the platform cannot pass size hints on.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

CONTENT = "Nummer;Achternaam;Geboortedatum\nA1;Öztürk;4-5-1988\nA2;Jansen;31-02-1980\n"


def _dialog(qtbot, app_context, tmp_path: Path) -> tuple[ImportDialog, ChangeBus]:
    source = tmp_path / "klanten.csv"
    source.write_bytes(CONTENT.encode("cp1252"))
    bus = ChangeBus()
    dialog = ImportDialog(app_context, bus)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.load(source)
    return dialog, bus


def test_check_then_import_by_keyboard(qtbot, app_context, tmp_path: Path) -> None:
    dialog, bus = _dialog(qtbot, app_context, tmp_path)
    assert "2 regels (Windows-1252, gescheiden door puntkomma)" in dialog.file_label.text()
    assert dialog.preview.item(0, 1).text() == "Öztürk"
    assert dialog.mapping() == {
        "Nummer": None,
        "Achternaam": "surname",
        "Geboortedatum": "birth_date",
    }

    # 'Nummer' was not recognised: the user picks Klantnummer for it by typing K.
    combo = dialog.combos["Nummer"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_K)
    assert dialog.mapping()["Nummer"] == "reference"

    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Controleren
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=5000)
    assert dialog.import_result is not None and dialog.import_result.dry_run
    assert dialog.summary.text().startswith("Controle: 2 regels gelezen.")
    assert [dialog.rejected_list.item(0).text()] == [
        "regel 3: Geboortedatum klopt niet: de datum “31-02-1980” bestaat niet."
    ]
    assert clients.find(app_context.db, "A1") is None

    with qtbot.waitSignal(bus.changed, timeout=5000) as announced:
        qtbot.keyClick(dialog, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # &Importeren
    assert announced.args[0].touches(Kind.CLIENT)
    assert dialog.import_result is not None and not dialog.import_result.dry_run
    assert dialog.summary.text() == (
        "2 regels gelezen. Toegevoegd: 1. Bijgewerkt: 0. Ongewijzigd: 0. Overgeslagen: 0. "
        "Afgewezen: 1."
    )
    stored = clients.find(app_context.db, "A1")
    assert stored is not None and stored.surname == "Öztürk"


def test_all_or_nothing_shows_the_rows_and_stores_nothing(qtbot, app_context, tmp_path) -> None:
    dialog, _bus = _dialog(qtbot, app_context, tmp_path)
    dialog.combos["Nummer"].setCurrentIndex(dialog.combos["Nummer"].findData("reference"))
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # &Niets inlezen …
    qtbot.waitUntil(dialog.nothing.isChecked)  # a mnemonic clicks after a short animation
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Er is niets ingelezen"), timeout=5000)
    assert dialog.rejected_list.count() == 1
    assert clients.find(app_context.db, "A1") is None


def test_a_file_that_cannot_be_read_says_why(qtbot, app_context, tmp_path: Path) -> None:
    dialog = ImportDialog(app_context, ChangeBus())
    qtbot.addWidget(dialog)
    broken = tmp_path / "lijst.xlsx"
    broken.write_bytes(b"PK\x03\x04")
    dialog.load(broken)
    assert dialog.file_label.text().startswith("Dit is een Excel-bestand.")
    assert not dialog.import_button.isEnabled()


def test_every_widget_has_its_visible_label_as_name(qtbot, app_context, tmp_path) -> None:
    dialog, _bus = _dialog(qtbot, app_context, tmp_path)
    for widget in interactive_widgets(dialog):
        if isinstance(widget, QListWidget):
            assert widget.accessibleName() == "Regels die niet kloppen"
            continue
        assert widget.accessibleName() == visible_label(widget, dialog), widget
    assert accessibility.plain(dialog.combos["Geboortedatum"].accessibleName()) == "Geboortedatum"


def test_the_caseload_page_exports_what_it_shows(
    qtbot, app_context, tmp_path: Path, monkeypatch
) -> None:
    from caseload import model
    from ui import file_dialogs
    from ui.caseload.page import CaseloadPage

    for reference, team in (("N1", "Team Noord"), ("Z1", "Team Zuid")):
        clients.add(app_context.db, model.ClientDetails(reference=reference, team=team), actor="t")
    page = CaseloadPage(app_context, ChangeBus())
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.apply_filter()
    page.filters.search.setText("Z1")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # the search waits for typing to pause
    target = tmp_path / "lijst.csv"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *args, **kwargs: (target, ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "geschreven" in page.counts_label.text(), timeout=5000)
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert [line.split(";")[0] for line in lines[1:]] == ["Z1"]
    assert page.counts_label.text() == f"1 klant geschreven naar {target}."


def test_the_rejected_rows_are_saved_as_a_csv(
    qtbot, app_context, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    dialog, _bus = _dialog(qtbot, app_context, tmp_path)
    assert not dialog.save_rejected_button.isEnabled(), "nothing to save before a check"
    dialog.combos["Nummer"].setCurrentIndex(dialog.combos["Nummer"].findData("reference"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_result is not None, timeout=5000)
    target = tmp_path / "afgewezen.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    qtbot.mouseClick(dialog.save_rejected_button, Qt.MouseButton.LeftButton)
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert lines == [
        "Regel;Reden;Nummer;Achternaam;Geboortedatum",
        "3;Geboortedatum klopt niet: de datum “31-02-1980” bestaat niet.;A2;Jansen;31-02-1980",
    ]
    assert dialog.summary.text() == f"1 afgewezen regel opgeslagen in {target}."
