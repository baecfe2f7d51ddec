"""Reading CSV exports: encodings, delimiters, quoted cells, Dutch dates and header detection."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from caseload import csv_mapping, csv_read, errors


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Klantnummer;Naam\nK1;Öztürk\n".encode(), "utf-8", "Öztürk"),
        (codecs.BOM_UTF8 + "Klantnummer;Naam\nK1;Zoë\n".encode(), "utf-8-sig", "Zoë"),
        ("Klantnummer;Naam\nK1;Müller€\n".encode("cp1252"), "cp1252", "Müller€"),
        ("Klantnummer\tNaam\nK1;Zoë\n".encode("utf-16"), "utf-16", "Zoë"),
    ],
)
def test_the_encoding_is_found(data: bytes, encoding: str, text: str) -> None:
    decoded, found = csv_read.decode(data)
    assert found == encoding
    assert text in decoded and not decoded.startswith("\ufeff")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04rest of a zip", "Dit is een Excel-bestand."),
        (b"Klantnummer\x00;Naam\n", "Dit bestand is geen tekstbestand"),
        (b"\x81\x8d\x8f\x90\x9d\xff\xfe", "Dit bestand is geen tekstbestand"),
    ],
)
def test_files_that_are_not_text_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(csv_read.ImportRejected) as refused:
        csv_read.decode(data)
    assert refused.value.message.startswith(message)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Klantnummer;Naam;Team\nK1;Jansen, P.;Noord\n", ";"),
        ("Klantnummer,Naam,Team\nK1,Jansen,Noord\n", ","),
        ("Klantnummer\tNaam\tTeam\nK1\tJansen; P.\tNoord\n", "\t"),
        ('Klantnummer,Naam\nK1,"Jansen; P."\nK2,"de Vries; Z."\n', ","),
        ("sep=,\nKlantnummer,Naam;Voornaam\nK1,Jansen;P\n", ","),
        ("Klantnummer\nK1\nK2\n", ";"),
    ],
)
def test_the_delimiter_is_found(text: str, delimiter: str) -> None:
    assert csv_read.parse_text(text).delimiter == delimiter


def test_quoted_cells_keep_delimiters_quotes_and_line_breaks_and_line_numbers_stay_true() -> None:
    text = (
        "\n"
        "Klantnummer;Naam;Notitie\r\n"
        'K1;"Jansen; P.";"eerste regel\r\ntweede regel"\r\n'
        ";;\r\n"
        "\r\n"
        'K2;"de ""Boer""";\r\n'
    )
    table = csv_read.parse_text(text)
    assert table.headers == ("Klantnummer", "Naam", "Notitie")
    assert table.header_line == 2
    assert table.rows == (
        (3, ("K1", "Jansen; P.", "eerste regel\r\ntweede regel")),
        (7, ("K2", 'de "Boer"', "")),
    )


def test_headers_are_made_unique_and_never_empty() -> None:
    table = csv_read.parse_text("Naam;;Naam\nA;B;C\n")
    assert table.headers == ("Naam", "Kolom 2", "Naam (2)")
    assert table.preview(5) == [("A", "B", "C")]


def test_an_open_quote_refuses_the_file_with_its_line() -> None:
    with pytest.raises(csv_read.ImportRejected) as refused:
        csv_read.parse_text('Klantnummer;Naam\nK1;"Jansen\n' + "x" * 200_000)
    assert refused.value.message.startswith("Op regel 2 begint een veld met een aanhalingsteken")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        # Never closed: every line after it would be one surname, the clients after it lost.
        ('Klantnummer;Achternaam;Team\n1;"Jansen;Noord\n2;Pietersen;Zuid\n3;Bakker;Oost\n', 2),
        # Closed lines later, inside another cell: the lines between would be one cell.
        ('Klantnummer;Achternaam;Team\n1;Smit;Zuid\n2;"Jansen;Noord\n3;"Bakker";Oost\n', 3),
    ],
)
def test_a_quote_that_swallows_the_next_lines_refuses_the_file(text: str, line: int) -> None:
    with pytest.raises(csv_read.ImportRejected) as refused:
        csv_read.parse_text(text)
    assert f"egel {line} " in refused.value.message


