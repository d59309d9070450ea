"""Many processes on one database at once, as an office runs them: each succeeds or refuses clearly, nothing is lost.

Real processes (the installed `safety-desk` command and a window-like writer), started together on one demo
database: two enterprise imports, backups, a weekly report, an export, a sync bundle and a writer extending
deadlines. Then
restore, demo and init into a database that another program holds open are refused with a message.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from safety_desk.domain.clock import FixedClock
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.backups import list_backups
from safety_desk.services.demo import DemoSpec, build_demo
from safety_desk.store.records import District
from safety_desk.store.store import Store
from tests.demo_data import DEMO_AS_OF

COMMAND = [sys.executable, "-m", "safety_desk"]
ENTERPRISES_PER_FILE = 400


@pytest.fixture
def city(tmp_path: Path) -> Path:
    path = tmp_path / "city.db"
    build_demo(path, DemoSpec(enterprises=12, weeks=4, as_of=DEMO_AS_OF), clock=FixedClock(DEMO_AS_OF))
    return path


def _enterprise_workbook(path: Path, district_code: str, first: int) -> list[str]:
    """An office's enterprise list: ENTERPRISES_PER_FILE new enterprises; returns their USCCs."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "企业名录"
    sheet.append(["企业名称", "统一社会信用代码", "片区代码", "行业"])
    codes = []
    for number in range(first, first + ENTERPRISES_PER_FILE):
        code = make_uscc(f"91370200MA{number:07d}")
        codes.append(code)
        sheet.append([f"并发测试企业{number}有限公司", code, district_code, "机械"])
    book.save(path)
    return codes


def _start(*args: str, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.Popen([*COMMAND, *args], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


# What the window does while commands run: short writes through the desk, one after another.
_WRITER = textwrap.dedent("""
    import sys
    from datetime import date, timedelta
    from safety_desk.app import Desk
    from safety_desk.services.ledger import LedgerFilter

    desk = Desk.open(sys.argv[1])
    desk = desk.signed_in(desk.store.people.by_login("admin"))  # the office's administrator at the window
    desk.store.db.lock_patience_s = 600
    rows, _ = desk.ledger.first_page(LedgerFilter(status="整改中"), limit=40)
    done = 0
    for number, row in enumerate(rows):
        desk.hazards.extend_deadline([row.hazard_id], date(2027, 3, 1) + timedelta(days=number), f"并发写入{number}")
        done += 1
    desk.close()
    print(done, " ".join(row.hazard_id for row in rows))
""")


def test_imports_backups_reports_and_a_writer_at_once_all_finish_and_nothing_is_lost(city: Path,
                                                                                   tmp_path: Path) -> None:
    with Store.open(city) as store:
        code = store.districts.active()[0].code
    first = _enterprise_workbook(tmp_path / "first.xlsx", code, 1000)
    second = _enterprise_workbook(tmp_path / "second.xlsx", code, 5000)
    enrolled = subprocess.run([*COMMAND, "--db", str(city), "device", "enroll", "--role", "inspector", "--district",
                               code, "--name", "并发笔记本", "-o", str(tmp_path / "laptop.sdenroll")],
                              capture_output=True, text=True)
    assert enrolled.returncode == 0, enrolled.stderr
    (tmp_path / "outbox").mkdir()
    writer_script = tmp_path / "writer.py"
    writer_script.write_text(_WRITER, "utf-8")
    database = ["--db", str(city)]
    processes = {
        "import first": _start(*database, "import", "enterprises", str(tmp_path / "first.xlsx"), cwd=tmp_path),
        "import second": _start(*database, "import", "enterprises", str(tmp_path / "second.xlsx"), cwd=tmp_path),
        "backup one": _start(*database, "backup", cwd=tmp_path),
        "backup two": _start(*database, "backup", cwd=tmp_path),
        "weekly": _start(*database, "report", "weekly", "--week", "2026-W48", "--json", cwd=tmp_path),
        "export": _start(*database, "export", "ledger", "-o", str(tmp_path / "ledger.xlsx"), cwd=tmp_path),
        "sync": _start(*database, "sync", "export", "--to", str(tmp_path / "outbox"), "--for", "并发笔记本",
                       cwd=tmp_path),
        "writer": subprocess.Popen(
            [sys.executable, str(writer_script), str(city)], cwd=tmp_path, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}),
    }
    outcomes = {name: (process.wait(timeout=300), *process.communicate()) for name, process in processes.items()}
    for name, (code_, out, err) in outcomes.items():
        assert code_ == 0, f"{name} exited {code_}: {out}\n{err}"
        assert "Traceback" not in err, f"{name}: {err}"
    json.loads(outcomes["weekly"][1])  # whole JSON, whatever was written meanwhile
    assert (tmp_path / "ledger.xlsx").stat().st_size > 0
    assert len(list((tmp_path / "outbox").glob("*.sdsync"))) == 1
    extended, hazard_ids = outcomes["writer"][1].split(maxsplit=1)
    with Store.open(city) as store:
        for uscc in first + second:
            assert store.enterprises.by_uscc(uscc) is not None  # every row of both imports
        for number, hazard_id in enumerate(hazard_ids.split()):
            assert store.hazards.state(hazard_id).deadline == date(2027, 3, 1) + timedelta(days=number)
        assert int(extended) == len(hazard_ids.split())
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Two imports and two backups in the same second: four backups, each under a name of its own, none half.
    backups = list_backups(city)
    assert len(backups) >= 4 and len({b.path for b in backups}) == len(backups)
    assert not list((city.parent / f"{city.stem}-backups").glob("*.partial"))


def test_restore_demo_and_init_are_refused_while_another_program_has_the_database(city: Path,
                                                                               tmp_path: Path) -> None:
    backup = subprocess.run([*COMMAND, "--db", str(city), "backup", "-o", str(tmp_path / "copy.db")],
                            capture_output=True, text=True)
    assert backup.returncode == 0, backup.stderr
    holder = Store.open(city)  # the window, in this process
    holder.districts.add(District(id=holder.db.new_id(), code="LATER", name="备份之后的片区"))
    try:
        restore = subprocess.run([*COMMAND, "--db", str(city), "restore", str(tmp_path / "copy.db")],
                                 capture_output=True, text=True)
        assert restore.returncode == 1 and "数据库正被其他程序使用" in restore.stderr, restore.stderr
        assert "Traceback" not in restore.stderr
    finally:
        holder.close()
    with Store.open(city) as store:  # not restored: what was written after the backup is still there
        assert store.districts.by_code("LATER") is not None
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Two demos into one new path at once: one database, one clear refusal, never a traceback.
    target = tmp_path / "new.db"
    demos = [_start("--db", str(target), "demo", "--enterprises", "30", "--weeks", "6", cwd=tmp_path)
             for _ in range(2)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in demos]
    assert sorted(code for code, _, _ in results)[0] == 0, results
    for code, out, err in results:
        assert "Traceback" not in err, err
        assert code == 0 or ("已存在" in err or "正被其他程序使用" in err or "正在被恢复或创建" in err), err
    with Store.open(target) as store:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.enterprises.count() == 30
