"""`safety-desk verify` and `report quarterly --file` as people use them: exit codes and what they say."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.reports.sealed_pdf import read_sealed_pdf
from safety_desk.services.notices import NoticeService
from safety_desk.services.session import Session
from safety_desk.store.store import Store
from tests.services.test_notices import World


def run(*args: str):
    return CliRunner().invoke(main, [str(arg) for arg in args], catch_exceptions=False)


def _last_quarter(today: date) -> str:
    quarter = (today.month - 1) // 3  # the quarter before this one: 0 means the last of the year before
    return f"{today.year - 1}Q4" if quarter == 0 else f"{today.year}Q{quarter}"


def test_verify_a_notice_pdf_and_a_code_text(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        world = World(store)
        today = store.db.wall.today()
        hazard = world.hazard(world.haida, deadline=today + timedelta(days=10))
        notice = NoticeService(Session(store, world.admin)).issue([hazard.id], reply_due=today + timedelta(days=10))
    pdf = tmp_path / "notice.pdf"
    assert run("--db", db_path, "report", "notice", notice.number, "-o", pdf).exit_code == 0

    genuine = run("--db", db_path, "verify", pdf)
    assert genuine.exit_code == 0 and "验证通过" in genuine.output and notice.number in genuine.output
    assert run("--db", db_path, "verify", "--text", notice.seal).exit_code == 0
    assert "补打" not in read_sealed_pdf(pdf).page_text  # printed on the issue day: the original
    again = tmp_path / "again.pdf"
    assert run("--db", db_path, "report", "notice", notice.number, "-o", again, "--reprint").exit_code == 0
    reprinted = read_sealed_pdf(again)
    assert "补打" in reprinted.page_text and reprinted.content_json == read_sealed_pdf(pdf).content_json
    altered = run("--db", db_path, "verify", "--text", notice.seal.replace("|N|", "|Q|"))
    assert altered.exit_code == 1 and "验证失败" in altered.output
    assert run("--db", db_path, "verify").exit_code == 2  # neither a file nor a text
    not_pdf = tmp_path / "note.pdf"
    not_pdf.write_text("这不是 PDF")
    unreadable = run("--db", db_path, "verify", not_pdf)
    assert unreadable.exit_code == 2 and "note.pdf" in unreadable.output


def test_file_a_quarter_then_reprint_it(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        quarter = _last_quarter(store.db.wall.today())
    filed = run("--db", db_path, "report", "quarterly", "--quarter", quarter, "-o", tmp_path / "q.pdf", "--file")
    assert filed.exit_code == 0 and "已报出" in filed.output
    again = run("--db", db_path, "report", "quarterly", "--quarter", quarter, "-o", tmp_path / "q2.pdf", "--file")
    assert again.exit_code == 2 and "已于" in again.output and not (tmp_path / "q2.pdf").exists()
    reprint = run("--db", db_path, "report", "quarterly", "--quarter", quarter, "-o", tmp_path / "q3.pdf")
    assert reprint.exit_code == 0 and "与报出数据的差异：无" in reprint.output
    assert run("--db", db_path, "verify", tmp_path / "q3.pdf").exit_code == 0


def test_record_a_certificate_number(db_path: Path) -> None:
    with Store.open(db_path) as store:
        World(store)  # an inspector "lina" and an enterprise officer "wq"
    recorded = run("--db", db_path, "person", "certificate", "lina", " 鲁国资执 3702011 ")
    assert recorded.exit_code == 0 and "鲁国资执 3702011" in recorded.output
    with Store.open(db_path) as store:
        assert store.people.by_login("lina").certificate == "鲁国资执 3702011"
    refused = run("--db", db_path, "person", "certificate", "wq", "123")
    assert refused.exit_code == 2 and "企业人员没有执法证" in refused.output
    assert run("--db", db_path, "person", "certificate", "nobody", "1").exit_code == 2


def test_file_last_week_then_reprint_it_and_verify(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        last = (store.db.wall.today() - timedelta(days=7)).isocalendar()
        this = store.db.wall.today().isocalendar()
    week = f"{last.year}-W{last.week:02d}"
    filed = run("--db", db_path, "report", "weekly", "--week", week, "-o", tmp_path / "w.pdf", "--file")
    assert filed.exit_code == 0 and "已报出" in filed.output and "SD1|W|" in read_sealed_pdf(tmp_path / "w.pdf").seal_text
    again = run("--db", db_path, "report", "weekly", "--week", week, "-o", tmp_path / "w2.pdf", "--file")
    assert again.exit_code == 2 and "已于" in again.output and not (tmp_path / "w2.pdf").exists()  # as quarterlies
    reprint = run("--db", db_path, "report", "weekly", "--week", week, "-o", tmp_path / "w3.pdf")
    assert reprint.exit_code == 0 and "报出的数据打印" in reprint.output
    assert read_sealed_pdf(tmp_path / "w3.pdf").page_text == read_sealed_pdf(tmp_path / "w.pdf").page_text
    verified = run("--db", db_path, "verify", tmp_path / "w3.pdf")
    assert verified.exit_code == 0 and "验证通过" in verified.output and "安全生产周报" in verified.output
    early = run("--db", db_path, "report", "weekly", "--week", f"{this.year}-W{this.week:02d}", "-o",
                tmp_path / "w4.pdf", "--file")
    assert early.exit_code == 2 and "尚未结束" in early.output and not (tmp_path / "w4.pdf").exists()
    assert run("--db", db_path, "report", "weekly", "--from", "2026-01-01", "--to", "2026-01-05", "-o",
               tmp_path / "w5.pdf", "--file").exit_code == 2
