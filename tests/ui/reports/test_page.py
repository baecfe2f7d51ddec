"""The Rapporten page by keyboard: choose a report, see its pages, print, save, open elsewhere."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton

from caseload import demo, inclusion_report
from quickscan import loader, store
from resources import audit
from ui import changes
from ui.reports import page as reports_page
from ui.reports import preview as report_preview

from ..keyboard import type_text
from ..shell.test_main_window import interactive_widgets, show_active, visible_label

TODAY = dt.date.today()


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture
def caseload(app_context):
    """A small synthetic caseload (the demo's teams, Team Noord among them)."""
    demo.fill(app_context.db, 300, seed=3)
    return app_context


@pytest.fixture
def page(qtbot, caseload) -> reports_page.ReportsPage:
    """The Rapporten page on its own, shown and active."""
    widget = reports_page.ReportsPage(caseload, changes.ChangeBus(), today=TODAY)
    qtbot.addWidget(widget)
    widget.setMinimumSize(1000, 700)
    show_active(qtbot, widget)
    return widget


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """The messages of warning dialogs (instead of opening them)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    return shown


def _alt(qtbot, page, key: Qt.Key) -> None:
    qtbot.keyClick(page, key, Qt.KeyboardModifier.AltModifier)


def _choose(qtbot, page, key: Qt.Key, button) -> None:
    """Alt+key on a radio button or check box; Qt clicks it after a short flash."""
    checked = button.isChecked()
    _alt(qtbot, page, key)
    qtbot.waitUntil(lambda: button.isChecked() != checked or button.isChecked())


def _preview(qtbot, page) -> None:
    """Ask for a preview with Alt+D and wait until its pages are shown."""
    _alt(qtbot, page, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: page.runner is None and page.preview.page_count() > 0, timeout=30000)


def test_an_inclusion_report_by_keyboard_shows_every_page(qtbot, page) -> None:
    _choose(qtbot, page, Qt.Key.Key_I, page.form.inclusion)
    _alt(qtbot, page, Qt.Key.Key_P)
    assert page.form.period.hasFocus()
    page.form.period.setCurrentIndex(page.form.period.findData("vorig_jaar"))
    assert page.form.start.value() == dt.date(TODAY.year - 1, 1, 1)
    assert page.form.end.value() == dt.date(TODAY.year - 1, 12, 31)
    _alt(qtbot, page, Qt.Key.Key_E)
    qtbot.keyClick(page.form.team, Qt.Key.Key_Down)
    team = page.form.team.currentText()
    assert team.startswith("Team ")

    _preview(qtbot, page)
    pages = len(PdfReader(page.path).pages)
    assert page.preview.page_count() == pages > 1
    assert page.preview.page_label.text() == f"Pagina 1 van {pages}"
    names = [image.accessibleName() for image in page.preview.pages]
    assert names == [f"Pagina {n}" for n in range(1, pages + 1)]
    assert page.preview.scroll_area.hasFocus()
    text = _text(page.path)
    assert "Inclusierapport" in text and team in text and f"1 jan {TODAY.year - 1}" in text
    assert (
        f"inclusierapport-{TODAY.year - 1}-01-01-{TODAY.year - 1}-12-31.pdf" in page.status.text()
    )

    page.preview.go_to(pages)
    assert page.preview.page_label.text() == f"Pagina {pages} van {pages}"


def test_zoom_by_keyboard(qtbot, page) -> None:
    _preview(qtbot, page)
    before = page.preview.zoom
    width = page.preview.pages[0].width()
    qtbot.keyClick(page, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    larger = report_preview.ZOOM_STEPS[report_preview.ZOOM_STEPS.index(before) + 1]
    assert page.preview.zoom == larger
    assert page.preview.zoom_label.text() == f"{larger}%"
    assert page.preview.pages[0].width() > width
    qtbot.keyClick(page, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert page.preview.zoom < before and page.preview.pages[0].width() < width


def test_save_as_copies_the_pdf(qtbot, monkeypatch, page, tmp_path) -> None:
    _preview(qtbot, page)
    asked: list[str] = []

    def choose(parent, caption, suggested, filter_):
        asked.append(suggested)
        return str(tmp_path / "voor de teamvergadering"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = tmp_path / "voor de teamvergadering.pdf"
    assert saved.read_bytes() == page.path.read_bytes()
    assert saved.stat().st_mode & 0o777 == 0o600  # a report is personal data: the user's only
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert asked[0].endswith(page.path.name)
    assert page.status.text() == f"Opgeslagen in {saved}"


def test_save_as_into_a_missing_folder_says_so(qtbot, monkeypatch, page, tmp_path, warnings):
    _preview(qtbot, page)
    target = tmp_path / "weg" / "rapport.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    page.save_button.click()
    assert not target.exists()
    assert warnings and warnings[0].startswith("Het rapport kan niet worden opgeslagen in")


@pytest.mark.parametrize(("first", "last", "expected"), [(0, 0, None), (2, 3, 2)])
def test_printing_goes_through_the_print_dialog(
    qtbot, monkeypatch, page, tmp_path, first, last, expected
) -> None:
    _preview(qtbot, page)
    out = tmp_path / "afgedrukt.pdf"
    seen: list[tuple[int, int]] = []

    def accept(dialog: QPrintDialog) -> int:
        seen.append((dialog.minPage(), dialog.maxPage()))
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setFromTo(first, last)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    pages = page.preview.page_count()
    assert seen == [(1, pages)]
    printed = PdfReader(out)
    assert len(printed.pages) == (expected or pages)
    assert abs(float(printed.pages[0].mediabox.width) - 595) < 2  # A4 stays A4
    assert page.status.text().endswith("naar de printer gestuurd.")


def test_a_cancelled_print_dialog_prints_nothing(qtbot, monkeypatch, page, tmp_path) -> None:
    _preview(qtbot, page)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    status = page.status.text()
    page.print_button.click()
    assert page.status.text() == status


def test_open_in_the_pdf_reader(qtbot, monkeypatch, page, warnings) -> None:
    _preview(qtbot, page)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _alt(qtbot, page, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: bool(opened))  # a mnemonic clicks a button after a short flash
    assert opened == [QUrl.fromLocalFile(str(page.path))]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    page.open_button.click()
    assert warnings and "geen programma gevonden" in warnings[0]


def test_an_unknown_klantnummer_gives_a_message_and_no_file(qtbot, page) -> None:
    _choose(qtbot, page, Qt.Key.Key_V, page.form.client)
    _alt(qtbot, page, Qt.Key.Key_K)
    assert page.form.reference.hasFocus()
    qtbot.keyClick(page.form.reference, Qt.Key.Key_Return)
    assert page.form.message.text() == "Vul een klantnummer in."
    type_text(page.form.reference, "ZOË-404")
    qtbot.keyClick(page.form.reference, Qt.Key.Key_Return)
    assert page.form.message.text() == "Er is geen klant met klantnummer ZOË-404."
    assert page.runner is None and page.path is None
    assert list(page.folder.iterdir()) == []
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()


def test_a_client_progress_report_by_keyboard(qtbot, page, caseload) -> None:
    reference = caseload.db.execute("SELECT reference FROM clients ORDER BY id LIMIT 1").fetchone()
    _choose(qtbot, page, Qt.Key.Key_V, page.form.client)
    assert not page.form.period.isVisibleTo(page)  # the whole guidance by default
    _alt(qtbot, page, Qt.Key.Key_K)
    qtbot.keyClicks(page.form.reference, reference[0])
    qtbot.keyClick(page.form.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.runner is None and page.preview.page_count() > 0, timeout=30000)
    assert "Vertrouwelijk" in _text(page.path) and reference[0] in _text(page.path)
    assert page.path.name == f"voortgangsverslag-{reference[0]}.pdf"


def _submit(db, team: str | None) -> int:
    questionnaire = loader.load_bundled()
    given = [
        store.GivenAnswer(q.id, questionnaire.value_at(q.id, i))
        for i, q in enumerate(questionnaire.questions_for("manager"))
    ]
    return store.submit(db, questionnaire, "manager", "Sam", team, given, actor="test").value.id


def test_an_advice_report_shows_the_caseload_next_to_the_advice(qtbot, page, caseload) -> None:
    scan = _submit(caseload.db, "Team Noord")
    page.refresh()
    _choose(qtbot, page, Qt.Key.Key_A, page.form.advice)
    assert page.form.scan.currentData() == scan
    assert page.form.team.currentText() == "Team Noord"  # the team of the scan
    _preview(qtbot, page)
    text = _text(page.path)
    assert "Adviesrapport Quickscan Diversiteit" in text
    assert "Wat de caseload laat zien" in text and "Bron: de caseload van Team Noord" in text

    _alt(qtbot, page, Qt.Key.Key_C)  # without the caseload facts
    qtbot.waitUntil(lambda: not page.form.facts.isChecked())
    first = page.path
    _alt(qtbot, page, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: page.runner is None and page.path != first, timeout=30000)
    assert "Wat de caseload laat zien" not in _text(page.path)


def test_without_a_completed_scan_the_advice_report_says_so(qtbot, page) -> None:
    _choose(qtbot, page, Qt.Key.Key_A, page.form.advice)
    assert page.form.scan.currentText() == "(nog geen afgeronde scan)"
    _alt(qtbot, page, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: page.form.message.text() != "")
    assert page.form.message.text().startswith("Er is nog geen afgeronde quickscan.")
    assert page.runner is None


def test_a_period_that_ends_before_it_starts_is_refused(qtbot, page) -> None:
    page.form.start.set_value(dt.date(2026, 5, 1))
    page.form.end.set_value(dt.date(2026, 4, 1))
    assert page.form.period.currentData() == "eigen"
    _alt(qtbot, page, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: page.form.message.text() != "")
    assert page.form.message.text().startswith("De eerste dag ligt na de laatste dag.")
    assert page.runner is None


def test_cancelling_a_long_report_makes_nothing(qtbot, monkeypatch, page) -> None:
    started = threading.Event()

    def slow(db, path, *, cancelled, **kwargs):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise inclusion_report.Cancelled()

    monkeypatch.setattr(inclusion_report, "write_inclusion_report", slow)
    _alt(qtbot, page, Qt.Key.Key_D)
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(page.runner.cancelled, timeout=5000):
        page.runner.dialog.findChild(QPushButton).click()  # Annuleren
    assert page.status.text() == "Gestopt. Er is geen rapport gemaakt."
    assert page.preview.page_count() == 0 and page.form.make.isEnabled()


def test_a_failing_report_says_why(qtbot, monkeypatch, page, warnings) -> None:
    from resources.errors import UserError

    def fail(*args, **kwargs):
        raise UserError("De schijf is vol.")

    monkeypatch.setattr(inclusion_report, "write_inclusion_report", fail)
    with qtbot.waitSignal(page.form.make.clicked, timeout=1000):
        page.form.make.click()
    qtbot.waitUntil(lambda: page.runner is None)
    assert warnings == ["De schijf is vol."] and page.status.text() == "De schijf is vol."


def test_every_widget_is_named_after_its_label(qtbot, page) -> None:
    for button in (page.form.inclusion, page.form.client, page.form.advice):
        button.setChecked(True)
        widgets = interactive_widgets(page)
        assert len(widgets) > 6
        for widget in widgets:
            assert widget.accessibleName(), repr(widget)
            label = visible_label(widget, page)
            if label is not None:
                assert widget.accessibleName() == label


# -- the audit log --------------------------------------------------------------------------


def _actions(db) -> list[tuple[str, str]]:
    """The log's (action, object) pairs, oldest first; the chain must hold."""
    assert audit.broken_entries(db) == []
    return [(entry.action, entry.object) for entry in reversed(audit.entries(db))]


def test_making_saving_printing_and_opening_a_report_are_each_logged(
    qtbot, monkeypatch, page, caseload, tmp_path
) -> None:
    before = _actions(caseload.db)
    _preview(qtbot, page)
    request = page.request
    assert request is not None
    what = audit.inclusion_object(request.team, request.start, request.end)
    assert _actions(caseload.db)[len(before) :] == [("report.inclusion", what)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "r.pdf"), ""))
    page.save_button.click()
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    page.print_button.click()  # cancelled: nothing printed, nothing logged
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    page.open_button.click()
    assert _actions(caseload.db)[len(before) :] == [
        ("report.inclusion", what),
        ("report.inclusion.save", what),
        ("report.inclusion.open", what),
    ]
    assert all(caseload.actor == entry.actor for entry in audit.entries(caseload.db, 3))