def test_a_very_long_cell_is_read_whole() -> None:
    table = csv_read.parse_text("Klantnummer;Notitie\nK1;" + "x" * 200_000 + "\nK2;kort\n")
    assert [cells[0] for _line, cells in table.rows] == ["K1", "K2"]
    assert len(table.rows[0][1][1]) == 200_000


def test_a_file_without_a_header_is_refused() -> None:
    with pytest.raises(csv_read.ImportRejected, match="Het bestand is leeg"):
        csv_read.parse_text("\n;;\n\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31-01-2026", dt.date(2026, 1, 31)),
        ("31-1-2026", dt.date(2026, 1, 31)),
        ("1-2-2026", dt.date(2026, 2, 1)),
        ("31/01/2026", dt.date(2026, 1, 31)),
        ("31.01.2026", dt.date(2026, 1, 31)),
        ("2026-01-31", dt.date(2026, 1, 31)),
        ("31-01-2026 00:00", dt.date(2026, 1, 31)),
        ("2026-01-31T00:00:00", dt.date(2026, 1, 31)),
        ("  ", None),
    ],
)
def test_dutch_and_iso_dates(text: str, expected: dt.date | None) -> None:
    assert csv_read.parse_date("birth_date", text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31-02-2026", "Geboortedatum klopt niet: de datum “31-02-2026” bestaat niet."),
        ("2026-13-01", "Geboortedatum klopt niet: de datum “2026-13-01” bestaat niet."),
        (
            "00-00-0000",
            "Geboortedatum klopt niet: “00-00-0000” is een invuldatum van het bronsysteem, "
            "geen echte datum. Vul de echte datum in of laat het veld leeg.",
        ),
        (
            "gisteren",
            "Geboortedatum klopt niet: “gisteren” is geen datum. Schrijf een datum als 31-01-2026.",
        ),
    ],
)
def test_impossible_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(errors.InvalidValue) as refused:
        csv_read.parse_date("birth_date", text)
    assert refused.value.message == message
    assert refused.value.field == "birth_date"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3", 3), ("Trede 4", 4), ("6.0", 6), ("2. Sociale contacten", 2), ("", None)],
)
def test_trede_cells(text: str, expected: int | None) -> None:
    assert csv_read.parse_trede(text) == expected


@pytest.mark.parametrize("text", ["0", "7", "drie", "3,5"])
def test_impossible_trede_cells(text: str) -> None:
    with pytest.raises(errors.InvalidValue, match="is geen trede"):
        csv_read.parse_trede(text)


def test_dutch_headers_are_recognised_whatever_their_spelling() -> None:
    headers = [
        "Klant nr.",
        "BSN",
        "VOORLETTERS",
        "Roepnaam",
        "Tussenvoegsel",
        "Naam",
        "Achternaam",
        "Geb.datum",
        "Participatieladder",
        "Start begeleiding",
        "Consulent",
        "Team",
        "Opmerking",
    ]
    mapping = csv_mapping.detect_mapping(headers, bsn_enabled=True)
    assert mapping == {
        "Klant nr.": "reference",
        "BSN": "bsn",
        "VOORLETTERS": "initials",
        "Roepnaam": "first_name",
        "Tussenvoegsel": "surname_prefix",
        "Naam": None,  # 'Achternaam' says it better
        "Achternaam": "surname",
        "Geb.datum": "birth_date",
        "Participatieladder": "trede",
        "Start begeleiding": "guidance_start",
        "Consulent": "klantmanager",
        "Team": "team",
        "Opmerking": None,
    }


def test_diacritics_in_headers_do_not_matter_and_bsn_is_left_out_when_off() -> None:
    mapping = csv_mapping.detect_mapping(["Cliëntnummer", "Burgerservicenummer", "Naam"])
    assert mapping == {
        "Cliëntnummer": "reference",
        "Burgerservicenummer": None,
        "Naam": "full_name",
    }
    assert csv_mapping.ignored_bsn_column(list(mapping), mapping) == "Burgerservicenummer"


