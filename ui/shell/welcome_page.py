"""The first start: ask for municipality, name, team and language before anything else."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from resources.i18n import _
from ui import widgets
from ui.settings import profile_form


class WelcomePage(QWidget):
    """Shown instead of the navigation until the profile is filled in."""

    #: Emitted with the profile when the user presses Beginnen and the form is complete.
    accepted = Signal(object)

    def __init__(self, profile: profile_form.Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = widgets.page_layout(widgets.scrolled(self))
        layout.addWidget(widgets.title(_("Welkom bij Trede")))
        layout.addWidget(
            widgets.paragraph(
                _(
                    "Trede helpt u bij intensieve begeleiding naar werk. U houdt uw caseload bij, "
                    "vult de Quickscan Diversiteit in en maakt rapporten. Alles blijft op deze "
                    "computer."
                )
            )
        )
        layout.addWidget(
            widgets.paragraph(
                _("Vertel eerst wie u bent. U kunt dit later veranderen bij Instellingen.")
            )
        )
        self.form = profile_form.ProfileForm(profile)
        layout.addWidget(self.form)
        self.start = QPushButton(_("Beg&innen"))
        self.start.setDefault(True)
        self.start.setAutoDefault(True)
        self.start.clicked.connect(self._accept)
        self.form.layout().addRow(self.start)  # type: ignore[union-attr]
        for field in (self.form.municipality, self.form.user_name, self.form.team):
            field.returnPressed.connect(self._accept)

    def _accept(self) -> None:
        if self.form.validate():
            self.accepted.emit(self.form.profile())

    def focus_first_field(self) -> None:
        """Put the cursor in the first field."""
        self.form.municipality.setFocus()
