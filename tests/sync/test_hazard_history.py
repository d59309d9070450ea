"""A hazard's history at the office always starts with its `created` event: a device's event that would sort before
it, arrive for a hazard without one, repeat it, or carry an unknown kind or date is refused row by row and reported,
the rest of the bundle applies; `doctor` reports a damaged history and never crashes on it (issue 13)."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from datetime import date

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.services.doctor import run_doctor
from safety_desk.store.records import Hazard
from safety_desk.sync.identity import sign

from hostile import HostileEdit, table_dump
from sync_helpers import USCC, exchange, hazard_of, unseal_in_place


def _event(raw: HostileEdit, hazard_id: str, kind: str, *, clock: str | None = None, deadline=None) -> str:
    event_id = f"0190000{kind[:4]}-{len(kind):04d}-7000-8000-{abs(hash((hazard_id, kind, clock))) % 10**12:012d}"
    own = clock or f"{raw.wall:013d}-000000-{raw.replica.device_id}"
    raw.write("INSERT INTO hazard_event (id, hazard_id, kind, at, by_id, clock, deadline, reason, photos)"
              " VALUES (?, ?, ?, '2026-11-21T10:00:00+08:00', NULL, ?, ?, '', '[]')",
              (event_id, hazard_id, kind, own, deadline), "hazard_event", event_id)
    return event_id


def _rewritten(path, private_pem: str, edit) -> None:
    """The bundle with its changes.jsonl passed through `edit` (line -> line), its manifest re-signed by the
    sender's own key: what the owner of a device can send."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    changes = b"\n".join(edit(line) for line in members["changes.jsonl"].split(b"\n") if line) + b"\n"
    manifest = json.loads(members["manifest.json"])
    manifest["members"]["changes.jsonl"] = {"size": len(changes), "sha256": hashlib.sha256(changes).hexdigest()}
    data = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
    members.update({"changes.jsonl": changes, "manifest.json": data,
                    "manifest.sig": base64.b64encode(sign(private_pem, data))})
    with zipfile.ZipFile(path, "w") as archive:
        for name, member in members.items():
            archive.writestr(name, member)


def test_events_that_would_not_start_with_created_are_refused_and_reported(world, tmp_path) -> None:
    office, inspector, _ = world
    exchange(office, inspector, tmp_path)
    hazard = hazard_of(inspector.store, "隐患1")
    enterprise = inspector.store.enterprises.by_uscc(USCC[0])
    raw = HostileEdit(inspector)
    # Before 隐患1's created event (the fold would start with a reopen), and a second created event.
    backdated = _event(raw, hazard.id, "reopened", clock=f"{1:013d}-000000-{inspector.device_id}")
    second = _event(raw, hazard.id, "created", deadline="2027-01-01")
    # A new hazard whose only event is a comment: it has no created event at all.
    orphan_hazard = "0190aaaa-0000-7000-8000-000000000001"
    raw.write("INSERT INTO hazard (id, enterprise_id, district_id, source, description, grade, found_on)"
              " VALUES (?, ?, ?, 'inspection', '无登记事件的隐患', '一般', '2026-11-21')",
              (orphan_hazard, enterprise.id, enterprise.district_id), "hazard", orphan_hazard)
    orphan_event = _event(raw, orphan_hazard, "comment")
    # An honest event alongside: it applies.
    honest = _event(raw, hazard.id, "comment")
    raw.commit()
    before = table_dump(office.store, "hazard_state")
    result = exchange(inspector, office, tmp_path)
    held = {e.id for e in office.store.hazards.events(hazard.id)}
    assert honest in held and not {backdated, second} & held
    assert not office.store.hazards.events(orphan_hazard)
    assert table_dump(office.store, "hazard_state") == before
    refused = {r.split(":")[0] for r in result.refused}
    assert refused == {f"hazard_event.* {i}" for i in (backdated, second, orphan_event)}
    assert all("created" in r or "登记" in r for r in result.refused)
    shown = {c.row_id: c for c in office.sync.conflicts() if c.kind == "refused"}
    assert {backdated, second, orphan_event} <= set(shown)
    assert all("登记" in shown[i].note for i in (backdated, second, orphan_event))
    listed = CliRunner().invoke(main, ["--db", str(office.store.path), "sync", "conflicts", "--all"])
    assert listed.exit_code == 0
    for event_id in (backdated, second, orphan_event):
        line = next(line for line in listed.output.splitlines() if event_id in line)
        assert "hazard_event.*" in line and "登记" in line
    assert run_doctor(office.store).ok
    # Told back: the inspector keeps them as conflicts, and is not stuck (its next bundle is taken).
    exchange(office, inspector, tmp_path)
    assert {backdated, second, orphan_event} <= {c.row_id for c in inspector.sync.conflicts() if c.kind == "refused"}
    assert inspector.sync.changes_waiting(office.device_id) == 0


def test_an_event_of_an_unknown_kind_or_date_is_refused_not_the_bundle(world, tmp_path) -> None:
    office, inspector, _ = world
    exchange(office, inspector, tmp_path)
    hazard = hazard_of(inspector.store, "隐患1")
    raw = HostileEdit(inspector)
    bogus = _event(raw, hazard.id, "comment")
    undated = _event(raw, hazard.id, "progress")
    fine = _event(raw, hazard.id, "reported_rectified")
    raw.commit()
    path = unseal_in_place(inspector.sync.export(tmp_path / "hostile.sdsync", for_device=office.device_id).path, office)

    def edit(line: bytes) -> bytes:
        text = line.decode("utf-8")
        if bogus in text:
            text = text.replace('"kind":"comment"', '"kind":"erased"')
        if undated in text:
            text = text.replace('"at":"2026-11-21T10:00:00+08:00"', '"at":"昨天"')
        return text.encode("utf-8")

    _rewritten(path, inspector.store.db.local("private_key"), edit)
    result = office.sync.import_bundle(path)
    office.refresh()
    held = {e.id for e in office.store.hazards.events(hazard.id)}
    assert fine in held and not {bogus, undated} & held
    reasons = {r.split(":")[0].split()[-1]: r for r in result.refused}
    assert "erased" in reasons[bogus] and "昨天" in reasons[undated]
    assert run_doctor(office.store).ok


def test_doctor_reports_every_kind_of_damaged_history_without_crashing(english, world) -> None:
    office, _, _ = world
    store = office.store
    enterprise = store.enterprises.by_uscc(USCC[1])
    with store.transaction():
        for n in range(3):
            store.hazards.open_hazard(Hazard(
                id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
                source="inspection", description=f"待损坏{n}", grade="一般", found_on="2026-11-03"),
                deadline=date(2026, 12, 1))
    ids = [hazard_of(store, f"待损坏{n}").id for n in range(3)]
    conn = store.db.conn
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE hazard_event SET kind = 'erased' WHERE hazard_id = ?", (ids[0],))
    conn.execute("UPDATE hazard_event SET at = '昨天' WHERE hazard_id = ?", (ids[1],))
    conn.execute("UPDATE hazard_event SET deadline = '下月' WHERE hazard_id = ?", (ids[2],))
    conn.commit()
    report = run_doctor(store)
    name, passed, detail = next(c for c in report.checks if c[0].startswith("hazard status"))
    assert not passed and all(i in detail for i in ids)
    runner = CliRunner()
    outcome = runner.invoke(main, ["--db", str(store.path), "doctor"])
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.output
    assert all(i in outcome.output for i in ids)
