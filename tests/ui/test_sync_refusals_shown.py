"""Every refusal of a device's rows reaches the office's Sync page naming the record, the field and the reason (the
import report and `sync conflicts --all` are checked in tests/sync)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from safety_desk.services.session import Session
from safety_desk.services.sync import SyncService

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the Sync page tests' fixtures
from test_sync_page import pair  # noqa: E402,F401  (the office and an inspector laptop; puts tests/sync on the path)
from sync_helpers import hazard_of  # noqa: E402


def test_a_refused_hazard_event_shows_on_the_sync_page_with_record_field_and_reason(pair, qtbot, tmp_path) -> None:
    office, laptop = pair
    hazard = hazard_of(laptop.store, "隐患1")
    # The laptop's owner adds, behind the app, a reopen event sorting before the hazard's created event.
    event_id = "0190ffff-0000-7000-8000-00000000e001"
    wall = int(laptop.store.db.clock.last[:13]) + 1000
    conn = sqlite3.connect(laptop.store.path)
    seq = conn.execute("INSERT INTO write_log (clock, author) VALUES (?, '')",
                       (f"{wall:013d}-000000-{laptop.device_id}",)).lastrowid
    conn.execute("INSERT INTO hazard_event (id, hazard_id, kind, at, by_id, clock, deadline, reason, photos) VALUES"
                 " (?, ?, 'reopened', '2026-11-21T10:00:00+08:00', NULL, ?, NULL, '', '[]')",
                 (event_id, hazard.id, f"{1:013d}-000000-{laptop.device_id}"))
    conn.execute("INSERT INTO row_clock (tbl, row_id, fields, last_seq) VALUES ('hazard_event', ?, ?, ?)",
                 (event_id, f'{{"*": {seq}}}', seq))
    conn.commit()
    conn.close()

    sender = SyncService(Session.of_device(laptop.store))
    path = sender.export(tmp_path, for_device=office.device_id).path
    result = SyncService(Session.of_device(office.store)).import_bundle(path)
    assert result.refused
    with qtbot.waitSignal(office.page.refreshed):
        office.page.on_shown()
    model = office.page.conflicts_model
    rows = [r for r in range(model.rowCount()) if model.view(r).row_id == event_id]
    assert len(rows) == 1
    shown = [model.data(model.index(rows[0], c)) for c in range(model.columnCount())]
    tip = model.data(model.index(rows[0], model.RECORD), Qt.ItemDataRole.ToolTipRole)
    assert shown[model.FIELD].startswith("Hazard event")
    assert event_id in tip
    assert shown[model.NOTE].startswith("Refused: ") and "登记" in shown[model.NOTE] and "kind" in shown[model.NOTE]
