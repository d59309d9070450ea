"""Going live with accounts, by the command line alone: init, a district, an inspector with a one-time password, a
laptop enrolled and joined; the inspector signs in there and chooses a password that reaches the office; disabled
at the office, refused on the laptop after the next sync."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.store.store import Store
from tests.enrolment import passphrase_in


def run(db: Path, *args: str, input: str | None = None) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args], input=input, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def sync(sender: Path, receiver: Path, folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.sdsync"):
        old.unlink()
    run(sender, "sync", "export", "--to", str(folder))
    run(receiver, "sync", "import", str(next(folder.glob("*.sdsync"))))


def sign_in(db: Path, login: str, password: str):
    with Store.open(db) as store:
        return SignIn(store).sign_in(login, password).person


def test_an_inspector_goes_live_and_leaves(tmp_path: Path, monkeypatch) -> None:
    office, laptop, out = tmp_path / "office.db", tmp_path / "laptop.db", tmp_path / "out"
    run(office, "init", "--office", "市国资委安全办", "--admin", "admin", "--password", "office-admin-1")
    steps = [
        ("district", "add", "D01", "东片区"),
        ("person", "add", "--login", "li", "--name", "李检查", "--role", "inspector", "--district", "D01"),
        ("device", "enroll", "--role", "inspector", "--district", "D01", "--name", "李检查的电脑", "-o",
         str(tmp_path / "li.sdenroll")),
    ]
    outputs = [run(office, *step) for step in steps]
    one_time = outputs[1].split("：")[1].split()[0]
    monkeypatch.setenv("SAFETY_DESK_ENROL_PASSPHRASE", passphrase_in(outputs[2]))
    run(laptop, "device", "join", str(tmp_path / "li.sdenroll"))

    # The enrolment carried the account: the one-time password signs in on the laptop and must be replaced.
    assert sign_in(laptop, "li", one_time).must_change_password
    run(laptop, "person", "password", "li", input=f"{one_time}\nli-own-password\nli-own-password\n")
    assert not sign_in(laptop, "li", "li-own-password").must_change_password
    sync(laptop, office, out)
    assert not sign_in(office, "li", "li-own-password").must_change_password

    run(office, "person", "disable", "li")
    sync(office, laptop, out)
    with pytest.raises(SignInFailed, match="停用"):
        sign_in(laptop, "li", "li-own-password")
    assert "已停用" in run(office, "person", "list")
