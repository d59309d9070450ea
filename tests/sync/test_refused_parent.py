"""A row whose hazard arrived in the same bundle and was refused is refused with it (found by the malicious-replica
property, issue 13 invariant 11): applied, it pointed at nothing and failed the whole import, the device stuck."""

from __future__ import annotations

from hostile import HostileEdit, table_dump
from sync_helpers import exchange


def test_an_event_on_a_refused_new_hazard_is_refused_and_the_rest_applies(english, world, tmp_path) -> None:
    office, _, enterprise = world
    e1 = enterprise.store.enterprises._select()[0]
    forged = "00000000-0000-7000-8000-0000000000c1"
    raw = HostileEdit(enterprise)
    # An 'inspection' hazard is not the enterprise's to register: it is refused at the office.
    raw.write("INSERT INTO hazard (id, enterprise_id, district_id, source, description, grade, found_on)"
              " VALUES (?, ?, ?, 'inspection', '企业登记', '重大', '2026-11-05')", (forged, e1.id, e1.district_id),
              "hazard", forged)
    created = "00000000-0000-7000-8000-0000000000c2"
    raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, clock, reason, photos) VALUES"
              " (?, ?, 'created', '2026-11-05T10:00:00+08:00', ?, '', '[]')",
              (created, forged, f"{raw.wall:013d}-000000-{enterprise.device_id}"), "hazard_event", created)
    raw.commit()
    # The app's clock goes on after the raw writes' (they are a second ahead of its last): else, run within that
    # second, its comment would sort before the created event and be refused for that instead.
    enterprise.store.db.clock.observe(f"{raw.wall:013d}-000000-{enterprise.device_id}")
    # The enterprise's own app then comments on it: a kind the enterprise owns, but its hazard is not at the office.
    comment = enterprise.store.hazards.append_event(forged, "comment", reason="企业说明")
    hazards, events = table_dump(office.store, "hazard"), table_dump(office.store, "hazard_event")
    plan = enterprise.store.hazards._select("description = ?", ("隐患1",))[0]
    enterprise.store.hazards.update(plan.id, treatment_plan={"objectives": "企业的方案"})
    result = exchange(enterprise, office, tmp_path)
    assert table_dump(office.store, "hazard") != hazards  # the plan, the enterprise's own, applied
    assert office.store.hazards.require(plan.id).treatment_plan == {"objectives": "企业的方案"}
    assert office.store.hazards.get(forged) is None
    assert table_dump(office.store, "hazard_event") == events
    assert any(r.startswith("hazard.") and forged in r for r in result.refused)
    assert any(r.startswith("hazard_event.") and comment.id in r and "refused" in r for r in result.refused)