def test_naam_is_the_surname_beside_a_first_name_and_the_whole_name_alone() -> None:
    beside = csv_mapping.detect_mapping(["Klantnummer", "Voorletters", "Naam"])
    assert beside["Naam"] == "surname"
    alone = csv_mapping.detect_mapping(["Klantnummer", "Naam", "Team"])
    assert alone["Naam"] == "full_name"
    with pytest.raises(csv_read.ImportRejected) as refused:
        csv_mapping.check_mapping(
            ["Klantnummer", "Naam", "Voornaam"],
            {"Klantnummer": "reference", "Naam": "full_name", "Voornaam": "first_name"},
        )
    assert "“Naam” bevat de hele naam" in refused.value.message
    assert "“Voornaam” een deel" in refused.value.message


def test_a_mapping_without_a_reference_or_with_a_field_twice_is_refused() -> None:
    with pytest.raises(csv_read.ImportRejected) as refused:
        csv_mapping.check_mapping(["Naam"], {"Naam": "surname"})
    assert (
        refused.value.message == "Het bestand heeft geen kolom Klantnummer. Er is niets ingelezen."
    )
    with pytest.raises(csv_read.ImportRejected, match="Twee kolommen horen bij Achternaam"):
        csv_mapping.check_mapping(
            ["Nr", "Naam", "Achternaam"],
            {"Nr": "reference", "Naam": "surname", "Achternaam": "surname"},
        )


TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("birth_date", "31-01-26", dt.date(1926, 1, 31)),  # a client is not born this year
        ("birth_date", "04-05-88", dt.date(1988, 5, 4)),
        ("birth_date", "04-05-08", dt.date(2008, 5, 4)),  # 18: old enough to be a client
        ("birth_date", "04-05-12", dt.date(1912, 5, 4)),  # 14 is too young: the past century
        ("guidance_start", "01-03-25", dt.date(2025, 3, 1)),
        ("guidance_start", "01-03-95", dt.date(1995, 3, 1)),
        ("birth_date", "32267", dt.date(1988, 5, 4)),  # Excel's serial number of the date
        ("birth_date", "32267.0", dt.date(1988, 5, 4)),
        ("birth_date", "19880504", dt.date(1988, 5, 4)),
        ("birth_date", "\u00a004-05-1988\u00a0", dt.date(1988, 5, 4)),
    ],
)
def test_dates_as_exports_write_them(field: str, text: str, expected: dt.date) -> None:
    assert csv_read.parse_date(field, text, TODAY) == expected


@pytest.mark.parametrize(
    "text", ["00-00-0000", "0000-00-00", "01-01-1900", "1900-01-01", "31-12-9999", "00000000"]
)
def test_placeholder_dates_are_refused_as_such(text: str) -> None:
    with pytest.raises(errors.InvalidValue, match="invuldatum van het bronsysteem"):
        csv_read.parse_date("birth_date", text, TODAY)


def test_title_lines_above_a_header_trede_does_not_know_are_skipped() -> None:
    text = "Overzicht team Noord\nPeildatum: 01-12-2026\n\nNr;Familie;Geb\n1;Jansen;1-1-1980\n"
    table = csv_read.parse_text(text, is_header=csv_mapping.looks_like_header)
    assert table.headers == ("Nr", "Familie", "Geb")
    assert table.header_line == 4
    assert [row.line_number for row in table.skipped] == [1, 2]
    assert table.rows == ((5, ("1", "Jansen", "1-1-1980")),)


def test_a_file_of_one_column_keeps_its_first_line_as_header() -> None:
    table = csv_read.parse_text("Klantnummer\nK1\nK2\n", is_header=csv_mapping.looks_like_header)
    assert table.headers == ("Klantnummer",) and len(table.rows) == 2 and table.skipped == ()
