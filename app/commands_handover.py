"""Handing client files to a colleague: ``trede transfer export`` and ``trede transfer import``.

The passphrase of the transfer file comes from TREDE_TRANSFER_PASSPHRASE or is asked on the
terminal (twice when a file is made). Exit 0 when done; 1 with one sentence on stderr when a
klantnummer is unknown, the passphrase is wrong or the file is damaged (nothing changed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app import cli, commands_basic, database, handover, paths
from app import settings as settings_module
from caseload import clients, transfer_file
from resources.errors import UserError
from resources.i18n import _, ngettext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``transfer export`` and ``transfer import``."""
    transfer = subparsers.add_parser(
        "transfer",
        help=_("geef klantdossiers versleuteld door aan een collega"),
        description=_(
            "Geef klantdossiers door aan een collega op een andere laptop, in een versleuteld "
            "overdrachtsbestand. Geef het wachtwoord apart door (niet in dezelfde mail)."
        ),
    )
    kinds = transfer.add_subparsers(title=_("soorten"), metavar=_("SOORT"), required=True)
    exporting = kinds.add_parser(
        "export",
        parents=[common],
        help=_("maak een overdrachtsbestand"),
        description=_(
            "Schrijf de dossiers van deze klanten, met alles wat erbij hoort, naar een versleuteld "
            "overdrachtsbestand. De klanten krijgen hier daarna de markering “overgedragen”; "
            "wis ze als de collega het bestand heeft ingelezen."
        ),
    )
    exporting.add_argument(
        "--clients",
        required=True,
        type=cli.name_text,
        metavar=_("KLANTNUMMER[,KLANTNUMMER…]"),
        help=_("de klantnummers, gescheiden door komma's"),
    )
    exporting.add_argument(
        "--out", type=Path, required=True, metavar=_("BESTAND.trede"), help=_("het nieuwe bestand")
    )
    exporting.add_argument(
        "--to",
        type=cli.name_text,
        default=None,
        metavar=_("NAAM"),
        help=_("de collega die de dossiers krijgt (komt bij de markering)"),
    )
    exporting.set_defaults(handler=export_transfer)
    importing = kinds.add_parser(
        "import",
        parents=[common],
        help=_("lees een overdrachtsbestand in"),
        description=_(
            "Lees de klantdossiers uit een overdrachtsbestand in. Staat een klantnummer al in "
            "Trede, dan wordt niets ingelezen."
        ),
    )
    importing.add_argument(
        "file", type=Path, metavar=_("BESTAND.trede"), help=_("het overdrachtsbestand")
    )
    importing.set_defaults(handler=import_transfer)


def _actor(options: argparse.Namespace) -> str:
    try:
        settings = settings_module.load(paths.resolve(getattr(options, "db", None)).settings)
    except settings_module.SettingsError:
        settings = settings_module.Settings()
    return commands_basic.actor(settings)


def _references(text: str) -> list[str]:
    references = [part.strip() for part in text.split(",") if part.strip()]
    if not references:
        raise UserError(_("Geef minstens één klantnummer. Er is niets veranderd."))
    return list(dict.fromkeys(references))


def export_transfer(options: argparse.Namespace) -> int:
    """Write the transfer file of the named clients and mark them handed over."""
    references = _references(options.clients)
    path = commands_basic.database_path(options)
    if not path.is_file():
        raise UserError(_("Er is geen database %(path)s.") % {"path": path})
    db = database.open_database(path)
    try:
        ids = []
        for reference in references:
            client = clients.find(db, reference)
            if client is None:
                raise UserError(
                    _("Er is geen klant met klantnummer %(reference)s. Er is niets veranderd.")
                    % {"reference": reference}
                )
            ids.append(client.id)
        passphrase = handover.ask_passphrase(twice=True)
        exported = handover.export_file(
            db, ids, options.out, passphrase, actor=_actor(options), to=options.to
        )
    finally:
        db.close()
    print(
        ngettext(
            "%(n)d klantdossier geschreven naar %(path)s en hier gemarkeerd als overgedragen.",
            "%(n)d klantdossiers geschreven naar %(path)s en hier gemarkeerd als overgedragen.",
            len(exported.references),
        )
        % {"n": len(exported.references), "path": exported.path}
    )
    return 0


def import_transfer(options: argparse.Namespace) -> int:
    """Check the transfer file first, then add its clients to the database."""
    passphrase = handover.ask_passphrase(twice=False)
    # The file is read and checked before the database is opened: a refused file creates or
    # changes nothing.
    package = handover.read_file(options.file, passphrase)
    db = database.open_database(commands_basic.database_path(options))
    try:
        imported = transfer_file.load(db, package, actor=_actor(options)).value
    finally:
        db.close()
    count = len(imported.client_ids)
    print(
        ngettext(
            "%(n)d klantdossier ingelezen: %(references)s.",
            "%(n)d klantdossiers ingelezen: %(references)s.",
            count,
        )
        % {"n": count, "references": ", ".join(imported.client_ids)}
    )
    return 0
