"""Plain dataclasses the repositories return: one per table, fields named as the columns, and query rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Office:
    id: str
    name: str
    public_key: str | None = None
    deleted: bool = False


@dataclass
class Device:
    id: str
    name: str
    role: str
    public_key: str
    enrolled_at: str
    scope: dict[str, Any] = field(default_factory=dict)
    revoked_at: str | None = None
    deleted: bool = False


@dataclass
class District:
    id: str
    code: str
    name: str
    leader_id: str | None = None
    deleted: bool = False


@dataclass
class Enterprise:
    id: str
    uscc: str
    name: str
    district_id: str
    industry: str
    risk_class: int
    tracked_since: str
    high_risk: bool = False
    name_initials: str = ""
    address: str = ""
    principal: str = ""
    safety_officer: str = ""
    contact_phone: str = ""
    deleted: bool = False


@dataclass
class Person:
    id: str
    name: str
    login: str
    role: str
    enterprise_id: str | None = None
    phone: str = ""
    password_hash: str | None = None
    active: bool = True
    deleted: bool = False
    certificate: str = ""  # 执法证 number, printed on the notices the person issues
    must_change_password: bool = False  # set by the office (a one-time password): replaced at first sign-in


@dataclass
class DistrictMember:
    id: str
    district_id: str
    person_id: str
    role: str
    deleted: bool = False


@dataclass
class ChecklistRecord:
    id: str
    code: str
    version: int
    title: str
    standard: str
    standard_superseded: bool
    effective: str
    body: dict[str, Any]


@dataclass
class Campaign:
    id: str
    name: str
    kind: str
    starts_on: str
    ends_on: str
    checklist_ids: list[str] = field(default_factory=list)
    target: str = ""  # the campaign's aim in words (目标要求)
    # Which enterprises it covers (0004): district_ids, industries, risk_classes, enterprise_ids; see
    # domain/campaigns.py. Empty: every enterprise.
    targets: dict[str, list] = field(default_factory=dict)
    deleted: bool = False


@dataclass
class Inspection:
    id: str
    enterprise_id: str
    district_id: str
    checklist_id: str
    kind: str
    started_at: str
    status: str = "draft"
    campaign_id: str | None = None
    lead_id: str | None = None
    inspector_ids: list[str] = field(default_factory=list)
    finished_at: str | None = None
    gate_answers: dict[str, bool] = field(default_factory=dict)
    signature_inspector: str | None = None
    signature_enterprise: str | None = None
    corrects_id: str | None = None


@dataclass
class Answer:
    id: str
    inspection_id: str
    item_code: str
    result: str
    answered_at: str
    value: str | None = None
    note: str = ""
    photos: list[str] = field(default_factory=list)


@dataclass
class Notice:
    id: str
    number: str
    year: int
    seq: int
    enterprise_id: str
    district_id: str
    issued_on: str
    reply_due: str
    issued_by: str | None = None
    reinspect_on: str | None = None
    copy_to: str = ""
    deleted: bool = False
    content: str | None = None  # the notice as issued (canonical JSON); None on notices issued before it was kept
    seal: str | None = None  # the signed payload of its QR code (domain/document_seal.py)


@dataclass
class NoticeBlock:
    id: str
    device_id: str
    year: int
    first_seq: int
    last_seq: int
    allocated_on: str
    allocated_by: str | None = None

    @property
    def size(self) -> int:
        return self.last_seq - self.first_seq + 1


@dataclass
class Drill:
    id: str
    enterprise_id: str
    district_id: str
    name: str
    plan_type: str
    content: str
    form: str
    held_on: str
    scenario: str = ""
    place: str = ""
    organiser: str = ""
    participants: int = 0
    evaluation: str = ""
    findings: str = ""
    photos: list[str] = field(default_factory=list)
    reported_on: str | None = None
    # 0004: 'planned' (held_on is the day planned for) or 'held' (held_on is the day it took place).
    status: str = "held"
    planned_on: str | None = None
    objectives: str = ""
    units: str = ""  # participating units
    evaluators: str = ""
    revisions: str = ""  # suggested revisions of the plan
    deleted: bool = False
    # 0015: when it started ("HH:MM", Beijing) and how long it lasted; None for drills recorded before.
    start_time: str | None = None
    duration_minutes: int | None = None


@dataclass
class Hazard:
    id: str
    enterprise_id: str
    district_id: str
    source: str
    description: str
    grade: str
    found_on: str
    inspection_id: str | None = None
    item_code: str | None = None
    drill_id: str | None = None
    campaign_id: str | None = None
    location: str = ""
    category: str = ""
    accident_type: str = ""
    basis: str = ""
    found_by: str | None = None
    measures: str = ""
    responsible: str = ""
    photos: list[str] = field(default_factory=list)
    notice_id: str | None = None
    treatment_plan: dict[str, str] | None = None
    supervision_level: str | None = None
    referred_on: str | None = None
    # The supervising authority's 核销 of a 挂牌督办 hazard: day, authority, document number.
    writeoff_on: str | None = None
    writeoff_authority: str | None = None
    writeoff_number: str | None = None
    deleted: bool = False


@dataclass
class HazardEvent:
    id: str
    hazard_id: str
    kind: str
    at: str
    clock: str
    by_id: str | None = None
    deadline: str | None = None
    reason: str = ""
    photos: list[str] = field(default_factory=list)
    # A verdict's 整改复查意见书 as issued with it (canonical JSON) and its seal; None on other events.
    opinion: str | None = None
    opinion_seal: str | None = None


@dataclass
class HazardStateRow:
    hazard_id: str
    status: str
    deadline: str | None
    rectified_at: str | None
    closed_at: str | None


@dataclass
class Training:
    id: str
    title: str
    held_on: str
    enterprise_id: str | None = None
    district_id: str | None = None
    kind: str = ""
    hours: float = 0.0
    attendees: int = 0
    enterprise_ids: list[str] = field(default_factory=list)  # 0004; enterprise_id is the first of them
    deleted: bool = False


@dataclass
class Incident:
    id: str
    enterprise_id: str
    district_id: str
    occurred_at: str
    title: str
    description: str = ""
    accident_type: str = ""
    deaths: int = 0
    serious_injuries: int = 0
    direct_loss_yuan: float = 0.0
    liable: bool | None = None
    deleted: bool = False


@dataclass
class Photo:
    id: str
    size: int
    width: int
    height: int
    added_at: str
    taken_at: str | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None
    taken_by: str | None = None
    original_name: str = ""


@dataclass(frozen=True)
class HazardTally:
    """Hazards found in a period, split by grade and by where they stand on `as_of`."""

    key: str
    name: str
    found: int
    general: int
    major: int
    closed: int
    open: int
    overdue: int

    @property
    def rate(self) -> float | None:
        """Share of the period's hazards closed (整改率); None when none were found."""
        return self.closed / self.found if self.found else None
