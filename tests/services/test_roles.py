"""Every public service operation as every role: each refusal changes nothing, each permission holds, scope too.

One row of OPERATIONS per operation: how to call it on a target enterprise ("own": in the person's scope,
"foreign": outside it), which roles may, and the scope rule. A public method of a service class, or a
module function taking the session, that has no row makes test_every_public_operation_has_a_row fail.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import io
import pkgutil
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable

import openpyxl
import pytest
from PIL import Image

import safety_desk.services as services_package
from safety_desk.domain.annotations import Annotation
from safety_desk.domain.clock import SystemClock
from safety_desk.domain.drills import DrillContent, DrillForm, DrillPlanType
from safety_desk.domain.hazard_status import HazardEventKind
from safety_desk.services.photos import ingest_bytes
from safety_desk.services import activity_scope, campaigns as campaigns_module, drills as drills_module
from safety_desk.services import incidents as incidents_module
from safety_desk.services.backups import BackupService
from safety_desk.services.campaigns import CampaignService
from safety_desk.services.devices import DeviceService
from safety_desk.services.dashboard import DashboardService, WeekBar
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.services.drills import DrillService
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.certificates import CertificateService
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.filings import FilingService
from safety_desk.services.hazards import HazardService
from safety_desk.services.imports import ENTERPRISE_COLUMNS, LEDGER_COLUMNS, ImportRefused, SpreadsheetService
from safety_desk.services.incidents import IncidentService
from safety_desk.services.inspections import InspectionService
from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.services.notices import NoticeService
from safety_desk.services.organisation import OrganisationService
from safety_desk.services import people_import
from safety_desk.services.photos import PhotoService, PreparedPhoto
from safety_desk.services.reminders import ReminderService
from safety_desk.services.hazard_statistics import HazardStatisticsService, year_period
from safety_desk.services.reports import ReportService
from safety_desk.services.hub_previews import HubPreviewService
from safety_desk.services.hub_sync import HubSyncService
from safety_desk.services.sync import SyncService
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.services.training import TrainingService
from safety_desk.services.weekly import WeeklyService, iso_week
from safety_desk.store.hazards import TREATMENT_PLAN_ELEMENTS
from safety_desk.store.records import Hazard
from safety_desk.store.store import Store



class _ModuleClock(SystemClock):
    """The system's time, held back at import by up to an hour so that the day cannot change under the module: its
    views "as of TODAY" and the records its template writes "now" must fall on one day (a run crossing midnight,
    as `./dev test-later` does, built the template after midnight and viewed it as of the day before)."""

    def __init__(self) -> None:
        now = SystemClock().now()
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), now.tzinfo)
        self._lag_ms = max(0, 3_600_000 - int((midnight - now).total_seconds() * 1000))

    def epoch_ms(self) -> int:
        return super().epoch_ms() - self._lag_ms


CLOCK = _ModuleClock()
TODAY = CLOCK.today()
LOGINS = {"office": "admin", "leader": "leader01", "inspector": "inspector01a", "enterprise": "ent0001"}
ROLE_LETTERS = {"O": "office", "L": "leader", "I": "inspector", "E": "enterprise"}
ALL, INSPECTING, OFFICE = "OLIE", "OLI", "O"


# -- the template database: the demo plus, on three enterprises, one record of every kind -------------------
@dataclass
class Template:
    path: Path
    ids: dict[str, dict[str, str]]  # enterprise key ("own", "same", "other") -> object name -> id
    photos: list[str]
    district_of: dict[str, str]  # enterprise key -> district id
    code_of: dict[str, str]  # enterprise key -> district code
    campaign: str
    digest: str | None = None  # of every row, taken on the first copy


def _photo(store: Store, colour: tuple[int, int, int]) -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return ingest_bytes(store, buffer.getvalue(), "p.jpg").id


def _complete(service: InspectionService, inspection_id: str) -> None:
    """Every gate 'no', every visible item answered pass (n/a for value items)."""
    state = service.state(inspection_id)
    for section in state.checklist.sections:
        if section.gate is not None:
            state = service.set_gate(inspection_id, section.code, False)
    for item in state.visible_items:
        if item.code not in state.answers:
            if item.kind.value == "pass_fail":
                service.answer(inspection_id, item.code, "pass")
            else:
                service.answer(inspection_id, item.code, "na")


def _build_template(folder: Path) -> Template:
    path = folder / "roles.db"
    build_demo(path, DemoSpec(enterprises=12, weeks=4, seed=3, as_of=TODAY))
    store = Store.open(path, clock=CLOCK)
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    session = Session(store, admin)
    own_id = store.people.by_login("ent0001").enterprise_id
    own = store.enterprises.require(own_id)
    same = next(e for e in store.enterprises.active() if e.district_id == own.district_id and e.id != own.id)
    other = next(e for e in store.enterprises.active() if e.district_id != own.district_id)
    photos = [_photo(store, (20 * i, 200 - 20 * i, 90)) for i in range(8)]
    gated = next(c for c in store.checklists.latest() if any("gate" in s for s in c.body.get("sections", [])))
    inspections, hazards, notices = InspectionService(session), HazardService(session), NoticeService(session)
    drills = DrillService(session)
    ids: dict[str, dict[str, str]] = {}
    for key, enterprise in (("own", own), ("same", same), ("other", other)):
        mine: dict[str, str] = {}

        def hazard(name: str, grade: str = "一般", source: str = "inspection", plan: bool = False) -> str:
            record = store.hazards.open_hazard(Hazard(
                id=store.db.new_id(), enterprise_id=enterprise.id, district_id=enterprise.district_id,
                source=source, description=f"测试隐患 {name}", grade=grade, measures="按规定整改",
                found_on=(TODAY - timedelta(days=5)).isoformat(), found_by=admin.id, photos=[photos[0]],
                treatment_plan={k: "已定" for k in TREATMENT_PLAN_ELEMENTS} if plan else None),
                deadline=TODAY + timedelta(days=10))
            mine[name] = record.id
            return record.id

        hazard("h_open")
        hazard("h_open2")
        hazard("h_self", source="self_inspection")
        hazard("h_major", grade="重大", plan=True)
        supervised = hazard("h_supervised", grade="重大", plan=True)
        store.hazards.update(supervised, supervision_level="市", referred_on=(TODAY - timedelta(days=4)).isoformat())
        hazard("h_noticed")
        store.hazards.append_event(hazard("h_review"), HazardEventKind.REPORTED_RECTIFIED, by_id=admin.id,
                                   photos=[photos[1]])
        closed = hazard("h_closed")
        store.hazards.append_event(closed, HazardEventKind.REPORTED_RECTIFIED, by_id=admin.id, photos=[photos[1]])
        hazards.verify(closed)
        # A verdict recorded by an older version: no opinion was issued with it (its first print issues one).
        closed_before = hazard("h_closed_before")
        store.hazards.append_event(closed_before, HazardEventKind.REPORTED_RECTIFIED, by_id=admin.id,
                                   photos=[photos[1]])
        store.hazards.append_event(closed_before, HazardEventKind.VERIFIED, by_id=admin.id)
        mine["notice"] = notices.issue([mine["h_noticed"]], reply_due=TODAY + timedelta(days=20)).id
        for name, kind in (("draft", "routine"), ("self_draft", "self_inspection")):
            draft = inspections.start(enterprise.id, gated.id, kind)
            mine[name] = draft.id
            state = inspections.state(draft.id)
            item = next(i for i in state.visible_items if i.kind.value == "pass_fail")
            inspections.answer(draft.id, item.code, "pass")
            inspections.add_photos(draft.id, item.code, [photos[2]])
            mine["item"], mine["gate"] = item.code, next(s.code for s in state.checklist.sections if s.gate)
        for name, kind in (("ready", "routine"), ("self_ready", "self_inspection"),
                           ("submitted", "routine"), ("self_submitted", "self_inspection")):
            draft = inspections.start(enterprise.id, gated.id, kind)
            _complete(inspections, draft.id)
            mine[name] = draft.id
            if "submitted" in name:
                inspections.submit(draft.id, inspector_signature=photos[3], enterprise_signature=photos[4])
        mine["drill_planned"] = drills.plan(enterprise.id, "测试演练计划", DrillPlanType.COMPREHENSIVE.value,
                                            DrillContent.COMPREHENSIVE.value, DrillForm.LIVE.value, "火灾",
                                            TODAY + timedelta(days=10)).id
        # A photo only this enterprise's records name (its held drill's): the photo rows' "foreign" target.
        mine["photo"] = _photo(store, {"own": (240, 30, 30), "same": (30, 240, 30), "other": (30, 30, 240)}[key])
        mine["drill_held"] = drills.record(
            None, TODAY - timedelta(days=3), 20, enterprise_id=enterprise.id, name="测试演练",
            plan_type=DrillPlanType.COMPREHENSIVE.value, content=DrillContent.COMPREHENSIVE.value,
            form=DrillForm.LIVE.value, photos=[mine["photo"]]).id
        mine["incident"] = IncidentService(session).record(
            datetime.combine(TODAY - timedelta(days=2), datetime.min.time()), enterprise.id, 0, 0, 1000.0, "待定").id
        mine["enterprise"] = enterprise.id
        mine["uscc"] = enterprise.uscc
        mine["district"] = enterprise.district_id
        ids[key] = mine
    campaign = CampaignService(session).create("测试大排查", "大排查", TODAY - timedelta(days=10),
                                               TODAY + timedelta(days=10)).id
    codes = {key: store.districts.require(ids[key]["district"]).code for key in ids}
    store.close()
    return Template(path, ids, photos, {k: v["district"] for k, v in ids.items()}, codes, campaign)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return _build_template(tmp_path_factory.mktemp("roles-template"))


# -- one case: a fresh copy, a session of one role ------------------------------------------------------------
@dataclass
class Case:
    role: str
    store: Store
    session: Session
    template: Template
    tmp: Path
    visible: set[str] = field(default_factory=set)  # enterprise ids the role may see
    visible_districts: set[str] = field(default_factory=set)
    opened_changes: int = 0  # total_changes of the connection right after opening
    opened_digest: str = ""  # the rows' digest then (the template's)
    opened_version: int = 0  # PRAGMA data_version then: it moves when another connection commits

    def key(self, where: str) -> str:
        if where == "own":
            return "own"
        # An enterprise's officer must not see a neighbour in their own district; others not another district.
        return "same" if self.role == "enterprise" else "other"

    def id(self, where: str, name: str) -> str:
        return self.template.ids[self.key(where)][name]

    def enterprise(self, where: str) -> str:
        return self.id(where, "enterprise")

    def code(self, where: str) -> str:
        return self.template.code_of[self.key(where)]

    def photo(self, index: int) -> str:
        return self.template.photos[index]

    def file(self, name: str) -> Path:
        """Where an operation writes a file (inside the case folder the snapshot covers)."""
        return self.tmp / name

    def input(self, name: str) -> Path:
        """Where the test puts a file an operation reads (outside the snapshot)."""
        folder = self.tmp.parent / "inputs"
        folder.mkdir(exist_ok=True)
        return folder / name

    def enterprise_of_hazard(self, hazard_id: str) -> str:
        return self.store.hazards.require(hazard_id).enterprise_id

    def enterprises_of(self, district_ids) -> set[str]:
        return {e.id for e in self.store.enterprises.active() if e.district_id in set(district_ids)}


def _open_case(template: Template, role: str, tmp: Path) -> Case:
    for part in template.path.parent.iterdir():
        target = tmp / part.name
        if part.is_dir():
            shutil.copytree(part, target)
        else:
            shutil.copy(part, target)
    store = Store.open(tmp / template.path.name, clock=CLOCK)
    person = store.people.by_login(LOGINS[role])
    store.db.author_id = person.id
    session = Session(store, person)
    scope = session.district_ids()
    enterprises = store.enterprises.active()
    if role == "enterprise":
        visible = {person.enterprise_id}
    else:
        visible = {e.id for e in enterprises if scope is None or e.district_id in scope}
    districts = {d.id for d in store.districts.active() if scope is None or d.id in scope}
    if template.digest is None:
        template.digest = _digest(store.db.conn)
    return Case(role, store, session, template, tmp, visible, districts, store.db.conn.total_changes,
                template.digest, _data_version(store.db.conn))


def _data_version(conn) -> int:
    return conn.execute("PRAGMA data_version").fetchone()[0]


def _digest(conn) -> str:
    digest = hashlib.sha256()
    for (table,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").fetchall():
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
        row_text = " || ',' || ".join(f'quote("{column}")' for column in columns)
        # Concatenated inside SQLite (in row order): far quicker than hashing rows one by one in Python.
        text = conn.execute(f'SELECT count(*), group_concat({row_text}, char(10)) FROM "{table}"').fetchone()
        digest.update(f"{table}:{text[0]}:{text[1]}".encode())
    return digest.hexdigest()


def snapshot(case: Case) -> tuple[str, tuple[str, ...]]:
    """Every row of every table, and every file under the case folder: any write changes it.

    The rows are digested again only when a row may have changed since it was opened: this connection's
    total_changes (which temp tables move too) or another connection's commit (data_version); until then they are
    the template's, digested once.
    """
    conn = case.store.db.conn
    if conn.total_changes == case.opened_changes and _data_version(conn) == case.opened_version:
        rows = case.opened_digest
    else:
        rows = _digest(conn)
    files = tuple(sorted(str(p.relative_to(case.tmp)) for p in case.tmp.rglob("*")
                         if p.is_file() and not p.name.endswith(("-wal", "-shm"))))
    return rows, files


# -- workbooks for the imports --------------------------------------------------------------------------------
def _enterprise_book(case: Case, where: str) -> Path:
    enterprise = case.store.enterprises.require(case.enterprise(where))
    path = case.input(f"enterprises-{where}.xlsx")
    book = openpyxl.Workbook()
    book.active.append([c.header for c in ENTERPRISE_COLUMNS if c.key in ("name", "uscc")])
    book.active.append([enterprise.name + "（更名）", enterprise.uscc])
    book.save(path)
    return path


def _ledger_book(case: Case, where: str) -> Path:
    headers = {c.key: c.header for c in LEDGER_COLUMNS}
    path = case.input(f"ledger-{where}.xlsx")
    book = openpyxl.Workbook()
    book.active.append([headers["uscc"], headers["found_on"], headers["description"]])
    book.active.append([case.id(where, "uscc"), (TODAY - timedelta(days=1)).isoformat(), "导入的测试隐患"])
    book.save(path)
    return path


# -- what a result shows: enterprise ids (for the "filter" scope rule) ----------------------------------------
def _ledger_rows(case: Case, rows) -> set[str]:
    return {case.enterprise_of_hazard(row.hazard_id) for row in rows}


def _export_shows(case: Case, where: str) -> set[str]:
    book = openpyxl.load_workbook(case.file(f"ledger-export-{where}.xlsx"), read_only=True)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))  # below the title row
    column = rows[0].index("统一社会信用代码")
    by_uscc = {e.uscc: e.id for e in case.store.enterprises.active()}
    return {by_uscc[row[column]] for row in rows[1:] if row[column] in by_uscc}


def _weekly_shows(case: Case, summary) -> set[str]:
    rows = [*summary.overdue, *summary.majors, *summary.due_next_week]
    return _ledger_rows(case, rows) | {row.incident.enterprise_id for row in summary.incidents}


# -- the table -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Op:
    """One service operation. `call(case, where)` runs it on the own or the foreign target.

    roles: letters of the roles that may (O office, L leader, I inspector, E enterprise).
    scope: "refuse" — on a foreign target it raises `scope_error`;
           "filter" — on any target it returns only what the person may see (`shows`: enterprise ids), or refuses;
           "none"   — nothing enterprise-specific (templates, campaign list, pure helpers).
    writes: a permitted call must change the database or write its file (a string: only as these roles, and
            as the others it must change nothing).
    check: what a permitted call must return for this role (e.g. a may_* predicate).
    """

    name: str
    call: Callable[[Case, str], Any]
    roles: str
    scope: str
    writes: bool | str = False
    shows: Callable[[Case, Any], set[str]] | None = None
    districts: Callable[[Case, Any], set[str]] | None = None
    check: Callable[[Case, Any], bool] | None = None
    scope_error: type[Exception] = PermissionDenied


def may(action: Action) -> Callable[[Case, Any], bool]:
    return lambda case, result: result == case.session.may(action)


def _flt(case: Case, where: str) -> LedgerFilter:
    return LedgerFilter(enterprise_id=case.enterprise(where))


def _insp(case: Case) -> InspectionService:
    return InspectionService(case.session)


def _haz(case: Case) -> HazardService:
    return HazardService(case.session.at(TODAY))


def _drill(case: Case) -> DrillService:
    return DrillService(case.session.at(TODAY))


def _notice(case: Case) -> NoticeService:
    return NoticeService(case.session.at(TODAY))


def _dash(case: Case) -> DashboardService:
    return DashboardService(case.session.at(TODAY))


def _new_jpeg(case: Case) -> bytes:
    """A photo not yet on record (its colour is the role's)."""
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), {"office": (1, 2, 3), "leader": (4, 5, 6), "inspector": (7, 8, 9),
                                "enterprise": (10, 11, 12)}[case.role]).save(buffer, "JPEG")
    return buffer.getvalue()


