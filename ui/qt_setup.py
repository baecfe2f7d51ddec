"""Application-wide Qt setup: the shipped font and Qt's own translations."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from resources import files, i18n
from resources.i18n import N_, _

#: Qt's own texts that its Dutch translation (``qtbase_nl``) lacks in the Qt that Trede ships,
#: by Qt's context and English text: the file dialog's two labels and the kinds in its list, the
#: print dialog's options (on Linux, where Qt draws it) and Qt's error message box. Without them
#: a Dutch Trede shows "Look in:" and "Files of type:" over a list of "Folder"s.
QT_TEXTS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): N_("&Zoeken in:"),
    ("QFileDialog", "Files of &type:"): N_("Bestanden van &type:"),
    ("QAbstractFileIconProvider", "Drive"): N_("Station"),
    ("QAbstractFileIconProvider", "File"): N_("Bestand"),
    ("QAbstractFileIconProvider", "File Folder"): N_("Bestandsmap"),
    ("QAbstractFileIconProvider", "Folder"): N_("Map"),
    ("QAbstractFileIconProvider", "Shortcut"): N_("Snelkoppeling"),
    ("QAbstractFileIconProvider", "Unknown"): N_("Onbekend"),
    ("QPrintSettingsOutput", "Double Sided Printing"): N_("Dubbelzijdig afdrukken"),
    ("QPrintSettingsOutput", "Long side binding"): N_("Binden aan de lange kant"),
    ("QPrintSettingsOutput", "Short side binding"): N_("Binden aan de korte kant"),
    ("QPrintSettingsOutput", "Off"): N_("Uit"),
    ("QPrintSettingsOutput", "Page &Set:"): N_("&Welke pagina's:"),
    ("QPageSetupWidget", "Pages &per sheet:"): N_("Pagina's &per vel:"),
    ("QPageSetupWidget", "Page &order:"): N_("&Volgorde van de pagina's:"),
    ("QCupsJobWidget", "Job &priority:"): N_("&Voorrang van de afdruk:"),
    ("QCupsJobWidget", "Scheduled &printing:"): N_("&Later afdrukken:"),
    ("QCupsJobWidget", "&Billing information:"): N_("&Gegevens voor de rekening:"),
    ("QCupsJobWidget", "&Start:"): N_("&Begin:"),
    ("QCupsJobWidget", "&End:"): N_("&Einde:"),
    ("QErrorMessage", "An error occurred"): N_("Er ging iets mis"),
}


class _QtTexts(QTranslator):
    """Trede's words for the texts in ``QT_TEXTS``, in the active language; asked by Qt only
    when its own translation has none (installed before it)."""

    def translate(  # noqa: D102 - Qt's virtual
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "": Qt takes an empty text as the translation and asks no further.
        text = QT_TEXTS.get((context, source_text))
        return None if text is None else _(text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        """Never empty: Qt would not announce the language change for an empty translator."""
        return False


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
    """Load Qt's own translation so standard buttons say 'Opslaan' and 'Annuleren', and
    Trede's words for what it lacks (``QT_TEXTS``).

    Earlier Trede translators are removed first, so switching language works while running.
    """
    QLocale.setDefault(QLocale(i18n.LOCALES[language]))
    for old in application.findChildren(QTranslator, "trede-qt-translator"):
        application.removeTranslator(old)
        old.deleteLater()
    # Qt asks the translator installed last first: its own translation, then Trede's words.
    texts = _QtTexts(application)
    texts.setObjectName("trede-qt-translator")
    application.installTranslator(texts)
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
