"""Fixtures of the app tests: the system keyring is never touched (see memory_keyring)."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from tests.app.memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def _no_system_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts with no usable keyring, also in subprocesses it starts."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    """A usable keyring in memory, in place of the system's."""
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend
