"""The caseload table's column widths: each column as wide as its content (numbers, klantmanager
names, status), never cutting a name off; the name column takes the rest."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from caseload import vocab
from resources import i18n
from ui.caseload.columns import Column, status_text

#: Widths of the number columns and the klantnummer, in digits: a klantnummer of ten
#: characters ("KL00001234", a municipality's own numbers) fits whole.
NUMBER_WIDTHS = {
    Column.REFERENCE: 10,
    Column.TREDE: 5,
    Column.DAYS_SINCE_CONTACT: 7,
    Column.OPEN_BARRIERS: 7,
    Column.OPEN_ACTIONS: 6,
}
#: A text column never grows wider than this many average characters (a name typed by mistake).
WIDEST_TEXT = 60
#: The Status column at most: "Afgesloten: Uitstroom naar werk" fits.
WIDEST_STATUS = 32
#: The name column at least, in average characters, when the other columns leave little room
#: (text at 200 %): the table then scrolls sideways instead. At 100 % in the window's first
#: size the names get more than this, so no scroll bar appears there.
NARROWEST_NAME = 14
#: The names keep this many average characters while Status and Klantmanager can give way.
COMFORTABLE_NAME = 22
#: Klantmanager gives way down to this many average characters (or its title).
NARROW_KLANTMANAGER = 14


def two_line_width(metrics: QFontMetrics, title: str) -> int:
    """The width of a header title wrapped at its best space onto two lines (the header wraps
    its titles, so a screen reader still hears one line of text)."""
    words = title.split()
    widths = [
        max(
            metrics.horizontalAdvance(" ".join(words[:cut])),
            metrics.horizontalAdvance(" ".join(words[cut:])),
        )
        for cut in range(1, len(words))
    ]
    return min(widths, default=metrics.horizontalAdvance(title))


def wrap_titles(table: QTableView) -> None:
    """Give the header the height for titles on two lines (the model's header alignment wraps
    them at a space)."""
    header = table.horizontalHeader()
    header.setMinimumHeight(2 * header.fontMetrics().lineSpacing() + 12)


class ColumnWidths:
    """Sizes the columns of one caseload table to their texts, in its (bold) font."""

    def __init__(self, table: QTableView) -> None:
        self.table = table
        bold = table.font()
        bold.setBold(True)  # flagged rows are bold: their texts are the widest
        self.metrics = QFontMetrics(bold)
        self._status_widths: dict[tuple[str | None, str], tuple[int, int]] = {}
        #: The Status column's width for the chosen filter (or as the user dragged it), and the
        #: least it may get when the table is narrow: its texts without the closing reason.
        self.status_wanted: int | None = None
        self.status_least = 0
        #: The name column's keeper, which gives Status what the table has room for.
        self.room: NameRoom | None = None

    def header_width(self, column: Column) -> int:
        """Room for a column's title (its longest line) and the sort arrow."""
        model = self.table.model()
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        return (
            two_line_width(self.table.fontMetrics(), title)
            + 2 * self.metrics.averageCharWidth()
            + 12
        )

    def fit_numbers(self) -> None:
        """The klantnummer and number columns: room for so many digits (in the bold font, and
        with the cell's margins), or their title."""
        padding = 2 * self.metrics.averageCharWidth()
        for column, characters in NUMBER_WIDTHS.items():
            digits = self.metrics.horizontalAdvance("0" * characters) + padding
            self.table.setColumnWidth(column, max(digits, self.header_width(column)))

    def widest(self, texts: list[str]) -> int:
        """The advance of the widest of these texts, in the (bold) font of the rows."""
        return max((self.metrics.horizontalAdvance(text) for text in texts), default=0)

    def font_key(self) -> str:
        """What the measured advances depend on: the font, and how this screen draws it."""
        sample = self.metrics.horizontalAdvance("Wim Öztürk-Mahabier")
        return f"{self.metrics.fontDpi()} {sample} {self.table.font().toString()}"

    def wanted(
        self, column: Column, texts: list[str], most: int = WIDEST_TEXT, widest: int | None = None
    ) -> int:
        """The width at which none of these texts is cut off, up to ``most`` average
        characters (``widest``: their widest advance, when it is known already)."""
        average = self.metrics.averageCharWidth()
        padding = 3 * average  # the cell's margins and the attention marker's room
        widest = self.widest(texts) if widest is None else widest
        return min(max(widest + padding, self.header_width(column)), most * average)

    def fit(
        self, column: Column, texts: list[str], most: int = WIDEST_TEXT, widest: int | None = None
    ) -> None:
        """Widen a column so that none of these texts is cut off (never narrower than now),
        up to ``most`` average characters."""
        wanted = self.wanted(column, texts, most, widest)
        if self.table.columnWidth(column) < wanted:
            self.table.setColumnWidth(column, wanted)

    def fit_status(self, status: str | None = None) -> None:
        """Status as wide as the texts the filter can show (``status`` None: every status), so
        "Actief" leaves the room to the names; a rare long closing reason does not widen it for
        every row: that one is cut and shown whole in the tooltip. In a table too narrow for
        every column (the closed files at the window's first size) Status gives way down to its
        texts without the reason, so the table needs no sideways scroll bar."""
        key = (status, i18n.current_language())
        sizes = self._status_widths.get(key)
        if sizes is None:  # once per status and language, not on every key of a search
            statuses = (status,) if status else vocab.CLIENT_STATUSES.codes()
            texts = [
                status_text(code, reason, transferred)
                for code in statuses
                for reason in (None, *(vocab.CLOSING_REASONS.codes() if code == "closed" else ()))
                for transferred in (False, True)
            ]
            plain = [status_text(code, None) for code in statuses]
            sizes = self._status_widths[key] = (
                self.wanted(Column.STATUS, texts, WIDEST_STATUS),
                self.wanted(Column.STATUS, plain, WIDEST_STATUS),
            )
        # Only a real change: every resize is written to window.ini (search runs this per key).
        if (self.status_wanted, self.status_least) == sizes:
            return
        self.status_wanted, self.status_least = sizes
        if self.room is not None:
            self.room.fit()
        elif self.table.columnWidth(Column.STATUS) != self.status_wanted:
            self.table.setColumnWidth(Column.STATUS, self.status_wanted)


