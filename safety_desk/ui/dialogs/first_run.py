"""First start on an empty database: name the office and create the first account, then where to go on
(导入企业名录 → 添加人员 → 登记设备)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QCommandLinkButton, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton,
    QStackedWidget, QVBoxLayout, QWidget,
)

from safety_desk.services.auth import SignInFailed, create_first_account
from safety_desk.services.session import ROLE_NAMES, Session
from safety_desk.ui.icons import icon

# The steps a new office takes after this dialog, in order: (key for MainWindow.start_step, icon).
NEXT_STEPS = ("enterprises", "people", "devices")


class FirstRunDialog(QDialog):
    """`store` is the open, empty database, handed on unopened to services.auth.create_first_account (the UI
    imports nothing from store/ but record types)."""

    def __init__(self, store, office_name: str = "", parent=None) -> None:
        super().__init__(parent)
        self._store = store
        self.session: Session | None = None
        self.setWindowTitle(self.tr("Set up SafetyDesk"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("Welcome. Name your office and create the first account; you will use it to "
                               "sign in from now on."))
        intro.setWordWrap(True)
        self.office = QLineEdit(office_name)
        self.office.setObjectName("office")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.login = QLineEdit()
        self.login.setObjectName("login")
        self.role = QComboBox()
        for role in ("office", "leader", "inspector"):
            self.role.addItem(ROLE_NAMES[role], role)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Office name"), self.office)
        form.addRow(self.tr("Your name"), self.name)
        form.addRow(self.tr("Login"), self.login)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create account"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        account_page = QWidget()
        layout = QVBoxLayout(account_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.next_step: str | None = None  # chosen on the last page: where the main window opens
        self.pages = QStackedWidget()
        self.pages.addWidget(account_page)
        self.pages.addWidget(self._build_next_steps())
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)

    def _build_next_steps(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        texts = {
            "enterprises": (self.tr("1. Import the enterprise list"), "microsoft-excel",
                            self.tr("Enterprises page, Import from Excel: districts by name are created when you "
                                    "tick the box; industries by the national classification (GB/T 4754).")),
            "people": (self.tr("2. Add people"), "account-multiple-plus-outline",
                       self.tr("Organisation page: district leaders, inspectors and enterprise safety officers, "
                               "each with a one-time password.")),
            "devices": (self.tr("3. Enrol devices"), "cellphone-link",
                        self.tr("Sync page, Devices tab: an enrolment file for each inspector laptop and "
                                "enterprise computer, handed over on a USB stick or through a shared folder.")),
        }
        self.step_buttons: dict[str, QCommandLinkButton] = {}
        for key in NEXT_STEPS:
            title, glyph, description = texts[key]
            button = QCommandLinkButton(title, description)
            button.setObjectName(f"step_{key}")
            button.setIcon(icon(glyph))
            button.clicked.connect(lambda _checked=False, k=key: self.on_step_chosen(k))
            layout.addWidget(button)
            self.step_buttons[key] = button
        later = QPushButton(self.tr("Later: open the dashboard"))
        later.setObjectName("step_later")
        later.clicked.connect(lambda: self.on_step_chosen(None))
        layout.addStretch(1)
        layout.addWidget(later)
        return page

    def on_step_chosen(self, key: str | None) -> None:
        self.next_step = key
        self.accept()

    def on_accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            self.session = create_first_account(
                self._store, office_name=self.office.text(), name=self.name.text(), login=self.login.text(),
                password=self.password.text(), role=self.role.currentData())
        except (ValueError, SignInFailed) as exc:
            self.message.setText(str(exc))
            return
        # The office exists: say what comes next, in order, rather than leave a new office on an empty window.
        self.setWindowTitle(self.tr("Next steps"))
        self.done_label.setText(self.tr("%1 is set up and you are signed in. A new office goes live in three "
                                        "steps; choose one to start there (each is also in the main window).")
                                .replace("%1", self.office.text().strip()))
        self.pages.setCurrentIndex(1)
