"""``trede import clients`` and ``trede export clients`` as a user runs them, and a real kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import database
from app import main as app_main

ROOT = Path(__file__).resolve().parents[2]
GOOD = b"Klantnummer;Voornaam;Achternaam;Geboortedatum;Trede\nK1;Zo\xebe;Vries;4-5-1988;3\n"


def _run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = app_main.main(arguments)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _count(path: Path, table: str = "clients") -> int:
    db = database.open_database(path)
    try:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


def test_import_prints_the_counts_and_each_rejected_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "klanten.csv"
    source.write_bytes(GOOD + b"K2;Piet;Post;31-02-1980;\nK1;Dubbel;Dubbel;;\n")
    target = tmp_path / "trede.db"
    code, out, err = _run(["import", "clients", "--db", str(target), str(source)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Gelezen: 3 regels (Windows-1252, gescheiden door puntkomma).",
        "Toegevoegd: 1  Bijgewerkt: 0  Ongewijzigd: 0  Overgeslagen (bestaan al): 0  Afgewezen: 2",
        "regel 3: Geboortedatum klopt niet: de datum “31-02-1980” bestaat niet.",
        "regel 4: Klantnummer K1 staat ook op regel 2.",
    ]
    assert _count(target) == 1


def test_a_second_import_skips_or_updates_existing_clients(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "klanten.csv"
    source.write_bytes(GOOD)
    target = str(tmp_path / "trede.db")
    assert _run(["import", "clients", "--db", target, str(source)], capsys)[0] == 0
    code, out, _err = _run(["import", "clients", "--db", target, str(source)], capsys)
    assert code == 0 and "Overgeslagen (bestaan al): 1" in out
    source.write_bytes(GOOD.replace(b"Vries", b"Bakker"))
    arguments = ["import", "clients", "--db", target, str(source), "--update-existing"]
    code, out, _err = _run(arguments, capsys)
    assert code == 0 and "Bijgewerkt: 1" in out


def test_a_dry_run_stores_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "klanten.csv"
    source.write_bytes(GOOD)
    target = tmp_path / "trede.db"
    code, out, _err = _run(
        ["import", "clients", "--db", str(target), str(source), "--dry-run"], capsys
    )
    assert code == 0
    assert (
        "Toegevoegd: 1" in out
        and out.splitlines()[-1] == "Dit was een proef: er is niets opgeslagen."
    )
    assert _count(target) == 0 and _count(target, "audit_log") == 0


@pytest.mark.parametrize(
    ("content", "options", "message", "listed"),
    [
        (
            b"Naam;Geboortedatum\nJansen;1-1-1980\n",
            [],
            "Het bestand heeft geen kolom Klantnummer. Er is niets ingelezen.",
            [],
        ),
        (
            b"PK\x03\x04\x00\x00",
            [],
            "Dit is een Excel-bestand. Sla het in Excel op als CSV en kies dat bestand.",
            [],
        ),
        (b"", [], "Het bestand is leeg: er staat geen kopregel in.", []),
        (
            GOOD + b"K2;;;1-1-2090;\n",
            ["--all-or-nothing"],
            "Er is niets ingelezen: 1 regel klopt niet.",
            [
                "regel 3: Geboortedatum: die datum ligt in de toekomst. Kies vandaag of een eerdere dag."
            ],
        ),
        (
            b"Klantnummer;Trede\nK1;9\n",
            [],
            "Geen enkele regel kon worden ingelezen.",
            ["regel 2: Trede klopt niet: “9” is geen trede. Kies een getal van 1 tot en met 6."],
        ),
    ],
)
def test_a_refused_file_exits_1_with_one_sentence_and_stores_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    options: list[str],
    message: str,
    listed: list[str],
) -> None:
    source = tmp_path / "klanten.csv"
    source.write_bytes(content)
    target = tmp_path / "trede.db"
    code, out, err = _run(["import", "clients", "--db", str(target), str(source), *options], capsys)
    assert code == 1
    assert err.splitlines() == [message]
    assert [line for line in out.splitlines() if line.startswith("regel")] == listed
    assert _count(target) == 0


def test_a_missing_file_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "weg.csv"
    code, _out, err = _run(
        ["import", "clients", "--db", str(tmp_path / "t.db"), str(missing)], capsys
    )
    assert code == 1
    assert err.startswith(f"Het bestand {missing} kan niet worden gelezen:")
    assert "Traceback" not in err and len(err.splitlines()) == 1


def test_english_with_lang_en(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "klanten.csv"
    source.write_bytes(b"Klantnummer;Geboortedatum\nK1;31-02-1980\nK2;\n")
    target = str(tmp_path / "trede.db")
    code, out, _err = _run(
        ["import", "clients", "--db", target, str(source), "--lang", "en"], capsys
    )
    assert code == 0
    assert "Date of birth" in out


def test_export_writes_the_filtered_list_and_logs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "klanten.csv"
    source.write_bytes(b"Klantnummer;Achternaam;Team\nN1;Noord;Team Noord\nZ1;Zuid;Team Zuid\n")
    target = tmp_path / "trede.db"
    assert _run(["import", "clients", "--db", str(target), str(source)], capsys)[0] == 0
    out_file = tmp_path / "lijst.csv"
    arguments = ["export", "clients", "--db", str(target), "--out", str(out_file)]
    code, out, _err = _run([*arguments, "--team", "Team Zuid", "--status", "active"], capsys)
    assert code == 0 and out.strip() == f"1 klant geschreven naar {out_file}."
    lines = out_file.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Klantnummer;Naam;Trede;") and lines[1].startswith("Z1;Zuid;")
    db = database.open_database(target)
    try:
        actions = [row[0] for row in db.execute("SELECT action FROM audit_log ORDER BY id")]
    finally:
        db.close()
    assert actions == ["clients.import", "clients.export"]


def test_export_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        app_main.main(["export", "clients", "--db", str(tmp_path / "t.db"), "--status", "open"])
    assert exited.value.code == 2
    assert "gebruik: trede export clients" in capsys.readouterr().err


# Runs in a child process: import a large file and say how far the writing is after each batch;
# the test kills it with SIGKILL in the middle of the transaction.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app import database
    from caseload import csv_import

    db = database.open_database(Path(sys.argv[1]))

    def progress(done, total):
        print("progress", done, total, flush=True)

    csv_import.import_clients(db, Path(sys.argv[2]), actor="kill-test", progress=progress)
    print("finished", flush=True)
    """
)


