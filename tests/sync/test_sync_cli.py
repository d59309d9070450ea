"""The device and sync commands: exit codes 0/2, messages Chinese then English, nothing changed on bad input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from safety_desk.cli import main
from tests.enrolment import passphrase_in

from sync_helpers import db_digest, make_office


def run(*args: str):
    return CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)  # read in English


def test_enrol_join_export_import_folder_and_revoke_from_the_command_line(tmp_path: Path, monkeypatch) -> None:
    office = make_office(tmp_path)
    office_db = str(office.store.path)
    office.close()
    laptop_db = str(tmp_path / "laptop.db")
    enrol = tmp_path / "laptop.sdenroll"

    result = run("--db", office_db, "device", "enroll", "--role", "inspector", "--district", "D1", "--name",
                 "laptop", "-o", str(enrol))
    assert result.exit_code == 0, result.output
    assert "enrolled laptop" in result.output and "notice numbers" in result.output
    monkeypatch.setenv("SAFETY_DESK_ENROL_PASSPHRASE", passphrase_in(result.output))

    result = run("--db", laptop_db, "device", "join", str(enrol))
    assert result.exit_code == 0, result.output
    assert "is now laptop (inspector)" in result.output
    result = run("--db", laptop_db, "device", "join", str(enrol))
    assert result.exit_code == 2 and "fresh installation" in result.output

    result = run("--db", office_db, "device", "list")
    assert result.exit_code == 0 and "laptop" in result.output and "awaiting first bundle" in result.output

    out = tmp_path / "out"
    out.mkdir()
    result = run("--db", laptop_db, "sync", "export", "--to", str(out))
    assert result.exit_code == 0, result.output
    bundle = next(out.glob("*.sdsync"))
    result = run("--db", office_db, "sync", "import", str(bundle))
    assert result.exit_code == 0, result.output
    assert "applied" in result.output
    result = run("--db", office_db, "sync", "import", str(bundle))
    assert result.exit_code == 0 and "already imported" in result.output

    tampered = tmp_path / "tampered.sdsync"
    tampered.write_bytes(bundle.read_bytes()[:-30])
    from safety_desk.store.store import Store

    with Store.open(office_db) as store:
        before = db_digest(store)
    result = run("--db", office_db, "sync", "import", str(tampered))
    assert result.exit_code == 2 and "truncated" in result.output and "nothing was changed" in result.output
    with Store.open(office_db) as store:
        assert db_digest(store) == before

    hub = tmp_path / "hub"
    hub.mkdir()
    for db in (office_db, laptop_db, office_db):
        result = run("--db", db, "sync", "folder", str(hub))
        assert result.exit_code == 0, result.output
    assert "imported 1" in result.output

    result = run("--db", office_db, "sync", "export", "--to", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "no such folder" in result.output
    result = run("--db", office_db, "device", "enroll", "--role", "inspector", "--district", "D9", "--name", "x",
                 "-o", str(tmp_path / "x.sdenroll"))
    assert result.exit_code == 2 and "D9" in result.output and not (tmp_path / "x.sdenroll").exists()

    result = run("--db", office_db, "device", "revoke", "laptop")
    assert result.exit_code == 0 and "revoked laptop" in result.output
    result = run("--db", office_db, "device", "revoke", "laptop")
    assert result.exit_code == 2 and "already revoked" in result.output
    result = run("--db", laptop_db, "sync", "conflicts")
    assert result.exit_code == 0
    result = run("--db", office_db, "sync", "status")
    assert result.exit_code == 0 and "laptop" in result.output and "revoked" in result.output
