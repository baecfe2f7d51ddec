"""The ``trede`` command: the desktop window and the batch commands in one program."""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from app import cli
from resources import errors, i18n
from resources.errors import UserError


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``trede``: 0 on success, 2 for a usage error, 1 for bad input (one sentence)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(cli.language_from(arguments))
    window_only = cli.opens_window_only(arguments)
    parser = cli.build_parser(with_commands=not window_only)
    options = parser.parse_args(arguments)  # exits 2 on a usage error
    try:
        if window_only:
            # The frame first, before the data layer and the pages are even imported. The
            # garbage collector waits until the window's code is loaded (load_window_code):
            # what is made until then lives as long as Trede does.
            gc.disable()
            try:
                show_frame(getattr(options, "db", None), options.demo)
                load_window_code()
            finally:
                gc.enable()
        return cli.run(options)
    except UserError as error:
        print(error.message, file=sys.stderr)
        return 1
    except OSError as error:
        if error.filename:
            sentence = i18n._("Het bestand %(path)s kan niet worden gebruikt: %(reason)s.") % {
                "path": error.filename,
                "reason": errors.file_reason(error),
            }
        else:
            sentence = i18n._("Een bestand kan niet worden gebruikt: %(reason)s") % {
                "reason": errors.file_reason(error)
            }
        print(sentence, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last net, see below
        from app import database  # loaded by every command that opens one; not for the window

        if isinstance(error, errors.DATABASE_ERRORS):
            # sqlite3 and sqlcipher3 each have their own classes; one sentence for both.
            print(database.problem(error).message, file=sys.stderr)
            return 1
        # A last net, never the plan: every command checks its input and says what is wrong.
        # Should one slip through, the user still gets one sentence, not a traceback; the
        # command-line property test fails on this sentence as it would on a traceback.
        print(i18n._(UNEXPECTED) % {"kind": type(error).__name__}, file=sys.stderr)
        return 1


#: The sentence of the last net in ``main``; tests look for it.
UNEXPECTED = i18n.N_(
    "Trede kon deze opdracht niet uitvoeren door een onverwachte fout (%(kind)s). Er is niets "
    "opgeslagen dat half is; meld dit bij uw beheerder."
)


def show_frame(database: Path | None, demo: bool) -> None:
    """Paint the window's frame (ui/shell/frame.py) at the size and place the window will have."""
    from app import paths
    from ui.shell import frame

    resolved = paths.resolve(database)
    frame.show_frame(paths.APP_NAME, resolved.window_state, None if demo else resolved.database)


def load_window_code() -> None:
    """Import Qt and the window's modules with the garbage collector paused, then freeze them.

    Loading PySide6 and the window code makes some 60,000 objects (modules, classes, functions)
    that live until Trede quits. Python's cyclic collector would walk them again and again
    while they load, and once more when the program ends: about 0.1 s of every start and quit.
    Frozen (``gc.freeze``) they are left out of every later collection; whatever the window
    makes afterwards is collected as usual.
    """
    gc.disable()
    try:
        importlib.import_module("app.gui")
    finally:
        gc.freeze()
        gc.enable()


def main_window_only() -> int:
    """Entry point of the window-only launcher (no console window on Windows)."""
    return main()
