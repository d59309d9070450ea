"""A realistic, reproducible demo data set, written through the repositories (real clocks and audit)."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Callable

from safety_desk.domain.checklist import (
    AnswerKind, Checklist, applicable_items, checklist_from_dict, judge_value,
)
from safety_desk.domain.china_time import BEIJING
from safety_desk.domain.clock import Clock, SystemClock
from safety_desk.domain.drills import (
    ON_SITE_INTERVAL_MONTHS, DrillContent, DrillForm, DrillPlanType, add_months, drill_schedule,
)
from safety_desk.domain.ids import SeededIds
from safety_desk.domain.industry import Industry, default_risk_class, is_drill_high_risk
from safety_desk.domain.bases import basis_problem
from safety_desk.domain.major_standards import grades_major
from safety_desk.domain.notice_numbers import DEFAULT_BLOCK_SIZE, DEFAULT_NOTICE_PATTERN, format_notice_number
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.photos import ingest_bytes
from safety_desk.services import demo_names as names
from safety_desk.services.demo_photos import demo_photo
from safety_desk.services.inspections import hazard_description
from safety_desk.services.passwords import hash_password
from safety_desk.services.setup import initialise
from safety_desk.store.connection import remove_database_files
from safety_desk.store.hazards import TREATMENT_PLAN_ELEMENTS
from safety_desk.store.records import (
    Answer, Campaign, District, DistrictMember, Drill, Enterprise, Hazard, HazardEvent, Incident,
    Inspection, Notice, Person, Training,
)
from safety_desk.store.store import Store

DEMO_PASSWORD = "demo"
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# Chance that an enterprise is inspected in a given week: ~0.19 gives the benchmark set's
# ~60,000 inspections for 2,000 enterprises over 156 weeks.
_WEEKLY_INSPECTION_CHANCE = 0.19
# Per-item failure chance (scaled by each enterprise's sloppiness): ~3.3 hazards per inspection;
# major-hazard situations are rarer, a few percent of all hazards.
_ITEM_FAIL_RATE = 0.15
_MAJOR_FAIL_FACTOR = 0.05
# Hazards found in the last PHOTO_DAYS days get drawn before/after photos, at most PHOTOS of them.
PHOTO_DAYS = 12
PHOTOS = 40
_KINDS = [("routine", 46), ("campaign", 16), ("special", 10), ("seasonal", 6), ("holiday", 5),
          ("unannounced", 12), ("self_inspection", 5)]


@dataclass(frozen=True)
class DemoSpec:
    enterprises: int = 60
    weeks: int = 26
    seed: int = 2026
    as_of: date | None = None  # the day the data ends; None: today by the clock build_demo is given
    larger_incident: bool = False


@dataclass
class DemoSummary:
    counts: Counter = field(default_factory=Counter)

    def describe(self) -> str:
        order = ["district", "person", "enterprise", "inspection", "answer", "hazard", "hazard_event",
                 "notice", "drill", "training", "incident", "campaign"]
        return ", ".join(f"{self.counts[k]:,} {k}" for k in order)


def _in_force_on(checklist: Checklist, day: date) -> bool:
    return checklist.effective <= day and (checklist.superseded_on is None or day < checklist.superseded_on)


def _moment(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute), BEIJING).isoformat(timespec="seconds")


class _Generator:
    def __init__(self, store: Store, spec: DemoSpec, progress: Callable[[int, int], None] | None) -> None:
        self.store = store
        self.spec = spec
        self.progress = progress or (lambda done, total: None)
        self.rng = random.Random(spec.seed)
        self.ids = SeededIds(spec.seed)
        self.summary = DemoSummary()
        self.start = spec.as_of - timedelta(weeks=spec.weeks, days=spec.as_of.weekday())
        # year -> [next sequence number, last of the current block]: the demo device's notice numbers.
        self.notice_numbers: dict[int, list[int]] = {}
        self.used_names: set[str] = set()
        self.photo_budget = PHOTOS
        # Whether a 重大 hazard has been drawn yet: the first chance to make one is taken if chance has not.
        self.major_made = False
        # Whether a hazard stands sent back (rejected, not yet reported done again) on the last day; see _hazard.
        self.returned_made = False

    # -- helpers -------------------------------------------------------------------------------
    def _id(self, day: date) -> str:
        stamp = datetime.combine(day, time(9), BEIJING).timestamp()
        return self.ids.at(int(stamp * 1000) + self.rng.randrange(8 * 3600 * 1000))

    def _person_name(self) -> str:
        given = "".join(self.rng.choice(names.GIVEN_CHARS) for _ in range(self.rng.choice((1, 2))))
        return self.rng.choice(names.SURNAMES) + given

    def _count(self, table: str, n: int) -> None:
        self.summary.counts[table] += n

    # -- organisation ------------------------------------------------------------------------
    def make_organisation(self) -> None:
        spec, rng = self.spec, self.rng
        district_count = min(len(names.DISTRICTS), max(3, round(spec.enterprises / 100)))
        self.districts: list[District] = []
        self.inspectors: dict[str, list[Person]] = {}
        self.leaders: dict[str, Person] = {}
        people, members = [], []
        password_hash = hash_password(DEMO_PASSWORD)
        for index, (name, code) in enumerate(names.DISTRICTS[:district_count], start=1):
            leader = Person(id=self._id(self.start), name=self._person_name(), login=f"leader{index:02d}",
                            role="leader", password_hash=password_hash)
            crew = [Person(id=self._id(self.start), name=self._person_name(), login=f"inspector{index:02d}{c}",
                           role="inspector", password_hash=password_hash,
                           certificate=f"鲁国资执 37020{index:02d}{n:03d}") for n, c in enumerate("ab", start=1)]
            district = District(id=self._id(self.start), code=code, name=name, leader_id=leader.id)
            people += [leader, *crew]
            members.append(DistrictMember(id=self._id(self.start), district_id=district.id,
                                          person_id=leader.id, role="leader"))
            members += [DistrictMember(id=self._id(self.start), district_id=district.id, person_id=p.id,
                                       role="inspector") for p in crew]
            self.districts.append(district)
            self.leaders[district.id] = leader
            self.inspectors[district.id] = crew
        with self.store.transaction():
            self.store.people.add_many(people, "demo people")
            self.store.districts.add_many(self.districts, "demo districts")
            self.store.members.add_many(members, "demo district members")
        self._count("person", len(people))
        self._count("district", len(self.districts))

        industries = list(names.INDUSTRY_WEIGHTS)
        weights = list(names.INDUSTRY_WEIGHTS.values())
        self.enterprises: list[Enterprise] = []
        self.sloppiness: dict[str, float] = {}
        for index in range(spec.enterprises):
            industry = Industry(rng.choices(industries, weights)[0])
            district = self.districts[index % district_count]
            body = "91" + rng.choice(("370202", "370203", "370211", "370212", "370213", "370214")) + "".join(
                rng.choice(_USCC_CHARS) for _ in range(9))
            self.enterprises.append(Enterprise(
                id=self._id(self.start), uscc=make_uscc(body), name=self._company_name(industry),
                district_id=district.id, industry=industry.value, risk_class=default_risk_class(industry),
                high_risk=is_drill_high_risk(industry),
                tracked_since=(self.start - timedelta(days=rng.randrange(30, 400))).isoformat(),
                address=f"{rng.choice(names.STREETS)}{rng.randrange(1, 999)}号",
                principal=self._person_name(), safety_officer=self._person_name(),
                contact_phone=f"1{rng.choice('3578')}{rng.randrange(10**8, 10**9)}"))
            self.sloppiness[self.enterprises[-1].id] = rng.uniform(0.4, 1.9)
        officers = [Person(id=self._id(self.start), name=e.safety_officer, login=f"ent{i + 1:04d}",
                           role="enterprise", enterprise_id=e.id, password_hash=password_hash)
                    for i, e in enumerate(self.enterprises[:10])]
        with self.store.transaction():
            self.store.enterprises.add_many(self.enterprises, "demo enterprises")
            self.store.people.add_many(officers, "demo enterprise safety officers")
        self._count("enterprise", len(self.enterprises))
        self._count("person", len(officers))

    def _company_name(self, industry: Industry) -> str:
        for attempt in range(1000):
            place = self.rng.choice(("", "", "青岛", "胶州", "黄岛", "城阳", "即墨", "崂山", "莱西", "平度"))
            brand = self.rng.choice(names.BRAND_WORDS)
            suffix = self.rng.choice(names.INDUSTRY_SUFFIXES[industry.value])
            form = self.rng.choice(("有限公司", "有限公司", "股份有限公司", "集团有限公司"))
            name = f"{place}{brand}{suffix}{form}" if attempt < 500 else f"{place}{brand}{suffix}{attempt}号{form}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        raise RuntimeError("could not make a unique enterprise name")

    def make_campaigns(self) -> None:
        end = self.spec.as_of
        latest = {record.code: record.id for record in self.store.checklists.latest()}
        districts = [d.id for d in self.districts]
        chemical = [e.id for e in self.enterprises if e.industry == Industry.HAZARDOUS_CHEMICALS.value][:2]
        catering = [e.id for e in self.enterprises if e.industry in ("酒店餐饮", "商贸")][:4]
        # Each campaign's targets as data (domain/campaigns.py): a filter, names, or both.
        rules = {
            "安全生产大排查大整治": ({"risk_classes": [1, 2]}, [], "重点企业全覆盖，重大事故隐患动态清零"),
            "有限空间作业专项整治": ({"industries": ["冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸"]},
                           ["gongmao-major-10"], "工贸企业有限空间作业全部排查"),
            "消防安全专项整治": ({"district_ids": districts[:2]}, ["fire-major-gb35181-2017"],
                         "两个片区人员密集场所和企业消防全覆盖"),
            "危险化学品安全专项整治": ({"industries": ["危险化学品", "仓储物流"], "enterprise_ids": chemical},
                            ["chemical-major-121"], "危化品生产储存企业全覆盖"),
            "建筑施工安全专项整治": ({"industries": ["建筑施工", "房地产"]}, [], "在建项目全覆盖"),
            "燃气安全专项整治": ({"enterprise_ids": catering or [self.enterprises[0].id]}, [],
                         "使用燃气的餐饮商贸企业逐家检查"),
        }

        def campaign(name: str, kind: str, begin: date, finish: date) -> Campaign:
            targets, codes, aim = rules.get(name, ({}, [], "专项检查覆盖相关企业"))
            return Campaign(id=self._id(begin), name=name, kind=kind, starts_on=begin.isoformat(),
                            ends_on=finish.isoformat(), target=aim, targets=targets,
                            checklist_ids=[latest[code] for code in codes if code in latest])

        campaigns = [campaign(names.CAMPAIGNS[0][0], "大排查", self.start, end)]
        years = f"{end.year}" if self.start.year == end.year else f"{self.start.year}—{end.year}"
        campaigns[0].name = f"{years}年{names.CAMPAIGNS[0][0]}"
        for name, kind in names.CAMPAIGNS[1:]:
            begin = self.start + timedelta(weeks=self.rng.randrange(max(1, self.spec.weeks)))
            campaigns.append(campaign(name, kind, begin, begin + timedelta(weeks=self.rng.randrange(6, 13))))
        self.campaigns = self.store.campaigns.add_many(campaigns, "demo campaigns")
        self._count("campaign", len(campaigns))

    def load_checklists(self) -> None:
        self.checklists: dict[str, tuple[str, Checklist]] = {}
        for record in self.store.checklists.latest():
            self.checklists[record.code] = (record.id, checklist_from_dict(record.body))
        self.general = next(code for code, (_, c) in self.checklists.items() if "*" in c.industries
                            and not c.standard_superseded and len(c.sections) >= 10)

    def _checklist_for(self, industry: str, kind: str, day: date) -> tuple[str, Checklist]:
        """Routine visits mostly take the general list; targeted ones the major-hazard lists of the trade in force
        on `day` (the app offers no list whose standard stopped; an inspector would not check by one not yet in force).

        The mix gives the benchmark set its ~33 answers per inspection (DESIGN.md §8).
        """
        # Only the lists the data set was tuned with: a list added to the library must not reshuffle every draw
        # after it (the demo's figures, and the tests and benchmarks standing on them).
        tuned = {code: entry for code, entry in self.checklists.items() if code in names.DEMO_CHECKLISTS
                 and _in_force_on(entry[1], day)}
        specific = [entry for code, entry in tuned.items()
                    if industry in entry[1].industries and code != self.general]
        everyone = [entry for code, entry in tuned.items()
                    if code != self.general and "*" in entry[1].industries]
        general_share = 0.35 if kind in ("routine", "self_inspection") else 0.12
        if self.rng.random() < general_share:
            return self.checklists[self.general]
        return self.rng.choice(specific + everyone) if specific or everyone else self.checklists[self.general]

    # -- inspections, answers, hazards -----------------------------------------------------------
    def make_weeks(self) -> None:
        total = self.spec.weeks + 1
        for week in range(total):
            week_start = self.start + timedelta(weeks=week)
            batch = _Batch()
            for enterprise in self.enterprises:
                if self.rng.random() < _WEEKLY_INSPECTION_CHANCE:
                    day = week_start + timedelta(days=self.rng.randrange(5))
                    if day <= self.spec.as_of:
                        self._inspection(enterprise, day, batch)
            for notice in sorted(batch.notices, key=lambda n: (n.issued_on, n.id)):
                notice.seq, notice.number = self._notice_number(date.fromisoformat(notice.issued_on))
            batch.write(self.store, f"demo week {week_start.isoformat()}")
            for table, n in batch.counts().items():
                self._count(table, n)
            self.progress(week + 1, total)

    def _inspection(self, enterprise: Enterprise, day: date, batch: "_Batch") -> None:
        rng = self.rng
        kind = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS])[0]
        checklist_id, checklist = self._checklist_for(enterprise.industry, kind, day)
        crew = self.inspectors[enterprise.district_id]
        leader = self.leaders[enterprise.district_id]
        lead = leader if rng.random() < 0.15 else crew[0]
        campaign = None
        if kind == "campaign":
            running = [c for c in self.campaigns if c.starts_on <= day.isoformat() <= c.ends_on]
            campaign = rng.choice(running) if running else None
            kind = "campaign" if campaign else "routine"
        started = _moment(day, rng.randrange(8, 16), rng.randrange(60))
        draft = (self.spec.as_of - day).days < 2 and rng.random() < 0.5
        gates = {s.code: rng.random() < 0.55 for s in checklist.sections if s.gate is not None}
        inspection = Inspection(
            id=self._id(day), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            checklist_id=checklist_id, kind=kind, started_at=started, status="draft" if draft else "submitted",
            campaign_id=campaign.id if campaign else None, lead_id=lead.id,
            inspector_ids=[lead.id] + [p.id for p in crew if p.id != lead.id][:1],
            finished_at=None if draft else _moment(day, 17), gate_answers=gates)
        batch.inspections.append(inspection)
        items = list(applicable_items(checklist, gates))
        if draft:
            items = items[:rng.randrange(len(items) + 1)]
        fail_rate = _ITEM_FAIL_RATE * self.sloppiness[enterprise.id]
        # Major situations are rare draws: until one has come up, the first a submitted inspection can grade 重大
        # fails, so every demo has a major hazard with its treatment plan (the ledger, the 六定 export).
        forced = None if self.major_made or draft else next(
            (item for item in items if item.kind == AnswerKind.PASS_FAIL and grades_major(item, enterprise.industry)),
            None)
        failed = []
        for minute, item in enumerate(items):
            answered = _moment(day, 9, 0).replace("09:00:00", f"{9 + minute // 60:02d}:{minute % 60:02d}:00")
            roll = rng.random()
            failing = item is forced or roll < 0.03 + fail_rate * (_MAJOR_FAIL_FACTOR if item.major_if_failed else 1.0)
            if roll < 0.03 and item is not forced:
                result, value = "na", None
            elif item.kind == AnswerKind.PASS_FAIL:
                result, value = ("fail" if failing else "pass"), None
            elif item.kind == AnswerKind.NUMBER:
                number = self._number(item, failing)
                result, value = judge_value(item, number).value, f"{number:g}"
            elif item.kind == AnswerKind.CHOICE:
                pool = item.fail_choices if failing and item.fail_choices else (
                    [c for c in item.choices if c not in item.fail_choices] or item.choices)
                value = rng.choice(pool)
                result = judge_value(item, value).value
            else:
                result, value = "value", "已现场核查，记录在案"
            batch.answers.append(Answer(id=self._id(day), inspection_id=inspection.id, item_code=item.code,
                                        result=result, answered_at=answered, value=value,
                                        note="现场检查发现问题" if result == "fail" else ""))
            if result == "fail":
                failed.append(item)
        if not failed or draft:
            return
        notice = None
        # A notice is issued only for hazards whose basis may stand on it (domain/bases.py), as issue() requires.
        fit = [item for item in failed if basis_problem(self._basis(item, enterprise.industry), day) is None]
        if kind != "self_inspection" and rng.random() < 0.7 and fit:
            # Numbered when the week is written, in the order of issue (make_weeks).
            notice = Notice(id=self._id(day), number="", year=day.year, seq=0,
                            enterprise_id=enterprise.id, district_id=enterprise.district_id,
                            issued_on=day.isoformat(), reply_due=(day + timedelta(days=15)).isoformat(),
                            issued_by=lead.id, reinspect_on=(day + timedelta(days=20)).isoformat())
            batch.notices.append(notice)
        deadlines = [self._hazard(enterprise, inspection, item, checklist.section_of(item.code).title, day, lead,
                                  notice if item in fit else None, batch)
                     for item in failed]
        if notice is not None:
            # Reply after the last item's deadline, re-inspection after the reply, as issue() requires (the demo
            # used to print notices whose reply fell before their deadlines).
            last = max(d for item, d in zip(failed, deadlines) if item in fit)
            index = next(i for i, n in enumerate(batch.notices) if n is notice)
            batch.notices[index] = dataclasses.replace(
                notice, reply_due=(last + timedelta(days=3)).isoformat(),
                reinspect_on=(last + timedelta(days=8)).isoformat())

    @staticmethod
    def _basis(item, industry: str) -> str:
        # The clause a 重大 grading stands on, as the runner writes it; a failure graded 一般 cites the item's basis.
        major = item.major_if_failed
        return f"{major.standard} {major.clause}" if grades_major(item, industry) else item.basis

    def _notice_number(self, day: date) -> tuple[int, str]:
        """The next number from a block allocated to the demo device, as the office would allocate it.

        So a notice issued after the demo continues the numbering from the device's blocks and never
        repeats a demo number.
        """
        current = self.notice_numbers.get(day.year)
        if current is None or current[0] > current[1]:
            stamp = int(datetime.combine(day, time(8), BEIJING).timestamp() * 1000)
            block = self.store.notice_blocks.allocate(
                self.store.db.device_id, day.year, DEFAULT_BLOCK_SIZE, allocated_on=day.isoformat(),
                allocated_by=self.store.db.author_id, block_id=self.ids.at(stamp))
            current = self.notice_numbers[day.year] = [block.first_seq, block.last_seq]
            self._count("notice_block", 1)
        seq = current[0]
        current[0] += 1
        return seq, format_notice_number(DEFAULT_NOTICE_PATTERN, day.year, seq)

    def _number(self, item, failing: bool) -> float:
        """A measured value: inside the item's range, or just outside it when the item is failing."""
        low = item.min_value if item.min_value is not None else 0.0
        high = item.max_value if item.max_value is not None else low + 100.0
        if failing and item.min_value is not None:
            return round(low - self.rng.uniform(0.1, 2.0), 1)
        if failing and item.max_value is not None:
            return round(high + self.rng.uniform(0.1, 2.0), 1)
        return round(self.rng.uniform(low, high), 1)

    def _hazard(self, enterprise, inspection, item, category, day, lead, notice, batch) -> date:
        """Draw the hazard an item's failure opens and its history; returns its first deadline."""
        rng, as_of = self.rng, self.spec.as_of
        # Graded as the app grades it: a standard judges only its own trades (10号令 工贸, 121号 危险化学品).
        major = grades_major(item, enterprise.industry)
        # The first major hazard is under supervision (挂牌督办), so the ledger and its export always show one.
        supervised = rng.choice((None, "市", "县")) if major else None
        if major and not self.major_made:
            supervised = supervised or "县"
        self.major_made = self.major_made or major
        hazard = Hazard(
            id=self._id(day), enterprise_id=enterprise.id, district_id=enterprise.district_id,
            source="self_inspection" if inspection.kind == "self_inspection" else "inspection",
            description=hazard_description(item), grade="重大" if major else "一般", found_on=day.isoformat(),
            inspection_id=inspection.id, item_code=item.code, campaign_id=inspection.campaign_id,
            location=rng.choice(names.LOCATIONS), category=category,
            accident_type=rng.choice(names.ACCIDENT_TYPES),
            basis=self._basis(item, enterprise.industry),
            found_by=lead.id, measures=rng.choice(names.MEASURES), responsible=enterprise.safety_officer,
            notice_id=notice.id if notice else None,
            treatment_plan={k: "已制定" for k in TREATMENT_PLAN_ELEMENTS} if major else None,
            supervision_level=supervised,
            referred_on=(day + timedelta(days=1)).isoformat() if major else None)
        # Every other recent hazard, so each district has some (the budget keeps the demo quick to build).
        photographed = self.photo_budget > 0 and (as_of - day).days <= PHOTO_DAYS and rng.random() < 0.5
        if photographed:
            self.photo_budget -= 1
            hazard.photos = [self._photo(hazard.location, after=False)]
        batch.hazards.append(hazard)
        span = rng.choice((45, 60, 90)) if major else rng.choice((7, 15, 15, 30))
        deadline = day + timedelta(days=span)
        timeline: list[tuple[str, date, date | None, str]] = [("created", day, deadline, "")]
        fate = rng.random()
        if fate < 0.08:
            # Left undone: these become the overdue hazards the office chases.
            if rng.random() < 0.5:
                timeline.append(("progress", day + timedelta(days=2), None, "已安排整改"))
        else:
            extended = fate < 0.14
            # An extension buys 15 more days, so the report may come that much later.
            reported = day + timedelta(days=rng.randrange(1, int(span * 1.15) + 2 + (15 if extended else 0)))
            halfway = day + timedelta(days=span // 2)
            if extended and halfway < reported:
                deadline = deadline + timedelta(days=15)
                timeline.append(("deadline_extended", halfway, deadline, "需采购设备，申请延期"))
            if rng.random() < 0.6 and day + timedelta(days=2) < reported:
                timeline.append(("progress", day + timedelta(days=2), None, "整改进行中"))
            timeline.append(("reported_rectified", reported, None, "已整改完毕，附整改后照片"))
            reviewed = reported + timedelta(days=rng.randrange(1, 8))
            rejected = rng.random() < 0.1
            # Until a hazard stands sent back on the last day, one reviewed in the last fortnight is sent back and
            # not yet done again (the opinion of a return, the ledger's and the 六定 export's 复查结论 show one).
            held_back = not rejected and not self.returned_made and 0 <= (as_of - reviewed).days <= 14
            if rejected or held_back:
                timeline.append(("rejected", reviewed, None, "整改不彻底，需继续整改"))
            if held_back:
                self.returned_made = True
            else:
                if rejected:
                    returned = reviewed
                    reported = reviewed + timedelta(days=rng.randrange(2, 10))
                    timeline.append(("reported_rectified", reported, None, "已再次整改"))
                    reviewed = reported + timedelta(days=rng.randrange(1, 6))
                    self.returned_made = self.returned_made or returned <= as_of < reported
                timeline.append(("verified", reviewed, None, "复查合格，同意销号"))
        # Events are recorded in the order they happened (their clocks follow this order).
        timeline.sort(key=lambda event: event[1])
        for kind, when, new_deadline, reason in timeline:
            if when > as_of:
                break
            photos = [self._photo(hazard.location, after=True)] if photographed and kind == "reported_rectified" else []
            batch.events.append(HazardEvent(
                id=self._id(when), hazard_id=hazard.id, kind=kind, at=_moment(when, 10),
                clock=self.store.db.clock.now(), by_id=lead.id,
                deadline=new_deadline.isoformat() if new_deadline else None, reason=reason, photos=photos))
        return day + timedelta(days=span)

    def _photo(self, label: str, after: bool) -> str:
        """Store a drawn stand-in photo (before or after rectification) and return its id."""
        data = demo_photo(self.rng.randrange(1 << 30), label, after)
        return ingest_bytes(self.store, data, "整改后.jpg" if after else "现场.jpg").id

    # -- drills, training, incidents -------------------------------------------------------------
    def make_drills_and_training(self) -> None:
        rng, as_of = self.rng, self.spec.as_of
        drills, trainings = [], []
        for enterprise in self.enterprises:
            # A few enterprises drill late: they are the overdue ones the office chases.
            lazy = rng.random() < 0.12
            for plan_types, months in (((DrillPlanType.COMPREHENSIVE, DrillPlanType.SPECIFIC), (5, 11)),
                                       ((DrillPlanType.ON_SITE,), (3, 6))):
                held = date.fromisoformat(enterprise.tracked_since)
                while True:
                    step = rng.randrange(*months) + (rng.randrange(3, 9) if lazy else 0)
                    held = add_months(held, step) + timedelta(days=rng.randrange(-10, 10))
                    if held > as_of:
                        break
                    drills.append(self._drill(enterprise, rng.choice(plan_types), held))
            if not lazy and rng.random() < 0.3:
                # Planned ahead, not yet held; now and then one whose day passed without a record.
                day = as_of + timedelta(days=rng.randrange(-5, 45))
                plan_type = rng.choice(list(DrillPlanType))
                planned = self._drill(enterprise, plan_type, day)
                planned.status, planned.planned_on = "planned", day.isoformat()
                planned.participants, planned.evaluation, planned.findings, planned.reported_on = 0, "", "", None
                planned.start_time, planned.duration_minutes = None, None
                drills.append(planned)
            if rng.random() < 0.6:
                held = self.start + timedelta(days=rng.randrange(max(1, (as_of - self.start).days)))
                trainings.append(Training(id=self._id(held), title=rng.choice(names.TRAININGS),
                                          held_on=held.isoformat(), enterprise_ids=[enterprise.id],
                                          district_id=enterprise.district_id, kind="企业培训",
                                          hours=rng.choice((2, 4, 8, 16)), attendees=rng.randrange(10, 200)))
        for week in range(self.spec.weeks + 1):
            held = self.start + timedelta(weeks=week, days=rng.randrange(5))
            if held <= as_of and rng.random() < 0.5:
                district = rng.choice(self.districts)
                members = [e.id for e in self.enterprises if e.district_id == district.id]
                # Half the district sessions are joint ones for a few of its enterprises.
                chosen = rng.sample(members, min(len(members), rng.randrange(2, 6))) if rng.random() < 0.5 else []
                trainings.append(Training(id=self._id(held), title=rng.choice(names.TRAININGS),
                                          held_on=held.isoformat(), district_id=district.id, enterprise_ids=chosen,
                                          kind="联合培训" if chosen else "片区培训",
                                          hours=rng.choice((2, 4)), attendees=rng.randrange(20, 150)))
        drills = self._ensure_activities(drills, trainings)
        held = self.start + timedelta(days=3)
        trainings.append(Training(id=self._id(held), title="安全生产月宣教活动", held_on=held.isoformat(),
                                  kind="全市培训", hours=4, attendees=rng.randrange(200, 400)))
        findings = self._drill_findings([d for d in drills if d.status == "held" and d.findings
                                         and date.fromisoformat(d.held_on) >= self.start])
        with self.store.transaction():
            self.store.drills.add_many(drills, "demo drills")
            self.store.trainings.add_many(trainings, "demo training sessions")
            if findings[0]:
                self.store.hazards.add_many_with_events(*findings, "demo drill findings")
        self._count("drill", len(drills))
        self._count("training", len(trainings))
        self._count("hazard", len(findings[0]))
        self._count("hazard_event", len(findings[1]))

    def _ensure_activities(self, drills: list[Drill], trainings: list[Training]) -> list[Drill]:
        """What the activities pages show, made sure of rather than left to chance: in every district an enterprise
        overdue for a drill, a drill planned ahead, a recent drill with findings and a joint training session.

        Chance can leave any of them out once an earlier draw changes (a list dated out of an inspection, a list
        added); each is put right without a draw where it can be, so the rest of the data set stays as drawn.
        """
        as_of = self.spec.as_of
        # Overdue: a district with none has its first long-tracked enterprise miss its last on-site drills.
        cutoff = add_months(as_of, -ON_SITE_INTERVAL_MONTHS) - timedelta(days=10)
        for district in self.districts:
            members = [e for e in self.enterprises if e.district_id == district.id]
            if any(self._drill_overdue(e, drills) for e in members):
                continue
            late = next((e for e in members if date.fromisoformat(e.tracked_since) < cutoff), None)
            if late is not None:
                drills = [d for d in drills if not (d.enterprise_id == late.id and d.status == "held"
                                                    and d.plan_type == DrillPlanType.ON_SITE.value
                                                    and d.held_on > cutoff.isoformat())]
        if not any(d.status == "planned" and d.held_on > as_of.isoformat() for d in drills):
            enterprise = self.enterprises[0]
            planned = self._drill(enterprise, DrillPlanType.COMPREHENSIVE, as_of + timedelta(days=14))
            planned.status, planned.planned_on = "planned", planned.held_on
            planned.participants, planned.evaluation, planned.findings, planned.reported_on = 0, "", "", None
            planned.start_time, planned.duration_minutes = None, None
            drills.append(planned)
        recent = [d for d in drills if d.status == "held" and date.fromisoformat(d.held_on) >= self.start]
        if recent and not any(d.findings for d in recent):
            max(recent, key=lambda d: (d.held_on, d.id)).findings = "应急物资个别过期，已要求补充"
        if not any(t.kind == "联合培训" for t in trainings):
            for session in (t for t in trainings if t.kind == "片区培训"):
                members = [e.id for e in self.enterprises if e.district_id == session.district_id]
                if len(members) >= 2:
                    session.enterprise_ids, session.kind = members[:3], "联合培训"
                    break
        return drills

    def _drill_overdue(self, enterprise: Enterprise, drills: list[Drill]) -> bool:
        held = [(date.fromisoformat(d.held_on), d.plan_type) for d in drills
                if d.enterprise_id == enterprise.id and d.status == "held"]
        schedule = drill_schedule(held, enterprise.high_risk, date.fromisoformat(enterprise.tracked_since),
                                  self.spec.as_of)
        return schedule.comprehensive_or_specific.overdue or schedule.on_site.overdue

    def _drill(self, enterprise: Enterprise, plan_type: DrillPlanType, held: date) -> Drill:
        rng = self.rng
        drill_id = self._id(held)
        return Drill(
            id=drill_id, enterprise_id=enterprise.id, district_id=enterprise.district_id,
            name=rng.choice(names.DRILL_SCENARIOS[plan_type.value]), plan_type=plan_type.value,
            content=(DrillContent.COMPREHENSIVE if plan_type == DrillPlanType.COMPREHENSIVE
                     else DrillContent.SINGLE).value,
            form=rng.choice((DrillForm.LIVE, DrillForm.LIVE, DrillForm.TABLETOP)).value,
            held_on=held.isoformat(), scenario="模拟突发事件，检验预警、疏散、处置和救援能力",
            place=rng.choice(names.LOCATIONS), organiser=enterprise.safety_officer,
            participants=rng.randrange(8, 120), evaluation="演练达到预期目标，已形成评估报告",
            findings="应急物资个别过期，已要求补充" if rng.random() < 0.2 else "",
            reported_on=held.isoformat() if enterprise.high_risk else None,
            objectives="检验预案的可操作性和人员应急处置能力", units="企业应急救援队、义务消防队",
            evaluators="安全管理部", **self._drill_time(drill_id))

    @staticmethod
    def _drill_time(drill_id: str) -> dict:
        """A working-hours start and a plausible length, drawn apart from self.rng (seeded by the drill's id) so
        adding them changed none of the demo's other draws."""
        own = random.Random(drill_id)
        hour, half = own.randrange(8, 16), own.choice((0, 30))
        return {"start_time": f"{hour:02d}:{half:02d}", "duration_minutes": own.choice((45, 60, 90, 120, 150, 180))}

    def _drill_findings(self, drills: list[Drill]) -> tuple[list[Hazard], list[HazardEvent]]:
        """Hazards registered from what recent drills exposed (source 演练), some already closed."""
        hazards, events = [], []
        registered: set[tuple[str, str, str]] = set()
        for drill in drills:
            # Two drills of one enterprise on one day finding the same thing are one hazard (the ledger's import
            # knows a hazard by its enterprise, description and day).
            if (drill.enterprise_id, drill.findings, drill.held_on) in registered:
                continue
            registered.add((drill.enterprise_id, drill.findings, drill.held_on))
            day = date.fromisoformat(drill.held_on)
            found_by = self.inspectors[drill.district_id][0]
            hazard = Hazard(id=self._id(day), enterprise_id=drill.enterprise_id, district_id=drill.district_id,
                            source="drill", description=drill.findings, grade="一般", found_on=drill.held_on,
                            drill_id=drill.id, location=drill.place, basis=f"应急演练：{drill.name}",
                            found_by=found_by.id, measures="补充更换过期应急物资，建立物资台账")
            hazards.append(hazard)
            deadline = day + timedelta(days=15)
            timeline = [("created", day, deadline, "")]
            if day + timedelta(days=10) <= self.spec.as_of and self.rng.random() < 0.7:
                timeline += [("reported_rectified", day + timedelta(days=6), None, "已补充应急物资"),
                             ("verified", day + timedelta(days=10), None, "复查合格，同意销号")]
            for kind, when, new_deadline, reason in timeline:
                events.append(HazardEvent(
                    id=self._id(when), hazard_id=hazard.id, kind=kind, at=_moment(when, 10),
                    clock=self.store.db.clock.now(), by_id=found_by.id,
                    deadline=new_deadline.isoformat() if new_deadline else None, reason=reason))
        return hazards, events

    def make_incidents(self) -> None:
        rng = self.rng
        incidents = []
        for _ in range(rng.choice((1, 2))):
            enterprise = rng.choice(self.enterprises)
            when = self.start + timedelta(days=rng.randrange(max(1, (self.spec.as_of - self.start).days)))
            incidents.append(Incident(
                id=self._id(when), enterprise_id=enterprise.id, district_id=enterprise.district_id,
                occurred_at=_moment(when, rng.randrange(8, 18)), title=f"{enterprise.name}一般生产安全事故",
                description="作业人员违章操作导致受伤，已送医救治", accident_type=rng.choice(names.ACCIDENT_TYPES),
                deaths=0, serious_injuries=rng.randrange(0, 3), direct_loss_yuan=float(rng.randrange(5, 80) * 10000),
                liable=rng.random() < 0.5))
        if self.spec.larger_incident:
            enterprise = rng.choice(self.enterprises)
            when = self.spec.as_of - timedelta(days=3)
            incidents.append(Incident(
                id=self._id(when), enterprise_id=enterprise.id, district_id=enterprise.district_id,
                occurred_at=_moment(when, 14), title=f"{enterprise.name}较大生产安全事故",
                description="有限空间作业中毒窒息，3人死亡", accident_type="中毒和窒息", deaths=3,
                serious_injuries=1, direct_loss_yuan=4_200_000.0, liable=True))
        self.store.incidents.add_many(incidents, "demo incidents")
        self._count("incident", len(incidents))

    def run(self) -> DemoSummary:
        self.make_organisation()
        self.make_campaigns()
        self.load_checklists()
        self.make_weeks()
        self.make_drills_and_training()
        self.make_incidents()
        return self.summary


@dataclass
class _Batch:
    """One week's generated records, written in one transaction, parents before children."""

    inspections: list = field(default_factory=list)
    answers: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    hazards: list = field(default_factory=list)
    events: list = field(default_factory=list)

    def write(self, store: Store, label: str) -> None:
        with store.transaction():
            store.inspections.add_many(self.inspections, label)
            store.answers.add_many(self.answers, label)
            store.notices.add_many(self.notices, label)
            if self.hazards:
                store.hazards.add_many_with_events(self.hazards, self.events, label)

    def counts(self) -> dict[str, int]:
        return {"inspection": len(self.inspections), "answer": len(self.answers), "notice": len(self.notices),
                "hazard": len(self.hazards), "hazard_event": len(self.events)}


def build_demo(path: Path, spec: DemoSpec, progress: Callable[[int, int], None] | None = None, *,
               clock: Clock | None = None) -> DemoSummary:
    """Create the database at `path` (which must not exist yet) filled with the demo data set."""
    clock = clock or SystemClock()
    if spec.as_of is None:
        spec = dataclasses.replace(spec, as_of=clock.today())
    result = initialise(path, office_name="青岛市国资委安全生产监督办公室（演示）", admin_login="admin",
                        admin_name="系统管理员", admin_password=DEMO_PASSWORD, device_name="演示设备", clock=clock)
    store = Store.open(path, clock=clock)
    try:
        store.db.author_id = result.admin_id
        summary = _Generator(store, spec, progress).run()
    except BaseException:
        store.close()
        remove_database_files(path)
        raise
    store.close()
    return summary
