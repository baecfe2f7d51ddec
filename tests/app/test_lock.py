"""One window per database: a second one is refused with a clear message, never a broken file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import backup, database, gui, lock
from app import main as app_main

from .test_backup import client_count

# Runs in a child process: open the database as the window does, say so, wait to be stopped.
WINDOW = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app import gui
    context = gui.build_context(Path(sys.argv[1]), demo_mode=False)
    print("open", flush=True)
    sys.stdin.readline()
    """
)

# Runs in a child process: hold a write transaction on the file for a number of seconds.
WRITER = textwrap.dedent(
    """
    import sqlite3, sys, time
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("begin immediate")
    print("writing", flush=True)
    time.sleep(float(sys.argv[2]))
    connection.execute("rollback")
    """
)


def start(script: str, *arguments: str) -> subprocess.Popen[str]:
    """Start a child Python and wait until it says it is ready."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *arguments],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() in {"open", "writing"}
    return child


def stop(child: subprocess.Popen[str]) -> None:
    """Kill a child (if it still runs) and close its pipes."""
    if child.poll() is None:
        child.kill()
    child.wait()
    for stream in (child.stdin, child.stdout):
        if stream is not None:
            stream.close()


@pytest.fixture
def other_window(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another Trede process with the window's hold on ``trede.db``."""
    child = start(WINDOW, str(tmp_path / "trede.db"))
    yield child
    stop(child)


@pytest.mark.slow
def test_a_second_window_on_the_same_database_is_refused(other_window, tmp_path: Path) -> None:
    with pytest.raises(lock.DatabaseInUse) as refused:
        gui.build_context(tmp_path / "trede.db", demo_mode=False)
    assert "Trede is al geopend op deze database" in refused.value.message
    assert str(tmp_path / "trede.db") in refused.value.message


@pytest.mark.slow
def test_the_lock_goes_with_a_killed_process(other_window, tmp_path: Path) -> None:
    os.kill(other_window.pid, signal.SIGKILL)
    other_window.wait()
    context = gui.build_context(tmp_path / "trede.db", demo_mode=False)
    try:
        assert database.check(context.db).ok
    finally:
        context.close()
    again = gui.build_context(tmp_path / "trede.db", demo_mode=False)
    again.close()


@pytest.mark.slow
def test_restore_is_refused_while_a_window_is_open(other_window, tmp_path: Path, capsys) -> None:
    db = database.open_database(tmp_path / "other.db")
    copy = backup.write(db, tmp_path / "copy.db")
    database.close(db)
    assert app_main.main(["restore", "--db", str(tmp_path / "trede.db"), str(copy)]) == 1
    error = capsys.readouterr().err
    assert "Trede is al geopend op deze database" in error
    assert not list(tmp_path.glob("trede.db.before-restore-*"))


@pytest.mark.slow
def test_batch_commands_still_read_and_write_next_to_the_window(
    other_window, tmp_path: Path, capsys
) -> None:
    target = str(tmp_path / "trede.db")
    assert app_main.main(["demo", "--db", target, "--clients", "5"]) == 0
    assert app_main.main(["check", "--db", target]) == 0


@pytest.mark.slow
def test_a_write_that_waits_too_long_says_so_in_one_sentence(tmp_path: Path, capsys) -> None:
    target = tmp_path / "trede.db"
    database.close(database.open_database(target))
    seconds = database.BUSY_TIMEOUT_MS / 1000 + 3
    writer = start(WRITER, str(target), str(seconds))
    try:
        assert app_main.main(["demo", "--db", str(target), "--clients", "5"]) == 1
    finally:
        stop(writer)
    error = capsys.readouterr().err
    assert "bezet door een ander venster of programma" in error
    assert len(error.strip().splitlines()) == 1
    assert app_main.main(["check", "--db", str(target)]) == 0


# Runs in a child process: the real import command, reading its CSV from the named pipe it is
# given, so the test decides when the import can go on.
IMPORT = textwrap.dedent(
    """
    import sys
    from app import main
    sys.exit(main.main(["import", "clients", "--db", sys.argv[1], sys.argv[2]]))
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a named pipe holds the import open")
def test_a_restore_is_refused_while_an_import_is_running_and_the_import_is_kept(
    tmp_path: Path, capsys
) -> None:
    target = tmp_path / "trede.db"
    db = database.open_database(target)
    copy = backup.write(db, tmp_path / "copy.db")
    database.close(db)
    pipe = tmp_path / "clients.csv"
    os.mkfifo(pipe)
    child = subprocess.Popen(
        [sys.executable, "-c", IMPORT, str(target), str(pipe)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    try:
        with pipe.open("w", encoding="utf-8") as feed:  # opens once the import reads the file
            assert app_main.main(["restore", "--db", str(target), str(copy)]) == 1
            refused = capsys.readouterr().err
            feed.write("klantnummer;voornaam;achternaam\nKL1;Anna;Bakker\nKL2;Bram;Visser\n")
        out, err = child.communicate(timeout=120)
    finally:
        stop(child)
    assert "Een andere opdracht van Trede werkt nu met" in refused
    assert "Er is niets veranderd" in refused
    assert child.returncode == 0, err
    assert client_count(target) == 2, "the import that was running is saved, not restored over"
    assert not list(tmp_path.glob("trede.db.before-restore-*"))
    assert app_main.main(["restore", "--db", str(target), str(copy)]) == 0, "and then it may"
    assert client_count(target) == 0


def test_a_command_is_refused_while_a_restore_holds_the_database(tmp_path: Path, capsys) -> None:
    target = tmp_path / "trede.db"
    database.close(database.open_database(target))
    source = tmp_path / "clients.csv"
    source.write_text("klantnummer;voornaam;achternaam\nKL1;Anna;Bakker\n", encoding="utf-8")
    with lock.UseLock(target, exclusive=True):  # as a restore holds it
        assert app_main.main(["import", "clients", "--db", str(target), str(source)]) == 1
    error = capsys.readouterr().err
    assert "Trede zet nu een back-up terug" in error
    assert len(error.strip().splitlines()) == 1
    assert client_count(target) == 0
    assert app_main.main(["import", "clients", "--db", str(target), str(source)]) == 0
    assert client_count(target) == 1
