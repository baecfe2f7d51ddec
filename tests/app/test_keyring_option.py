"""The passphrase in the system keyring, when the user chooses it; never a reason not to start."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from app import context, database, gui, keys, paths, settings
from resources import audit
from tests.app.memory_keyring import LockedKeyring, MemoryKeyring

GOOD = "paars-Konijn-fietst-42"
NEW = "Nieuw-wachtwoord-2026"


class Asked:
    """A stand-in for the passphrase dialog that types the given passphrases in turn."""

    def __init__(self, *typed: str) -> None:
        self.typed = list(typed)
        self.notes: list[str] = []

    def __call__(self, path: Path, check: Callable[[str], str | None], note: str) -> bool:
        self.notes.append(note)
        return any(check(passphrase) is None for passphrase in self.typed)


def never_asked(*_arguments: object) -> bool:
    raise AssertionError("the passphrase was asked")


def _settings_file() -> Path:
    return paths.resolve(None).settings


def _remembering(on: bool = True) -> None:
    settings.save(_settings_file(), settings.Settings(user_name="Zoë", remember_passphrase=on))


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    path = tmp_path / "trede.db"
    database.close(database.open_database(path, GOOD))
    return path


def _entry(backend: MemoryKeyring, path: Path) -> str | None:
    return backend.entries.get((keys.SERVICE, str(path.resolve())))


@pytest.mark.parametrize(
    ("backend", "usable"),
    [
        (fail.Keyring(), False),
        (null.Keyring(), False),
        (MemoryKeyring(), True),
    ],
)
def test_only_a_real_backend_counts_as_a_keyring(backend, usable: bool) -> None:
    keyring.set_keyring(backend)
    assert keys.usable() is usable


def test_a_backend_without_priority_counts_as_none() -> None:
    class Unsure(MemoryKeyring):
        priority = 0  # type: ignore[assignment]

    keyring.set_keyring(Unsure())
    assert not keys.usable()


def test_first_start_keeps_the_chosen_passphrase_in_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    offered: list[bool] = []

    def choose(offer: bool) -> tuple[str, bool]:
        offered.append(offer)
        return GOOD, True

    path = tmp_path / "nieuw.db"
    ctx = gui.build_context(path, demo_mode=False, ask_new=choose)
    try:
        assert offered == [True]
        assert _entry(memory_keyring, path) == GOOD, "under the service and the absolute path"
        assert ctx.settings.remember_passphrase and ctx.start_notice is None
        assert audit.entries(ctx.db, 1)[0].action == "keyring.store"
    finally:
        ctx.close()
    assert settings.load(_settings_file()).remember_passphrase


def test_without_a_keyring_the_first_start_does_not_offer_it(tmp_path: Path) -> None:
    offered: list[bool] = []

    def choose(offer: bool) -> tuple[str, bool]:
        offered.append(offer)
        return GOOD, False

    ctx = gui.build_context(tmp_path / "nieuw.db", demo_mode=False, ask_new=choose)
    ctx.close()
    assert offered == [False]
    assert not settings.load(_settings_file()).remember_passphrase


def test_a_later_start_opens_with_the_kept_passphrase_without_asking(
    encrypted: Path, memory_keyring: MemoryKeyring
) -> None:
    _remembering()
    keys.store(encrypted, GOOD)
    ctx = gui.build_context(encrypted, demo_mode=False, ask_existing=never_asked)
    try:
        assert ctx.passphrase == GOOD and ctx.start_notice is None
    finally:
        ctx.close()


def test_without_the_setting_the_keyring_is_not_used(
    encrypted: Path, memory_keyring: MemoryKeyring
) -> None:
    keys.store(encrypted, GOOD)
    asked = Asked(GOOD)
    ctx = gui.build_context(encrypted, demo_mode=False, ask_existing=asked)
    ctx.close()
    assert asked.notes == [""]


def test_a_changed_passphrase_in_the_keyring_falls_back_to_asking_and_says_why(
    encrypted: Path, memory_keyring: MemoryKeyring
) -> None:
    _remembering()
    keys.store(encrypted, "het-oude-wachtwoord")
    asked = Asked(GOOD)
    ctx = gui.build_context(encrypted, demo_mode=False, ask_existing=asked)
    try:
        assert ctx.passphrase == GOOD
        assert "opent deze database niet meer" in asked.notes[0]
        assert _entry(memory_keyring, encrypted) == GOOD, "the right one is kept now"
    finally:
        ctx.close()


def test_no_entry_yet_asks_and_then_keeps_it(
    encrypted: Path, memory_keyring: MemoryKeyring
) -> None:
    _remembering()
    asked = Asked(GOOD)
    gui.build_context(encrypted, demo_mode=False, ask_existing=asked).close()
    assert "nog geen wachtwoord" in asked.notes[0]
    assert _entry(memory_keyring, encrypted) == GOOD


def test_a_locked_keyring_never_stops_the_start(encrypted: Path) -> None:
    keyring.set_keyring(LockedKeyring())
    _remembering()
    asked = Asked("fout", GOOD)
    ctx = gui.build_context(encrypted, demo_mode=False, ask_existing=asked)
    try:
        assert ctx.passphrase == GOOD
        assert "sleutelhanger van het systeem is niet bereikbaar" in asked.notes[0]
        assert "locked" in asked.notes[0]
    finally:
        ctx.close()


def test_a_keyring_that_fails_at_first_start_is_told_once_the_window_is_up(
    tmp_path: Path,
) -> None:
    keyring.set_keyring(LockedKeyring())
    ctx = gui.build_context(tmp_path / "nieuw.db", demo_mode=False, ask_new=lambda _o: (GOOD, True))
    try:
        assert ctx.encrypted
        assert ctx.start_notice is not None and "niet bereikbaar" in ctx.start_notice
        assert not ctx.settings.remember_passphrase
    finally:
        ctx.close()


def test_the_environment_wins_over_the_keyring(
    encrypted: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    _remembering()
    keys.store(encrypted, "het-oude-wachtwoord")
    monkeypatch.setenv("TREDE_PASSPHRASE", GOOD)
    ctx = gui.build_context(encrypted, demo_mode=False, ask_existing=never_asked)
    try:
        assert ctx.passphrase == GOOD
    finally:
        ctx.close()
    assert _entry(memory_keyring, encrypted) == "het-oude-wachtwoord"


@pytest.fixture
def encrypted_context(encrypted: Path, tmp_path: Path) -> context.AppContext:
    own = paths.Paths(encrypted, tmp_path / "settings.json", tmp_path / "window.ini")
    return context.AppContext(
        db=database.open_database(encrypted, GOOD),
        paths=own,
        settings=settings.Settings(municipality="Leiden", user_name="Zoë"),
        passphrase=GOOD,
    )


def test_switching_the_setting_stores_and_removes_the_passphrase(
    encrypted_context: context.AppContext, memory_keyring: MemoryKeyring
) -> None:
    path = encrypted_context.paths.database
    assert encrypted_context.keyring_usable()
    encrypted_context.update_settings(remember_passphrase=True)
    assert _entry(memory_keyring, path) == GOOD
    assert settings.load(encrypted_context.paths.settings).remember_passphrase
    encrypted_context.update_settings(remember_passphrase=False)
    assert _entry(memory_keyring, path) is None
    assert [entry.action for entry in audit.entries(encrypted_context.db, 2)] == [
        "keyring.forget",
        "keyring.store",
    ]
    encrypted_context.close()


def test_a_locked_keyring_refuses_the_setting_with_one_sentence(
    encrypted_context: context.AppContext,
) -> None:
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(keys.KeyringProblem, match="niet bereikbaar"):
        encrypted_context.update_settings(remember_passphrase=True, lock_minutes=7)
    assert not encrypted_context.settings.remember_passphrase
    assert encrypted_context.settings.lock_minutes == 5, "nothing was saved"
    encrypted_context.close()


def test_changing_the_passphrase_changes_the_kept_one(
    encrypted_context: context.AppContext, memory_keyring: MemoryKeyring
) -> None:
    encrypted_context.update_settings(remember_passphrase=True)
    assert encrypted_context.change_passphrase(GOOD, NEW) is None
    assert _entry(memory_keyring, encrypted_context.paths.database) == NEW
    encrypted_context.close()


def test_a_keyring_that_fails_after_a_change_gets_a_remark(
    encrypted_context: context.AppContext, memory_keyring: MemoryKeyring
) -> None:
    encrypted_context.update_settings(remember_passphrase=True)
    keyring.set_keyring(LockedKeyring())
    note = encrypted_context.change_passphrase(GOOD, NEW)
    assert note is not None and "volgende start" in note
    assert encrypted_context.passphrase == NEW, "the change itself holds"
    encrypted_context.close()
