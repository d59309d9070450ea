"""Repositories for drills, training sessions, incidents and campaigns."""

from __future__ import annotations

from datetime import date

from safety_desk.domain.drills import DrillContent, DrillForm, DrillPlanType
from safety_desk.domain.grading import AccidentGrade, grade_accident
from safety_desk.store.records import Campaign, Drill, Incident, Training
from safety_desk.store.repository import Repository


class DrillRepository(Repository[Drill]):
    table = "drill"
    record_type = Drill

    def validate(self, record: Drill) -> Drill:
        for name, enum in (("plan_type", DrillPlanType), ("content", DrillContent), ("form", DrillForm)):
            value = getattr(record, name)
            if value not in {member.value for member in enum}:
                choices = "、".join(member.value for member in enum)
                raise ValueError(f"drill {name}: {value!r} 应为 {choices} (must be one of these)")
        date.fromisoformat(record.held_on)
        if record.participants < 0:
            raise ValueError("drill participants: 参演人数不能为负 (must not be negative)")
        return record

    def of_enterprise(self, enterprise_id: str) -> list[Drill]:
        return self._select("enterprise_id = ? AND deleted = 0", (enterprise_id,), order="held_on")


class TrainingRepository(Repository[Training]):
    table = "training"
    record_type = Training

    def validate(self, record: Training) -> Training:
        date.fromisoformat(record.held_on)
        if record.hours < 0 or record.attendees < 0:
            raise ValueError("training: 学时和人数不能为负 (hours and attendees must not be negative)")
        return record


class IncidentRepository(Repository[Incident]):
    table = "incident"
    record_type = Incident

    def validate(self, record: Incident) -> Incident:
        grade_accident(record.deaths, record.serious_injuries, record.direct_loss_yuan)  # raises on bad input
        return record

    @staticmethod
    def grade(record: Incident) -> AccidentGrade:
        """Derived from deaths, serious injuries and loss (国务院令第493号 art. 3); never stored."""
        return grade_accident(record.deaths, record.serious_injuries, record.direct_loss_yuan)

    def between(self, start: str, end: str) -> list[Incident]:
        return self._select("deleted = 0 AND occurred_at >= ? AND occurred_at < ?", (start, end),
                            order="occurred_at")


class CampaignRepository(Repository[Campaign]):
    table = "campaign"
    record_type = Campaign

    def validate(self, record: Campaign) -> Campaign:
        if date.fromisoformat(record.ends_on) < date.fromisoformat(record.starts_on):
            raise ValueError("campaign ends_on: 结束日期早于开始日期 (ends before it starts)")
        return record

    def active(self) -> list[Campaign]:
        """Every campaign not deleted, newest first (a handful a year)."""
        return self._select("deleted = 0", order="starts_on DESC")
