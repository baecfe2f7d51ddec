"""Exporting the caseload list: what the filter shows, readable by Dutch Excel, and logged."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from app import database
from caseload import caseload_query, clients, csv_export, csv_import, journal, model
from resources import audit, i18n

TODAY = dt.date(2026, 3, 16)  # as in conftest
ACTOR = "km.devries"


def _read(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))


def test_the_export_has_the_columns_of_the_view_in_its_order(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    zoe = add_client(reference="KL2", team="Team Noord")
    add_client(
        reference="KL1", first_name="Ömer", initials="Ö.", surname_prefix="", surname="Öztürk"
    )
    journal.record_step(db, zoe.id, trede=3, actor=ACTOR, today=TODAY)
    journal.add_contact(
        db, zoe.id, kind="kantoor", contact_on=dt.date(2026, 3, 10), actor=ACTOR, today=TODAY
    )
    clients.close(db, zoe.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY)
    target = tmp_path / "caseload.csv"
    result = csv_export.export_clients(
        db,
        target,
        caseload_query.CaseloadFilter(),
        caseload_query.Sort(caseload_query.SortColumn.REFERENCE),
        actor=ACTOR,
        today=TODAY,
    )
    assert result.rows == 2
    assert _read(target) == [
        [
            "Klantnummer",
            "Naam",
            "Trede",
            "Dagen sinds contact",
            "Open obstakels",
            "Open acties",
            "Klantmanager",
            "Team",
            "Status",
        ],
        ["KL1", "Ömer Öztürk", "", "", "0", "0", "Anouk Bakker", "Team Noord", "Actief"],
        [
            "KL2",
            "Zoë de Vries",
            "3",
            "6",
            "0",
            "0",
            "Anouk Bakker",
            "Team Noord",
            "Afgesloten: Uitstroom naar werk",
        ],
    ]
    entry = audit.entries(db)[0]
    assert (entry.action, entry.object, entry.actor) == ("clients.export", "clients:2", ACTOR)


def test_the_same_list_as_an_excel_workbook(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    zoe = add_client(reference="KL2", team="Team Noord")
    add_client(reference="KL1", first_name="Ömer", surname_prefix="", surname="Öztürk")
    journal.record_step(db, zoe.id, trede=3, actor=ACTOR, today=TODAY)
    target = tmp_path / "caseload.xlsx"
    result = csv_export.export_clients(
        db,
        target,
        caseload_query.CaseloadFilter(),
        caseload_query.Sort(caseload_query.SortColumn.REFERENCE),
        actor=ACTOR,
        today=TODAY,
    )
    assert result.rows == 2
    sheet = load_workbook(target, read_only=True).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["Klantnummer", "Naam", "Trede"]
    assert rows[1][:2] == ["KL1", "Ömer Öztürk"]
    assert rows[2][:3] == ["KL2", "Zoë de Vries", 3], "numbers stay numbers in Excel"
    entry = audit.entries(db)[0]
    assert (entry.action, entry.object) == ("clients.export", "clients:2")
    assert not list(tmp_path.glob(".export-*")), "no temporary file is left behind"


def test_only_what_the_filter_shows_is_exported(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    add_client(reference="N1", team="Team Noord")
    add_client(reference="Z1", team="Team Zuid")
    target = tmp_path / "zuid.csv"
    flt = caseload_query.CaseloadFilter(team="Team Zuid")
    csv_export.export_clients(db, target, flt, actor=ACTOR, today=TODAY)
    assert [row[0] for row in _read(target)[1:]] == ["Z1"]


def test_a_cell_excel_would_run_as_a_formula_is_defused(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    add_client(reference="=1+1", first_name="", initials="", surname_prefix="", surname="@SUM(A1)")
    target = tmp_path / "out.csv"
    csv_export.export_clients(db, target, caseload_query.CaseloadFilter(), actor=ACTOR, today=TODAY)
    assert _read(target)[1][:2] == ["'=1+1", "'@SUM(A1)"]


def test_a_failed_export_leaves_no_file_and_no_log_line(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    add_client()
    with pytest.raises(csv_export.ExportFailed, match="kan niet worden geschreven"):
        csv_export.export_clients(
            db, tmp_path / "missing" / "out.csv", caseload_query.CaseloadFilter(), actor=ACTOR
        )
    target = tmp_path / "a-folder"
    target.mkdir()
    with pytest.raises(csv_export.ExportFailed):
        csv_export.export_clients(db, target, caseload_query.CaseloadFilter(), actor=ACTOR)
    assert [entry.action for entry in audit.entries(db)] == ["client.add"]
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".export")] == []


def test_export_then_import_into_a_new_database_gives_the_same_clients(
    db: Database, tmp_path: Path
) -> None:
    rows = "".join(
        f"K{number:03d};{first};{prefix};{surname};{trede}\n"
        for number, (first, prefix, surname, trede) in enumerate(
            [
                ("Zoë", "de", "Vries", 3),
                ("Ömer", "", "Öztürk", ""),
                ("Anna", "van der", "Berg", 5),
                ("", "", "=Formule", 1),
                ("Jan", "", '"Jansen; Smit"', ""),
            ]
        )
    )
    csv_import.import_clients(
        db,
        ("Klantnummer;Voornaam;Tussenvoegsel;Achternaam;Trede\n" + rows).encode(),
        actor=ACTOR,
        today=TODAY,
    )
    target = tmp_path / "caseload.csv"
    csv_export.export_clients(db, target, caseload_query.CaseloadFilter(), actor=ACTOR, today=TODAY)

    fresh = database.open_database(tmp_path / "fresh.db")
    try:
        result = csv_import.import_clients(fresh, target, actor=ACTOR, today=TODAY).value
        assert (result.read, result.added, result.rejected) == (5, 5, ())

        def listing(connection: Database) -> list[tuple[str, str, int | None]]:
            ids = caseload_query.ids(connection, caseload_query.CaseloadFilter(), today=TODAY)
            return sorted(
                (row.reference, row.name, row.trede)
                for row in caseload_query.rows(connection, ids, today=TODAY)
            )

        assert listing(fresh) == listing(db)
    finally:
        fresh.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_closed_file_in_the_export_is_not_imported_as_a_running_one(
    db: Database, tmp_path: Path, language: str
) -> None:
    """Before: every closed file of the list came back active, in every worklist."""
    source = "Klantnummer;Voornaam;Achternaam\nK1;Anna;Bakker\nK2;Bram;Visser\nK3;Cor;Smit\n"
    csv_import.import_clients(db, source.encode(), actor=ACTOR, today=TODAY)
    clients.close(db, 2, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY)
    clients.close(db, 3, on=TODAY, reason="verhuisd", actor=ACTOR, today=TODAY)
    target = tmp_path / "caseload.csv"
    i18n.set_language(language)
    try:
        csv_export.export_clients(
            db, target, caseload_query.CaseloadFilter(), actor=ACTOR, today=TODAY
        )
    finally:
        i18n.set_language("nl")
    fresh = database.open_database(tmp_path / "fresh.db")
    try:
        result = csv_import.import_clients(fresh, target, actor=ACTOR, today=TODAY).value
        assert (result.read, result.added) == (3, 1)
        assert [row.line_number for row in result.rejected] == [3, 4]
        assert "Dit dossier is afgesloten" in result.rejected[0].reason
        assert [row["reference"] for row in fresh["clients"].rows] == ["K1"]
    finally:
        fresh.close()


def test_the_export_imported_again_over_the_same_clients_changes_no_name(
    db: Database, tmp_path: Path
) -> None:
    people = [
        ("Marieke", "", "Abdullahi"),
        ("Anand", "el", "Amrani"),
        ("Jan Peter", "van der", "Berg"),
    ]
    people += [("", "", "Bakker"), ("Zoë", "", "Öztürk Yilmaz")]
    rows = "".join(
        f"K{number};{first};{prefix};{surname}\n"
        for number, (first, prefix, surname) in enumerate(people)
    )
    source = "Klantnummer;Voornaam;Tussenvoegsel;Achternaam\n" + rows
    csv_import.import_clients(db, source.encode(), actor=ACTOR, today=TODAY)
    target = tmp_path / "caseload.csv"
    csv_export.export_clients(db, target, caseload_query.CaseloadFilter(), actor=ACTOR, today=TODAY)

    def names() -> list[str]:
        ids = caseload_query.ids(db, caseload_query.CaseloadFilter(), today=TODAY)
        return sorted(row.name for row in caseload_query.rows(db, ids, today=TODAY))

    before = names()
    result = csv_import.import_clients(
        db, target, on_existing="update", actor=ACTOR, today=TODAY
    ).value
    assert (result.updated, result.unchanged) == (0, 5), "the names are the same as stored"
    assert names() == before  # before: "Marieke Marieke Abdullahi"

    renamed = target.read_text(encoding="utf-8-sig").replace("Marieke Abdullahi", "Marieke Bos")
    target.write_text(renamed, encoding="utf-8-sig")
    result = csv_import.import_clients(
        db, target, on_existing="update", actor=ACTOR, today=TODAY
    ).value
    assert result.updated == 1
    assert "Marieke Bos" in names() and "Marieke Abdullahi" not in names()


def test_a_list_of_surnames_under_naam_keeps_the_stored_first_names(db: Database) -> None:
    csv_import.import_clients(
        db, b"Klantnummer;Voornaam;Achternaam\nK1;Jan;Bakker\n", actor=ACTOR, today=TODAY
    )
    result = csv_import.import_clients(
        db, b"Klantnummer;Naam\nK1;Bakker\n", on_existing="update", actor=ACTOR, today=TODAY
    ).value
    assert result.unchanged == 1
    stored = db["clients"].get(1)
    assert (stored["first_name"], stored["surname"]) == ("Jan", "Bakker")


def test_the_workbook_opens_ready_to_work_in(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    """Frozen header row, an autofilter over every row, columns wide enough, dates as dates."""
    from openpyxl import load_workbook

    zoe = add_client(reference="KL2", team="Team Noord", guidance_start=dt.date(2025, 9, 1))
    add_client(reference="KL1", guidance_start=dt.date(2026, 1, 15))
    journal.add_contact(
        db, zoe.id, kind="kantoor", contact_on=dt.date(2026, 3, 10), actor=ACTOR, today=TODAY
    )
    clients.close(db, zoe.id, on=TODAY, reason="uitstroom_werk", actor=ACTOR, today=TODAY)
    target = tmp_path / "caseload.xlsx"
    csv_export.export_clients(
        db,
        target,
        caseload_query.CaseloadFilter(),
        caseload_query.Sort(caseload_query.SortColumn.REFERENCE),
        actor=ACTOR,
        today=TODAY,
    )
    sheet = load_workbook(target).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:L3"
    heading = [cell.value for cell in sheet[1]]
    assert heading[-3:] == ["Begeleiding sinds", "Laatste contact", "Afgesloten op"]
    for column, name in zip("ABCDEFGHIJKL", heading, strict=True):
        assert sheet.column_dimensions[column].width >= len(name), name
    kl1, kl2 = sheet[2], sheet[3]
    assert kl2[0].value == "KL2"
    assert [cell.value for cell in kl2[-3:]] == [
        dt.datetime(2025, 9, 1),
        dt.datetime(2026, 3, 10),
        dt.datetime(2026, 3, 16),
    ]
    assert all(cell.is_date for cell in kl2[-3:]), "Excel sorts and filters them as dates"
    assert kl1[-3].is_date and kl1[-2].value is None and kl1[-1].value is None


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_long_list_is_exported_whole_in_the_order_the_view_shows(
    db: Database,
    add_client: Callable[..., model.Client],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    """Read a few rows at a time, every client still arrives once, in the view's order."""
    from openpyxl import load_workbook

    monkeypatch.setattr(csv_export, "PAGE", 2)
    for reference, surname in [("A5", "Bos"), ("A1", "Yilmaz"), ("A3", "Bos"), ("A2", "Akker")]:
        add_client(reference=reference, surname=surname)
    add_client(reference="A4", surname="Mulder", team="Team Zuid")
    flt = caseload_query.CaseloadFilter()
    sort = caseload_query.Sort(caseload_query.SortColumn.NAME, descending=True)
    target = tmp_path / f"caseload{suffix}"
    result = csv_export.export_clients(db, target, flt, sort, actor=ACTOR, today=TODAY)
    if suffix == ".csv":
        exported = [row[0] for row in _read(target)[1:]]
    else:
        sheet = load_workbook(target).worksheets[0]
        exported = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert sheet.auto_filter.ref == "A1:L6", "the filter covers every row"
    shown = [row.reference for row in caseload_query.rows(db, caseload_query.ids(db, flt, sort))]
    assert exported == shown == ["A1", "A4", "A3", "A5", "A2"]
    assert result.rows == 5
    assert audit.entries(db)[0].object == "clients:5"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_stopped_export_writes_no_file_logs_nothing_and_leaves_no_copy(
    db: Database,
    add_client: Callable[..., model.Client],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    suffix: str,
) -> None:
    """Stopped after the first page: the old file stays as it was, no temporary copy with
    names in it stays behind (neither next to the file nor in the system's temporary folder)."""
    import tempfile

    monkeypatch.setattr(csv_export, "PAGE", 2)
    system_temp = tmp_path / "temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    for number in range(5):
        add_client(reference=f"A{number}")
    folder = tmp_path / "lijsten"
    folder.mkdir()
    target = folder / f"caseload{suffix}"
    target.write_bytes(b"the list of last week")
    heard: list[tuple[int, int]] = []
    with pytest.raises(csv_export.ExportCancelled):
        csv_export.export_clients(
            db,
            target,
            caseload_query.CaseloadFilter(),
            actor=ACTOR,
            progress=lambda done, total: heard.append((done, total)),
            cancelled=lambda: bool(heard),
        )
    assert heard == [(2, 5)]
    assert target.read_bytes() == b"the list of last week"
    assert list(folder.iterdir()) == [target]
    assert list(system_temp.iterdir()) == []
    assert [entry.action for entry in audit.entries(db)] == ["client.add"] * 5


