"""Reading a CSV export as it comes from Excel or a case system: encoding, delimiter, cells, dates.

Pure functions on bytes and text, no database. Encoding: a UTF-16 or UTF-8 byte-order mark wins;
otherwise strict UTF-8, else Windows-1252 (what Dutch Excel writes). Delimiter: an Excel
``sep=`` line wins; otherwise ``csv.Sniffer`` on the first lines, checked against a count of
``;`` ``,`` and tab in the header line (the count wins when the header splits into more
columns that way). Empty lines, also ``;;;`` lines, are skipped.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from caseload import errors
from resources.errors import UserError
from resources.i18n import _

DELIMITERS = (";", ",", "\t")
#: Lines that the delimiter sniffer looks at.
SNIFF_LINES = 20
#: A file larger than this is not a caseload export (1 million clients is about 200 MB).
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class RejectedRow:
    """A row of the file that is not imported, with the reason in one sentence."""

    line_number: int
    reason: str


class ImportRejected(UserError):
    """The whole file is refused; ``rejected`` holds the rows when that is the reason."""

    def __init__(self, message: str, rejected: tuple[RejectedRow, ...] = ()) -> None:
        super().__init__(message)
        self.rejected = rejected


@dataclass(frozen=True)
class CsvTable:
    """The decoded file: unique header names and the data rows with their line numbers."""

    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    header_line: int = 1

    def preview(self, count: int = 10) -> list[tuple[str, ...]]:
        """The first rows, padded or cut to the number of headers, for showing to the user."""
        width = len(self.headers)
        return [(cells + ("",) * width)[:width] for _line, cells in self.rows[: max(count, 0)]]


def encoding_name(encoding: str) -> str:
    """A name a user recognises for an encoding ('UTF-8', 'Windows-1252')."""
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": "UTF-8 (BOM)",
        "utf-16": "UTF-16",
        "cp1252": "Windows-1252",
    }.get(encoding, encoding)


def delimiter_name(delimiter: str) -> str:
    """How the delimiter is called in a sentence."""
    return {";": _("puntkomma"), ",": _("komma"), "\t": _("tab")}.get(delimiter, delimiter)


def _not_text() -> ImportRejected:
    return ImportRejected(
        _(
            "Dit bestand is geen tekstbestand met komma's of puntkomma's (CSV). Kies een CSV-bestand."
        )
    )


def decode(data: bytes) -> tuple[str, str]:
    """The text of the file and the encoding used; refused when it is not text."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(
            _("Dit is een Excel-bestand. Sla het in Excel op als CSV en kies dat bestand.")
        )
    candidates: list[tuple[bytes, str]]
    if data.startswith(codecs.BOM_UTF8):
        candidates = [(data[len(codecs.BOM_UTF8) :], "utf-8-sig")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [(data, "utf-16")]
    else:
        candidates = [(data, "utf-8"), (data, "cp1252")]
    for raw, encoding in candidates:
        try:
            text = raw.decode("utf-8" if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError:
            continue
        # A NUL character never occurs in a CSV export: this is a binary file.
        if "\x00" in text:
            break
        return text, encoding
    raise _not_text()


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter of these first non-empty lines (header first)."""
    if not lines:
        return DELIMITERS[0]
    header = lines[0]
    counts = {delimiter: _count_outside_quotes(header, delimiter) for delimiter in DELIMITERS}
    # max() keeps the first of equal counts: ';' before ',' before tab, as in Dutch exports.
    counted = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return counted
    if sniffed not in counts or counts[sniffed] < counts[counted]:
        return counted
    return sniffed


_SEP_LINE = re.compile(r"sep=([;,\t|])", re.IGNORECASE)


def _is_blank(cells: list[str]) -> bool:
    return all(not cell.strip() for cell in cells)


def _unique_headers(cells: list[str]) -> tuple[str, ...]:
    """Header names made unique and never empty, so that a mapping can be keyed by them."""
    seen: dict[str, int] = {}
    result = []
    for position, cell in enumerate(cells, start=1):
        name = cell.strip() or _("Kolom %(number)d") % {"number": position}
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name} ({seen[name]})"
        result.append(name)
    return tuple(result)


def parse_text(text: str, encoding: str = "utf-8") -> CsvTable:
    """The table in decoded CSV text; refused when there is no header or a line is broken."""
    # Split as the csv module does (\r, \n, \r\n), so that line numbers agree with it.
    lines = io.StringIO(text, newline="").readlines()
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    delimiter = None
    if first < len(lines) and (match := _SEP_LINE.fullmatch(lines[first].strip())):
        delimiter = match.group(1)
        lines[first] = "\n"
    if delimiter is None:
        sample = [line.rstrip("\r\n") for line in lines[first : first + SNIFF_LINES * 5]]
        delimiter = sniff_delimiter([line for line in sample if line.strip()][:SNIFF_LINES])
    reader = csv.reader(lines, delimiter=delimiter)
    headers: tuple[str, ...] | None = None
    header_line = 0
    rows: list[tuple[int, tuple[str, ...]]] = []
    previous_end = 0
    try:
        for cells in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if _is_blank(cells):
                continue
            if headers is None:
                headers, header_line = _unique_headers(cells), start
            else:
                rows.append((start, tuple(cells)))
    except csv.Error:
        raise ImportRejected(
            _(
                "Regel %(line)d van het bestand kan niet worden gelezen. "
                "Staat daar een aanhalingsteken te veel of te weinig?"
            )
            % {"line": previous_end + 1}
        ) from None
    if headers is None:
        raise ImportRejected(_("Het bestand is leeg: er staat geen kopregel in."))
    return CsvTable(encoding, delimiter, headers, tuple(rows), header_line)


def read_table(source: Path | bytes) -> CsvTable:
    """The table in a CSV file (a path or its bytes); refused when it cannot be read as CSV."""
    if isinstance(source, Path):
        try:
            if source.stat().st_size > MAX_BYTES:
                raise ImportRejected(_("Dit bestand is te groot voor een caseload."))
            data = source.read_bytes()
        except OSError as error:
            raise ImportRejected(
                _("Het bestand %(path)s kan niet worden gelezen: %(reason)s")
                % {"path": source, "reason": error.strerror or error}
            ) from error
    else:
        data = source
    text, encoding = decode(data)
    return parse_text(text, encoding)


# --- values ----------------------------------------------------------------------------------

_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SHORT_YEAR = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2}")
#: Excel and case systems often add a midnight time to a date.
_TIME = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$")


def parse_date(field: str, text: str) -> dt.date | None:
    """A Dutch (31-01-2026, 31-1-2026, 31/01/2026) or ISO date; None when empty."""
    value = text.strip()
    if not value:
        return None
    bare = _TIME.sub("", value)
    if match := _DUTCH_DATE.fullmatch(bare):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(bare):
        year, month, day = (int(part) for part in match.groups())
    elif _SHORT_YEAR.fullmatch(bare):
        raise errors.InvalidValue(
            field,
            _("schrijf het jaar in “%(value)s” met vier cijfers, zoals 31-01-2026.")
            % {"value": value},
        )
    else:
        raise errors.InvalidValue(
            field,
            _("“%(value)s” is geen datum. Schrijf een datum als 31-01-2026.") % {"value": value},
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise errors.InvalidValue(
            field, _("de datum “%(value)s” bestaat niet.") % {"value": value}
        ) from None


_TREDE = re.compile(r"(?:trede\s*)?(\d{1,2})(?:[.,]0+)?(?:\s*[-–:.)]\s*\D.*)?", re.IGNORECASE)


def parse_trede(text: str) -> int | None:
    """A trede from '3', 'Trede 3', '3.0' or '3. Deelname aan …'; None when empty."""
    value = text.strip()
    if not value:
        return None
    match = _TREDE.fullmatch(value)
    if match is None or not 1 <= int(match.group(1)) <= 6:
        raise errors.InvalidValue(
            "trede",
            _("“%(value)s” is geen trede. Kies een getal van 1 tot en met 6.") % {"value": value},
        )
    return int(match.group(1))
