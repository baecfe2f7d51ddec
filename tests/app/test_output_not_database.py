"""No command writes its output over the database it reads: a typo in --out loses nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import database
from app import main as app_main
from caseload import demo


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "trede.db"
    db = database.open_database(path)
    demo.fill(db, 30, seed=2)
    db.close()
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["export", "clients", "--db", "{db}", "--out", "{db}"],
        ["report", "inclusion", "--db", "{db}", "--from", "2025-01-01", "--to", "2025-12-31",
         "--out", "{db}"],
        ["backup", "--db", "{db}", "--out", "{db}"],
        ["bundle", "export", "--db", "{db}", "--from", "2025-01-01", "--to", "2025-12-31",
         "--out", "{db}"],
        ["export", "clients", "--db", "{db}", "--out", "{db}-wal"],
        ["export", "clients", "--db", "{db}", "--out", "{link}"],
    ],
)  # fmt: skip
def test_an_output_over_the_database_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], filled: Path, command: list[str]
) -> None:
    link = filled.with_name("andere-naam.db")
    os.symlink(filled, link)
    before = filled.read_bytes()
    arguments = [part.format(db=filled, link=link) for part in command]
    code = app_main.main(arguments)
    err = capsys.readouterr().err
    assert code == 1
    assert "is de database zelf" in err and "Traceback" not in err
    assert filled.read_bytes() == before
    assert link.is_symlink()


def test_an_output_beside_the_database_is_written(
    capsys: pytest.CaptureFixture[str], filled: Path
) -> None:
    out = filled.with_name("trede.csv")
    code = app_main.main(["export", "clients", "--db", str(filled), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert out.read_text(encoding="utf-8-sig").count("\n") > 30
