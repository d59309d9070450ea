"""Choosing enterprises in the signed-in person's scope by name, USCC or pinyin initials (one or several)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from safety_desk.services.activity_scope import visible_enterprise
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.errors import ServiceError
from safety_desk.services.session import Session
from safety_desk.store.records import Enterprise
from safety_desk.ui.icons import icon

SEARCH_DELAY_MS = 120
_SHOWN_MATCHES = 20


def enterprise_label(enterprise: Enterprise) -> str:
    return f"{enterprise.name} · {enterprise.uscc}"


def visible(session: Session, enterprise_id: str | None) -> Enterprise | None:
    """The enterprise if it exists and the person may see it, else None."""
    if enterprise_id is None:
        return None
    try:
        return visible_enterprise(session, enterprise_id)
    except ServiceError:
        return None


class EnterprisePicker(QWidget):
    """A search field with a completer; `enterprise_id()` is the chosen one (None until chosen)."""

    enterprise_chosen = Signal(str)

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = EnterpriseService(session)
        self.enterprise: Enterprise | None = None
        self._matches: dict[str, Enterprise] = {}
        self.edit = QLineEdit()
        self.edit.setObjectName("enterprise")
        self.edit.setPlaceholderText(self.tr("Name, USCC or pinyin initials, e.g. zgjz"))
        self.edit.setClearButtonEnabled(True)
        self.model = QStringListModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated.connect(self.on_match_chosen)
        self.edit.setCompleter(self.completer)
        self.edit.textEdited.connect(self.on_typed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.on_search_due)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        if session.role == "enterprise":
            own = visible(session, session.person.enterprise_id)
            if own is not None:
                self.set_enterprise(own)
            self.edit.setReadOnly(True)  # an enterprise only ever records for itself

    def enterprise_id(self) -> str | None:
        if self.enterprise is None:
            found = self.service.search(self.edit.text(), _SHOWN_MATCHES)
            if len(found) == 1 and self.edit.text().strip():
                self.set_enterprise(found[0])  # typed a name that matches one enterprise only
        return self.enterprise.id if self.enterprise else None

    def set_enterprise(self, enterprise: Enterprise | None) -> None:
        self.enterprise = enterprise
        self.edit.setText(enterprise_label(enterprise) if enterprise else "")
        if enterprise is not None:
            self.enterprise_chosen.emit(enterprise.id)

    def choose(self, enterprise_id: str) -> bool:
        """Choose by id if the person may see it; False otherwise."""
        enterprise = visible(self.session, enterprise_id)
        if enterprise is None:
            return False
        self.set_enterprise(enterprise)
        return True

    def on_typed(self, text: str) -> None:
        if self.enterprise is not None and text != enterprise_label(self.enterprise):
            self.enterprise = None
        self.timer.start()

    def on_search_due(self) -> None:
        found = self.service.search(self.edit.text(), _SHOWN_MATCHES)
        self._matches = {enterprise_label(e): e for e in found}
        self.model.setStringList(list(self._matches))
        if found and self.edit.hasFocus():
            self.completer.complete()

    def on_match_chosen(self, text: str) -> None:
        enterprise = self._matches.get(text)
        if enterprise is not None:
            self.set_enterprise(enterprise)


class EnterpriseListPicker(QWidget):
    """Several enterprises: pick one, Add puts it on the list; Remove takes the selected one off."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.picker = EnterprisePicker(session)
        self.picker.enterprise_chosen.connect(self.add)
        self.list = QListWidget()
        self.list.setObjectName("enterprises")
        self.list.setMaximumHeight(110)
        self.remove_button = QPushButton(icon("minus-circle-outline"), self.tr("Remove"))
        self.remove_button.clicked.connect(self.on_remove_clicked)
        # An enterprise officer's list is their own enterprise, and only it: removing it left a list they had no
        # way to fill again.
        self.fixed = session.role == "enterprise"
        self.remove_button.setVisible(not self.fixed)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        if self.picker.enterprise is not None:  # an enterprise's own, chosen before we listened
            self.add(self.picker.enterprise.id)

    def add(self, enterprise_id: str) -> None:
        if enterprise_id in self.ids():
            return
        enterprise = visible(self.picker.session, enterprise_id)
        if enterprise is None:
            return
        item = QListWidgetItem(enterprise.name)
        item.setData(Qt.ItemDataRole.UserRole, enterprise.id)
        self.list.addItem(item)
        if self.picker.session.role != "enterprise":
            self.picker.edit.clear()
            self.picker.enterprise = None

    def ids(self) -> list[str]:
        return [self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())]

    def on_remove_clicked(self) -> None:
        if self.fixed:
            return
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
