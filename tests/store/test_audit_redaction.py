"""Redacting the audit trail's values of records that left a device's scope keeps the chain checkable: the entries
stay and link, only their values go; an entry edited any other way is still found."""

from __future__ import annotations

from safety_desk.domain.uscc import make_uscc
from safety_desk.store.audit import REDACTED, redact_rows, redacted_count, verify_chain
from safety_desk.store.records import District, Enterprise


def test_redacted_entries_keep_the_chain_whole_and_an_edit_is_still_found(store):
    with store.transaction():
        district = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
        gone = store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=make_uscc("91370200MA3C00001"), name="离开的企业", district_id=district.id,
            industry="机械", risk_class=1, tracked_since="2026-01-01"))
        store.enterprises.update(gone.id, name="离开的企业（改名）")
    conn = store.db.conn
    with store.transaction():
        store.db.audit_event("apply_changes", "*", None,
                             [{"table": "enterprise", "id": gone.id, "field": "name", "value": "旧名"},
                              {"table": "district", "id": district.id, "field": "name", "value": "东片"}], None)
        assert redact_rows(conn, {"enterprise": [gone.id]}) == 3
    assert redacted_count(conn) == 3
    assert list(verify_chain(conn)) == []
    text = " ".join(str(v) for row in conn.execute("SELECT before, after FROM audit") for v in row)
    assert "离开的企业" not in text and "旧名" not in text and "东片" in text  # the other row's value stays
    assert conn.execute("SELECT count(*) FROM audit WHERE tbl = 'enterprise' AND after = ?",
                        (REDACTED,)).fetchone()[0] == 2
    # Redacting again changes nothing; editing the district's entry outside the program is still found.
    with store.transaction():
        assert redact_rows(conn, {"enterprise": [gone.id]}) == 0
    conn.execute("UPDATE audit SET after = replace(after, '东城', '西城') WHERE tbl = 'district'")
    assert [p.message for p in verify_chain(conn)] and "hash" in next(verify_chain(conn)).message
