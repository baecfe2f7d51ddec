"""``trede quickscan report``: the advice report from the command line, as a manager runs it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import database, main, paths, settings
from caseload import demo, evidence
from quickscan import loader, store

ROOT = Path(__file__).resolve().parents[2]


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main.main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database with two klantmanager scans (1, 2), a manager scan (3) and a draft (4)."""
    path = tmp_path / "scans.db"
    questionnaire = loader.load_bundled()
    db = database.open_database(path)
    try:
        for role, shift in (("klantmanager", 2), ("klantmanager", 0), ("manager", 1)):
            given = [
                store.GivenAnswer(
                    q.id, None if i % 7 == 6 else questionnaire.value_at(q.id, i + shift)
                )
                for i, q in enumerate(questionnaire.questions_for(role))
            ]
            store.submit(db, questionnaire, role, None, "Team Zuid", given, actor="test")
        store.start_response(db, questionnaire, "manager", None, "Team Zuid", "test")
    finally:
        db.close()
    return path


def test_the_report_uses_the_municipality_of_the_settings(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.save(paths.resolve(None).settings, settings.Settings(municipality="Gemeente Zwolle"))
    out_file = tmp_path / "advies.pdf"
    code, out, err = _run(
        capsys, "quickscan", "report", "--db", str(db_path), "2", "--out", str(out_file)
    )
    assert (code, err) == (0, "")
    assert out.strip() == str(out_file.resolve())
    text = _text(out_file)
    assert "Gemeente Zwolle" in text and "Team Zuid" in text and "anoniem" in text
    assert "Vergelijking met een eerdere scan" not in text and "De rollen naast elkaar" not in text


def test_without_settings_the_report_says_the_municipality_is_not_set(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "advies.pdf"
    code, _out, _err = _run(
        capsys, "quickscan", "report", "--db", str(db_path), "2", "--out", str(out_file)
    )
    assert code == 0 and "(gemeente niet ingesteld)" in _text(out_file)


def test_compare_and_roles_add_their_sections(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "advies.pdf"
    code, _out, err = _run(
        capsys,
        "quickscan", "report", "--db", str(db_path), "2", "--out", str(out_file),
        "--compare", "1", "--roles",
    )  # fmt: skip
    assert (code, err) == (0, "")
    text = _text(out_file)
    assert "Vergelijking met een eerdere scan" in text and "scan 1 van" in text
    assert "De rollen naast elkaar" in text and "Manager" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["9"], "Er is geen scan met nummer 9."),
        (["4"], "Scan 4 is nog niet afgerond"),
        (["2", "--compare", "9"], "Er is geen scan met nummer 9."),
        (["2", "--compare", "4"], "Scan 4 is nog niet afgerond"),
    ],
)
def test_a_bad_scan_number_exits_1_with_one_sentence(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    out_file = tmp_path / "advies.pdf"
    code, out, err = _run(
        capsys, "quickscan", "report", "--db", str(db_path), "--out", str(out_file), *arguments
    )
    assert (code, out) == (1, "")
    assert err.startswith(message) and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert not out_file.exists()


def test_an_unwritable_output_path_exits_1(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "bestaat-niet" / "advies.pdf"
    code, out, err = _run(
        capsys, "quickscan", "report", "--db", str(db_path), "2", "--out", str(out_file)
    )
    assert (code, out) == (1, "")
    assert "de map" in err.lower() and "bestaat niet" in err and len(err.strip().splitlines()) == 1


def test_a_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "weg.db"
    code, _out, err = _run(
        capsys, "quickscan", "report", "--db", str(missing), "1", "--out", str(tmp_path / "a.pdf")
    )
    assert code == 1 and "bestaat niet" in err
    assert not missing.exists()


def test_the_report_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main.main(["quickscan", "report", "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert (
        out.startswith("gebruik: trede quickscan report")
        and "--compare" in out
        and "--roles" in out
    )


def test_a_report_without_out_is_a_usage_error(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main.main(["quickscan", "report", "--db", str(db_path), "2"])
    assert caught.value.code == 2


@pytest.mark.slow
def test_the_trede_command_writes_the_same_report_twice(db_path: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    files = []
    for name in ("een.pdf", "twee.pdf"):
        target = tmp_path / name
        done = subprocess.run(
            [sys.executable, "-m", "app", "quickscan", "report", "--db", str(db_path), "2",
             "--out", str(target), "--compare", "1", "--roles"],
            env=env, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
        )  # fmt: skip
        assert (done.returncode, done.stderr) == (0, "")
        files.append(target.read_bytes())
    assert files[0] == files[1]
    bad = subprocess.run(
        [sys.executable, "-m", "app", "quickscan", "report", "--db", str(db_path), "4",
         "--out", str(tmp_path / "drie.pdf")],
        env=env, cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert (
        bad.stderr.strip() == "Scan 4 is nog niet afgerond; maak het rapport als de scan klaar is."
    )


def test_with_a_caseload_each_theme_shows_its_caseload_facts(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database.open_database(db_path)
    try:
        demo.fill(db, 1200, seed=3)
        expected = evidence.for_themes(db, team="Team Zuid")["belemmeringen"]
    finally:
        db.close()
    out_file = tmp_path / "advies.pdf"
    code, _out, err = _run(
        capsys, "quickscan", "report", "--db", str(db_path), "2", "--out", str(out_file)
    )
    assert (code, err) == (0, "")
    text = _text(out_file)
    assert "Wat de caseload laat zien" in text
    facts = [line for line in expected if "klanten met" in line]
    assert facts, expected
    for line in expected:
        assert line in text
    assert "Bron: de caseload van Team Zuid in Trede" in text


def test_without_a_caseload_the_report_has_no_caseload_facts(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "advies.pdf"
    code, _out, _err = _run(
        capsys, "quickscan", "report", "--db", str(db_path), "2", "--out", str(out_file)
    )
    assert code == 0
    text = _text(out_file)
    assert "Wat de caseload laat zien" not in text and "Bron: de caseload" not in text


def _english_phrases() -> set[str]:
    """Fixed pieces (20+ characters) of every English translation that differs from its Dutch."""
    from babel.messages import pofile

    with open(ROOT / "resources/locale/en/LC_MESSAGES/trede.po", "rb") as handle:
        catalog = pofile.read_po(handle)
    phrases: set[str] = set()
    for message in catalog:
        texts = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        for text in texts:
            if not text or text in ids:
                continue
            for piece in re.split(r"%\(\w+\)[sd]|%[sd]", text):
                piece = " ".join(piece.split())
                if len(piece) >= 20:
                    phrases.add(piece)
    return phrases


def test_lang_en_on_a_dutch_scan_gives_one_language_throughout(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = database.open_database(db_path)
    try:
        demo.fill(db, 1200, seed=3)
        dutch_facts = [
            line for lines in evidence.for_themes(db, team="Team Zuid").values() for line in lines
        ]
    finally:
        db.close()
    out_file = tmp_path / "advies.pdf"
    code, _out, err = _run(
        capsys, "--lang", "en", "quickscan", "report", "--db", str(db_path), "2",
        "--out", str(out_file),
    )  # fmt: skip
    assert code == 0
    # Said, not silent: the report is in the scan's language, not the one asked for.
    assert (
        err.strip() == "The report is written in the language the scan was filled in: Nederlands."
    )
    text = _text(out_file)
    assert "Wat de caseload laat zien" in text
    assert dutch_facts and all(" ".join(line.split()) in text for line in dutch_facts)
    english = sorted(phrase for phrase in _english_phrases() if phrase in text)
    assert english == []
