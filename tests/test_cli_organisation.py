"""`district`, `person` and `import people` on the command line: the office sets itself up; bad input exits 2 and
changes nothing; an enrolled laptop may not manage people (exit 3)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.auth import SignIn
from safety_desk.services.devices import DeviceService, join
from safety_desk.services.session import Session
from safety_desk.store.records import Enterprise
from safety_desk.store.store import Store

USCC = make_uscc("91370200MA3C00001")


def run(db: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--db", str(db), *args], input=input, catch_exceptions=False)


def _rows(db: Path) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return tuple(tuple(conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall())
                     for t in ("district", "person", "district_member"))
    finally:
        conn.close()


def _sheet(path: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "人员名单"
    book.active.append(["登录名", "姓名", "角色", "片区", "统一社会信用代码", "初始密码"])
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_the_office_sets_up_districts_and_people(db_path: Path, tmp_path: Path):
    assert run(db_path, "person", "add", "--login", "wang", "--name", "王领导", "--role", "leader").exit_code == 0
    assert run(db_path, "district", "add", "d1", "东片区", "--leader", "wang").exit_code == 0
    added = run(db_path, "person", "add", "--login", "li", "--name", "李检查", "--role", "inspector",
                "--district", "D1")
    assert added.exit_code == 0, added.output
    one_time = added.output.split("：")[1].split()[0]
    assert SignIn(Store.open(db_path)).sign_in("li", one_time).person.must_change_password
    assert run(db_path, "district", "rename", "D1", "东城片区").exit_code == 0
    listed = json.loads(run(db_path, "district", "list", "--json").output)
    assert listed == [{"code": "D1", "name": "东城片区", "leader_login": "wang", "leader_name": "王领导",
                       "inspectors": ["li"], "enterprises": 0}]
    people = {p["login"]: p for p in json.loads(run(db_path, "person", "list", "--json").output)}
    assert people["li"]["districts"] == ["D1"] and people["li"]["must_change_password"] is True
    # Their own password, changed with the current one; then the office disables them.
    changed = run(db_path, "person", "password", "li", input=f"{one_time}\nnew-password\nnew-password\n")
    assert changed.exit_code == 0, changed.output
    (tmp_path / "pw.txt").write_text("office-set-pw\n", "utf-8")
    reset = run(db_path, "person", "reset-password", "li", "--password-file", str(tmp_path / "pw.txt"))
    assert reset.exit_code == 0 and "一次性密码" not in reset.output
    assert SignIn(Store.open(db_path)).sign_in("li", "office-set-pw").person.must_change_password
    renamed = run(db_path, "person", "rename", "li", "李晓明")
    assert renamed.exit_code == 0 and "李晓明" in renamed.output, renamed.output
    assert run(db_path, "person", "disable", "li").exit_code == 0
    listed = json.loads(run(db_path, "person", "list", "--json").output)
    assert {p["login"]: p["name"] for p in listed}["li"] == "李晓明"
    assert {p["login"]: p["active"] for p in listed} == {"admin": True, "wang": True, "li": False}


@pytest.mark.parametrize("args, named", [
    (["district", "add", "D1", "又一个"], "片区代码"),
    (["person", "rename", "admin", " "], "姓名"),
    (["person", "add", "--login", "admin", "--name", "某", "--role", "office"], "登录名"),
    (["person", "add", "--login", "x", "--name", "某", "--role", "inspector", "--district", "D9"], "片区"),
    (["person", "add", "--login", "x", "--name", "某", "--role", "inspector"], "片区"),
    (["person", "add", "--login", "x", "--name", "某", "--role", "enterprise"], "企业"),
    (["person", "add", "--login", "x", "--name", "某", "--role", "enterprise", "--enterprise",
      make_uscc("91370200MA3C00099")], "企业"),
    (["person", "disable", "admin"], "登录名"),
    (["district", "retire", "D1"], "片区"),
])
def test_bad_input_exits_2_naming_the_field_and_changes_nothing(db_path: Path, args, named):
    run(db_path, "district", "add", "D1", "东片区")
    with Store.open(db_path) as store, store.transaction():
        store.enterprises.add(Enterprise(id=store.db.new_id(), uscc=USCC, name="一号企业",
                                         district_id=store.districts.by_code("D1").id, industry="机械",
                                         risk_class=2, tracked_since="2026-01-01"))
    before = _rows(db_path)
    result = run(db_path, *args)
    assert result.exit_code == 2, result.output
    assert named in result.output
    assert _rows(db_path) == before


def test_a_weak_password_file_is_refused(db_path: Path, tmp_path: Path):
    (tmp_path / "pw.txt").write_text("short\n", "utf-8")
    before = _rows(db_path)
    result = run(db_path, "person", "add", "--login", "x", "--name", "某", "--role", "office",
                 "--password-file", str(tmp_path / "pw.txt"))
    assert result.exit_code == 2 and "密码至少8位" in result.output
    assert _rows(db_path) == before


def test_import_people_dry_run_then_all_or_nothing(db_path: Path, tmp_path: Path):
    run(db_path, "district", "add", "D1", "东片区")
    template = tmp_path / "template.xlsx"
    assert run(db_path, "import", "template", "people", "-o", str(template)).exit_code == 0
    assert [c.value for c in openpyxl.load_workbook(template).active[1]][:3] == ["登录名*", "姓名*", "角色*"]
    bad = _sheet(tmp_path / "bad.xlsx", [
        ["zhang", "张三", "检查员", "东片区", "", ""],
        ["zhao", "赵四", "检查员", "", "", ""],          # no district
        ["zhang", "张三二", "包片领导", "", "", ""],       # duplicate login
        ["qian", "钱五", "企业安全员", "", "", ""],        # no enterprise
        ["sun", "孙六", "检查员", "D1", "", "1234"],      # weak password
        ["zhou", "周七", "主任", "", "", ""],             # unknown role
    ])
    before = _rows(db_path)
    refused = run(db_path, "import", "people", str(bad))
    assert refused.exit_code == 2
    for row, column in ((3, "片区"), (4, "登录名"), (5, "统一社会信用代码"), (6, "初始密码"), (7, "角色")):
        assert f"第{row}行 {column}" in refused.output, (row, column, refused.output)
    assert "」第2行" not in refused.output  # the good row is not blamed
    assert _rows(db_path) == before
    good = _sheet(tmp_path / "good.xlsx", [["zhang", "张三", "检查员", "东片区、D1", "", ""],
                                           ["wang", "王领导", "包片领导", "D1", "", "leader-pass"]])
    dry = run(db_path, "import", "people", str(good), "--dry-run")
    assert dry.exit_code == 0 and "将新增 2" in dry.output
    assert _rows(db_path) == before
    done = run(db_path, "import", "people", str(good))
    assert done.exit_code == 0, done.output
    one_time = dict(line.split("\t") for line in done.output.splitlines() if "\t" in line)
    assert list(one_time) == ["zhang"]
    with Store.open(db_path) as store:
        assert SignIn(store).sign_in("zhang", one_time["zhang"]).person.must_change_password
        assert store.districts.by_code("D1").leader_id == store.people.by_login("wang").id


def test_an_inspector_laptop_may_not_manage_people(db_path: Path, tmp_path: Path):
    run(db_path, "district", "add", "D1", "东片区")
    with Store.open(db_path) as store:
        enrolled = DeviceService(Session.of_device(store)).enroll("inspector", "laptop", tmp_path / "l.sdenroll",
                                                                  district_codes=["D1"])
    laptop = tmp_path / "laptop.db"
    join(laptop, tmp_path / "l.sdenroll", passphrase=enrolled.passphrase)
    for args in (["district", "add", "D2", "西"], ["person", "list"], ["person", "disable", "admin"]):
        assert run(laptop, *args).exit_code == 3


def test_in_english_the_people_import_names_each_bad_row_and_its_column(db_path: Path, tmp_path: Path):
    """--lang en: the refusals are English and still point at the column at fault (the sheet's own headers)."""
    run(db_path, "district", "add", "D1", "东片区")
    bad = _sheet(tmp_path / "bad.xlsx", [
        ["zhang", "张三", "检查员", "东片区", "", ""],
        ["zhao", "赵四", "检查员", "", "", ""],          # no district
        ["zhang", "张三二", "包片领导", "", "", ""],       # duplicate login
        ["qian", "钱五", "企业安全员", "", "", ""],        # no enterprise
        ["sun", "孙六", "检查员", "D1", "", "1234"],      # weak password
    ])
    refused = run(db_path, "--lang", "en", "import", "people", str(bad))
    assert refused.exit_code == 2 and "Error: bad.xlsx: 4 problems" in refused.output, refused.output
    for row, column, why in ((3, "片区", "at least one district"), (4, "登录名", "the same login as row 2"),
                             (5, "统一社会信用代码", "enterprise's USCC"), (6, "初始密码", "at least 8 characters")):
        assert f"row {row} {column}: " in refused.output and why in refused.output, (row, refused.output)
