"""`checklist validate` refuses a list citing a clause its standard lacks, repeating a clause, or with edition
dates that contradict each other or its standard, naming file and line."""

from pathlib import Path

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.major_standards import ORDER_10, chinese_number
from safety_desk.services.checklist_library import validate_paths

HEAD = '''id = "t"
version = 1
title = "测试"
effective = 2026-01-01
standard = "应急管理部令第10号"
standard_superseded = false
industries = ["*"]
description = "d"

[[sections]]
code = "A"
title = "甲"
'''


def item(code: str, standard: str, clause: str) -> str:
    return f'''
[[sections.items]]
code = "{code}"
text = "t"
guidance = "g"
basis = "b"
kind = "pass_fail"
weight = 1
photo_on_fail = false
tag = "V"
major_if_failed = {{ standard = "{standard}", clause = "{clause}" }}
'''


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "t.toml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    checklists, errors = validate_paths([path])
    assert not (checklists and errors)
    return [str(e) for e in errors]


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


def test_order_10_has_its_64_situations_and_article_14():
    assert len(ORDER_10.clauses) == 65 and "第十四条" in ORDER_10.clauses
    assert "第五条（十三）" in ORDER_10.clauses and "第五条（十四）" not in ORDER_10.clauses
    assert [chinese_number(n) for n in (1, 10, 13, 20, 21)] == ["一", "十", "十三", "二十", "二十一"]


def test_a_valid_list_passes(tmp_path):
    path = write(tmp_path, HEAD + item("A-1", "应急管理部令第10号", "第四条（三）")
                 + item("A-2", "应急管理部令第10号", "第十四条"))
    assert errors_of(path) == []


def test_a_clause_outside_the_standard_is_refused_at_its_line(tmp_path):
    path = write(tmp_path, HEAD + item("A-1", "应急管理部令第10号", "第四条（三）")
                 + item("A-2", "应急管理部令第10号", "第四条（九）"))
    [error] = errors_of(path)
    assert error.startswith(f"{path}:{line_of(path, '第四条（九）')}: major_if_failed: ")
    assert "第四条（九）" in error and "不是应急管理部令第10号的条款" in error


def test_a_clause_still_to_be_checked_is_refused(tmp_path):
    path = write(tmp_path, HEAD + item("A-1", "应急管理部令第10号", "第四条（项次待核）"))
    assert "不是应急管理部令第10号的条款" in errors_of(path)[0]


def test_an_unknown_standard_is_refused(tmp_path):
    path = write(tmp_path, HEAD + item("A-1", "某某标准", "第一条"))
    [error] = errors_of(path)
    assert f"{path}:{line_of(path, '某某标准')}:" in error and "未登记" in error


def test_a_clause_twice_in_one_list_is_refused_at_the_second(tmp_path):
    path = write(tmp_path, HEAD + item("A-1", "应急管理部令第10号", "第三条（二）")
                 + item("A-2", "应急管理部令第10号", "第三条（二）"))
    [error] = errors_of(path)
    assert error.startswith(f"{path}:{line_of(path, '第三条（二）', 2)}: ")
    assert "A-2" in error and "已由 A-1 判定" in error


def test_the_same_clause_in_two_lists_is_fine(tmp_path):
    first = write(tmp_path, HEAD + item("A-1", "应急管理部令第10号", "第三条（二）"))
    second = tmp_path / "u.toml"
    second.write_text(first.read_text("utf-8").replace('id = "t"', 'id = "u"'), encoding="utf-8")
    checklists, errors = validate_paths([first, second])
    assert errors == [] and len(checklists) == 2


def test_a_superseded_list_needs_its_stop_date(tmp_path):
    text = HEAD.replace("effective = 2026-01-01", "effective = 2018-07-01").replace(
        "standard_superseded = false", 'standard_superseded = true\nsuperseded_by = "新标准"') + item(
        "A-1", "GB 35181-2017", "6.3")
    path = write(tmp_path, text)
    [error] = errors_of(path)
    assert error.startswith(f"{path}:{line_of(path, 'standard_superseded')}: ") and "superseded_on" in error
    path.write_text(text.replace('superseded_by = "新标准"', 'superseded_by = "新标准"\nsuperseded_on = 2025-11-01'),
                    encoding="utf-8")
    assert errors_of(path) == []


def test_a_stop_date_not_after_the_start_is_refused(tmp_path):
    text = HEAD.replace("standard_superseded = false",
                        'standard_superseded = true\nsuperseded_by = "新"\nsuperseded_on = 2025-12-31')
    path = write(tmp_path, text + item("A-1", "应急管理部令第10号", "第三条（一）"))
    [error] = errors_of(path)
    assert error.startswith(f"{path}:{line_of(path, 'superseded_on')}: superseded_on") and "必须晚于" in error


def test_a_stop_date_on_a_current_list_is_refused(tmp_path):
    path = write(tmp_path, HEAD.replace("standard_superseded = false",
                                        "standard_superseded = false\nsuperseded_on = 2027-01-01")
                 + item("A-1", "应急管理部令第10号", "第三条（一）"))
    assert "standard_superseded = true" in errors_of(path)[0]


def test_a_current_list_citing_a_replaced_standard_is_refused(tmp_path):
    # 121号 stopped on 2026-09-30: a list still current would grade by it after that day.
    path = write(tmp_path, HEAD + item("A-1", "安监总管三〔2017〕121号", "第一项")
                 + item("A-2", "安监总管三〔2017〕121号", "第二项"))
    [error] = errors_of(path)  # one problem per standard, not per item
    assert error.startswith(f"{path}:{line_of(path, '第一项')}: ") and "2026-09-30停止施行" in error


def test_a_list_stopped_before_its_standard_began_is_refused(tmp_path):
    text = HEAD.replace("effective = 2026-01-01", "effective = 2020-01-01").replace(
        "standard_superseded = false", 'standard_superseded = true\nsuperseded_by = "新"\nsuperseded_on = 2022-01-01')
    path = write(tmp_path, text + item("A-1", "应急管理部令第10号", "第三条（一）"))
    assert "施行（2023-05-15）之前就已停用" in errors_of(path)[0]


def test_the_cli_refuses_with_file_and_line(tmp_path):
    path = write(tmp_path, HEAD + item("A-1", "应急管理部令第10号", "第三条（二）")
                 + item("A-2", "应急管理部令第10号", "第三条（二）"))
    result = CliRunner().invoke(main, ["checklist", "validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:{line_of(path, '第三条（二）', 2)}: major_if_failed:" in result.output
