"""Previews at the hub: an enterprise's upload, once the hub has taken it, shown to the inspectors of its district
before the office has judged it.

The office alone decides what becomes a record: a device's upload reaches the others only in the office's own
bundles, written at the office's next exchange. While the office's program is off, an enterprise's rectification
report would reach nobody. So when the hub takes an enterprise's upload (judged with the office's own row checks
over its copy of the office's rows: services/hub_rows.py), it also keeps, for each inspector or leader device
whose scope covers the enterprise, the part of the upload that device would get from the office (the office's
own scope filter: domain/device_scope.py), as a preview. A device keeps previews apart from its records, shows them
as awaiting the office and drops each once it is no longer listed (services/hub_previews.py). The hub lists a
preview until the office acknowledges the upload (it has judged it then, and its bundles to the devices, uploaded
before its acknowledgement, carry what it took) or a later upload of the same device supersedes it.

Why previews and not relayed records: the hub judges against the office's rows as of its last exchange, the office
judges later against its current ones; a record relayed by the hub that the office then refused would stay on the
inspector's device with nothing to undo it. A preview is dropped whatever the office decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Protocol

from safety_desk.domain.device_scope import Scope, ScopeIndex, note_row, row_in_scope, withheld_fields
from safety_desk.domain.ownership import INSPECTOR_ROLES
from safety_desk.domain.sync_model import TABLE_ORDER, Change, folded_rows
from safety_desk.services.hub_gate import RegisteredDevice
from safety_desk.store.records import Device
from safety_desk.sync.change_codec import encode_changes

# Never in a preview: a password's hash (the hub holds only a digest of it anyway) goes to the devices people
# sign in on, in the office's bundles.
_NEVER_SHOWN = frozenset({("person", "password_hash")})


class PreviewRows(Protocol):
    """What a preview reads of the hub's copy of the office's rows (hub/pg_rows.PgRows)."""

    def row(self, table: str, row_id: str) -> dict[str, Any] | None: ...
    def enterprise_index(self, scope: Scope, enterprise_id: str) -> ScopeIndex: ...


@dataclass(frozen=True)
class Preview:
    """What one device is shown of one upload: its changes (encoded as a bundle's changes) and the photos they
    name."""

    recipient: str
    enterprise_id: str
    changes: bytes
    photos: tuple[str, ...]


def _in_order(changes: list[Change]) -> list[tuple[str, str, list[Change]]]:
    """The changes by row, parents' tables first (so a new hazard is in the index before its events)."""
    rows: dict[tuple[str, str], list[Change]] = {}
    for change in changes:
        rows.setdefault((change.table, change.row_id), []).append(change)
    rank = {table: number for number, table in enumerate(TABLE_ORDER)}
    return [(table, row_id, cells) for (table, row_id), cells
            in sorted(rows.items(), key=lambda item: (rank.get(item[0][0], len(rank)), item[0][1]))]


def _recipients(sender: Device, registry: Mapping[str, RegisteredDevice], district_id: str | None) -> list[Device]:
    """The inspector and leader devices, not revoked, whose districts hold the enterprise."""
    found = []
    for entry in registry.values():
        device = entry.device
        if device.id == sender.id or device.role not in INSPECTOR_ROLES or device.revoked_at is not None:
            continue
        scope = Scope.of(device.id, device.role, device.scope)
        if scope.everything or (district_id is not None and district_id in scope.district_ids):
            found.append(device)
    return sorted(found, key=lambda d: d.id)


def previews_of(sender: Device, changes: list[Change], photo_ids: Iterable[str],
                registry: Mapping[str, RegisteredDevice], rows: PreviewRows) -> list[Preview]:
    """For an enterprise's upload the hub has judged and takes: what each inspector or leader device of its
    district is shown of it (none for another sender, or an enterprise the office's rows do not hold)."""
    if sender.role != "enterprise" or not changes:
        return []
    enterprise_id = Scope.of(sender.id, sender.role, sender.scope).enterprise_id
    enterprise = rows.row("enterprise", enterprise_id) if enterprise_id else None
    if enterprise is None:
        return []
    uploaded = set(photo_ids)
    arriving = folded_rows(changes)
    # Each row as it stands once the upload is taken (the office's copy with the upload's values), read once for
    # every recipient.
    ordered = [(table, {**(rows.row(table, row_id) or {}), **arriving[table][row_id], "id": row_id}, cells)
               for table, row_id, cells in _in_order(changes)]
    previews = []
    for device in _recipients(sender, registry, enterprise.get("district_id")):
        index = rows.enterprise_index(Scope.of(device.id, device.role, device.scope), enterprise_id)
        shown: list[Change] = []
        for table, row, cells in ordered:
            if not row_in_scope(index, table, row):
                continue
            note_row(index, table, row)
            withheld = withheld_fields(index, table, row)
            shown.extend(c for c in cells if c.field not in withheld and (table, c.field) not in _NEVER_SHOWN)
        if shown:
            photos = tuple(sorted(p for p in uploaded if p in index.photo_ids))
            previews.append(Preview(device.id, enterprise_id, encode_changes(shown), photos))
    return previews