def test_the_export_tells_its_progress_to_the_last_row(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(csv_export, "PAGE", 2)
    for number in range(5):
        add_client(reference=f"A{number}", team="Team Zuid" if number % 2 else "Team Noord")
    heard: list[tuple[int, int]] = []
    result = csv_export.export_clients(
        db,
        tmp_path / "noord.csv",
        caseload_query.CaseloadFilter(team="Team Noord"),
        actor=ACTOR,
        progress=lambda done, total: heard.append((done, total)),
    )
    assert result.rows == 3
    assert heard == [(2, 3), (3, 3)]


def test_a_control_character_in_a_name_does_not_stop_the_excel_export(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    """A name that came in with a control character (a CSV from another system): the workbook
    holds every client, the character shown as '\ufffd'; the export stopped with an error."""
    from openpyxl import load_workbook

    add_client(reference="KL1", surname="Jan\x1asen")
    add_client(reference="KL2", surname="Bakker")
    target = tmp_path / "caseload.xlsx"
    result = csv_export.export_clients(
        db,
        target,
        caseload_query.CaseloadFilter(),
        caseload_query.Sort(caseload_query.SortColumn.REFERENCE),
        actor=ACTOR,
        today=TODAY,
    )
    assert result.rows == 2
    names = [row[1].value for row in load_workbook(target).worksheets[0].iter_rows(min_row=2)]
    assert any("Jan\ufffdsen" in name for name in names), names
    assert any("Bakker" in name for name in names)


def test_a_formula_like_text_is_plain_text_in_the_workbook(
    db: Database, add_client: Callable[..., model.Client], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    add_client(reference="=1+1", first_name="", initials="", surname_prefix="", surname="@SUM(A1)")
    add_client(reference="KL2", first_name="-Ann", surname_prefix="", surname="Smit")
    target = tmp_path / "out.xlsx"
    csv_export.export_clients(
        db,
        target,
        caseload_query.CaseloadFilter(),
        caseload_query.Sort(caseload_query.SortColumn.REFERENCE),
        actor=ACTOR,
        today=TODAY,
    )
    sheet = load_workbook(target).active
    first = [(cell.value, cell.data_type) for cell in sheet[2][:2]]
    assert first == [("=1+1", "s"), ("@SUM(A1)", "s")], "text as typed, never a formula"
    assert (sheet["B3"].value, sheet["B3"].data_type) == ("-Ann Smit", "s")
