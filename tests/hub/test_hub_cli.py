"""The hub's commands as a new user types them: enrol the hub at the office, `hub init`, `sync hub URL`."""

from __future__ import annotations

from click.testing import CliRunner

from safety_desk.cli import main
from tests.enrolment import passphrase_in


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)


def test_enrol_init_and_sync_from_the_command_line(hub_world, hub_database, live_hub, tmp_path, monkeypatch) -> None:
    office_db = str(hub_world["office"].store.path)
    hub_world["office"].close()
    enrol = tmp_path / "新集线器.sdenroll"
    result = run("--db", office_db, "device", "enroll", "--role", "hub", "--name", "新集线器", "-o", str(enrol))
    assert result.exit_code == 0, result.output
    sealed = enrol.read_bytes()  # the device list and the unused devices' tokens: none readable without the passphrase
    device_ids = [hub_world[name].store.db.device_id for name in ("laptop1", "laptop2", "enterprise")]
    assert not any(device_id.encode() in sealed for device_id in device_ids) and b"public_key" not in sealed
    without = run("hub", "init", "--database", hub_database, "--enrolment", str(enrol))
    assert without.exit_code == 2 and "SAFETY_DESK_ENROL_PASSPHRASE" in without.output
    monkeypatch.setenv("SAFETY_DESK_ENROL_PASSPHRASE", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    wrong = run("hub", "init", "--database", hub_database, "--enrolment", str(enrol))
    assert wrong.exit_code == 2 and "登记口令不对" in wrong.output and "新集线器.sdenroll" in wrong.output
    monkeypatch.setenv("SAFETY_DESK_ENROL_PASSPHRASE", passphrase_in(result.output))
    refused = run("--db", office_db, "device", "enroll", "--role", "hub", "--district", "D1", "--name", "x",
                  "-o", str(tmp_path / "x.sdenroll"))
    assert refused.exit_code == 2 and "不用 --district" in refused.output
    first = run("hub", "init", "--database", hub_database, "--enrolment", str(enrol))
    assert first.exit_code == 0 and "已执行的迁移：1" in first.output and "已登记" in first.output, first.output
    again = run("hub", "init", "--database", hub_database, "--enrolment", str(enrol))
    assert again.exit_code == 0 and "已执行的迁移：无" in again.output and "身份不变" in again.output
    other = tmp_path / "另一个.sdenroll"
    made = run("--db", office_db, "device", "enroll", "--role", "hub", "--name", "另一个", "-o", str(other))
    assert made.exit_code == 0, made.output
    taken = run("hub", "init", "--database", hub_database, "--enrolment", str(other),
                env={"SAFETY_DESK_ENROL_PASSPHRASE": passphrase_in(made.output)})
    assert taken.exit_code == 1 and "另一个集线器" in taken.output
    not_hub = run("hub", "init", "--database", hub_database, "--enrolment", str(tmp_path / "devices" / "laptop1.sdenroll"))
    assert not_hub.exit_code == 2 and "登记口令不对" in not_hub.output  # a laptop's file: sealed with its own
    url = live_hub(hub_database).url
    synced = run("--db", office_db, "sync", "hub", url)
    assert synced.exit_code == 0 and "集线器" in synced.output, synced.output
    laptop = run("--db", str(hub_world["laptop1"].store.path), "sync", "hub", url)
    assert laptop.exit_code == 0, laptop.output
    status = run("--db", office_db, "sync", "status")
    assert status.exit_code == 0 and "上次同步 20" in status.output and "待上传 0 个同步包" in status.output
    nowhere = run("--db", office_db, "sync", "hub", "http://127.0.0.1:9")
    assert nowhere.exit_code == 1 and "集线器无法连接" in nowhere.output
    bad = run("--db", office_db, "sync", "hub", "ftp://x")
    assert bad.exit_code == 2 and "https://" in bad.output


def test_serve_refuses_a_database_not_initialised(hub_database) -> None:
    result = run("hub", "serve", "--database", hub_database, "--listen", "127.0.0.1:0")
    assert result.exit_code == 1 and "尚未初始化" in result.output
    assert run("hub", "serve", "--database", hub_database, "--listen", "nonsense").exit_code == 2


def test_an_english_user_reads_hub_problems_in_english(hub_world) -> None:
    office_db = str(hub_world["office"].store.path)
    hub_world["office"].close()
    nowhere = run("--lang", "en", "--db", office_db, "sync", "hub", "http://127.0.0.1:9")
    assert nowhere.exit_code == 1 and "cannot reach the hub" in nowhere.output, nowhere.output
    assert "集线器" not in nowhere.output
    bad = run("--lang", "en", "--db", office_db, "sync", "hub", "ftp://x")
    assert bad.exit_code == 2 and "starts with https://" in bad.output and "集线器" not in bad.output, bad.output


def test_an_upgrade_needs_no_enrolment_file_and_a_first_init_says_it_does(hub_world, hub_database, tmp_path) -> None:
    # The README's upgrade is "run `hub init` once", and `hub serve` on an old schema says so; `--enrolment` was
    # required, and the file is used once (its passphrase shown once): the upgrade could not be run as told.
    fresh = run("hub", "init", "--database", hub_database)
    assert fresh.exit_code == 1 and "--enrolment" in fresh.output and "未作任何更改" in fresh.output, fresh.output
    office_db = str(hub_world["office"].store.path)
    hub_world["office"].close()
    enrol = tmp_path / "市集线器.sdenroll"
    made = run("--db", office_db, "device", "enroll", "--role", "hub", "--name", "市集线器", "-o", str(enrol))
    assert "已登记设备：市集线器（集线器）" in made.output, made.output
    first = run("hub", "init", "--database", hub_database, "--enrolment", str(enrol),
                env={"SAFETY_DESK_ENROL_PASSPHRASE": passphrase_in(made.output)})
    assert first.exit_code == 0 and "已登记" in first.output, first.output
    upgrade = run("hub", "init", "--database", hub_database)
    assert upgrade.exit_code == 0 and "市集线器" in upgrade.output and "身份不变" in upgrade.output, upgrade.output


def test_serve_refuses_a_metrics_token_that_could_be_guessed(hub_database, tmp_path) -> None:
    token = tmp_path / "metrics.token"
    token.write_text("short\n")
    result = run("hub", "serve", "--database", hub_database, "--metrics-token-file", str(token))
    assert result.exit_code == 2 and "至少 16 个 ASCII 字符" in result.output, result.output


def test_an_enterprise_report_reaches_the_inspector_at_the_command_line_while_the_office_is_off(
        hub_world, running_hub) -> None:
    """The issue's story as a new user types it: the office and the laptop sync with the hub once, the office's
    program is then off, the enterprise reports a hazard rectified; the inspector's next `sync hub` says so and
    `sync previews` shows it, marked as awaiting the office; once the office has synced it is a record instead."""
    import json

    from safety_desk.services.hazards import HazardService
    from tests.sync.sync_helpers import add_photo, as_person, hazard_of

    url, _ = running_hub
    paths = {name: str(hub_world[name].store.path) for name in ("office", "laptop1", "enterprise")}
    enterprise = hub_world["enterprise"]
    hazard = hazard_of(enterprise.store, "隐患1")
    for name in ("office", "laptop1", "enterprise", "office", "laptop1", "enterprise"):
        assert run("--db", paths[name], "sync", "hub", url).exit_code == 0
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已更换灭火器并张贴标识",
                                                                [add_photo(enterprise.store, "整改后")])
    for replica in hub_world.values():
        replica.close()
    assert run("--db", paths["enterprise"], "sync", "hub", url).exit_code == 0

    synced = run("--db", paths["laptop1"], "sync", "hub", url)
    assert synced.exit_code == 0 and "1 条企业上报待安全办确认" in synced.output, synced.output
    shown = run("--db", paths["laptop1"], "sync", "previews")
    assert "【待安全办确认】" in shown.output and "已更换灭火器并张贴标识" in shown.output, shown.output
    assert "照片 1 张" in shown.output
    listed = json.loads(run("--db", paths["laptop1"], "sync", "previews", "--json").output)["previews"]
    assert [item["items"][0]["event_kind"] for item in listed] == ["reported_rectified"]
    awaiting = run("--db", paths["laptop1"], "ledger", "--status", "待复查", "--json").output
    assert hazard.id not in awaiting  # a preview is not a record: the ledger does not have it

    assert run("--db", paths["office"], "sync", "hub", url).exit_code == 0  # the office's program runs again
    assert run("--db", paths["laptop1"], "sync", "hub", url).exit_code == 0
    assert "没有待安全办确认的企业上报" in run("--db", paths["laptop1"], "sync", "previews").output
    assert hazard.id in run("--db", paths["laptop1"], "ledger", "--status", "待复查", "--json").output
