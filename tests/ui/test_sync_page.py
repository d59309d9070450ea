"""The Sync page on two real databases: the office and an inspector laptop enrolled from it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from safety_desk.services.devices import DeviceService
from safety_desk.services.session import Session
from safety_desk.services.sync import SyncService
from safety_desk.services.sync_results import ConflictView, ImportResult, PeerInfo
from safety_desk.settings import Settings
from safety_desk.store.store import Store
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.enrol_device import EnrolDeviceDialog
from safety_desk.ui.dialogs.sync_export import ExportBundleDialog
from safety_desk.ui.models.sync_models import ConflictRow, ConflictsModel, PeerRow, PeersModel
from safety_desk.ui.pages.sync import Refused, SyncPage
from safety_desk.ui.tasks import InlineTaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))  # the sync tests' helpers

from sync_helpers import USCC, db_digest, enrol_and_join, hazard_of, later_than, make_office  # noqa: E402


@dataclass
class Side:
    """One installation as the GUI has it: its store, a signed-in person's context, and its Sync page."""

    store: Store
    context: AppContext
    page: SyncPage

    @property
    def device_id(self) -> str:
        return self.store.db.device_id


def _side(qtbot, store: Store, login: str) -> Side:
    person = store.people.by_login(login)
    store.db.author_id = person.id
    context = AppContext(store=store, session=Session(store, person), settings=Settings(), tasks=InlineTaskRunner(),
                         device_name=store.devices.get(store.db.device_id).name)
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.resize(1216, 740)
    with qtbot.waitSignal(page.refreshed):
        page.on_shown()
    return Side(store, context, page)


@pytest.fixture
def pair(qtbot, tmp_path):
    """The office (signed in as admin) and an inspector laptop for district D1 (signed in as its inspector)."""
    office = make_office(tmp_path)  # its inspector serves D1 (sync_helpers.py)
    laptop = enrol_and_join(office, tmp_path, "laptop", "inspector", district_codes=["D1"])
    yield _side(qtbot, office.store, "admin"), _side(qtbot, laptop.store, "insp")
    office.close()
    laptop.close()


@pytest.fixture
def messages(monkeypatch):
    """Every message box the page shows, as (kind, text), instead of showing it."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda _parent, _title, text, *args, kind=kind: shown.append((kind, text))))
    return shown


def _peer_row(side: Side, name: str) -> PeerRow:
    model = side.page.peers_model
    return next(model.row_at(r) for r in range(model.rowCount()) if model.row_at(r).peer.name == name)


def _emitted(signal) -> list:
    """What a signal carries from now on (pytest-qt's multi-signal blocker keeps no arguments)."""
    caught: list = []
    signal.connect(caught.append)
    return caught


def _cell(model, row: int, column: int) -> str:
    return model.data(model.index(row, column))


def _export_from(qtbot, side: Side, folder: Path, monkeypatch, peer_id: str | None = None) -> Path:
    """Click "Export bundle…", fill the dialog, wait for the export and the refresh after it."""
    def fake_exec(dialog: ExportBundleDialog) -> int:
        dialog.folder_edit.setText(str(folder))
        if peer_id is not None:
            dialog.peer_combo.setCurrentIndex(dialog.peer_combo.findData(peer_id))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportBundleDialog, "exec", fake_exec)
    exported = _emitted(side.page.exported)
    with qtbot.waitSignals([side.page.exported, side.page.refreshed]):
        qtbot.mouseClick(side.page.export_button, Qt.MouseButton.LeftButton)
    return exported[0].path


