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


def is_database_file(target: Path, database: Path) -> bool:
    """Whether writing ``target`` would overwrite the database or one of SQLite's files of it."""
    return any(
        same_file(target, database.with_name(database.name + companion))
        for companion in DATABASE_COMPANIONS
    )
