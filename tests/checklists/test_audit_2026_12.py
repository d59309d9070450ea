"""Each error of the December 2026 audit (shared/domain/audit-2026-12.md), pinned by the clause it concerns."""

from safety_desk.domain.checklist import AnswerResult, Checklist, Verification, summarize
from safety_desk.services.checklist_library import load_library

LIBRARY = {c.id: c for c in load_library()}
GENERAL = LIBRARY["general"]
GONGMAO = LIBRARY["gongmao-major-10"]
FIRE_2017 = LIBRARY["fire-major-gb35181-2017"]
CHEMICAL = LIBRARY["chemical-major-121"]
ORDER_10 = "应急管理部令第10号"


def majors(checklist: Checklist, failed: set[str]) -> dict[str, str]:
    """The 重大 findings (item code -> clause) of an answer sheet failing `failed` and passing the rest."""
    answers = {item.code: AnswerResult.FAIL if item.code in failed else AnswerResult.PASS
               for item in checklist.items()}
    summary = summarize(checklist, answers, {})
    found = {code: checklist.item(code).major_if_failed.clause for code in failed
             if checklist.item(code).major_if_failed is not None}
    assert summary.major_failed == len(found)
    return found


def clause_items(checklist: Checklist, clause: str) -> list[str]:
    return [i.code for i in checklist.items() if i.major_if_failed and i.major_if_failed.clause == clause]


# 1. 第四条（三）: the continuous-casting emergency facilities, and no trial-run requirement.
def test_order_10_art_4_3_casting_emergency_facilities_without_trial_runs():
    [code] = clause_items(GONGMAO, "第四条（三）")
    item = GONGMAO.item(code)
    for facility in ("事故钢水罐", "中间罐漏钢坑", "中间罐溢流坑", "漏钢回转溜槽", "模铸"):
        assert facility in item.text, facility
    assert "试车" not in item.text
    assert majors(GONGMAO, {code}) == {code: "第四条（三）"}
    assert majors(GONGMAO, set()) == {}


# 2. 第十条（一）: phosphine alarm, gas masks, evacuation confirmed before fumigation.
def test_order_10_art_10_1_fumigation_needs_evacuation_not_breathing_apparatus():
    [code] = clause_items(GONGMAO, "第十条（一）")
    text = GONGMAO.item(code).text
    assert "磷化氢" in text and "防毒面具" in text and "撤离" in text
    assert "空气呼吸器" not in text and "警示标识" not in text
    assert majors(GONGMAO, {code}) == {code: "第十条（一）"}


# 3. 第十条（二）: a fixed CO2 alarm interlocked with accident ventilation, no fuel-gas alarm.
def test_order_10_art_10_2_co2_alarm_only():
    [code] = clause_items(GONGMAO, "第十条（二）")
    text = GONGMAO.item(code).text
    assert "二氧化碳" in text and "事故通风" in text and "燃气" not in text


# 4. 第五条（三）and（六）are two situations; （三）exempts tilting furnaces.
def test_order_10_art_5_3_and_5_6_are_separate_items():
    [emergency] = clause_items(GONGMAO, "第五条（三）")
    [cooling] = clause_items(GONGMAO, "第五条（六）")
    assert emergency != cooling
    assert "倾动式" in GONGMAO.item(emergency).text
    # A tilting furnace lacking emergency discharge is not a finding; a cooling-water interlock missing is one major.
    assert majors(GONGMAO, {cooling}) == {cooling: "第五条（六）"}


# 5. 第六条（二）and（四）are two situations; （四）names the kilns, mills and crushers and isolation.
def test_order_10_art_6_2_and_6_4_are_separate_items():
    [silo] = clause_items(GONGMAO, "第六条（二）")
    [entry] = clause_items(GONGMAO, "第六条（四）")
    assert silo != entry
    for equipment in ("焙烧窑", "分解炉", "竖炉", "磨机", "破碎机", "隔离"):
        assert equipment in GONGMAO.item(entry).text, equipment


# 6. 第七条（七）: solvent-borne paint rooms are a 机械 situation too, not only 轻工 第八条（六）.
def test_order_10_art_7_7_paint_rooms_under_machinery():
    [machinery] = clause_items(GONGMAO, "第七条（七）")
    [light] = clause_items(GONGMAO, "第八条（六）")
    assert GONGMAO.section_of(machinery).code == "JX" and GONGMAO.section_of(light).code == "QG"


# 7. Every industry item has its article and item number; none is still "待核".
def test_order_10_no_item_number_left_to_check():
    for item in GONGMAO.items():
        assert "待核" not in item.major_if_failed.clause and "未核对" not in item.basis, item.code
        assert item.major_if_failed.clause in item.basis, item.code


# 8. GB 35181-2017 6.3: a station at (not only above) class-1 storage is the major hazard.
def test_gb35181_2017_6_3_class_one_station_fails():
    item = FIRE_2017.item("6.3")
    assert "未达到一级站" in item.text and "低于一级站的规定上限" not in item.text
    assert majors(FIRE_2017, {"6.3"}) == {"6.3": "6.3"}


