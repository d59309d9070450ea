"""An issued notice travels with its frozen content and seal; no peer can change them afterwards."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta

from safety_desk.domain.document_seal import parse_seal
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.notices import NoticeService
from safety_desk.services.session import Session
from safety_desk.settings import Settings

from sync_helpers import as_person, exchange, hazard_of

TODAY = date(2026, 11, 5)


def test_a_notice_issued_on_a_laptop_verifies_at_the_office_and_its_content_cannot_be_rewritten(world,
                                                                                                tmp_path) -> None:
    office, inspector, enterprise = world
    # The laptop issues as of a day in 2026 (its hazard's dates), so it needs that year's block whatever year the
    # clock shows (the suite also runs a year ahead).
    NoticeService(as_person(office, "admin"), Settings()).allocate_block(inspector.device_id, TODAY.year)
    exchange(office, inspector, tmp_path)  # the laptop's blocks of notice numbers
    hazard = hazard_of(inspector.store, "隐患1")
    person = inspector.store.people.by_login("insp")
    inspector.store.db.author_id = person.id
    session = Session(inspector.store, person, tuple(inspector.session.district_ids())).at(TODAY)
    with inspector.store.transaction():
        inspector.store.hazards.update(hazard.id, measures="更换破损护栏")
    notice = NoticeService(session, Settings()).issue([hazard.id], reply_due=date(2026, 11, 20))
    exchange(inspector, office, tmp_path)

    arrived = office.store.notices.get(notice.id)
    assert (arrived.content, arrived.seal) == (notice.content, notice.seal)
    verdict = DocumentSeals(office.session).check_text(arrived.seal)
    assert verdict.valid and "与本机保存的原件一致" in verdict.message

    # The enterprise's PC knows the office's key only; its own copy, come through the office, vouches for the seal.
    exchange(office, enterprise, tmp_path)
    assert enterprise.store.devices.get(inspector.device_id) is None
    verdict = DocumentSeals(enterprise.session).check_text(notice.seal)
    assert verdict.valid and "经安全办同步的原件一致" in verdict.message
    other = parse_seal(notice.seal)
    forged = dataclasses.replace(other, digest=other.digest[::-1]).text()  # same number and signer, other content
    assert not DocumentSeals(enterprise.session).check_text(forged).valid

    # A peer that rewrites the issued notice (its deadline, say) is refused at the office; nothing changes there.
    forged = json.loads(notice.content)
    forged["items"][0]["deadline"] = (TODAY + timedelta(days=60)).isoformat()
    with inspector.store.transaction():
        inspector.store.db.update("notice", notice.id, {"content": json.dumps(forged, ensure_ascii=False)})
    result = exchange(inspector, office, tmp_path)
    assert any(line.startswith("notice.") for line in result.refused)
    assert office.store.notices.get(notice.id).content == notice.content
    assert DocumentSeals(office.session).check_text(notice.seal).valid
