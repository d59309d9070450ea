"""What a device accepts from a bundle's sender: who may send to it, and fields its role owns.

Rules only: the service looks up the devices and the stored rows and hands them in; nothing here reads or
writes the store. A sender that may not send refuses the whole bundle; fields its role does not own, and
writes it claims for another device or another's people, are refused one by one, like rows outside its scope
(sync/scope_checks.py; module docstring of services/sync.py).
"""

from __future__ import annotations

from typing import Any, Callable

from safety_desk.domain.hybrid_clock import device_of
from safety_desk.domain.language import say
from safety_desk.domain.ownership import (
    RowFacts, account_problem, authorship_problem, event_author_problem, ownership_problem, row_clock_problem,
    writer_problem,
)
from safety_desk.domain.sync_model import WHOLE_ROW, Change, Refuser
from safety_desk.store.records import Device
from safety_desk.sync.bundle import BundleRejected


def accepted_sender(file_name: str, manifest: dict[str, Any], me: Device, sender: Device | None) -> Device:
    """The sender of a sync bundle, if the bundle is addressed to `me` and the sender may send to it."""
    if manifest.get("kind") != "sync":
        raise BundleRejected(say(f"{file_name}: 这是设备登记文件，请用 `safety-desk device join`；数据库未作任何更改",
                                 f"{file_name}: an enrolment file: use `device join` on a new installation; nothing was changed"))
    if manifest["recipient"] != me.id:
        raise BundleRejected(say(f"{file_name}: 此同步包是发给另一台设备的；数据库未作任何更改",
                                 f"{file_name}: the bundle is addressed to another device, {manifest['recipient']}; nothing was changed"))
    if sender is None or sender.deleted:
        raise BundleRejected(say(f"{file_name}: 发送设备未登记；数据库未作任何更改",
                                 f"{file_name}: the sender {manifest['sender']} is not an enrolled device; nothing was changed"))
    if sender.revoked_at is not None:
        raise BundleRejected(say(f"{file_name}: 发送设备“{sender.name}”已被停用；数据库未作任何更改",
                                 f"{file_name}: the sender was revoked on {sender.revoked_at}; nothing was changed"))
    if me.role != "office" and sender.role != "office":
        raise BundleRejected(say(f"{file_name}: 只接收安全办的同步包；数据库未作任何更改",
                                 f"{file_name}: this device takes bundles from the office only; nothing was changed"))
    return sender


def ownership_refuser(sender: Device, people: frozenset[str],
                      stored_clock: Callable[[str, str, str], str | None],
                      signs_in: frozenset[str] = frozenset()) -> Refuser:
    """The merge's `refuse` hook (store/merge.py) at the office: a row's changes the sender's role does not own
    (domain/ownership.py, judged on the stored row and its parents as stored before the bundle), and changes whose
    author, author columns or clock are not the sender's or its own people's (`people`), each with why.
    `stored_clock(table, row id, field)` is the clock of the cell here: a cell we hold already, with the clock
    it has here, is a harmless relay (a capped change echoed back), not a forgery. `signs_in`: the people who sign
    in on the sender (a password is changed only by its person, on such a device); a hazard event is by the person
    who wrote it (domain/ownership.py)."""

    def refuse(table: str, row_id: str, row_changes: list[Change], current: dict[str, Any] | None,
               facts: RowFacts) -> list[tuple[Change, str]]:
        after = dict(current or {})
        for change in row_changes:
            if change.field == WHOLE_ROW:
                after.update(change.value)
            else:
                after[change.field] = change.value
        refused = []
        for change in row_changes:
            reason = writer_problem(device_of(change.clock), change.author, sender.id, people)
            if reason and stored_clock(table, row_id, change.field) == change.clock:
                reason = None
            reason = (reason or ownership_problem(sender.role, table, change.field, current, after, facts,
                                                 change.author)
                      or authorship_problem(table, change.field, current, after, people)
                      or account_problem(table, change.field, current, after, change.author, signs_in)
                      or event_author_problem(table, current, after, change.author, sender.id)
                      or row_clock_problem(table, change.field, current, after, sender.id))
            if reason:
                refused.append((change, reason))
        return refused

    return refuse


def office_claims(first: Refuser | None, proven: set[tuple], claimed: set[tuple],
                  stored_clock: Callable[[str, str, str], str | None]) -> Refuser | None:
    """The merge's `refuse` hook at the office for a device's changes written with the office's own clock
    (sync/office_proof.py), or with a third device's clock and a proof: those in `proven` (change_key) carry the
    office's proof and are writes the office made or accepted, handed back (after a restore): taken as the office
    took them, no check of the sender's role or scope; the others of `claimed` are refused, unless the cell here
    already has that clock (a harmless echo)."""
    if not claimed:
        return first

    def refuse(table: str, row_id: str, row_changes: list[Change], current: dict[str, Any] | None,
               facts: RowFacts) -> list[tuple[Change, str]]:
        found, rest = [], []
        for change in row_changes:
            key = (change.table, change.row_id, change.field, change.seq)
            if key in proven:
                continue
            if key in claimed and stored_clock(table, row_id, change.field) != change.clock:
                found.append((change, say(f"{table} {row_id} 字段 {change.field}：此修改自称由安全办写入或经安全办接收，"
                                          "但没有安全办的有效凭证（凭证缺失或与内容不符），未接收",
                                          f"{table} {row_id} field {change.field}: the change claims to be written "
                                          "or accepted by the office but carries no valid proof of it (missing, "
                                          "or not matching the content); not taken")))
            else:
                rest.append(change)
        if first is not None and rest:
            found += first(table, row_id, rest, current, facts)
        return found

    return refuse
