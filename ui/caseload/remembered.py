"""What the caseload looked like last time: filters, sort, column widths and the client view's
splitter, kept in window.ini next to the window's size (QSettings), so the next start is the same.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QComboBox, QHeaderView, QSplitter

from ui.caseload.filters import CaseloadFilters
from ui.caseload.widths import ColumnWidths
from ui.context import WindowContext

GROUP = "caseload"
#: The filter combo boxes by the name they are kept under (the search text is not kept).
_COMBOS = ("status", "trede", "barrier_kind", "klantmanager", "team")
_BOXES = ("no_recent_contact", "overdue")


def _settings(context: WindowContext) -> QSettings:
    return QSettings(str(context.paths.window_state), QSettings.Format.IniFormat)


def filter_state(filters: CaseloadFilters) -> str:
    """The chosen filters as they are kept (not the search text: that is for one moment)."""
    values: dict[str, Any] = {name: getattr(filters, name).currentData() for name in _COMBOS}
    values |= {name: getattr(filters, name).isChecked() for name in _BOXES}
    return json.dumps(values)


def save_filters(context: WindowContext, filters: CaseloadFilters) -> None:
    """Keep the chosen filters (not the search text: that is for one moment)."""
    _settings(context).setValue(f"{GROUP}/filters", filter_state(filters))


def _kept_filters(context: WindowContext) -> dict[str, Any]:
    """The filters as kept last time (none when nothing readable was kept)."""
    text = _settings(context).value(f"{GROUP}/filters", "", type=str)
    try:
        values = json.loads(str(text)) if text else {}
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def kept_klantmanager(context: WindowContext) -> object:
    """The klantmanager the caseload was filtered on last time (None: everyone)."""
    return _kept_filters(context).get("klantmanager")


def restore_filters(context: WindowContext, filters: CaseloadFilters) -> None:
    """Choose the kept filters again, where they still exist (a klantmanager may be gone)."""
    values = _kept_filters(context)
    for name in _COMBOS:
        combo: QComboBox = getattr(filters, name)
        if name in values:
            index = combo.findData(values[name]) if values[name] is not None else 0
            if index >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
    for name in _BOXES:
        if isinstance(values.get(name), bool):
            box = getattr(filters, name)
            box.blockSignals(True)
            box.setChecked(values[name])
            box.blockSignals(False)


def save_header(context: WindowContext, header: QHeaderView) -> None:
    """Keep the column widths and the sort, with the size of the font they were made for."""
    kept = _settings(context)
    kept.setValue(f"{GROUP}/header", header.saveState())
    kept.setValue(f"{GROUP}/header_font", header.fontMetrics().averageCharWidth())


def restore_header(context: WindowContext, header: QHeaderView) -> bool:
    """Put the kept widths and sort back; False when there are none (or they do not fit)."""
    state = _settings(context).value(f"{GROUP}/header")
    return isinstance(state, QByteArray) and header.restoreState(state)


def font_changed(context: WindowContext, header: QHeaderView) -> bool:
    """Whether the kept widths were made for another font size (the user changed the system's
    text size since): widths in pixels then cut off what used to fit."""
    kept = _settings(context).value(f"{GROUP}/header_font")
    try:
        return kept is not None and int(kept) != header.fontMetrics().averageCharWidth()
    except (TypeError, ValueError):  # window.ini edited by hand
        return True


def save_splitter(context: WindowContext, splitter: QSplitter) -> None:
    """Keep where the client view's splitter stands."""
    _settings(context).setValue(f"{GROUP}/client_splitter", splitter.saveState())


def restore_splitter(context: WindowContext, splitter: QSplitter) -> None:
    """Put the client view's splitter back where it stood."""
    state = _settings(context).value(f"{GROUP}/client_splitter")
    if isinstance(state, QByteArray):
        splitter.restoreState(state)


def _kept_widest(context: WindowContext) -> tuple[str, str]:
    """What the widest klantmanager name was measured for last time, and its advance."""
    kept = str(_settings(context).value(f"{GROUP}/widest_name", "", type=str))
    key, _sep, widest = kept.rpartition("|")
    return key, widest


def widest_name_then(context: WindowContext, widths: ColumnWidths) -> int | None:
    """The advance of the widest klantmanager name as measured last time in this font, without
    reading the names (None: not measured in this font yet)."""
    key, widest = _kept_widest(context)
    if widest.isdigit() and key.endswith(f" {widths.font_key()}"):
        return int(widest)
    return None


def widest_name(context: WindowContext, names: list[str], widths: ColumnWidths) -> int:
    """The advance of the widest klantmanager name: measured when the names or the font changed
    since last time, else as kept (a start does not measure a thousand names again)."""
    digest = zlib.crc32("\n".join(names).encode("utf-8"))
    key = f"{len(names)} {digest:08x} {widths.font_key()}"
    kept_key, kept = _kept_widest(context)
    if kept_key == key and kept.isdigit():
        return int(kept)
    settings = _settings(context)
    widest = widths.widest(names)
    settings.setValue(f"{GROUP}/widest_name", f"{key}|{widest}")
    return widest
