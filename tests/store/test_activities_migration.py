"""Migration 0004: drills, trainings and campaigns written before it stay valid and read as before."""

from __future__ import annotations

from pathlib import Path

from safety_desk.store import connection
from safety_desk.store.migrations import all_migrations
from safety_desk.store.store import Store


def test_rows_from_before_0004_become_held_drills_single_enterprise_trainings_and_all_targets(
        tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    before = [m for m in all_migrations() if m.version < 4]
    monkeypatch.setattr(connection, "all_migrations", lambda: before)
    raw = connection.open_connection(path, create=True)
    raw.executescript("""
        INSERT INTO district (id, code, name) VALUES ('d1', 'N', '北片区');
        INSERT INTO enterprise (id, uscc, name, district_id, industry, risk_class, tracked_since)
            VALUES ('e1', '91370202MA3C123451', '海达', 'd1', '机械', 1, '2025-01-01');
        INSERT INTO drill (id, enterprise_id, district_id, name, plan_type, content, form, held_on)
            VALUES ('r1', 'e1', 'd1', '演练', '综合应急预案', '综合演练', '实战演练', '2026-05-01');
        INSERT INTO training (id, enterprise_id, district_id, title, held_on)
            VALUES ('t1', 'e1', 'd1', '培训', '2026-05-02');
        INSERT INTO training (id, district_id, title, held_on) VALUES ('t2', 'd1', '片区培训', '2026-05-03');
        INSERT INTO campaign (id, name, kind, starts_on, ends_on, target)
            VALUES ('c1', '大排查', '大排查', '2026-01-01', '2026-12-31', '重点企业全覆盖');
    """)
    raw.close()
    monkeypatch.undo()
    with Store.open(path) as store:
        drill = store.drills.get("r1")
        assert drill.status == "held" and drill.planned_on is None and drill.held_on == "2026-05-01"
        assert [d.id for d in store.drills.of_enterprise("e1")] == ["r1"]
        assert store.trainings.get("t1").enterprise_ids == ["e1"]
        assert store.trainings.get("t2").enterprise_ids == []
        campaign = store.campaigns.get("c1")
        assert campaign.targets == {} and campaign.target == "重点企业全覆盖"
        assert store.campaigns.target_ids(campaign, None, None) == ["e1"]
