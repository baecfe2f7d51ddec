"""Hiding small groups in aggregate reports, so that no hidden number can be worked back.

The rules (see docs/reports.md):

1. **Primary.** A printed count of 1 up to ``minimum - 1`` people is hidden. A 0 is shown: it
   describes no one; but a total that is itself too small hides its whole line, zeros too.
2. **No working back.** Counts are linked by *lines*: parts that add up to a total (the
   treden add up to the caseload, the origin groups add up to the whole). A hidden count must
   not follow from the shown counts through any combination of lines (checked exactly, with
   linear algebra over all lines at once). Where one does, the smallest shown non-zero count
   in a line with it is hidden too (secondary suppression); when only a total is left, the
   total goes.
3. **No small remainder.** When a line's total is known, the hidden parts together are known
   too (total minus the shown parts). That sum must itself be 0 or at least ``minimum``, more
   than the number of hidden parts (else each would be 1), and not exactly the number of
   hidden parts times ``minimum - 1`` (else each would be that).
4. **Complements.** A number that is never printed but follows from two printed ones (the
   clients *without* a barrier, when the number with it and the caseload are printed) is a
   *virtual* cell: it is never shown, but rules 2 and 3 treat it like a hidden count, and it
   must not be worked out when it is a small group.

All hidden counts print the same marker, so a reader cannot tell a small group from a count
that was hidden to protect one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Line:
    """Parts that add up to a total: a reader can subtract the shown parts from the total."""

    total: str
    parts: tuple[str, ...]

    def cells(self) -> tuple[str, ...]:
        """The total and the parts."""
        return (self.total, *self.parts)


@dataclass(frozen=True)
class Result:
    """The counts with the set that must not be shown."""

    counts: Mapping[str, int]
    hidden: frozenset[str]
    minimum: int

    def shown(self, key: str) -> bool:
        """Whether this count may be printed."""
        return key not in self.hidden

    def value(self, key: str) -> int | None:
        """The count, or None when it is hidden."""
        return None if key in self.hidden else self.counts[key]

    def share(self, part: str, base: str) -> float | None:
        """part / base when both may be printed and the base is not 0; None otherwise."""
        if not (self.shown(part) and self.shown(base)) or self.counts[base] == 0:
            return None
        return self.counts[part] / self.counts[base]


def is_small(count: int, minimum: int) -> bool:
    """Whether a count is a group too small to show (1 up to minimum - 1; 0 is no group)."""
    return 0 < count < minimum


def complement(part: str, base: str) -> str:
    """The key of the virtual cell 'base minus part' (e.g. clients without a barrier)."""
    return f"{base}-minus-{part}"


class Table:
    """Counts and the lines between them, collected while a report is put together."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.lines: list[Line] = []
        self.virtual: set[str] = set()

    def count(self, key: str, value: int) -> str:
        """Add a printed count; returns its key."""
        if key in self.counts and self.counts[key] != value:
            raise ValueError(f"{key} has two values")
        self.counts[key] = value
        return key

    def breakdown(self, total: str, parts: Sequence[str]) -> None:
        """Say that the parts add up to the total (both added with :meth:`count` before)."""
        if sum(self.counts[p] for p in parts) != self.counts[total]:
            raise ValueError(f"the parts of {total} do not add up")
        self.lines.append(Line(total, tuple(parts)))

    def inside(self, part: str, base: str) -> None:
        """Say that a part lies inside a base; the rest (base minus part) becomes a virtual cell."""
        rest = complement(part, base)
        self.counts[rest] = self.counts[base] - self.counts[part]
        if self.counts[rest] < 0:
            raise ValueError(f"{part} is larger than {base}")
        self.virtual.add(rest)
        self.lines.append(Line(base, (part, rest)))

    def suppress(self, minimum: int) -> Result:
        """Which printed counts to hide."""
        return suppress(self.counts, self.lines, minimum, self.virtual)


