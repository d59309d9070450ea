"""The desktop's background hub sync on the real thread pool: the status bar says when the last exchange succeeded,
or that the hub is unreachable, and the window keeps working."""

from __future__ import annotations

import threading

from safety_desk.services.hazards import HazardService
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.ui.context import AppContext
from safety_desk.ui.hub_syncer import run_hub_sync
from safety_desk.ui.main_window import MainWindow
from safety_desk.ui.tasks import TaskRunner

from hub_world import free_port
from hub_world import sync_via
from sync_helpers import as_person, hazard_of


def test_the_window_syncs_with_the_hub_in_a_worker_and_says_so(qtbot, hub_world, running_hub, monkeypatch) -> None:
    url, _ = running_hub
    sync_via(hub_world["office"], url)
    enterprise = hub_world["enterprise"]
    session = as_person(enterprise, "e1")
    threads = []
    real = run_hub_sync

    def watched(report, *args):
        threads.append(threading.current_thread())
        return real(report, *args)

    monkeypatch.setattr("safety_desk.ui.hub_syncer.run_hub_sync", watched)
    context = AppContext(store=enterprise.store, session=Session(enterprise.store, session.person),
                         settings=Settings(hub_url=url, reminders=False), tasks=TaskRunner(), device_name="企业电脑")
    window = MainWindow(context)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "not synced yet" in window.hub_status.text(), timeout=10_000)
    HazardService(session).record_progress(hazard_of(enterprise.store, "隐患1").id, "整改中")
    with qtbot.waitSignal(window.hub_syncer.synced, timeout=60_000) as done:
        assert window.hub_syncer.sync_now()
        assert not window.hub_syncer.sync_now()  # one exchange at a time
    assert done.args[0].result is not None and done.args[0].result.uploaded == 1
    assert threads and threading.main_thread() not in threads
    assert "Hub: last synced" in window.hub_status.text() and window.hub_status.isVisible() is not None
    # The Sync page's box asks the same syncer; a wrong address: unreachable, said, and the window works on.
    window.show_page("sync")
    box = window.pages["sync"].hub_box
    box.set_hub_url(f"http://127.0.0.1:{free_port()}")
    with qtbot.waitSignal(window.hub_syncer.synced, timeout=60_000) as failed:
        box.on_sync_clicked()
    assert failed.args[0].unreachable
    assert "Hub unreachable" in window.hub_status.text()
    assert "Hub unreachable" in box.status.text()
    window.show_page("hazards")  # still usable offline


def test_refused_bundles_are_said_in_the_status_bar(qtbot) -> None:
    from types import SimpleNamespace

    from safety_desk.services.hub_sync import HubResult
    from safety_desk.ui.hub_syncer import HubOutcome, HubSyncer

    syncer = HubSyncer(SimpleNamespace(settings=Settings(hub_url="https://hub.example")))
    said = []
    syncer.status_changed.connect(lambda text, ok: said.append((text, ok)))
    result = HubResult("https://hub.example", rejected=["x.sdsync: 签名无效"], synced_at="2026-12-05T17:02:00.000+08:00")
    syncer.on_finished(HubOutcome(result=result))
    assert said == [("Hub: last synced 12-05 17:02, 1 bundles refused (see the Sync page)", False)]
    syncer.on_finished(HubOutcome(problem="集线器无法连接", unreachable=True))
    assert said[-1] == ("Hub unreachable: working offline", False)
