"""``trede import clients`` on real exports: skipped lines said, rejected lines saved as CSV."""

from __future__ import annotations

import csv
import stat
from pathlib import Path

import pytest

from app import main as app_main
from caseload import errors, validate

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def test_rejected_lines_are_saved_with_their_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "trede.db"
    saved = tmp_path / "afgewezen.csv"
    source = CORPUS / "placeholder_dates.csv"
    code = app_main.main(
        ["import", "clients", "--db", str(target), str(source), "--rejected", str(saved)]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "4 afgewezen regels opgeslagen in" in out
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    with saved.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0] == [
        "Regel",
        "Reden",
        "Dossiernummer",
        "Voornaam",
        "Achternaam",
        "Geboortedatum",
        "Startdatum",
    ]
    assert [row[0] for row in rows[1:]] == ["2", "3", "4", "5"]
    assert rows[1][1].startswith("Geboortedatum klopt niet: “00-00-0000” is een invuldatum")
    assert rows[1][2:] == ["D-1", "Eva", "Postma", "00-00-0000", "01-03-2026"]


def test_lines_that_hold_no_client_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = CORPUS / "suite4sd_mixed_encoding.csv"
    assert app_main.main(["import", "clients", "--db", str(tmp_path / "t.db"), str(source)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0]
        == "Gelezen: 4 regels (UTF-8, met regels in Windows-1252, gescheiden door puntkomma)."
    )
    assert out[-3:] == [
        "regel 1 overgeslagen: Titelregel boven de kopregel, geen klant.",
        "regel 2 overgeslagen: Titelregel boven de kopregel, geen klant.",
        "regel 9 overgeslagen: Totaal- of voetregel, geen klant.",
    ]


def test_a_missing_file_makes_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nieuw.db"
    code = app_main.main(["import", "clients", "--db", str(target), str(tmp_path / "weg.csv")])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "weg.csv" in err
    assert not target.exists()


@pytest.mark.parametrize("value", ["1,23457E+08", "1.23457e+08", "1,2E8"])
def test_a_bsn_in_number_format_is_named_as_such(value: str) -> None:
    with pytest.raises(errors.InvalidBsn, match="BSN in getalnotatie"):
        validate.bsn(value, enabled=True)


def test_a_bsn_with_excels_decimals_keeps_its_digits() -> None:
    assert validate.bsn("12345672,0", enabled=True) == "012345672"


def test_surnames_that_are_also_footer_words_are_clients(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "achternaam-eerst.csv"
    source.write_text(
        "Achternaam;Voornaam;Klantnummer;Team\n"
        "Bron;Jan;N001;Noord\n"
        "Pagina;Els;N002;Noord\n"
        "Filter;Ad;N003;Noord\n"
        "Aantal;Bo;N004;Noord\n"
        "Einde;Cor;N005;Noord\n"
        "Bakker;Piet;N006;Noord\n"
        "Totaal: 6 klanten;;;\n"
        "Bron: Suite4Sociaal Domein;;;\n",
        encoding="utf-8",
    )
    assert app_main.main(["import", "clients", "--db", str(tmp_path / "t.db"), str(source)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Toegevoegd: 6" in out[1], out
    assert out[-2:] == [
        "regel 8 overgeslagen: Totaal- of voetregel, geen klant.",
        "regel 9 overgeslagen: Totaal- of voetregel, geen klant.",
    ]
