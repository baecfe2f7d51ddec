"""Data in and out: ``trede import clients`` and ``trede export clients``.

Exit codes: 0 when the import ran (rows that were rejected are listed and left out), also for a
dry run that finds the same; 1 with one sentence on stderr when the file cannot be read, a
required column is missing, an all-or-nothing import meets a rejected row, or not one row of
the file could be used. A dry run exits as the real import would.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import cli, commands_basic, database, paths
from app import settings as settings_module
from caseload import caseload_query, csv_export, csv_import, csv_read, csv_rejected, people
from resources.i18n import _, ngettext


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    """Add ``import clients`` and ``export clients``."""
    importing = subparsers.add_parser(
        "import", help=_("lees gegevens in uit een bestand"), description=_("Lees gegevens in.")
    )
    import_kinds = importing.add_subparsers(title=_("soorten"), metavar=_("SOORT"), required=True)
    clients = import_kinds.add_parser(
        "clients",
        parents=[common],
        help=_("klanten uit een CSV-bestand"),
        description=_(
            "Lees klanten in uit een CSV-bestand (uit Excel of het klantsysteem). Trede herkent "
            "de kolommen, het scheidingsteken en de tekenset zelf. Elke regel wordt gecontroleerd; "
            "regels die niet kloppen worden genoemd en overgeslagen. Alles gebeurt in één keer: "
            "gaat het halverwege mis, dan verandert er niets."
        ),
    )
    clients.add_argument("file", type=Path, metavar=_("BESTAND.csv"), help=_("het CSV-bestand"))
    clients.add_argument(
        "--dry-run",
        action="store_true",
        help=_("alleen controleren en laten zien wat er zou gebeuren; er wordt niets opgeslagen"),
    )
    clients.add_argument(
        "--update-existing",
        action="store_true",
        help=_("werk klanten bij die al bestaan (anders worden ze overgeslagen)"),
    )
    clients.add_argument(
        "--all-or-nothing",
        action="store_true",
        help=_("lees niets in als één regel niet klopt"),
    )
    clients.add_argument(
        "--rejected",
        type=Path,
        default=None,
        metavar=_("BESTAND.csv"),
        help=_(
            "schrijf de afgewezen regels met hun reden naar dit CSV-bestand, om ze in het "
            "bronsysteem te verbeteren"
        ),
    )
    clients.set_defaults(handler=import_clients)

    exporting = subparsers.add_parser(
        "export",
        help=_("schrijf gegevens naar een bestand"),
        description=_("Schrijf gegevens weg."),
    )
    export_kinds = exporting.add_subparsers(title=_("soorten"), metavar=_("SOORT"), required=True)
    caseload = export_kinds.add_parser(
        "clients",
        parents=[common],
        help=_("de caseloadlijst naar een CSV-bestand"),
        description=_(
            "Schrijf de caseloadlijst naar een CSV-bestand dat Excel goed opent. "
            "Elke export komt in het logboek."
        ),
    )
    caseload.add_argument(
        "--out", type=Path, required=True, metavar=_("BESTAND.csv"), help=_("het nieuwe bestand")
    )
    caseload.add_argument(
        "--status",
        choices=("active", "closed"),
        default=None,
        help=_("alleen actieve (active) of afgesloten (closed) klanten"),
    )
    caseload.add_argument(
        "--team", type=cli.name_text, default=None, metavar=_("TEAM"), help=_("alleen dit team")
    )
    caseload.add_argument(
        "--klantmanager",
        type=cli.name_text,
        default=None,
        metavar=_("NAAM"),
        help=_("alleen de klanten van deze klantmanager"),
    )
    caseload.set_defaults(handler=export_clients)


def _settings(options: argparse.Namespace) -> settings_module.Settings:
    try:
        return settings_module.load(paths.resolve(getattr(options, "db", None)).settings)
    except settings_module.SettingsError:
        return settings_module.Settings()


def _print_rejected(rejected: tuple[csv_read.RejectedRow, ...]) -> None:
    for row in rejected:
        print(_("regel %(line)d: %(reason)s") % {"line": row.line_number, "reason": row.reason})


def _print_result(result: csv_import.ImportResult) -> None:
    print(
        ngettext(
            "Gelezen: %(rows)d regel (%(encoding)s, gescheiden door %(delimiter)s).",
            "Gelezen: %(rows)d regels (%(encoding)s, gescheiden door %(delimiter)s).",
            result.read,
        )
        % {
            "rows": result.read,
            "encoding": csv_read.encoding_name(result.encoding),
            "delimiter": csv_read.delimiter_name(result.delimiter),
        }
    )
    if result.ignored_bsn_column:
        print(
            _("De kolom “%(column)s” is niet ingelezen: BSN staat uit in de instellingen.")
            % {"column": result.ignored_bsn_column}
        )
    counts = [
        (_("Toegevoegd"), result.added),
        (_("Bijgewerkt"), result.updated),
        (_("Ongewijzigd"), result.unchanged),
        (_("Overgeslagen (bestaan al)"), result.skipped),
        (_("Afgewezen"), len(result.rejected)),
    ]
    print("  ".join(f"{label}: {count}" for label, count in counts))
    _print_rejected(result.rejected)
    for row in result.not_data:
        print(
            _("regel %(line)d overgeslagen: %(reason)s")
            % {"line": row.line_number, "reason": row.reason}
        )
    if result.dry_run:
        print(_("Dit was een proef: er is niets opgeslagen."))


def import_clients(options: argparse.Namespace) -> int:
    """Import the clients of a CSV file; print the counts and each rejected row."""
    settings = _settings(options)
    # The file first: a missing or unreadable file creates no database.
    try:
        table, _mapping = csv_import.inspect(options.file, bsn_enabled=settings.bsn_enabled)
    except csv_read.ImportRejected as refusal:
        print(refusal.message, file=sys.stderr)
        return 1
    db = database.open_database(commands_basic.database_path(options))
    try:
        result = csv_import.import_clients(
            db,
            table,
            on_existing="update" if options.update_existing else "skip",
            valid_only=not options.all_or_nothing,
            bsn_enabled=settings.bsn_enabled,
            actor=commands_basic.actor(settings),
            dry_run=options.dry_run,
        ).value
        if options.rejected is not None and result.rejected:
            try:
                saved = csv_rejected.write(
                    db,
                    options.rejected,
                    table,
                    result.rejected,
                    actor=commands_basic.actor(settings),
                )
            except csv_export.ExportFailed as failed:
                # The import itself is saved: say so first, then what could not be written.
                _print_result(result)
                print(failed.message, file=sys.stderr)
                print(
                    _(
                        "De import is opgeslagen; alleen de afgewezen regels staan niet in een bestand."
                    ),
                    file=sys.stderr,
                )
                return 1
            print(
                ngettext(
                    "%(n)d afgewezen regel opgeslagen in %(path)s.",
                    "%(n)d afgewezen regels opgeslagen in %(path)s.",
                    saved,
                )
                % {"n": saved, "path": options.rejected}
            )
    except csv_read.ImportRejected as refusal:
        _print_rejected(refusal.rejected)
        if options.rejected is not None and refusal.rejected:
            csv_rejected.write(
                db, options.rejected, table, refusal.rejected, actor=commands_basic.actor(settings)
            )
        print(refusal.message, file=sys.stderr)
        return 1
    finally:
        db.close()
    _print_result(result)
    if result.all_rejected:
        print(_("Geen enkele regel kon worden ingelezen."), file=sys.stderr)
        return 1
    return 0


def export_clients(options: argparse.Namespace) -> int:
    """Export the caseload list (optionally one status, team or klantmanager) to a CSV file."""
    settings = _settings(options)
    db = database.open_database(commands_basic.database_path(options))
    try:
        team, klantmanager = options.team, options.klantmanager
        if team:
            team = people.known_name(people.teams(db), team, what="team")
        if klantmanager:
            klantmanager = people.known_name(
                people.klantmanagers(db), klantmanager, what="klantmanager"
            )
        flt = caseload_query.CaseloadFilter(
            status=options.status,
            team=team,
            klantmanager=klantmanager,
            contact_threshold_days=settings.contact_threshold_days,
        )
        result = csv_export.export_clients(
            db, options.out, flt, caseload_query.Sort(), actor=commands_basic.actor(settings)
        )
    finally:
        db.close()
    print(
        ngettext(
            "%(rows)d klant geschreven naar %(path)s.",
            "%(rows)d klanten geschreven naar %(path)s.",
            result.rows,
        )
        % {"rows": result.rows, "path": result.path}
    )
    return 0
