"""Where the bundled files live inside the installed package, and writing files safely."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
LOCALE_DIR = RESOURCES_DIR / "locale"
FONTS_DIR = RESOURCES_DIR / "fonts"
ICONS_DIR = RESOURCES_DIR / "icons"
HELP_DIR = RESOURCES_DIR / "help"

#: The font shipped with Trede, so every glyph (ë, é, €, –) prints and shows the same everywhere.
FONT_REGULAR = FONTS_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONTS_DIR / "DejaVuSans-Bold.ttf"

#: The first bytes of every SQLite database that is not encrypted.
SQLITE_HEADER = b"SQLite format 3\x00"
#: Files beside a database that Trede has opened: its locks (app/lock.py, left in place) and
#: SQLite's log while it is open.
_BESIDE_A_DATABASE = (".lock", ".in-use", "-wal")
#: The first bytes of files without a pattern that are not databases: a workbook (or another
#: zip file) and a PDF.
_PACKED_FORMATS = (b"PK\x03\x04", b"%PDF")
#: An encrypted database is whole pages (of 512 bytes or a multiple) of bytes without a
#: pattern: in its first page nearly every one of the 256 byte values occurs, in a text or a
#: list far fewer.
_PAGE = 512
_UNPATTERNED = 192


@contextlib.contextmanager
def private_file(target: Path) -> Iterator[Path]:
    """A new file next to ``target`` that only the user can read; it replaces ``target`` when
    the block ends without an error and is removed otherwise, so no half file is ever left.

    Reports and exports hold personal data: each one is written this way. OSError goes to the
    caller, who says in one sentence why the file was not written.
    """
    handle, name = tempfile.mkstemp(prefix=".trede-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


#: The files SQLite keeps beside a database while it is open or after a crash.
DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name the same file (also through links, or before it exists)."""
    if one.exists() and other.exists():
        with contextlib.suppress(OSError):
            return os.path.samefile(one, other)  # also through links
    return one.expanduser().resolve(strict=False) == other.expanduser().resolve(strict=False)


def database_kind(path: Path) -> str | None:
    """Which kind of database ``path`` holds, so that no output is written over one: "live" for
    a database Trede has opened (SQLite in WAL mode, how Trede keeps its databases, or any file
    with Trede's locks beside it), "backup" for another plain SQLite file (Trede's backups are
    written without WAL), "encrypted" for a file that reads like an encrypted database, None for
    anything else (no file, a text, a workbook, a PDF)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(8 * _PAGE)
    except OSError:
        return None
    if start.startswith(SQLITE_HEADER) and len(start) >= 20:
        # Bytes 18 and 19: the write and read format versions, 2 in WAL mode.
        return "live" if 2 in (start[18], start[19]) else "backup"
    if any(path.with_name(path.name + beside).exists() for beside in _BESIDE_A_DATABASE):
        return "live"
    if (
        size >= _PAGE
        and size % _PAGE == 0
        and not start.startswith(_PACKED_FORMATS)
        and len(set(start)) >= _UNPATTERNED
    ):
        return "encrypted"
    return None


def is_database_file(target: Path, database: Path) -> bool:
    """Whether writing ``target`` would overwrite the database or one of SQLite's files of it."""
    return any(
        same_file(target, database.with_name(database.name + companion))
        for companion in DATABASE_COMPANIONS
    )
