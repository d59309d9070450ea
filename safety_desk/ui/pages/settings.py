"""设置: language, the default rectification periods by hazard grade, how notices are numbered, the drill rule for
high-risk units, the weekly summary's distribution, sign-off and plan, and backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from safety_desk.domain.drills import DrillRule
from safety_desk.domain.notice_numbers import (
    MAX_BLOCK_SIZE, NoticePatternError, format_notice_number, validate_notice_pattern,
)
from safety_desk.services.backups import BackupFile
from safety_desk.services.session import Action
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.change_password import ChangePasswordDialog

_ERROR_STYLE = "color: #c62828;"
_SAVED_STYLE = "color: #2e7d32;"
_MUTED = "#546e7a"


class SettingsPage(QWidget):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        heading = QLabel(self.tr("Settings"))
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.general_days = QSpinBox()
        self.general_days.setRange(1, 365)
        self.general_days.setSuffix(self.tr(" days"))
        self.major_days = QSpinBox()
        self.major_days.setRange(1, 730)
        self.major_days.setSuffix(self.tr(" days"))
        self.notice_pattern = QLineEdit()
        self.notice_pattern.setObjectName("notice_pattern")
        self.notice_pattern.setToolTip(self.tr("Write {year} for the year and {seq} for the notice's sequence "
                                               "number in that year, e.g. 国资安通〔{year}〕{seq}号"))
        self.notice_pattern.textChanged.connect(self.on_pattern_edited)
        self.pattern_preview = QLabel()
        self.pattern_preview.setObjectName("pattern_preview")
        self.pattern_preview.setWordWrap(True)
        self.block_size = QSpinBox()
        self.block_size.setObjectName("block_size")
        self.block_size.setRange(1, MAX_BLOCK_SIZE)
        self.block_size.setToolTip(self.tr("How many notice numbers the safety office gives a device at a time; "
                                           "a device numbers its notices only from its own blocks, so devices "
                                           "working offline never give out the same number."))
        self.authority = QLineEdit()
        self.authority.setObjectName("major_hazard_authority")
        self.authority.setToolTip(self.tr("A notice listing a major hazard is copied (抄送) to this authority."))
        self.drill_rule = QComboBox()
        self.drill_rule.setObjectName("drill_rule")
        self.drill_rule.addItem(self.tr("National text: yearly main drill, on-site drill every 6 months"),
                                DrillRule.NATIONAL.value)
        self.drill_rule.addItem(self.tr("Stricter local rule: high-risk units' main drill every 6 months"),
                                DrillRule.LOCAL_HALF_YEARLY.value)
        weekly = self._weekly_fields()
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.on_save)
        self.change_password = QPushButton(self.tr("Change my password…"))
        self.change_password.setObjectName("change_password")
        self.change_password.clicked.connect(self.on_change_password)
        form = QFormLayout()
        form.addRow(self.tr("Language (after restart)"), self.language)
        form.addRow(self.tr("Default deadline, general hazard"), self.general_days)
        form.addRow(self.tr("Default deadline, major hazard"), self.major_days)
        form.addRow(self.tr("Notice number pattern"), self.notice_pattern)
        form.addRow("", self.pattern_preview)
        form.addRow(self.tr("Notice numbers per block"), self.block_size)
        form.addRow(self.tr("Major hazards copied to"), self.authority)
        form.addRow(self.tr("Drills of high-risk units"), self.drill_rule)
        # The office's policy (deadlines, notice numbers, 抄送, the drill rule, the weekly summary) is the office's
        # to change and shown to the office only; the language is each person's own.
        self.office_fields = (self.general_days, self.major_days, self.notice_pattern, self.block_size,
                              self.authority, self.drill_rule, self.weekly_report_to, self.weekly_copy_to,
                              self.weekly_compiled_by, self.weekly_reviewed_by, self.weekly_signed_by,
                              self.weekly_plan)
        self.may_configure = context.session.may(Action.CONFIGURE_OFFICE)
        self.office_only = QLabel(self.tr("Deadlines, notice numbers and the weekly summary are set by the safety "
                                          "office; here you choose your language and change your password."))
        self.office_only.setObjectName("office_only")
        self.office_only.setStyleSheet(f"color: {_MUTED};")
        self.office_only.setVisible(not self.may_configure)
        for field in self.office_fields:
            field.setEnabled(self.may_configure)
        for field in (*self.office_fields[:6], self.pattern_preview):
            form.setRowVisible(field, self.may_configure)
        weekly.setVisible(self.may_configure)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.change_password)
        layout.addLayout(top)
        layout.addWidget(self.office_only)
        layout.addLayout(form)
        layout.addWidget(weekly)
        save_row = QHBoxLayout()  # a button at the form's end, not a bar across the page
        save_row.addStretch(1)
        save_row.addWidget(save)
        layout.addLayout(save_row)
        layout.addWidget(self.note)
        self.backups = BackupsPanel(context)
        # The list takes the page's height for whoever manages backups; for the others it is one sentence.
        layout.addWidget(self.backups, 1 if self.backups.service.may_manage() else 0)
        if not self.backups.service.may_manage():
            layout.addStretch(1)

    def _weekly_fields(self) -> QGroupBox:
        """The weekly summary's 报送/抄送, 编制/审核/签发 and the office's plan for next week, printed on every issue."""
        def line(name: str, placeholder: str) -> QLineEdit:
            field = QLineEdit()
            field.setObjectName(name)
            field.setPlaceholderText(placeholder)
            return field

        blank = self.tr("blank: a line to write on")
        self.weekly_report_to = line("weekly_report_to", self.tr("e.g. 市安委会办公室"))
        self.weekly_copy_to = line("weekly_copy_to", self.tr("e.g. 各片区、各成员单位"))
        self.weekly_compiled_by = line("weekly_compiled_by", blank)
        self.weekly_reviewed_by = line("weekly_reviewed_by", blank)
        self.weekly_signed_by = line("weekly_signed_by", blank)
        self.weekly_plan = QPlainTextEdit()
        self.weekly_plan.setObjectName("weekly_next_week_plan")
        self.weekly_plan.setPlaceholderText(self.tr("Next week's plan, printed above the hazards and drills due"))
        self.weekly_plan.setTabChangesFocus(True)
        self.weekly_plan.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        box = QGroupBox(self.tr("Weekly summary"))
        grid = QGridLayout(box)
        # Two and three names a row: the distribution and the sign-off read as they print, and the page still fits.
        grid.addWidget(QLabel(self.tr("Report to")), 0, 0)
        grid.addWidget(self.weekly_report_to, 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Copy to")), 0, 4)
        grid.addWidget(self.weekly_copy_to, 0, 5)
        grid.addWidget(QLabel(self.tr("Compiled by")), 1, 0)
        grid.addWidget(self.weekly_compiled_by, 1, 1)
        grid.addWidget(QLabel(self.tr("Reviewed by")), 1, 2)
        grid.addWidget(self.weekly_reviewed_by, 1, 3)
        grid.addWidget(QLabel(self.tr("Signed by")), 1, 4)
        grid.addWidget(self.weekly_signed_by, 1, 5)
        grid.addWidget(QLabel(self.tr("Next week's plan")), 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.weekly_plan, 2, 1, 1, 5)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        return box

    def on_shown(self) -> None:
        settings = self.context.settings
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.general_days.setValue(settings.deadline_days_general)
        self.major_days.setValue(settings.deadline_days_major)
        self.notice_pattern.setText(settings.notice_pattern)
        self.block_size.setValue(settings.notice_block_size)
        self.authority.setText(settings.major_hazard_authority)
        self.drill_rule.setCurrentIndex(max(0, self.drill_rule.findData(settings.drill_rule)))
        self.weekly_report_to.setText(settings.weekly_report_to)
        self.weekly_copy_to.setText(settings.weekly_copy_to)
        self.weekly_compiled_by.setText(settings.weekly_compiled_by)
        self.weekly_reviewed_by.setText(settings.weekly_reviewed_by)
        self.weekly_signed_by.setText(settings.weekly_signed_by)
        self.weekly_plan.setPlainText(settings.weekly_next_week_plan)
        self.note.clear()
        self.backups.refresh()

    def on_change_password(self) -> ChangePasswordDialog:
        """The signed-in person's own password: the current one first, then the new one twice."""
        login = self.context.session.person.login
        dialog = ChangePasswordDialog(login, parent=self)
        dialog.password_chosen.connect(lambda current, new: self.context.ops.run(
            "organisation", "change_password", login, current, new,
            done=lambda _person: self._password_changed(dialog), failed=lambda exc: dialog.show_refusal(str(exc))))
        dialog.open()
        return dialog

    def _password_changed(self, dialog: ChangePasswordDialog) -> None:
        dialog.accept()
        self.note.setText(self.tr("Your password was changed."))
        self.note.setStyleSheet(_SAVED_STYLE)

    def on_pattern_edited(self, text: str) -> None:
        try:
            example = format_notice_number(text, self.context.session.clock.today().year, 12)
        except NoticePatternError as exc:
            self.pattern_preview.setText(str(exc))
            self.pattern_preview.setStyleSheet(_ERROR_STYLE)
            return
        self.pattern_preview.setText(self.tr("For example: %1").replace("%1", example))
        self.pattern_preview.setStyleSheet(f"color: {_MUTED};")

    def on_save(self) -> None:
        settings = self.context.settings
        if not self.may_configure:  # only the language is theirs to change
            settings.language = self.language.currentData()
            settings.save()
            self.note.setText(self.tr("Saved."))
            self.note.setStyleSheet(_SAVED_STYLE)
            return
        try:
            pattern = validate_notice_pattern(self.notice_pattern.text())
        except NoticePatternError as exc:
            # Nothing is saved: a half-valid form would number notices with a pattern nobody checked.
            self.note.setText(str(exc))
            self.note.setStyleSheet(_ERROR_STYLE)
            self.notice_pattern.setFocus()
            return
        settings.notice_pattern = pattern
        settings.notice_block_size = self.block_size.value()
        settings.language = self.language.currentData()
        settings.deadline_days_general = self.general_days.value()
        settings.deadline_days_major = self.major_days.value()
        settings.major_hazard_authority = self.authority.text().strip()
        settings.drill_rule = self.drill_rule.currentData()
        settings.weekly_report_to = self.weekly_report_to.text().strip()
        settings.weekly_copy_to = self.weekly_copy_to.text().strip()
        settings.weekly_compiled_by = self.weekly_compiled_by.text().strip()
        settings.weekly_reviewed_by = self.weekly_reviewed_by.text().strip()
        settings.weekly_signed_by = self.weekly_signed_by.text().strip()
        settings.weekly_next_week_plan = self.weekly_plan.toPlainText().strip()
        settings.save()
        self.note.setText(self.tr("Saved."))
        self.note.setStyleSheet(_SAVED_STYLE)


