"""CLI listings show grades, statuses and kinds in the run's language; --json keeps the stored codes."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from tests.demo_data import DEMO_AS_OF

# CJK ideographs and CJK punctuation (、。「」…): none may reach an English reader outside user data.
CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f]")
LISTINGS = [("ledger", "--as-of", DEMO_AS_OF.isoformat()), ("inspection", "list"), ("drill", "list"),
            ("district", "list"), ("person", "list"), ("device", "list"), ("sync", "status")]


@pytest.fixture(scope="module")
def ascii_demo(tmp_path_factory, copy_of_demo) -> Path:
    """The demo database with every user-data text the listings print made ASCII: any CJK left is ours."""
    path = copy_of_demo(tmp_path_factory.mktemp("cli-vocabulary"))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE office SET name = 'Test office'")
        conn.execute("UPDATE district SET name = 'District ' || code")
        conn.execute("UPDATE enterprise SET name = 'Enterprise ' || rowid")
        conn.execute("UPDATE person SET name = 'Person ' || rowid")
        conn.execute("UPDATE hazard SET description = 'Hazard ' || rowid, location = 'Place ' || rowid")
        conn.execute("UPDATE drill SET name = 'Drill ' || rowid")
        conn.execute("UPDATE device SET name = 'Device ' || rowid")
    conn.close()
    return path


def run(db: Path, language: str, *args: str):
    result = CliRunner().invoke(main, ["--lang", language, "--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("args", LISTINGS, ids=lambda args: " ".join(args[:2]))
def test_an_english_listing_has_no_chinese_word(ascii_demo: Path, args) -> None:
    result = run(ascii_demo, "en", *args)
    assert result.stdout.strip(), args
    for line in (result.stdout + result.stderr).splitlines():
        assert not CJK.search(line), line


def test_the_english_ledger_names_grades_and_statuses_in_english(ascii_demo: Path) -> None:
    lines = [line.split("\t") for line in run(ascii_demo, "en", *LISTINGS[0]).stdout.splitlines()]
    assert {line[3] for line in lines} == {"General", "Major"}
    assert {"In rectification", "Awaiting re-inspection", "Closed"} <= {line[4] for line in lines}
    kinds = {line.split("\t")[4] for line in run(ascii_demo, "en", "inspection", "list").stdout.splitlines()}
    assert {"Unannounced", "Campaign"} <= kinds


def test_in_chinese_the_listings_keep_the_chinese_words(ascii_demo: Path) -> None:
    lines = [line.split("\t") for line in run(ascii_demo, "zh_CN", *LISTINGS[0]).stdout.splitlines()]
    assert {line[3] for line in lines} == {"一般", "重大"}
    assert {"整改中", "待复查", "已销号"} <= {line[4] for line in lines}
    kinds = {line.split("\t")[4] for line in run(ascii_demo, "zh_CN", "inspection", "list").stdout.splitlines()}
    assert {"四不两直", "大排查/专项检查"} <= kinds
    assert "、" in run(ascii_demo, "zh_CN", "district", "list").stdout
    roles = {line.split("\t")[2] for line in run(ascii_demo, "zh_CN", "person", "list").stdout.splitlines()}
    assert {"安全办", "包片领导", "检查员"} <= roles and not roles & {"office", "leader", "inspector"}


@pytest.mark.parametrize("args", [LISTINGS[0], ("inspection", "list")], ids=["ledger", "inspection list"])
def test_json_keeps_the_stored_codes_whatever_the_language(ascii_demo: Path, args) -> None:
    # status_name is the listing's display word for a draft/submitted code, by design in the run's language.
    english, chinese = ([{key: value for key, value in row.items() if key != "status_name"}
                         for row in json.loads(run(ascii_demo, language, *args, "--json").stdout)]
                        for language in ("en", "zh_CN"))
    assert english == chinese
    assert {row.get("grade", row.get("kind_name")) for row in english} & {"重大", "四不两直"}


def test_grade_and_status_filters_take_the_english_words_or_the_codes(ascii_demo: Path) -> None:
    for words, codes in ((["--grade", "Major"], ["--grade", "重大"]),
                         (["--status", "awaiting re-inspection"], ["--status", "待复查"])):
        by_words = json.loads(run(ascii_demo, "en", "ledger", *words, "--json").stdout)
        by_codes = json.loads(run(ascii_demo, "zh_CN", "ledger", *codes, "--json").stdout)
        every = json.loads(run(ascii_demo, "zh_CN", "ledger", "--json").stdout)
        assert by_words == by_codes and 0 < len(by_codes) < len(every)
    refused = CliRunner().invoke(main, ["--db", str(ascii_demo), "ledger", "--grade", "huge"])
    assert refused.exit_code == 2 and "不是 一般、重大 之一" in refused.output
