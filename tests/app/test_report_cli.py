"""``trede report inclusion|client``: exit codes, one-sentence errors, settings, same bytes."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pypdf
import pytest

from app import database, main
from caseload import demo, people

TODAY = dt.date(2026, 3, 16)


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    try:
        code = main.main(list(arguments))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    db = database.open_database(path)
    demo.fill(db, 120, seed=2, today=TODAY)
    db.close()
    return path


@pytest.fixture
def municipality() -> None:
    """Settings as the municipality saved them: its name and a smaller minimum group."""
    folder = Path(os.environ["TREDE_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(
        json.dumps({"municipality": "Nijmegen", "min_group_size": 5}), encoding="utf-8"
    )


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_inclusion_report_is_written_with_the_settings(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path, municipality: None
) -> None:
    out = tmp_path / "inclusie.pdf"
    code, stdout, stderr = _run(
        capsys, "report", "inclusion", "--db", str(demo_path), "--from", "2025-01-01",
        "--to", "2025-12-31", "--out", str(out), "--today", "2026-03-16",
    )  # fmt: skip
    assert (code, stderr) == (0, "")
    assert stdout.strip() == str(out)
    text = _text(out)
    assert "Nijmegen · alle teams · 1 jan 2025 t/m 31 dec 2025" in text
    assert "Groepen kleiner dan 5 klanten zijn verborgen." in text


# A team typed in other letters or spacing is the team in the caseload.
@pytest.mark.parametrize("typed", ["Team Zuid", "team  zuid"])
def test_inclusion_report_for_one_team(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path, typed: str
) -> None:
    out = tmp_path / "team.pdf"
    code, _out, _err = _run(
        capsys, "report", "inclusion", "--db", str(demo_path), "--from", "2025-01-01",
        "--to", "2025-12-31", "--team", typed, "--out", str(out),
    )  # fmt: skip
    assert code == 0
    assert "Team Zuid · 1 jan 2025" in _text(out)


@pytest.mark.parametrize(
    ("command", "option", "name"),
    [
        (["report", "inclusion", "--out", "r.pdf"], "--team", "Team Zuidd"),
        (["bundle", "export", "--out", "b.json"], "--team", "Team Zuidd"),
        (["export", "clients", "--out", "c.csv"], "--team", "Team Zuidd"),
        (["export", "clients", "--out", "c.csv"], "--klantmanager", "Bram"),
    ],
)
def test_a_team_or_klantmanager_the_caseload_does_not_have_is_refused(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    tmp_path: Path,
    command: list[str],
    option: str,
    name: str,
) -> None:
    """A mistyped team gave an empty report of that name, without a word."""
    out = tmp_path / command[-1]
    command = [*command[:-1], str(out)]
    db = database.open_database(demo_path)
    there = people.teams(db) if option == "--team" else people.klantmanagers(db)
    db.close()
    period = ["--from", "2025-01-01", "--to", "2025-12-31"] if command[0] != "export" else []
    code, stdout, stderr = _run(capsys, *command, "--db", str(demo_path), *period, option, name)
    assert (code, stdout) == (1, "")
    assert f"Er is geen {option[2:]} “{name}” in de caseload." in stderr
    assert ", ".join(there) in stderr, "the names there are"
    assert stderr.strip().endswith("Er is niets gemaakt.")
    assert not out.exists(), "nothing written"


def test_client_report_is_written(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "klant.pdf"
    code, stdout, _err = _run(
        capsys, "report", "client", "--db", str(demo_path), "KL0000003", "--out", str(out),
        "--from", "2025-01-01", "--to", "2025-12-31", "--today", "2026-03-16",
    )  # fmt: skip
    assert code == 0 and stdout.strip() == str(out)
    text = _text(out)
    assert "Voortgangsverslag" in text and "Vertrouwelijk" in text and "KL0000003" in text


def test_the_same_command_twice_gives_the_same_bytes(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    files = []
    for name in ("a.pdf", "b.pdf"):
        files.append(tmp_path / name)
        code, _out, _err = _run(
            capsys, "report", "inclusion", "--db", str(demo_path), "--from", "2025-01-01",
            "--to", "2025-12-31", "--out", str(files[-1]), "--today", "2026-03-16",
        )  # fmt: skip
        assert code == 0
    assert files[0].read_bytes() == files[1].read_bytes()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["inclusion", "--from", "2025-02-30", "--to", "2025-12-31"],
            "De startdatum '2025-02-30' is geen datum. Schrijf die als JJJJ-MM-DD, "
            "bijvoorbeeld 2026-01-31.",
        ),
        (
            ["inclusion", "--from", "2025-01-01", "--to", "31-12-2025"],
            "De einddatum '31-12-2025' is geen datum.",
        ),
        (
            ["inclusion", "--from", "2025-06-01", "--to", "2025-01-01"],
            "De startdatum 2025-06-01 ligt na de einddatum 2025-01-01.",
        ),
        (["client", "KL404"], "Er is geen klant met klantnummer KL404."),
        (["client", "KL0000001", "--today", "gisteren"], "De datum van vandaag 'gisteren'"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_1(
    capsys: pytest.CaptureFixture[str],
    demo_path: Path,
    tmp_path: Path,
    arguments: list[str],
    message: str,
) -> None:
    out = tmp_path / "x.pdf"
    code, stdout, stderr = _run(
        capsys, "report", *arguments, "--db", str(demo_path), "--out", str(out)
    )
    assert code == 1 and stdout == ""
    assert stderr.startswith(message) and len(stderr.strip().splitlines()) == 1
    assert "Traceback" not in stderr
    assert not out.exists()


def test_an_unwritable_output_is_exit_1(
    capsys: pytest.CaptureFixture[str], demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "geen-map" / "x.pdf"
    code, _out, stderr = _run(
        capsys, "report", "client", "KL0000001", "--db", str(demo_path), "--out", str(out)
    )
    assert code == 1
    # Said before any work is done, with the folder that is missing.
    assert stderr.startswith(f"De map {out.parent} bestaat niet.")
    assert len(stderr.strip().splitlines()) == 1


def test_a_missing_database_is_not_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nergens.db"
    code, _out, stderr = _run(
        capsys, "report", "client", "KL1", "--db", str(missing), "--out", str(tmp_path / "x.pdf")
    )
    assert code == 1 and "bestaat niet" in stderr
    assert not missing.exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ["report"],
        ["report", "inclusion", "--from", "2025-01-01", "--out", "x.pdf"],  # no --to
        ["report", "inclusion", "--from", "2025-01-01", "--to", "2025-02-01"],  # no --out
        ["report", "client", "--out", "x.pdf"],  # no reference
        ["report", "client", "KL1", "--out", "x.pdf", "--kleur", "rood"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> None:
    code, _out, stderr = _run(capsys, *arguments)
    assert code == 2
    assert "fout" in stderr
