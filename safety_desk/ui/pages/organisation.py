"""组织机构 (the office's page): districts with their leader and inspectors, people and their accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMessageBox, QPushButton, QTableWidget,
    QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from safety_desk.services.organisation import DistrictRow, NewPassword, PersonRow
from safety_desk.services.session import ROLE_NAMES
from safety_desk.store.changed import Changes
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.district_editor import DistrictEditor
from safety_desk.ui.dialogs.person_editor import PersonEditor
from safety_desk.ui.pages.broadcast import follow_changes

_TABLES = frozenset({"district", "person", "district_member", "enterprise"})


def _table(headers: list[str], name: str, stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # the long names
    return table


class OrganisationPage(QWidget):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.desk.organisation
        self.district_rows: list[DistrictRow] = []
        self.person_rows: list[PersonRow] = []
        self.editor: DistrictEditor | PersonEditor | None = None
        heading = QLabel(self.tr("Organisation"))
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        self.districts = _table([self.tr("Code"), self.tr("District name"), self.tr("Leader"), self.tr("Inspectors"),
                                 self.tr("Enterprises")], "districts", stretch=3)
        self.add_district = QPushButton(self.tr("New district…"))
        self.edit_district = QPushButton(self.tr("Edit district…"))
        self.edit_district.setToolTip(self.tr("Change the name, the leader and the inspectors of the chosen district"))
        self.retire_district = QPushButton(self.tr("Retire district"))
        self.edit_district.setObjectName("edit_district")
        self.retire_district.setObjectName("retire_district")
        self.add_district.clicked.connect(self.on_add_district)
        self.edit_district.clicked.connect(self.on_edit_district)
        self.retire_district.clicked.connect(self.on_retire_district)
        self.districts.itemSelectionChanged.connect(self.update_buttons)
        self.districts.doubleClicked.connect(lambda _index: self.on_edit_district())

        self.people = _table([self.tr("Login"), self.tr("Full name"), self.tr("Role"), self.tr("Districts"),
                              self.tr("Enterprise"), self.tr("Account")], "people", stretch=4)
        self.add_person = QPushButton(self.tr("New person…"))
        self.reset_password = QPushButton(self.tr("Reset password…"))
        self.rename_person = QPushButton(self.tr("Rename…"))
        self.rename_person.setObjectName("rename_person")
        self.rename_person.clicked.connect(self.on_rename_person)
        self.disable_person = QPushButton(self.tr("Disable"))
        self.enable_person = QPushButton(self.tr("Enable"))
        self.reset_password.setObjectName("reset_password")
        self.disable_person.setObjectName("disable_person")
        self.enable_person.setObjectName("enable_person")
        self.add_person.clicked.connect(self.on_add_person)
        self.reset_password.clicked.connect(self.on_reset_password)
        self.disable_person.clicked.connect(self.on_disable)
        self.enable_person.clicked.connect(self.on_enable)
        self.people.itemSelectionChanged.connect(self.update_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._tab(self.districts, [self.add_district, self.edit_district, self.retire_district],
                                   self.tr("A district is retired once no enterprise is left in it: move its "
                                           "enterprises on the Enterprises page first.")), self.tr("Districts"))
        self.tabs.addTab(self._tab(self.people, [self.add_person, self.rename_person, self.reset_password,
                                                 self.disable_person,
                                                 self.enable_person],
                                   self.tr("A disabled person cannot sign in here, nor on any device after its next "
                                           "sync; their records stay.")), self.tr("People"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        follow_changes(self, context)
        self.refresh()

    @staticmethod
    def _tab(table: QTableWidget, buttons: list[QPushButton], hint: str) -> QWidget:
        tab = QWidget()
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setStyleSheet("color: #546e7a")
        column = QVBoxLayout(tab)
        column.addLayout(row)
        column.addWidget(table, 1)
        column.addWidget(note)
        return tab

    # -- reading --------------------------------------------------------------------------------
    def on_shown(self) -> None:
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(*_TABLES):
            self.refresh()

    def refresh(self) -> None:
        self.district_rows = self.service.districts()
        self.person_rows = self.service.people()
        self._fill_districts()
        self._fill_people()
        self.update_buttons()

    def _fill_districts(self) -> None:
        selected = self.selected_district()
        self.districts.setRowCount(len(self.district_rows))
        for number, row in enumerate(self.district_rows):
            leader = f"{row.leader.name} · {row.leader.login}" if row.leader else ""
            cells = [row.district.code, row.district.name, leader, "、".join(p.name for p in row.inspectors),
                     str(row.enterprises)]
            for column, text in enumerate(cells):
                self.districts.setItem(number, column, QTableWidgetItem(text))
            if selected is not None and row.district.id == selected.district.id:
                self.districts.selectRow(number)

    def _fill_people(self) -> None:
        selected = self.selected_person()
        self.people.setRowCount(len(self.person_rows))
        for number, row in enumerate(self.person_rows):
            person = row.person
            if not person.active:
                account = self.tr("Disabled")
            elif person.must_change_password:
                account = self.tr("Password to be changed at first sign-in")
            else:
                account = self.tr("Active")
            cells = [person.login, person.name, ROLE_NAMES.get(person.role, person.role), "、".join(row.district_codes),
                     row.enterprise_name, account]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not person.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.people.setItem(number, column, item)
            if selected is not None and person.id == selected.person.id:
                self.people.selectRow(number)

    def selected_district(self) -> DistrictRow | None:
        rows = self.districts.selectionModel().selectedRows() if self.districts.selectionModel() else []
        return self.district_rows[rows[0].row()] if rows and rows[0].row() < len(self.district_rows) else None

    def selected_person(self) -> PersonRow | None:
        rows = self.people.selectionModel().selectedRows() if self.people.selectionModel() else []
        return self.person_rows[rows[0].row()] if rows and rows[0].row() < len(self.person_rows) else None

    def update_buttons(self) -> None:
        district, person = self.selected_district(), self.selected_person()
        self.edit_district.setEnabled(district is not None)
        self.retire_district.setEnabled(district is not None)
        self.reset_password.setEnabled(person is not None and person.person.active)
        self.rename_person.setEnabled(person is not None)
        self.disable_person.setEnabled(person is not None and person.person.active)
        self.enable_person.setEnabled(person is not None and not person.person.active)

    def _people_with_role(self, role: str):
        return [r.person for r in self.person_rows if r.person.role == role and r.person.active]

    # -- districts ------------------------------------------------------------------------------
    def on_add_district(self) -> None:
        self._open_district_editor(None)

    def on_edit_district(self) -> None:
        row = self.selected_district()
        if row is not None:
            self._open_district_editor(row)

    def _open_district_editor(self, row: DistrictRow | None) -> DistrictEditor:
        editor = DistrictEditor(self._people_with_role("leader"), self._people_with_role("inspector"), row, self)
        editor.district_submitted.connect(lambda code, name, leader, inspectors: self._save_district(
            editor, row is None, code, name, leader or None, inspectors))
        self.editor = editor
        editor.open()
        return editor

    def _save_district(self, editor: DistrictEditor, new: bool, code: str, name: str, leader: str | None,
                       inspectors: list[str]) -> None:
        method = "add_district" if new else "edit_district"
        self.context.ops.run("organisation", method, code, name, leader, inspectors,
                             done=lambda _result: self._saved(editor, self.tr("District %1 saved.").replace(
                                 "%1", code.strip().upper())),
                             failed=lambda exc: editor.show_refusal(str(exc)))

    def on_retire_district(self) -> None:
        row = self.selected_district()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Retire district"),
            self.tr("Retire district %1 %2? Its leader and inspectors leave it.").replace(
                "%1", row.district.code).replace("%2", row.district.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.ops.run("organisation", "retire_district", row.district.code,
                             done=lambda _r: self._say(self.tr("District %1 retired.").replace("%1", row.district.code)),
                             failed=self._refused)

    # -- people ---------------------------------------------------------------------------------
    def on_add_person(self) -> PersonEditor:
        editor = PersonEditor(self.context.session, [r.district for r in self.district_rows], self)
        editor.person_submitted.connect(lambda values: self._save_person(editor, values))
        self.editor = editor
        editor.open()
        return editor

    def _save_person(self, editor: PersonEditor, values: dict) -> None:
        def done(made: NewPassword) -> None:
            self._saved(editor, self.tr("%1 added.").replace("%1", made.person.login))
            self.show_password(made)
        self.context.ops.run("organisation", "add_person", values["login"], values["name"], values["role"],
                             values["districts"], values["uscc"], values["password"], done=done,
                             failed=lambda exc: editor.show_refusal(str(exc)))

    def on_rename_person(self) -> None:
        row = self.selected_person()
        if row is None:
            return
        name, given = QInputDialog.getText(self, self.tr("Rename"),
                                           self.tr("Full name of %1 (documents already issued keep the name they "
                                                   "were issued with):").replace("%1", row.person.login),
                                           text=row.person.name)
        if not given or name.strip() == row.person.name:
            return
        self.context.ops.run("organisation", "rename_person", row.person.login, name,
                             done=lambda p: self._say(self.tr("%1 is now named %2.").replace("%1", p.login)
                                                      .replace("%2", p.name)),
                             failed=self._refused)

    def on_reset_password(self) -> None:
        row = self.selected_person()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Reset password"),
            self.tr("Give %1 a new one-time password? The old password stops working.").replace(
                "%1", f"{row.person.name} ({row.person.login})"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.ops.run("organisation", "reset_password", row.person.login, done=self.show_password,
                             failed=self._refused)

    def on_disable(self) -> None:
        row = self.selected_person()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Disable"),
            self.tr("Disable %1? They can no longer sign in, here or on any device after its next sync. Their "
                    "records stay.").replace("%1", f"{row.person.name} ({row.person.login})"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.ops.run("organisation", "disable", row.person.login,
                             done=lambda _p: self._say(self.tr("%1 disabled.").replace("%1", row.person.login)),
                             failed=self._refused)

    def on_enable(self) -> None:
        row = self.selected_person()
        if row is not None:
            self.context.ops.run("organisation", "enable", row.person.login,
                                 done=lambda _p: self._say(self.tr("%1 enabled.").replace("%1", row.person.login)),
                                 failed=self._refused)

    def show_password(self, made: NewPassword) -> None:
        """The one-time password, shown this once: the office hands it to the person."""
        if made.one_time is None:
            return
        QMessageBox.information(
            self, self.tr("One-time password"),
            self.tr("One-time password for %1:\n\n%2\n\nIt is shown only now: hand it to the person. They choose "
                    "their own password at the first sign-in.").replace(
                "%1", f"{made.person.name} ({made.person.login})").replace("%2", made.one_time))

    # -- outcomes -------------------------------------------------------------------------------
    def _saved(self, editor, text: str) -> None:
        editor.accept()
        self.editor = None
        self._say(text)

    def _say(self, text: str) -> None:
        self.status.setStyleSheet("color: #2e7d32")
        self.status.setText(text)

    def _refused(self, exc: Exception) -> None:
        self.status.setStyleSheet("color: #c62828")
        self.status.setText(str(exc))
