"""What a device accepts from a bundle's sender: who may send to it, and fields its role owns.

Rules only: the service looks up the devices and the stored rows and hands them in; nothing here reads or
writes the store. A sender that may not send refuses the whole bundle; fields its role does not own are
refused one by one, like rows outside its scope (sync/scope_checks.py; module docstring of services/sync.py).
"""

from __future__ import annotations

from typing import Any, Callable

from safety_desk.domain.device_scope import ownership_problem
from safety_desk.domain.sync_model import WHOLE_ROW, Change, Refuser
from safety_desk.store.records import Device
from safety_desk.sync.bundle import BundleRejected


def accepted_sender(file_name: str, manifest: dict[str, Any], me: Device, sender: Device | None) -> Device:
    """The sender of a sync bundle, if the bundle is addressed to `me` and the sender may send to it."""
    if manifest.get("kind") != "sync":
        raise BundleRejected(f"{file_name}: 这是设备登记文件，请用 `safety-desk device join` (an enrolment file: use "
                             "`device join` on a new installation); 数据库未作任何更改 (nothing was changed)")
    if manifest["recipient"] != me.id:
        raise BundleRejected(f"{file_name}: 此同步包是发给另一台设备的 (the bundle is addressed to another device, "
                             f"{manifest['recipient']}); 数据库未作任何更改 (nothing was changed)")
    if sender is None or sender.deleted:
        raise BundleRejected(f"{file_name}: 发送设备未登记 (the sender {manifest['sender']} is not an enrolled "
                             "device); 数据库未作任何更改 (nothing was changed)")
    if sender.revoked_at is not None:
        raise BundleRejected(f"{file_name}: 发送设备“{sender.name}”已被停用 (the sender was revoked on "
                             f"{sender.revoked_at}); 数据库未作任何更改 (nothing was changed)")
    if me.role != "office" and sender.role != "office":
        raise BundleRejected(f"{file_name}: 只接收安全办的同步包 (this device takes bundles from the office only); "
                             "数据库未作任何更改 (nothing was changed)")
    return sender


def ownership_refuser(sender: Device, changes: list[Change],
                      stored_hazard_source: Callable[[str], str | None]) -> Refuser:
    """The merge's `refuse` hook (store/merge.py): a row's changes the sender's role does not own, with why."""
    new_hazard_sources = {c.row_id: (c.value if c.field == "source" else None)
                          for c in changes if c.table == "hazard" and c.field == "source"}

    def hazard_source(hazard_id: str) -> str | None:
        return new_hazard_sources.get(hazard_id) or stored_hazard_source(hazard_id)

    def refuse(table: str, row_id: str, row_changes: list[Change],
               current: dict[str, Any] | None) -> list[tuple[Change, str]]:
        after = dict(current or {})
        for change in row_changes:
            if change.field == WHOLE_ROW:
                after.update(change.value)
            else:
                after[change.field] = change.value
        refused = []
        for change in row_changes:
            reason = ownership_problem(sender.role, table, change.field, after, current is None, hazard_source)
            if reason:
                refused.append((change, reason))
        return refused

    return refuse
