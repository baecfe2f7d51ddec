"""Protection that holds across reports: the cell-key method with fixed random rounding.

Every count in a report, its data export and a team bundle is rounded to a multiple of the
*base* (the minimum group size). Whether a count goes up or down is decided by its *cell key*,
as in the cell-key method of ABS, ONS and Destatis and the fixed random rounding of Stats NZ:

- every client has a *record key*, a number from 0 to 2**32 - 1 made from the client's id with
  a secret that is drawn once per database and kept in it (HMAC-SHA256);
- the cell key of a count is the sum of the record keys of the clients it counts (mod 2**32),
  so the same group of clients always gets the same key, in whichever report it appears;
- a count ``q * base + r`` goes up to ``(q + 1) * base`` when ``key / 2**32 < r / base``, else
  down to ``q * base`` (unbiased: the expected value is the true count).

A count of 1 up to ``minimum - 1`` is not printed at all ('verborgen'). Because every printed
count is a multiple of the base, any sum or difference of printed counts from any number of
reports is a multiple of the base too: it is never a number from 1 to base - 1, so differencing
two periods, a municipality and its teams, or bundles never gives a small group exactly. The
same group always rounds the same way, so asking again (or for an equal group under another
name) gives nothing new to average. The limits are in docs/reports.md.

A share (a percentage) is the true part over the true base, rounded to a whole percent: a share
of two rounded counts can be far off (39 of 48 rounds to 40 of 40, '100%'). It is printed only
when both counts are printed and the printed base is at least ``SHARE_BASE`` times the
minimum, a rule on printed counts alone, so that every report says 'te weinig' in the same
places.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import hmac
import math
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

#: Record and cell keys lie in 0 .. KEY_SPACE - 1.
KEY_SPACE = 2**32
#: The table with the one secret of this database.
SECRET_TABLE = "report_secret"
#: The SQL function that gives a client's record key, registered by :func:`register`.
RECORD_KEY_SQL = "trede_record_key"
#: The method, as named in an export.
METHOD = "cell-key fixed random rounding"
#: A share is printed only over a printed base of at least this many times the minimum: over
#: fewer clients one client moves it by several points (1 of 20 is 5 points).
SHARE_BASE = 3


def create_secret(db: Database) -> None:
    """Draw this database's secret (a migration does it once)."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {SECRET_TABLE} "
        "(id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL)"
    )
    db.execute(
        f"INSERT OR IGNORE INTO {SECRET_TABLE} (id, secret) VALUES (1, ?)",
        [secrets.token_hex(32)],
    )


def _secret(db: Database) -> bytes:
    row = db.execute(f"SELECT secret FROM {SECRET_TABLE} WHERE id = 1").fetchone()
    if row is None:  # only a database changed by hand lacks it
        raise LookupError("the database has no report secret")
    return bytes.fromhex(row[0])


def database_tag(db: Database, label: str) -> str:
    """A name for this database under ``label`` that says nothing about it (32 hex digits)."""
    return hmac.new(_secret(db), label.encode(), hashlib.sha256).hexdigest()[:32]


# Remembered: a report with trends counts the same clients in up to ten stretches of time.
@functools.lru_cache(maxsize=1 << 18)
def record_key(secret: bytes, client_id: int) -> int:
    """The record key of one client."""
    digest = hmac.new(secret, f"client:{client_id}".encode(), hashlib.sha256).digest()
    return int.from_bytes(digest[:4], "big")


def register(db: Database) -> None:
    """Make ``trede_record_key(client_id)`` usable in this connection's SQL."""
    secret = _secret(db)
    db.conn.create_function(
        RECORD_KEY_SQL, 1, lambda client_id: record_key(secret, int(client_id)), deterministic=True
    )


def rounded(count: int, cell_key: int, base: int) -> int:
    """The count rounded to a multiple of the base, up or down as its cell key says."""
    if base <= 1:
        return count
    down = count - count % base
    if count % base == 0:
        return count
    return down + base if (cell_key % KEY_SPACE) * base < (count % base) * KEY_SPACE else down


def is_small(count: int, minimum: int) -> bool:
    """Whether a count is a group too small to print (1 up to minimum - 1; 0 is no group)."""
    return 0 < count < minimum


class ShareState(enum.Enum):
    """Whether a share is printed, and why not."""

    SHOWN = "shown"
    #: The part or the base is a hidden group: the share is 'verborgen' as well.
    HIDDEN = "hidden"
    #: The base is 0: there is nothing to take a share of ('–').
    NO_BASE = "no_base"
    #: The printed base is below :data:`SHARE_BASE` times the minimum ('te weinig').
    TOO_FEW = "too_few"


