"""An issued 整改复查意见书 is kept as issued: a reprint after the hazard was edited says what the first print said."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from safety_desk.reports.sealed_pdf import read_sealed_pdf
from safety_desk.services.auth import SignIn
from safety_desk.services.document_seals import DocumentSeals
from safety_desk.services.hazards import HazardService
from safety_desk.services.reports import ReportService
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF as AS_OF


@pytest.fixture
def demo_path(tmp_path: Path, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path)


def _last_verdict_kind(store: Store, hazard_id: str) -> str:
    return max((e for e in store.hazards.events(hazard_id) if e.kind in ("verified", "rejected")),
               key=lambda e: e.clock).kind


def _print(store: Store, hazard_id: str, day=AS_OF):
    out = io.BytesIO()
    ReportService(SignIn(store).sign_in("admin", "demo").at(day)).reinspection(hazard_id, out)
    out.seek(0)
    return read_sealed_pdf(out)


def test_a_reprint_after_the_hazard_was_edited_is_the_opinion_as_issued(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        hazard_id = next(h for (h,) in store.db.conn.execute(
            "SELECT DISTINCT hazard_id FROM hazard_event WHERE kind = 'verified' ORDER BY hazard_id")
            if _last_verdict_kind(store, h) == "verified")
        first = _print(store, hazard_id)
        hazard = store.hazards.get(hazard_id)
        store.hazards.update(hazard_id, description="已改写的隐患描述：配电箱门锁损坏", measures="更换门锁（改写）",
                             responsible="改写后的责任人")
        again = _print(store, hazard_id, AS_OF + timedelta(days=3))
    assert again.seal_text == first.seal_text and again.content_json == first.content_json
    text = "".join(again.page_text.split())
    assert "".join(hazard.description.split()) in text
    assert "已改写的隐患描述" not in text and "更换门锁（改写）" not in text and "改写后的责任人" not in text
    assert f"补打（{(AS_OF + timedelta(days=3)).isoformat()}）" in text  # a later day's print says it is a reprint
    assert f"补打·{(AS_OF + timedelta(days=3)).isoformat()}" in text
    with Store.open(demo_path) as store:
        # The kept copy is the one verify compares with, and the reprint passes.
        result = DocumentSeals(SignIn(store).sign_in("admin", "demo").at(AS_OF)).check_pdf(io.BytesIO(_pdf_bytes(
            store, hazard_id)))
    assert result.valid and "与本机保存的原件一致" in result.message, result.message


def test_a_returned_hazard_s_opinion_keeps_the_deadline_it_gave_after_an_extension(demo_path: Path) -> None:
    with Store.open(demo_path) as store:
        hazard_id = next(h for (h,) in store.db.conn.execute(
            "SELECT DISTINCT hazard_id FROM hazard_event WHERE kind = 'rejected' ORDER BY hazard_id")
            if _last_verdict_kind(store, h) == "rejected" and store.hazards.state(h).status.value != "已销号")
        first = _print(store, hazard_id)
        given = json.loads(first.content_json)["next_deadline"]
        later = store.hazards.state(hazard_id).deadline + timedelta(days=30)
        office = SignIn(store).sign_in("admin", "demo").at(AS_OF)
        HazardService(office).extend_deadline([hazard_id], later, "企业申请延期")
        again = _print(store, hazard_id)
    assert given and again.seal_text == first.seal_text
    text = "".join(again.page_text.split())
    assert f"整改期限至{given}" in text and later.isoformat() not in text


def _pdf_bytes(store: Store, hazard_id: str) -> bytes:
    out = io.BytesIO()
    ReportService(SignIn(store).sign_in("admin", "demo").at(AS_OF + timedelta(days=3))).reinspection(hazard_id, out)
    return out.getvalue()