def determined(unknowns: Sequence[str], lines: Sequence[Line]) -> set[str]:
    """The unknown cells whose value follows from the known ones through the lines.

    Each line is an equation ``total - sum(parts) = 0``; known cells move to the right-hand
    side. An unknown is determined exactly when its unit vector lies in the row space of the
    equations restricted to the unknowns, i.e. when the reduced row echelon form has a row
    with that unknown alone.
    """
    index = {cell: i for i, cell in enumerate(unknowns)}
    rows: list[dict[int, Fraction]] = []
    for line in lines:
        row: dict[int, Fraction] = {}
        for cell, sign in ((line.total, 1), *((part, -1) for part in line.parts)):
            if cell in index:
                column = index[cell]
                row[column] = row.get(column, Fraction(0)) + sign
        row = {column: value for column, value in row.items() if value}
        if row:
            rows.append(row)
    pivots: list[tuple[int, dict[int, Fraction]]] = []
    for row in rows:
        for column, pivot_row in pivots:
            factor = row.get(column)
            if factor:
                for key, value in pivot_row.items():
                    row[key] = row.get(key, Fraction(0)) - factor * value
                row = {key: value for key, value in row.items() if value}
        if not row:
            continue
        column = min(row)
        lead = row[column]
        row = {key: value / lead for key, value in row.items()}
        # Keep the basis reduced: clear the new pivot column from the earlier rows.
        reduced = []
        for other_column, other in pivots:
            factor = other.get(column)
            if factor:
                for key, value in row.items():
                    other[key] = other.get(key, Fraction(0)) - factor * value
                other = {key: value for key, value in other.items() if value}
            reduced.append((other_column, other))
        pivots = [*reduced, (column, row)]
    return {unknowns[column] for column, row in pivots if len(row) == 1}


def _pinned(remainder: int, parts: int, minimum: int) -> bool:
    """Whether hidden parts with this known sum are a small group, or each one is forced.

    Each hidden part is at least 1 (a 0 is shown), and a small one at most minimum - 1; at the
    ends of that range a reader could fill in every part.
    """
    return remainder < minimum or remainder <= parts or remainder == parts * (minimum - 1)


def _violations(
    counts: Mapping[str, int],
    lines: Sequence[Line],
    hidden: set[str],
    virtual: frozenset[str],
    minimum: int,
) -> list[str]:
    """Cells or lines that break rule 2, 3 or 4, as the cells to protect (in a stable order)."""
    unknown = [cell for cell in counts if cell in hidden or cell in virtual]
    known_by_lines = determined(unknown, lines)
    bad = [
        cell
        for cell in unknown
        if cell in known_by_lines and (cell in hidden or is_small(counts[cell], minimum))
    ]
    if bad:
        return bad
    for line in lines:
        total_known = line.total not in unknown or line.total in known_by_lines
        if not total_known:
            continue
        open_parts = [p for p in line.parts if p in unknown and p not in known_by_lines]
        remainder = sum(counts[p] for p in open_parts)
        if open_parts and remainder and _pinned(remainder, len(open_parts), minimum):
            return open_parts
    return []


def _candidate(
    counts: Mapping[str, int],
    lines: Sequence[Line],
    hidden: set[str],
    virtual: frozenset[str],
    troubled: Sequence[str],
) -> list[str]:
    """The printed count(s) to hide next: the smallest shown non-zero part in a line with trouble."""
    touching = [line for line in lines if any(cell in line.cells() for cell in troubled)]
    parts = [
        part
        for line in touching
        for part in line.parts
        if part not in hidden and part not in virtual and counts[part] > 0
    ]
    if parts:
        # Ties all go: hiding only the first of two equal counts would tell a reader which
        # of the hidden ones was the small one.
        smallest = min(counts[cell] for cell in parts)
        return list(dict.fromkeys(cell for cell in parts if counts[cell] == smallest))
    totals = [
        line.total for line in touching if line.total not in hidden and line.total not in virtual
    ]
    if totals:
        return [totals[0]]
    # Nothing sensible is left: hide every printed cell of those lines.
    return [
        cell
        for line in touching
        for cell in line.cells()
        if cell not in hidden and cell not in virtual
    ]


def suppress(
    counts: Mapping[str, int],
    lines: Sequence[Line] = (),
    minimum: int = 10,
    virtual: Iterable[str] = (),
) -> Result:
    """Decide which printed counts to hide; ``virtual`` cells are never printed at all."""
    virtual_cells = frozenset(virtual)
    for line in lines:
        missing = [cell for cell in line.cells() if cell not in counts]
        if missing:
            raise KeyError(f"line refers to unknown cells {missing}")
    hidden = {
        cell
        for cell, count in counts.items()
        if cell not in virtual_cells and is_small(count, minimum)
    }
    printed = [cell for cell in counts if cell not in virtual_cells]
    # A total too small to show takes its whole breakdown with it, zeros included: a shown 0
    # next to a hidden small total would narrow the hidden parts down.
    for line in lines:
        if line.total in hidden:
            hidden.update(cell for cell in line.parts if cell not in virtual_cells)
    while True:
        troubled = _violations(counts, lines, hidden, virtual_cells, minimum)
        if not troubled:
            break
        extra = _candidate(counts, lines, hidden, virtual_cells, troubled)
        if not extra:
            # Every printed cell near the trouble is hidden already: hide the rest as well.
            extra = [cell for cell in printed if cell not in hidden]
            if not extra:
                break
        hidden.update(extra)
    return Result(counts=dict(counts), hidden=frozenset(hidden), minimum=minimum)
