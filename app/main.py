"""The ``trede`` command: the desktop window and the batch commands in one program."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app import cli, database
from resources import i18n
from resources.errors import UserError


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``trede``: 0 on success, 2 for a usage error, 1 for bad input (one sentence)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(cli.language_from(arguments))
    parser = cli.build_parser(with_commands=not cli.opens_window_only(arguments))
    options = parser.parse_args(arguments)  # exits 2 on a usage error
    try:
        return cli.run(options)
    except UserError as error:
        print(error.message, file=sys.stderr)
        return 1
    except database.DATABASE_ERRORS as error:
        # sqlite3 and sqlcipher3 each have their own classes; one sentence for both.
        print(database.problem(error).message, file=sys.stderr)
        return 1
    except OSError as error:
        print(
            i18n._("Een bestand kan niet worden gebruikt: %(reason)s") % {"reason": error},
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130


def main_window_only() -> int:
    """Entry point of the window-only launcher (no console window on Windows)."""
    return main()
