"""The command line: one parser, a handler per command; every handler returns an exit code.

Command groups live in their own ``app/commands_*.py`` modules and register themselves here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import paths
from app import settings as settings_module
from resources import files, i18n
from resources.errors import UserError
from resources.i18n import _

#: Modules that add sub-commands; each has ``register(subparsers, common)``. They are imported
#: only when a command may be asked for, so opening the window does not load reportlab & co.
COMMAND_MODULES = (
    "app.commands_basic",
    "app.commands_backup",
    "app.commands_encrypt",
    "app.commands_quickscan",
    "app.commands_caseload",
    "app.commands_client",
    "app.commands_report",
    "app.commands_transfer",
    "app.commands_handover",
    "app.commands_privacy",
)
#: The options that only open the window; with nothing else on the line, no command is loaded.
WINDOW_OPTIONS = ("--db", "--lang")
WINDOW_FLAGS = ("--demo", "--close-after-start")


def opens_window_only(arguments: Sequence[str]) -> bool:
    """Whether the line holds nothing but the window's own options (no command, no --help)."""
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument in WINDOW_OPTIONS:
            skip = True
        elif argument in WINDOW_FLAGS or argument.startswith(
            tuple(f"{o}=" for o in WINDOW_OPTIONS)
        ):
            continue
        else:
            return False
    return True


#: The largest whole number SQLite stores: a larger id or count can name nothing.
LARGEST_INTEGER = 2**63 - 1
#: A name on the command line (a team, a klantmanager, a klantnummer) is never longer than this.
LONGEST_NAME = 200


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, else a usage error (exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("“%(text)s” is geen heel getal") % {"text": text}
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                _("kies een getal van %(low)s tot en met %(high)s") % {"low": low, "high": high}
            )
        return value

    return parse


def name_text(text: str) -> str:
    """An argparse type: a name of at most LONGEST_NAME characters, all of them real text."""
    if len(text) > LONGEST_NAME:
        raise argparse.ArgumentTypeError(_("te lang: hoogstens %(n)d tekens") % {"n": LONGEST_NAME})
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(_("bevat tekens die geen tekst zijn")) from None
    return text


def _argparse_words() -> dict[str, str]:
    """argparse's own English phrases, in the active language."""
    return {
        "usage:": _("gebruik:"),
        "options:": _("opties:"),
        "positional arguments:": _("argumenten:"),
        "unrecognized arguments": _("onbekende argumenten"),
        "the following arguments are required": _("deze argumenten ontbreken"),
        "invalid choice": _("ongeldige keuze"),
        "expected one argument": _("verwacht één waarde"),
        "invalid": _("ongeldige waarde"),
        "choose from": _("kies uit"),
        "argument": _("argument"),
    }


def _translate(text: str) -> str:
    for english, translated in _argparse_words().items():
        text = text.replace(english, translated)
    return text


