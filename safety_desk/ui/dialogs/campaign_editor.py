"""Creating or editing a campaign (大排查 / 专项整治): period, checklists and which enterprises it targets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout,
)

from safety_desk.domain.campaigns import CampaignKind, CampaignTargets
from safety_desk.domain.industry import Industry
from safety_desk.domain.vocabulary import word
from safety_desk.services.activities import CampaignService
from safety_desk.services.errors import ServiceError
from safety_desk.store.records import Campaign
from safety_desk.ui.dialogs.form_footer import add_form_footer
from safety_desk.ui.context import AppContext
from safety_desk.ui.screen_fit import fit_to_screen
from safety_desk.ui.widgets.enterprise_picker import EnterpriseListPicker


def _date_edit(name: str, day: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _checkable(name: str, entries: list[tuple[str, object]], chosen: set, rows: int = 7) -> QListWidget:
    """A list of ticks `rows` lines tall: room to read what is ticked without scrolling a four-line window."""
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setFixedHeight(rows * (widget.fontMetrics().lineSpacing() + 4) + 2 * widget.frameWidth() + 4)
    for text, value in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list:
    return [widget.item(row).data(Qt.ItemDataRole.UserRole) for row in range(widget.count())
            if widget.item(row).checkState() == Qt.CheckState.Checked]


class CampaignEditorDialog(QDialog):
    def __init__(self, context: AppContext, service: CampaignService, today: date,
                 campaign: Campaign | None = None, parent=None) -> None:
        super().__init__(parent)
        self.context = context  # its writes go through context.ops
        self.service = service
        self.campaign = campaign
        self.campaign_id: str | None = None
        store = context.store
        self.setWindowTitle(self.tr("New campaign") if campaign is None else self.tr("Edit campaign"))
        self.setMinimumWidth(760)
        fit_to_screen(self, 980, 700)
        targets = CampaignTargets.from_dict(campaign.targets if campaign else {})
        self.name = QLineEdit(campaign.name if campaign else "")
        self.name.setObjectName("name")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind in CampaignKind:
            self.kind.addItem(word(kind), kind.value)
        if campaign is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(campaign.kind)))
        self.starts = _date_edit("starts_on", date.fromisoformat(campaign.starts_on) if campaign else today)
        self.ends = _date_edit("ends_on", date.fromisoformat(campaign.ends_on) if campaign else today)
        self.aim = QLineEdit(campaign.target if campaign else "")
        self.aim.setObjectName("aim")
        choices = [(f"{c.title}（v{c.version}）", c.id) for c in store.checklists.latest()]
        self.checklists = _checkable("checklists", choices, set(campaign.checklist_ids if campaign else []), 6)
        self.districts = _checkable("districts", [(d.name, d.id) for d in store.districts.active()],
                                    set(targets.district_ids))
        self.industries = _checkable("industries", [(i.value, i.value) for i in Industry], set(targets.industries))
        self.risk_classes = [QCheckBox(self.tr("Class %1").replace("%1", str(n))) for n in (1, 2, 3)]
        for number, box in enumerate(self.risk_classes, start=1):
            box.setObjectName(f"risk_class_{number}")
            box.setChecked(number in targets.risk_classes)
        self.enterprises = EnterpriseListPicker(context.session)
        for enterprise_id in targets.enterprise_ids:
            self.enterprises.add(enterprise_id)

        period = QHBoxLayout()
        period.addWidget(self.starts)
        period.addWidget(QLabel("–"))
        period.addWidget(self.ends)
        period.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Period"), period)
        form.addRow(self.tr("Aim"), self.aim)
        form.addRow(self.tr("Checklists"), self.checklists)

        group = QGroupBox(self.tr("Target enterprises: those matching every ticked filter, plus the ones listed; "
                                  "nothing ticked or listed means every enterprise"))
        grid = QGridLayout(group)
        grid.addWidget(QLabel(self.tr("Districts")), 0, 0)
        grid.addWidget(QLabel(self.tr("Industries")), 0, 1)
        grid.addWidget(QLabel(self.tr("Risk classes")), 0, 2)
        grid.addWidget(self.districts, 1, 0)
        grid.addWidget(self.industries, 1, 1)
        classes = QVBoxLayout()
        for box in self.risk_classes:
            classes.addWidget(box)
        classes.addStretch(1)
        grid.addLayout(classes, 1, 2)
        grid.addWidget(QLabel(self.tr("And these enterprises")), 2, 0, 1, 3)
        grid.addWidget(self.enterprises, 3, 0, 1, 3)

        self.message, _buttons = add_form_footer(self, QVBoxLayout(self), self.tr("Save"), self.tr("Cancel"),
                                                  form, group)

    def targets(self) -> dict:
        return CampaignTargets(
            district_ids=tuple(_checked(self.districts)), industries=tuple(_checked(self.industries)),
            risk_classes=tuple(n for n, box in enumerate(self.risk_classes, start=1) if box.isChecked()),
            enterprise_ids=tuple(self.enterprises.ids())).to_dict()

    def on_accept(self) -> None:
        arguments = (self.name.text(), self.kind.currentData(), self.starts.date().toPython(),
                     self.ends.date().toPython())
        options = dict(checklist_ids=_checked(self.checklists), targets=self.targets(), aim=self.aim.text())
        try:
            if self.campaign is None:
                campaign = self.context.ops.call("campaigns", "create", *arguments, **options)
            else:
                campaign = self.context.ops.call("campaigns", "edit", self.campaign.id, *arguments, **options)
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.campaign_id = campaign.id
        self.accept()
