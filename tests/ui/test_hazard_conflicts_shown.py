"""Sync conflicts on a hazard are noted on its page and named on the Sync page."""

from __future__ import annotations

import json

from safety_desk.services.sync_results import ConflictView
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.models.sync_models import ConflictRow, ConflictsModel


def _conflict(store, *, table: str, row_id: str, field: str, kept, lost) -> None:
    with store.transaction():
        store.db.conn.execute(
            "INSERT INTO conflict (id, kind, tbl, row_id, field, kept_value, lost_value, source, detected_at, note)"
            " VALUES (?, 'value', ?, ?, ?, ?, ?, 'laptop', '2026-11-03T10:00:00+08:00', '')",
            (store.db.new_id(), table, row_id, field, json.dumps(kept, ensure_ascii=False),
             json.dumps(lost, ensure_ascii=False)))


def test_the_hazard_page_notes_its_open_conflicts(qtbot, context_for, demo_as_of) -> None:
    office = context_for("admin")
    store = office.store
    hazard = next(iter(store.hazards._select("1 = 1", ())))
    dialog = HazardDetailDialog(office.at(demo_as_of), hazard.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.conflicts_label.isHidden()
    _conflict(store, table="hazard", row_id=hazard.id, field="measures", kept="检查员的措施", lost="办公室的措施")
    event = store.hazards.events(hazard.id)[0]
    _conflict(store, table="hazard_event", row_id=event.id, field="decision",
              kept={"kind": "verified"}, lost={"kind": "rejected"})
    dialog.refresh()
    assert not dialog.conflicts_label.isHidden()
    text = dialog.conflicts_label.text()
    assert len(text.splitlines()) == 3
    assert "measures" in text and "办公室的措施" in text
    assert "复查合格，销号" in text and "复查不合格，退回整改" in text


def test_the_sync_page_names_concurrent_decisions(qtbot) -> None:
    view = ConflictView(id="c1", kind="value", table="hazard_event", row_id="e1", field="decision",
                        kept_value={"kind": "verified"}, kept_by="甲", kept_at=None, other_value={"kind": "rejected"},
                        other_by="乙", other_at=None, source="laptop", detected_at="2026-11-03T10:00:00+08:00",
                        note="", resolved=False, can_keep_other=False)
    model = ConflictsModel([ConflictRow(view, "")])
    assert model.data(model.index(0, ConflictsModel.NOTE)) == "Decided differently on two devices"
