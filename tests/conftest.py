"""Shared fixtures: an offscreen Qt platform, a fresh database and settings per test."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlite_utils import Database

# Before any Qt import: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: The network guard, also loaded as ``sitecustomize`` by every Python subprocess of a test.
NONET = Path(__file__).parent / "nonet"
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(NONET), *filter(None, [os.environ.get("PYTHONPATH")])]
)
_spec = importlib.util.spec_from_file_location("trede_nonet", NONET / "sitecustomize.py")
assert _spec is not None and _spec.loader is not None
nonet = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nonet)

from app import context, database, paths, settings  # noqa: E402
from resources import i18n  # noqa: E402
from tests.app.memory_keyring import MemoryKeyring  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """The whole run has no network: Trede must work on a laptop without one."""
    lift = nonet.install()
    yield
    lift()


@pytest.fixture(autouse=True)
def _isolated_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep every test away from the real user's data folder, settings and language."""
    monkeypatch.setenv("TREDE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TREDE_DB", str(tmp_path / "default.db"))
    monkeypatch.delenv("TREDE_PASSPHRASE", raising=False)
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")


@pytest.fixture(autouse=True)
def _no_system_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts with no usable keyring, also in subprocesses it starts."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    """A usable keyring in memory, in place of the system's (see tests/app/memory_keyring)."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database file, as the app opens it."""
    connection = database.open_database(tmp_path / "trede.db")
    yield connection
    connection.close()


@pytest.fixture
def app_paths(tmp_path: Path) -> paths.Paths:
    """The files of a test run."""
    return paths.Paths(tmp_path / "trede.db", tmp_path / "settings.json", tmp_path / "window.ini")


@pytest.fixture
def complete_settings() -> settings.Settings:
    """Settings as after the welcome page."""
    return settings.Settings(municipality="Leiden", user_name="Zoë de Vries", team="Team Noord")


@pytest.fixture
def app_context(
    db: Database, app_paths: paths.Paths, complete_settings: settings.Settings
) -> context.AppContext:
    """The context the window gets, on the test database, with the welcome questions answered."""
    settings.save(app_paths.settings, complete_settings)
    return context.AppContext(db=db, paths=app_paths, settings=complete_settings)
