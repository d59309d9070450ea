"""A sync import decodes and merges with the cyclic collector paused (its speed, invariant 12), and turns it back
on afterwards, whether the bundle is applied or refused."""

from __future__ import annotations

import gc

import pytest

import safety_desk.services.sync as sync_service
from safety_desk.sync.bundle import BundleRejected

from sync_helpers import hazard_of


def test_the_collector_is_paused_during_an_import_and_back_on_after(world, tmp_path, monkeypatch) -> None:
    office, inspector, _ = world
    office.store.hazards.update(hazard_of(office.store, "隐患1").id, measures="清理通道")
    exported = office.sync.export(tmp_path, for_device=inspector.device_id)
    seen = []
    merge = sync_service.merge_changes

    def watching(*args, **kwargs):
        seen.append(gc.isenabled())
        return merge(*args, **kwargs)

    monkeypatch.setattr(sync_service, "merge_changes", watching)
    assert gc.isenabled()
    result = inspector.sync.import_bundle(exported.path)
    assert result.applied and seen == [False]
    assert gc.isenabled()

    data = bytearray(exported.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = tmp_path / "tampered.sdsync"
    tampered.write_bytes(bytes(data))
    with pytest.raises(BundleRejected):
        inspector.sync.import_bundle(tampered)
    assert gc.isenabled()


def test_an_import_leaves_the_collector_off_when_it_was_off(world, tmp_path) -> None:
    office, inspector, _ = world
    exported = office.sync.export(tmp_path, for_device=inspector.device_id)
    gc.disable()
    try:
        inspector.sync.import_bundle(exported.path)
        assert not gc.isenabled()
    finally:
        gc.enable()
