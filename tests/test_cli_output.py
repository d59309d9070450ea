"""Every command that writes a file says so when its folder cannot take it (read-only, missing, full): no traceback."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, copy_of_demo) -> Path:
    return copy_of_demo(tmp_path_factory.mktemp("cli-output"))


def _refuses_files(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return True
    (folder / ".probe").unlink()
    return False


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder no file can be made in: its permission bits, or (for an administrator, whom they do not stop) a
    read-only file system."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if _refuses_files(folder):
            yield folder
        elif Path("/sys").is_dir() and _refuses_files(Path("/sys")):
            yield Path("/sys")
        else:
            pytest.skip("no folder here refuses this user's files")
    finally:
        folder.chmod(0o755)


def _first(db: Path, sql: str) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchone()[0]


def _commands(db: Path) -> dict[str, tuple[list[str], str]]:
    """Each writing command's arguments before -o, and the suffix of its output."""
    inspection = _first(db, "SELECT id FROM inspection WHERE status = 'submitted' LIMIT 1")
    notice = _first(db, "SELECT id FROM notice LIMIT 1")
    drill = _first(db, "SELECT id FROM drill WHERE status = 'held' AND deleted = 0 LIMIT 1")
    district = _first(db, "SELECT code FROM district LIMIT 1")
    return {
        "inspection": (["report", "inspection", inspection], ".pdf"),
        "notice": (["report", "notice", notice], ".pdf"),
        "drill": (["report", "drill", drill], ".pdf"),
        "weekly": (["report", "weekly", "--week", "2026-W47"], ".pdf"),
        "quarterly": (["report", "quarterly", "--quarter", "2026Q3"], ".pdf"),
        "ledger": (["export", "ledger"], ".xlsx"),
        "enroll": (["device", "enroll", "--role", "inspector", "--district", district, "--name", "laptop-x"],
                   ".sdenroll"),
    }


COMMANDS = ["inspection", "notice", "drill", "weekly", "quarterly", "ledger", "enroll"]


def _run(db: Path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db), *args])


@pytest.mark.parametrize("command", COMMANDS)
def test_a_read_only_folder_is_a_message_naming_the_file(demo_path: Path, read_only_folder: Path,
                                                         command: str) -> None:
    args, suffix = _commands(demo_path)[command]
    output = read_only_folder / f"out{suffix}"
    result = _run(demo_path, *args, "-o", str(output))
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)  # a message, not a traceback
    assert f"{output}：无法在文件夹 {read_only_folder} 中写入文件" in result.output
    assert ".part" not in result.output and not output.exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_folder_is_a_message_naming_it(demo_path: Path, tmp_path: Path, command: str) -> None:
    args, suffix = _commands(demo_path)[command]
    folder = tmp_path / "no-such-folder"
    result = _run(demo_path, *args, "-o", str(folder / f"out{suffix}"))
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert f"{folder}: 文件夹不存在" in result.output and not folder.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full to stand for a full disk")
@pytest.mark.parametrize("command", ["weekly", "inspection", "ledger"])
def test_a_full_disk_is_a_message_naming_the_file(demo_path: Path, tmp_path: Path, command: str,
                                                  capfd: pytest.CaptureFixture) -> None:
    """The document is written under a temporary name beside the output; here that name is a full disk."""
    args, suffix = _commands(demo_path)[command]
    output = tmp_path / f"out{suffix}"
    os.symlink("/dev/full", tmp_path / f"out{suffix}.part")
    result = _run(demo_path, *args, "-o", str(output))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert f"{output}：无法写入（磁盘空间已满），未生成文件" in result.output
    assert not output.exists()
    assert "Traceback" not in capfd.readouterr().err  # nor one printed later when the half-written book is freed


def test_a_sync_folder_that_cannot_be_written_is_refused_before_importing(demo_path: Path,
                                                                          read_only_folder: Path) -> None:
    result = _run(demo_path, "sync", "folder", str(read_only_folder))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert f"同步文件夹 {read_only_folder} 无法写入" in result.output


def test_a_missing_sync_folder_is_a_message(demo_path: Path, tmp_path: Path) -> None:
    result = _run(demo_path, "sync", "folder", str(tmp_path / "gone"))
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert f"{tmp_path / 'gone'}: 同步文件夹不存在" in result.output


@pytest.mark.parametrize("args, reason", [
    (["weekly", "--week", "2099-W10", "--json"], "尚未到来"),
    (["weekly", "--week", "2026-W54", "--json"], "格式应为 2026-W48"),
    (["quarterly", "--quarter", "2099Q1", "-o", "{dir}/q.pdf"], "尚未到来"),
    (["quarterly", "--quarter", "2026Q5", "-o", "{dir}/q.pdf"], "格式应为 2026Q4"),
    (["quarterly", "--quarter", "2026", "-o", "{dir}/q.pdf"], "report annual --year 2026"),
])
def test_a_period_that_is_not_one_or_has_not_begun_is_refused(demo_path: Path, tmp_path: Path, args: list[str],
                                                              reason: str) -> None:
    result = _run(demo_path, "report", *[arg.format(dir=tmp_path) for arg in args])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
    assert reason in result.output
    assert not (tmp_path / "q.pdf").exists()
