"""Importing clients from messy CSV exports: right counts and reasons, one transaction, no traces."""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from app import database
from caseload import caseload_query, clients, csv_import, model, schema
from resources import audit

TODAY = dt.date(2026, 3, 16)  # as in conftest
ACTOR = "km.devries"


def _cp1252_dutch() -> bytes:
    return (
        "Klantnummer;Voorletters;Tussenvoegsel;Achternaam;Geboortedatum;Startdatum;Trede;"
        "Klantmanager;Team\r\n"
        "KL001;Ö.;van;Öztürk;4-5-1988;01-09-2025;2;Anouk Bakker;Team Noord\r\n"
        "KL002;M.;;Müller;31-12-1975;1-9-2025;Trede 3;Anouk Bakker;Team Noord\r\n"
        "KL003;S.;;Señor;15/03/1990;2025-10-01;;Jan Smit;Team Zuid\r\n"
    ).encode("cp1252")


#: name, file bytes, import options, expected (read, added, skipped), expected rejections
MESSY_FILES: list[
    tuple[str, bytes, dict[str, Any], tuple[int, int, int], list[tuple[int, str]]]
] = [
    ("semicolon, cp1252, Dutch dates", _cp1252_dutch(), {}, (3, 3, 0), []),
    (
        "comma, UTF-8 BOM",
        codecs.BOM_UTF8
        + (
            "Relatienummer,Voornaam,Achternaam,Geboortedatum\n"
            "R-1,Zoë,Jansen,1990-01-31\n"
            "R-2,Thijs,Bakker,31/01/1990\n"
        ).encode(),
        {},
        (2, 2, 0),
        [],
    ),
    (
        "quoted fields with the delimiter inside",
        (
            b"Klantnummer;Achternaam;Team;Opmerking\n"
            b'K1;"Jansen; P.";"Team ""Noord""";"twee\nregels; met puntkomma"\n'
            b'K2;"de Vries";Zuid;\n'
            b"K3;Jansen; P.;Noord;let op\n"
        ),
        {},
        (3, 2, 0),
        [
            (
                5,
                "Deze regel heeft 5 kolommen en de kopregel 4. Staat er een scheidingsteken in "
                "een veld zonder aanhalingstekens?",
            )
        ],
    ),
    (
        "empty lines",
        b"\r\nKlantnummer;Achternaam\r\n\r\nK1;Jansen\r\n;\r\n   \r\nK2;\r\n\r\n;;\r\n",
        {},
        (2, 2, 0),
        [],
    ),
    (
        "duplicate references",
        b"Klantnummer;Achternaam\nK1;Jansen\nK2;Bakker\nK1;Jansen-Smit\nK1;Smit\n",
        {},
        (4, 2, 0),
        [(4, "Klantnummer K1 staat ook op regel 2."), (5, "Klantnummer K1 staat ook op regel 2.")],
    ),
    (
        "invalid BSN with BSN on",
        b"Klantnummer;BSN;Achternaam\nK1;111222333;Jansen\nK2;123456789;Bakker\nK3;1234567890;Smit\n",
        {"bsn_enabled": True},
        (3, 1, 0),
        [
            (3, "Het BSN klopt niet: dit nummer voldoet niet aan de 11-proef."),
            (4, "Het BSN klopt niet: een BSN heeft 9 cijfers."),
        ],
    ),
    (
        "a date that does not exist",
        b"Klantnummer;Achternaam;Startdatum;Geboortedatum\n"
        b"K1;Jansen;31-02-2026;1-1-1980\nK2;Bakker;28-02-2026;29-02-1981\nK3;Smit;;\n",
        {},
        (3, 1, 0),
        [
            (2, "Start begeleiding klopt niet: de datum “31-02-2026” bestaat niet."),
            (3, "Geboortedatum klopt niet: de datum “29-02-1981” bestaat niet."),
        ],
    ),
    (
        "store rules: empty reference, future birth, trede out of range",
        b"Klantnummer;Achternaam;Geboortedatum;Trede\n"
        b";Jansen;1-1-1980;\nK2;Bakker;1-1-2030;\nK3;Smit;;9\n",
        {},
        (3, 0, 0),
        [
            (2, "Vul klantnummer in."),
            (3, "Geboortedatum: die datum ligt in de toekomst. Kies vandaag of een eerdere dag."),
            (4, "Trede klopt niet: “9” is geen trede. Kies een getal van 1 tot en met 6."),
        ],
    ),
    (
        "a status that does not say the file runs: refused, not a running file",
        "Klantnummer;Achternaam;Status\nK1;Jansen;Actief\nK2;Bakker;Overleden\n"
        "K3;Smit;Afgesloten per 01-03-2026\nK4;Visser;Niet actief\nK5;Mol;In begeleiding\n"
        "K6;Kok;\nK7;Bos;Beëindigd\n".encode(),
        {},
        (7, 3, 0),
        sorted(
            [
                (
                    line,
                    f"Trede weet niet of dit dossier loopt (Status: {status}). Trede leest alleen "
                    "lopende dossiers in: met de status Actief, Lopend, Open of In begeleiding, of "
                    "zonder status. Loopt het wel, pas dan de status in het bestand aan of lees de "
                    "kolom Status niet in.",
                )
                for line, status in (
                    (3, "Overleden"),
                    (5, "Niet actief"),
                )
            ]
            + [
                (
                    line,
                    f"Dit dossier is afgesloten (Status: {status}). Trede leest alleen lopende "
                    "dossiers in.",
                )
                for line, status in ((4, "Afgesloten per 01-03-2026"), (8, "Beëindigd"))
            ]
        ),
    ),
    (
        "tab-separated UTF-16 (Excel 'Unicode-tekst')",
        "Klantnummer\tAchternaam\nK1\tØstergaard\nK2\tJansen\n".encode("utf-16"),
        {},
        (2, 2, 0),
        [],
    ),
]