def share_state(part: int | None, base: int | None, minimum: int) -> ShareState:
    """Whether the share of two printed counts is printed; decided by printed counts only, so
    that whether a share is shown tells nothing the counts do not."""
    if part is None or base is None:
        return ShareState.HIDDEN
    if base == 0:
        return ShareState.NO_BASE
    if base < SHARE_BASE * minimum:
        return ShareState.TOO_FEW
    return ShareState.SHOWN


def whole_percent(part: int, base: int) -> float:
    """part / base rounded to a whole percent (half up), as a fraction: 39 of 48 gives 0.81."""
    return math.floor(100 * part / base + 0.5) / 100


@dataclass(frozen=True)
class Published:
    """The counts as printed: rounded by their cell key, None for a small group."""

    values: Mapping[str, int | None]
    minimum: int
    #: The true counts, only to take shares of (never printed); None when the printed counts
    #: are all there is (a report merged from bundles).
    counts: Mapping[str, int] | None = field(default=None, repr=False, compare=False)
    #: (part, base) whose share is not printed although both counts are: a part of the same
    #: whole is hidden, and the other shares would give it away (see :func:`withhold_shares`).
    withheld: frozenset[tuple[str, str]] = frozenset()

    def shown(self, key: str) -> bool:
        """Whether this count is printed (not hidden)."""
        return self.values[key] is not None

    def value(self, key: str) -> int | None:
        """The printed count, or None when it is hidden."""
        return self.values[key]

    def share_state(self, part: str, base: str) -> ShareState:
        """Whether the share of part in base is printed, and why not."""
        state = share_state(self.values[part], self.values[base], self.minimum)
        if state is ShareState.SHOWN and (part, base) in self.withheld:
            return ShareState.HIDDEN
        return state

    def share(self, part: str, base: str) -> float | None:
        """The true part / the true base, rounded to a whole percent; None unless
        :meth:`share_state` is SHOWN.

        A share of the rounded counts can mislead badly: 39 of 48 rounds to 40 of 40, '100%'.
        The true share rounded to a whole percent is what a reader takes it for. It is only
        printed over a printed base of :data:`SHARE_BASE` times the minimum or more: over
        fewer clients one client moves it by more than three points.
        """
        if self.share_state(part, base) is not ShareState.SHOWN:
            return None
        counts = self.values if self.counts is None else self.counts
        top, bottom = counts[part], counts[base]
        if top is None or not bottom:  # only a merged bundle's own counts can be so
            return None
        return whole_percent(top, bottom)


def publish(counts: Mapping[str, int], keys: Mapping[str, int], minimum: int) -> Published:
    """Hide the small groups and round every other count by its cell key (base = minimum);
    the true counts are kept for the shares."""
    return Published(
        values={
            name: None
            if is_small(count, minimum)
            else rounded(count, _key(keys, name, count), minimum)
            for name, count in counts.items()
        },
        minimum=minimum,
        counts=dict(counts),
    )


def hide_within(published: Published, within: Sequence[tuple[str, str]]) -> Published:
    """Hide every count that lies within a hidden one (``within``: (base, part) pairs)."""
    values = dict(published.values)
    changed = True
    while changed:
        changed = False
        for base, part in within:
            if values[base] is None and values[part] is not None:
                values[part] = None
                changed = True
    return Published(
        values=values,
        minimum=published.minimum,
        counts=published.counts,
        withheld=published.withheld,
    )


def withhold_shares(published: Published, wholes: Sequence[tuple[str, Sequence[str]]]) -> Published:
    """Withhold one more share in every whole of which a part is hidden.

    ``wholes``: (base, parts) where the parts together are the base (risen, level and fallen
    of the measured clients). The shares are the true counts' shares: beside "verborgen" for
    one part, the other shares give it away (100% - 39% - 45% = 16% of about 30 clients is 5).
    So the share of the smallest printed part is not printed either (ties: the first name):
    what the other shares leave is then the hidden part and that one together, at least
    ``minimum`` clients, and its count is only known rounded. The counts stay as they are.
    """
    withheld = set(published.withheld)
    values = published.values
    for base, parts in wholes:
        if values[base] is None or all(values[part] is not None for part in parts):
            continue
        printed = [part for part in parts if values[part]]
        if printed:
            smallest = min(printed, key=lambda part: (values[part], part))
            withheld.add((smallest, base))
    return Published(
        values=values,
        minimum=published.minimum,
        counts=published.counts,
        withheld=frozenset(withheld),
    )


def round_all(counts: Mapping[str, int], keys: Mapping[str, int], base: int) -> dict[str, int]:
    """Every count rounded by its cell key, small ones too (for a bundle, which is summed)."""
    return {name: rounded(count, _key(keys, name, count), base) for name, count in counts.items()}


def _key(keys: Mapping[str, int], name: str, count: int) -> int:
    """The cell key of a count; a 0 counts no one and needs none."""
    return keys[name] if count else 0
