"""Campaigns (大排查 / 专项整治): created by the office; progress = share of targets inspected in the period.

An inspection counts for a campaign when it is submitted, started within the campaign's period (up to
the day asked about), of a target enterprise, and either linked to the campaign or an office-side
inspection (not a self-inspection) that used one of the campaign's checklists (any checklist when the
campaign names none). Requiring the link would undercount: inspectors often run their usual checklist
during a campaign without picking it, and coverage of the targets is what the campaign asks for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from safety_desk.domain.campaigns import CampaignTargets, parse_campaign_kind
from safety_desk.domain.language import say
from safety_desk.services.activity_scope import ActivityProblem, as_day, scope_of
from safety_desk.services.session import Action, PermissionDenied, Session
from safety_desk.store.records import Campaign, Enterprise


@dataclass(frozen=True)
class CampaignProgress:
    campaign: Campaign
    as_of: date
    targets: int  # target enterprises the session sees
    inspected: int  # of them, inspected in the period up to as_of
    hazards_by_grade: dict[str, int] = field(default_factory=dict)  # found in the campaign
    closed_by_grade: dict[str, int] = field(default_factory=dict)  # of them, closed (已销号) by as_of
    uninspected_ids: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        """Inspected targets / targets (0 when there are none)."""
        return self.inspected / self.targets if self.targets else 0.0

    @property
    def hazards(self) -> int:
        return sum(self.hazards_by_grade.values())

    @property
    def closed(self) -> int:
        return sum(self.closed_by_grade.values())

    @property
    def days_left(self) -> int:
        return max(0, (date.fromisoformat(self.campaign.ends_on) - self.as_of).days)


def _progress(session: Session, campaign: Campaign, as_of: date) -> CampaignProgress:
    districts, own = scope_of(session)
    store = session.store
    targets = store.campaigns.target_ids(campaign, districts, own)
    inspected = store.campaigns.inspected_targets(campaign, as_of, districts, own)
    counts = store.campaigns.hazard_counts(campaign.id, as_of, districts, own)
    return CampaignProgress(
        campaign=campaign, as_of=as_of, targets=len(targets), inspected=len(inspected),
        hazards_by_grade={grade: found for grade, (found, _) in counts.items()},
        closed_by_grade={grade: closed for grade, (_, closed) in counts.items()},
        uninspected_ids=tuple(t for t in targets if t not in inspected))


def campaign_progress(session: Session, as_of: date) -> list[CampaignProgress]:
    """Progress of every campaign running on `as_of`, as the session sees it (its districts' targets)."""
    return [_progress(session, campaign, as_of) for campaign in session.store.campaigns.running_on(as_of)]


class CampaignService:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    def may_manage(self) -> bool:
        return self.session.may(Action.MANAGE_CAMPAIGNS)

    def _require(self) -> None:
        if not self.may_manage():
            raise PermissionDenied(say("只有安全办可以管理大排查和专项整治", "only the office manages campaigns"))

    def _checked(self, name: str, kind: str, starts_on, ends_on, checklist_ids: list[str],
                 targets: CampaignTargets | dict) -> dict:
        name = (name or "").strip()
        if not name:
            raise ActivityProblem(say("活动名称不能为空", "the campaign needs a name"))
        try:
            kind = parse_campaign_kind(kind).value
            rule = targets if isinstance(targets, CampaignTargets) else CampaignTargets.from_dict(targets)
        except ValueError as exc:
            raise ActivityProblem(str(exc)) from None
        start, end = as_day(starts_on, "开始", "the first day"), as_day(ends_on, "结束", "the last day")
        if end < start:
            raise ActivityProblem(say(f"结束日期 {end} 早于开始日期 {start}", f"the campaign ends ({end}) before it starts ({start})"))
        for checklist_id in checklist_ids:
            if self.store.checklists.get(checklist_id) is None:
                raise ActivityProblem(say(f"检查表不存在", f"checklist {checklist_id} does not exist"))
        for district_id in rule.district_ids:
            if self.store.districts.get(district_id) is None:
                raise ActivityProblem(say(f"片区不存在", f"district {district_id} in the targets does not exist"))
        for enterprise_id in rule.enterprise_ids:
            if self.store.enterprises.get(enterprise_id) is None:
                raise ActivityProblem(say(f"企业不存在", f"enterprise {enterprise_id} in the targets does not exist"))
        return dict(name=name, kind=kind, starts_on=start.isoformat(), ends_on=end.isoformat(),
                    checklist_ids=list(dict.fromkeys(checklist_ids)), targets=rule.to_dict())

    def create(self, name: str, kind: str, starts_on, ends_on, *, checklist_ids: list[str] | None = None,
               targets: CampaignTargets | dict | None = None, aim: str = "") -> Campaign:
        self._require()
        values = self._checked(name, kind, starts_on, ends_on, checklist_ids or [], targets or CampaignTargets())
        return self.store.campaigns.add(Campaign(id=self.store.db.new_id(), target=aim.strip(), **values))

    def edit(self, campaign_id: str, name: str, kind: str, starts_on, ends_on, *,
             checklist_ids: list[str] | None = None, targets: CampaignTargets | dict | None = None,
             aim: str = "") -> Campaign:
        self._require()
        current = self.store.campaigns.get(campaign_id)
        if current is None or current.deleted:
            raise ActivityProblem(say(f"活动不存在", f"campaign {campaign_id} does not exist"))
        values = self._checked(name, kind, starts_on, ends_on, checklist_ids or [], targets or CampaignTargets())
        return self.store.campaigns.update(campaign_id, target=aim.strip(), **values)

    def campaigns(self) -> list[Campaign]:
        """Every campaign, newest first (everyone sees them: they say what to check)."""
        return self.store.campaigns.active()

    def get(self, campaign_id: str) -> Campaign:
        campaign = self.store.campaigns.get(campaign_id)
        if campaign is None or campaign.deleted:
            raise ActivityProblem(say(f"活动不存在", f"campaign {campaign_id} does not exist"))
        return campaign

    def progress(self, campaign_id: str, as_of: date) -> CampaignProgress:
        return _progress(self.session, self.get(campaign_id), as_of)

    def all_progress(self, as_of: date) -> list[CampaignProgress]:
        """Progress of every campaign (running, past and coming), newest first."""
        return [_progress(self.session, campaign, as_of) for campaign in self.campaigns()]

    def targets_of(self, campaign_id: str) -> list[Enterprise]:
        districts, own = scope_of(self.session)
        ids = self.store.campaigns.target_ids(self.get(campaign_id), districts, own)
        return [e for e in (self.store.enterprises.get(i) for i in ids) if e is not None]
