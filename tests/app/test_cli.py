"""The ``trede`` command as a manager or a script uses it: help, check, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import main as app_main

TREDE = [sys.executable, "-m", "app"]


def run_trede(
    *arguments: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real program as a subprocess, as a user would."""
    environment = dict(os.environ, **(env or {}))
    environment.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [*TREDE, *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_help_lists_the_commands_in_dutch() -> None:
    result = run_trede("--help")
    assert result.returncode == 0
    assert "gebruik: trede" in result.stdout
    assert "check" in result.stdout
    assert "Traceback" not in result.stderr


def test_help_in_english() -> None:
    result = run_trede("--lang", "en", "--help")
    assert result.returncode == 0
    assert "usage: trede" in result.stdout
    assert "check the database" in result.stdout


def test_check_creates_a_new_database_and_says_ok(tmp_path: Path) -> None:
    target = tmp_path / "nieuw" / "x.db"
    result = run_trede("check", "--db", str(target))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "ok"
    assert lines[0].startswith("schemaversie ")
    assert int(lines[0].split()[-1]) >= 3
    assert target.exists()
    assert target.stat().st_mode & 0o077 == 0, "the database must be readable by the user only"


def test_check_refuses_a_file_that_is_not_a_database_and_leaves_it_alone(tmp_path: Path) -> None:
    passwd = tmp_path / "passwd"
    original = Path("/etc/passwd").read_bytes()
    passwd.write_bytes(original)
    result = run_trede("check", "--db", str(passwd))
    assert result.returncode == 1
    assert "geen Trede-database" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert passwd.read_bytes() == original
    assert not Path(str(passwd) + "-wal").exists()


def test_check_on_etc_passwd_itself_changes_nothing() -> None:
    before = Path("/etc/passwd").stat()
    result = run_trede("check", "--db", "/etc/passwd")
    assert result.returncode == 1
    assert result.stderr.strip()
    after = Path("/etc/passwd").stat()
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size)


def test_check_takes_the_database_from_the_environment(tmp_path: Path) -> None:
    target = tmp_path / "env.db"
    result = run_trede("check", env={"TREDE_DB": str(target)})
    assert result.returncode == 0
    assert target.exists()


@pytest.mark.parametrize("command", [["check"], ["demo", "--clients", "5"]])
def test_the_database_named_before_the_command_is_the_one_used(
    tmp_path: Path, command: list[str]
) -> None:
    """``trede --db gemeente.db check`` is how the help writes it: the command must not fall
    back to the database of TREDE_DB or the user's data folder (a demo filled that one)."""
    named = tmp_path / "gemeente.db"
    elsewhere = tmp_path / "elders.db"
    result = run_trede("--db", str(named), *command, env={"TREDE_DB": str(elsewhere)})
    assert result.returncode == 0, result.stderr
    assert named.exists()
    assert not elsewhere.exists()


@pytest.mark.parametrize(
    "arguments",
    [["--bogus"], ["check", "--bogus"], ["--lang", "fr"], ["nosuchcommand"]],
)
def test_usage_errors_exit_2_with_a_dutch_sentence(arguments: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        app_main.main(arguments)
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert "gebruik: trede" in error
    assert "fout:" in error


def test_a_folder_as_database_is_bad_input(tmp_path: Path, capsys) -> None:
    assert app_main.main(["check", "--db", str(tmp_path)]) == 1
    assert "is een map" in capsys.readouterr().err


def test_an_unwritable_place_is_bad_input(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert app_main.main(["check", "--db", str(blocker / "sub" / "x.db")]) == 1
    error = capsys.readouterr().err
    assert "kan niet worden" in error
    assert "x.db" in error
    assert "Traceback" not in error
