"""Results, history and comparisons of the quickscan in the window; loading another questionnaire."""

from __future__ import annotations

import json
import sqlite3
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

import quickscan
from quickscan import loader, store
from resources import audit
from resources.errors import UserError
from ui import changes
from ui.quickscan import page as quickscan_page
from ui.quickscan import table_models as quickscan_models

from ..shell.test_main_window import show_active


def level_answer(questionnaire, question, level: int) -> int:
    """The answer at ``level`` 1 (weakest practice) to 4 (strongest) on the question's own scale.

    A negatively worded item is answered the other way round, so that a level means the same
    practice on every item.
    """
    values = questionnaire.scale_values_for(question.id)
    index = round((level - 1) / 3 * (len(values) - 1))
    return values[len(values) - 1 - index] if question.reversed else values[index]


def submit(db, role: str, value, team: str | None = "Team Noord", unknown_theme: str = "") -> int:
    """Store a complete scan where every answer is at level ``value`` ('weet niet' in one theme)."""
    questionnaire = loader.load_bundled()
    given = [
        store.GivenAnswer(
            q.id, None if q.theme == unknown_theme else level_answer(questionnaire, q, value)
        )
        for q in questionnaire.questions_for(role)
    ]
    response = store.submit(db, questionnaire, role, "Sam", team, given, actor="test").value
    return response.id


