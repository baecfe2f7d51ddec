"""What a domain write changed: kinds of data plus ids, so each view refreshes only its part.

Both domains return these from every write (Anki's ``OpChanges`` is the model); the window
broadcasts them once, and each view asks whether they concern it. Qt-free, so the domains,
the command line and the tests use the same type.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


class Kind(enum.Enum):
    """A kind of data a write can change."""

    #: A client's own row: details, status, klantmanager, the summary columns.
    CLIENT = "client"
    LADDER = "ladder"
    BARRIER = "barrier"
    CONTACT = "contact"
    ACTION = "action"
    #: A planned appointment (caseload.planning) and a six-month follow-up (caseload.followups).
    APPOINTMENT = "appointment"
    FOLLOWUP = "followup"
    QUICKSCAN = "quickscan"
    SETTINGS = "settings"
    #: The whole database was replaced or reopened (a restore, encryption): everything.
    DATABASE = "database"


@dataclass(frozen=True)
class Changes:
    """The kinds changed, the rows changed per kind, and the clients whose file changed."""

    kinds: frozenset[Kind] = frozenset()
    rows: frozenset[tuple[Kind, int]] = frozenset()
    clients: frozenset[int] = frozenset()

    def touches(self, *kinds: Kind) -> bool:
        """Whether any of these kinds changed (a replaced database changes every kind)."""
        return Kind.DATABASE in self.kinds or any(kind in self.kinds for kind in kinds)

    def ids(self, kind: Kind) -> frozenset[int]:
        """The ids of the changed rows of one kind."""
        return frozenset(ident for row_kind, ident in self.rows if row_kind is kind)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds, self.rows | other.rows, self.clients | other.clients
        )

    def __bool__(self) -> bool:
        return bool(self.kinds)


def of(kind: Kind, *ids: int, clients: Iterable[int] = ()) -> Changes:
    """Changed rows of one kind; ``clients`` names the clients whose file they belong to."""
    return Changes(frozenset({kind}), frozenset((kind, ident) for ident in ids), frozenset(clients))


def client_rows(kind: Kind, client_id: int, *ids: int) -> Changes:
    """Rows of one kind in one client's file; the client's summary row changes with them."""
    return Changes(
        frozenset({kind, Kind.CLIENT}),
        frozenset((kind, ident) for ident in ids) | {(Kind.CLIENT, client_id)},
        frozenset({client_id}),
    )


def clients(client_ids: Iterable[int]) -> Changes:
    """Client rows (added, changed, closed, erased)."""
    ids = frozenset(client_ids)
    return Changes(frozenset({Kind.CLIENT}), frozenset((Kind.CLIENT, i) for i in ids), ids)


def many(*kinds: Kind) -> Changes:
    """Many rows of these kinds (an import, demo data): views reload them instead of rows."""
    return Changes(frozenset(kinds))


#: Nothing changed (a dry run, an import with nothing new).
NOTHING = Changes()
#: The whole database: after a restore or after encrypting it in place.
DATABASE = Changes(frozenset({Kind.DATABASE}))
#: The settings file.
SETTINGS = Changes(frozenset({Kind.SETTINGS}))


@dataclass(frozen=True)
class Changed(Generic[T]):
    """A write's answer: the value it made (a client, a contact, a report) and its changes."""

    value: T
    changes: Changes = field(default=NOTHING)
