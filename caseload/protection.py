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
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

#: Record and cell keys lie in 0 .. KEY_SPACE - 1.
KEY_SPACE = 2**32
#: The table with the one secret of this database.
SECRET_TABLE = "report_secret"
#: The SQL function that gives a client's record key, registered by :func:`register`.
RECORD_KEY_SQL = "trede_record_key"
#: The method, as named in an export.
METHOD = "cell-key fixed random rounding"


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


@dataclass(frozen=True)
class Published:
    """The counts as printed: rounded by their cell key, None for a small group."""

    values: Mapping[str, int | None]
    minimum: int

    def shown(self, key: str) -> bool:
        """Whether this count is printed (not hidden)."""
        return self.values[key] is not None

    def value(self, key: str) -> int | None:
        """The printed count, or None when it is hidden."""
        return self.values[key]

    def share(self, part: str, base: str) -> float | None:
        """Printed part / printed base; None when either is hidden or the base is 0.

        A share is taken of the printed counts, never of the true ones: a percentage of a true
        count would give the true count back.
        """
        top, bottom = self.values[part], self.values[base]
        if top is None or bottom is None or bottom == 0:
            return None
        return top / bottom


def publish(counts: Mapping[str, int], keys: Mapping[str, int], minimum: int) -> Published:
    """Hide the small groups and round every other count by its cell key (base = minimum)."""
    return Published(
        values={
            name: None
            if is_small(count, minimum)
            else rounded(count, _key(keys, name, count), minimum)
            for name, count in counts.items()
        },
        minimum=minimum,
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
    return Published(values=values, minimum=published.minimum)


def round_all(counts: Mapping[str, int], keys: Mapping[str, int], base: int) -> dict[str, int]:
    """Every count rounded by its cell key, small ones too (for a bundle, which is summed)."""
    return {name: rounded(count, _key(keys, name, count), base) for name, count in counts.items()}


def _key(keys: Mapping[str, int], name: str, count: int) -> int:
    """The cell key of a count; a 0 counts no one and needs none."""
    return keys[name] if count else 0
