"""A sync refusal reads in one language (DESIGN.md §7): the command line run with --lang en says it in English with
no Chinese, and run without it in Chinese with no English word (file names, ids and codes aside) — a damaged
bundle, hazard events a device's bundle may not bring (sync/history_checks.py), a file `hub init` cannot take
(services/hub_gate.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.services.devices import DeviceService

from hostile import HostileEdit
from sync_helpers import db_digest, exchange, hazard_of, unseal_in_place
from test_hazard_history import _event, _rewritten

HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _chinese(output: str, *codes: str) -> bool:
    """Chinese and no English word once the codes (file names, ids, table and field names) are taken out."""
    for code in codes:
        output = output.replace(code, "")
    output = UUID.sub("", output)
    return bool(HAN.search(output)) and not ENGLISH_WORD.search(output)


def _english(output: str) -> bool:
    return bool(ENGLISH_WORD.search(output)) and not HAN.search(output)


def _import(db: Path, bundle: Path, *lang: str):
    return CliRunner().invoke(main, [*lang, "--db", str(db), "sync", "import", str(bundle)])


def test_a_damaged_bundle_is_refused_in_the_language_chosen(world, tmp_path: Path) -> None:
    office, inspector, _ = world
    bundle = inspector.sync.export(tmp_path, for_device=office.device_id).path
    damaged = tmp_path / "damaged.sdsync"
    damaged.write_bytes(bundle.read_bytes()[:-30])
    office_db = office.store.path
    office.close()
    before = _digest(office_db)

    english = _import(office_db, damaged, "--lang", "en")
    assert english.exit_code == 2 and english.output.startswith("Error: damaged.sdsync: "), english.output
    assert "nothing was changed" in english.output and _english(english.output), english.output
    chinese = _import(office_db, damaged)
    assert chinese.exit_code == 2 and "damaged.sdsync" in chinese.output, chinese.output
    assert "数据库未作任何更改" in chinese.output and _chinese(chinese.output, "damaged.sdsync"), chinese.output
    assert _digest(office_db) == before


def test_refused_hazard_events_are_named_in_the_language_chosen(world, tmp_path: Path) -> None:
    office, inspector, _ = world
    exchange(office, inspector, tmp_path)
    hazard = hazard_of(inspector.store, "隐患1")
    raw = HostileEdit(inspector)
    backdated = _event(raw, hazard.id, "reopened", clock=f"{1:013d}-000000-{inspector.device_id}")
    second = _event(raw, hazard.id, "created", deadline="2027-01-01")
    erased = _event(raw, hazard.id, "comment")
    raw.commit()
    path = unseal_in_place(inspector.sync.export(tmp_path / "hostile.sdsync", for_device=office.device_id).path,
                           office)
    _rewritten(path, inspector.store.db.local("private_key"),
               lambda line: line.replace(b'"kind":"comment"', b'"kind":"erased"') if erased.encode() in line else line)
    # The same office twice: one imports the bundle in Chinese, the other in English.
    office_db = office.store.path
    office.close()
    twin = tmp_path / "twin"
    twin.mkdir()
    for sibling in office_db.parent.glob(office_db.name + "*"):
        shutil.copy2(sibling, twin / sibling.name)

    english = _import(office_db, path, "--lang", "en")
    assert english.exit_code == 0, english.output
    refused = [line for line in english.output.splitlines() if line.startswith("  refused: ")]
    assert len(refused) == 3, english.output
    assert any("has a “created” event already" in line and second in line for line in refused), refused
    assert any("its history must begin with it" in line and backdated in line for line in refused), refused
    assert any("unknown hazard event kind “erased”" in line and erased in line for line in refused), refused
    assert all(_english(line) for line in refused), refused

    chinese = _import(twin / office_db.name, path)
    assert chinese.exit_code == 0, chinese.output
    refused = [line for line in chinese.output.splitlines() if line.startswith("  拒收：")]
    assert len(refused) == 3, chinese.output
    assert any("隐患已有“登记”事件，不能再登记一次" in line for line in refused), refused
    assert any("未知的隐患事件类型“erased”" in line for line in refused), refused
    assert all(_chinese(line, "hazard_event.*", "hazard_event", "kind", "created", "erased") for line in refused), \
        refused


def test_hub_init_refuses_a_device_enrolment_file_in_the_language_chosen(world, tmp_path: Path) -> None:
    office, _, _ = world
    enrol = tmp_path / "laptop.sdenroll"
    enrolled = DeviceService(office.session).enroll("inspector", "laptop", enrol, district_codes=["D1"])
    office.close()
    runner = CliRunner(env={"SAFETY_DESK_ENROL_PASSPHRASE": enrolled.passphrase})
    command = ["hub", "init", "--database", "postgresql://nobody@127.0.0.1:1/none", "--enrolment", str(enrol)]

    english = runner.invoke(main, ["--lang", "en", *command])
    assert english.exit_code == 2, english.output
    assert "laptop.sdenroll: not a hub enrolment file" in english.output and _english(english.output), \
        english.output
    chinese = runner.invoke(main, command)
    assert chinese.exit_code == 2 and "不是集线器登记文件" in chinese.output, chinese.output
    assert _chinese(chinese.output, "laptop.sdenroll", "`safety-desk device enroll --role hub`"), chinese.output


def _digest(path: Path) -> str:
    from safety_desk.store.store import Store

    with Store.open(path) as store:
        return db_digest(store)
