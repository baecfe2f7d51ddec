"""PDF pages as images, for the preview and the printer, through PDFium (pypdfium2).

PySide6-Essentials has no QtPdf; pypdfium2 ships PDFium itself in a wheel for Windows, macOS and
Linux. PDFium is not thread-safe, so every call here runs on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from resources.errors import UserError
from resources.i18n import _

#: PDF units per inch.
POINTS_PER_INCH = 72.0
#: Pages go to the printer at its own resolution, but never finer than this: a 1200 dpi A4
#: page would be half a gigabyte of pixels and look no different.
MAX_PRINT_DPI = 300


class UnreadablePdf(UserError):
    """The PDF cannot be opened (it is damaged or gone)."""


class Document:
    """An open PDF, read into memory (so the file stays free to move or delete)."""

    def __init__(self, path: Path) -> None:
        try:
            self._pdf = pdfium.PdfDocument(Path(path).read_bytes())
        except (OSError, pdfium.PdfiumError) as error:
            raise UnreadablePdf(
                _("Het rapport %(path)s kan niet worden gelezen: %(reason)s")
                % {"path": path, "reason": error}
            ) from error
        self.path = Path(path)

    def __len__(self) -> int:
        return len(self._pdf)

    def page_size(self, index: int) -> QSizeF:
        """The size of a page in points (1/72 inch)."""
        width, height = self._pdf[index].get_size()
        return QSizeF(width, height)

    def pixel_size(self, index: int, dpi: float) -> QSize:
        """The size in pixels of a page rendered at this resolution."""
        size = self.page_size(index) * (dpi / POINTS_PER_INCH)
        return QSize(round(size.width()), round(size.height()))

    def image(self, index: int, dpi: float) -> QImage:
        """One page (0-based) as an image at this resolution, on white."""
        page = self._pdf[index]
        bitmap = page.render(
            scale=dpi / POINTS_PER_INCH,
            fill_color=(255, 255, 255, 255),
            rev_byteorder=True,  # RGB order, as QImage's RGBX8888 expects
            prefer_bgrx=True,  # four bytes per pixel
            optimize_mode="print",
        )
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGBX8888,
        ).copy()  # own the pixels: the bitmap's buffer goes away with it
        bitmap.close()
        page.close()
        return image

    def text(self, index: int) -> str:
        """The text on one page (0-based), in reading order as PDFium finds it."""
        page = self._pdf[index]
        text_page = page.get_textpage()
        try:
            text = str(text_page.get_text_range())
        finally:
            text_page.close()
            page.close()
        # PDFium ends lines with CR LF; a text field wants plain newlines.
        return text.replace("\r\n", "\n").replace("\r", "\n").strip()

    def close(self) -> None:
        """Release PDFium's copy of the document."""
        self._pdf.close()


def print_pages(document: Document, printer: QPrinter) -> int:
    """Paint the pages onto the printer, one page each; the user's page range is respected.

    Returns the number of pages sent. Each page is scaled to the paper, keeping its shape.
    """
    first, last = printer.fromPage(), printer.toPage()
    if first == 0 and last == 0:
        first, last = 1, len(document)
    first, last = max(first, 1), min(last, len(document))
    if first > last:
        return 0
    # The PDF has its own margins: the printer must not add its own on top.
    printer.setFullPage(True)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(_("De printer kan niet worden gestart."))
    try:
        for number in range(first, last + 1):
            if number > first:
                printer.newPage()
            image = document.image(number - 1, dpi)
            area = QRectF(painter.viewport())
            size = QSizeF(image.size()).scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(
                area.x() + (area.width() - size.width()) / 2,
                area.y() + (area.height() - size.height()) / 2,
                size.width(),
                size.height(),
            )
            painter.drawImage(target, image)
    finally:
        painter.end()
    return last - first + 1
