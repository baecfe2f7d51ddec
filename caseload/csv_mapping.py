"""Which column of an imported file holds which client field: detection from Dutch headers.

A header matches when, without case, spaces, punctuation and diacritics, it equals one of the
field's known names ('Klant nr.' → 'klantnr' → klantnummer). A mapping is a dict from header to
field (or None to ignore the column) that the user can correct before importing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from caseload import csv_read
from resources.i18n import N_, _


@dataclass(frozen=True)
class ImportField:
    """A client field that a column can fill: its name, label and the headers that mean it."""

    name: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False

    def text(self) -> str:
        """The label in the active language."""
        return _(self.label)


#: The fields in the order a dialog lists them; aliases are written folded (see ``fold``).
FIELDS: tuple[ImportField, ...] = (
    ImportField(
        "reference",
        N_("Klantnummer"),
        (
            "klantnummer",
            "klantnr",
            "klantno",
            "relatienummer",
            "relatienr",
            "clientnummer",
            "clientnr",
            "dossiernummer",
            "referentie",
            "reference",
            "clientnumber",
        ),
        required=True,
    ),
    ImportField("bsn", N_("BSN"), ("bsn", "burgerservicenummer", "bsnnummer")),
    ImportField("initials", N_("Voorletters"), ("voorletters", "initialen", "initials")),
    ImportField("first_name", N_("Voornaam"), ("voornaam", "roepnaam", "voornamen", "firstname")),
    ImportField(
        "surname_prefix",
        N_("Tussenvoegsel"),
        ("tussenvoegsel", "tussenvoegsels", "voorvoegsel", "voorvoegsels", "prefix"),
    ),
    ImportField(
        "surname",
        N_("Achternaam"),
        ("achternaam", "geslachtsnaam", "familienaam", "naam", "surname", "lastname", "name"),
    ),
    ImportField(
        "full_name",
        N_("Naam (voornaam en achternaam)"),
        ("volledigenaam", "klantnaam", "naamklant", "clientnaam", "naamclient", "fullname"),
    ),
    ImportField(
        "birth_date",
        N_("Geboortedatum"),
        ("geboortedatum", "gebdatum", "geboortedat", "gebdat", "birthdate", "dateofbirth"),
    ),
    ImportField(
        "trede",
        N_("Trede"),
        (
            "trede",
            "huidigetrede",
            "participatieladder",
            "participatietrede",
            "tredeparticipatieladder",
            "ladder",
            "step",
        ),
    ),
    ImportField(
        "trede_on",
        N_("Datum trede"),
        ("datumtrede", "trededatum", "datummeting", "meetdatum", "datumparticipatieladder"),
    ),
    ImportField(
        "guidance_start",
        N_("Start begeleiding"),
        (
            "startdatum",
            "startbegeleiding",
            "startdatumbegeleiding",
            "begindatum",
            "begindatumbegeleiding",
            "datumstart",
            "startdatumtraject",
            "guidancestart",
        ),
    ),
    ImportField(
        "klantmanager",
        N_("Klantmanager"),
        ("klantmanager", "consulent", "casemanager", "trajectbegeleider", "clientmanager"),
    ),
    ImportField("team", N_("Team"), ("team", "teamnaam")),
    ImportField(
        "status",
        N_("Status (afgesloten dossiers worden overgeslagen)"),
        ("status", "dossierstatus", "statusdossier", "clientstatus", "statusclient"),
    ),
)
FIELD_NAMES = tuple(field.name for field in FIELDS)
REQUIRED = tuple(field.name for field in FIELDS if field.required)
_BY_NAME = {field.name: field for field in FIELDS}

ColumnMapping = dict[str, str | None]


def field(name: str) -> ImportField:
    """The import field with this name; KeyError for an unknown one."""
    return _BY_NAME[name]


_NOT_ALNUM = re.compile(r"[\W_]+")


def fold(header: str) -> str:
    """A header without case, diacritics, spaces and punctuation: 'Cliënt-nr.' → 'clientnr'."""
    decomposed = unicodedata.normalize("NFKD", header)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_ALNUM.sub("", bare.casefold())


def detect_mapping(headers: Sequence[str], *, bsn_enabled: bool = False) -> ColumnMapping:
    """Header → field for the headers that Trede recognises (None for the rest).

    Each field gets at most one column: the one whose header is its better-known name (so
    'Achternaam' wins over 'Naam'), and of equals the leftmost. The BSN column is left out
    while BSN is off in the settings: Trede then does not store it at all.
    """
    best: dict[str, tuple[int, int]] = {}  # field -> (alias rank, column)
    for column, header in enumerate(headers):
        folded = fold(header)
        for candidate in FIELDS:
            if candidate.name == "bsn" and not bsn_enabled:
                continue
            if folded in candidate.aliases:
                rank = (candidate.aliases.index(folded), column)
                if candidate.name not in best or rank < best[candidate.name]:
                    best[candidate.name] = rank
    _whole_name_alone(headers, best)
    chosen = {column: name for name, (_rank, column) in best.items()}
    mapping: ColumnMapping = {}
    for column, header in enumerate(headers):
        mapping[header] = chosen.get(column)
    return mapping


#: Name fields that a whole-name column fills; a file has either it or these.
NAME_PARTS = ("initials", "first_name", "surname_prefix", "surname")
_JUST_NAME = ("naam", "name")


def _whole_name_alone(headers: Sequence[str], best: dict[str, tuple[int, int]]) -> None:
    """A column headed just 'Naam' is the surname next to a first name or initials column, and
    the whole name when it is the only name column (Trede's own caseload export, many lists).
    Taken as a surname, 'Marieke Abdullahi' updated onto a stored Marieke gave 'Marieke Marieke
    Abdullahi'."""
    if "surname" not in best or "full_name" in best:
        return
    if any(name in best for name in NAME_PARTS if name != "surname"):
        return
    rank, column = best["surname"]
    if fold(headers[column]) in _JUST_NAME:
        best["full_name"] = (rank, column)
        del best["surname"]


def looks_like_header(cells: Sequence[str]) -> bool:
    """Whether a row is the header: it names two columns Trede knows, or the klantnummer."""
    folded = [fold(cell) for cell in cells if cell.strip()]
    known = [name for name in folded if any(name in f.aliases for f in FIELDS)]
    return len(known) >= 2 or any(name in field("reference").aliases for name in known)


def check_mapping(headers: Sequence[str], mapping: Mapping[str, str | None]) -> dict[str, int]:
    """Field → column index for a mapping; refused when a required field has no column or a
    field has two. Headers in the mapping that the file does not have are ignored."""
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = mapping.get(header)
        if name is None:
            continue
        if name not in _BY_NAME:
            raise ValueError(f"unknown import field {name!r}")
        if name in columns:
            raise csv_read.ImportRejected(
                _("Twee kolommen horen bij %(field)s: “%(first)s” en “%(second)s”. Kies er één.")
                % {
                    "field": field(name).text(),
                    "first": headers[columns[name]],
                    "second": header,
                }
            )
        columns[name] = index
    if "full_name" in columns:
        parts = [name for name in NAME_PARTS if name in columns]
        if parts:
            raise csv_read.ImportRejected(
                _(
                    "De kolom “%(whole)s” bevat de hele naam en de kolom “%(part)s” een deel "
                    "ervan. Kies er één. Er is niets ingelezen."
                )
                % {"whole": headers[columns["full_name"]], "part": headers[columns[parts[0]]]}
            )
    for name in REQUIRED:
        if name not in columns:
            raise csv_read.ImportRejected(
                _("Het bestand heeft geen kolom %(field)s. Er is niets ingelezen.")
                % {"field": field(name).text()}
            )
    return columns


def refuse_repeated_columns(
    repeats: Sequence[tuple[str, str]], mapping: Mapping[str, str | None]
) -> None:
    """Refused when a column Trede reads has a name the header line has twice: without a
    person choosing (the import dialog shows both), which one holds the data is a guess."""
    for name, _copy in repeats:
        if mapping.get(name) is not None:
            raise csv_read.ImportRejected(
                _(
                    "De kolom “%(column)s” staat meer dan één keer in de kopregel. Trede weet "
                    "niet welke de juiste is: geef de kolommen in het bestand verschillende "
                    "namen. Er is niets ingelezen."
                )
                % {"column": name}
            )


def ignored_bsn_column(headers: Sequence[str], mapping: Mapping[str, str | None]) -> str | None:
    """The header of a BSN column that is not imported (BSN off), to tell the user so."""
    for header in headers:
        if fold(header) in field("bsn").aliases and mapping.get(header) is None:
            return header
    return None
