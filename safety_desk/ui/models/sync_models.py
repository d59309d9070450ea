"""Table models of the Sync page: peers with their last exchange, conflicts with both values, enrolled devices."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from safety_desk.domain.china_time import beijing_minute
from safety_desk.services.devices import ROLE_NAMES, DeviceInfo
from safety_desk.services.sync_results import ConflictView, PeerInfo
from safety_desk.ui.models.enterprise_models import _RowsModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_MUTED = QColor("#78909c")
_WARN = QColor("#c62828")
_SHOWN_CHARS = 120  # a long value (a whole row, a treatment plan) is cut in the cell; its tooltip has it all


def role_name(role: str) -> str:
    """The Chinese name of a device role (a data value: it stays Chinese in every language)."""
    return ROLE_NAMES.get(role, role)


def short_id(device_id: str) -> str:
    """The end of an id: UUIDv7 ids made the same minute share their beginning (a timestamp), not their end."""
    return "…" + device_id[-8:] if len(device_id) > 10 else device_id


def value_text(value: Any) -> str | None:
    """A stored value as one line of text; None when there is no value."""
    if value is None or value == "":
        return None
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return str(value)


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS - 1] + "…"


@dataclass(frozen=True)
class PeerRow:
    """A peer as the table shows it: what the service says, and its bundles not yet picked up from the folder."""

    peer: PeerInfo
    in_folder: int | None = None  # None when no sync folder is reachable


@dataclass(frozen=True)
class ConflictRow:
    """A conflict and a few words naming its record (a hazard's description, an enterprise's name)."""

    view: ConflictView
    record: str = ""


class PeersModel(_RowsModel[PeerRow]):
    NAME, ROLE, LAST_EXPORT, LAST_IMPORT, WAITING, IN_FOLDER, STATE = range(7)

    def __init__(self, rows: Sequence[PeerRow] = (), parent=None) -> None:
        super().__init__([self.tr("Device"), self.tr("Role"), self.tr("Last export to it"),
                          self.tr("Last import from it"), self.tr("Changes waiting"), self.tr("In sync folder"),
                          self.tr("State")], rows, parent)

    def peer_id(self, row: int) -> str:
        return self.row_at(row).peer.device_id

    def state_text(self, peer: PeerInfo) -> str:
        if peer.revoked:
            return self.tr("Revoked")
        if not peer.key_known:
            return self.tr("Enrolled, no bundle received yet")
        return self.tr("Active")

    def text(self, row: PeerRow, column: int) -> str:
        peer = row.peer
        if column == self.NAME:
            return peer.name
        if column == self.ROLE:
            return role_name(peer.role)
        if column == self.LAST_EXPORT:
            return beijing_minute(peer.last_export_at) or self.tr("never")
        if column == self.LAST_IMPORT:
            return beijing_minute(peer.last_import_at) or self.tr("never")
        if column == self.WAITING:
            return f"{peer.waiting:,}"
        if column == self.IN_FOLDER:
            return "" if row.in_folder is None else str(row.in_folder)
        return self.state_text(peer)

    def tooltip(self, row: PeerRow, column: int) -> str | None:
        if column == self.NAME:
            return self.tr("Device id: %1").replace("%1", row.peer.device_id)
        if column == self.WAITING:
            return self.tr("Records changed here that this device has not acknowledged yet")
        if column == self.IN_FOLDER:
            return self.tr("Bundles of ours in the sync folder that this device has not picked up yet")
        if column == self.STATE and not row.peer.key_known and not row.peer.revoked:
            return self.tr("The device's key arrives with its first bundle")
        return None

    def styled(self, row: PeerRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.WAITING, self.IN_FOLDER):
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.peer.revoked:
                return _MUTED
            if column in (self.LAST_EXPORT, self.LAST_IMPORT) and not self.text(row, column)[:1].isdigit():
                return _MUTED
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            font = QFont()
            font.setBold(True)
            font.setStrikeOut(row.peer.revoked)
            return font
        return None


class ConflictsModel(_RowsModel[ConflictRow]):
    FIELD, RECORD, KEPT, KEPT_BY, OTHER, OTHER_BY, NOTE = range(7)

    def __init__(self, rows: Sequence[ConflictRow] = (), parent=None) -> None:
        super().__init__([self.tr("Table · field"), self.tr("Record"), self.tr("Kept value"), self.tr("Kept: who, when"),
                          self.tr("Other value"), self.tr("Other: who, when"), self.tr("Note")], rows, parent)
        self._tables = {
            "hazard": self.tr("Hazard"), "hazard_event": self.tr("Hazard event"), "enterprise": self.tr("Enterprise"),
            "person": self.tr("Person"), "device": self.tr("Device"), "district": self.tr("District"),
            "district_member": self.tr("District member"), "drill": self.tr("Drill"),
            "campaign": self.tr("Campaign"), "training": self.tr("Training"), "incident": self.tr("Incident"),
            "notice": self.tr("Notice"), "inspection": self.tr("Inspection"), "answer": self.tr("Answer"),
            "photo": self.tr("Photo"), "photo_annotation": self.tr("Photo annotation"),
            "office": self.tr("Office"), "checklist": self.tr("Checklist"), "notice_block": self.tr("Notice numbers"),
        }
        self._kinds = {
            "value": self.tr("Edited on two devices"),
            "refused": self.tr("Refused"),
            "clock": self.tr("A device's clock runs ahead"),
            "unique": self.tr("Registered twice"),
        }
        self._decisions = self.tr("Decided differently on two devices")

    def view(self, row: int) -> ConflictView:
        return self.row_at(row).view

    def where(self, view: ConflictView) -> str:
        field = self.tr("whole record") if view.field == "*" else view.field
        return f"{self._tables.get(view.table, view.table)} · {field}"

    @staticmethod
    def _who_when(who: str, when: str | None) -> str:
        """Two lines (the view's rows are two lines high): who, then when."""
        return "\n".join(part for part in (who, beijing_minute(when)) if part)

    def text(self, row: ConflictRow, column: int) -> str:
        view = row.view
        if column == self.FIELD:
            return self.where(view)
        if column == self.RECORD:
            return _cut(row.record)
        if column in (self.KEPT, self.OTHER):
            shown = value_text(view.kept_value if column == self.KEPT else view.other_value)
            return self.tr("(empty)") if shown is None else _cut(shown)
        if column == self.KEPT_BY:
            return self._who_when(view.kept_by, view.kept_at)
        if column == self.OTHER_BY:
            return self._who_when(view.other_by, view.other_at)
        kind = self._kinds.get(view.kind, view.kind)
        if view.table == "hazard_event" and view.field == "decision":
            kind = self._decisions
        note = f"{kind}: {view.note}" if view.note else kind
        if view.resolved:
            note = self.tr("Resolved") + " · " + note
        return _cut(note)

    def tooltip(self, row: ConflictRow, column: int) -> str | None:
        view = row.view
        if column in (self.KEPT, self.OTHER):
            return value_text(view.kept_value if column == self.KEPT else view.other_value)
        if column == self.NOTE:
            return (self.tr("%1 · from %2, found %3").replace("%1", self.text(row, column))
                    .replace("%2", view.source).replace("%3", beijing_minute(view.detected_at)))
        if column in (self.FIELD, self.RECORD):
            return f"{view.table} {view.row_id}" + (f"\n{row.record}" if row.record else "")
        return None

    def styled(self, row: ConflictRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.view.resolved:
                return _MUTED
            if column == self.NOTE and row.view.kind == "refused":
                return _WARN
            shown = value_text(row.view.kept_value if column == self.KEPT else row.view.other_value)
            if column in (self.KEPT, self.OTHER) and shown is None:
                return _MUTED
        if role == Qt.ItemDataRole.FontRole and column == self.KEPT and not row.view.resolved:
            font = QFont()
            font.setBold(True)
            return font
        return None


class DevicesModel(_RowsModel[DeviceInfo]):
    NAME, ROLE, SCOPE, ENROLLED, KEY, REVOKED = range(6)

    def __init__(self, rows: Sequence[DeviceInfo] = (), parent=None) -> None:
        super().__init__([self.tr("Device"), self.tr("Role"), self.tr("Scope"), self.tr("Enrolled"),
                          self.tr("Key"), self.tr("Revoked")], rows, parent)

    def device(self, row: int) -> DeviceInfo:
        return self.row_at(row)

    def text(self, row: DeviceInfo, column: int) -> str:
        if column == self.NAME:
            return row.name + (self.tr(" (this device)") if row.this_device else "")
        if column == self.ROLE:
            return role_name(row.role)
        if column == self.SCOPE:
            return row.scope_text
        if column == self.ENROLLED:
            return beijing_minute(row.enrolled_at)
        if column == self.KEY:
            return self.tr("Received") if row.key_known else self.tr("Not yet")
        return beijing_minute(row.revoked_at)

    def tooltip(self, row: DeviceInfo, column: int) -> str | None:
        if column == self.NAME:
            return self.tr("Device id: %1").replace("%1", row.id)
        if column == self.KEY and not row.key_known:
            return self.tr("The device's key arrives with its first bundle")
        return None

    def styled(self, row: DeviceInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and (row.revoked_at or (column == self.KEY and not row.key_known)):
            return _MUTED if column != self.REVOKED else _WARN
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            font = QFont()
            font.setBold(row.this_device)
            font.setStrikeOut(row.revoked_at is not None)
            return font
        return None
