"""Industries an enterprise can belong to, their 国资委 risk class, drill-frequency risk and their own checklists."""

from enum import StrEnum

from safety_desk.domain.language import say


class Industry(StrEnum):
    """Industry of a supervised enterprise; the value is the Chinese name stored and shown."""

    METALLURGY = "冶金"
    NONFERROUS = "有色"
    BUILDING_MATERIALS = "建材"
    MACHINERY = "机械"
    LIGHT_INDUSTRY = "轻工"
    TEXTILES = "纺织"
    TOBACCO = "烟草"
    COMMERCE = "商贸"
    HAZARDOUS_CHEMICALS = "危险化学品"
    CONSTRUCTION = "建筑施工"
    MINING = "矿山"
    TRANSPORT = "交通运输"
    WAREHOUSING = "仓储物流"
    POWER = "电力"
    GAS = "燃气"  # 城镇燃气经营 (GB/T 4754 D45), judged by its own standard, 建城规〔2023〕4号
    URBAN_RAIL = "城市轨道交通"
    HOTEL_CATERING = "酒店餐饮"
    REAL_ESTATE = "房地产"
    FINANCE_SERVICES = "金融服务"
    OTHER = "其他"


# 工贸 industries judged by 应急管理部令第10号 (regulations.md §3A scope, [V]).
GONGMAO = frozenset({
    Industry.METALLURGY, Industry.NONFERROUS, Industry.BUILDING_MATERIALS, Industry.MACHINERY,
    Industry.LIGHT_INDUSTRY, Industry.TEXTILES, Industry.TOBACCO, Industry.COMMERCE,
})

# 国资委令第44号 risk classes (regulations.md §0, [V]); class 2 and 3 lists are as reported.
_CLASS_1 = frozenset({
    Industry.MINING, Industry.CONSTRUCTION, Industry.HAZARDOUS_CHEMICALS, Industry.TRANSPORT,
    Industry.METALLURGY, Industry.NONFERROUS, Industry.MACHINERY, Industry.POWER,
    Industry.BUILDING_MATERIALS, Industry.WAREHOUSING, Industry.URBAN_RAIL,
    # Gas companies were supervised as 危险化学品 (class 1) until they had an industry of their own [M].
    Industry.GAS,
})
_CLASS_2 = frozenset({Industry.TEXTILES, Industry.TOBACCO, Industry.LIGHT_INDUSTRY})

# Units that must drill at least every 6 months (应急预案管理办法 art. 33, regulations.md §5.1 [V]):
# hazardous goods (natural gas and LPG among them), mines, metal smelting, urban rail, construction, crowded premises.
_DRILL_HIGH_RISK = frozenset({
    Industry.HAZARDOUS_CHEMICALS, Industry.GAS, Industry.MINING, Industry.METALLURGY, Industry.NONFERROUS,
    Industry.URBAN_RAIL, Industry.CONSTRUCTION, Industry.HOTEL_CATERING, Industry.COMMERCE,
})


# Each sector's own determination lists (checklist ids), offered before lists that merely name the industry and
# before the general list. A 工贸 enterprise is judged by 10号令 (regulations.md §3A).
SECTOR_LISTS: dict[Industry, tuple[str, ...]] = {
    **{industry: ("gongmao-major-10",) for industry in GONGMAO},
    # AQ 3067-2026 replaced 121号 on 2026-09-30; before that day the 121号 list is the one in force.
    Industry.HAZARDOUS_CHEMICALS: ("chemical-major-aq3067-2026", "chemical-major-121"),
    # 城镇燃气经营安全重大隐患判定标准 (建城规〔2023〕4号) and the 道路运输/城市客运 standard (试行, 2023-10-01).
    Industry.GAS: ("gas-major-2023",),
    Industry.TRANSPORT: ("road-transport-major-2023",),
    # A construction site is judged by 房屋市政 2024版 (建质规〔2024〕5号, in force 2024-12-13).
    Industry.CONSTRUCTION: ("construction-major-2024",),
}


GENERAL_LIST = "general"


def offer_rank(industry: str, checklist_id: str, industries: list[str] | tuple[str, ...]) -> tuple[int, int]:
    """Sort key of a checklist offered to an enterprise of `industry`: its sector's lists first (in the order
    above), then lists written for the industry, then the general list, the other lists for every industry, and
    the rest."""
    try:
        own = SECTOR_LISTS.get(Industry(industry), ())
    except ValueError:
        own = ()
    if checklist_id in own:
        return (0, own.index(checklist_id))
    if industry in industries:
        return (1, 0)
    if "*" in industries:
        # The general list before the lists every premises may need (fire): it is what a routine visit takes.
        return (2, 0 if checklist_id == GENERAL_LIST else 1)
    return (3, 0)


def parse_industry(text: str) -> Industry:
    """The industry named by `text` (its Chinese name), or ValueError listing the choices."""
    try:
        return Industry(text.strip())
    except ValueError:
        choices = "、".join(i.value for i in Industry)
        raise ValueError(say(f"未知行业 {text!r}；可选：{choices}",
                              f"unknown industry {text!r}; choose one of: {choices}")) from None


def default_risk_class(industry: Industry) -> int:
    """The 44号令 risk class (1 highest) an enterprise of this industry falls in by default."""
    if industry in _CLASS_1:
        return 1
    if industry in _CLASS_2:
        return 2
    return 3


def is_drill_high_risk(industry: Industry) -> bool:
    """Whether the industry must drill every 6 months rather than yearly (art. 33)."""
    return industry in _DRILL_HIGH_RISK
