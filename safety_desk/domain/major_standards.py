"""The major-hazard determination standards checklists may cite: each one's clause set and edition dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from safety_desk.domain.checklist import Checklist, Item
from safety_desk.domain.industry import GONGMAO, Industry

_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    """1..99 as written in article and item numbers: 三, 十, 十三, 二十, 二十一."""
    if not 1 <= n <= 99:
        raise ValueError(f"{n} is outside 1..99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[ones - 1] if ones else "")


def _articles(items_per_article: dict[int, int]) -> frozenset[str]:
    # "第四条（三）": article, then item in full-width brackets, as the official text numbers them.
    return frozenset(f"第{chinese_number(article)}条（{chinese_number(item)}）"
                     for article, count in items_per_article.items() for item in range(1, count + 1))


@dataclass(frozen=True)
class MajorStandard:
    """One edition of a determination standard: the name items cite, its clauses, when it applied, how we know."""

    name: str
    title: str
    clauses: frozenset[str]
    in_force: date
    superseded_on: date | None
    source: str
    # The industries the standard judges (None: every one); a failed item of another industry is not 重大 by it.
    industries: frozenset[str] | None = None


# 10号令: 第三条 3 management situations, 第四–十条 47 industry situations, 第十一–十三条 14 special ones
# (64 in all), and 第十四条 (failed monitoring, alarm and protective devices). [V] audit-2026-12.md source notes.
ORDER_10 = MajorStandard(
    name="应急管理部令第10号", title="工贸企业重大事故隐患判定标准",
    clauses=_articles({3: 3, 4: 8, 5: 13, 6: 8, 7: 7, 8: 7, 9: 2, 10: 2, 11: 10, 12: 2, 13: 2}) | {"第十四条"},
    in_force=date(2023, 5, 15), superseded_on=None, source="mem.gov.cn 2023-05-23 公布文本的转载 [V]",
    industries=frozenset(industry.value for industry in GONGMAO))  # 工贸 only (regulations.md §3A [V])

# 121号: twenty numbered situations. In force on issue (2017-11-13, [M]); replaced by AQ 3067-2026 on
# 2026-09-30 [R] (regulations.md §0 and §3C).
CHEMICAL_121 = MajorStandard(
    name="安监总管三〔2017〕121号",
    title="化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）",
    clauses=frozenset(f"第{chinese_number(n)}项" for n in range(1, 21)),
    in_force=date(2017, 11, 13), superseded_on=date(2026, 9, 30), source="regulations.md §3C [V]/[R]",
    industries=frozenset({"危险化学品"}))

# GB 35181-2017 chapter 6 direct elements 6.1–6.10 [V] (regulations.md §3B); in force 2018-07-01 [M];
# replaced by GB 35181-2025 on 2025-11-01 [V].
FIRE_2017 = MajorStandard(
    name="GB 35181-2017", title="重大火灾隐患判定方法",
    clauses=frozenset(f"6.{n}" for n in range(1, 11)),
    in_force=date(2018, 7, 1), superseded_on=date(2025, 11, 1), source="regulations.md §3B [V]")

# AQ 3067-2026: 53 numbered items 5.1.1–5.7.7 in seven groups [R] (a third-party index of the official PDF;
# audit-2026-12.md source notes); published 2026-03-09, in force 2026-09-30 [R]. A training quiz bank
# (GitHub consoleloghello/safenav) quotes the conditions of 49 of them under the same numbers [R].
_AQ3067_GROUPS = {1: 5, 2: 10, 3: 6, 4: 9, 5: 12, 6: 4, 7: 7}
AQ_3067_2026 = MajorStandard(
    name="AQ 3067-2026", title="化工和危险化学品生产经营企业重大生产安全事故隐患判定准则",
    clauses=frozenset(f"5.{group}.{n}" for group, count in _AQ3067_GROUPS.items() for n in range(1, count + 1)),
    in_force=date(2026, 9, 30), superseded_on=None, source="REF_AQ3067_2026 条目索引 [R]",
    industries=frozenset({"危险化学品"}))

# ---- 城镇燃气 and 道路运输/城市客运 (issue 16, checklists/gas-major-2023.toml, road-transport-major-2023.toml) ----

# 城镇燃气经营安全重大隐患判定标准 (住房和城乡建设部 建城规〔2023〕4号), one edition, applied from issue. Only the
# clauses whose text was read are registered: 第四条（一）–（五）and 第五条（一）（二）[V] (66baike.cn and
# shilihuiyuan.cn mirrors of the notice), 第五条（三）[V] (m.sdyangniu.com, another mirror of the text),
# 第九条（一）–（四）[V] (shineutest.cn 解读 quoting the article). The rest (第五条（四）on, 第六–八条) was not reached.
# The issue date was not read in the original; 2023-09-08 is the earliest mirror's date, while a copy of the 住建部
# notice page (66wkw.com) gives 2023-09-21 [R]: the two disagree, so the earlier date stays until the original is read.
GAS_2023 = MajorStandard(
    name="建城规〔2023〕4号", title="城镇燃气经营安全重大隐患判定标准",
    clauses=_articles({4: 5, 5: 3, 9: 4}),
    in_force=date(2023, 9, 8), superseded_on=None, source="66baike.cn、shilihuiyuan.cn、m.sdyangniu.com 转载全文前五条，shineutest.cn 解读第九条 [V]",
    industries=frozenset({Industry.GAS.value}))

# 道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）(交通运输部 交办运〔2023〕52号 [R]), in force
# 2023-10-01 [V]. Registered: 第三条（一）–（五）[V] (ysfeather.com mirror), 第四条（一）[V] (mot.gov.cn 留言答复
# quoting it), 第六条（二）[R] (中国交通报 report of a 交通运输部 inspection quoting its text as "第六条第二款").
ROAD_2023 = MajorStandard(
    name="交办运〔2023〕52号", title="道路运输企业和城市客运企业安全生产重大事故隐患判定标准（试行）",
    clauses=_articles({3: 5, 4: 1}) | {"第六条（二）"},
    in_force=date(2023, 10, 1), superseded_on=None, source="ysfeather.com 转载第三、四条，mot.gov.cn 答复第四条（一）[V]；第六条（二）[R]",
    industries=frozenset({Industry.TRANSPORT.value}))

# ---- 房屋市政 (issue 16, checklists/construction-major-2024.toml) ----

# 房屋市政 2024版 (建质规〔2024〕5号): 第四–十五条 51 numbered situations and 第十六、十七条 as whole articles,
# 53 in all. [V]: 第一–十八条 as 东莞市住房和城乡建设局 forwarded the official DOCX (zjj.dg.gov.cn attachment
# 4323450.docx, transcribed in An-0726/safety-basis knowledge/clauses/C_MOHURD_CONSTRUCTION_2024_*.json); 第六、七条
# also on zjj.sz.gov.cn. 第十八条: in force on issue, repealing 2022版 [V]; issued 2024-12-13 [R] (that repo's
# record of the 住建部 notice). It judges construction sites only (第三条): 建筑施工.
CONSTRUCTION_2024 = MajorStandard(
    name="建质规〔2024〕5号", title="房屋市政工程生产安全重大事故隐患判定标准（2024版）",
    clauses=_articles({4: 5, 5: 4, 6: 4, 7: 3, 8: 9, 9: 5, 10: 2, 11: 4, 12: 2, 13: 7, 14: 3, 15: 3})
    | {"第十六条", "第十七条"},
    in_force=date(2024, 12, 13), superseded_on=None,
    source="zjj.dg.gov.cn 转发的官方 DOCX 全文 [V]；发布日 [R]",
    industries=frozenset({Industry.CONSTRUCTION.value}))

STANDARDS: dict[str, MajorStandard] = {s.name: s for s in (ORDER_10, CHEMICAL_121, FIRE_2017, AQ_3067_2026,
                                                                   GAS_2023, ROAD_2023, CONSTRUCTION_2024)}


def grades_major(item: Item, industry: str) -> bool:
    """Whether a failure of `item` at an enterprise of `industry` is a 重大事故隐患: the item names a clause and
    the clause's standard judges that industry (10号令 only 工贸, 121号 and AQ 3067 only 危险化学品). A standard
    this program does not know (a template stored long ago) keeps the item's own word."""
    if item.major_if_failed is None:
        return False
    standard = STANDARDS.get(item.major_if_failed.standard)
    return standard is None or standard.industries is None or industry in standard.industries


