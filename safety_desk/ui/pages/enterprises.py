"""企业: districts and their enterprises, search by name, USCC or pinyin initials, and one enterprise's record."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter,
    QStackedWidget, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from safety_desk.domain.vocabulary import word
from safety_desk.services.enterprises import SEARCH_LIMIT, EnterpriseDetail
from safety_desk.services.errors import ServiceError
from safety_desk.services.session import Action
from safety_desk.store.changed import HAZARD_TABLES, Changes
from safety_desk.store.records import Enterprise
from safety_desk.ui.pages.broadcast import follow_changes
from safety_desk.ui.widgets.record_table import make_table
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.enterprise_editor import EnterpriseEditor
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.dialogs.move_enterprise import MoveEnterpriseDialog
from safety_desk.ui.dialogs.new_enterprise import NewEnterpriseDialog
from safety_desk.ui.dialogs.spreadsheet_import import SpreadsheetImportDialog
from safety_desk.ui.icons import icon
from safety_desk.ui.models.enterprise_models import DrillsModel, InspectionsModel, OpenHazardsModel
from safety_desk.ui.models.notice_models import NoticesModel

# Typing pauses shorter than this are one search: a query per keystroke would only be thrown away.
SEARCH_DELAY_MS = 150
# Up to this many enterprises the tree opens fully on first show; beyond it the districts start closed.
_EXPAND_ALL_UP_TO = 150
_ID_ROLE = Qt.ItemDataRole.UserRole
_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
_RISK_COLOURS = {1: "#e53935", 2: "#fb8c00", 3: "#43a047"}
# An empty table still shows readable column headings.
_MIN_SECTION = 84
_MUTED = "#546e7a"


class EnterprisesPage(QWidget):
    """Left: search over a district tree; right: the chosen enterprise's header and tabs."""

    inspection_requested = Signal(str)  # enterprise id
    inspection_opened = Signal(str)  # inspection id

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        follow_changes(self, context)  # committed writes anywhere: read again (on_changes)
        self.service = context.desk.enterprises
        self.notice_service = context.desk.notices
        self.current_id: str | None = None
        self.detail: EnterpriseDetail | None = None
        self.editor: EnterpriseEditor | None = None
        self.hazard_dialog: HazardDetailDialog | None = None
        self._district_names: dict[str, str] = {}
        self._expanded: dict[str, bool] | None = None  # None until the tree was first filled

        title = QLabel(self.tr("Enterprises"))
        title.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.scope_label = QLabel()
        self.scope_label.setStyleSheet(f"color: {_MUTED};")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addSpacing(12)
        heading.addWidget(self.scope_label, 1, Qt.AlignmentFlag.AlignBottom)
        heading.addWidget(self._build_new_button())
        heading.addWidget(self._build_import_button())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 900])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(heading)
        layout.addSpacing(8)
        layout.addWidget(splitter, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.on_search_due)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_due)

    # -- building -------------------------------------------------------------------------------
    def _build_import_button(self) -> QPushButton:
        """Enterprises from an Excel list (the office only): checked in a worker, imported all or nothing."""
        self.import_dialog: SpreadsheetImportDialog | None = None
        self.import_button = QPushButton(icon("microsoft-excel", "#1d6f42"), self.tr("Import from Excel…"))
        self.import_button.setObjectName("import_enterprises")
        self.import_button.setToolTip(self.tr("Add or update enterprises from an Excel or CSV list"))
        self.import_button.setVisible(self.context.session.may(Action.EDIT_ENTERPRISE))
        self.import_button.clicked.connect(self.on_import_clicked)
        return self.import_button

    def _build_new_button(self) -> QPushButton:
        """新建企业 (the office only): one enterprise by hand, in the district chosen in the tree if any."""
        self.new_dialog: NewEnterpriseDialog | None = None
        self.new_button = QPushButton(icon("domain-plus"), self.tr("New enterprise…"))
        self.new_button.setObjectName("new_enterprise")
        self.new_button.setVisible(self.service.may_edit())
        self.new_button.clicked.connect(self.on_new_clicked)
        return self.new_button

    def on_new_clicked(self) -> NewEnterpriseDialog:
        district_id = self.detail.enterprise.district_id if self.detail is not None else None
        self.new_dialog = NewEnterpriseDialog(self.context, district_id, self)
        self.new_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.new_dialog.enterprise_created.connect(self.show_enterprise)
        self.new_dialog.destroyed.connect(lambda: setattr(self, "new_dialog", None))
        self.new_dialog.open()
        return self.new_dialog

    def on_import_clicked(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import enterprises"), "",
                                                self.tr("Excel workbook or CSV list (*.xlsx *.csv)"))
        if chosen:
            self.open_import(chosen)

    def open_import(self, path: str) -> SpreadsheetImportDialog:
        dialog = SpreadsheetImportDialog(self.context, "enterprises", path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.on_enterprises_imported)
        dialog.finished.connect(self.on_import_closed)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()
        return dialog

    def on_enterprises_imported(self, _result) -> None:
        self.refresh_tree()

    def on_import_closed(self, _result: int = 0) -> None:
        self.import_dialog = None

    def _build_left(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Name, USCC or pinyin initials such as zgjt"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("magnify", _MUTED), QLineEdit.ActionPosition.LeadingPosition)

        self.tree = QTreeWidget()
        self.tree.setObjectName("districts")
        self.tree.setHeaderHidden(True)
        self.tree.setIconSize(QSize(18, 18))
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(self.on_tree_item_chosen)
        self.tree.itemExpanded.connect(self.on_tree_expanded_changed)
        self.tree.itemCollapsed.connect(self.on_tree_expanded_changed)

        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setIconSize(QSize(18, 18))
        self.results.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.results.currentItemChanged.connect(self.on_result_chosen)
        self.results_note = QLabel()
        self.results_note.setStyleSheet(f"color: {_MUTED};")
        self.results_note.setWordWrap(True)
        results_box = QWidget()
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_note)
        results_layout.addWidget(self.results, 1)

        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.tree)
        self.left_stack.addWidget(results_box)

        box = QWidget()
        box.setMinimumWidth(260)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.left_stack, 1)
        return box

    def _build_right(self) -> QWidget:
        self.placeholder = QLabel(self.tr("Choose an enterprise on the left, or search for one, to see its "
                                          "particulars, inspections, open hazards and drills."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(f"color: {_MUTED}; font-size: 14px; padding: 40px;")

        self.name_label = QLabel()
        self.name_label.setObjectName("enterprise_name")
        self.name_label.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_label.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("enterprise_facts")
        self.facts_label.setTextFormat(Qt.TextFormat.RichText)
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts_label.setWordWrap(True)
        self.new_inspection = QPushButton(icon("clipboard-plus-outline", "white"),
                                          self.tr("New self-inspection") if self.context.session.role == "enterprise"
                                          else self.tr("New inspection"))  # an enterprise inspects itself (自查)
        self.new_inspection.setObjectName("new_inspection")
        self.new_inspection.setStyleSheet(
            "QPushButton { background: #1e88e5; color: white; border: none; border-radius: 4px;"
            " padding: 7px 14px; font-weight: 600; } QPushButton:hover { background: #1976d2; }")
        self.new_inspection.clicked.connect(self.on_new_inspection_clicked)
        session = self.context.session
        self.new_inspection.setVisible(session.may(Action.RUN_INSPECTION) or session.may(Action.SELF_INSPECT))
        names = QVBoxLayout()
        names.setSpacing(4)
        names.addWidget(self.name_label)
        names.addWidget(self.facts_label)
        header = QHBoxLayout()
        header.addLayout(names, 1)
        header.addWidget(self.new_inspection, 0, Qt.AlignmentFlag.AlignTop)

        self.inspections_model = InspectionsModel(parent=self)
        self.hazards_model = OpenHazardsModel(parent=self)
        self.drills_model = DrillsModel(parent=self)
        self.inspections_table = make_table(self.inspections_model, InspectionsModel.CHECKLIST, "inspections",
                                            min_section=_MIN_SECTION)
        self.inspections_table.setToolTip(self.tr("Double-click an inspection to open it."))
        self.inspections_table.doubleClicked.connect(self.on_inspection_double_clicked)
        self.hazards_table = make_table(self.hazards_model, OpenHazardsModel.DESCRIPTION, "hazards",
                                        min_section=_MIN_SECTION)
        self.hazards_table.setToolTip(self.tr("Double-click a hazard to open it."))
        self.hazards_table.activated.connect(self.on_hazard_activated)
        self.drills_table = make_table(self.drills_model, DrillsModel.NAME, "drills",
                                       min_section=_MIN_SECTION)
        self.notices_model = NoticesModel(parent=self)
        self.notices_table = make_table(self.notices_model, NoticesModel.REPLY, "notices",
                                        min_section=_MIN_SECTION)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._build_details(), icon("card-account-details-outline"), self.tr("Details"))
        self.tabs.addTab(self.inspections_table, icon("clipboard-check-outline"), self.tr("Inspections"))
        self.tabs.addTab(self.hazards_table, icon("alert-outline"), self.tr("Open hazards"))
        self.tabs.addTab(self.drills_table, icon("run-fast"), self.tr("Drills"))
        self.tabs.addTab(self.notices_table, icon("file-document-outline"), self.tr("Notices"))

        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        detail_layout.addLayout(header)
        detail_layout.addSpacing(6)
        detail_layout.addWidget(self.tabs, 1)

        self.right_stack = QStackedWidget()
        self.right_stack.addWidget(self.placeholder)
        self.right_stack.addWidget(detail_box)
        return self.right_stack

    def _build_details(self) -> QWidget:
        self.detail_values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        rows = (("name", self.tr("Name")), ("uscc", self.tr("USCC")), ("district", self.tr("District")),
                ("industry", self.tr("Industry")), ("risk_class", self.tr("Risk class")),
                ("high_risk", self.tr("High-risk")), ("address", self.tr("Address")),
                ("principal", self.tr("Principal")), ("safety_officer", self.tr("Safety officer")),
                ("contact_phone", self.tr("Contact phone")), ("tracked_since", self.tr("Tracked since")))
        for key, caption in rows:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            label = QLabel(caption)
            label.setStyleSheet(f"color: {_MUTED};")
            form.addRow(label, value)
            self.detail_values[key] = value
        self.edit_button = QPushButton(icon("pencil-outline"), self.tr("Edit…"))
        self.edit_button.setObjectName("edit")
        self.edit_button.clicked.connect(self.on_edit_clicked)
        self.edit_button.setVisible(self.service.may_edit())
        self.move_button = QPushButton(icon("map-marker-right-outline"), self.tr("Move to another district…"))
        self.move_button.setObjectName("move")
        self.move_button.clicked.connect(self.on_move_clicked)
        self.move_button.setVisible(self.service.may_edit())
        self.retire_button = QPushButton(icon("archive-outline"), self.tr("Retire…"))
        self.retire_button.setObjectName("retire")
        self.retire_button.setToolTip(self.tr("Take it off the list (closed, merged, no longer supervised); its "
                                              "records stay"))
        self.retire_button.clicked.connect(self.on_retire_clicked)
        self.retire_button.setVisible(self.service.may_edit())
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.move_button)
        actions.addWidget(self.retire_button)
        actions.addStretch(1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addLayout(actions)
        layout.addStretch(1)
        return box

    # -- refreshing -----------------------------------------------------------------------------
    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*HAZARD_TABLES, "enterprise", "district", "inspection", "drill"):
            self.on_shown()

    def on_shown(self) -> None:
        """Re-read districts and enterprises (others may have changed them) and the open enterprise."""
        self.refresh_tree()
        if self.search.text().strip():
            self.on_search_due()
        if self.current_id is not None:
            self.show_enterprise(self.current_id)

    def refresh_tree(self) -> None:
        districts = self.service.districts()
        self._district_names = {s.district.id: s.district.name for s in districts}
        by_district = {s.district.id: self.service.enterprises_of(s.district.id) for s in districts}
        total = sum(len(enterprises) for enterprises in by_district.values())
        if self._expanded is None:
            expand_all = total <= _EXPAND_ALL_UP_TO
            self._expanded = {s.district.id: expand_all for s in districts}
        self.tree.blockSignals(True)  # refilling must not count as the user choosing or folding
        self.tree.clear()
        current_item = None
        for summary in districts:
            district = summary.district
            enterprises = by_district[district.id]
            text = district.name
            if summary.leader_name:
                text = self.tr("%1 · leader %2").replace("%1", district.name).replace("%2", summary.leader_name)
            node = QTreeWidgetItem([f"{text}  ({len(enterprises)})"])
            node.setData(0, _ID_ROLE, district.id)
            node.setData(0, _KIND_ROLE, "district")
            node.setIcon(0, icon("map-marker-radius-outline", "#1e88e5"))
            font = node.font(0)
            font.setBold(True)
            node.setFont(0, font)
            node.setFlags(node.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            inspectors = "、".join(summary.inspector_names) or "—"
            node.setToolTip(0, self.tr("District %1\nLeader: %2\nInspectors: %3").replace("%1", district.name)
                            .replace("%2", summary.leader_name or "—").replace("%3", inspectors))
            for enterprise in enterprises:
                child = self._enterprise_item(enterprise)
                node.addChild(child)
                if enterprise.id == self.current_id:
                    current_item = child
            self.tree.addTopLevelItem(node)
            node.setExpanded(self._expanded.get(district.id, False))
        if current_item is not None:
            self.tree.setCurrentItem(current_item)
        self.tree.blockSignals(False)
        # "Label: number" needs no plural forms in either language.
        self.scope_label.setText(self.tr("Districts: %1 · enterprises: %2").replace("%1", str(len(districts)))
                                 .replace("%2", str(total)))
        if self.current_id is None and total == 1:
            # An enterprise's own safety officer has only one: show it rather than an empty page.
            only = next(e for enterprises in by_district.values() for e in enterprises)
            self.show_enterprise(only.id)

    def _enterprise_item(self, enterprise: Enterprise) -> QTreeWidgetItem:
        item = QTreeWidgetItem([enterprise.name])
        item.setData(0, _ID_ROLE, enterprise.id)
        item.setData(0, _KIND_ROLE, "enterprise")
        item.setIcon(0, icon("domain", _RISK_COLOURS.get(enterprise.risk_class, _MUTED)))
        item.setToolTip(0, self._enterprise_tooltip(enterprise))
        return item

    def _enterprise_tooltip(self, enterprise: Enterprise) -> str:
        return (self.tr("%1\nUSCC %2 · %3 · risk class %4").replace("%1", enterprise.name)
                .replace("%2", enterprise.uscc).replace("%3", word(enterprise.industry))
                .replace("%4", str(enterprise.risk_class)))

    def on_tree_expanded_changed(self, item: QTreeWidgetItem) -> None:
        if self._expanded is not None and item.data(0, _KIND_ROLE) == "district":
            self._expanded[item.data(0, _ID_ROLE)] = item.isExpanded()

    # -- searching ------------------------------------------------------------------------------
    def on_search_text_changed(self, text: str) -> None:
        if not text.strip():
            self.search_timer.stop()
            self.left_stack.setCurrentIndex(0)
            return
        self.search_timer.start()  # restarts: only a pause in typing runs the query

    def on_search_due(self) -> None:
        self.search_timer.stop()
        text = self.search.text().strip()
        if not text:
            self.left_stack.setCurrentIndex(0)
            return
        found = self.service.search(text, SEARCH_LIMIT)
        self.results.blockSignals(True)
        self.results.clear()
        for enterprise in found:
            district = self._district_names.get(enterprise.district_id, "")
            item = QListWidgetItem(icon("domain", _RISK_COLOURS.get(enterprise.risk_class, _MUTED)),
                                   f"{enterprise.name}\n{enterprise.uscc} · {district}")
            item.setData(_ID_ROLE, enterprise.id)
            item.setToolTip(self._enterprise_tooltip(enterprise))
            self.results.addItem(item)
            if enterprise.id == self.current_id:
                self.results.setCurrentItem(item)
        self.results.blockSignals(False)
        if not found:
            note = self.tr("No enterprise matches “%1”.").replace("%1", text)
        elif len(found) >= SEARCH_LIMIT:
            note = self.tr("The first %1 matches; type more to narrow them.").replace("%1", str(len(found)))
        else:
            note = self.tr("Matches: %1").replace("%1", str(len(found)))
        self.results_note.setText(note)
        self.left_stack.setCurrentIndex(1)

    def result_ids(self) -> list[str]:
        """Enterprise ids of the search results shown, in order."""
        return [self.results.item(row).data(_ID_ROLE) for row in range(self.results.count())]

    # -- choosing -------------------------------------------------------------------------------
    def on_tree_item_chosen(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is not None and item.data(0, _KIND_ROLE) == "enterprise":
            self.show_enterprise(item.data(0, _ID_ROLE))

    def on_result_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_enterprise(item.data(_ID_ROLE))

    def show_enterprise(self, enterprise_id: str) -> None:
        try:
            detail = self.service.detail(enterprise_id)
        except ServiceError as exc:
            self.current_id, self.detail = None, None
            self.placeholder.setText(str(exc))
            self.right_stack.setCurrentIndex(0)
            return
        self.current_id, self.detail = enterprise_id, detail
        enterprise = detail.enterprise
        district = detail.district.name if detail.district else ""
        self.name_label.setText(enterprise.name)
        # tr() outside the f-strings: lupdate does not find calls inside them.
        uscc_label = self.tr("USCC")
        risk_label = self.tr("Risk class %1").replace("%1", str(enterprise.risk_class))
        high_risk_label = self.tr("High-risk")
        facts = [f"<span style='color:{_MUTED}'>{html.escape(uscc_label)}</span> "
                 f"<span style='font-family:monospace'>{html.escape(enterprise.uscc)}</span>",
                 html.escape(word(enterprise.industry)),
                 f"<span style='color:{_RISK_COLOURS.get(enterprise.risk_class, _MUTED)}'>"
                 f"{html.escape(risk_label)}</span>"]
        if enterprise.high_risk:
            facts.append(f"<span style='color:#c62828'>{html.escape(high_risk_label)}</span>")
        if district:
            facts.append(html.escape(district))
        self.facts_label.setText(" &nbsp;·&nbsp; ".join(facts))

        values = {
            "name": enterprise.name, "uscc": enterprise.uscc, "district": district,
            "industry": word(enterprise.industry), "risk_class": str(enterprise.risk_class),
            "high_risk": self.tr("Yes") if enterprise.high_risk else self.tr("No"),
            "address": enterprise.address, "principal": enterprise.principal,
            "safety_officer": enterprise.safety_officer, "contact_phone": enterprise.contact_phone,
            "tracked_since": enterprise.tracked_since,
        }
        for key, value in values.items():
            self.detail_values[key].setText(value or "—")

        self.inspections_model.set_rows(detail.inspections)
        self.hazards_model.set_rows(detail.open_hazards)
        self.drills_model.set_rows(detail.drills)
        self.tabs.setTabText(1, self.tr("Inspections (%1)").replace("%1", str(len(detail.inspections))))
        overdue = self.hazards_model.overdue_count()
        if overdue:
            hazards_title = (self.tr("Open hazards (%1, %2 overdue)").replace("%1", str(len(detail.open_hazards)))
                             .replace("%2", str(overdue)))
        else:
            hazards_title = self.tr("Open hazards (%1)").replace("%1", str(len(detail.open_hazards)))
        self.tabs.setTabText(2, hazards_title)
        self.tabs.setTabIcon(2, icon("alert-outline", "#e53935" if overdue else "#37474f"))
        self.tabs.setTabText(3, self.tr("Drills (%1)").replace("%1", str(len(detail.drills))))
        self.notices_model.set_rows(self.notice_service.of_enterprise(enterprise_id))
        self.tabs.setTabText(4, self.tr("Notices (%1)").replace("%1", str(self.notices_model.rowCount())))
        self.right_stack.setCurrentIndex(1)
        self._mark_in_tree(enterprise_id)

    def _mark_in_tree(self, enterprise_id: str) -> None:
        # Chosen from the search results: the tree shows it too once the search is cleared.
        for top in range(self.tree.topLevelItemCount()):
            node = self.tree.topLevelItem(top)
            for index in range(node.childCount()):
                child = node.child(index)
                if child.data(0, _ID_ROLE) == enterprise_id:
                    if self.tree.currentItem() is not child:
                        self.tree.blockSignals(True)
                        self.tree.setCurrentItem(child)
                        self.tree.blockSignals(False)
                    return

    # -- actions --------------------------------------------------------------------------------
    def on_new_inspection_clicked(self) -> None:
        if self.current_id is not None:
            self.inspection_requested.emit(self.current_id)

    def on_inspection_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.inspection_opened.emit(self.inspections_model.inspection_id(index.row()))

    def on_hazard_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if self.hazard_dialog is not None:
            self.hazard_dialog.close()
        hazard_id = self.hazards_model.row_at(index.row()).hazard.id
        self.hazard_dialog = HazardDetailDialog(self.context, hazard_id, self)
        self.hazard_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.hazard_dialog.finished.connect(self.on_hazard_dialog_closed)
        self.hazard_dialog.open()

    def on_hazard_dialog_closed(self, _result: int = 0) -> None:
        self.hazard_dialog = None

    def on_edit_clicked(self) -> None:
        if self.detail is None or not self.service.may_edit():
            return
        self.editor = EnterpriseEditor(self.service, self.detail.enterprise, self, ops=self.context.ops)
        self.editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor.destroyed.connect(self.on_editor_closed)
        self.editor.open()  # window-modal without a nested event loop

    def on_editor_closed(self) -> None:
        self.editor = None

    def on_move_clicked(self) -> MoveEnterpriseDialog | None:
        if self.detail is None or not self.service.may_edit():
            return None
        self.move_dialog = MoveEnterpriseDialog(self.context, self.detail.enterprise, self)
        self.move_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.move_dialog.open()
        return self.move_dialog

    def on_retire_clicked(self) -> None:
        if self.detail is None or not self.service.may_edit():
            return
        enterprise = self.detail.enterprise
        answer = QMessageBox.question(
            self, self.tr("Retire enterprise"),
            self.tr("Take %1 off the list? It leaves every device's lists at their next sync; its inspections, "
                    "hazards and notices stay.").replace("%1", enterprise.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.ops.run("enterprises", "retire", enterprise.id, done=self.on_retired,
                             failed=self.on_retire_failed)

    def on_retired(self, _enterprise) -> None:
        self.current_id, self.detail = None, None
        self.right_stack.setCurrentIndex(0)
        self.refresh_tree()

    def on_retire_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Retire enterprise"), str(error))
