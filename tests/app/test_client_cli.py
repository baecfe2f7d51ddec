"""``trede client close`` and ``reopen`` as a user runs them: one line on success, one Dutch
sentence and nothing changed on bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import database
from app import main as app_main

TODAY = dt.date.today().isoformat()


@pytest.fixture
def target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.db"
    assert app_main.main(["demo", "--db", str(path), "--clients", "3"]) == 0
    capsys.readouterr()
    return path


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = database.open_database(path)
    try:
        return {
            table: [tuple(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY id")]
            for table in ("clients", "outflows", "followups", "closings", "barriers", "actions")
        }
    finally:
        db.close()


def _close(target: Path, *extra: str) -> list[str]:
    return ["client", "close", "--db", str(target), "KL0000001", "--on", TODAY, *extra]


WORK = ("--reason", "uitstroom_werk", "--sector", "Q", "--contract", "vast", "--start", TODAY)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ("--hours", "-3"),
            "Uren per week klopt niet: kies meer dan 0 en hoogstens 60 uur per week.",
        ),
        (
            ("--hours", "abc"),
            "Uren per week klopt niet: vul een aantal uren in, bijvoorbeeld 32 of 24,5.",
        ),
        ((), "Vul uren per week in."),
    ],
)
def test_bad_hours_are_refused_with_one_sentence(target, capsys, extra, message) -> None:
    before = _rows(target)
    assert app_main.main(_close(target, *WORK, *extra)) == 1
    assert capsys.readouterr().err.strip() == message
    assert _rows(target) == before


def test_close_with_outflow_then_reopen(target, capsys) -> None:
    assert app_main.main(_close(target, *WORK, "--hours", "32", "--close-open-items")) == 0
    assert capsys.readouterr().out.strip().startswith("Dossier van KL0000001 afgesloten op ")
    rows = _rows(target)
    assert [row[3:] for row in rows["outflows"]] == [(TODAY, "Q", 32.0, "vast")]
    assert len(rows["followups"]) == 1
    assert app_main.main(["client", "reopen", "--db", str(target), "KL0000001"]) == 0
    assert capsys.readouterr().out.strip() == "Dossier van KL0000001 is weer open."
    assert _rows(target)["outflows"] == rows["outflows"], "the outflow history stays"


def test_an_unknown_client_is_bad_input(target, capsys) -> None:
    assert app_main.main(["client", "reopen", "--db", str(target), "KL9"]) == 1
    assert capsys.readouterr().err.strip() == "Klant KL9 bestaat niet (meer)."