def _prepared(case: Case) -> PreparedPhoto:
    """A new photo as the photo strip's worker hands it over to a keep_photo."""
    return PhotoService.prepare_bytes(_new_jpeg(case), "new.jpg")


def _report(case: Case) -> ReportService:
    return ReportService(case.session.at(TODAY))


def _sheet(case: Case) -> SpreadsheetService:
    return SpreadsheetService(case.session.at(TODAY))


def _incident_time() -> datetime:
    return datetime.combine(TODAY - timedelta(days=1), datetime.min.time())


def _retire(case: Case, where: str):
    # Retiring refuses an enterprise with open hazards, and the template's all have some: the office's case
    # closes them first (straight in the store, as a sync would bring them), so the row tests the role check.
    enterprise_id = case.enterprise(where)
    if case.role == "office":
        for hazard in case.store.hazards.open_of_enterprise(enterprise_id):
            case.store.hazards.delete(hazard.id)
    return EnterpriseService(case.session).retire(enterprise_id)


def _enterprise_ids(items) -> set[str]:
    return {item.enterprise_id for item in items}


def _progress_shows(case: Case, progress) -> set[str]:
    items = progress if isinstance(progress, list) else [progress]
    return {i for p in items for i in p.uninspected_ids}


def _scope_shows(case: Case, result) -> set[str]:
    districts, enterprise_id, _ = result
    if enterprise_id is not None:
        return {enterprise_id}
    return case.enterprises_of(districts) if districts is not None else set()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _backup_of(case: Case) -> Path:
    """A good backup of the case's database, made without the service (outside the snapshot)."""
    from safety_desk.services.backups import export_backup

    target = case.input(f"backup-{case.role}.db")
    if not target.exists():
        export_backup(case.store.path, target)
    return target