@dataclass(frozen=True)
class LintProblem:
    """One problem of a checklist's content: where (an item by its position, or a top-level key) and what."""

    key: str
    message: str
    section_index: int | None = None
    item_index: int | None = None


def lint_checklist(checklist: Checklist,
                   standards: dict[str, MajorStandard] | None = None) -> list[LintProblem]:
    """What a shipped list must not do beyond its syntax: cite an unknown clause, repeat one clause, or keep
    dates that contradict its standard's edition."""
    standards = STANDARDS if standards is None else standards
    problems: list[LintProblem] = []
    if checklist.standard_superseded and checklist.superseded_on is None:
        problems.append(LintProblem("standard_superseded", "已替代的检查表须写明停用日期 superseded_on"))
    first: dict[tuple[str, str], str] = {}
    outlived: set[str] = set()  # one date problem per cited standard, not one per item
    for si, section in enumerate(checklist.sections):
        for ii, item in enumerate(section.items):
            major = item.major_if_failed
            if major is None:
                continue
            standard = standards.get(major.standard)
            if standard is None:
                problems.append(LintProblem("major_if_failed", f"{item.code}：判定标准“{major.standard}”未登记，"
                                            f"可引用：{'、'.join(standards)}", si, ii))
                continue
            if major.clause not in standard.clauses:
                problems.append(LintProblem("major_if_failed", f"{item.code}：“{major.clause}”不是"
                                            f"{standard.name}的条款", si, ii))
                continue
            key = (major.standard, major.clause)
            if key in first:
                # One situation found once: two items on one clause would count one finding as two majors.
                problems.append(LintProblem("major_if_failed", f"{item.code}：{major.standard} {major.clause}"
                                            f"已由 {first[key]} 判定，同一检查表内不得重复", si, ii))
                continue
            first[key] = item.code
            if standard.name in outlived:
                continue
            # A superseded list without its stop date is reported once above, not again per item.
            current = checklist.superseded_on is None and not checklist.standard_superseded
            if standard.superseded_on is not None and (current or (checklist.superseded_on is not None
                                                                   and checklist.superseded_on > standard.superseded_on)):
                outlived.add(standard.name)
                problems.append(LintProblem("major_if_failed", f"{item.code}：{standard.name}已于"
                                            f"{standard.superseded_on}停止施行，检查表的停用日期不能晚于它", si, ii))
            elif checklist.superseded_on is not None and checklist.superseded_on <= standard.in_force:
                outlived.add(standard.name)
                problems.append(LintProblem("major_if_failed", f"{item.code}：检查表在{standard.name}施行"
                                            f"（{standard.in_force}）之前就已停用", si, ii))
    return problems
