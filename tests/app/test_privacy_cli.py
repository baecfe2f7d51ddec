"""``trede erase client``, ``trede retention``, ``trede export client`` and ``trede bundle``."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from app import database, main
from caseload import clients, model
from resources import audit

TODAY = dt.date(2026, 3, 16)
ACTOR = "km.test"


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    try:
        code = main.main(list(arguments))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def two_clients(tmp_path: Path) -> Path:
    """A database with one active client (KL1) and one closed in 2014 (KL2)."""
    path = tmp_path / "privacy.db"
    db = database.open_database(path)
    for reference, surname in (("KL1", "Jansen"), ("KL2", "Yilmaz")):
        clients.add(
            db,
            model.ClientDetails(
                reference=reference,
                surname=surname,
                first_name="Sem",
                guidance_start=dt.date(2010, 1, 1),
                team="Team Noord",
            ),
            actor=ACTOR,
            today=TODAY,
        )
    closed = clients.find(db, "KL2")
    assert closed is not None
    clients.close(
        db, closed.id, on=dt.date(2014, 5, 1), reason="verhuisd", actor=ACTOR, today=TODAY
    )
    db.close()
    return path


def _references(path: Path) -> list[str]:
    db = database.open_database(path)
    try:
        return [row[0] for row in db.execute("SELECT reference FROM clients ORDER BY reference")]
    finally:
        db.close()


def test_erase_client_with_yes(capsys: pytest.CaptureFixture[str], two_clients: Path) -> None:
    code, out, err = _run(capsys, "erase", "client", "--db", str(two_clients), "KL1", "--yes")
    assert (code, err) == (0, "")
    assert "KL1" in out
    assert _references(two_clients) == ["KL2"]
    db = database.open_database(two_clients)
    entry = audit.entries(db)[0]
    db.close()
    assert entry.action == "client.delete" and "Jansen" not in repr(entry)


def test_erase_client_asks_for_the_klantnummer(
    capsys: pytest.CaptureFixture[str], two_clients: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("KL2\n"))
    code, out, err = _run(capsys, "erase", "client", "--db", str(two_clients), "KL1")
    assert code == 1 and "niets gewist" in err
    assert _references(two_clients) == ["KL1", "KL2"]
    monkeypatch.setattr("sys.stdin", io.StringIO("KL1\n"))
    code, out, err = _run(capsys, "erase", "client", "--db", str(two_clients), "KL1")
    assert (code, err) == (0, "")
    assert _references(two_clients) == ["KL2"]


def test_erase_unknown_client_is_one_sentence(
    capsys: pytest.CaptureFixture[str], two_clients: Path
) -> None:
    code, out, err = _run(capsys, "erase", "client", "--db", str(two_clients), "KL9", "--yes")
    assert code == 1 and "KL9" in err and "Traceback" not in err
    assert _references(two_clients) == ["KL1", "KL2"]


def test_retention_lists_and_erases(capsys: pytest.CaptureFixture[str], two_clients: Path) -> None:
    db_arg = ("--db", str(two_clients), "--today", "2026-03-16")
    code, out, err = _run(capsys, "retention", *db_arg)
    assert (code, err) == (0, "")
    assert "KL2" in out and "KL1" not in out
    code, out, err = _run(capsys, "retention", *db_arg, "--years", "20")
    assert code == 0 and "KL2" not in out
    code, out, err = _run(capsys, "retention", *db_arg, "--erase", "--yes")
    assert (code, err) == (0, "")
    assert _references(two_clients) == ["KL1"]


def test_export_client_writes_pdf_and_json(
    capsys: pytest.CaptureFixture[str], two_clients: Path, tmp_path: Path
) -> None:
    out = tmp_path / "inzage"
    code, stdout, err = _run(
        capsys, "export", "client", "--db", str(two_clients), "KL1", "--out", str(out),
        "--today", "2026-03-16",
    )  # fmt: skip
    assert (code, err) == (0, "")
    pdf, data = (Path(line) for line in stdout.split())
    assert pdf.suffix == ".pdf" and pdf.exists()
    assert '"Jansen"' in data.read_text(encoding="utf-8")
    assert "Yilmaz" not in data.read_text(encoding="utf-8")


def test_export_clients_still_works_next_to_export_client(
    capsys: pytest.CaptureFixture[str], two_clients: Path, tmp_path: Path
) -> None:
    out = tmp_path / "lijst.csv"
    code, _out, err = _run(capsys, "export", "clients", "--db", str(two_clients), "--out", str(out))
    assert (code, err) == (0, "")
    assert "KL2" in out.read_text(encoding="utf-8-sig")


def test_bundles_from_three_desks_make_one_team_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from caseload import demo

    period = ("--from", "2025-01-01", "--to", "2025-12-31", "--today", "2026-03-16")
    bundles = []
    for seed in (1, 2, 3):
        path = tmp_path / f"desk{seed}.db"
        db = database.open_database(path)
        demo.fill(db, 40, seed=seed, today=TODAY)
        db.close()
        out = tmp_path / f"bundle{seed}.json"
        code, stdout, err = _run(
            capsys, "bundle", "export", "--db", str(path), *period, "--out", str(out)
        )
        assert (code, err) == (0, "")
        bundles.append(str(out))
    report = tmp_path / "team.pdf"
    code, stdout, err = _run(capsys, "bundle", "report", *bundles, *period, "--out", str(report))
    assert (code, err) == (0, "")
    assert stdout.strip() == str(report) and report.stat().st_size > 0
    code, stdout, err = _run(
        capsys, "bundle", "report", bundles[0], bundles[0], *period, "--out", str(report)
    )
    assert code == 1 and "twee keer" in err and "Traceback" not in err
    code, stdout, err = _run(
        capsys, "bundle", "report", str(tmp_path / "weg.json"), *period, "--out", str(report)
    )
    assert code == 1 and "weg.json" in err