def _import_on(qtbot, side: Side, path: Path, monkeypatch):
    """Click "Import bundle…", choose `path` in the file dialog, wait for the import and the refresh after it."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), "")))
    imported = _emitted(side.page.imported)
    with qtbot.waitSignals([side.page.imported, side.page.refreshed]):
        qtbot.mouseClick(side.page.import_button, Qt.MouseButton.LeftButton)
    return imported[0]


def test_header_names_this_device_and_whether_it_is_the_office(pair) -> None:
    office, laptop = pair
    assert "测试安全办" not in office.page.device_label.text()  # the device's name, not the office's
    assert office.page.snapshot.office and "safety office's device" in office.page.role_label.text()
    assert "laptop" in laptop.page.device_label.text() and "检查员" in laptop.page.device_label.text()
    assert laptop.device_id[-8:] in laptop.page.device_label.text()
    assert not laptop.page.snapshot.office and "safety office" in laptop.page.role_label.text()


def test_export_from_the_office_and_import_on_the_laptop_show_in_both_peer_tables(pair, qtbot, tmp_path,
                                                                                   monkeypatch, messages) -> None:
    office, laptop = pair
    hazard = hazard_of(office.store, "隐患1")
    office.store.hazards.update(hazard.id, measures="加装防护罩")
    office.store.hazards.update(hazard_of(office.store, "隐患2").id, location="一号车间")
    with qtbot.waitSignal(office.page.refreshed):
        qtbot.mouseClick(office.page.refresh_button, Qt.MouseButton.LeftButton)
    before = _peer_row(office, "laptop")
    assert before.peer.waiting == 2 and not before.peer.key_known
    assert _cell(office.page.peers_model, 0, PeersModel.STATE) == "Enrolled, no bundle received yet"

    out = tmp_path / "stick"
    path = _export_from(qtbot, office, out, monkeypatch, peer_id=laptop.device_id)
    assert path.parent == out and path.suffix == ".sdsync" and path.exists()
    assert messages[-1][0] == "information" and str(path) in messages[-1][1]
    assert _peer_row(office, "laptop").peer.last_export_at is not None

    result = _import_on(qtbot, laptop, path, monkeypatch)
    assert isinstance(result, ImportResult) and result.applied > 0
    assert laptop.store.hazards.require(hazard.id).measures == "加装防护罩"
    assert messages[-1] == ("information", laptop.page.import_text(result))
    assert result.describe() in messages[-1][1]
    office_row = _peer_row(laptop, office.store.devices.get(office.device_id).name)
    assert office_row.peer.last_import_at is not None
    shown = laptop.page.peers_model
    assert _cell(shown, 0, PeersModel.LAST_IMPORT)[:4].isdigit()  # Beijing "YYYY-MM-DD HH:MM"
    assert _cell(shown, 0, PeersModel.LAST_EXPORT) == "never"

    # And back: the laptop's bundle carries its key and acknowledgement; the office sees the exchange.
    back = _export_from(qtbot, laptop, tmp_path / "back", monkeypatch)
    _import_on(qtbot, office, back, monkeypatch)
    after = _peer_row(office, "laptop")
    assert after.peer.key_known and after.peer.last_import_at is not None
    assert after.peer.waiting < before.peer.waiting  # acknowledged (but its key, just stored, is news)
    assert office.page.peers_model.state_text(after.peer) == "Active"


def test_a_tampered_bundle_is_refused_with_a_clear_message_and_changes_nothing(english, pair, qtbot, tmp_path, monkeypatch,
                                                                              messages) -> None:
    office, laptop = pair
    office.store.hazards.update(hazard_of(office.store, "隐患1").id, measures="加装防护罩")
    path = _export_from(qtbot, office, tmp_path / "stick", monkeypatch, peer_id=laptop.device_id)
    # One byte of the sealed bundle changed on the stick (a byte inside the signed zip: tests/sync).
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "tampered.sdsync"
    tampered.write_bytes(bytes(data))
    before = db_digest(laptop.store)
    office_name = office.store.devices.get(office.device_id).name
    last_import = _peer_row(laptop, office_name).peer.last_import_at  # the enrolment counts as one
    changed = []
    laptop.page.context.changes.changed.connect(lambda _changes: changed.append(True))  # every commit is broadcast

    result = _import_on(qtbot, laptop, tampered, monkeypatch)
    assert isinstance(result, Refused)
    kind, text = messages[-1]
    assert kind == "warning" and text.startswith("Refused. Nothing was changed.")
    assert "tampered.sdsync" in text and "nothing was changed" in text
    assert "Refused, nothing was changed" in laptop.page.note.text()
    assert db_digest(laptop.store) == before and not changed
    assert _peer_row(laptop, office_name).peer.last_import_at == last_import


def test_a_concurrent_edit_appears_in_the_conflicts_list_and_keep_the_other_value_changes_the_field(
        pair, qtbot, tmp_path, monkeypatch, messages) -> None:
    office, laptop = pair
    hazard = hazard_of(office.store, "隐患1")
    laptop.store.hazards.update(hazard.id, measures="检查员的措施")
    later_than(office, laptop)
    office.store.hazards.update(hazard.id, measures="安全办的措施")  # later: it wins, the laptop's is kept aside
    back = _export_from(qtbot, laptop, tmp_path / "back", monkeypatch)
    result = _import_on(qtbot, office, back, monkeypatch)
    assert result.conflicts == 1 and "Conflicts to review: 1" in messages[-1][1]
    assert office.store.hazards.require(hazard.id).measures == "安全办的措施"

    page, model = office.page, office.page.conflicts_model
    assert model.rowCount() == 1 and page.tabs.tabText(0) == "Conflicts (1)"
    row = 0
    assert _cell(model, row, ConflictsModel.FIELD) == "Hazard · measures"
    assert _cell(model, row, ConflictsModel.RECORD) == "企业1: 隐患1"
    assert _cell(model, row, ConflictsModel.KEPT) == "安全办的措施"
    assert _cell(model, row, ConflictsModel.OTHER) == "检查员的措施"
    assert _cell(model, row, ConflictsModel.KEPT_BY).startswith("管理员\n2")
    assert _cell(model, row, ConflictsModel.OTHER_BY).startswith("检查员甲\n2")  # the person signed in on the laptop
    assert page.conflicts_view.selectionModel().selectedRows()  # the first conflict is selected
    assert page.keep_other_button.isEnabled() and page.dismiss_button.isEnabled()

    changed = []
    page.context.changes.changed.connect(lambda _changes: changed.append(True))
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(page.keep_other_button, Qt.MouseButton.LeftButton)
    assert office.store.hazards.require(hazard.id).measures == "检查员的措施"
    assert model.rowCount() == 0 and page.tabs.tabText(0) == "Conflicts" and changed
    assert not page.keep_other_button.isEnabled()
    # Resolved conflicts stay on record: shown on request, with nothing more to do.
    with qtbot.waitSignal(page.refreshed):
        page.show_resolved.setChecked(True)
    assert model.rowCount() == 1 and _cell(model, 0, ConflictsModel.NOTE).startswith("Resolved")
    assert not page.keep_other_button.isEnabled() and not page.dismiss_button.isEnabled()
    # The choice is a new change: it goes to the laptop like any edit.
    path = _export_from(qtbot, office, tmp_path / "stick", monkeypatch, peer_id=laptop.device_id)
    _import_on(qtbot, laptop, path, monkeypatch)
    assert laptop.store.hazards.require(hazard.id).measures == "检查员的措施"


def test_dismiss_takes_a_conflict_off_the_list_and_keeps_the_value(pair, qtbot, tmp_path, monkeypatch,
                                                                   messages) -> None:
    office, laptop = pair
    hazard = hazard_of(office.store, "隐患2")
    laptop.store.hazards.update(hazard.id, location="一号车间")
    later_than(office, laptop)
    office.store.hazards.update(hazard.id, location="二号车间")
    _import_on(qtbot, office, _export_from(qtbot, laptop, tmp_path / "back", monkeypatch), monkeypatch)
    assert office.page.conflicts_model.rowCount() == 1
    with qtbot.waitSignal(office.page.refreshed):
        qtbot.mouseClick(office.page.dismiss_button, Qt.MouseButton.LeftButton)
    assert office.page.conflicts_model.rowCount() == 0
    assert office.store.hazards.require(hazard.id).location == "二号车间"


def test_the_office_sees_its_devices_and_an_inspector_does_not(pair) -> None:
    office, laptop = pair
    assert office.page.devices_visible() and not laptop.page.devices_visible()
    model = office.page.devices_model
    names = [model.device(r).name for r in range(model.rowCount())]
    assert "laptop" in names and len(names) == 2
    assert office.page.tabs.tabText(1) == "Devices (2)"
    assert laptop.page.devices_model.rowCount() == 0


def test_enrol_and_revoke_from_the_devices_tab(pair, qtbot, tmp_path, monkeypatch, messages) -> None:
    office, _ = pair
    page = office.page
    output = tmp_path / "enterprise-pc"

    def fake_exec(dialog: EnrolDeviceDialog) -> int:
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("enterprise"))
        dialog.name_edit.setText("企业1电脑")
        assert dialog.enterprise.choose(office.store.enterprises.by_uscc(USCC[0]).id)
        dialog.output_edit.setText(str(output))
        assert dialog.ok_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EnrolDeviceDialog, "exec", fake_exec)
    caught = _emitted(page.enrolled)
    with qtbot.waitSignals([page.enrolled, page.refreshed]):
        qtbot.mouseClick(page.enrol_button, Qt.MouseButton.LeftButton)
    enrolled = caught[0]
    assert enrolled.path == output.with_suffix(".sdenroll") and enrolled.path.exists()
    assert "企业1电脑 is enrolled" in messages[-1][1] and str(enrolled.path) in messages[-1][1]
    assert enrolled.passphrase and enrolled.passphrase in messages[-1][1]  # shown once, to read out
    model = page.devices_model
    row = next(r for r in range(model.rowCount()) if model.device(r).name == "企业1电脑")
    assert _cell(model, row, model.SCOPE) == "企业1"  # by name: people do not know USCCs by heart
    assert any(p.name == "企业1电脑" for p in page.snapshot.peers)

    page.devices_view.selectRow(row)
    assert page.revoke_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.refreshed):
        qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    row = next(r for r in range(model.rowCount()) if model.device(r).name == "企业1电脑")
    assert model.device(row).revoked_at is not None
    assert office.store.devices.named("企业1电脑")[0].revoked_at is not None
    # The office's own device is never offered for revocation.
    page.devices_view.selectRow(next(r for r in range(model.rowCount()) if model.device(r).this_device))
    assert not page.revoke_button.isEnabled()


def test_enrol_dialog_asks_for_a_scope_and_never_overwrites_a_file(pair, qtbot, tmp_path) -> None:
    office, _ = pair
    dialog = EnrolDeviceDialog(office.context)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("东城笔记本")
    dialog.output_edit.setText(str(tmp_path / "x"))
    assert dialog.role() == "inspector" and not dialog.ok_button.isEnabled()  # no district yet
    dialog.districts.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.ok_button.isEnabled() and dialog.scope() == {"district_codes": ["D1"]}
    (tmp_path / "x.sdenroll").write_text("taken")
    dialog.buttons.accepted.emit()
    assert dialog.result() != QDialog.DialogCode.Accepted and "exists already" in dialog.problem.text()


def test_folder_sync_through_a_temp_folder(pair, qtbot, tmp_path, monkeypatch, messages) -> None:
    office, laptop = pair
    hub = tmp_path / "hub"
    hub.mkdir()
    assert "Choose a shared or removable folder" in office.page.folder_status.text()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(hub)))
    for side in (office, laptop):
        with qtbot.waitSignal(side.page.refreshed):
            qtbot.mouseClick(side.page.findChild(type(side.page.export_button), "choose_folder"),
                             Qt.MouseButton.LeftButton)
        assert side.context.settings.sync_folder == str(hub)
    assert Settings.load().sync_folder == str(hub)  # saved
    assert "Reachable" in office.page.folder_status.text()

    hazard = hazard_of(office.store, "隐患1")
    office.store.hazards.update(hazard.id, measures="经共享文件夹")
    caught = _emitted(office.page.folder_synced)
    with qtbot.waitSignals([office.page.folder_synced, office.page.refreshed]):
        qtbot.mouseClick(office.page.folder_button, Qt.MouseButton.LeftButton)
    result = caught[0]
    assert [e.recipient for e in result.exported] == [laptop.device_id]
    assert _peer_row(office, "laptop").in_folder == 1
    assert "Not yet picked up by laptop: 1" in office.page.folder_status.text()
    with qtbot.waitSignal(laptop.page.refreshed):
        laptop.page.refresh()
    assert "Waiting there for this device: 1 bundles" in laptop.page.folder_status.text()

    caught = _emitted(laptop.page.folder_synced)
    with qtbot.waitSignals([laptop.page.folder_synced, laptop.page.refreshed]):
        qtbot.mouseClick(laptop.page.folder_button, Qt.MouseButton.LeftButton)
    result = caught[0]
    assert len(result.imported) == 1 and not result.rejected
    assert laptop.store.hazards.require(hazard.id).measures == "经共享文件夹"
    assert messages[-1][0] == "information" and "1 bundles imported" in messages[-1][1]
    assert "Waiting there for this device: 0 bundles" in laptop.page.folder_status.text()


def test_a_folder_that_cannot_be_reached_says_so(english, pair, qtbot, tmp_path, messages) -> None:
    office, _ = pair
    with qtbot.waitSignal(office.page.refreshed):
        office.page.set_sync_folder(str(tmp_path / "unplugged"))
    assert "cannot be reached" in office.page.folder_status.text()
    with qtbot.waitSignals([office.page.folder_synced, office.page.refreshed]):
        qtbot.mouseClick(office.page.folder_button, Qt.MouseButton.LeftButton)
    assert messages[-1][0] == "warning" and "does not exist" in messages[-1][1]


def test_the_export_dialog_offers_a_choice_of_device_only_on_the_office(pair, qtbot) -> None:
    office, laptop = pair
    on_office = ExportBundleDialog(office.page.live_peers(), "", office=True)
    on_laptop = ExportBundleDialog(laptop.page.live_peers(), "", office=False)
    for dialog in (on_office, on_laptop):
        qtbot.addWidget(dialog)
    assert on_office.peer_combo.isVisibleTo(on_office) and not on_laptop.peer_combo.isVisibleTo(on_laptop)
    assert not on_office.ok_button.isEnabled()  # no folder yet
    on_office.folder_edit.setText("/tmp/x")
    assert on_office.ok_button.isEnabled() and on_office.peer_id() == laptop.device_id


def test_the_models_show_empty_and_structured_values_plainly(qtbot) -> None:
    conflict = ConflictView(id="c1", kind="value", table="hazard", row_id="h1", field="treatment_plan",
                            kept_value={"objectives": "消除"}, kept_by="甲", kept_at="2026-11-02T09:30:00+08:00",
                            other_value=None, other_by="乙", other_at=None, source="laptop",
                            detected_at="2026-11-03T10:00:00+08:00", note="", resolved=False, can_keep_other=True)
    model = ConflictsModel([ConflictRow(conflict, "企业1: 隐患1")])
    assert _cell(model, 0, ConflictsModel.KEPT) == '{"objectives": "消除"}'
    assert _cell(model, 0, ConflictsModel.OTHER) == "(empty)"
    assert _cell(model, 0, ConflictsModel.KEPT_BY) == "甲\n2026-11-02 09:30"
    assert _cell(model, 0, ConflictsModel.OTHER_BY) == "乙"
    assert _cell(model, 0, ConflictsModel.NOTE) == "Edited on two devices"
    peers = PeersModel([PeerRow(PeerInfo("d1", "笔记本", "inspector", None, None, 1234, True, True), None)])
    assert _cell(peers, 0, PeersModel.LAST_EXPORT) == "never" and _cell(peers, 0, PeersModel.WAITING) == "1,234"
    assert _cell(peers, 0, PeersModel.STATE) == "Revoked" and _cell(peers, 0, PeersModel.IN_FOLDER) == ""


def test_a_database_that_is_not_an_enrolled_device_disables_the_actions(qtbot, store) -> None:
    person = store.people.by_login("admin")
    with store.transaction():
        store.db.set_local("device_id", "nobody")
    store.db.device_id = "nobody"
    context = AppContext(store=store, session=Session(store, person), settings=Settings(), tasks=InlineTaskRunner())
    page = SyncPage(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed):
        page.on_shown()
    assert "not an enrolled device" in page.device_label.text()
    assert not page.export_button.isEnabled() and not page.import_button.isEnabled()
    assert not page.devices_visible()


def test_an_import_runs_in_a_worker_thread_on_a_connection_of_its_own(pair, qtbot, tmp_path, monkeypatch,
                                                                      messages) -> None:
    import threading

    import safety_desk.ui.pages.sync as sync_page
    from safety_desk.ui.tasks import TaskRunner

    office, laptop = pair
    office.store.hazards.update(hazard_of(office.store, "隐患1").id, measures="在工作线程中导入")
    path = SyncService(office.context.session).export(tmp_path / "stick", for_device=laptop.device_id).path
    seen = []

    class Watched(SyncService):
        def import_bundle(self, *args, **kwargs):
            seen.append((threading.get_ident(), self.db.conn))
            return super().import_bundle(*args, **kwargs)

    monkeypatch.setattr(sync_page, "SyncService", Watched)
    laptop.context.tasks = TaskRunner()
    imported = _emitted(laptop.page.imported)
    with qtbot.waitSignals([laptop.page.imported, laptop.page.refreshed], timeout=20000):
        laptop.page.import_bundle(path)
    assert isinstance(imported[0], ImportResult) and imported[0].applied > 0
    (thread, conn), = seen
    assert thread != threading.get_ident() and conn is not laptop.store.db.conn
    assert laptop.store.hazards.require(hazard_of(laptop.store, "隐患1").id).measures == "在工作线程中导入"


def test_every_sync_task_runs_in_a_worker_on_a_connection_of_its_own(pair, qtbot, tmp_path, monkeypatch, messages,
                                                                    real_pool) -> None:
    """Reading the page, export, import, the folder pass and enrolment, on the real pool (see real_pool)."""
    office, laptop = pair
    office.context.tasks = laptop.context.tasks = real_pool
    with qtbot.waitSignal(office.page.refreshed, timeout=20_000):
        office.page.refresh()
    real_pool.done()
    office.store.hazards.update(hazard_of(office.store, "隐患1").id, measures="全部在工作线程中")
    path = _export_from(qtbot, office, tmp_path / "stick", monkeypatch, peer_id=laptop.device_id)
    real_pool.done()
    assert isinstance(_import_on(qtbot, laptop, path, monkeypatch), ImportResult)
    real_pool.done()
    assert laptop.store.hazards.require(hazard_of(laptop.store, "隐患1").id).measures == "全部在工作线程中"
    (tmp_path / "hub").mkdir()
    office.page.set_sync_folder(str(tmp_path / "hub"))
    real_pool.done()
    with qtbot.waitSignals([office.page.folder_synced, office.page.refreshed], timeout=20_000):
        qtbot.mouseClick(office.page.folder_button, Qt.MouseButton.LeftButton)
    real_pool.done()

    def fake_exec(dialog: EnrolDeviceDialog) -> int:
        dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("enterprise"))
        dialog.name_edit.setText("企业2电脑")
        assert dialog.enterprise.choose(office.store.enterprises.by_uscc(USCC[1]).id)
        dialog.output_edit.setText(str(tmp_path / "enterprise-pc"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EnrolDeviceDialog, "exec", fake_exec)
    with qtbot.waitSignals([office.page.enrolled, office.page.refreshed], timeout=20_000):
        qtbot.mouseClick(office.page.enrol_button, Qt.MouseButton.LeftButton)
    real_pool.done()
    assert office.store.devices.named("企业2电脑") and (tmp_path / "enterprise-pc.sdenroll").exists()
    assert {name.split(".")[0] for name, _how, _result in real_pool.outcomes} == {
        "read_snapshot", "run_export", "run_import", "run_folder_sync", "run_enrol"}


def test_the_main_window_shows_the_sync_page_and_an_import_refreshes_its_status_bar(pair, qtbot, tmp_path,
                                                                                    monkeypatch, messages) -> None:
    from safety_desk.ui.main_window import MainWindow

    office, laptop = pair
    window = MainWindow(laptop.context)
    qtbot.addWidget(window)
    page = window.pages["sync"]
    assert isinstance(page, SyncPage)
    with qtbot.waitSignal(page.refreshed):
        window.show_page("sync")
    assert window.unsynced.text() == window.tr("Not yet synced: %1 changes").replace("%1", "0")  # just joined
    laptop.context.desk.hazards.record_progress(hazard_of(laptop.store, "隐患1").id, "已联系维修单位")
    window.refresh_status()
    before = window.unsynced.text()
    assert before != window.tr("Not yet synced: %1 changes").replace("%1", "0")  # the inspector's own write
    # The laptop's bundle reaches the office, whose answer acknowledges it: fewer changes wait on the laptop.
    sent = SyncService(laptop.context.session).export(tmp_path / "back").path
    SyncService(office.context.session).import_bundle(sent)
    path = SyncService(office.context.session).export(tmp_path / "stick", for_device=laptop.device_id).path
    _import_on(qtbot, Side(laptop.store, laptop.context, page), path, monkeypatch)
    assert window.unsynced.text() != before  # the window counted again after the import
    # The status bar counts what the Sync page shows waiting for the office.
    waiting = [peer.waiting for peer in SyncService(laptop.context.session).peers()]
    assert window.unsynced.text() == window.tr("Not yet synced: %1 changes").replace("%1", f"{max(waiting):,}")


def test_an_office_with_no_device_points_only_its_administrator_to_the_devices_tab(qtbot, tmp_path) -> None:
    office = make_office(tmp_path)
    try:
        admin = _side(qtbot, office.store, "admin")
        assert "Devices tab" in admin.page.peers_empty.text() and admin.page.tabs.isTabVisible(1)
        inspector = _side(qtbot, office.store, "insp")  # an inspector signed in at the office's computer
        assert not inspector.page.tabs.isTabVisible(1)
        assert "Devices tab" not in inspector.page.peers_empty.text()
        assert "safety office enrols" in inspector.page.peers_empty.text()
    finally:
        office.close()
