"""The window's start: a new database is encrypted with a chosen passphrase, an old one asks it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app import database, gui

GOOD = "paars-Konijn-fietst-42"


def answers(*typed: str | None) -> gui.AskExisting:
    """A stand-in for the passphrase dialog: tries each typed passphrase, None = Annuleren."""

    def ask(path: Path, check: Callable[[str], str | None], note: str = "") -> bool:
        for passphrase in typed:
            if passphrase is None:
                return False
            if check(passphrase) is None:
                return True
        return False

    return ask


def test_first_start_creates_an_encrypted_database(tmp_path: Path) -> None:
    path = tmp_path / "trede.db"
    context = gui.build_context(path, demo_mode=False, ask_new=lambda _offer: (GOOD, False))
    try:
        assert context.passphrase == GOOD and context.encrypted
    finally:
        context.close()
    assert database.is_encrypted(path)


def test_cancelling_the_first_passphrase_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "trede.db"
    with pytest.raises(gui.StartCancelled):
        gui.build_context(path, demo_mode=False, ask_new=lambda _offer: None)
    assert not path.exists()


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "trede.db"
    database.close(database.open_database(path, GOOD))
    return path


def test_later_start_asks_until_the_passphrase_is_right(encrypted: Path) -> None:
    before = encrypted.read_bytes()
    context = gui.build_context(
        encrypted, demo_mode=False, ask_existing=answers("fout", "ook-fout", GOOD)
    )
    try:
        assert context.passphrase == GOOD
    finally:
        context.close()
    assert database.is_encrypted(encrypted)
    assert len(encrypted.read_bytes()) >= len(before)


def test_wrong_passphrase_gets_a_clear_message_and_changes_nothing(encrypted: Path) -> None:
    messages: list[str | None] = []

    def ask(path: Path, check: Callable[[str], str | None], note: str) -> bool:
        messages.append(check("fout"))
        return False

    before = encrypted.read_bytes()
    with pytest.raises(gui.StartCancelled):
        gui.build_context(encrypted, demo_mode=False, ask_existing=ask)
    assert messages[0] is not None and "wachtwoord klopt niet" in messages[0]
    assert encrypted.read_bytes() == before


def test_a_plain_database_and_the_demo_ask_nothing(tmp_path: Path) -> None:
    def never(*_arguments: object) -> None:
        raise AssertionError("no passphrase asked")

    plain = tmp_path / "plain.db"
    database.close(database.open_database(plain))
    context = gui.build_context(plain, demo_mode=False, ask_new=never, ask_existing=answers())
    try:
        assert not context.encrypted
    finally:
        context.close()
    demo = gui.build_context(tmp_path / "x.db", demo_mode=True, ask_new=never)
    try:
        assert not demo.encrypted
    finally:
        demo.close()