def _people_book(case: Case) -> Path:
    path = case.input("people.xlsx")
    book = openpyxl.Workbook()
    book.active.append(["登录名", "姓名", "角色", "片区"])
    book.active.append(["newp", "新人", "检查员", case.template.code_of["other"]])
    book.save(path)
    return path


def _org(case: Case) -> OrganisationService:
    return OrganisationService(case.session)


OPERATIONS: list[Op] = [
    # organisation: the office's alone, but for one's own password
    Op("OrganisationService.may_manage", lambda c, w: _org(c).may_manage(), ALL, "none",
       check=may(Action.MANAGE_PEOPLE)),
    Op("OrganisationService.districts", lambda c, w: _org(c).districts(), OFFICE, "none"),
    Op("OrganisationService.people", lambda c, w: _org(c).people(), OFFICE, "none"),
    Op("OrganisationService.check_person", lambda c, w: _org(c).check_person("newp", "新人", "office"), OFFICE,
       "none"),
    Op("OrganisationService.add_district", lambda c, w: _org(c).add_district("T9", "测试片区"), OFFICE, "none",
       writes=True),
    Op("OrganisationService.rename_district", lambda c, w: _org(c).rename_district(c.template.code_of["other"],
                                                                                   "改名片区"), OFFICE, "none",
       writes=True),
    Op("OrganisationService.edit_district", lambda c, w: _org(c).edit_district(c.template.code_of["other"], "改名",
                                                                               None, []), OFFICE, "none",
       writes=True),
    Op("OrganisationService.set_leader", lambda c, w: _org(c).set_leader(c.template.code_of["other"], None),
       OFFICE, "none", writes=True),
    Op("OrganisationService.set_inspectors", lambda c, w: _org(c).set_inspectors(c.template.code_of["other"], []),
       OFFICE, "none", writes=True),
    Op("OrganisationService.retire_district", lambda c, w: (_org(c).add_district("T8", "空片区"),
                                                            _org(c).retire_district("T8")), OFFICE, "none",
       writes=True),
    Op("OrganisationService.add_person", lambda c, w: _org(c).add_person("newp", "新人", "office"), OFFICE, "none",
       writes=True),
    Op("OrganisationService.add_checked", lambda c, w: _org(c).add_checked(
        [(*_org(c).check_person("newp", "新人", "office"), "a-long-password")]), OFFICE, "none", writes=True),
    Op("OrganisationService.reset_password", lambda c, w: _org(c).reset_password("inspector01a"), OFFICE, "none",
       writes=True),
    Op("OrganisationService.disable", lambda c, w: _org(c).disable("inspector01b"), OFFICE, "none", writes=True),
    Op("OrganisationService.rename_person", lambda c, w: _org(c).rename_person("inspector01b", "改名后"), OFFICE, "none",
       writes=True),
    Op("OrganisationService.enable", lambda c, w: (_org(c).disable("inspector01b"), _org(c).enable("inspector01b")),
       OFFICE, "none", writes=True),
    Op("OrganisationService.change_password", lambda c, w: _org(c).change_password(LOGINS[c.role], "demo",
                                                                                   "a-new-password"), ALL, "none",
       writes=True),
    # devices: the office's device enrols and revokes; anyone reads the list.
    Op("DeviceService.list", lambda c, w: DeviceService(c.session).list(), ALL, "none"),
    Op("DeviceService.find", lambda c, w: DeviceService(c.session).find(c.store.db.device_id), ALL, "none"),
    Op("DeviceService.unreturned_writes", lambda c, w: DeviceService(c.session).unreturned_writes(
        c.store.db.device_id), ALL, "none"),
    Op("DeviceService.scope_text", lambda c, w: DeviceService(c.session).scope_text(
        c.store.devices.require(c.store.db.device_id)), ALL, "none"),
    Op("DeviceService.enroll", lambda c, w: DeviceService(c.session).enroll(
        "inspector", f"笔记本-{c.role}", c.file("laptop.sdenroll"), district_codes=[c.code("own")]),
       OFFICE, "none", writes=True),
    Op("DeviceService.revoke", lambda c, w: (DeviceService(c.session).enroll(
        "inspector", f"停用-{c.role}", c.file("gone.sdenroll"), district_codes=[c.code("own")]),
        DeviceService(c.session).revoke(f"停用-{c.role}")), OFFICE, "none", writes=True),
    Op("DeviceService.sign_in_list", lambda c, w: DeviceService(c.session).sign_in_list(
        c.store.devices.require(c.store.db.device_id)), ALL, "none"),
    Op("DeviceService.set_people", lambda c, w: (DeviceService(c.session).enroll(
        "inspector", f"人员-{c.role}", c.file("people.sdenroll"), district_codes=[c.code("own")]),
        DeviceService(c.session).set_people(f"人员-{c.role}", None)), OFFICE, "none", writes=True),
    Op("DeviceService.sign_in_choices", lambda c, w: (DeviceService(c.session).enroll(
        "inspector", f"名单-{c.role}", c.file("choices.sdenroll"), district_codes=[c.code("own")]),
        DeviceService(c.session).sign_in_choices(f"名单-{c.role}")), OFFICE, "none", writes=True),
    Op("DeviceService.set_districts", lambda c, w: (DeviceService(c.session).enroll(
        "inspector", f"片区-{c.role}", c.file("districts.sdenroll"), district_codes=[c.code("own")]),
        DeviceService(c.session).set_districts(f"片区-{c.role}", [c.code("own")])), OFFICE, "none", writes=True),
    # sync: reading this installation's peers, waiting changes and conflicts is open to whoever is signed in.
    Op("SyncService.this_device", lambda c, w: SyncService(c.session).this_device(), ALL, "none"),
    Op("SyncService.is_office", lambda c, w: SyncService(c.session).is_office(), ALL, "none"),
    Op("SyncService.peers", lambda c, w: SyncService(c.session).peers(), ALL, "none"),
    Op("SyncService.unsynced", lambda c, w: SyncService(c.session).unsynced(), ALL, "none"),
    Op("SyncService.clock_warning", lambda c, w: SyncService(c.session).clock_warning(), ALL, "none"),
    Op("SyncService.changes_waiting", lambda c, w: SyncService(c.session).changes_waiting(c.store.db.device_id),
       ALL, "none"),
    Op("SyncService.conflicts", lambda c, w: SyncService(c.session).conflicts(), ALL, "none"),
    Op("SyncService.folder_status", lambda c, w: SyncService(c.session).folder_status(c.file("hub")), ALL, "none"),
    Op("HubSyncService.url", lambda c, w: HubSyncService(SyncService(c.session)).url("https://hub.example"), ALL,
       "none"),
    Op("HubSyncService.mirror", lambda c, w: HubSyncService(SyncService(c.session)).mirror(), ALL, "none"),
    Op("HubSyncService.last_synced_at", lambda c, w: HubSyncService(SyncService(c.session)).last_synced_at(), ALL,
       "none"),
    # The hub's previews are the device's, as its bundles are (the hub scopes them): anyone signed in reads them.
    Op("HubPreviewService.count", lambda c, w: HubPreviewService(c.store).count(), ALL, "none"),
    Op("HubPreviewService.pending", lambda c, w: HubPreviewService(c.store).pending(), ALL, "none"),
    Op("HubPreviewService.hazards_reported", lambda c, w: HubPreviewService(c.store).hazards_reported(), ALL, "none"),
    Op("HubPreviewService.for_hazard", lambda c, w: HubPreviewService(c.store).for_hazard(c.id(w, "h_open")), ALL,
       "none"),
    Op("HubPreviewService.photo", lambda c, w: HubPreviewService(c.store).photo("0" * 64), ALL, "none"),
    # backups: anyone sees the list; only the office makes and restores them.
    Op("BackupService.may_manage", lambda c, w: BackupService(c.session).may_manage(), ALL, "none",
       check=may(Action.MANAGE_BACKUPS)),
    Op("BackupService.backups", lambda c, w: BackupService(c.session).backups(), ALL, "none"),
    Op("BackupService.back_up_now", lambda c, w: BackupService(c.session).back_up_now(), OFFICE, "none"),
    Op("BackupService.check", lambda c, w: BackupService(c.session).check(_backup_of(c)), OFFICE, "none"),
    Op("BackupService.restore", lambda c, w: BackupService(c.session).restore(_backup_of(c)), OFFICE, "none",
       writes=True),  # a restore starts a new sync incarnation (DESIGN.md §4)
    # campaigns: the office manages them; everyone reads them, progress within their scope.
    Op("CampaignService.may_manage", lambda c, w: CampaignService(c.session).may_manage(), ALL, "none",
       check=may(Action.MANAGE_CAMPAIGNS)),
    Op("CampaignService.create", lambda c, w: CampaignService(c.session).create(
        "新专项", "专项整治", TODAY, TODAY + timedelta(days=30)), OFFICE, "none", writes=True),
    Op("CampaignService.edit", lambda c, w: CampaignService(c.session).edit(
        c.template.campaign, "改名", "大排查", TODAY - timedelta(days=10), TODAY + timedelta(days=10)),
       OFFICE, "none", writes=True),
    Op("CampaignService.campaigns", lambda c, w: CampaignService(c.session).campaigns(), ALL, "none"),
    Op("CampaignService.get", lambda c, w: CampaignService(c.session).get(c.template.campaign), ALL, "none"),
    Op("CampaignService.progress", lambda c, w: CampaignService(c.session).progress(c.template.campaign, TODAY),
       ALL, "filter", shows=_progress_shows),
    Op("CampaignService.all_progress", lambda c, w: CampaignService(c.session).all_progress(TODAY), ALL, "filter",
       shows=_progress_shows),
    Op("CampaignService.targets_of", lambda c, w: CampaignService(c.session).targets_of(c.template.campaign),
       ALL, "filter", shows=lambda c, r: {e.id for e in r}),
    Op("campaigns.campaign_progress", lambda c, w: campaigns_module.campaign_progress(c.session, TODAY), ALL,
       "filter", shows=_progress_shows),
    # dashboard: everything scoped by the session.
    Op("DashboardService.hazard_filters", lambda c, w: _dash(c).hazard_filters(TODAY), ALL, "none"),
    Op("DashboardService.figures", lambda c, w: _dash(c).figures(TODAY), ALL, "none"),
    Op("DashboardService.inspections_this_week", lambda c, w: _dash(c).inspections_this_week(TODAY), ALL, "filter",
       shows=lambda c, r: {c.store.inspections.require(i).enterprise_id for i in r}),
    Op("DashboardService.weeks", lambda c, w: _dash(c).weeks(TODAY), ALL, "none"),
    Op("DashboardService.campaigns", lambda c, w: _dash(c).campaigns(TODAY), ALL, "filter", shows=_progress_shows),
    Op("DashboardService.week_filters", lambda c, w: DashboardService.week_filters(WeekBar(TODAY, 1, 1)), ALL,
       "none"),
    Op("DashboardService.districts", lambda c, w: _dash(c).districts(TODAY), ALL, "filter",
       districts=lambda c, r: {row.district.id for row in r}),
    Op("DashboardService.enterprises_by_colour", lambda c, w: [m for colour in ("red", "orange", "yellow", "blue")
                                                              for m in _dash(c).enterprises_by_colour(None, colour)],
       ALL, "filter", shows=lambda c, r: _enterprise_ids(r)),
    Op("DashboardService.coverage", lambda c, w: _dash(c).coverage(c.id(w, "district"), "quarter"), ALL, "filter",
       shows=lambda c, r: _enterprise_ids(r)),
    Op("DashboardService.my_work", lambda c, w: _dash(c).my_work(TODAY), ALL, "filter",
       shows=lambda c, r: {c.enterprise_of_hazard(i.hazard_id) for i in r if i.hazard_id}
       | {c.store.inspections.require(i.inspection_id).enterprise_id for i in r if i.inspection_id}),
    Op("DashboardService.compute", lambda c, w: _dash(c).compute(TODAY), ALL, "filter",
       shows=lambda c, r: {n.notice.enterprise_id for n in r.notices} | _enterprise_ids(r.drills)),
    Op("DashboardService.notice_filter", lambda c, w: DashboardService.notice_filter([]), ALL, "none"),
    # drills: every role records drills, each within its scope.
    Op("drills.drills_due", lambda c, w: drills_module.drills_due(c.session, TODAY, 400), ALL, "filter",
       shows=lambda c, r: _enterprise_ids(r)),
    Op("drills.overdue_drill_count", lambda c, w: drills_module.overdue_drill_count(c.session, TODAY), ALL, "none"),
    Op("DrillService.may_record", lambda c, w: _drill(c).may_record(), ALL, "none", check=may(Action.RECORD_DRILLS)),
    Op("DrillService.due_for", lambda c, w: _drill(c).due_for(c.enterprise(w), TODAY), ALL, "refuse"),
    Op("DrillService.drills_due", lambda c, w: _drill(c).drills_due(TODAY, 400), ALL, "filter",
       shows=lambda c, r: _enterprise_ids(r)),
    Op("DrillService.enterprise_names", lambda c, w: _drill(c).enterprise_names(), ALL, "filter",
       shows=lambda c, r: set(r)),
    Op("DrillService.planned", lambda c, w: _drill(c).planned(), ALL, "filter", shows=lambda c, r: _enterprise_ids(r)),
    Op("DrillService.records", lambda c, w: _drill(c).records(), ALL, "filter", shows=lambda c, r: _enterprise_ids(r)),
    Op("DrillService.listed", lambda c, w: _drill(c).listed(enterprise_id=c.enterprise(w)), ALL, "filter",
       shows=lambda c, r: _enterprise_ids(r)),
    Op("DrillService.get", lambda c, w: _drill(c).get(c.id(w, "drill_held")), ALL, "refuse"),
    Op("DrillService.plan", lambda c, w: _drill(c).plan(
        c.enterprise(w), "新演练", DrillPlanType.COMPREHENSIVE.value, DrillContent.COMPREHENSIVE.value,
        DrillForm.LIVE.value, "泄漏", TODAY + timedelta(days=5)), ALL, "refuse", writes=True),
    Op("DrillService.cancel_plan", lambda c, w: _drill(c).cancel_plan(c.id(w, "drill_planned")), ALL, "refuse",
       writes=True),
    Op("DrillService.record", lambda c, w: _drill(c).record(c.id(w, "drill_planned"), TODAY, 12), ALL, "refuse",
       writes=True),
    Op("DrillService.add_finding_hazard", lambda c, w: _drill(c).add_finding_hazard(
        c.id(w, "drill_held"), "疏散通道堵塞", "一般", TODAY + timedelta(days=7)), ALL, "refuse", writes=True),
    Op("DrillService.keep_photo", lambda c, w: _drill(c).keep_photo(c.enterprise(w), _prepared(c)), ALL, "refuse",
       writes=True),
    # photos: prepared and thumbnailed without the database; read within scope; the enterprise marks up only
    # the photos it took itself (these were taken by the office).
    Op("PhotoService.prepare_file", lambda c, w: PhotoService.prepare_file(
        _write(c.input(f"new-{c.role}.jpg"), _new_jpeg(c))), ALL, "none"),
    Op("PhotoService.prepare_bytes", lambda c, w: _prepared(c), ALL, "none"),
    Op("PhotoService.cached_thumbnail", lambda c, w: PhotoService(c.session).cached_thumbnail(c.id(w, "photo")),
       ALL, "none"),
    Op("PhotoService.thumbnail", lambda c, w: PhotoService(c.session).thumbnail(c.id(w, "photo")), ALL, "none",
       check=lambda c, r: r is not None and r.startswith(b"\xff\xd8\xff")),
    Op("PhotoService.photo", lambda c, w: PhotoService(c.session).photo(c.id(w, "photo")), ALL, "refuse",
       check=lambda c, r: r is not None and r.original_name == "p.jpg"),
    Op("PhotoService.view", lambda c, w: PhotoService(c.session).view(c.id(w, "photo")), ALL, "refuse",
       check=lambda c, r: r.file is not None and r.annotations == []),
    Op("PhotoService.save_annotations", lambda c, w: PhotoService(c.session).save_annotations(
        c.id(w, "photo"), [Annotation("arrow", 0.1, 0.1, 0.5, 0.5)]), INSPECTING, "refuse", writes=True),
    # enterprises: the office edits; everyone reads within scope.
    Op("EnterpriseService.districts", lambda c, w: EnterpriseService(c.session).districts(), ALL, "filter",
       districts=lambda c, r: {s.district.id for s in r}),
    Op("EnterpriseService.enterprises_of", lambda c, w: EnterpriseService(c.session).enterprises_of(
        c.id(w, "district")), ALL, "filter", shows=lambda c, r: {e.id for e in r}),
    Op("EnterpriseService.search", lambda c, w: EnterpriseService(c.session).search(""), ALL, "filter",
       shows=lambda c, r: {e.id for e in r}),
    Op("EnterpriseService.detail", lambda c, w: EnterpriseService(c.session).detail(c.enterprise(w)), ALL, "refuse"),
    Op("EnterpriseService.may_edit", lambda c, w: EnterpriseService(c.session).may_edit(), ALL, "none",
       check=may(Action.EDIT_ENTERPRISE)),
    Op("EnterpriseService.update", lambda c, w: EnterpriseService(c.session).update(
        c.enterprise(w), address="新地址 1 号"), OFFICE, "refuse", writes=True),
    Op("EnterpriseService.industry_of", lambda c, w: EnterpriseService(c.session).industry_of("建筑业"), ALL, "none"),
    Op("EnterpriseService.create", lambda c, w: EnterpriseService(c.session).create(
        name="新建企业", uscc=make_uscc("91370200MA3Q00001"), district_id=c.id(w, "district"), industry="E"),
       OFFICE, "none", writes=True),
    Op("EnterpriseService.move", lambda c, w: EnterpriseService(c.session).move(
        c.enterprise(w), c.template.ids["other" if c.key(w) == "own" else "own"]["district"]), OFFICE, "refuse",
       writes=True),
    Op("EnterpriseService.retire", lambda c, w: _retire(c, w), OFFICE, "refuse", writes=True),
    # hazards: the enterprise rectifies its own; inspectors, leaders and the office verify.
    Op("HazardService.as_of", lambda c, w: _haz(c).as_of(), ALL, "none"),
    Op("HazardService.available_actions", lambda c, w: _haz(c).available_actions(c.id(w, "h_open")), ALL, "refuse"),
    Op("HazardService.detail", lambda c, w: _haz(c).detail(c.id(w, "h_open")), ALL, "refuse"),
    Op("HazardService.report_rectified", lambda c, w: _haz(c).report_rectified(
        c.id(w, "h_open"), "已整改", [c.photo(5)]), ALL, "refuse", writes=True),
    Op("HazardService.keep_photo", lambda c, w: _haz(c).keep_photo(c.id(w, "h_open"), _prepared(c)), ALL, "refuse",
       writes=True),
    Op("HazardService.record_progress", lambda c, w: _haz(c).record_progress(c.id(w, "h_open"), "正在整改"), ALL,
       "refuse", writes=True),
    Op("HazardService.save_treatment_plan", lambda c, w: _haz(c).save_treatment_plan(
        c.id(w, "h_major"), {k: "新方案" for k in TREATMENT_PLAN_ELEMENTS}), ALL, "refuse", writes=True),
    Op("HazardService.verify", lambda c, w: _haz(c).verify(c.id(w, "h_review")), INSPECTING, "refuse", writes=True),
    Op("HazardService.reject", lambda c, w: _haz(c).reject(c.id(w, "h_review"), "照片不清"), INSPECTING, "refuse",
       writes=True),
    Op("HazardService.reopen", lambda c, w: _haz(c).reopen(c.id(w, "h_closed"), "复发"), INSPECTING, "refuse",
       writes=True),
    Op("HazardService.extend_deadline", lambda c, w: _haz(c).extend_deadline(
        [c.id(w, "h_open")], TODAY + timedelta(days=40), "企业申请"), INSPECTING, "refuse", writes=True),
    Op("HazardService.set_supervision", lambda c, w: _haz(c).set_supervision(c.id(w, "h_major"), "市", TODAY),
       INSPECTING, "refuse", writes=True),
    Op("HazardService.record_writeoff", lambda c, w: _haz(c).record_writeoff(
        c.id(w, "h_supervised"), TODAY, "青岛市应急管理局", "青应急核〔2026〕3号"), INSPECTING, "refuse", writes=True),
    # spreadsheets
    Op("SpreadsheetService.export_ledger", lambda c, w: _sheet(c).export_ledger(
        LedgerFilter(enterprise_id=c.enterprise(w)), c.file(f"ledger-export-{w}.xlsx")), ALL, "filter",
       shows=lambda c, r: set()),  # what the file holds is checked in test_export_holds_only_the_scope
    Op("SpreadsheetService.describe_filter", lambda c, w: _sheet(c).describe_filter(LedgerFilter()), ALL, "none"),
    Op("SpreadsheetService.write_template", lambda c, w: SpreadsheetService.write_template(
        "ledger", c.file("template.xlsx")), ALL, "none"),
    Op("SpreadsheetService.import_enterprises", lambda c, w: _sheet(c).import_enterprises(_enterprise_book(c, w)),
       OFFICE, "none", writes=True),
    Op("SpreadsheetService.import_people", lambda c, w: _sheet(c).import_people(_people_book(c)), OFFICE, "none",
       writes=True),
    Op("people_import.import_people", lambda c, w: people_import.import_people(c.session, _people_book(c),
                                                                               max_rows=100), OFFICE, "none",
       writes=True),
    Op("SpreadsheetService.may_import_ledger", lambda c, w: _sheet(c).may_import_ledger(), ALL, "none",
       check=lambda c, r: r is True),
    Op("SpreadsheetService.import_ledger", lambda c, w: _sheet(c).import_ledger(_ledger_book(c, w)), ALL, "refuse",
       writes=True, scope_error=ImportRefused),
    # incidents: the office records; everyone reads within scope.
    Op("incidents.incident_rows", lambda c, w: incidents_module.incident_rows(
        c.session, [c.store.incidents.require(c.id(w, "incident"))]), ALL, "filter",
       shows=lambda c, r: {row.incident.enterprise_id for row in r}),
    Op("incidents.goal_status", lambda c, w: incidents_module.goal_status(c.session, TODAY.year, TODAY), ALL,
       "filter", shows=lambda c, r: {row.incident.enterprise_id for row in r.incidents}),
    Op("IncidentService.may_record", lambda c, w: IncidentService(c.session).may_record(), ALL, "none",
       check=may(Action.RECORD_INCIDENTS)),
    Op("IncidentService.record", lambda c, w: IncidentService(c.session).record(
        _incident_time(), c.enterprise(w), 0, 1, 5000.0, "待定"), OFFICE, "refuse", writes=True),
    Op("IncidentService.edit", lambda c, w: IncidentService(c.session).edit(
        c.id(w, "incident"), _incident_time(), 0, 0, 2000.0, "非责任", "更正"), OFFICE, "refuse", writes=True),
    Op("IncidentService.in_year", lambda c, w: IncidentService(c.session).in_year(TODAY.year), ALL, "filter",
       shows=lambda c, r: {row.incident.enterprise_id for row in r}),
    Op("IncidentService.goal_status", lambda c, w: IncidentService(c.session).goal_status(TODAY.year, TODAY), ALL,
       "filter", shows=lambda c, r: {row.incident.enterprise_id for row in r.incidents}),
    # activity scope helpers
    Op("activity_scope.scope_of", lambda c, w: activity_scope.scope_of(c.session), ALL, "filter",
       shows=lambda c, r: _scope_shows(c, (*r, ""))),
    Op("activity_scope.visible_enterprise", lambda c, w: activity_scope.visible_enterprise(
        c.session, c.enterprise(w)), ALL, "refuse"),
    # inspections: inspectors, leaders and the office inspect; an enterprise self-inspects only.
    Op("InspectionService.checklists_for", lambda c, w: _insp(c).checklists_for(c.enterprise(w)), ALL, "refuse"),
    Op("InspectionService.start[routine]", lambda c, w: _insp(c).start(
        c.enterprise(w), c.store.inspections.require(c.id(w, "draft")).checklist_id, "routine"), INSPECTING,
       "refuse", writes=True),
    Op("InspectionService.start[self]", lambda c, w: _insp(c).start(
        c.enterprise(w), c.store.inspections.require(c.id(w, "draft")).checklist_id, "self_inspection"), ALL,
       "refuse", writes=True),
    Op("InspectionService.drafts", lambda c, w: _insp(c).drafts(), ALL, "filter", shows=lambda c, r: _enterprise_ids(r)),
    Op("InspectionService.recent", lambda c, w: _insp(c).recent(500), ALL, "filter",
       shows=lambda c, r: _enterprise_ids(r)),
    Op("InspectionService.listed", lambda c, w: _insp(c).listed(enterprise_id=c.enterprise(w)), ALL, "filter",
       shows=lambda c, r: _enterprise_ids(r)),
    Op("InspectionService.campaigns", lambda c, w: _insp(c).campaigns(TODAY), ALL, "none"),
    Op("InspectionService.colleagues", lambda c, w: _insp(c).colleagues(c.enterprise(w)), ALL, "refuse"),
    Op("InspectionService.state", lambda c, w: _insp(c).state(c.id(w, "draft")), ALL, "refuse"),
    Op("InspectionService.set_gate[routine]", lambda c, w: _insp(c).set_gate(c.id(w, "draft"), c.id(w, "gate"), False),
       INSPECTING, "refuse", writes=True),
    Op("InspectionService.set_gate[self]", lambda c, w: _insp(c).set_gate(
        c.id(w, "self_draft"), c.id(w, "gate"), False), ALL, "refuse", writes=True),
    Op("InspectionService.answer[routine]", lambda c, w: _insp(c).answer(c.id(w, "draft"), c.id(w, "item"), "fail"),
       INSPECTING, "refuse", writes=True),
    Op("InspectionService.answer[self]", lambda c, w: _insp(c).answer(c.id(w, "self_draft"), c.id(w, "item"), "fail"),
       ALL, "refuse", writes=True),
    Op("InspectionService.set_note", lambda c, w: _insp(c).set_note(c.id(w, "draft"), c.id(w, "item"), "备注"),
       INSPECTING, "refuse", writes=True),
    Op("InspectionService.add_photos", lambda c, w: _insp(c).add_photos(
        c.id(w, "draft"), c.id(w, "item"), [c.photo(6)]), INSPECTING, "refuse", writes=True),
    Op("InspectionService.keep_photo[routine]", lambda c, w: _insp(c).keep_photo(c.id(w, "draft"), _prepared(c)),
       INSPECTING, "refuse", writes=True),
    Op("InspectionService.keep_photo[self]", lambda c, w: _insp(c).keep_photo(c.id(w, "self_draft"), _prepared(c)),
       ALL, "refuse", writes=True),
    Op("InspectionService.remove_photo", lambda c, w: _insp(c).remove_photo(
        c.id(w, "draft"), c.id(w, "item"), c.photo(2)), INSPECTING, "refuse", writes=True),
    Op("InspectionService.default_deadline", lambda c, w: _insp(c).default_deadline("一般", TODAY), ALL, "none"),
    Op("InspectionService.hazard_deadline", lambda c, w: _insp(c).hazard_deadline(c.id(w, "h_open")), ALL, "refuse"),
    Op("InspectionService.edit_hazard[inspection]", lambda c, w: _insp(c).edit_hazard(
        c.id(w, "h_open"), description="改写的描述", location="车间", measures="更换", responsible="张三",
        deadline=TODAY + timedelta(days=10)), INSPECTING, "refuse", writes=True),
    Op("InspectionService.edit_hazard[self]", lambda c, w: _insp(c).edit_hazard(
        c.id(w, "h_self"), description="企业自述", location="库房", measures="清理", responsible="李四",
        deadline=TODAY + timedelta(days=10)), ALL, "refuse", writes=True),
    Op("InspectionService.submission_problems", lambda c, w: _insp(c).submission_problems(c.id(w, "draft")), ALL,
       "refuse"),
    Op("InspectionService.submit[routine]", lambda c, w: _insp(c).submit(
        c.id(w, "ready"), inspector_signature=c.photo(3), enterprise_signature=c.photo(4)), INSPECTING, "refuse",
       writes=True),
    Op("InspectionService.submit[self]", lambda c, w: _insp(c).submit(
        c.id(w, "self_ready"), inspector_signature=c.photo(3), enterprise_signature=c.photo(4)), ALL, "refuse",
       writes=True),
    Op("InspectionService.sign_and_submit[routine]", lambda c, w: _insp(c).sign_and_submit(
        c.id(w, "ready"), inspector_signature=_prepared(c), enterprise_signature=_prepared(c)), INSPECTING, "refuse",
       writes=True),
    Op("InspectionService.sign_and_submit[self]", lambda c, w: _insp(c).sign_and_submit(
        c.id(w, "self_ready"), inspector_signature=_prepared(c), enterprise_signature=_prepared(c)), ALL, "refuse",
       writes=True),
    Op("InspectionService.correct[routine]", lambda c, w: _insp(c).correct(c.id(w, "submitted")), INSPECTING,
       "refuse", writes=True),
    Op("InspectionService.correct[self]", lambda c, w: _insp(c).correct(c.id(w, "self_submitted")), ALL, "refuse",
       writes=True),
    Op("InspectionService.corrections_of", lambda c, w: _insp(c).corrections_of(c.id(w, "submitted")), ALL,
       "refuse"),
    # ledger
    Op("LedgerService.as_of", lambda c, w: LedgerService(c.session).as_of(), ALL, "none"),
    Op("LedgerService.scoped", lambda c, w: LedgerService(c.session).scoped(_flt(c, w)), ALL, "filter",
       shows=lambda c, r: set() if r is None else ({r.enterprise_id} if c.role == "enterprise"
                                                   else c.enterprises_of(r.district_ids or []))),
    Op("LedgerService.count", lambda c, w: LedgerService(c.session).count(_flt(c, w)), ALL, "filter",
       check=lambda c, r: r > 0),  # a foreign enterprise counts 0: test_export_holds_only_the_scope
    Op("LedgerService.page", lambda c, w: LedgerService(c.session).page(LedgerFilter(), limit=5000), ALL, "filter",
       shows=_ledger_rows),
    Op("LedgerService.first_page", lambda c, w: LedgerService(c.session).first_page(LedgerFilter(), limit=5000)[0],
       ALL, "filter", shows=_ledger_rows),
    Op("LedgerService.every_row", lambda c, w: list(LedgerService(c.session).every_row(LedgerFilter())), ALL, "filter",
       shows=_ledger_rows),
    Op("LedgerService.every_value_row", lambda c, w: list(LedgerService(c.session).every_value_row(LedgerFilter())),
       ALL, "filter", shows=_ledger_rows),
    Op("LedgerService.districts", lambda c, w: LedgerService(c.session).districts(), ALL, "filter",
       districts=lambda c, r: {d.id for d in r}),
    Op("LedgerService.campaigns", lambda c, w: LedgerService(c.session).campaigns(), ALL, "none"),
    # Only builds a filter from codes; every query with it is scoped (the rows above).
    Op("LedgerService.filter_for", lambda c, w: LedgerService(c.session).filter_for(grade="一般"), ALL, "none"),
    # notices: inspectors, leaders and the office issue; everyone reads their own.
    Op("NoticeService.is_office_device", lambda c, w: _notice(c).is_office_device(), ALL, "none"),
    Op("NoticeService.remaining_numbers", lambda c, w: _notice(c).remaining_numbers(), ALL, "none"),
    Op("NoticeService.blocks", lambda c, w: _notice(c).blocks(), ALL, "none"),
    Op("NoticeService.next_number", lambda c, w: _notice(c).next_number(), ALL, "none"),
    Op("NoticeService.allocate_block", lambda c, w: _notice(c).allocate_block(c.store.db.device_id, TODAY.year, 50),
       OFFICE, "none", writes=True),
    Op("NoticeService.may_issue", lambda c, w: _notice(c).may_issue(), ALL, "none", check=may(Action.EDIT_HAZARD)),
    Op("NoticeService.default_reply_due", lambda c, w: _notice(c).default_reply_due([]), ALL, "none"),
    Op("NoticeService.preview", lambda c, w: _notice(c).preview([c.id(w, "h_open2")]), INSPECTING, "refuse"),
    Op("NoticeService.issue", lambda c, w: _notice(c).issue([c.id(w, "h_open2")], reply_due=TODAY + timedelta(days=10)),
       INSPECTING, "refuse", writes=True),
    Op("NoticeService.notice", lambda c, w: _notice(c).notice(c.id(w, "notice")), ALL, "refuse"),
    Op("NoticeService.issued_content", lambda c, w: _notice(c).issued_content(c.id(w, "notice")), ALL, "refuse"),
    Op("NoticeService.of_enterprise", lambda c, w: _notice(c).of_enterprise(c.enterprise(w)), ALL, "refuse"),
    Op("NoticeService.awaiting_reply", lambda c, w: _notice(c).awaiting_reply(TODAY), ALL, "filter",
       shows=lambda c, r: {n.notice.enterprise_id for n in r}),
    Op("ReminderService.reminders", lambda c, w: ReminderService(c.session.at(TODAY)).reminders(), ALL,
       "none"),
    # documents
    Op("CertificateService.set_certificate",
       lambda c, w: CertificateService(c.session).set_certificate("inspector01a", "鲁国资执 3702099"), OFFICE, "none",
       writes=True),
    Op("FilingService.filed", lambda c, w: FilingService(c.session).filed("quarterly", "2026Q1", ""), ALL, "none"),
    Op("FilingService.figures", lambda c, w: FilingService(c.session).figures("quarterly", "2026Q1", "", {"n": 1}),
       ALL, "none"),
    # The office its tables, an enterprise its own art. 14 filing (ReportService picks the scope).
    Op("FilingService.file", lambda c, w: FilingService(c.session).file(
        "quarterly", "2026Q1", c.role, f"2026Q1·{c.role}", {"n": 1}, period_end=TODAY - timedelta(days=1)),
       "OE", "none", writes=True),
    Op("ReportService.notice", lambda c, w: _report(c).notice(c.id(w, "notice"), io.BytesIO()), ALL, "refuse"),
    Op("ReportService.scope", lambda c, w: _report(c).scope(c.code(w)), ALL, "filter", shows=_scope_shows),
    Op("ReportService.scope_choices", lambda c, w: _report(c).scope_choices(), ALL, "filter",
       districts=lambda c, r: {c.store.districts.by_code(code).id for code, _ in r if code}),
    Op("ReportService.quarterly", lambda c, w: _report(c).quarterly(
        f"{TODAY.year}Q{(TODAY.month - 1) // 3 + 1}", io.BytesIO(), c.code(w)), ALL, "filter",
       shows=lambda c, r: set()),  # its scope is ReportService.scope, checked above
    Op("ReportService.annual", lambda c, w: _report(c).annual(TODAY.year, io.BytesIO(), c.code(w)), ALL, "filter",
       shows=lambda c, r: set()),  # its scope is HazardStatisticsService.statistics, checked below
    Op("HazardStatisticsService.statistics", lambda c, w: HazardStatisticsService(c.session.at(TODAY)).statistics(
        year_period(str(TODAY.year)), c.code(w)), ALL, "filter",
       shows=lambda c, r: {t.key for t in r.by_enterprise} | {c.enterprise_of_hazard(row.hazard_id) for row in r.majors}),
    Op("ReportService.office_name", lambda c, w: _report(c).office_name(), ALL, "none"),
    # The opinion was issued with the verdict (HazardService.verify): printing it writes nothing.
    Op("ReportService.reinspection", lambda c, w: _report(c).reinspection(c.id(w, "h_closed"), io.BytesIO()),
       ALL, "refuse"),
    # An older verdict's first print where an office device signs issues it (kept with its seal); an
    # enterprise's is unsealed.
    Op("ReportService.reinspection[older verdict]",
       lambda c, w: _report(c).reinspection(c.id(w, "h_closed_before"), io.BytesIO()), ALL, "refuse",
       writes=INSPECTING),
    Op("ReportService.issue_reinspection", lambda c, w: _report(c).issue_reinspection(c.id(w, "h_closed_before")),
       ALL, "refuse", writes=INSPECTING),
    Op("ReportService.inspection_record", lambda c, w: _report(c).inspection_record(c.id(w, "submitted"), io.BytesIO()),
       ALL, "refuse"),
    Op("ReportService.hazard_record", lambda c, w: _report(c).hazard_record(c.id(w, "h_open"), io.BytesIO()), ALL,
       "refuse"),
    Op("ReportService.drill_record", lambda c, w: _report(c).drill_record(c.id(w, "drill_held"), io.BytesIO()), ALL,
       "refuse"),
    # training
    Op("TrainingService.may_record", lambda c, w: TrainingService(c.session).may_record(), ALL, "none",
       check=may(Action.RECORD_TRAINING)),
    Op("TrainingService.record", lambda c, w: TrainingService(c.session.at(TODAY)).record(
        TODAY, "消防培训", 2, 15, enterprise_ids=[c.enterprise(w)]), ALL, "refuse", writes=True),
    Op("TrainingService.in_period", lambda c, w: TrainingService(c.session).in_period(
        TODAY - timedelta(days=400), TODAY), ALL, "filter",
       shows=lambda c, r: {e for row in r for e in row.training.enterprise_ids}),
    # weekly summary
    Op("WeeklyService.summary", lambda c, w: WeeklyService(c.session.at(TODAY)).summary(
        iso_week(f"{TODAY.isocalendar()[0]}-W{TODAY.isocalendar()[1]}"), c.code(w)), ALL, "filter",
       shows=_weekly_shows),
    Op("WeeklyService.write_pdf", lambda c, w: WeeklyService(c.session.at(TODAY)).write_pdf(
        WeeklyService(c.session.at(TODAY)).summary(
            iso_week(f"{TODAY.isocalendar()[0]}-W{TODAY.isocalendar()[1]}")), io.BytesIO()), ALL, "none"),
    Op("WeeklyService.document", lambda c, w: WeeklyService(c.session.at(TODAY)).document(
        iso_week(f"{TODAY.isocalendar()[0]}-W{TODAY.isocalendar()[1]}"), io.BytesIO(), c.code(w)), ALL, "none"),
    # 报出 last week's: the office the city's, an enterprise its own; a leader or an inspector only prints.
    Op("WeeklyService.document[file]", lambda c, w: WeeklyService(c.session.at(TODAY)).document(
        iso_week(f"{(TODAY - timedelta(days=7)).isocalendar()[0]}-W{(TODAY - timedelta(days=7)).isocalendar()[1]:02d}"),
        io.BytesIO(), file=True), "OE", "none", writes=True),
]


