"""One base for the read-only tables of the window: a list of rows, headers and cell texts.

The caseload's own model is different (it holds ids and fetches rows lazily); every other
table (scans, the audit log, the files past retention, a client's timeline) uses this one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses say the headers and the cell texts.

    Rows are numbered in the vertical header when ``NUMBERED`` is set; other roles (a font, an
    icon) come from :meth:`extra`.
    """

    NUMBERED = True

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> Sequence[str]:
        """The column titles, in the active language."""
        raise NotImplementedError

    def cell(self, row: Any, column: int) -> str:
        """The text of one cell."""
        raise NotImplementedError

    def extra(self, row: Any, column: int, role: int) -> Any:
        """Any other role of a cell (a font, an icon); None by default."""
        return None

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        """Left for text; subclasses right-align numbers."""
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        """The data behind a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        """Rows in the table (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name
        """Columns in the table."""
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell text, its alignment, and the whole row as a tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.alignment(index.column()).value)
        return self.extra(row, index.column(), role)

    def headerData(  # noqa: N802 - Qt's name
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles; rows are numbered."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1) if self.NUMBERED else None