@pytest.mark.slow
def test_killed_during_a_large_import_the_database_holds_none_of_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "trede.db"
    first = tmp_path / "first.csv"
    first.write_bytes(GOOD)
    assert _run(["import", "clients", "--db", str(target), str(first)], capsys)[0] == 0
    large = tmp_path / "large.csv"
    rows = "".join(
        f"L{number:06d};Naam{number};Achternaam {number};{number % 28 + 1}-{number % 12 + 1}-1980;"
        f"{number % 6 + 1}\r\n"
        for number in range(50_000)
    )
    large.write_bytes(
        ("Klantnummer;Voornaam;Achternaam;Geboortedatum;Trede\r\n" + rows).encode("cp1252")
    )

    seen: list[str] = []
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), str(large)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            seen.append(line.strip())
            _word, done, total = line.split()
            # A quarter written: well inside the transaction, with pages in the WAL file.
            if int(done) >= int(total) // 4:
                os.kill(child.pid, signal.SIGKILL)
                break
        _rest, errors = child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL, errors
    assert "finished" not in seen and len(seen) >= 2

    assert _count(target) == 1
    assert _count(target, "ladder_steps") == 1
    assert _count(target, "audit_log") == 1
    code, out, _err = _run(["check", "--db", str(target)], capsys)
    assert code == 0 and out.splitlines()[-1] == "ok"
    db = database.open_database(target)
    try:
        db.execute("INSERT INTO clients_fts(clients_fts, rank) VALUES ('integrity-check', 1)")
        triggers = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        assert {"clients_fts_insert", "clients_fts_update", "clients_fts_delete"} <= triggers
    finally:
        db.close()