def _base(name: str) -> str:
    return name.split("[", 1)[0]


def public_operations() -> set[str]:
    """Every public method of every *Service class, and every public function taking the session first."""
    found = set()
    for module_info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"safety_desk.services.{module_info.name}")
        for name, value in vars(module).items():
            if name.startswith("_") or getattr(value, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(value) and name.endswith("Service"):
                for method, member in vars(value).items():
                    if not method.startswith("_") and (inspect.isfunction(member)
                                                       or isinstance(member, (staticmethod, classmethod))):
                        found.add(f"{name}.{method}")
            elif inspect.isfunction(value):
                parameters = list(inspect.signature(value).parameters)
                if parameters and parameters[0] == "session":
                    found.add(f"{module_info.name}.{name}")
    return found


# Device-level operations: whoever is signed in on an installation exchanges its bundles. What a bundle may carry
# is decided by the sending device's enrolled role and scope and checked by the receiver (tests/sync: scope,
# field ownership, revoked senders, keep_other's ownership check), not by the person's role on this side.
DEVICE_LEVEL = {"SyncService.export", "SyncService.import_bundle", "SyncService.sync_folder", "SyncService.open",
                "SyncService.backup", "SyncService.folder", "SyncService.keep_other", "SyncService.dismiss",
                # The hub exchange is a sync-folder pass through the hub (services/hub_sync.py): tests/hub.
                "HubSyncService.exchange",
                # Taking the hub's previews, within an exchange or alone: tests/sync/test_device_preview*.py, tests/hub.
                "HubSyncService.refresh_previews", "HubPreviewService.take", "HubPreviewService.drop_arrived",
                "HubPreviewService.drop_unheld"}


def test_every_public_operation_has_a_row() -> None:
    listed = {_base(op.name) for op in OPERATIONS} | DEVICE_LEVEL
    missing = sorted(public_operations() - listed)
    assert not missing, f"service operations without a row in tests/services/test_roles.py: {missing}"
    stale = sorted(listed - public_operations())
    assert not stale, f"rows for operations that no longer exist: {stale}"
    assert len({op.name for op in OPERATIONS}) == len(OPERATIONS), "duplicate row names"


CASES = [(op, role) for op in OPERATIONS for role in ROLE_LETTERS.values()]


@pytest.fixture(scope="module")
def read_cases(template: Template, tmp_path_factory: pytest.TempPathFactory):
    """One copy per role shared by the rows that write nothing (a wrong write still fails its own row)."""
    opened: dict[str, Case] = {}

    def get(role: str) -> Case:
        if role not in opened:
            opened[role] = _open_case(template, role, tmp_path_factory.mktemp(f"read-{role}") / "case")
        return opened[role]

    yield get
    for case in opened.values():
        case.store.close()


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.name for op in OPERATIONS])
def test_operation_as_every_role(op: Op, template: Template, read_cases, tmp_path: Path) -> None:
    """The operation as office, leader, inspector and enterprise: refused (nothing changed) or allowed,
    within scope. Every role is tried before the test fails, and the failure names each role."""
    failures = []
    for role in ROLE_LETTERS.values():
        try:
            _check_role(op, role, template, read_cases, tmp_path / role)
        except Exception as exc:  # noqa: BLE001 — collect every role's failure, then report them together
            failures.append(f"{role}: {type(exc).__name__}: {exc}")
    assert not failures, f"{op.name}:\n" + "\n".join(failures)


