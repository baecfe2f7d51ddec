"""Erasing a client for good: the user types the klantnummer to confirm; it cannot be undone."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseload import erasure, model
from resources.i18n import _
from ui import accessibility, error_dialog, widgets
from ui.changes import ChangeBus
from ui.context import WindowContext


class EraseClientDialog(QDialog):
    """Asks to type the klantnummer; only then the 'Klant wissen' button works."""

    def __init__(
        self,
        context: WindowContext,
        bus: ChangeBus,
        client: model.Client,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.bus = bus
        self.client = client
        self.erased = False
        self.setWindowTitle(_("Klant wissen"))
        layout = QVBoxLayout(self)
        self.warning = QLabel(
            _(
                "U wist klant %(reference)s (%(name)s) en alles wat over deze klant is opgeslagen: "
                "gegevens, ladder, obstakels, contacten, acties, afspraken, afsluitingen en uitstroom "
                "naar werk. Dit kan niet ongedaan worden "
                "gemaakt. In het logboek komt alleen dat er een klant is gewist."
            )
            % {"reference": client.reference, "name": client.display_name() or "—"}
        )
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        form = QFormLayout()
        self.typed = QLineEdit()
        label = QLabel(_("Typ het &klantnummer om te bevestigen:"))
        label.setBuddy(self.typed)
        form.addRow(label, self.typed)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(
            _("Klant &wissen"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setEnabled(False)
        # Enter in the field must neither erase nor close: only the named button erases.
        for button in self.buttons.buttons():
            assert isinstance(button, QPushButton)
            button.setAutoDefault(False)
            button.setDefault(False)
        self.erase_button.clicked.connect(self.erase)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.typed.textChanged.connect(self._typed_changed)
        accessibility.name_widgets(self)
        self.typed.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Shown: tall enough for the whole warning, also with the text at 200 %."""
        super().showEvent(event)
        widgets.fit_wrapped_text(self)

    def _typed_changed(self, text: str) -> None:
        self.erase_button.setEnabled(text.strip().casefold() == self.client.reference.casefold())

    def erase(self) -> None:
        """Erase the client when the klantnummer was typed right; tell every view."""
        if not self.erase_button.isEnabled():
            return
        client_id = self.client.id
        done = self.bus.perform(
            lambda: erasure.erase(self.context.db, client_id, actor=self.context.actor),
            self,
            error_dialog.show,
        )
        if done is None:
            return
        self.erased = True
        self.accept()