def _ids(cases: list[tuple[Any, ...]]) -> list[str]:
    return [case[0] for case in cases]


@pytest.mark.parametrize(
    ("name", "data", "options", "counts", "reasons"), MESSY_FILES, ids=_ids(MESSY_FILES)
)
def test_messy_files_give_the_right_counts_and_reasons(
    db: Database,
    tmp_path: Path,
    name: str,
    data: bytes,
    options: dict[str, Any],
    counts: tuple[int, int, int],
    reasons: list[tuple[int, str]],
) -> None:
    source = tmp_path / "export.csv"
    source.write_bytes(data)
    result = csv_import.import_clients(db, source, actor=ACTOR, today=TODAY, **options).value
    assert (result.read, result.added, result.skipped) == counts
    assert [(row.line_number, row.reason) for row in result.rejected] == reasons
    assert db.execute("SELECT count(*) FROM clients").fetchone()[0] == result.added


def test_names_dates_and_trede_arrive_as_written(
    db: Database, summaries_hold: Callable[[Database], bool]
) -> None:
    result = csv_import.import_clients(db, _cp1252_dutch(), actor=ACTOR, today=TODAY).value
    assert result.encoding == "cp1252" and result.delimiter == ";"
    client = clients.find(db, "KL001")
    assert client is not None
    assert (client.initials, client.surname_prefix, client.surname) == ("Ö.", "van", "Öztürk")
    assert client.birth_date == dt.date(1988, 5, 4)
    assert client.guidance_start == dt.date(2025, 9, 1)
    assert (client.klantmanager, client.team, client.status) == (
        "Anouk Bakker",
        "Team Noord",
        "active",
    )
    # The trede becomes a ladder step measured on the day of the import.
    assert (client.current_trede, client.current_trede_on) == (2, TODAY)
    senor = clients.find(db, "KL003")
    assert senor is not None and senor.current_trede is None
    assert summaries_hold(db)