def test_a_client_report_is_logged_with_the_client_not_the_content(qtbot, page, caseload):
    found = caseload.db.execute("SELECT id, reference FROM clients ORDER BY id LIMIT 1").fetchone()
    _choose(qtbot, page, Qt.Key.Key_V, page.form.client)
    _alt(qtbot, page, Qt.Key.Key_K)
    qtbot.keyClicks(page.form.reference, found[1])
    qtbot.keyClick(page.form.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.runner is None and page.preview.page_count() > 0, timeout=30000)
    assert _actions(caseload.db)[-1] == ("report.client", f"client:{found[0]}")


def test_without_a_log_line_there_is_no_report(qtbot, monkeypatch, page, caseload, warnings):
    def read_only(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(audit, "record_alone", read_only)
    _alt(qtbot, page, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: page.runner is None and bool(warnings), timeout=30000)
    assert "logboek" in warnings[0]
    assert page.preview.page_count() == 0 and page.path is None
    assert not page.print_button.isEnabled() and not page.save_button.isEnabled()
    assert [p for p in page.folder.rglob("*.pdf")] == []


def test_the_pages_can_be_read_as_text(qtbot, page) -> None:
    """Alt+W shows the report's text page by page, the same words as the PDF; each page image
    carries its text for a screen reader too; Alt+W again brings the pages back."""
    _preview(qtbot, page)
    pdf_words = _text(page.path).split()
    _alt(qtbot, page, Qt.Key.Key_W)
    qtbot.waitUntil(page.preview.text_view.isVisible)
    assert page.preview.text_view.hasFocus()
    assert not page.preview.scroll_area.isVisible()
    shown = page.preview.page_text()
    assert shown.startswith("Pagina 1\n")
    pages = page.preview.page_count()
    assert f"Pagina {pages}\n" in shown
    # Every word of the PDF, in the PDF's order (the page headings are the extra words).
    shown_words = iter(shown.split())
    assert all(word in shown_words for word in pdf_words)
    assert all(image.accessibleDescription() for image in page.preview.pages)
    _alt(qtbot, page, Qt.Key.Key_W)
    qtbot.waitUntil(page.preview.scroll_area.isVisible)
    assert not page.preview.text_view.isVisible()