def _check_role(op: Op, role: str, template: Template, read_cases, folder: Path) -> None:
    case = read_cases(role) if not op.writes else _open_case(template, role, folder)
    try:
        allowed = any(ROLE_LETTERS[letter] == role for letter in op.roles)
        before = snapshot(case)
        if not allowed:
            with pytest.raises(PermissionDenied):
                op.call(case, "own")
            assert snapshot(case) == before, f"{op.name} refused {role} but changed something"
            return
        if op.scope == "refuse" and role != "office":
            with pytest.raises(op.scope_error):
                op.call(case, "foreign")
            assert snapshot(case) == before, f"{op.name} refused {role} the foreign target but changed something"
        if op.scope == "filter" and role != "office":
            try:
                result = op.call(case, "foreign")
            except PermissionDenied:
                assert snapshot(case) == before
            else:
                _assert_within_scope(op, case, result)
        result = op.call(case, "own")
        if op.check is not None:
            assert op.check(case, result), f"{op.name} as {role} returned {result!r}"
        if op.scope == "filter":
            _assert_within_scope(op, case, result)
        if op.writes is True or op.writes and any(ROLE_LETTERS[letter] == role for letter in op.writes):
            assert snapshot(case) != before, f"{op.name} as {role} was allowed but wrote nothing"
        elif op.name != "SpreadsheetService.export_ledger":
            assert snapshot(case)[0] == before[0], f"{op.name} as {role} changed the database"
    finally:
        if op.writes:
            case.store.close()


