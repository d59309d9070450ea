"""Reading checklist files: encoding, size, error collection, duplicate versions, industry filter."""

from pathlib import Path

import pytest

from safety_desk.domain.checklist import MAX_TEXT_BYTES, ChecklistError
from safety_desk.domain.industry import Industry
from safety_desk.services.checklist_library import (
    checklists_for_industry,
    latest_versions,
    load_checklist_file,
    load_library,
    validate_paths,
)


def checklist_text(id_: str = "t", version: int = 1, industries: str = '["*"]') -> str:
    return (f'id = "{id_}"\nversion = {version}\ntitle = "t"\neffective = 2026-01-01\n'
            f'standard = "S"\nstandard_superseded = false\nindustries = {industries}\n'
            'description = "说明"\n\n[[sections]]\ncode = "A"\ntitle = "甲"\n\n[[sections.items]]\n'
            'code = "A-1"\ntext = "t"\nguidance = "g"\nbasis = "b"\nkind = "pass_fail"\n'
            'weight = 1\nphoto_on_fail = false\ntag = "M"\n')


# checklist_text() is 22 lines: weight on line 20, tag on line 22.


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicate_id_and_version_names_both_files(tmp_path):
    first = write(tmp_path, "a.toml", checklist_text())
    second = write(tmp_path, "b.toml", "# edited copy\n" + checklist_text())
    checklists, errors = validate_paths([first, second])
    assert [c.id for c in checklists] == ["t"]
    [err] = errors
    assert (err.source, err.line, err.field) == (str(second), 2, "id")
    assert str(first) in str(err) and str(second) in str(err)
    with pytest.raises(ChecklistError, match="also defined in"):
        load_library([first, second])


def test_same_id_with_another_version_is_fine(tmp_path):
    paths = [write(tmp_path, "a.toml", checklist_text(version=1)),
             write(tmp_path, "b.toml", checklist_text(version=2))]
    assert [c.version for c in load_library(paths)] == [1, 2]
    assert [c.version for c in latest_versions(load_library(paths))] == [2]


def test_validate_paths_collects_every_error_and_keeps_good_files(tmp_path):
    good = write(tmp_path, "good.toml", checklist_text(id_="good"))
    bad1 = write(tmp_path, "bad1.toml", checklist_text(id_="bad1").replace("weight = 1", "weight = 0"))
    bad2 = write(tmp_path, "bad2.toml", checklist_text(id_="bad2").replace('tag = "M"', 'tag = "Q"'))
    checklists, errors = validate_paths([bad1, good, bad2])
    assert [c.id for c in checklists] == ["good"]
    assert [(e.source, e.line, e.field) for e in errors] == [
        (str(bad1), 20, "sections[1].items[1].weight"),
        (str(bad2), 22, "sections[1].items[1].tag"),
    ]
    with pytest.raises(ChecklistError) as info:
        load_library([bad1, good, bad2])
    assert info.value.source == str(bad1)


def test_non_utf8_file_reports_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "gbk.toml"
    path.write_bytes(checklist_text().replace('"说明"', '"x"').encode() + '# 注释\n'.encode("gbk"))
    with pytest.raises(ChecklistError) as info:
        load_checklist_file(path)
    assert (info.value.line, info.value.field) == (23, "encoding")  # template is 22 lines


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + checklist_text().encode())
    assert load_checklist_file(path).id == "t"


def test_oversized_file_is_refused(tmp_path):
    path = write(tmp_path, "big.toml", checklist_text() + "#" * MAX_TEXT_BYTES)
    with pytest.raises(ChecklistError) as info:
        load_checklist_file(path)
    assert info.value.field == "file"


def test_missing_file_is_a_checklist_error(tmp_path):
    _, errors = validate_paths([tmp_path / "nope.toml"])
    assert [e.field for e in errors] == ["file"]


def test_checklists_for_industry_puts_named_ones_before_general(tmp_path):
    paths = [write(tmp_path, "all.toml", checklist_text(id_="all")),
             write(tmp_path, "chem.toml", checklist_text(id_="chem", industries='["危险化学品"]')),
             write(tmp_path, "metal.toml", checklist_text(id_="metal", industries='["冶金", "有色"]'))]
    checklists = load_library(paths)
    assert [c.id for c in checklists_for_industry(checklists, Industry.METALLURGY)] == ["metal", "all"]
    assert [c.id for c in checklists_for_industry(checklists, "危险化学品")] == ["chem", "all"]
    assert [c.id for c in checklists_for_industry(checklists, Industry.FINANCE_SERVICES)] == ["all"]
    with pytest.raises(ValueError):
        checklists_for_industry(checklists, "化工")
