"""The command line: one parser, a handler per command; every handler returns an exit code.

Command groups live in their own ``app/commands_*.py`` modules and register themselves here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import (
    commands_backup,
    commands_basic,
    commands_caseload,
    commands_quickscan,
    commands_report,
    commands_transfer,
    paths,
)
from app import settings as settings_module
from resources import i18n
from resources.i18n import _

#: Modules that add sub-commands; each has ``register(subparsers, common)``.
COMMAND_MODULES = (
    commands_basic,
    commands_backup,
    commands_quickscan,
    commands_caseload,
    commands_report,
    commands_transfer,
)


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
        return settings_module.load(paths.resolve(None).settings).language
    except settings_module.SettingsError:
        return i18n.DEFAULT_LANGUAGE


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, with translated help."""
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
    parser.set_defaults(handler=commands_basic.open_window, db=None, lang=None)
    subparsers = parser.add_subparsers(
        title=_("opdrachten"), metavar=_("OPDRACHT"), parser_class=_Parser
    )
    for module in COMMAND_MODULES:
        module.register(subparsers, common)
    return parser


def run(options: argparse.Namespace) -> int:
    """Run the handler that the parser chose."""
    return int(options.handler(options))
