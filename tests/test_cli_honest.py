"""The command line says what it does: lists of every id the reports take, honest -o names, exit codes, progress."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import _Progress, main
from safety_desk.domain.clock import FixedClock
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.services.devices import DeviceService
from safety_desk.services.session import Session
from safety_desk.store.store import Store
from tests.enrolment import passphrase_in
from tests.demo_data import DEMO_AS_OF


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("honest") / "city.db"
    build_demo(path, DemoSpec(enterprises=20, weeks=6, as_of=DEMO_AS_OF), clock=FixedClock(DEMO_AS_OF))
    return path


def test_every_inspection_and_drill_id_the_reports_take_is_listed(city: Path, tmp_path: Path) -> None:
    inspections = json.loads(run("--db", str(city), "inspection", "list", "--json").output)
    drills = json.loads(run("--db", str(city), "drill", "list", "--json").output)
    with Store.open(city) as store:
        assert {i["id"] for i in inspections} == {r[0] for r in store.db.conn.execute("SELECT id FROM inspection")}
        assert {d["id"] for d in drills} == {r[0] for r in store.db.conn.execute(
            "SELECT id FROM drill WHERE deleted = 0")}
    assert set(inspections[0]) == {"id", "started_at", "finished_at", "enterprise_uscc", "enterprise_name",
                                   "district_code", "district_name", "kind", "kind_name", "checklist_id", "status",
                                   "status_name"}
    assert set(drills[0]) == {"id", "day", "status", "status_name", "name", "enterprise_uscc", "enterprise_name", "district_code",
                              "district_name", "plan_type", "form"}
    submitted = next(i for i in inspections if i["status"] == "submitted")
    held = next(d for d in drills if d["status"] == "held")
    assert run("--db", str(city), "report", "inspection", submitted["id"], "-o", str(tmp_path / "i.pdf")).exit_code == 0
    assert run("--db", str(city), "report", "drill", held["id"], "-o", str(tmp_path / "d.pdf")).exit_code == 0
    # Filters: one enterprise, one district, a period; the newest first.
    one = submitted["enterprise_uscc"]
    mine = json.loads(run("--db", str(city), "inspection", "list", "--enterprise", one, "--json").output)
    assert mine and {i["enterprise_uscc"] for i in mine} == {one}
    code = submitted["district_code"]
    there = json.loads(run("--db", str(city), "drill", "list", "--district", code, "--json").output)
    assert there and {d["district_code"] for d in there} == {code}
    week = json.loads(run("--db", str(city), "inspection", "list", "--from", "2026-11-23", "--to", "2026-11-27",
                          "--json").output)
    assert week and all("2026-11-23" <= i["started_at"][:10] <= "2026-11-27" for i in week)
    assert [i["started_at"] for i in inspections] == sorted((i["started_at"] for i in inspections), reverse=True)
    plain = run("--db", str(city), "inspection", "list")
    assert plain.exit_code == 0 and submitted["id"] in plain.output


@pytest.mark.parametrize("args, wrong", [
    (["report", "weekly", "--week", "2026-W48", "-o", "w.txt"], "w.txt"),
    (["export", "ledger", "-o", "l.csv"], "l.csv"),
    (["import", "template", "ledger", "-o", "t.pdf"], "t.pdf"),
    (["backup", "-o", "copy.sqlite"], "copy.sqlite"),
])
def test_an_output_named_for_another_kind_of_file_is_refused(city: Path, tmp_path: Path, args, wrong) -> None:
    args = [a if a != wrong else str(tmp_path / wrong) for a in args]
    result = run("--db", str(city), *args)
    assert result.exit_code == 2 and "结尾" in result.output
    assert not (tmp_path / wrong).exists()


def test_one_of_o_or_json_and_a_missing_folder_only_with_create_dirs(city: Path, tmp_path: Path) -> None:
    both = run("--db", str(city), "report", "weekly", "--week", "2026-W48", "-o", str(tmp_path / "w.pdf"), "--json")
    assert both.exit_code == 2 and not (tmp_path / "w.pdf").exists()
    assert run("--db", str(city), "report", "weekly", "--week", "2026-W48").exit_code == 2
    target = tmp_path / "Friday" / "w.pdf"
    missing = run("--db", str(city), "report", "weekly", "--week", "2026-W48", "-o", str(target))
    assert missing.exit_code == 2 and "--create-dirs" in missing.output and not target.parent.exists()
    made = run("--db", str(city), "report", "weekly", "--week", "2026-W48", "-o", str(target), "--create-dirs")
    assert made.exit_code == 0, made.output
    assert target.read_bytes().startswith(b"%PDF")


def test_what_a_devices_role_may_not_do_exits_3(city: Path, tmp_path: Path, monkeypatch) -> None:
    with Store.open(city) as store:
        office = Session.of_device(store)
        district = store.districts.active()[0]
        enrolled = DeviceService(office).enroll("inspector", "巡查笔记本", tmp_path / "laptop.sdenroll",
                                                district_codes=[district.code])
    monkeypatch.setenv("SAFETY_DESK_ENROL_PASSPHRASE", enrolled.passphrase)
    laptop = tmp_path / "laptop.db"
    joined = run("--db", str(laptop), "device", "join", str(tmp_path / "laptop.sdenroll"))
    assert joined.exit_code == 0, joined.output
    refused = run("--db", str(laptop), "device", "enroll", "--role", "inspector", "--district", district.code,
                  "--name", "另一台", "-o", str(tmp_path / "another.sdenroll"))
    assert refused.exit_code == 3 and "无权" in refused.output
    assert not (tmp_path / "another.sdenroll").exists()


def test_restoring_the_database_onto_itself_is_bad_input(city: Path) -> None:
    result = run("--db", str(city), "restore", str(city))
    assert result.exit_code == 2 and "当前的数据库" in result.output


def test_a_sync_export_from_the_office_names_the_device_it_was_written_for(tmp_path: Path, monkeypatch) -> None:
    office = tmp_path / "office.db"
    build_demo(office, DemoSpec(enterprises=6, weeks=2, as_of=DEMO_AS_OF), clock=FixedClock(DEMO_AS_OF))
    with Store.open(office) as store:
        code = store.districts.active()[0].code
    enrolled = run("--db", str(office), "device", "enroll", "--role", "inspector", "--district", code,
                   "--name", "笔记本甲", "-o", str(tmp_path / "a.sdenroll"))
    assert enrolled.exit_code == 0, enrolled.output
    monkeypatch.setenv("SAFETY_DESK_ENROL_PASSPHRASE", passphrase_in(enrolled.output))
    assert run("--db", str(tmp_path / "a.db"), "device", "join", str(tmp_path / "a.sdenroll")).exit_code == 0
    exported = run("--db", str(office), "sync", "export", "--to", str(tmp_path / "out.sdsync"))
    assert exported.exit_code == 0, exported.output
    assert "笔记本甲" in exported.output


def test_long_commands_write_plain_progress_lines_when_not_on_a_terminal(capsys) -> None:
    moments = iter([0.0, 1.0, 6.0, 7.0, 12.0, 13.0, 14.0])  # seconds: at start, at each step, at the end
    progress = _Progress("导出 exporting", now=lambda: next(moments))
    for done in (10, 20, 30, 40, 50):
        progress(done, 100)
    progress.close()
    lines = capsys.readouterr().err.splitlines()
    # At most one line every five seconds, and the last one when it ends.
    assert lines == ["导出 exporting: 20 / 100 (20%)", "导出 exporting: 40 / 100 (40%)", "导出 exporting: 50 / 100 (50%)"]


def test_a_long_command_in_a_script_logs_progress(city: Path, tmp_path: Path) -> None:
    """What a scheduled task's log shows: stderr is a file, and the export says where it ended."""
    result = subprocess.run([sys.executable, "-m", "safety_desk", "--db", str(city), "export", "ledger",
                             "-o", str(tmp_path / "l.xlsx")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "导出:" in result.stderr and "/" in result.stderr


def test_an_enrolment_file_joins_one_installation_only(tmp_path: Path, monkeypatch) -> None:
    office = tmp_path / "office.db"
    build_demo(office, DemoSpec(enterprises=6, weeks=2, as_of=DEMO_AS_OF), clock=FixedClock(DEMO_AS_OF))
    with Store.open(office) as store:
        code = store.districts.active()[0].code
    share = tmp_path / "share"
    share.mkdir()
    enrolment = share / "laptop.sdenroll"
    enrolled = run("--db", str(office), "device", "enroll", "--role", "inspector", "--district", code,
                   "--name", "笔记本乙", "-o", str(enrolment))
    assert enrolled.exit_code == 0, enrolled.output
    monkeypatch.setenv("SAFETY_DESK_ENROL_PASSPHRASE", passphrase_in(enrolled.output))
    assert run("--db", str(tmp_path / "first.db"), "device", "join", str(enrolment)).exit_code == 0
    second = run("--db", str(tmp_path / "second.db"), "device", "join", str(enrolment))
    assert second.exit_code == 2 and "已被使用" in second.output
    assert not (tmp_path / "second.db").exists()
    # The office marks the file it wrote once the device's first bundle has arrived, even if the marker of the
    # first join was lost (a copy of the file taken before it was used).
    (share / "laptop.sdenroll.used").unlink()
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    assert run("--db", str(tmp_path / "first.db"), "sync", "export", "--to", str(outbox)).exit_code == 0
    bundle = next(outbox.glob("*.sdsync"))
    assert run("--db", str(office), "sync", "import", str(bundle)).exit_code == 0
    assert (share / "laptop.sdenroll.used").exists()
    assert run("--db", str(tmp_path / "third.db"), "device", "join", str(enrolment)).exit_code == 2


def test_listings_name_statuses_and_roles_in_the_readers_language(tmp_path) -> None:
    # A Chinese-only office reads 已提交 and 检查员, not `submitted` and `inspector`; an English reader the words.
    from safety_desk.services.demo import DemoSpec, build_demo
    from datetime import date

    db = tmp_path / "demo.db"
    build_demo(db, DemoSpec(enterprises=6, weeks=3, as_of=date(2026, 12, 4)))
    runner = CliRunner()
    zh = runner.invoke(main, ["--db", str(db), "inspection", "list"], catch_exceptions=False)
    assert zh.exit_code == 0 and "已提交" in zh.output and "submitted" not in zh.output, zh.output
    en = runner.invoke(main, ["--lang", "en", "--db", str(db), "inspection", "list"], catch_exceptions=False)
    assert en.exit_code == 0 and "submitted" in en.output and "已提交" not in en.output
    drills = runner.invoke(main, ["--db", str(db), "drill", "list"], catch_exceptions=False)
    assert drills.exit_code == 0 and ("已举行" in drills.output or "计划中" in drills.output)
    assert "held" not in drills.output and "planned" not in drills.output
    devices = runner.invoke(main, ["--db", str(db), "device", "list"], catch_exceptions=False)
    assert devices.exit_code == 0 and "安全办" in devices.output and "\toffice\t" not in devices.output, devices.output