def test_imported_clients_are_found_by_search_and_the_index_holds(db: Database) -> None:
    csv_import.import_clients(db, _cp1252_dutch(), actor=ACTOR, today=TODAY)
    found = caseload_query.ids(db, caseload_query.CaseloadFilter(text="ozturk"), today=TODAY)
    assert [clients.get(db, ident).reference for ident in found] == ["KL001"]
    db.execute(
        f"INSERT INTO {schema.FTS_TABLE}({schema.FTS_TABLE}, rank) VALUES ('integrity-check', 1)"
    )
    triggers = {
        row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    assert "clients_fts_insert" in triggers
    # The trigger works again after the import: a client added by hand is found too.
    clients.add(db, model.ClientDetails(reference="KL9", surname="Zwart"), actor=ACTOR, today=TODAY)
    assert (
        len(caseload_query.ids(db, caseload_query.CaseloadFilter(text="zwart"), today=TODAY)) == 1
    )


def test_one_audit_line_with_counts_and_no_names(db: Database) -> None:
    data = _cp1252_dutch() + b"KL001;X;;Dubbel;;;;;\r\n"
    csv_import.import_clients(db, data, actor=ACTOR, today=TODAY)
    entries = audit.entries(db)
    assert [entry.action for entry in entries] == ["clients.import"]
    entry = entries[0]
    assert entry.actor == ACTOR
    assert "added=3" in entry.result and "rejected=1" in entry.result
    text = f"{entry.object} {entry.result}"
    for word in ("KL001", "Öztürk", "Müller", "Anouk", "Noord", "1988"):
        assert word not in text


def test_existing_references_are_skipped_or_updated_as_chosen(
    db: Database,
    add_client: Callable[..., model.Client],
    summaries_hold: Callable[[Database], bool],
) -> None:
    stored = add_client(reference="KL001", klantmanager="Piet Post")
    data = b"Klantnummer;Achternaam;Klantmanager;Trede\nKL001;Vries-Bakker;;4\nKL002;Nieuw;Jan;\n"
    skipped = csv_import.import_clients(db, data, actor=ACTOR, today=TODAY).value
    assert (skipped.added, skipped.updated, skipped.skipped) == (1, 0, 1)
    assert clients.get(db, stored.id).surname == "Vries"

    updated = csv_import.import_clients(
        db, data, actor=ACTOR, today=TODAY, on_existing="update"
    ).value
    assert (updated.added, updated.updated, updated.unchanged, updated.skipped) == (0, 1, 1, 0)
    after = clients.get(db, stored.id)
    assert after.surname == "Vries-Bakker"
    assert after.klantmanager == "Piet Post"  # an empty cell never erases what is stored
    assert after.first_name == "Zoë"  # a column the file does not have is left alone
    assert after.current_trede == 4
    assert summaries_hold(db)

    again = csv_import.import_clients(
        db, data, actor=ACTOR, today=TODAY, on_existing="update"
    ).value
    assert (again.updated, again.unchanged) == (0, 2)  # the same trede is not measured twice
    assert db.execute("SELECT count(*) FROM ladder_steps").fetchone()[0] == 1


def _dump(db: Database) -> list[str]:
    return list(db.conn.iterdump())


def test_all_or_nothing_refuses_the_whole_file_and_names_the_rows(db: Database) -> None:
    before = _dump(db)
    data = b"Klantnummer;Geboortedatum\nK1;1-1-1980\nK2;31-02-1980\nK3;\nK3;\n"
    with pytest.raises(csv_import.ImportRejected) as refused:
        csv_import.import_clients(db, data, actor=ACTOR, today=TODAY, valid_only=False)
    assert refused.value.message == "Er is niets ingelezen: 2 regels kloppen niet."
    assert [row.line_number for row in refused.value.rejected] == [3, 5]
    assert _dump(db) == before


def test_an_update_that_breaks_a_store_rule_is_rejected(
    db: Database, add_client: Callable[..., model.Client]
) -> None:
    add_client(reference="KL001", birth_date=dt.date(1988, 5, 4))
    data = b"Klantnummer;Startdatum\nKL001;01-01-1980\n"
    result = csv_import.import_clients(
        db, data, actor=ACTOR, today=TODAY, on_existing="update"
    ).value
    assert [row.reason for row in result.rejected] == [
        "Start begeleiding klopt niet: die ligt vóór de geboortedatum."
    ]
    with pytest.raises(csv_import.ImportRejected):
        csv_import.import_clients(
            db, data, actor=ACTOR, today=TODAY, on_existing="update", valid_only=False
        )


def test_a_dry_run_reports_the_same_counts_and_writes_nothing(db: Database) -> None:
    before = _dump(db)
    dry = csv_import.import_clients(
        db, _cp1252_dutch(), actor=ACTOR, today=TODAY, dry_run=True
    ).value
    assert (dry.read, dry.added, dry.dry_run) == (3, 3, True)
    assert _dump(db) == before
    real = csv_import.import_clients(db, _cp1252_dutch(), actor=ACTOR, today=TODAY).value
    assert (real.added, real.rejected) == (dry.added, dry.rejected)


def test_a_missing_required_column_refuses_the_file_and_changes_nothing(db: Database) -> None:
    before = _dump(db)
    with pytest.raises(csv_import.ImportRejected) as refused:
        csv_import.import_clients(db, b"Naam;Geboortedatum\nJansen;1-1-1980\n", actor=ACTOR)
    assert (
        refused.value.message == "Het bestand heeft geen kolom Klantnummer. Er is niets ingelezen."
    )
    assert _dump(db) == before


@pytest.mark.parametrize(
    "data",
    [
        b"Klantnummer;Naam;Naam;Trede\nK5;Jansen;de Vries;2\n",
        b"Klantnummer;Trede;Achternaam;Klantnummer\nK5;2;Jansen;K6\n",
    ],
)
def test_a_column_read_twice_under_one_name_refuses_the_file(db: Database, data: bytes) -> None:
    """Two columns with one name: which one holds the data is a guess, and a guess stores a
    wrong name or number without a word (before: the first was read, the second dropped)."""
    before = _dump(db)
    with pytest.raises(csv_import.ImportRejected) as refused:
        csv_import.import_clients(db, data, actor=ACTOR, today=TODAY)
    assert "staat meer dan één keer in de kopregel" in refused.value.message
    assert "Er is niets ingelezen." in refused.value.message
    assert _dump(db) == before


def test_a_repeated_column_trede_does_not_read_is_no_reason_to_refuse(db: Database) -> None:
    data = b"Klantnummer;Opmerking;Achternaam;Opmerking\nK5;a;Jansen;b\n"
    assert csv_import.import_clients(db, data, actor=ACTOR, today=TODAY).value.added == 1


def test_in_the_dialog_the_user_chooses_between_two_columns_of_one_name(db: Database) -> None:
    table, mapping = csv_import.inspect(b"Klantnummer;Naam;Naam\nK5;Jansen;de Vries\n")
    assert list(mapping) == ["Klantnummer", "Naam", "Naam (2)"]
    mapping["Naam"], mapping["Naam (2)"] = None, "surname"
    result = csv_import.import_clients(db, table, mapping=mapping, actor=ACTOR, today=TODAY)
    assert result.value.added == 1
    client = clients.find(db, "K5")
    assert client is not None and client.surname == "de Vries"


def test_the_user_can_correct_the_mapping(db: Database) -> None:
    data = b"Nummer;Naam;Roepnaam\nA1;Jansen;Piet\n"
    table, mapping = csv_import.inspect(data)
    assert mapping == {"Nummer": None, "Naam": "surname", "Roepnaam": "first_name"}
    mapping["Nummer"] = "reference"
    mapping["Roepnaam"] = None
    result = csv_import.import_clients(db, table, mapping=mapping, actor=ACTOR, today=TODAY).value
    assert result.added == 1
    client = clients.find(db, "A1")
    assert client is not None and (client.surname, client.first_name) == ("Jansen", "")


def test_bsn_column_is_not_stored_while_bsn_is_off(db: Database) -> None:
    data = b"Klantnummer;BSN;Achternaam\nK1;111222333;Jansen\n"
    result = csv_import.import_clients(db, data, actor=ACTOR, today=TODAY).value
    assert (result.added, result.ignored_bsn_column) == (1, "BSN")
    assert db.execute("SELECT bsn FROM clients").fetchall() == [(None,)]


def test_a_formula_quote_from_the_export_is_taken_off(db: Database) -> None:
    csv_import.import_clients(db, b"Klantnummer;Achternaam\nK1;'=Jansen\n", actor=ACTOR)
    client = clients.find(db, "K1")
    assert client is not None and client.surname == "=Jansen"


def test_cancelling_halfway_leaves_the_database_as_it_was(db: Database) -> None:
    csv_import.import_clients(db, b"Klantnummer\nK0\n", actor=ACTOR, today=TODAY)
    before = _dump(db)
    rows = "".join(f"K{number};Naam {number};3\n" for number in range(1, 5001))
    data = ("Klantnummer;Achternaam;Trede\n" + rows).encode()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with pytest.raises(csv_import.ImportCancelled):
        csv_import.import_clients(
            db,
            data,
            actor=ACTOR,
            today=TODAY,
            progress=progress,
            cancelled=lambda: len(seen) >= 2,  # after the first batch was written
        )
    assert seen[-1] == csv_import.BATCH
    assert _dump(db) == before
    assert database.check(db).ok


def test_the_first_session_after_an_import_has_query_statistics(db: Database) -> None:
    csv_import.import_clients(db, _cp1252_dutch(), actor=ACTOR, today=TODAY)
    found = db.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'clients'").fetchone()
    assert found[0] > 0


def _indexes(db: Database) -> list[tuple[str, str]]:
    return db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clients' "
        "ORDER BY name"
    ).fetchall()


@pytest.mark.parametrize("stored", [0, 3], ids=["into an empty file", "beside more clients"])
def test_every_index_of_the_clients_is_there_after_an_import(db: Database, stored: int) -> None:
    # A large import builds the clients' indexes again from all rows at the end; a small one
    # keeps them up to date row by row. Either way the file has the same indexes, and they
    # hold what the rows hold.
    for number in range(stored):
        details = model.ClientDetails(reference=f"KL{number}", surname=f"Eerder {number}")
        clients.add(db, details, actor=ACTOR, today=TODAY)
    before = _indexes(db)
    assert before  # the schema has indexes to keep
    data = b"Klantnummer;Achternaam;Trede\nN1;Nieuw;2\nN2;Nieuwer;4\n"
    csv_import.import_clients(db, data, actor=ACTOR, today=TODAY)
    assert _indexes(db) == before
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    second = caseload_query.CaseloadFilter(trede=2)
    found = caseload_query.ids(db, second, today=TODAY)
    assert [clients.get(db, ident).reference for ident in found] == ["N1"]
