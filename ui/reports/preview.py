"""The pages of a report as images, one under the other, with the page number and zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from resources import i18n
from resources.i18n import _
from ui import metrics
from ui.reports import render as report_render

#: Zoom steps in percent of the real size on screen (100% = an A4 page as wide as on paper).
ZOOM_STEPS = (50, 67, 75, 90, 100, 125, 150, 200)
#: Logical dots per inch at 100% (Qt's logical inch).
SCREEN_DPI = 96.0


class PageImage(QLabel):
    """One rendered page; a screen reader hears 'Pagina 3'."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = number
        self.setAccessibleName(_("Pagina %(n)d") % {"n": number})
        self.setFrameShape(QFrame.Shape.Box)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)


class Preview(QWidget):
    """A scrollable column of pages, 'Pagina X van Y', and buttons to zoom."""

    #: The page in view changed (1-based).
    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: report_render.Document | None = None
        self.zoom = 75
        #: Until the user zooms, a new report is shown as wide as fits.
        self._user_zoom = False
        self.pages: list[PageImage] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(metrics.SPACING)

        bar = QHBoxLayout()
        self.page_label = QLabel("")
        self.page_label.setObjectName("pageLabel")
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        self.zoom_out_button = QPushButton(_("Kleiner"))
        self.zoom_out_button.setToolTip(_("Kleiner (Ctrl+-)"))
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_label = QLabel("")
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_in_button = QPushButton(_("Groter"))
        self.zoom_in_button.setToolTip(_("Groter (Ctrl++)"))
        self.zoom_in_button.clicked.connect(self.zoom_in)
        # The pages as text too: a screen reader reads it, and text can be selected and found.
        self.text_button = QPushButton(_("Als tekst &weergeven"))
        self.text_button.setCheckable(True)
        self.text_button.setToolTip(_("De tekst van de pagina's, om te lezen of voor te lezen"))
        self.text_button.toggled.connect(self._show_text)
        # The page puts the text button with its other buttons, in a row that wraps.
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.text_view = QPlainTextEdit()
        self.text_view.setObjectName("previewText")
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(_("Tekst van het rapport"))
        self.text_view.hide()

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("previewPages")
        self.scroll_area.setAccessibleName(_("Voorbeeld van het rapport"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.column = QWidget()
        self.column.setObjectName("previewColumn")
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column_layout.setSpacing(metrics.SPACING * 2)
        # Outside the scroll area, as wide as the preview: the sentence is read from its start
        # also with a large font (inside, centred, it was cut off at the top).
        self.empty = QLabel("")
        self.empty.setObjectName("previewEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll_area.setWidget(self.column)
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._track_page)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.text_view, 1)
        self.show_message(
            # Short: with a 200 % font the column beside the form has room for a few lines.
            _(
                "Nog geen voorbeeld. Kies links een rapport en dan Voorbeeld maken (Alt+D). "
                "Het verslag van één klant: Ctrl+R in het dossier."
            )
        )

    # -- content ------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """No pages: a sentence in their place."""
        self._clear()
        self.text_view.setPlainText(text)
        self.text_button.setChecked(False)
        self.empty.setText(text)
        self.empty.show()
        self.scroll_area.hide()
        self._update_labels()

    def show_document(self, document: report_render.Document) -> None:
        """Show every page of a PDF, starting at the first."""
        self._clear()
        self.document = document
        self.empty.hide()
        self.scroll_area.setVisible(not self.text_button.isChecked())
        self.pages = [PageImage(number, self.column) for number in range(1, len(document) + 1)]
        for page in self.pages:
            self.column_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            page.show()  # now, not when the event loop gets to it: the layout skips hidden ones
        if not self._user_zoom:
            self.zoom = self._fitting_zoom()
        self._render()
        self.scroll_area.verticalScrollBar().setValue(0)
        texts = [document.text(page.number - 1) for page in self.pages]
        for page, text in zip(self.pages, texts, strict=True):
            page.setAccessibleDescription(text)
        self.text_view.setPlainText(
            "\n\n".join(
                f"{_('Pagina %(n)d') % {'n': page.number}}\n\n{text}"
                for page, text in zip(self.pages, texts, strict=True)
            )
        )
        self._update_labels()

    def page_text(self) -> str:
        """The text of every page, as "Als tekst weergeven" shows it."""
        return self.text_view.toPlainText()

    def _show_text(self, shown: bool) -> None:
        self.scroll_area.setVisible(not shown)
        self.text_view.setVisible(shown)
        (self.text_view if shown else self.scroll_area).setFocus()

    def _fitting_zoom(self) -> int:
        """The largest zoom step at which the first page fits the width of the view."""
        if self.document is None or not len(self.document):
            return self.zoom
        margins = self.column_layout.contentsMargins()
        room = (
            self.scroll_area.viewport().width()
            - margins.left()
            - margins.right()
            - self.scroll_area.verticalScrollBar().sizeHint().width()
            - 4  # the frame around a page
        )
        page_width = self.document.pixel_size(0, SCREEN_DPI).width()
        fitting = [step for step in ZOOM_STEPS if page_width * step / 100 <= room]
        return fitting[-1] if fitting else ZOOM_STEPS[0]

    def _clear(self) -> None:
        for page in self.pages:
            self.column_layout.removeWidget(page)
            page.deleteLater()
        self.pages = []
        if self.document is not None:
            self.document.close()
            self.document = None

    def page_count(self) -> int:
        """The number of pages shown (0 without a report)."""
        return len(self.pages)

    # -- zoom ---------------------------------------------------------------------------

    def zoom_in(self) -> None:
        """One step larger (Ctrl++)."""
        larger = [step for step in ZOOM_STEPS if step > self.zoom]
        if larger:
            self.set_zoom(larger[0])

    def zoom_out(self) -> None:
        """One step smaller (Ctrl+-)."""
        smaller = [step for step in ZOOM_STEPS if step < self.zoom]
        if smaller:
            self.set_zoom(smaller[-1])

    def set_zoom(self, percent: int) -> None:
        """Show the pages at this percentage, keeping the page in view."""
        page = self.current_page()
        self._user_zoom = True
        self.zoom = percent
        self._render()
        self._update_labels()
        if page:
            self.go_to(page)

    def _render(self) -> None:
        if self.document is None:
            return
        ratio = self.devicePixelRatioF()
        dpi = SCREEN_DPI * self.zoom / 100
        for page in self.pages:
            image = self.document.image(page.number - 1, dpi * ratio)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            page.setPixmap(pixmap)
            page.setFixedSize(self.document.pixel_size(page.number - 1, dpi))
        # Place the pages now, so that 'Pagina X van Y' is right before the next paint.
        self.column.adjustSize()
        self.column_layout.activate()

    # -- where we are -------------------------------------------------------------------

    def current_page(self) -> int:
        """The page at the top of the view (1-based; 0 without pages)."""
        if not self.pages:
            return 0
        top = self.scroll_area.verticalScrollBar().value()
        middle = top + self.scroll_area.viewport().height() // 3
        for page in reversed(self.pages):
            if page.y() <= middle:
                return page.number
        return 1

    def go_to(self, number: int) -> None:
        """Scroll so that this page starts at the top."""
        if 1 <= number <= len(self.pages):
            self.column.adjustSize()
            spacing = self.column_layout.spacing() // 2
            self.scroll_area.verticalScrollBar().setValue(
                max(self.pages[number - 1].y() - spacing, 0)
            )
            self._update_labels()

    def _track_page(self) -> None:
        self._update_labels()
        self.page_changed.emit(self.current_page())

    def _update_labels(self) -> None:
        if self.pages:
            self.page_label.setText(
                _("Pagina %(page)d van %(pages)d")
                % {"page": self.current_page(), "pages": len(self.pages)}
            )
        else:
            self.page_label.setText("")
        self.zoom_label.setText(i18n.format_percent(self.zoom / 100))
        self.zoom_in_button.setEnabled(bool(self.pages) and self.zoom < ZOOM_STEPS[-1])
        self.zoom_out_button.setEnabled(bool(self.pages) and self.zoom > ZOOM_STEPS[0])
        self.text_button.setEnabled(bool(self.pages))
