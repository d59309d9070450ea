"""The office's proofs ride in changes.jsonl (an eighth element of a line), come back decoded with their cells, count
when a bundle is cut to fit the caps, and match only the exact change they were made for."""

from __future__ import annotations

from dataclasses import replace

from safety_desk.domain.sync_model import Change
from safety_desk.sync.change_codec import decode_changes, encode_changes, fitting_seq
from safety_desk.sync.office_proof import proof_key, proof_of, proven

COLUMNS = {"hazard": {"id", "description", "deleted"}, "hazard_event": {"id", "hazard_id", "kind"}}
KEY = proof_key("-----BEGIN PRIVATE KEY----- office -----END PRIVATE KEY-----")


def _changes(count: int) -> list[Change]:
    found = []
    for n in range(count):
        clock = f"{1_764_000_000_000 + n:013d}-000000-office"
        for field, value in (("description", f"隐患{n}"), ("deleted", 0)):
            change = Change("hazard", f"h{n:04d}", field, clock, "admin", value, seq=n + 1)
            change.proof = proof_of(KEY, change)
            found.append(change)
    return found


def test_proofs_travel_with_their_cells_and_prove_only_those() -> None:
    changes = _changes(3)
    proofs: list = []
    back = decode_changes(encode_changes(changes), COLUMNS, "t.sdsync", proofs)
    assert [(c.row_id, c.field, c.value) for c in back] == [(c.row_id, c.field, c.value) for c in changes]
    assert proofs == [(c.table, c.row_id, c.clock, {"description": c.proof, "deleted": changes[2 * n + 1].proof})
                      for n, c in enumerate(changes[::2])]
    lines = {(t, r, clock): cells for t, r, clock, cells in proofs}
    back = [replace(c, proof=lines[(c.table, c.row_id, c.clock)][c.field]) for c in back]
    assert all(proven(KEY, c) for c in back)
    assert not proven(KEY, replace(back[0], value="另一个描述"))
    assert not proven(KEY, replace(back[0], author="insp"))
    assert not proven(KEY, replace(back[0], clock=back[0].clock.replace("office", "laptop")))
    assert not proven(proof_key("another key"), back[0])
    assert not proven(KEY, replace(back[0], proof=None))


def test_a_bundle_cut_to_fit_counts_the_proofs() -> None:
    changes = _changes(200)
    with_proofs = len(encode_changes(changes))
    without = len(encode_changes([replace(c, proof=None) for c in changes]))
    cap = (with_proofs + without) // 2
    cut = fitting_seq(changes, max_bytes=cap, max_lines=10_000, max_cells=10_000)
    assert cut is not None and cut < 200
    assert len(encode_changes([c for c in changes if c.seq <= cut])) <= cap
