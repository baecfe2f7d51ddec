"""Who is in the file, as the lists and filters show it: a client's name, the teams and the
klantmanagers that have clients, and whether there is a caseload at all.

Plain reads without the stores: the caseload's first page is painted with these before the
stores and the model's classes are loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from caseload.reads import Reads


def display_name(first_name: str, initials: str, surname_prefix: str, surname: str) -> str:
    """A client's name as shown in lists: first name (or initials), prefix and surname (the
    lists make it from a row's columns, without making a ``ClientDetails`` for each)."""
    given = first_name or initials
    return " ".join(part for part in (given, surname_prefix, surname) if part)


#: Words that start a surname after the given name ("Jan van der Berg", "Anand el Amrani"):
#: Dutch tussenvoegsels and the particles of names common in Dutch caseloads. Only lowercase
#: counts, as written after a given name.
SURNAME_PREFIXES = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "bij",
        "onder", "over", "uit", "voor", "vd", "v.d.", "la", "le", "les", "du", "des", "da",
        "das", "do", "dos", "di", "del", "della", "von", "vom", "zu", "zum", "zur", "el", "al",
        "ul", "ben", "bin", "ibn", "abu", "d'", "l'",
    }
)  # fmt: skip


def split_name(full: str) -> tuple[str, str, str]:
    """A whole name as first name, prefix and surname, so that :func:`display_name` gives the
    same text back: 'Jan Peter van der Berg' → ('Jan Peter', 'van der', 'Berg'), 'de Vries' →
    ('', 'de', 'Vries'), 'Marieke Abdullahi' → ('Marieke', '', 'Abdullahi'), 'Bakker' → ('',
    '', 'Bakker'). Without a lowercase prefix the last word is the surname."""
    words = full.split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    # The first prefix word and the ones after it; before it the given name (none for 'de Vries').
    for start, word in enumerate(words[:-1]):
        if word in SURNAME_PREFIXES:
            end = start
            while end < len(words) - 1 and words[end] in SURNAME_PREFIXES:
                end += 1
            return " ".join(words[:start]), " ".join(words[start:end]), " ".join(words[end:])
    return " ".join(words[:-1]), "", words[-1]


def has_clients(db: Reads) -> bool:
    """Whether there is a caseload at all (then the window opens on Vandaag)."""
    return bool(db.execute("SELECT 1 FROM clients LIMIT 1").fetchall())


def teams(db: Reads) -> list[str]:
    """Every team that has clients, for a filter list."""
    return [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT team FROM clients WHERE team IS NOT NULL AND team != '' ORDER BY team"
        )
    ]


def klantmanagers(db: Reads, team: str | None = None) -> list[str]:
    """Every klantmanager that has clients (in one team, if given), for a filter list."""
    where, params = ("AND team = ?", [team]) if team else ("", [])
    return [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT klantmanager FROM clients WHERE klantmanager IS NOT NULL "
            f"AND klantmanager != '' {where} ORDER BY klantmanager",
            params,
        )
    ]


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


def known_name(names: list[str], given: str, *, what: str) -> str:
    """The stored spelling of a team or klantmanager typed on the command line ('team noord'
    is 'Team Noord'); refused, with the names there are, when the caseload has none of it:
    a report or export of a mistyped team was empty without a word.

    ``what`` is "team" or "klantmanager"."""
    from resources.errors import UserError
    from resources.i18n import _

    if given in names:
        return given
    same = [name for name in names if _folded(name) == _folded(given)]
    if len(same) == 1:
        return same[0]
    shown = ", ".join(names[:12]) + (", …" if len(names) > 12 else "")
    if what == "team":
        message = (
            _("Er is geen team “%(name)s” in de caseload. De teams zijn: %(names)s.")
            if names
            else _("Er is geen team “%(name)s”: geen klant in de caseload heeft een team.")
        )
    else:
        message = (
            _(
                "Er is geen klantmanager “%(name)s” in de caseload. De klantmanagers zijn: "
                "%(names)s."
            )
            if names
            else _(
                "Er is geen klantmanager “%(name)s”: geen klant in de caseload heeft een "
                "klantmanager."
            )
        )
    raise UserError(message % {"name": given, "names": shown} + " " + _("Er is niets gemaakt."))
