"""The office judges a district move at receipt: once a laptop has confirmed having the move, an edit of the moved
enterprise's records is refused whatever clock it claims; an honest edit made before the move is still taken
(issue 13, invariant 7)."""

from __future__ import annotations

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.store.scope_moves import ScopeMoves

from hostile import HostileEdit
from sync_helpers import exchange, hazard_of, later_than


def test_a_laptop_backdating_an_edit_after_it_learnt_of_the_move_is_refused(world, tmp_path, monkeypatch) -> None:
    office, inspector, _ = world
    exchange(office, inspector, tmp_path)
    exchange(inspector, office, tmp_path)
    hazard = hazard_of(office.store, "隐患1")
    inspector.store.hazards.update(hazard.id, description="调动前离线改的")  # offline, before the move
    later_than(office, inspector)
    with office.store.transaction():
        office.store.enterprises.update(hazard.enterprise_id, district_id=office.store.districts.by_code("D2").id)
    d1 = office.store.districts.by_code("D1").id
    move_clock = ScopeMoves(office.store.db).moves_out_of({d1})[hazard.enterprise_id][1]
    exchange(office, inspector, tmp_path)  # the laptop learns of the move (it keeps the rows: its edit is unsent)
    first = exchange(inspector, office, tmp_path)  # its edit from before the move, and its ack of the move
    assert first.refused == []
    assert office.store.hazards.require(hazard.id).description == "调动前离线改的"
    # The laptop's owner writes afterwards, under a clock from before the move.
    raw = HostileEdit(inspector)
    raw.wall = int(move_clock[:13]) - 2  # just before the move: later than every other write of the cell
    raw.write("UPDATE hazard SET grade = '重大' WHERE id = ?", (hazard.id,), "hazard", hazard.id, "grade")
    raw.commit()
    result = exchange(inspector, office, tmp_path)
    assert office.store.hazards.require(hazard.id).grade == "一般"
    refused = [r for r in result.refused if r.startswith(f"hazard.grade {hazard.id}")]
    assert len(refused) == 1 and "确认收到这次调动" in refused[0] and "grade" in refused[0]
    shown = [c for c in office.sync.conflicts() if c.kind == "refused" and c.row_id == hazard.id]
    assert [c.field for c in shown] == ["grade"] and "确认收到这次调动" in shown[0].note
    listed = CliRunner().invoke(main, ["--db", str(office.store.path), "sync", "conflicts", "--all"])
    assert any("hazard.grade" in line and hazard.id in line and "确认收到这次调动" in line
               for line in listed.output.splitlines())
    # The laptop is told, and is not stuck.
    exchange(office, inspector, tmp_path)
    assert [c.field for c in inspector.sync.conflicts(include_resolved=True) if c.kind == "refused"] == ["grade"]