@pytest.fixture
def page(qtbot, app_context) -> quickscan_page.QuickscanPage:
    """The Quickscan page as the window shows it."""
    widget = quickscan_page.create(app_context, changes.ChangeBus())
    qtbot.addWidget(widget)
    widget.setMinimumSize(1000, 700)
    show_active(qtbot, widget)
    return widget


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """The messages shown in warning dialogs (instead of opening them)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    return shown


def test_history_lists_every_scan_and_enter_opens_the_result(qtbot, app_context, page) -> None:
    earlier = submit(app_context.db, "klantmanager", 2)
    draft = store.start_response(
        app_context.db, loader.load_bundled(), "manager", None, None, "test"
    ).value
    page.history.refresh()
    model = page.history.model
    assert model.rowCount() == 2
    columns = quickscan_models.HistoryColumn
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    assert headers == ["Datum", "Rol", "Invuller", "Team", "Status", "Totaalscore"]
    newest = [model.index(0, c).data() for c in columns]
    assert newest[1:] == ["Manager", "anoniem", "", "Niet afgerond", ""]
    older = [model.index(1, c).data() for c in columns]
    assert older[1:] == ["Klantmanager", "Sam", "Team Noord", "Afgerond", "31,3"]
    assert model.response_id(0) == draft.id

    page.tabs.setCurrentWidget(page.history)
    page.history.table.setFocus()
    qtbot.keyClick(page.history.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.history.table, Qt.Key.Key_Return)
    assert page.scan.currentWidget() is page.result
    assert page.result.response_id == earlier
    assert page.result.overall.text() == "Totaalscore: 31,3 van 100 (laag)"


def test_history_model_passes_the_model_tester(qtmodeltester, app_context) -> None:
    submit(app_context.db, "klantmanager", 3)
    submit(app_context.db, "manager", 1, team=None)
    model = quickscan_models.HistoryModel()
    model.set_rows(quickscan_models.history_rows(app_context.db))
    qtmodeltester.check(model)
    qtmodeltester.check(quickscan_models.HistoryModel())  # empty


def test_the_result_shows_the_chart_with_no_view_and_the_advice(app_context, page) -> None:
    scan = submit(app_context.db, "beleidsmedewerker", 3, unknown_theme="visie")
    page.open_result(scan)
    result = page.result
    bars = {bar.label: bar for bar in result.chart.bars()}
    assert bars["Visie en beleid"].text == "onvoldoende zicht"
    assert bars["Bereik en eerste contact"].text == "77,8"
    assert "Onvoldoende zicht op: Visie en beleid." in result.priorities.text()
    advice = result.advice.toPlainText()
    assert "Visie en beleid — onvoldoende zicht" in advice
    assert "Bereik en eerste contact — 77,8 punten, hoog" in advice
    assert "Bron: " in advice or "Eigen synthese van Trede" in advice
    # The policy officer's own actions come first; the others are for colleagues, with roles.
    bereik = advice[advice.index("Bereik en eerste contact") :]
    bereik = bereik[: bereik.index("De klant leren kennen")]
    # At 'hoog' every action of this theme is for another role: the advice says so.
    assert "geen actie voor uw rol" in bereik
    assert bereik.index("Voor collega's") > bereik.index("geen actie voor uw rol")
    assert "(voor: Klantmanager)" in bereik[bereik.index("Voor collega's") :]


def test_the_chart_shows_every_theme_title_whole(qtbot, app_context, page) -> None:
    """At the window's size every theme is named in full next to its bar ('Vakmanschap van de
    klantmanager' read 'Vakmanschap van de klant…' with room to spare); only a chart too narrow
    for bars and titles shortens a title, and its tooltip still has it whole."""
    page.open_result(submit(app_context.db, "klantmanager", 2))
    chart = page.result.chart
    qtbot.waitUntil(lambda: chart.isVisible() and chart.width() > 0)
    titles = [bar.label for bar in chart.bars()]
    assert "Vakmanschap van de klantmanager" in titles
    assert chart.shown_labels() == titles
    chart.resize(260, chart.height())
    assert any(label.endswith("…") for label in chart.shown_labels())


def test_compare_two_scans_shows_the_change_per_theme(qtmodeltester, app_context, page) -> None:
    before = submit(app_context.db, "klantmanager", 2)
    after = submit(app_context.db, "klantmanager", 4)
    view = page.compare_scans
    view.refresh()
    assert (view.before.currentData(), view.after.currentData()) == (before, after)
    qtmodeltester.check(view.model)
    rows = [
        [view.model.index(r, c).data() for c in range(view.model.columnCount())]
        for r in range(view.model.rowCount())
    ]
    # Every question was answered both times: each theme rests on all of the role's questions.
    assert rows[0] == ["Visie en beleid", "33,3", "100", "+66,7", "4"]
    assert len(rows) == 8 and all(row[3].startswith("+") for row in rows)
    bar = view.chart.bars()[0]
    assert (bar.value, bar.text, bar.compare_value, bar.compare_text) == (100, "100", 33.3, "33,3")
    assert view.message.text() == (
        "Grootste verandering: Vakmanschap van de klantmanager (+76,2 punten, op 6 vragen "
        "die beide keren zijn beantwoord)."
    )

    view.choose(after, before)
    assert view.model.index(0, 3).data() == "−66,7"
    assert not view.body.isHidden()
    view.choose(after, after)
    assert view.model.rowCount() == 0 and view.message.text() == "Kies twee verschillende scans."
    assert view.body.isHidden()  # the message alone, no empty table and chart


def test_compare_roles_of_a_team_shows_where_views_differ(qtmodeltester, app_context, page):
    submit(app_context.db, "klantmanager", 1)
    submit(app_context.db, "manager", 4)
    submit(app_context.db, "beleidsmedewerker", 4, team="Team Zuid")
    view = page.compare_roles
    view.refresh()
    assert [view.team.itemText(i) for i in range(view.team.count())] == [
        "Team Noord",
        "Team Zuid",
    ]
    assert view.team.currentText() == "Team Noord"  # the user's own team
    qtmodeltester.check(view.themes)
    qtmodeltester.check(view.questions)
    headers = [
        view.themes.headerData(c, Qt.Orientation.Horizontal)
        for c in range(view.themes.columnCount())
    ]
    assert headers == ["Thema", "Klantmanager", "Manager", "Verschil", "Gedeelde vragen"]
    first = [view.themes.index(0, c).data() for c in range(5)]
    assert first[1:] == ["0", "100", "100", "3"]
    assert view.message.text().startswith("Het grootste verschil is bij ")
    assert view.questions.rowCount() > 0
    shared = [view.questions.index(0, c).data() for c in range(4)]
    assert shared[1:] == ["Helemaal oneens", "Helemaal eens", "3"]
    assert not view.theme_table.isHidden() and not view.question_table.isHidden()

    view.choose("Team Zuid")
    assert view.themes.rowCount() == 0
    assert "vanaf twee rollen" in view.message.text()
    # The message alone: no empty tables under it.
    assert view.theme_table.isHidden() and view.question_table.isHidden()


def test_roles_are_compared_only_on_the_questions_both_answered(app_context, page) -> None:
    """The review's case: five answers of the klantmanager in a theme, four of the manager, two
    of them the same; and a theme with only one shared answer."""
    questionnaire = loader.load_bundled()
    db = app_context.db

    def scan(role: str, level: int, unknown: set[str]) -> None:
        given = [
            store.GivenAnswer(
                q.id, None if q.id in unknown else level_answer(questionnaire, q, level)
            )
            for q in questionnaire.questions_for(role)
        ]
        store.submit(db, questionnaire, role, "Sam", "Team Noord", given, actor="test")

    shared_visie = [q.id for q in questionnaire.shared_questions() if q.theme == "visie"]
    # The klantmanager answers everything low; the manager everything high but says 'weet niet'
    # to one shared question of 'belemmeringen' and to all but one shared question of 'visie'.
    scan("klantmanager", 1, set())
    scan("manager", 4, {"belem-02", *shared_visie[1:]})
    view = page.compare_roles
    view.refresh()
    rows = {
        view.themes.index(r, 0).data(): [view.themes.index(r, c).data() for c in range(1, 5)]
        for r in range(view.themes.rowCount())
    }
    assert rows["Belemmeringen aanpakken"] == ["0", "100", "100", "2"]
    assert rows["Visie en beleid"] == ["–", "–", "–", "1: te weinig"]
    assert "op 3 vragen die alle rollen hebben beantwoord" in view.message.text()


def test_a_scan_of_the_old_version_opens_with_its_own_version(app_context, page) -> None:
    old = loader.load(
        Path(__file__).resolve().parents[2] / "fixtures" / "quickscan-diversiteit-1.0.json"
    )
    given = [store.GivenAnswer(q.id, 3) for q in old.questions_for("klantmanager")]
    scan = store.submit(
        app_context.db, old, "klantmanager", "Sam", "Team Noord", given, actor="t"
    ).value
    page.open_result(scan.id)
    assert page.result.scan.text().endswith("vragenlijst versie 1.0")
    assert page.result.overall.text() == "Totaalscore: 66,7 van 100 (midden)"
    assert "versie 2.0 van de vragenlijst" in page.start.source.text()


def test_a_broken_questionnaire_file_names_file_field_and_reason(
    tmp_path, monkeypatch, warnings, page
) -> None:
    broken = json.loads(loader.BUNDLED.read_text(encoding="utf-8"))
    broken["questions"][0]["weight"] = "zwaar"
    path = tmp_path / "onze-vragen.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(path), ""))
    before = page.start.source.text()
    page.start.load.click()
    (message,) = warnings
    assert str(path) in message
    assert "questions[0].weight" in message
    assert "verwacht een getal" in message
    assert page.start.source.text() == before, "the questionnaire in use stays as it was"


def test_another_questionnaire_can_be_loaded_and_used(tmp_path, monkeypatch, warnings, page):
    own = json.loads(loader.BUNDLED.read_text(encoding="utf-8"))
    own["version"] = "2.0-leiden"
    own["roles"][0]["label"]["nl"] = "Consulent"
    path = tmp_path / "leiden.json"
    path.write_text(json.dumps(own), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(path), ""))
    page.start.load.click()
    assert warnings == []
    assert "versie 2.0-leiden" in page.start.source.text() and str(path) in page.start.source.text()
    assert page.start.role.itemText(0) == "Consulent"
    page.start.start.click()
    (draft,) = store.drafts(page.context.db)
    assert draft.questionnaire_version == "2.0-leiden"


def test_bundled_questionnaire_says_it_is_trede_s_own(page) -> None:
    text = page.start.source.text()
    assert "eigen vragenlijst van Trede" in text and "VIA" in text
    # How to answer, in plain words; not what changed since the last version ("Vier lessen
    # zijn toegevoegd"), which read like release notes at the start of a scan.
    assert "Weet u het niet? Kies dan 'Weet niet'." in text
    assert "toegevoegd" not in text


@pytest.fixture
def fake_report(monkeypatch) -> list[dict]:
    """Stand in for quickscan.report (written alongside) and record each call."""
    calls: list[dict] = []

    def write_advice_report(
        db, response_id, path, *, municipality, compare_with, include_roles, evidence
    ):
        if municipality == "Fout":
            raise UserError("De map bestaat niet.")
        calls.append(
            {
                "id": response_id,
                "path": path,
                "municipality": municipality,
                "compare_with": compare_with,
                "include_roles": include_roles,
                "evidence": evidence,
            }
        )

    module = types.ModuleType("quickscan.report")
    module.write_advice_report = write_advice_report
    monkeypatch.setitem(sys.modules, "quickscan.report", module)
    monkeypatch.setattr(quickscan, "report", module, raising=False)
    return calls


def test_the_advice_report_gets_the_chosen_comparisons(
    qtbot, tmp_path, monkeypatch, app_context, page, fake_report, warnings
) -> None:
    earlier = submit(app_context.db, "klantmanager", 2)
    later = submit(app_context.db, "klantmanager", 4)
    page.open_result(later)
    result = page.result
    assert result.compare_with.currentText() == "niet vergelijken"
    result.compare_with.setCurrentIndex(result.compare_with.findData(earlier))
    result.include_roles.setChecked(True)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kw: (str(tmp_path / "advies"), "")
    )
    result.report.click()
    qtbot.waitUntil(lambda: result.runner is None)
    assert fake_report == [
        {
            "id": later,
            "path": tmp_path / "advies.pdf",
            "municipality": "Leiden",
            "compare_with": earlier,
            "include_roles": True,
            "evidence": {},  # no caseload, no caseload facts
        }
    ]
    assert "advies.pdf" in result.report_message.text()
    assert warnings == []
    last = audit.entries(app_context.db, 1)[0]
    assert (last.action, last.object) == ("report.quickscan", f"quickscan:{later}")


def test_a_failing_advice_report_says_why(
    qtbot, tmp_path, monkeypatch, app_context, page, fake_report, warnings
) -> None:
    app_context.update_settings(municipality="Fout")
    page.open_result(submit(app_context.db, "manager", 3))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kw: (str(tmp_path / "a.pdf"), "")
    )
    page.result.report.click()
    qtbot.waitUntil(lambda: page.result.runner is None)
    assert warnings == ["De map bestaat niet."]
    assert fake_report == []


def test_without_a_log_line_the_advice_report_is_not_kept(
    qtbot, tmp_path, monkeypatch, app_context, page, warnings
) -> None:
    def read_only(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    page.open_result(submit(app_context.db, "manager", 3))
    target = tmp_path / "advies.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (str(target), ""))
    monkeypatch.setattr(audit, "record_alone", read_only)
    page.result.report.click()
    qtbot.waitUntil(lambda: page.result.runner is None and bool(warnings), timeout=30000)
    assert "logboek" in warnings[0]
    assert not target.exists()
