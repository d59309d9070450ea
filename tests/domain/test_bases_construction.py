"""A hazard citing 房屋市政 2022版 cannot stand on a document dated after 2024版 repealed it; 2024版 can."""

from datetime import date

from safety_desk.domain.bases import basis_problem


def test_the_2022_construction_edition_stops_when_2024_is_issued():
    assert basis_problem("建质规〔2022〕2号 第七条（二）", date(2024, 12, 12)) is None
    problem = basis_problem("建质规〔2022〕2号 第七条（二）", date(2024, 12, 13))
    assert problem is not None and "建质规〔2024〕5号" in problem
    assert basis_problem("建质规〔2024〕5号 第七条（二）", date(2026, 12, 5)) is None
