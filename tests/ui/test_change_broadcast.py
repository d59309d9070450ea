"""Every committed write is broadcast with what it changed; the page on screen and the status bar redraw from it."""

from __future__ import annotations

import threading
from datetime import timedelta

from safety_desk.services.ledger import LedgerFilter
from safety_desk.store.changed import Changes
from safety_desk.ui.main_window import MainWindow


def _overdue_hazard(context, as_of):
    rows, _ = context.desk.ledger.first_page(LedgerFilter(overdue_only=True))
    assert rows, "the demo city has overdue hazards"
    return rows[0]


def test_a_commit_reports_its_tables_and_rows_and_a_rollback_reports_nothing(demo_context, demo_as_of) -> None:
    heard: list[Changes] = []
    demo_context.desk.on_changes(heard.append)
    row = _overdue_hazard(demo_context, demo_as_of)
    demo_context.desk.hazards.extend_deadline([row.hazard_id], demo_as_of + timedelta(days=30), "设备到货延期")
    assert len(heard) == 1 and heard[0].touches("hazard_event")
    assert row.hazard_id in heard[0].ids("hazard")  # its status and deadline are folded anew
    try:
        with demo_context.store.transaction():
            demo_context.store.db.audit_event("test", "office", None, None, {})
            raise RuntimeError("abandoned")
    except RuntimeError:
        pass
    assert len(heard) == 1  # nothing was committed, nothing is announced


def test_the_ledger_on_screen_and_the_status_bar_follow_a_write_made_elsewhere(qtbot, demo_context, demo_as_of) -> None:
    window = MainWindow(demo_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("hazards")
    hazards = window.pages["hazards"]
    hazards.overdue.setChecked(True)
    before = hazards.model.total()
    row = _overdue_hazard(demo_context, demo_as_of)
    window.unsynced.setText("")
    # Another dialog (or sync) extends the deadline: no signal of its own reaches the ledger page.
    with qtbot.waitSignal(demo_context.changes.changed, timeout=5_000):
        demo_context.desk.hazards.extend_deadline([row.hazard_id], demo_as_of + timedelta(days=30), "整改方案调整")
    qtbot.waitUntil(lambda: hazards.model.total() == before - 1, timeout=5_000)
    qtbot.waitUntil(lambda: window.unsynced.text() != "", timeout=5_000)


def test_a_workers_own_connection_is_heard_on_the_ui_thread(qtbot, demo_context, demo_as_of) -> None:
    row = _overdue_hazard(demo_context, demo_as_of)
    threads: list[threading.Thread] = []

    def write_in_a_thread() -> None:
        writer = demo_context.desk.writer()  # a second writable connection, as imports and sync use
        try:
            writer.hazards.extend_deadline([row.hazard_id], demo_as_of + timedelta(days=20), "材料待批")
        finally:
            writer.close()

    received: list[bool] = []
    demo_context.changes.changed.connect(
        lambda changes: received.append(threading.current_thread() is threading.main_thread()))
    with qtbot.waitSignal(demo_context.changes.changed, timeout=5_000):
        thread = threading.Thread(target=write_in_a_thread)
        threads.append(thread)
        thread.start()
    thread.join()
    assert received == [True]
