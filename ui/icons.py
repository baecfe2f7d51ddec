"""Every icon Trede uses, named once (Qt's standard icons, so nothing extra is shipped)."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

_STANDARD = {
    "worklist": QStyle.StandardPixmap.SP_FileDialogListView,
    "caseload": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "quickscan": QStyle.StandardPixmap.SP_DialogApplyButton,
    "reports": QStyle.StandardPixmap.SP_FileIcon,
    "settings": QStyle.StandardPixmap.SP_FileDialogContentsView,
    "overview": QStyle.StandardPixmap.SP_FileDialogInfoView,
    "welcome": QStyle.StandardPixmap.SP_DirHomeIcon,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "attention": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "back": QStyle.StandardPixmap.SP_ArrowBack,
    "new": QStyle.StandardPixmap.SP_FileDialogNewFolder,
}


def icon(name: str) -> QIcon:
    """The icon with this name."""
    style = QApplication.style()
    return style.standardIcon(_STANDARD[name])
