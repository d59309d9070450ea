"""The `safety-desk` command as scripts and people use it: exit codes, messages, nothing changed on bad input."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk import __version__
from safety_desk.cli import main
from safety_desk.store.migrations import latest_version
from safety_desk.store.store import Store


def run(*args: str) -> "object":
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_version_via_python_dash_m_and_the_entry_point() -> None:
    result = subprocess.run([sys.executable, "-m", "safety_desk", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout
    script = Path(sys.executable).with_name("safety-desk")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and __version__ in result.stdout


def test_init_then_doctor_passes(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    result = run("--db", str(db), "init", "--office", "市国资委安全办", "--admin", "admin", "--password", "s3cret-pw")
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        assert store.offices.current().name == "市国资委安全办"
        assert store.devices.get(store.db.local("device_id")).role == "office"
        assert "PUBLIC KEY" in store.devices.get(store.db.local("device_id")).public_key
        assert store.people.by_login("admin").password_hash.startswith("scrypt$")
        assert len(store.checklists.latest()) >= 4
    result = run("--db", str(db), "doctor")
    assert result.exit_code == 0, result.output
    assert "异常" not in result.output and "正常" in result.output


def test_init_refuses_an_existing_database_and_changes_nothing(db_path: Path) -> None:
    before = db_path.read_bytes()
    result = run("--db", str(db_path), "init")
    assert result.exit_code == 2
    assert "文件已存在" in result.output
    assert db_path.read_bytes() == before


def test_init_with_an_account_but_no_password_is_bad_input(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = CliRunner(env={"SAFETY_DESK_PASSWORD": None}).invoke(main, ["--db", str(db), "init", "--admin", "a"])
    assert result.exit_code == 2 and "password" in result.output
    assert not db.exists()


def test_db_pointing_at_a_non_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04 not a database at all" * 50)
    before = path.read_bytes()
    result = run("--db", str(path), "doctor")
    assert result.exit_code == 2
    assert "report.docx" in result.output and "不是 SafetyDesk 数据库" in result.output
    assert path.read_bytes() == before


def test_a_newer_database_is_refused(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {latest_version() + 5}")
    raw.close()
    result = run("--db", str(db_path), "doctor")
    assert result.exit_code == 2
    assert "newer" in result.output


def test_doctor_reports_an_audit_entry_edited_behind_the_programs_back(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE audit SET author_id = 'someone-else' WHERE seq = 2")
    raw.commit()
    raw.close()
    result = run("--lang", "en", "--db", str(db_path), "doctor")
    assert result.exit_code == 1
    assert "entry 2" in result.output and "edited" in result.output


def test_doctor_reports_a_cached_hazard_status_that_disagrees_with_its_events(db_path: Path) -> None:
    from datetime import date

    from safety_desk.domain.uscc import make_uscc
    from safety_desk.store.records import District, Enterprise, Hazard

    with Store.open(db_path) as store:
        district = store.districts.add(District(id=store.db.new_id(), code="D1", name="东城片区"))
        enterprise = store.enterprises.add(Enterprise(
            id=store.db.new_id(), uscc=make_uscc("91370200MA3C00001"), name="某机械有限公司",
            district_id=district.id, industry="机械", risk_class=1, tracked_since="2026-01-01"))
        hazard = store.hazards.open_hazard(Hazard(
            id=store.db.new_id(), enterprise_id=enterprise.id, district_id=district.id, source="inspection",
            description="安全通道堵塞", grade="一般", found_on="2026-11-01"), deadline=date(2026, 11, 8))
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE hazard_state SET status = '已销号' WHERE hazard_id = ?", (hazard.id,))
    raw.commit()
    raw.close()
    result = run("--db", str(db_path), "doctor")
    assert result.exit_code == 1 and hazard.id in result.output


def test_doctor_reports_a_missing_and_an_altered_photo_file(db_path: Path) -> None:
    import hashlib

    from safety_desk.media.files import media_path
    from safety_desk.store.records import Photo

    with Store.open(db_path) as store:
        for content in (b"first photo bytes", b"second photo bytes"):
            digest = hashlib.sha256(content).hexdigest()
            target = media_path(store.media_dir, digest)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            store.photos.add(Photo(id=digest, size=len(content), width=1, height=1, added_at="2026-11-27"))
        missing, altered = (hashlib.sha256(c).hexdigest() for c in (b"first photo bytes", b"second photo bytes"))
        assert run("--db", str(db_path), "doctor").exit_code == 0
        media_path(store.media_dir, missing).unlink()
        media_path(store.media_dir, altered).write_bytes(b"second photo byteZ")
    result = run("--lang", "en", "--db", str(db_path), "doctor")
    assert result.exit_code == 1
    assert f"photo {missing}" in result.output and "missing" in result.output
    assert f"photo {altered}" in result.output and "altered" in result.output


def test_checklist_validate_passes_on_the_shipped_library() -> None:
    result = run("checklist", "validate")
    assert result.exit_code == 0, result.output
    assert "general" in result.output


def test_checklist_validate_names_file_line_and_field_and_exits_2(tmp_path: Path) -> None:
    from safety_desk.paths import checklists_dir

    lines = (checklists_dir() / "general.toml").read_text("utf-8").splitlines()
    line_number = next(i for i, line in enumerate(lines, start=1) if line.startswith("version"))
    lines[line_number - 1] = 'version = "one"'
    bad = tmp_path / "bad.toml"
    bad.write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["checklist", "validate", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:{line_number}: version" in result.output


def test_commands_work_without_a_terminal(tmp_path: Path) -> None:
    db = tmp_path / "headless.db"
    result = subprocess.run([sys.executable, "-m", "safety_desk", "--db", str(db), "init"],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_init_refuses_a_weak_first_password_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "office.db"
    for login, weak in (("admin", "s3cret"), ("adminadmin", "AdminAdmin")):  # too short; the login itself
        result = run("--db", str(db), "init", "--admin", login, "--password", weak)
        assert result.exit_code == 2 and "--password" in result.output
        assert not db.exists()
