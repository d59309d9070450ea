"""Review: a lone UTF-16 surrogate in a bundle's changes (JSON "\\ud800", which no UTF-8 can hold) is malformed
input: the bundle is refused naming the line, not an UnicodeEncodeError out of the office's import."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile import HostileEdit
from sync_helpers import exchange, hazard_of

import safety_desk.services.sync as sync_module
from safety_desk.sync.bundle import BundleRejected
from safety_desk.sync.change_codec import decode_changes


def test_a_lone_surrogate_in_a_devices_bundle_is_refused_with_a_reason(world, tmp_path: Path, monkeypatch) -> None:
    office, _laptop, enterprise = world
    hazard = hazard_of(enterprise.store, "隐患1")
    raw = HostileEdit(enterprise)
    raw.write("UPDATE hazard SET description = 'x' WHERE id = ?", (hazard.id,), "hazard", hazard.id, "description")
    raw.commit()
    enterprise.refresh()
    original = sync_module.encode_changes

    def encode(changes):  # the enterprise's tampered program
        return original(changes).decode("utf-8").replace('"description":"x"',
                                                          '"description":"\\ud800"').encode("utf-8")

    monkeypatch.setattr(sync_module, "encode_changes", encode)
    with pytest.raises(BundleRejected, match="第 1 行"):
        exchange(enterprise, office, tmp_path)


def test_a_surrogate_pair_is_text_and_decodes() -> None:
    line = b'["hazard","h1","1764800000000-000000-d1","a",1,null,{"description":"\\ud83d\\ude00"}]\n'
    changes = decode_changes(line, {"hazard": {"id", "description"}}, "t")
    assert changes[0].value == "\U0001F600"
