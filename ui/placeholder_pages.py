"""Pages whose content later work fills; each says plainly what will come."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui import widgets


class PlaceholderPage(QWidget):
    """A page with a title and a few sentences about what it will hold."""

    def __init__(self, heading: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = widgets.page_layout(self)
        layout.addWidget(widgets.title(heading))
        for line in lines:
            layout.addWidget(widgets.paragraph(line))
