"""The base of every error that a user may see, and the one place that explains database errors."""

from __future__ import annotations

import shutil
from pathlib import Path

from resources.i18n import _


def __getattr__(name: str) -> tuple[type[Exception], ...]:
    """``DATABASE_ERRORS``: every database exception family the app can meet (sqlite3 and, with
    encryption, sqlcipher3); catch these, never one module's classes alone.

    Made on first use: loading sqlcipher3 takes some 8 ms that the window's frame, which needs
    this module for ``UserError``, should not wait for.
    """
    if name != "DATABASE_ERRORS":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import sqlite3

    from sqlcipher3 import dbapi2 as sqlcipher

    found: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
    globals()[name] = found
    return found


class UserError(Exception):
    """An error caused by input; its message is one translated sentence, fit to show as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _known_reasons() -> tuple[tuple[str, str], ...]:
    """SQLite's own words for common trouble, with what they mean for the user."""
    return (
        (
            "database or disk is full",
            _(
                "De schijf is vol. Maak ruimte vrij en probeer het opnieuw; "
                "wat al was opgeslagen, blijft bewaard."
            ),
        ),
        (
            "attempt to write a readonly database",
            _(
                "Het databasebestand mag alleen gelezen worden. Vraag uw beheerder om "
                "schrijfrechten; wat al was opgeslagen, blijft bewaard."
            ),
        ),
        (
            "database is locked",
            _(
                "De database is bezet door een ander venster of programma. "
                "Probeer het over een tijdje opnieuw."
            ),
        ),
        (
            "disk i/o error",
            _(
                "De schijf gaf een fout bij lezen of schrijven. Controleer de schijf of "
                "de USB-stick; wat al was opgeslagen, blijft bewaard."
            ),
        ),
    )


#: Less free space than this makes an I/O error a full disk (SQLite cannot always tell).
NEARLY_FULL_BYTES = 1024 * 1024


def _disk_is_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def explain_database_error(error: BaseException, folder: Path | None = None) -> str:
    """One sentence in the user's language for a known database error, else SQLite's words."""
    text = str(error).lower()
    if folder is not None and "i/o error" in text and _disk_is_full(folder):
        text = "database or disk is full"
    for words, sentence in _known_reasons():
        if words in text:
            return sentence
    return str(error)


def is_known(error: BaseException, folder: Path | None = None) -> bool:
    """Whether the error is one of the common troubles with a sentence of its own."""
    return explain_database_error(error, folder) != str(error)


def database_sentence(error: BaseException, folder: Path | None = None) -> str:
    """What to tell the user about any database error: a known reason alone, else with context."""
    sentence = explain_database_error(error, folder)
    if sentence != str(error):
        return sentence
    return _("De database kan niet worden gebruikt: %(reason)s") % {"reason": error}


def file_reason(error: OSError) -> str:
    """Why a file could not be read or written, in the user's language (the system's own text,
    ``strerror``, is English whatever the language of Trede)."""
    import errno

    reasons = {
        errno.ENOENT: _("het bestand of de map bestaat niet"),
        errno.EACCES: _(
            "Trede mag er niet bij (is het bestand geopend in een ander programma, zoals Excel?)"
        ),
        errno.EPERM: _("Trede mag er niet bij"),
        errno.ENOSPC: _("de schijf is vol"),
        getattr(errno, "EDQUOT", errno.ENOSPC): _("de schijf is vol"),
        errno.EROFS: _("op deze schijf kan niet worden geschreven"),
        errno.EISDIR: _("dat is een map, geen bestand"),
        errno.ENOTDIR: _("een deel van het pad is geen map"),
        errno.EEXIST: _("het bestand bestaat al"),
        errno.ENAMETOOLONG: _("de naam is te lang"),
        errno.EBUSY: _("het bestand is in gebruik"),
        errno.EIO: _("de schijf kan niet worden gelezen of beschreven"),
    }
    if error.errno in reasons:
        return reasons[error.errno]
    return str(error.strerror or error)
