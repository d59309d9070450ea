"""A new office goes live from the command line: from `init` in an empty folder to an inspector's laptop whose
submitted inspection reaches the office through a sync folder, and a disabled inspector refused there.

The README's 正式启用 section walks the same steps; this test is that walk, so the section cannot drift from what
works. Counted steps of the office (commands a person types): init, import enterprises (dry run, then for real),
add the inspector, enrol the laptop; on the laptop: join, sign in, inspect, sync; at the office: sync.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from safety_desk.app import Desk
from safety_desk.cli import main
from safety_desk.domain.checklist import AnswerKind, AnswerResult
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.auth import SignInFailed, sign_in_at
from safety_desk.services.photos import ingest_bytes
from safety_desk.services.passwords import hash_password
from safety_desk.store.records import DistrictMember, Person
from safety_desk.store.store import Store
from tests.enrolment import passphrase_in
from tests.services.test_office_enterprise_list import ROWS, office_list

PASSWORD = "Anquan-2026"
GENERAL = "general"  # the shipped general safety checklist, whichever its version


def run(*args: object) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def add_inspector(office_db: Path, login: str, name: str, district_code: str, folder: Path) -> None:
    """An inspector of one district, with a password the office hands over.

    `person add` is helper h15org's command (issue 15), written alongside this test: used once main has it; until
    then the person is written as the code of the day allows (the lead may drop this fallback after the merge)."""
    if "person" in main.commands:
        secret = folder / "password.txt"
        secret.write_text(PASSWORD + "\n", encoding="utf-8")
        run("--db", office_db, "person", "add", "--login", login, "--name", name, "--role", "inspector",
            "--district", district_code, "--password-file", secret)
        return
    with Store.open(office_db) as store, store.transaction():
        person = store.people.add(Person(id=store.db.new_id(), name=name, login=login, role="inspector",
                                         password_hash=hash_password(PASSWORD)))
        district = store.districts.by_code(district_code)
        store.members.add(DistrictMember(id=store.db.new_id(), district_id=district.id, person_id=person.id,
                                         role="inspector"))


def disable(office_db: Path, login: str) -> None:
    """`person disable` once main has it (as add_inspector)."""
    if "person" in main.commands:
        run("--db", office_db, "person", "disable", login)
        return
    with Store.open(office_db) as office:
        office.people.update(office.people.by_login(login).id, active=False)


def _jpeg(colour=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def inspect_and_submit(laptop_db: Path, login: str, enterprise_name: str) -> str:
    """Sign in on the laptop as the inspector and submit a general safety inspection of one enterprise there."""
    session = sign_in_at(laptop_db, login, PASSWORD)
    try:
        desk = Desk(session)
        [enterprise] = desk.enterprises.search(enterprise_name)
        inspections = desk.inspections
        offered = next(c for c in inspections.checklists_for(enterprise.id) if c.code == GENERAL)
        inspection = inspections.start(enterprise.id, offered.id, "routine")
        for section in inspections.state(inspection.id).checklist.sections:
            if section.gate is not None:  # no special equipment, chemicals, confined spaces … at this site
                inspections.set_gate(inspection.id, section.code, False)
        for item in inspections.state(inspection.id).visible_items:
            if item.kind is AnswerKind.PASS_FAIL:
                inspections.answer(inspection.id, item.code, "pass")
            else:  # a measured value or a choice: not taken on this visit
                inspections.answer(inspection.id, item.code, AnswerResult.NOT_APPLICABLE.value)
        signature = ingest_bytes(session.store, _jpeg((255, 255, 255)), "signature.png")
        inspections.submit(inspection.id, inspector_signature=signature.id, enterprise_signature=signature.id)
        return inspection.id
    finally:
        session.store.close()


def test_a_new_office_goes_live_from_an_empty_folder(tmp_path: Path, monkeypatch) -> None:
    office_db, laptop_db = tmp_path / "office" / "safety.db", tmp_path / "laptop" / "safety.db"
    office_db.parent.mkdir()
    laptop_db.parent.mkdir()
    shared = tmp_path / "共享文件夹"
    shared.mkdir()

    # 1. The office database and its first account.
    run("--db", office_db, "init", "--office", "市国资委安全办", "--admin", "admin", "--admin-name", "王主任",
        "--password", PASSWORD)

    # 2. The office's own enterprise list: sheet 监管企业名录, districts by name, GB/T 4754 industries.
    listing = office_list(tmp_path / "监管企业名录.xlsx")
    assert "将新建片区：东片区（D01）、西片区（D02）、北片区（D03）" in run(
        "--db", office_db, "import", "enterprises", listing, "--dry-run", "--new-districts")
    assert f"已新增 {len(ROWS)}" in run("--db", office_db, "import", "enterprises", listing, "--new-districts")

    # 3. An inspector for 东片区 and a laptop enrolled for that district.
    add_inspector(office_db, "liqiang", "李强", "D01", tmp_path)
    enrol = tmp_path / "U盘" / "李强的笔记本.sdenroll"
    enrol.parent.mkdir()
    enrolled = run("--db", office_db, "device", "enroll", "--role", "inspector", "--district", "D01",
                   "--name", "李强的笔记本", "-o", enrol)
    assert not any(name.encode() in enrol.read_bytes() for name in ("李强", "liqiang", "东片区"))  # sealed
    monkeypatch.setenv("SAFETY_DESK_ENROL_PASSPHRASE", passphrase_in(enrolled))  # read out to 李强
    assert "东片区" in run("--db", office_db, "device", "list")  # scopes by name, not D01

    # 4. On the laptop: join with the file from the USB stick, sign in, inspect an enterprise of 东片区.
    assert "李强的笔记本（检查员）" in enrolled  # the role in Chinese, not `inspector`
    assert "李强的笔记本（检查员）" in run("--db", laptop_db, "device", "join", enrol)
    with Store.open(laptop_db) as laptop:
        names = {e.name for e in laptop.enterprises.active()}
    east = {name for name, district, *_ in ROWS if district == "东片区"}
    assert names == east  # its district's enterprises only
    inspection_id = inspect_and_submit(laptop_db, "liqiang", "市建工集团")

    # 5. The laptop and the office meet in the shared folder: the inspection reaches the office.
    run("--db", laptop_db, "sync", "folder", shared)
    run("--db", office_db, "sync", "folder", shared)
    with Store.open(office_db) as office:
        arrived = office.inspections.require(inspection_id)
        assert arrived.status == "submitted"
        assert office.enterprises.require(arrived.enterprise_id).name == "市建工集团有限公司"
        assert office.people.require(arrived.lead_id).login == "liqiang"

    # 6. The inspector leaves: disabled at the office, refused on the laptop after its next sync.
    disable(office_db, "liqiang")
    run("--db", office_db, "sync", "folder", shared)
    run("--db", laptop_db, "sync", "folder", shared)
    with pytest.raises(SignInFailed):
        sign_in_at(laptop_db, "liqiang", PASSWORD)
