"""A corpus of messy exports (tests/fixtures/exports) imports with exactly these outcomes.

Each file is shaped like an export of Suite4Sociaal Domein, GWS4all, Socrates, iWerk or Excel
(see make_exports.py). For each: the encoding found, the clients stored (with every name as the
file held it), each rejected line with its reason, and each line that holds no client (a title,
totals, a footer, filler) with why it was skipped. No such line ever becomes a client.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlite_utils import Database

from caseload import csv_import, csv_read

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
TODAY = dt.date(2026, 12, 4)

TITLE = "Titelregel boven de kopregel, geen klant."
TOTALS = "Totaal- of voetregel, geen klant."
FILLER = "Opvulregel zonder gegevens, geen klant."
LOOSE = "Losse tekstregel (een kopje of opmerking), geen klant."


def _placeholder(label: str, value: str) -> str:
    return (
        f"{label} klopt niet: “{value}” is een invuldatum van het bronsysteem, geen echte datum. "
        "Vul de echte datum in of laat het veld leeg."
    )


@dataclass(frozen=True)
class Expected:
    """What importing one corpus file must give."""

    encoding: str
    delimiter: str
    #: (klantnummer, first name or initials, surname prefix, surname, birth date) per client.
    clients: tuple[tuple[str, str, str, str, str | None], ...]
    rejected: tuple[tuple[int, str], ...] = ()
    not_data: tuple[tuple[int, str], ...] = ()
    bsn: dict[str, str] = field(default_factory=dict)
    bsn_enabled: bool = False


CASES: dict[str, Expected] = {
    "suite4sd_mixed_encoding.csv": Expected(
        "utf-8+cp1252",
        ";",
        (
            ("S4-1001", "Z.", "", "Zoë Jansen", "1990-03-12"),
            ("S4-1002", "A.", "", "Yılmaz", "1985-07-01"),
            ("S4-1003", "M.", "van der", "Berg", "1979-11-23"),
            ("S4-1004", "É.", "", "Zoë Müller", "1992-05-05"),
        ),
        not_data=((1, TITLE), (2, TITLE), (9, TOTALS)),
    ),
    "gws4all_totals.csv": Expected(
        "utf-8",
        ",",
        (
            ("G-77", "Fatima", "", "El Amrani", "1988-05-04"),
            ("G-78", "Joost", "", "de Wit", "1970-01-31"),
        ),
        rejected=((4, "Start begeleiding klopt niet: de datum “20261301” bestaat niet."),),
        not_data=((5, TOTALS),),
    ),
    "socrates_utf16_tabs.txt": Expected(
        "utf-16",
        "\t",
        (
            ("SO-1", "Şükrü", "", "Öztürk", "1981-02-02"),
            ("SO-2", "Nguyễn", "", "Van An", "1999-08-14"),
            ("SO-3", "Aïcha", "", "Benali", "1987-09-30"),
        ),
        not_data=((2, LOOSE), (5, TOTALS), (6, LOOSE), (8, TOTALS), (9, TOTALS)),
    ),
    "iwerk_utf16_no_bom.csv": Expected(
        "utf-16-le",
        ";",
        (
            ("IW-501", "Dragan", "", "Petrović", "1983-04-17"),
            ("IW-502", "Chloé", "", "Dubois", "1991-12-01"),
        ),
        not_data=((1, TITLE), (5, TOTALS)),
    ),
    "excel_sep_serial_bsn.csv": Expected(
        "cp1252",
        ";",
        (
            ("X-1", "Çigdem", "", "Kaya", "1988-05-04"),
            ("X-3", "Noé", "", "Faure", "1990-05-07"),
            ("X-4", "Renée", "", "Koster", "1987-01-01"),
        ),
        rejected=(
            (
                4,
                "Het BSN klopt niet: “1,23457E+08” is een BSN in getalnotatie: Excel heeft er "
                "een getal van gemaakt en cijfers weggelaten. Zet de kolom in Excel op Tekst en "
                "exporteer opnieuw.",
            ),
        ),
        bsn={"X-1": "012345672", "X-3": "111222333", "X-4": "123456782"},
        bsn_enabled=True,
    ),
    "excel_two_digit_years_nbsp.csv": Expected(
        "utf-8",
        ";",
        (
            ("K 10", "Anouk", "van den", "Heuvel", "1988-04-03"),
            ("K11", "Bram", "", "Visser", "2004-09-17"),
        ),
        rejected=(
            (4, "Geboortedatum klopt niet: de datum “29-02-01” bestaat niet."),
            (5, "Geboortedatum klopt niet: de klant zou 113 jaar oud zijn. Dat kan niet kloppen."),
        ),
    ),
    "placeholder_dates.csv": Expected(
        "utf-8",
        ";",
        (("D-5", "Ilse", "", "de Jong", "1980-06-15"),),
        rejected=(
            (2, _placeholder("Geboortedatum", "00-00-0000")),
            (3, _placeholder("Geboortedatum", "01-01-1900")),
            (4, _placeholder("Start begeleiding", "31-12-9999")),
            (5, _placeholder("Start begeleiding", "0000-00-00")),
        ),
    ),
    "excel_filler_lines.csv": Expected(
        "utf-8",
        ";",
        (("E-1", "Jan", "", "Jansen", None), ("E-2", "Karin", "", "de Vries", None)),
        not_data=((2, FILLER), (6, FILLER), (7, TOTALS)),
    ),
    "excel_bom_mixed.csv": Expected(
        "utf-8+cp1252",
        ";",
        (
            ("B-1", "Zoë", "", "Dijkstra", None),
            ("B-2", "Chloë", "", "Brouwer", None),
            ("B-3", "Łukasz", "", "Nowak", None),
        ),
    ),
    "iwerk_quoted_commas.csv": Expected(
        "utf-8",
        ",",
        (
            ("Q-1", "Piet", "", "Jansen, de", None),
            ("Q-2", "Siobhán", "", "O'Brien", None),
            ("Q-3", 'Omar "Ome"', "", "Al-Sayed", None),
        ),
        not_data=((1, TITLE), (6, TOTALS)),
    ),
    "cp1252_totals_in_reference.csv": Expected(
        "cp1252",
        ";",
        (("W-1", "Özlem", "", "Çelik", None), ("W-2", "José", "", "García", None)),
        not_data=((4, TOTALS),),
    ),
}


def test_the_corpus_is_complete() -> None:
    files = {path.name for path in CORPUS.iterdir() if path.suffix != ".py"}
    assert len(CASES) >= 10
    assert files == {*CASES, "unreadable_line.csv"}


def _stored(db: Database) -> tuple[tuple[str, str, str, str, str | None], ...]:
    rows = db.execute(
        "select reference, coalesce(nullif(first_name, ''), initials), surname_prefix, surname, "
        "birth_date from clients order by reference"
    ).fetchall()
    return tuple(tuple(row) for row in rows)


@pytest.mark.parametrize("name", list(CASES))
def test_each_export_imports_exactly_as_listed(db: Database, name: str) -> None:
    expected = CASES[name]
    result = csv_import.import_clients(
        db, CORPUS / name, actor="test", today=TODAY, bsn_enabled=expected.bsn_enabled
    ).value
    assert (result.encoding, result.delimiter) == (expected.encoding, expected.delimiter)
    assert _stored(db) == tuple(sorted(expected.clients))
    assert [(row.line_number, row.reason) for row in result.rejected] == list(expected.rejected)
    assert [(row.line_number, row.reason) for row in result.not_data] == list(expected.not_data)
    assert result.added == len(expected.clients)
    assert result.read == len(expected.clients) + len(expected.rejected)
    if expected.bsn:
        stored = dict(db.execute("select reference, bsn from clients").fetchall())
        assert stored == expected.bsn


def test_no_character_is_stored_that_the_file_did_not_hold(db: Database) -> None:
    for name in CASES:
        csv_import.import_clients(db, CORPUS / name, actor="test", today=TODAY, bsn_enabled=True)
    text = " ".join(
        str(value) for row in db.execute("select * from clients").fetchall() for value in row
    )
    for garbled in ("Ã", "Ä±", "Å", "\ufffd", "\u00a0"):
        assert garbled not in text
    references = {row[0] for row in db.execute("select reference from clients")}
    assert not any(
        reference.lower().startswith(
            (
                "totaal",
                "aantal",
                "sub",
                "eind",
                "pagina",
                "team",
                "***",
                "---",
                "===",
                "gegenereerd",
            )
        )
        for reference in references
    ), "no totals or footer line became a client"
    assert (
        db.execute(
            "select count(*) from clients where surname = '' and first_name = '' and initials = ''"
        ).fetchone()[0]
        == 0
    )


def test_a_line_in_no_known_encoding_refuses_the_file_naming_it(db: Database) -> None:
    with pytest.raises(csv_read.ImportRejected) as refused:
        csv_import.import_clients(db, CORPUS / "unreadable_line.csv", actor="test", today=TODAY)
    assert refused.value.message.startswith("Regel 3 van het bestand is niet te lezen")
    assert db["clients"].count == 0


def test_a_name_of_thousands_of_letters_is_rejected_not_stored(db: Database) -> None:
    source = ("Klantnummer;Achternaam;Team\nL1;Jansen;" + "a" * 5000 + "\nL2;Smit;Noord\n").encode()
    result = csv_import.import_clients(db, source, actor="test", today=TODAY).value
    assert [(row.line_number, row.reason) for row in result.rejected] == [
        (2, "Team klopt niet: dat is te lang: hoogstens 200 tekens.")
    ]
    assert result.added == 1
