"""The GB/T 4754-2017 table: every municipal SOE sector, the national names an office's list uses, every 大类."""

from __future__ import annotations

import pytest

from safety_desk.domain.industry import Industry
from safety_desk.domain.industry_codes import (
    DIVISIONS, SECTIONS, SOE_SECTORS, industry_from_list, map_industry, nearest_names,
)

NATIONAL_NAMES = ("建筑业", "水的生产和供应业", "道路运输业", "燃气生产和供应业", "商务服务业", "仓储业", "旅游业")


@pytest.mark.parametrize("name", SOE_SECTORS + NATIONAL_NAMES)
def test_every_soe_sector_and_national_name_maps(name: str) -> None:
    assert isinstance(map_industry(name), Industry), name


def test_every_section_and_division_maps_by_letter_code_and_name() -> None:
    assert sorted(SECTIONS) == [chr(c) for c in range(ord("A"), ord("T") + 1)]
    assert sorted(DIVISIONS) == [f"{n:02d}" for n in range(1, 98)]
    for letter, (name, industry) in SECTIONS.items():
        assert map_industry(letter) == map_industry(f"{letter} {name}") == industry
    for code, (name, industry) in DIVISIONS.items():
        assert map_industry(code) == map_industry(name) == industry, (code, name)


@pytest.mark.parametrize("text, industry", [
    ("E", "建筑施工"), ("建筑业", "建筑施工"), ("47", "建筑施工"), ("房屋建筑业", "建筑施工"), ("E47", "建筑施工"),
    ("4710", "建筑施工"), ("E4710 住宅房屋建筑", "建筑施工"), ("Ｅ４７", "建筑施工"),
    ("5412", "城市轨道交通"), ("54", "交通运输"), ("5411", "交通运输"), ("轨道交通", "城市轨道交通"),
    ("热力", "电力"), ("4430", "电力"), ("燃气", "燃气"), ("45", "燃气"), ("D4511", "燃气"), ("液化石油气", "燃气"), ("26", "危险化学品"), ("化工", "危险化学品"),
    ("5951", "仓储物流"), ("粮食储备", "仓储物流"), ("7212", "金融服务"), ("金融和投资", "金融服务"),
    ("3411", "机械"), ("06", "矿山"), ("房地产", "房地产"), ("70", "房地产"), ("城投/建设", "建筑施工"),
    ("商贸", "商贸"), ("F", "商贸"), ("文化旅游", "酒店餐饮"), ("61", "酒店餐饮"), ("水务", "其他"),
    ("机械", "机械"), ("危险化学品", "危险化学品"),
])
def test_codes_names_and_short_forms_map_to_the_supervision_industry(text: str, industry: str) -> None:
    assert map_industry(text) == Industry(industry)


def test_an_unknown_name_is_refused_with_the_nearest_names_unless_a_fallback_is_given() -> None:
    with pytest.raises(ValueError) as refused:
        industry_from_list("建筑工程业")
    message = str(refused.value)
    assert "未知行业" in message and "建筑工程业" in message and "--" not in message  # no command's option
    assert "最接近" in message and "→建筑施工" in message
    assert any("建筑" in n for n in nearest_names("建筑工程业"))
    assert nearest_names("宇航") == [i.value for i in Industry]  # nothing alike: the supervision industries
    assert industry_from_list("建筑工程业", Industry.OTHER) is Industry.OTHER
    assert map_industry("99") is None and map_industry("Z") is None and map_industry("") is None
