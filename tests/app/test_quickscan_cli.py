"""``trede quickscan``: roles, template, submit and list, as a user runs them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app import database, main
from quickscan import loader, store

ROOT = Path(__file__).resolve().parents[2]


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main.main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _template(capsys: pytest.CaptureFixture[str], role: str = "klantmanager") -> dict[str, Any]:
    code, out, _err = _run(capsys, "quickscan", "template", "--role", role)
    assert code == 0
    data: dict[str, Any] = json.loads(out)
    return data


def _filled(capsys: pytest.CaptureFixture[str], role: str = "klantmanager") -> dict[str, Any]:
    data = _template(capsys, role)
    for i, answer in enumerate(data["answers"]):
        answer["value"] = (
            None if i % 6 == 0 else int(sorted(answer["scale"])[i % (len(answer["scale"]) - 1)])
        )
    data["team"] = "Team Noord"
    return data


def _write(tmp_path: Path, data: dict[str, Any] | str) -> Path:
    path = tmp_path / "antwoorden.json"
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def _responses(path: Path) -> int:
    if not path.exists():
        return 0
    db = database.open_database(path)
    try:
        return len(store.list_responses(db))
    finally:
        db.close()


def test_roles_lists_each_role_with_its_label(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "quickscan", "roles")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["klantmanager", "beleidsmedewerker", "manager"]
    assert "Beleidsmedewerker (40 vragen)" in lines[1]


def test_roles_in_english_use_the_english_labels(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "--lang", "en", "quickscan", "roles")
    assert code == 0 and "Client manager" in out and "Policy officer" in out


def test_the_template_holds_every_question_of_the_role(capsys: pytest.CaptureFixture[str]) -> None:
    data = _template(capsys, "manager")
    questionnaire = loader.load_bundled()
    assert (data["questionnaire"], data["version"], data["role"]) == (
        questionnaire.id,
        "2.0",
        "manager",
    )
    assert [a["question"] for a in data["answers"]] == [
        q.id for q in questionnaire.questions_for("manager")
    ]
    assert all(a["value"] is None and a["text"] for a in data["answers"])
    assert data["language"] == "nl"


def test_the_template_can_be_written_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "sjabloon.json"
    code, out, _err = _run(
        capsys,
        "--lang",
        "en",
        "quickscan",
        "template",
        "--role",
        "klantmanager",
        "--out",
        str(out_file),
    )
    assert code == 0 and out == ""
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert data["language"] == "en" and data["scale"]["null"] == "Don't know"


def test_the_template_is_valid_json_on_a_console_without_unicode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    console = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", console)
    assert main.main(["quickscan", "template", "--role", "manager"]) == 0
    console.flush()
    data = json.loads(console.buffer.getvalue().decode("ascii"))  # type: ignore[attr-defined]
    assert any("één" in answer["text"] for answer in data["answers"])


def test_template_submit_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = tmp_path / "scan.db"
    answers = _write(tmp_path, _filled(capsys))
    code, out, err = _run(capsys, "quickscan", "submit", "--db", str(db_path), str(answers))
    assert (code, out, err) == (0, "1\n", "")
    code, out, err = _run(capsys, "quickscan", "submit", "--db", str(db_path), str(answers))
    assert (code, out) == (0, "2\n")
    db = database.open_database(db_path)
    try:
        response = store.get_response(db, 1)
        assert response.is_complete and response.team == "Team Noord"
        assert len(store.answers(db, 1)) == 40
        assert store.result(db, 1).overall is not None
    finally:
        db.close()
    code, out, _err = _run(capsys, "quickscan", "list", "--db", str(db_path))
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:3] == ["nr", "status", "rol"]
    assert [row.split()[:3] for row in rows] == [
        ["2", "afgerond", "klantmanager"],
        ["1", "afgerond", "klantmanager"],
    ]


def test_list_on_an_empty_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(capsys, "quickscan", "list", "--db", str(tmp_path / "leeg.db"))
    assert (code, out) == (0, "Er zijn nog geen scans.\n")


def _unknown_question(data: dict[str, Any]) -> None:
    data["answers"][4]["question"] = "visie-99"


def _off_scale(data: dict[str, Any]) -> None:
    data["answers"][-1]["value"] = 7


def _no_role(data: dict[str, Any]) -> None:
    del data["role"]


def _unknown_role(data: dict[str, Any]) -> None:
    data["role"] = "wethouder"


def _missing_answer(data: dict[str, Any]) -> None:
    del data["answers"][10]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (_unknown_question, "Vraag visie-99 bestaat niet"),
        (_off_scale, "Het antwoord 7 op vraag sturing-04 staat niet op de schaal"),
        (_no_role, "noemt geen rol"),
        (_unknown_role, "De rol wethouder bestaat niet"),
        (_missing_answer, "ontbreekt in het antwoordbestand"),
    ],
)
def test_a_wrong_answers_file_exits_1_with_one_sentence_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: Any, words: str
) -> None:
    db_path = tmp_path / "scan.db"
    data = _filled(capsys)
    change(data)
    code, out, err = _run(
        capsys, "quickscan", "submit", "--db", str(db_path), str(_write(tmp_path, data))
    )
    assert code == 1 and out == ""
    assert words in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _responses(db_path) == 0


def test_bad_json_exits_1_and_names_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_path = tmp_path / "scan.db"
    path = _write(tmp_path, '{"role": "manager",\n  "answers": [')
    code, _out, err = _run(capsys, "quickscan", "submit", "--db", str(db_path), str(path))
    assert code == 1
    assert "geen geldige JSON (regel 2" in err and str(path) in err
    assert _responses(db_path) == 0


def test_a_missing_answers_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(
        capsys, "quickscan", "submit", "--db", str(tmp_path / "s.db"), str(tmp_path / "weg.json")
    )
    assert code == 1 and "bestaat niet" in err


def test_an_unknown_role_for_the_template_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "quickscan", "template", "--role", "wethouder")
    assert (code, out) == (1, "")
    assert "De rol wethouder bestaat niet. Kies uit: klantmanager" in err


@pytest.mark.parametrize(
    "arguments",
    [
        ["quickscan"],
        ["quickscan", "submit"],
        ["quickscan", "template"],
        ["quickscan", "list", "--status", "klaar"],
        ["quickscan", "roles", "--onbekend"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main.main(arguments)
    assert caught.value.code == 2
    assert "gebruik:" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["roles", "template", "submit", "list"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main.main(["quickscan", command, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: trede quickscan " + command) and "--db" in out


def test_another_questionnaire_file_can_be_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    definition = json.loads(loader.BUNDLED.read_text(encoding="utf-8"))
    definition["id"] = "gemeente-eigen"
    definition["questions"] = [q for q in definition["questions"] if len(q["roles"]) == 3]
    path = tmp_path / "eigen.json"
    path.write_text(json.dumps(definition), encoding="utf-8")
    code, out, _err = _run(capsys, "quickscan", "roles", "--questionnaire", str(path))
    assert code == 0 and "(24 vragen)" in out
    definition["questions"][0]["weight"] = 0
    path.write_text(json.dumps(definition), encoding="utf-8")
    code, _out, err = _run(capsys, "quickscan", "roles", "--questionnaire", str(path))
    assert code == 1 and "questions[0].weight" in err and str(path) in err


@pytest.mark.slow
def test_the_trede_command_round_trip(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TREDE_DB=str(tmp_path / "scan.db"))
    command = [sys.executable, "-m", "app", "quickscan"]
    template = subprocess.run(
        [*command, "template", "--role", "beleidsmedewerker"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    )
    data = json.loads(template.stdout)
    for answer in data["answers"]:
        answer["value"] = 2  # on every scale, also the yes/no one
    answers = _write(tmp_path, data)
    submitted = subprocess.run(
        [*command, "submit", str(answers)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert (submitted.returncode, submitted.stdout, submitted.stderr) == (0, "1\n", "")
    data["answers"][0]["value"] = 9
    _write(tmp_path, data)
    refused = subprocess.run(
        [*command, "submit", str(answers)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert refused.returncode == 1 and "Het antwoord 9 op vraag visie-01" in refused.stderr
    assert _responses(tmp_path / "scan.db") == 1
