"""Reading a CSV export as it comes from Excel or a case system: encoding, delimiter, cells, dates.

Pure functions on bytes and text, no database. Encoding: a UTF-16 or UTF-8 byte-order mark wins;
UTF-16 without one is known by its zero bytes; otherwise strict UTF-8, else Windows-1252 (what
Dutch Excel writes). A UTF-8 file with Windows-1252 lines pasted in is decoded line by line
(see ``_by_line``), never as a whole in the wrong one. Delimiter: an Excel ``sep=`` line wins;
otherwise ``csv.Sniffer`` on the first lines, checked against a count of ``;`` ``,`` and tab in
the header line (the count wins when the header splits into more columns that way). Empty
lines, also ``;;;`` lines, are skipped; title lines above the header are skipped and reported.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from caseload import errors
from resources.errors import UserError, file_reason
from resources.i18n import _

DELIMITERS = (";", ",", "\t")
#: The encoding of a UTF-8 file with some lines in Windows-1252, each line decoded in its own.
MIXED = "utf-8+cp1252"
#: Lines that the delimiter sniffer looks at.
SNIFF_LINES = 20
#: A file larger than this is not a caseload export (1 million clients is about 200 MB).
MAX_BYTES = 512 * 1024 * 1024
# A long cell is no reason to refuse a file (the file's size has its own limit).
csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))


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
    #: Lines that are not data (a title above the header), with why they were left out.
    skipped: tuple[RejectedRow, ...] = ()
    #: Header names the file has more than once: (the name, the unique name of a later copy,
    #: such as "Naam" and "Naam (2)").
    repeats: tuple[tuple[str, str], ...] = ()

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
        "utf-16-le": "UTF-16",
        "utf-16-be": "UTF-16",
        MIXED: _("UTF-8, met regels in Windows-1252"),
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


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the zero bytes say so (Latin text in UTF-16), else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd > pairs * 0.4 and even < pairs * 0.05:
        return "utf-16-le"
    if even > pairs * 0.4 and odd < pairs * 0.05:
        return "utf-16-be"
    return None


def _undecodable(line_number: int) -> ImportRejected:
    return ImportRejected(
        _(
            "Regel %(line)d van het bestand is niet te lezen als UTF-8 of Windows-1252: er is "
            "niets ingelezen. Sla het bestand opnieuw op als CSV UTF-8."
        )
        % {"line": line_number}
    )


def _by_line(data: bytes) -> str:
    """UTF-8 with Windows-1252 lines pasted in: each line in the encoding it is valid in.

    A line that is valid UTF-8 is read as UTF-8 (Windows-1252 text is practically never valid
    UTF-8 when it holds accented letters); the others as Windows-1252; a line that is neither
    refuses the file, naming the line.
    """
    parts = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            parts.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                parts.append(raw.decode("cp1252"))
            except UnicodeDecodeError:
                raise _undecodable(number) from None
    return "\n".join(parts)


def _has_utf8_letters(data: bytes) -> bool:
    """Whether some line holds a multi-byte UTF-8 character: evidence that the file is UTF-8."""
    for raw in data.split(b"\n"):
        if max(raw, default=0) < 0x80:
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return True
    return False


def decode(data: bytes) -> tuple[str, str]:
    """The text of the file and the encoding used; refused when it is not text."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(
            _("Dit is een Excel-bestand. Sla het in Excel op als CSV en kies dat bestand.")
        )
    encoding = None
    if data.startswith(codecs.BOM_UTF8):
        data, encoding = data[len(codecs.BOM_UTF8) :], "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _utf16_without_bom(data)
    if encoding is not None and encoding != "utf-8-sig":
        try:
            return _checked(data, encoding)
        except UnicodeDecodeError:
            raise _not_text() from None
    try:
        return _checked(data, encoding or "utf-8")
    except UnicodeDecodeError:
        pass
    if encoding == "utf-8-sig" or _has_utf8_letters(data):
        return _clean(_by_line(data)), MIXED
    try:
        return _checked(data, "cp1252")
    except UnicodeDecodeError:
        # Neither UTF-8 nor Windows-1252 anywhere: not a text file.
        raise _not_text() from None


def _checked(raw: bytes, encoding: str) -> tuple[str, str]:
    """Decode strictly (UnicodeDecodeError for another encoding); refuse a binary file."""
    text = raw.decode("utf-8" if encoding == "utf-8-sig" else encoding)
    return _clean(text), encoding


def _clean(text: str) -> str:
    # A NUL character never occurs in a CSV export: this is a binary file.
    if "\x00" in text:
        raise _not_text()
    return text


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


