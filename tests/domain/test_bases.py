"""Bases that cannot stand on an official document: 待核, or an edition superseded by the document's date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from safety_desk.domain.bases import basis_problem, unfit_bases


@dataclass
class _Hazard:
    description: str
    basis: str


def test_a_superseded_edition_is_refused_from_the_day_its_replacement_is_in_force() -> None:
    assert basis_problem("GB 35181-2017 6.5", date(2025, 10, 31)) is None
    problem = basis_problem("GB 35181-2017 6.5", date(2025, 11, 1))
    assert "GB 35181-2025" in problem and "2025年11月1日" in problem
    assert basis_problem("GB 35181-2025 5.1", date(2026, 12, 5)) is None
    assert "AQ 3067-2026" in basis_problem("安监总管三〔2017〕121号 第十八项", date(2026, 11, 23))


def test_a_basis_still_to_be_checked_is_refused_and_an_ordinary_one_passes() -> None:
    assert "待核实" in basis_problem("第四条（项次待核）", date(2026, 1, 1))
    assert basis_problem("《安全生产法》第四十一条", date(2026, 12, 5)) is None
    assert basis_problem("", date(2026, 12, 5)) is None


def test_the_message_names_each_item_by_its_place_in_the_document() -> None:
    message = unfit_bases([_Hazard("消防通道堵塞", "《消防法》第二十八条"), _Hazard("安全出口上锁", "GB 35181-2017 6.5"),
                           _Hazard("动火作业未审批", "应急管理部令第10号 第四条（项次待核）")], date(2026, 12, 5))
    assert "第2项“安全出口上锁”" in message and "第3项“动火作业未审批”" in message and "第1项" not in message
    assert unfit_bases([_Hazard("消防通道堵塞", "《消防法》第二十八条")], date(2026, 12, 5)) is None