# 9. GB 35181-2017 6.6: every required system (sprinklers and alarm), not "either".
def test_gb35181_2017_6_6_both_required_systems():
    text = FIRE_2017.item("6.6").text
    assert "自动喷水灭火系统和火灾自动报警系统" in text and "或火灾自动报警系统" not in text


# 10. 第十三条（一）: major only when ledger and signs are both missing, judged on the 工贸 list.
def test_order_10_art_13_1_needs_both_missing():
    # General 8.1 fails when either is missing: a general finding, never 重大.
    assert majors(GENERAL, {"8.1"}) == {}
    [code] = clause_items(GONGMAO, "第十三条（一）")
    assert "或" in GONGMAO.item(code).text  # either one present passes
    assert "硫化氢" in GONGMAO.section_of(code).gate.question
    assert majors(GONGMAO, {code}) == {code: "第十三条（一）"}
    assert clause_items(GENERAL, "第十三条（一）") == []


# 11. 第三条（一）: a missing safety agreement alone is not a major hazard.
def test_order_10_art_3_1_agreement_alone_is_general():
    agreement = next(i.code for i in GENERAL.items() if "安全生产管理协议" in i.text)
    assert majors(GENERAL, {agreement}) == {}
    assert clause_items(GENERAL, "第三条（一）") == ["1.6"]
    assert "协议" not in GENERAL.item("1.6").text
    assert majors(GENERAL, {"1.6"}) == {"1.6": "第三条（一）"}


# 12. Locked or blocked exits are not GB 35181-2017 6.5 (exit number and width).
def test_blocked_exits_not_mapped_to_exit_count_clause():
    assert GENERAL.item("4.7").major_if_failed is None
    assert "数量" not in GENERAL.item("4.7").text
    assert "数量" in GENERAL.item("4.16").text


# 13. One uncertified welder, one manager or one special-equipment operator is one finding, not two majors.
def test_order_10_art_3_2_one_uncertified_welder_is_one_major():
    assert clause_items(GENERAL, "第三条（二）") == ["3.2"]
    assert majors(GENERAL, {"3.2", "9.5"}) == {"3.2": "第三条（二）"}
    assert majors(GENERAL, {"5.7"}) == {}
    assert clause_items(GENERAL, "第三条（三）") == []  # 2.2 and 7.11 no longer both major
    certificates = [i.code for i in GENERAL.items() if "特种设备作业人员" in i.text and "持" in i.text]
    assert certificates == ["3.4"]


def test_order_10_art_13_2_one_item_per_list():
    assert clause_items(GENERAL, "第十三条（二）") == ["8.2"]
    assert len(clause_items(GONGMAO, "第十三条（二）")) == 1
    assert majors(GENERAL, {"8.2", "8.7"}) == {"8.2": "第十三条（二）"}


# 14. Only special-operation work at height needs a certificate.
def test_work_at_height_certificate_only_for_special_operations():
    text = GENERAL.item("10.6").text
    assert "特种作业目录" in text


# 15. 危险化学品安全法: passed 2025-12-27, in force 2026-05-01 (reported).
def test_hazardous_chemicals_law_dates():
    item = GENERAL.item("7.12")
    assert "2025-12-27" in item.text and "2026-05-01" in item.text and item.tag is Verification.REPORTED


# 16. Special-operation certificates: 应急管理部令第19号, not 30号令.
def test_special_operation_rules_cite_order_19():
    item = GENERAL.item("3.2")
    assert "应急管理部令第19号" in item.basis and "30号" not in item.basis.replace("原安监总局令第30号", "")


# 17. 121号 items 16–20 retagged: their text matches (reported by the audit).
def test_chemical_121_items_16_to_20_are_reported():
    for n in range(16, 21):
        item = CHEMICAL.item(f"HC-{n}")
        assert item.tag is Verification.REPORTED and "未核对" not in item.basis, n


# Uncheckable clauses are not graded 重大 automatically.
def test_no_major_cites_a_clause_to_be_checked():
    for checklist in LIBRARY.values():
        for item in checklist.items():
            if item.major_if_failed:
                assert "待核" not in item.major_if_failed.clause, (checklist.id, item.code)


# Coverage: every one of the 64 situations and 第十四条, each once, each numbered by article and item.
def test_order_10_list_covers_all_64_situations_and_article_14():
    from safety_desk.domain.major_standards import ORDER_10

    clauses = [item.major_if_failed.clause for item in GONGMAO.items()]
    assert sorted(clauses) == sorted(ORDER_10.clauses) and len(clauses) == 65
    industry = {"YJ": "第四条", "YS": "第五条", "JC": "第六条", "JX": "第七条", "QG": "第八条", "FZ": "第九条",
                "YC": "第十条"}
    for code, article in industry.items():
        section = next(s for s in GONGMAO.sections if s.code == code)
        assert all(item.major_if_failed.clause.startswith(article + "（") for item in section.items), code
    assert {s.code: len(s.items) for s in GONGMAO.sections if s.code in industry} == {
        "YJ": 8, "YS": 13, "JC": 8, "JX": 7, "QG": 7, "FZ": 2, "YC": 2}
    assert all(item.tag is Verification.VERIFIED for item in GONGMAO.items())
