"""Application-wide Qt setup: the shipped font and Qt's own translations."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from resources import files, i18n


def install_fonts(application: QApplication) -> None:
    """Register the shipped font; use it when the system offers none (Qt would draw boxes).

    Once per application: the frame (ui/shell/frame.py) may have done it already.
    """
    if application.property("trede_fonts"):
        return
    application.setProperty("trede_fonts", True)
    had_fonts = bool(QFontDatabase.families())
    family = ""
    for font_file in (files.FONT_REGULAR, files.FONT_BOLD):
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        if font_id >= 0 and not family:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    if family and not had_fonts:
        font = application.font()
        font.setFamily(family)
        application.setFont(font)


def install_translators(application: QApplication, language: str) -> None:
    """Load Qt's own translation so standard buttons say 'Opslaan' and 'Annuleren'.

    Earlier Trede translators are removed first, so switching language works while running.
    """
    QLocale.setDefault(QLocale(i18n.LOCALES[language]))
    for old in application.findChildren(QTranslator, "trede-qt-translator"):
        application.removeTranslator(old)
        old.deleteLater()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(application)
    translator.setObjectName("trede-qt-translator")
    if translator.load(f"qtbase_{language}", folder):
        application.installTranslator(translator)


class _CloseAfterPaint(QObject):
    """Closes its window from the event loop once the window has been painted."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Watch for the first paint; let every event through."""
        if not self._done and watched is self._window and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._window.close)  # after this paint has finished
        return False


def close_after_first_paint(window: QWidget) -> None:
    """Close ``window`` as the user would (geometry saved, backup made) once it has been drawn."""
    window.installEventFilter(_CloseAfterPaint(window))