def _assert_within_scope(op: Op, case: Case, result: Any) -> None:
    if op.shows is not None:
        leaked = op.shows(case, result) - case.visible
        assert not leaked, f"{op.name} showed {case.role} enterprises outside their scope: {leaked}"
    if op.districts is not None:
        leaked = op.districts(case, result) - case.visible_districts
        assert not leaked, f"{op.name} showed {case.role} districts outside their scope: {leaked}"


# -- checks the table's columns cannot express ---------------------------------------------------------------
def test_export_holds_only_the_scope(template: Template, tmp_path: Path) -> None:
    for role in ("leader", "inspector", "enterprise"):
        case = _open_case(template, role, tmp_path / role)
        try:
            service = _sheet(case)
            assert service.export_ledger(LedgerFilter(enterprise_id=case.enterprise("foreign")),
                                         case.file("ledger-export-foreign.xlsx")) == 0
            service.export_ledger(LedgerFilter(), case.file("ledger-export-all.xlsx"))
            shown = _export_shows(case, "all")
            assert shown and shown <= case.visible, role
            assert LedgerService(case.session).count(_flt(case, "foreign")) == 0
        finally:
            case.store.close()


def test_an_enterprise_cannot_close_its_own_hazards_by_import(template: Template, tmp_path: Path) -> None:
    case = _open_case(template, "enterprise", tmp_path / "case")
    try:
        headers = {c.key: c.header for c in LEDGER_COLUMNS}
        path = case.input("closed.xlsx")
        book = openpyxl.Workbook()
        book.active.append([headers["uscc"], headers["found_on"], headers["description"], headers["status"]])
        book.active.append([case.id("own", "uscc"), (TODAY - timedelta(days=3)).isoformat(), "已整改的隐患", "已销号"])
        book.save(path)
        before = snapshot(case)
        with pytest.raises(ImportRefused, match="销号"):
            _sheet(case).import_ledger(path)
        assert snapshot(case) == before
    finally:
        case.store.close()


