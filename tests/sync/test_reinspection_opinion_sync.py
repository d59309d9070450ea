"""A 整改复查意见书 is issued once, with the verdict: the laptop, the office and the enterprise print the same one."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

from safety_desk.reports.sealed_pdf import read_sealed_pdf
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.hazards import HazardService
from safety_desk.services.reports import ReportService
from safety_desk.services.session import Session

from sync_helpers import Replica, add_photo, as_person, exchange, hazard_of

# What belongs to a copy, not to the document: the marks of a print on a later day (补打), the printing time.
_COPY_MARKS = re.compile(r"补打（\d{4}-\d{2}-\d{2}）：本件按原发文件内容重新打印，内容与原件一致。"
                         r"|补打·\d{4}-\d{2}-\d{2}|生成于\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}")


def _print(session: Session, hazard_id: str, path: Path) -> tuple:
    ReportService(session).reinspection(hazard_id, path)
    with path.open("rb") as pdf:
        document = read_sealed_pdf(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return document, text


def _document_text(text: str) -> str:
    """The page text without blanks and without what belongs to the copy."""
    return _COPY_MARKS.sub("", "".join(text.split()))


def _session(replica: Replica, login: str) -> Session:
    person = replica.store.people.by_login(login)
    replica.store.db.author_id = person.id
    return Session(replica.store, person, tuple(replica.session.district_ids()))


def test_the_opinion_printed_on_the_laptop_is_the_one_the_office_and_the_enterprise_reprint(world,
                                                                                          tmp_path) -> None:
    office, inspector, enterprise = world
    hazard = hazard_of(inspector.store, "隐患1")
    laptop = _session(inspector, "insp")
    with inspector.store.transaction():
        photo = add_photo(inspector.store, "整改后")
    HazardService(laptop).report_rectified(hazard.id, "护栏已更换", [photo])
    HazardService(laptop).verify(hazard.id, "整改到位，同意销号")
    on_laptop, laptop_text = _print(laptop, hazard.id, tmp_path / "laptop.pdf")
    assert on_laptop.seal_text and "|R|" in on_laptop.seal_text
    # The day the verdict was recorded (the store's clock stamps the event): the opinion's issue date.
    verdict_day = date.fromisoformat(json.loads(on_laptop.content_json)["reinspected_on"])

    exchange(inspector, office, tmp_path)
    # At the office, days later, after the enterprise's name and the hazard were edited.
    admin = as_person(office, "admin")
    with office.store.transaction():
        office.store.enterprises.update(hazard.enterprise_id, name="企业1（已更名）")
        office.store.hazards.update(hazard.id, description="已改写的隐患描述")
    at_office, office_text = _print(admin.at(verdict_day + timedelta(days=5)), hazard.id, tmp_path / "office.pdf")
    assert at_office.seal_text == on_laptop.seal_text
    assert at_office.content_json == on_laptop.content_json
    assert "已更名" not in office_text and "已改写" not in office_text
    assert _document_text(office_text) == _document_text(laptop_text)
    assert f"补打（{(verdict_day + timedelta(days=5)).isoformat()}）" in "".join(office_text.split())
    verdict = DocumentSeals(admin).check_pdf(tmp_path / "office.pdf")
    assert verdict.valid, verdict.message

    # The enterprise's own copy, come through the office, is the same sealed document.
    exchange(office, enterprise, tmp_path)
    own = _session(enterprise, "e1").at(verdict_day + timedelta(days=6))
    at_enterprise, enterprise_text = _print(own, hazard.id, tmp_path / "enterprise.pdf")
    assert at_enterprise.seal_text == on_laptop.seal_text
    assert _document_text(enterprise_text) == _document_text(laptop_text)
    assert DocumentSeals(own).check_pdf(tmp_path / "enterprise.pdf").valid


def test_a_returned_hazard_s_opinion_keeps_the_deadline_it_gave_wherever_it_is_printed(world, tmp_path) -> None:
    office, inspector, _ = world
    hazard = hazard_of(inspector.store, "隐患1")
    laptop = _session(inspector, "insp")
    with inspector.store.transaction():
        photo = add_photo(inspector.store, "整改后")
    HazardService(laptop).report_rectified(hazard.id, "护栏已更换", [photo])
    given = laptop.clock.today() + timedelta(days=10)
    HazardService(laptop).reject(hazard.id, "护栏高度不足1.2米", given)
    issued = next(e for e in inspector.store.hazards.events(hazard.id) if e.kind == "rejected")
    assert json.loads(issued.opinion)["next_deadline"] == given.isoformat()

    exchange(inspector, office, tmp_path)
    admin = as_person(office, "admin")
    later = given + timedelta(days=30)
    HazardService(admin).extend_deadline([hazard.id], later, "企业申请延期")
    at_office, office_text = _print(admin.at(given), hazard.id, tmp_path / "office.pdf")
    assert at_office.seal_text == issued.opinion_seal
    text = "".join(office_text.split())
    assert f"整改期限至{given.isoformat()}" in text and later.isoformat() not in text