_SEP_LINE = re.compile(r'"?sep=([;,\t|])"?[;,\t]*', re.IGNORECASE)
#: Rows looked at for the header: a title, a date and empty lines may come above it.
HEADER_SEARCH_ROWS = 30
#: Spaces that look like a space (non-breaking, thin, …) and marks that show as nothing.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def normal_cell(text: str) -> str:
    """A cell with non-breaking and other odd spaces as plain spaces, invisible marks removed."""
    return _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text))


def _is_blank(cells: list[str]) -> bool:
    return all(not cell.strip() for cell in cells)


def _unique_headers(cells: list[str]) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Header names made unique and never empty, so that a mapping can be keyed by them; and
    the names that were repeated, each with the name its later copy got."""
    seen: dict[str, int] = {}
    result = []
    repeats = []
    for position, cell in enumerate(cells, start=1):
        name = cell.strip() or _("Kolom %(number)d") % {"number": position}
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            repeats.append((name, f"{name} ({seen[name]})"))
            name = repeats[-1][1]
        result.append(name)
    return tuple(result), tuple(repeats)


def parse_text(
    text: str, encoding: str = "utf-8", is_header: Callable[[list[str]], bool] | None = None
) -> CsvTable:
    """The table in decoded CSV text; refused when there is no header or a line is broken.

    ``is_header`` recognises the header row; the lines above it (a title, an export date) are
    skipped and reported. Without it, or when no row among the first lines is one, the first
    non-empty row is the header.
    """
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
    # A quote that is never closed refuses the file: without strict, every line after it
    # became one cell.
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    found: list[tuple[int, list[str]]] = []
    previous_end = 0
    try:
        for cells in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not _is_blank(cells):
                found.append((start, [normal_cell(cell) for cell in cells]))
    except csv.Error as error:
        if "end of data" in str(error):
            raise ImportRejected(
                _(
                    'Op regel %(line)d begint een veld met een aanhalingsteken (") dat '
                    "nergens wordt gesloten: alle regels daarna zouden in dat ene veld komen. "
                    "Zet het tweede aanhalingsteken erbij of haal het eerste weg. Er is niets "
                    "ingelezen."
                )
                % {"line": previous_end + 1}
            ) from None
        raise ImportRejected(
            _(
                "Regel %(line)d van het bestand kan niet worden gelezen. "
                "Staat daar een aanhalingsteken te veel of te weinig?"
            )
            % {"line": previous_end + 1}
        ) from None
    if not found:
        raise ImportRejected(_("Het bestand is leeg: er staat geen kopregel in."))
    at = _header_index(found[:HEADER_SEARCH_ROWS], is_header) if is_header else 0
    title = _("Titelregel boven de kopregel, geen klant.")
    headers, repeats = _unique_headers(found[at][1])
    return CsvTable(
        encoding,
        delimiter,
        headers,
        tuple((line, tuple(cells)) for line, cells in found[at + 1 :]),
        found[at][0],
        tuple(RejectedRow(line, title) for line, _cells in found[:at]),
        repeats,
    )


def _filled(cells: list[str]) -> int:
    return sum(1 for cell in cells if cell.strip())


def _header_index(
    first_rows: list[tuple[int, list[str]]], is_header: Callable[[list[str]], bool]
) -> int:
    """Which of the first rows is the header: the first that ``is_header`` knows; else, after
    lines of one cell (a title, a date), the first row of several cells; else the first row."""
    for index, (_line, cells) in enumerate(first_rows):
        if is_header(cells):
            return index
    for index, (_line, cells) in enumerate(first_rows):
        if _filled(cells) >= 2:
            return index
    return 0


def read_table(
    source: Path | bytes, is_header: Callable[[list[str]], bool] | None = None
) -> CsvTable:
    """The table in a CSV file (a path or its bytes); refused when it cannot be read as CSV."""
    if isinstance(source, Path):
        try:
            if source.stat().st_size > MAX_BYTES:
                raise ImportRejected(_("Dit bestand is te groot voor een caseload."))
            data = source.read_bytes()
        except OSError as error:
            raise ImportRejected(
                _("Het bestand %(path)s kan niet worden gelezen: %(reason)s")
                % {"path": source, "reason": file_reason(error)}
            ) from error
    else:
        data = source
    text, encoding = decode(data)
    return parse_text(text, encoding, is_header)


# --- values ----------------------------------------------------------------------------------

_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SHORT_YEAR = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2})")
#: 19880504, as some case systems write a date.
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
#: A date that Excel shows as its serial number (days since 30-12-1899), perhaps with a time.
_EXCEL_SERIAL = re.compile(r"(\d{5})(?:[.,]\d+)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
#: Excel and case systems often add a midnight time to a date.
_TIME = re.compile(r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$")
#: What case systems put in a date field that was never filled in.
PLACEHOLDER_DATES = frozenset(
    {
        dt.date(1, 1, 1),
        dt.date(1753, 1, 1),
        dt.date(1899, 12, 30),
        dt.date(1899, 12, 31),
        dt.date(1900, 1, 1),
        dt.date(9999, 12, 31),
    }
)
_ZERO_DATE = re.compile(r"0{1,2}[-/.]0{1,2}[-/.]0{2,4}|0{4}-0{2}-0{2}|0{8}")
#: A birth date has at least this many years behind it (validate refuses younger clients).
_YOUNGEST = 15


def _century(field: str, day: int, month: int, short_year: int, today: dt.date) -> int:
    """The full year of a two-digit one: a birth date lies in the past (and a client is at
    least 15); any other date follows Excel's rule (00-29 is 2000-2029, 30-99 is 1930-1999)."""
    if field != "birth_date":
        return 2000 + short_year if short_year < 30 else 1900 + short_year
    year = 2000 + short_year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year  # the check below says the date does not exist
    try:
        latest = today.replace(year=today.year - _YOUNGEST)
    except ValueError:  # today is 29 February
        latest = today.replace(year=today.year - _YOUNGEST, day=28)
    return year if candidate <= latest else year - 100


