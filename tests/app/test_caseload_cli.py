"""``trede demo`` as a user runs it: one line on success, one Dutch sentence on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import database
from app import main as app_main


def test_demo_fills_a_new_database_and_says_what_it_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.db"
    assert app_main.main(["demo", "--db", str(target), "--clients", "25", "--seed", "2"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("25 klanten gemaakt met ")
    db = database.open_database(target)
    assert db.execute("SELECT count(*) FROM clients").fetchone() == (25,)
    assert database.check(db).ok
    db.close()


def test_demo_of_one_client_says_klant_and_writes_large_counts_with_a_point(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.db"
    assert app_main.main(["demo", "--db", str(target), "--clients", "1", "--seed", "5"]) == 0
    assert capsys.readouterr().out.startswith("1 klant gemaakt met ")
    other = tmp_path / "other.db"
    assert app_main.main(["demo", "--db", str(other), "--clients", "60", "--seed", "5"]) == 0
    line = capsys.readouterr().out
    db = database.open_database(other)
    (contacts,) = db.execute("SELECT count(*) FROM contacts").fetchone()
    db.close()
    assert contacts >= 1000
    assert f"{contacts // 1000}.{contacts % 1000:03d} contacten" in line


def test_demo_twice_in_one_database_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.db"
    assert app_main.main(["demo", "--db", str(target), "--clients", "3"]) == 0
    capsys.readouterr()
    assert app_main.main(["demo", "--db", str(target), "--clients", "3"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "Deze database bevat al klanten. Maak demogegevens in een nieuw bestand."


def test_a_negative_number_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.db"
    assert app_main.main(["demo", "--db", str(target), "--clients", "-5"]) == 1
    assert capsys.readouterr().err.strip() == "Het aantal klanten kan niet negatief zijn."
    assert not target.exists()


@pytest.mark.parametrize(
    "arguments", [["--clients", "veel"], [], ["--clients", "3", "--seed", "x"]]
)
def test_usage_errors_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        app_main.main(["demo", "--db", str(tmp_path / "x.db"), *arguments])
    assert exited.value.code == 2
    assert "gebruik: trede demo" in capsys.readouterr().err