def _size_text(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GB"
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, size >> 10)} KB"


class BackupsPanel(QGroupBox):
    """The backups beside the database (date, reason, size); the safety office backs up now and restores one.

    After a restore the program closes and must be started again: the open window holds the replaced database's
    state (its pages, the write clock, the audit chain's head), so carrying on would mix the two.
    """

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(self.tr("Backups"), parent)
        self.context = context
        self.service = context.desk.backups
        self._shown: list[BackupFile] = []
        self.where = QLabel()
        self.where.setObjectName("backup_folder")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setStyleSheet(f"color: {_MUTED};")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backup_list")
        self.table.setHorizontalHeaderLabels([self.tr("Made at"), self.tr("Reason"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.back_up = QPushButton(self.tr("Back up now"))
        self.back_up.setObjectName("back_up_now")
        self.back_up.clicked.connect(self.on_back_up)
        self.restore = QPushButton(self.tr("Restore the selected backup…"))
        self.restore.setObjectName("restore_selected")
        self.restore.clicked.connect(self.on_restore_selected)
        self.restore_file = QPushButton(self.tr("Restore from a file…"))
        self.restore_file.setObjectName("restore_file")
        self.restore_file.clicked.connect(self.on_restore_file)
        self.status = QLabel()
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up)
        buttons.addWidget(self.restore)
        buttons.addWidget(self.restore_file)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        manage = self.service.may_manage()  # the service refuses the others; the buttons are hidden for them
        for button in (self.back_up, self.restore, self.restore_file):
            button.setVisible(manage)
        # Who may not back up or restore has nothing to do with the list (a table of files they cannot use, and
        # often empty on a device where the office has never backed up): a sentence says whose work it is.
        self.managed_by_office = QLabel(self.tr("Backups of this database are made and restored by the safety "
                                                "office."))
        self.managed_by_office.setObjectName("backups_managed_by_office")
        self.managed_by_office.setWordWrap(True)
        self.managed_by_office.setStyleSheet(f"color: {_MUTED};")
        layout.addWidget(self.managed_by_office)
        self.managed_by_office.setVisible(not manage)
        for widget in (self.where, self.table, self.status):
            widget.setVisible(manage)
        self._busy = False
        self._update_buttons()

    def reason_text(self, reason: str) -> str:
        names = {"daily": self.tr("Daily (automatic at start)"), "manual": self.tr("By hand"),
                 "import": self.tr("Before an import"), "migration": self.tr("Before a program upgrade"),
                 "before-restore": self.tr("Replaced by a restore")}
        return names.get(reason, reason)

    def refresh(self) -> None:
        self.where.setText(self.tr("Kept beside the database in %1: the newest backup of each of the last 7 days "
                                   "and 4 weeks, and the last 3 before imports, upgrades and restores.")
                           .replace("%1", str(self.service.folder)))
        self._shown = self.service.backups()
        self.table.setRowCount(len(self._shown))
        for row, backup in enumerate(self._shown):
            cells = [backup.made_at.strftime("%Y-%m-%d %H:%M:%S"), self.reason_text(backup.reason),
                     _size_text(backup.size)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(backup.path))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if not self._shown:
            self.status.setText(self.tr("No backups yet."))
        self._update_buttons()

    def selected_backup(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self._shown[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.back_up.setEnabled(not self._busy)
        self.restore_file.setEnabled(not self._busy)
        self.restore.setEnabled(not self._busy and self.selected_backup() is not None)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {_MUTED};")
        self._update_buttons()

    def _show_error(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText(message)
        self.status.setStyleSheet(_ERROR_STYLE)
        QMessageBox.warning(self, self.tr("Not done"), message)

    # -- back up ------------------------------------------------------------------------------------
    def on_back_up(self) -> None:
        self._set_busy(True, self.tr("Backing up…"))
        signals = self.context.tasks.start(lambda _report: self.service.back_up_now())
        signals.finished.connect(self._backed_up)
        signals.failed.connect(self._show_error)

    def _backed_up(self, backup: BackupFile) -> None:
        self._set_busy(False)
        self.refresh()
        self.status.setText(self.tr("Backed up: %1").replace("%1", backup.path.name))
        self.status.setStyleSheet(_SAVED_STYLE)

    # -- restore ------------------------------------------------------------------------------------
    def on_restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is not None:
            self.start_restore(backup.path, backup.made_at.strftime("%Y-%m-%d %H:%M:%S"))

    def on_restore_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a file"), str(self.service.folder),
                                                self.tr("SafetyDesk database (*.db);;All files (*)"))
        if chosen:
            self.start_restore(Path(chosen), Path(chosen).name)

    def start_restore(self, source: Path, label: str) -> None:
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Replace the database by the backup of %1?\n\nThe current database is kept as a backup "
                    "first. SafetyDesk then closes; start it again to work on the restored data.").replace("%1", label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        # The restore checks the file first and writes on connections of its own (seconds on a large database).
        self._set_busy(True, self.tr("Restoring…"))
        signals = self.context.tasks.start(lambda _report: self.service.restore(source))
        signals.finished.connect(self._restored)
        signals.failed.connect(self._show_error)

    def _restored(self, result) -> None:
        self.status.setText(self.tr("Restored."))
        QMessageBox.information(
            self, self.tr("Restored"),
            self.tr("The backup was restored; the replaced database was kept as %1.\n\nSafetyDesk will now close. "
                    "Start it again to work on the restored data.").replace(
                "%1", result.kept.path.name if result.kept else "-"))
        self.close_program()

    def close_program(self) -> None:
        QCoreApplication.quit()