class NameRoom(QObject):
    """The name column takes the room the other columns leave, like a stretched column. When
    the table is narrow (the window's first size on a laptop, the text at 200 %) the columns
    give way in turn, so the most important column is the last one cut off: Status down to its
    text without the closing reason (see :meth:`ColumnWidths.fit_status`), then Klantmanager
    down to ``NARROW_KLANTMANAGER`` characters, while the names keep ``COMFORTABLE_NAME``;
    after that the names down to ``NARROWEST_NAME``, and then the table scrolls sideways."""

    def __init__(self, table: QTableView, widths: ColumnWidths) -> None:
        super().__init__(table)
        self.table = table
        self.widths = widths
        widths.room = self
        self._fitting = False
        #: The width Klantmanager wants: fitted to the names, or as the user dragged it.
        self.klantmanager_wanted = table.columnWidth(Column.KLANTMANAGER)
        header = table.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The table was resized: the names take the new room."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting or column == Column.NAME:
            return
        # Fitted to its texts or dragged by the user: the width the column wants from now on.
        if column == Column.STATUS:
            self.widths.status_wanted = new
        elif column == Column.KLANTMANAGER:
            self.klantmanager_wanted = new
        self.fit()

    def fit(self) -> None:
        """Status and Klantmanager as wide as they want while the names keep a comfortable
        width, else narrower in that order (never below their least); the names what is left."""
        header = self.table.horizontalHeader()
        giving = (Column.NAME, Column.STATUS, Column.KLANTMANAGER)
        fixed = sum(
            header.sectionSize(column)
            for column in Column
            if column not in giving and not header.isSectionHidden(column)
        )
        average = self.table.fontMetrics().averageCharWidth()
        room = self.table.viewport().width() - fixed
        giving_way: list[tuple[Column, int, int]] = []  # column, wanted, least
        for column, wanted, least in (
            (Column.STATUS, self.widths.status_wanted, self.widths.status_least),
            (
                Column.KLANTMANAGER,
                self.klantmanager_wanted,
                max(self.widths.header_width(Column.KLANTMANAGER), NARROW_KLANTMANAGER * average),
            ),
        ):
            if header.isSectionHidden(column):
                continue
            if wanted is None:  # not fitted yet: as it is
                wanted = least = header.sectionSize(column)
            giving_way.append((column, wanted, min(least, wanted)))
        # How much the names lack of a comfortable width with the others as wide as they want.
        short = COMFORTABLE_NAME * average + sum(wanted for _c, wanted, _l in giving_way) - room
        sizes: dict[Column, int] = {}
        for column, wanted, least in giving_way:
            given = max(0, min(short, wanted - least))
            sizes[column] = wanted - given
            short -= given
        sizes[Column.NAME] = max(NARROWEST_NAME * average, room - sum(sizes.values()))
        self._fitting = True
        try:
            for column, width in sizes.items():
                # Only a real change: every resize is written to window.ini.
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False
