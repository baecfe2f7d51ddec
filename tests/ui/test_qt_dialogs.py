"""Qt's own dialogs in a Dutch Trede: the file dialog's labels and list in Dutch, its buttons
with their icons, and a date field's calendar with a readable month."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QToolButton,
    QTreeView,
    QWidget,
)

from caseload import demo
from resources import design as palette_module
from resources import i18n
from ui import design, file_dialogs, qt_setup
from ui.caseload.page import CaseloadPage
from ui.changes import ChangeBus

from .modal_driver import ModalDriver
from .shell.test_main_window import show_active

# The offscreen platform of the tests says so for every dialog and popup; not Trede's fault.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)


@pytest.fixture
def dutch():
    """Trede in Dutch, Qt's translations too; English again afterwards (the tests' default)."""
    application = QApplication.instance()
    with i18n.language("nl"):
        qt_setup.install_translators(application, "nl")
        try:
            yield
        finally:
            qt_setup.install_translators(application, "en")


def _file_dialog(qtbot, folder) -> QFileDialog:
    design.ensure_installed()
    dialog = QFileDialog(None, "Caseload exporteren", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters(["CSV-bestanden (*.csv)", "Excel-bestanden (*.xlsx)"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_dialog_speaks_dutch(qtbot, tmp_path, app_context, dutch) -> None:
    """Alt+X on the caseload opens Qt's own file dialog (as on Linux) in Dutch."""
    folder = tmp_path / "kies"
    (folder / "exports").mkdir(parents=True)
    file_dialogs.remember(app_context, "export", folder)
    demo.fill(app_context.db, 5, seed=3)
    page = CaseloadPage(app_context, ChangeBus())
    qtbot.addWidget(page)
    show_active(qtbot, page)
    page.apply_filter()
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        seen["labels"] = {
            label.text() for label in dialog.findChildren(QLabel) if label.isVisible()
        }
        view = dialog.findChild(QTreeView, "treeView")
        qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 1)
        seen["kind"] = view.model().index(0, 2, view.rootIndex()).data()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    driver = ModalDriver(look)
    qtbot.keyClick(page, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # E&xporteren…
    qtbot.waitUntil(lambda: "kind" in seen or bool(driver.errors))
    driver.check()
    assert {"&Zoeken in:", "Bestanden van &type:", "Bestands&naam:"} <= seen["labels"]
    assert seen["kind"] == "Map"


def test_every_text_trede_adds_to_qt_is_qt_own_in_english(qtbot, dutch) -> None:
    for (context, source), dutch_text in qt_setup.QT_TEXTS.items():
        assert QCoreApplication.translate(context, source) == dutch_text
    application = QApplication.instance()
    with i18n.language("en"):
        qt_setup.install_translators(application, "en")
        for context, source in qt_setup.QT_TEXTS:
            assert QCoreApplication.translate(context, source) == source


def test_qt_own_texts_stay_qt_own(qtbot, dutch) -> None:
    def buttons() -> set[str]:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(box)
        return {button.text() for button in box.buttons()}

    assert buttons() == {"OK", "Annuleren"}
    application = QApplication.instance()
    with i18n.language("en"):
        qt_setup.install_translators(application, "en")
        assert buttons() == {"OK", "Cancel"}


def _colours(image: QImage, edge: int = 2) -> Counter[str]:
    """The colours inside a widget's image, ``edge`` pixels in from its sides."""
    return Counter(
        image.pixelColor(x, y).name()
        for x in range(edge, image.width() - edge)
        for y in range(edge, image.height() - edge)
    )


def test_the_file_dialog_buttons_show_their_icons(qtbot, tmp_path) -> None:
    dialog = _file_dialog(qtbot, tmp_path)
    for name in ("backButton", "toParentButton", "newFolderButton", "detailModeButton"):
        button = dialog.findChild(QToolButton, name)
        # The icon fits inside the button: Trede's padding for text buttons left it no room.
        assert button.contentsRect().width() >= button.iconSize().width()
        inside = _colours(button.grab().toImage())
        assert len(inside) > 4, name  # more than a plain face and its edge


def test_a_date_field_calendar_shows_a_readable_year(qtbot) -> None:
    design.ensure_installed()
    field = QDateEdit(QDate(2026, 12, 5))
    field.setCalendarPopup(True)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    # The arrow at the right end opens the calendar (typing the date needs none).
    qtbot.mouseClick(
        field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 6, field.height() // 2)
    )
    calendar = field.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    year = calendar.findChild(QToolButton, "qt_calendar_yearbutton")
    qtbot.waitUntil(lambda: year.x() > 0)  # the bar laid out: the year right of the month
    # As the user sees it, in the middle of the button where its text is (no edge, no corner).
    place = QRect(year.mapTo(calendar, QPoint(0, 0)), year.size())
    middle = place.adjusted(place.width() // 4, place.height() // 3, -place.width() // 4, 0)
    middle.setHeight(max(1, place.height() // 3))
    counts = _colours(calendar.grab(middle).toImage(), edge=0)
    background, _count = counts.most_common(1)[0]
    best = max(palette_module.contrast(background, colour) for colour in counts)
    assert best >= 4.5  # "2026" stands out from the bar (it was white on light grey)
