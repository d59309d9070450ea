"""A signed inspection record reprints as it was signed: after its enterprise moved and a deadline was extended."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from safety_desk.services.auth import SignIn
from safety_desk.services.enterprises import EnterpriseService
from safety_desk.services.reports import ReportService
from safety_desk.store.store import Store


def test_a_signed_record_reprints_identically_after_a_move_and_an_extension(demo_store: Store, tmp_path: Path,
                                                                              pdf_text) -> None:
    office = SignIn(demo_store).sign_in("admin", "demo")
    inspection = next(i for i in demo_store.inspections._select("status = 'submitted'", (), order="started_at DESC")
                      if any(h.grade == "一般" for h in demo_store.hazards.of_inspection(i.id)))
    district = demo_store.districts.get(inspection.district_id).name
    first = tmp_path / "first.pdf"
    ReportService(office).inspection_record(inspection.id, first)
    assert district in pdf_text(first)
    other = next(d for d in demo_store.districts.active() if d.id != inspection.district_id)
    EnterpriseService(office).move(inspection.enterprise_id, other.id)
    for hazard in demo_store.hazards.of_inspection(inspection.id):
        demo_store.hazards.append_event(hazard.id, "deadline_extended", deadline=date(2027, 6, 30))
    again = tmp_path / "again.pdf"
    ReportService(office).inspection_record(inspection.id, again)
    assert "2027-06-30" not in pdf_text(again)
    assert pdf_text(again) == pdf_text(first)
