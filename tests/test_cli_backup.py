"""`safety-desk backup` and `restore`: exit codes, messages, and nothing changed when a restore is refused."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.services.backups import list_backups
from safety_desk.store.migrations import latest_version
from safety_desk.store.records import District
from safety_desk.store.store import Store


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def codes(path: Path) -> set[str]:
    with Store.open(path) as store:
        return {row[0] for row in store.db.conn.execute("SELECT code FROM district")}


def test_backup_to_a_file_and_into_the_backups_folder(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "copies" / "today.db"
    refused = run("--db", str(db_path), "backup", "-o", str(out))
    assert refused.exit_code == 2 and "--create-dirs" in refused.output and not out.parent.exists()
    result = run("--db", str(db_path), "backup", "-o", str(out), "--create-dirs")
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and out.exists()
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert list_backups(db_path) == []  # -o FILE is not one of the rotated backups
    result = run("--db", str(db_path), "backup")
    assert result.exit_code == 0, result.output
    assert [b.reason for b in list_backups(db_path)] == ["manual"]


def test_backup_of_a_missing_database_is_bad_input(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "none.db"), "backup", "-o", str(tmp_path / "x.db"))
    assert result.exit_code == 2 and "不存在" in result.output
    assert not (tmp_path / "x.db").exists()


def test_backup_to_an_unwritable_place_fails_with_exit_1(db_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("--db", str(db_path), "backup", "-o", str(blocker / "x.db"))
    assert result.exit_code == 2 and "文件夹不存在" in result.output  # no such folder: bad usage, say how to make it
    result = run("--db", str(db_path), "backup", "-o", str(blocker / "x.db"), "--create-dirs")
    assert result.exit_code == 1 and "无法新建文件夹" in result.output
    assert blocker.read_text() == "not a folder"


def test_restore_round_trip_keeps_the_replaced_database(db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    assert run("--db", str(db_path), "backup", "-o", str(copy)).exit_code == 0
    with Store.open(db_path) as store:
        store.districts.add(District(id=store.db.new_id(), code="LATER", name="之后的片区"))
    result = run("--db", str(db_path), "restore", str(copy))
    assert result.exit_code == 0, result.output
    assert "恢复（数据库版本" in result.output and "原数据库已保留" in result.output
    assert "LATER" not in codes(db_path)
    [kept] = list_backups(db_path)
    assert kept.reason == "before-restore" and "LATER" in codes(kept.path)
    assert str(kept.path) in result.output
    assert run("--db", str(db_path), "doctor").exit_code == 0


def test_restore_refusals_exit_2_and_leave_the_database_byte_identical(db_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    text = tmp_path / "notes.db"
    text.write_text("这不是数据库" * 200, encoding="utf-8")
    before = digest(db_path)
    for bad, words in ((empty, "空文件"), (text, "不是 SafetyDesk 数据库"), (tmp_path / "missing.db", "不存在")):
        result = run("--db", str(db_path), "restore", str(bad))
        assert result.exit_code == 2, result.output
        assert words in result.output and "未恢复" in result.output
        assert digest(db_path) == before
    assert list_backups(db_path) == []


def test_doctor_reports_the_latest_backups_age(db_path: Path) -> None:
    assert "尚无备份" in run("--db", str(db_path), "doctor").output
    run("--db", str(db_path), "backup")
    output = run("--db", str(db_path), "doctor").output
    assert "最近一次" in output and "manual" in output
