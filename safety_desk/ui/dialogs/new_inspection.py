"""Starting an inspection: which enterprise, checklist, kind, campaign and who else is on the team."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QVBoxLayout,
)

from safety_desk.domain.vocabulary import inspection_kind
from safety_desk.services.errors import ServiceError
from safety_desk.services.inspections import KIND_NAMES
from safety_desk.services.session import ROLE_NAMES
from safety_desk.store.records import District, Enterprise
from safety_desk.ui.context import AppContext
from safety_desk.ui.icons import icon

_ERROR_STYLE = "color: #c62828;"
_MUTED = "#546e7a"
# Typing pauses shorter than this are one search.
SEARCH_DELAY_MS = 120
_SHOWN_MATCHES = 20


class NewInspectionDialog(QDialog):
    """OK starts the inspection through the service; `inspection_id` then names it."""

    inspection_started = Signal(str)  # inspection id

    def __init__(self, context: AppContext, enterprise_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.desk.inspections
        self.enterprises = context.desk.enterprises
        self.enterprise: Enterprise | None = None
        self.inspection_id: str | None = None
        self._matches: dict[str, str] = {}  # completer text -> enterprise id
        self.setWindowTitle(self.tr("New inspection"))
        self.setMinimumWidth(600)

        self.enterprise_edit = QLineEdit()
        self.enterprise_edit.setObjectName("enterprise")
        self.enterprise_edit.setPlaceholderText(self.tr("Name, USCC or pinyin initials, e.g. zgjz"))
        self.enterprise_edit.setClearButtonEnabled(True)
        self.match_model = QStringListModel(self)
        self.completer = QCompleter(self.match_model, self)
        # The store already matched (initials, USCC): show its results as they are, unfiltered.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated.connect(self.on_match_chosen)
        self.enterprise_edit.setCompleter(self.completer)
        self.enterprise_edit.textEdited.connect(self.on_enterprise_typed)
        self.enterprise_info = QLabel()
        self.enterprise_info.setStyleSheet(f"color: {_MUTED};")
        self.enterprise_info.setWordWrap(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_search_due)

        self.checklist = QComboBox()
        self.checklist.setObjectName("checklist")
        self.checklist.setMinimumContentsLength(30)
        self.checklist.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in KIND_NAMES:
            self.kind.addItem(inspection_kind(kind), kind)
        if context.session.role == "enterprise":
            self.kind.setCurrentIndex(self.kind.findData("self_inspection"))
            self.kind.setEnabled(False)  # an enterprise can only inspect itself
        else:
            self.kind.setCurrentIndex(self.kind.findData("routine"))
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaign")
        self.campaign.addItem(self.tr("None"), None)
        campaigns = self.service.campaigns()
        for campaign in campaigns:
            self.campaign.addItem(f"{campaign.name}（{campaign.starts_on} – {campaign.ends_on}）", campaign.id)
        self._campaign_checklists = {c.id: c.checklist_ids for c in campaigns}
        self.campaign.currentIndexChanged.connect(self.on_campaign_chosen)
        self.team = QListWidget()
        self.team.setObjectName("team")
        self.team.setMaximumHeight(120)
        self.team_hint = QLabel(self.tr("Choose an enterprise to see its district's inspectors."))
        self.team_hint.setStyleSheet(f"color: {_MUTED};")

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet(_ERROR_STYLE)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Enterprise"), self.enterprise_edit)
        form.addRow("", self.enterprise_info)
        form.addRow(self.tr("Checklist"), self.checklist)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Campaign"), self.campaign)
        form.addRow(self.tr("Other inspectors"), self.team)
        form.addRow("", self.team_hint)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Start inspection"))
        self.ok_button.setIcon(icon("clipboard-check-outline"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.on_accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        if enterprise_id is not None:
            self.choose_enterprise(enterprise_id)
            self.checklist.setFocus()
        else:
            self.enterprise_edit.setFocus()

    # -- enterprise -----------------------------------------------------------------------------
    def on_enterprise_typed(self, text: str) -> None:
        if self.enterprise is not None and text != self._label(self.enterprise):
            self._set_enterprise(None)
        self.search_timer.start()

    def on_search_due(self) -> None:
        found = self.search(self.enterprise_edit.text())
        self._matches = {self._label(e): e.id for e in found}
        self.match_model.setStringList(list(self._matches))
        if found and self.enterprise_edit.hasFocus():
            self.completer.complete()

    def search(self, text: str) -> list[Enterprise]:
        """Enterprises in the signed-in person's scope matching the text (name, USCC or pinyin initials)."""
        return self.enterprises.search(text, _SHOWN_MATCHES)

    def on_match_chosen(self, text: str) -> None:
        enterprise_id = self._matches.get(text)
        if enterprise_id is not None:
            self.choose_enterprise(enterprise_id)
            self.checklist.setFocus()

    def choose_enterprise(self, enterprise_id: str) -> None:
        try:
            detail = self.enterprises.detail(enterprise_id)
        except ServiceError:
            self.message.setText(self.tr("This enterprise is outside your districts."))
            return
        self._set_enterprise(detail.enterprise, detail.district)
        self.enterprise_edit.setText(self._label(detail.enterprise))

    def _set_enterprise(self, enterprise: Enterprise | None, district: District | None = None) -> None:
        self.enterprise = enterprise
        self.message.clear()
        self.checklist.clear()
        self.team.clear()
        if enterprise is None:
            self.enterprise_info.clear()
            self.team_hint.setText(self.tr("Choose an enterprise to see its district's inspectors."))
            self.team_hint.show()
            return
        self.enterprise_info.setText(" · ".join(part for part in (
            enterprise.uscc, enterprise.industry, district.name if district else "", enterprise.address) if part))
        for record in self.service.checklists_for(enterprise.id):
            industries = record.body.get("industries", ["*"])
            label = f"{record.title}（v{record.version}）"
            self.checklist.addItem(label, record.id)
            if enterprise.industry in industries:
                # Written for this industry: say so, as it is listed first for that reason.
                self.checklist.setItemIcon(self.checklist.count() - 1, icon("star", "#fb8c00"))
            self.checklist.setItemData(self.checklist.count() - 1, record.title, Qt.ItemDataRole.ToolTipRole)
        self.on_campaign_chosen()
        for person in self.service.colleagues(enterprise.id):
            item = QListWidgetItem(f"{person.name} · {ROLE_NAMES.get(person.role, person.role)}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.team.addItem(item)
        self.team_hint.setText(self.tr("Nobody else in this district.") if self.team.count() == 0 else "")
        self.team_hint.setVisible(self.team.count() == 0)

    @staticmethod
    def _label(enterprise: Enterprise) -> str:
        return f"{enterprise.name} · {enterprise.uscc}"

    # -- choices --------------------------------------------------------------------------------
    def on_campaign_chosen(self, _index: int = 0) -> None:
        campaign_id = self.campaign.currentData()
        if campaign_id is None:
            return
        if self.kind.isEnabled() and self.kind.currentData() != "campaign":
            self.kind.setCurrentIndex(self.kind.findData("campaign"))
        for checklist_id in self._campaign_checklists.get(campaign_id, []):
            index = self.checklist.findData(checklist_id)
            if index >= 0:
                self.checklist.setCurrentIndex(index)  # the campaign's own checklist
                break

    def select_checklist(self, checklist_id: str) -> None:
        self.checklist.setCurrentIndex(self.checklist.findData(checklist_id))

    def select_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def chosen_inspectors(self) -> list[str]:
        return [self.team.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.team.count())
                if self.team.item(row).checkState() == Qt.CheckState.Checked]

    # -- starting -------------------------------------------------------------------------------
    def on_accept(self) -> None:
        if self.enterprise is None:
            # Enter after typing a name that matches one enterprise only: that is the one meant.
            found = self.search(self.enterprise_edit.text())
            if len(found) == 1:
                self.choose_enterprise(found[0].id)
            else:
                self.message.setText(self.tr("Choose the enterprise from the list."))
                self.enterprise_edit.setFocus()
                return
        if self.checklist.currentData() is None:
            self.message.setText(self.tr("Choose a checklist."))
            return
        try:
            inspection = self.context.ops.call("inspections", "start", self.enterprise.id, self.checklist.currentData(), self.kind.currentData(),
                                            campaign_id=self.campaign.currentData(),
                                            inspector_ids=self.chosen_inspectors())
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.inspection_id = inspection.id
        self.inspection_started.emit(inspection.id)
        self.accept()