def _placeholder(field: str, value: str) -> errors.InvalidValue:
    return errors.InvalidValue(
        field,
        _(
            "“%(value)s” is een invuldatum van het bronsysteem, geen echte datum. Vul de echte "
            "datum in of laat het veld leeg."
        )
        % {"value": value},
    )


def parse_date(field: str, text: str, today: dt.date | None = None) -> dt.date | None:
    """A date as exports write it; None when empty.

    Dutch (31-01-2026, 31-1-2026, 31/01/2026), ISO, 19880504, an Excel serial number (32267),
    or a two-digit year (see ``_century``). Placeholders such as 00-00-0000 and 01-01-1900 are
    refused with that reason, never stored as a date.
    """
    value = normal_cell(text).strip()
    if not value:
        return None
    bare = _TIME.sub("", value)
    if _ZERO_DATE.fullmatch(bare):
        raise _placeholder(field, value)
    if match := _DUTCH_DATE.fullmatch(bare):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(bare):
        year, month, day = (int(part) for part in match.groups())
    elif match := _SHORT_YEAR.fullmatch(bare):
        day, month, short = (int(part) for part in match.groups())
        year = _century(field, day, month, short, today or dt.date.today())
    elif match := _COMPACT_DATE.fullmatch(bare):
        year, month, day = (int(part) for part in match.groups())
    elif match := _EXCEL_SERIAL.fullmatch(bare):
        return _EXCEL_EPOCH + dt.timedelta(days=int(match.group(1)))
    else:
        raise errors.InvalidValue(
            field,
            _("“%(value)s” is geen datum. Schrijf een datum als 31-01-2026.") % {"value": value},
        )
    try:
        date = dt.date(year, month, day)
    except ValueError:
        raise errors.InvalidValue(
            field, _("de datum “%(value)s” bestaat niet.") % {"value": value}
        ) from None
    if date in PLACEHOLDER_DATES:
        raise _placeholder(field, value)
    return date


# --- rows that are not data ------------------------------------------------------------------

_FILLER = re.compile(r"[\s\-=*_#.~+|]*")
_FOOTER_WORDS = re.compile(
    r"[\W_]*(sub|eind|generaal)?(totaal|totalen|totaal\w*|aantal|total|totals|count|einde|"
    r"gegenereerd|afgedrukt|geexporteerd|exportdatum|rapportdatum|peildatum|pagina|page|bron|"
    r"filter|selectie|opgemaakt)\b",
    re.IGNORECASE,
)
_COUNTED = re.compile(r"\d+\s+(records?|regels?|rijen|clienten|klanten|dossiers)\b")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def not_data(cells: Sequence[str], width: int, reference_column: int | None = None) -> str | None:
    """Why a row is no client at all (a totals or footer line, a filler line, a loose heading),
    or None for a data row. Such rows are skipped and reported, never imported or rejected.

    A footer word only counts when the row has no klantnummer of its own (its reference cell
    is empty or holds the footer text itself): 'Bron', 'Pagina' and 'Einde' are surnames too,
    and a row 'Bron;Jan;N001' is a client."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    if not filled:
        return None
    if all(_FILLER.fullmatch(cell) for cell in filled):
        return _("Opvulregel zonder gegevens, geen klant.")
    first = _plain(filled[0])
    reference = ""
    if reference_column is not None and reference_column < len(cells):
        reference = cells[reference_column].strip()
    has_own_reference = bool(reference) and reference != filled[0]
    if (_FOOTER_WORDS.match(first) or _COUNTED.match(first)) and not has_own_reference:
        return _("Totaal- of voetregel, geen klant.")
    if len(filled) == 1 and width >= 3 and (":" in first or len(first.split()) >= 2):
        return _("Losse tekstregel (een kopje of opmerking), geen klant.")
    return None


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