def test_roles_table_covers_every_role_and_operation() -> None:
    """The count the report quotes: operations × roles checked."""
    assert len(CASES) == 4 * len(OPERATIONS) >= 4 * len(public_operations() - DEVICE_LEVEL)


def test_incident_rows_leave_out_incidents_outside_the_scope(template: Template, tmp_path: Path) -> None:
    case = _open_case(template, "inspector", tmp_path / "case")
    try:
        foreign = case.store.incidents.require(case.id("foreign", "incident"))
        own = case.store.incidents.require(case.id("own", "incident"))
        rows = incidents_module.incident_rows(case.session, [foreign, own])
        assert [row.incident.id for row in rows] == [own.id]
    finally:
        case.store.close()



# -- the table has teeth ---------------------------------------------------------------------------------------
def test_a_service_method_without_a_row_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(HazardService, "close_quietly", lambda self, hazard_id: None, raising=False)
    assert "HazardService.close_quietly" in public_operations() - {_base(op.name) for op in OPERATIONS}


@pytest.mark.parametrize("name, role", [("HazardService.detail", "inspector"), ("HazardService.verify", "leader"),
                                         ("InspectionService.answer[self]", "enterprise")])
def test_a_missing_scope_check_fails_its_row(name: str, role: str, template: Template, read_cases, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Session, "require_enterprise", lambda self, enterprise_id: None)
    op = next(op for op in OPERATIONS if op.name == name)
    with pytest.raises((AssertionError, pytest.fail.Exception)):
        _check_role(op, role, template, read_cases, tmp_path / role)


def test_a_missing_role_check_fails_its_row(template: Template, read_cases, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Session, "may", lambda self, action: True)
    # The hazard services also ask the ownership rule (domain/ownership.py): take it away as well.
    monkeypatch.setattr("safety_desk.services.hazards.event_problem", lambda role, hazard, kind: None)
    op = next(op for op in OPERATIONS if op.name == "HazardService.verify")
    with pytest.raises((AssertionError, pytest.fail.Exception)):
        _check_role(op, "enterprise", template, read_cases, tmp_path / "enterprise")
