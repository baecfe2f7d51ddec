"""The passphrase in the operating system's keyring, only when the user chooses that (no Qt).

One entry per database file: the service is ``Trede`` and the user name is the file's absolute
path. Every call is guarded: a locked keyring, a missing D-Bus or a broken backend never stops
Trede. ``stored``, ``store`` and ``forget`` raise ``KeyringProblem`` with one sentence, and the
caller falls back to asking the passphrase. ``keyring`` is imported only here and only when used,
so a start without the keyring option does not pay for it.
"""

from __future__ import annotations

from pathlib import Path

from resources.errors import UserError
from resources.i18n import _

SERVICE = "Trede"


class KeyringProblem(UserError):
    """The system keyring cannot be used now; the message says so in one sentence."""


def account(path: Path) -> str:
    """The entry's user name: the database's absolute path, so each file has its own entry."""
    return str(path.expanduser().resolve())


def usable() -> bool:
    """Whether a real keyring backend is there (not keyring's fail or null backend)."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring | null.Keyring):
            return False
        return float(backend.priority) > 0
    # A backend may fail in any way (D-Bus, a locked store, a broken plug-in): then there is none.
    except Exception:
        return False


def _unreachable(error: BaseException) -> KeyringProblem:
    detail = str(error).strip() or type(error).__name__
    return KeyringProblem(
        _("De sleutelhanger van het systeem is niet bereikbaar (%(reason)s).") % {"reason": detail}
    )


def stored(path: Path) -> str | None:
    """The passphrase kept for ``path``, or None when there is no entry."""
    try:
        import keyring

        found = keyring.get_password(SERVICE, account(path))
    except Exception as error:  # any backend failure means: ask instead
        raise _unreachable(error) from error
    return found if found else None


def store(path: Path, passphrase: str) -> None:
    """Keep (or replace) the passphrase of ``path`` in the keyring."""
    try:
        import keyring

        keyring.set_password(SERVICE, account(path), passphrase)
    except Exception as error:
        raise _unreachable(error) from error


def forget(path: Path) -> None:
    """Remove the passphrase of ``path`` from the keyring; no entry is fine."""
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, account(path))
        except PasswordDeleteError:
            return
    except Exception as error:
        raise _unreachable(error) from error