class _Parser(argparse.ArgumentParser):
    """argparse with Trede's translated help option, headings and error phrases."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=_("toon deze hulp en stop"),
        )

    def format_help(self) -> str:
        return _translate(super().format_help())

    def format_usage(self) -> str:
        return _translate(super().format_usage())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = _("%(prog)s: fout: %(message)s") % {
            "prog": self.prog,
            "message": _translate(message),
        }
        self.exit(2, text + "\n")


def language_from(arguments: Sequence[str]) -> str:
    """The language for this run: ``--lang``, else the settings file, else Dutch."""
    for index, argument in enumerate(arguments):
        value = None
        if argument == "--lang" and index + 1 < len(arguments):
            value = arguments[index + 1]
        elif argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        if value in i18n.LANGUAGES:
            return value
    try:
        return settings_module.load(paths.settings_file()).language
    except settings_module.SettingsError:
        return i18n.DEFAULT_LANGUAGE


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The command line with translated help; without commands it only opens the window."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar=_("PAD"),
        help=_("het databasebestand (anders TREDE_DB, anders de gegevensmap van de gebruiker)"),
    )
    common.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=argparse.SUPPRESS,
        help=_("taal: nl (standaard) of en"),
    )
    parser = _Parser(
        prog="trede",
        description=_(
            "Trede: quickscan diversiteit, caseload voor intensieve begeleiding en rapporten. "
            "Zonder opdracht opent het venster."
        ),
        parents=[common],
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=_("open het venster op een nieuwe caseload met verzonnen gegevens"),
    )
    parser.add_argument(
        "--close-after-start",
        action="store_true",
        help=_(
            "open het venster en sluit het zodra het getekend is "
            "(om na een installatie te zien dat Trede start)"
        ),
    )
    # Only the handler: a default for --db or --lang here would be set on the option itself,
    # which every command shares with this parser (``parents``), and a command's default would
    # then replace the --db typed before the command's name.
    parser.set_defaults(handler=open_window)
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(
        title=_("opdrachten"), metavar=_("OPDRACHT"), parser_class=_Parser
    )
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def open_window(options: argparse.Namespace) -> int:
    """Open the desktop window (``commands_basic`` and its database module load only now, after
    the window's frame has been painted)."""
    from app import commands_basic

    return commands_basic.open_window(options)


#: The options that name a file or folder a command writes.
OUTPUT_OPTIONS = ("out", "rejected")
#: The options that name a file a command reads.
INPUT_OPTIONS = ("file", "bundles", "answers", "questionnaire")


def _inputs(options: argparse.Namespace) -> list[Path]:
    found: list[Path] = []
    for name in INPUT_OPTIONS:
        value = getattr(options, name, None)
        if isinstance(value, list):
            found.extend(Path(item) for item in value)
        elif value:
            found.append(Path(value))
    return found


def refuse_writing_over_the_database(options: argparse.Namespace) -> None:
    """A command never writes its output over what it reads (the database, the file it
    imports, a bundle) or over another Trede database, and says before it starts when the
    output cannot be written at all: an import must not be saved and then fail on its list of
    rejected lines."""
    targets = [getattr(options, name, None) for name in OUTPUT_OPTIONS]
    chosen = [Path(target) for target in targets if target]
    if not chosen:
        return
    from app import commands_basic

    database = commands_basic.database_path(options)
    for target in chosen:
        if files.is_database_file(target, database):
            raise UserError(
                _(
                    "%(file)s is de database zelf. Kies een ander bestand om naar te schrijven. "
                    "Er is niets veranderd."
                )
                % {"file": target}
            )
        if any(files.same_file(target, source) for source in _inputs(options)):
            raise UserError(
                _(
                    "%(file)s is ook het bestand dat wordt gelezen. Kies een ander bestand om "
                    "naar te schrijven. Er is niets veranderd."
                )
                % {"file": target}
            )
        kind = files.database_kind(target)
        backup = getattr(options, "writes_backup", False)
        if kind == "live" or (kind == "backup" and not backup):
            raise UserError(
                _(
                    "%(file)s is een database van Trede. Kies een ander bestand om naar te "
                    "schrijven. Er is niets veranderd."
                )
                % {"file": target}
            )
        if kind == "encrypted" and not backup:  # a backup of an encrypted database is one too
            raise UserError(
                _(
                    "%(file)s lijkt een versleutelde database te zijn. Kies een ander bestand om "
                    "naar te schrijven. Er is niets veranderd."
                )
                % {"file": target}
            )
        if getattr(options, "makes_folders", False):
            continue
        if target.is_dir():
            raise UserError(
                _("%(file)s is een map. Geef de naam van een bestand. Er is niets veranderd.")
                % {"file": target}
            )
        if not target.parent.is_dir():
            raise UserError(
                _("De map %(folder)s bestaat niet. Kies een map die er is. Er is niets veranderd.")
                % {"folder": target.parent}
            )


def run(options: argparse.Namespace) -> int:
    """Run the handler that the parser chose; a command that opens the database holds it in use
    (app/lock.py), so a restore or encrypting waits until it is done, and the other way round."""
    refuse_writing_over_the_database(options)
    # A restore and encrypting take the database exclusively themselves, around the
    # replacement only; the window holds its own lock.
    if (
        options.handler is open_window
        or not getattr(options, "uses_database", True)
        or getattr(options, "replaces_database", False)
    ):
        return int(options.handler(options))
    from app import commands_basic, lock

    with lock.UseLock(commands_basic.database_path(options)):
        return int(options.handler(options))
