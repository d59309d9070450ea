"""Starting the desktop application: fonts, translation, first-run set-up or sign-in, then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from safety_desk import __version__
from safety_desk.app import Entrance
from safety_desk.domain.language import set_language
from safety_desk.paths import bundled_enrolment, resources_dir
from safety_desk.services.errors import StoreError
from safety_desk.settings import Settings
from safety_desk.ui.context import AppContext
from safety_desk.ui.i18n import apply_font, install_translators, register_font
from safety_desk.ui.operations import Operations
from safety_desk.ui.tasks import TaskRunner


def make_application(language: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("SafetyDesk")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "safetydesk.png")))
    apply_font(app, register_font())
    set_language(language)  # the services' messages follow the window's language
    app._translators = install_translators(app, language)  # keep them alive as long as the app
    return app


def install_store_error_hook(parent_of=QApplication.activeWindow) -> None:
    """A store error no page caught (a full disk, a read-only file) becomes a message box, not a traceback.

    Qt calls sys.excepthook for an exception escaping a slot; every other exception keeps the default hook.
    """
    previous = sys.excepthook

    def hook(kind, value, trace) -> None:
        if isinstance(value, StoreError):
            QMessageBox.warning(parent_of(), "SafetyDesk", str(value))
            return
        previous(kind, value, trace)

    sys.excepthook = hook


def start_backup(context: AppContext, window):
    """The automatic backup at start (at most daily), in a worker on a connection of its own: on the benchmark
    database (1.3 GB) it takes seconds. A failure (e.g. a full disk) is shown; the program carries on."""
    from safety_desk.services.backups import backup_at_start

    path = context.store.path
    signals = context.tasks.start(lambda _report: backup_at_start(path))
    signals.failed.connect(lambda message: QMessageBox.warning(
        window, "SafetyDesk",
        QCoreApplication.translate("app", "The automatic backup failed: %1").replace("%1", message)))
    return signals


def encrypt_at_first_sign_in(entrance: Entrance, session, password: str):
    """A plain database (older version, or just set up) is encrypted once someone has signed in: the recovery key
    is shown once. When it cannot be done now (another program has it open) it stays plain and is tried again at
    the next start."""
    if entrance.store is None or entrance.is_encrypted:
        return session
    # Encrypting copies the whole database (after a backup): seconds, minutes for a large one. Said before it starts.
    notice = QProgressDialog(QCoreApplication.translate(
        "app", "Encrypting the database (a backup is taken first). A large database takes a few minutes…"),
        "", 0, 0)
    notice.setCancelButton(None)
    notice.setWindowTitle("SafetyDesk")
    notice.setMinimumDuration(0)
    notice.show()
    QCoreApplication.processEvents()
    try:
        session, encrypted = entrance.encrypt_after_sign_in(session, password)
    finally:
        notice.close()
    if isinstance(encrypted, StoreError):
        QMessageBox.warning(None, "SafetyDesk", QCoreApplication.translate(
            "app", "The database could not be encrypted now; it stays as it was and will be encrypted at the next "
                   "start: %1").replace("%1", str(encrypted)))
        return session
    if encrypted is not None:
        QMessageBox.information(None, "SafetyDesk", QCoreApplication.translate(
            "app", "The database is now encrypted; a backup was taken first. Recovery key (shown only this once — "
                   "write it down and give it to the safety office to keep): %1").replace("%1",
                                                                                        encrypted.recovery_key))
    return session


def run_gui(db_path: Path, language: str | None = None, *, login_hint: str = "", encrypt: bool = True) -> int:
    """The window on the database at `db_path`; a plain database is encrypted at the first sign-in unless
    `encrypt` is off (the demo: made-up data whose accounts share the password `demo`)."""
    settings = Settings.load()
    app = make_application(language or settings.language)
    install_store_error_hook()  # from here on, even signing in may meet a full disk or a read-only file
    enrolment = bundled_enrolment()
    joined = None
    if enrolment is None and not Path(db_path).exists():
        # Nothing here yet: a new office, or a device joining one with the file the office handed over.
        from safety_desk.ui.dialogs.first_start import FirstStartDialog

        first = FirstStartDialog(Path(db_path), TaskRunner())
        if first.exec() != first.DialogCode.Accepted or first.choice is None:
            return 0
        joined = first.result_of_join
    passphrase = None
    if enrolment is not None and not Path(db_path).exists():
        from safety_desk.services.enrolment_seal import needs_passphrase
        from safety_desk.ui.dialogs.enrol_passphrase import ask_until_it_opens

        if needs_passphrase(enrolment):
            # The enterprise edition's file is sealed like any other: the office reads its passphrase out.
            passphrase = ask_until_it_opens(None, enrolment)
            if passphrase is None:
                return 0
    try:
        entrance = Entrance.open(db_path, enrolment, passphrase=passphrase)
    except (StoreError, ValueError) as exc:  # a database not ours; an enrolment file refused or used already
        QMessageBox.critical(None, "SafetyDesk", str(exc))
        return 2
    from safety_desk.ui.dialogs.first_run import FirstRunDialog
    from safety_desk.ui.dialogs.sign_in import SignInDialog
    from safety_desk.ui.main_window import MainWindow

    if entrance.needs_setup() and not entrance.is_office_device:
        # An enrolled device whose scope brought no account: creating one here would make a second office.
        QMessageBox.information(None, "SafetyDesk", QCoreApplication.translate(
            "app", "No one can sign in on this computer yet. Ask the safety office to add your account, then "
                   "sync with the office."))
        entrance.close()
        return 0
    if joined is not None:
        QMessageBox.information(None, "SafetyDesk", QCoreApplication.translate(
            "app", "This computer is now “%1” of %2. Sign in with the account the safety office gave you.")
            .replace("%1", joined.name).replace("%2", entrance.office_name))
    if entrance.needs_setup():
        dialog = FirstRunDialog(entrance.store, entrance.office_name)
    else:
        dialog = SignInDialog(entrance.sign_in(), entrance.office_name)
        dialog.login.setText(login_hint)
        if login_hint:
            dialog.password.setFocus()
    if dialog.exec() != dialog.DialogCode.Accepted or dialog.session is None:
        entrance.close()
        return 0
    session = dialog.session
    if encrypt:
        session = encrypt_at_first_sign_in(entrance, session,
                                           getattr(dialog, "password_used", "") or dialog.password.text())
    desk = entrance.desk(session, settings)
    context = AppContext(desk=desk, tasks=TaskRunner(), device_name=entrance.device_name, ops=Operations(desk))
    window = MainWindow(context)
    window.show()
    step = getattr(dialog, "next_step", None)
    if step:  # the set-up's last page: where the office goes on, once the window has been drawn
        QTimer.singleShot(0, lambda: window.start_step(step))
    start_backup(context, window)
    code = app.exec()
    context.ops.close()  # the queued writes finish first
    entrance.close()
    return code
