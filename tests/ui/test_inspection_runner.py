"""The inspection runner driven from the keyboard: gates, answers, hazards, photos, resuming and submitting."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from safety_desk.domain.checklist import AnswerKind
from safety_desk.domain.uscc import make_uscc
from safety_desk.services.inspections import InspectionService
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.records import District, DistrictMember, Enterprise, Person
from safety_desk.store.store import Store
from safety_desk.ui.context import AppContext
from safety_desk.ui.dialogs.new_inspection import NewInspectionDialog
from safety_desk.ui.pages.inspections import InspectionsPage
from safety_desk.ui.tasks import InlineTaskRunner, TaskRunner
from safety_desk.ui.widgets.inspection_runner import InspectionRunner
from safety_desk.ui.widgets.signature_pad import SignaturePad

FIRE = "fire-major-gb35181-2017@2"
GONGMAO = "gongmao-major-10@2"
GENERAL = "general@3"
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def _context(store: Store) -> AppContext:
    admin = store.people.by_login("admin")
    store.db.author_id = admin.id
    return AppContext(store=store, session=Session(store, admin), settings=Settings(), tasks=InlineTaskRunner(),
                      device_name="测试设备")


@pytest.fixture
def runner_context(store: Store) -> AppContext:
    """The test store with one district (and an inspector in it) and one enterprise; signed in as admin."""
    _context(store)
    district = store.districts.add(District(id=store.db.new_id(), code="SN", name="市南片区"))
    store.enterprises.add(Enterprise(
        id=store.db.new_id(), uscc=make_uscc("91370202MA3C12345"), name="青岛海达商贸有限公司",
        district_id=district.id, industry="商贸", risk_class=2, tracked_since="2025-01-01", safety_officer="王强"))
    inspector = store.people.add(Person(id=store.db.new_id(), name="李娜", login="lina", role="inspector"))
    store.members.add(DistrictMember(id=store.db.new_id(), district_id=district.id, person_id=inspector.id,
                                     role="inspector"))
    return _context(store)


def _enterprise(context: AppContext) -> Enterprise:
    return context.store.enterprises.active()[0]


def _start(context: AppContext, checklist_id: str) -> str:
    service = InspectionService(context.session, context.settings)
    return service.start(_enterprise(context).id, checklist_id, "routine").id


def _shown_runner(qtbot, context: AppContext, inspection_id: str) -> InspectionRunner:
    runner = InspectionRunner(context)
    qtbot.addWidget(runner)
    runner.resize(1200, 720)
    runner.show()
    qtbot.waitExposed(runner)
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow)
    runner.load(inspection_id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is runner
                    or runner.isAncestorOf(QApplication.focusWidget()))
    return runner


def _focused(runner: InspectionRunner):
    """What has the keyboard focus in the runner (the runner itself when the focus is elsewhere: a window another
    test left open in this process may be the active one, and its focus widget is not ours to type into)."""
    widget = QApplication.focusWidget()
    return widget if widget is not None and (widget is runner or runner.isAncestorOf(widget)) else runner


def press(qtbot, runner: InspectionRunner, key: Qt.Key, modifier=NO_MODIFIER) -> None:
    """A key as the inspector types it: to whatever has the keyboard focus."""
    qtbot.keyClick(_focused(runner), key, modifier)


def type_text(qtbot, runner: InspectionRunner, text: str) -> None:
    """Typing: ASCII as key presses, Chinese as the input method commits it (QTest has no keys for it)."""
    target = _focused(runner)
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(target, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(target, event)


def _jpeg_file(tmp_path: Path, name: str = "evidence.jpg") -> Path:
    path = tmp_path / name
    image = Image.new("RGB", (640, 480), (200, 40, 40))
    image.paste((30, 60, 220), (320, 0, 640, 480))
    image.save(path, "JPEG", quality=90)
    return path


def _sign(qtbot, pad: SignaturePad, offset: int = 0) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30 + offset, 60))
    for step in range(1, 12):
        qtbot.mouseMove(pad, QPoint(30 + offset + step * 18, 60 + (step % 3) * 12))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(240 + offset, 70))


def _sign_and_submit(qtbot, runner: InspectionRunner) -> None:
    press(qtbot, runner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: runner.sign_dialog is not None and runner.sign_dialog.isVisible())
    dialog = runner.sign_dialog
    dialog.on_accept()
    assert "must sign" in dialog.message.text()  # nothing drawn yet
    _sign(qtbot, dialog.inspector_pad)
    _sign(qtbot, dialog.enterprise_pad, offset=10)
    assert dialog.enterprise_name.text() == "王强"
    with qtbot.waitSignal(runner.inspection_submitted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def _answer_everything_by_keyboard(qtbot, runner: InspectionRunner, gates: dict[str, bool],
                                   values: dict[str, str], keys: dict[str, Qt.Key]) -> list[str]:
    """Walk the runner with keys only until nothing is left; returns the codes in the order answered."""
    answered: list[str] = []
    service = runner.service
    for _ in range(400):
        if not service.submission_problems(runner.inspection_id):
            return answered
        step = runner.current_step
        if step.is_gate:
            press(qtbot, runner, Qt.Key.Key_Y if gates.get(step.section.code, True) else Qt.Key.Key_N)
            continue
        item = step.item
        before = runner.current
        if item.kind in (AnswerKind.NUMBER, AnswerKind.TEXT):
            assert QApplication.focusWidget() is runner.view.value_edit  # typed straight away
            type_text(qtbot, runner, values[item.code])
            press(qtbot, runner, Qt.Key.Key_Return)
        elif item.kind is AnswerKind.CHOICE:
            press(qtbot, runner, keys.get(item.code, Qt.Key.Key_A))
        else:
            press(qtbot, runner, keys.get(item.code, Qt.Key.Key_1))
        assert item.code in runner.state.answers, item.code
        answered.append(item.code)
        if runner.state.answers[item.code].result != "fail":
            assert runner.current != before or not service.submission_problems(runner.inspection_id)
    raise AssertionError("the runner never ran out of items")


# ------------------------------------------------------------------------------------------------

def test_the_fire_checklist_is_completed_and_submitted_with_the_keyboard_only(qtbot, runner_context) -> None:
    inspection_id = _start(runner_context, FIRE)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    assert runner.current_step.is_gate and runner.current_step.section.code == "A"
    answered = _answer_everything_by_keyboard(
        qtbot, runner, gates={"A": True, "B": False, "C": True, "D": False}, values={},
        keys={"6.2": Qt.Key.Key_3, "6.8": Qt.Key.Key_3})
    assert answered == ["6.1", "6.2", "6.4", "6.7", "6.5", "6.6", "6.8", "6.10"]
    state = runner.service.state(inspection_id)
    assert state.inspection.gate_answers == {"A": True, "B": False, "C": True, "D": False}
    assert state.summary.answered == state.summary.applicable == 8
    assert state.summary.not_applicable == 2 and state.summary.score == 100
    assert runner.marker_of("6.1") == "✓" and runner.marker_of("6.2") == "—"
    assert "8 / 8" in runner.header.counts_label.text()

    _sign_and_submit(qtbot, runner)
    state = runner.service.state(inspection_id)
    assert state.read_only
    assert runner.header.banner.isVisible() and "Submitted" in runner.header.banner.text()
    assert not runner.view.pass_button.isEnabled() and not runner.header.submit_button.isEnabled()
    assert runner.strip.is_read_only()
    for photo_id in (state.inspection.signature_inspector, state.inspection.signature_enterprise):
        photo = runner_context.store.photos.require(photo_id)
        assert photo.taken_by == runner_context.session.person.id
    assert runner_context.store.photos.require(state.inspection.signature_inspector).original_name == \
        "signature-inspector.png"
    assert "王强" in runner_context.store.photos.require(state.inspection.signature_enterprise).original_name
    press(qtbot, runner, Qt.Key.Key_Up)
    press(qtbot, runner, Qt.Key.Key_2)  # ignored: the record is read-only
    assert runner.service.state(inspection_id).summary.failed == 0


def test_the_general_checklist_with_number_choice_and_text_items_by_keyboard(qtbot, runner_context) -> None:
    inspection_id = _start(runner_context, GENERAL)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    gates = {"6": False, "7": False, "8": True, "9": False, "10": False}
    answered = _answer_everything_by_keyboard(
        qtbot, runner, gates=gates, values={"4.6": "3", "8.5": "20.9", "12.4": "2026-03-15 应急预案实战演练"},
        keys={"4.2": Qt.Key.Key_D, "1.3": Qt.Key.Key_3})
    state = runner.service.state(inspection_id)
    assert state.summary.answered == state.summary.applicable == len(answered)
    assert state.answers["4.6"].value == "3" and state.answers["4.6"].result == "pass"
    assert state.answers["8.5"].result == "pass"
    assert state.answers["4.2"].value == "无压力表（二氧化碳型）"
    assert state.answers["12.4"].value == "2026-03-15 应急预案实战演练" and state.answers["12.4"].result == "value"
    assert state.answers["1.3"].result == "na"
    assert not any(code.startswith(("6.", "7.", "9.", "10.")) for code in answered)
    _sign_and_submit(qtbot, runner)
    assert runner.service.state(inspection_id).read_only


def test_a_failed_major_item_with_a_photo_becomes_a_major_hazard(english, qtbot, runner_context, tmp_path) -> None:
    inspection_id = _start(runner_context, FIRE)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    press(qtbot, runner, Qt.Key.Key_Y)
    assert runner.current_item().code == "6.1"
    press(qtbot, runner, Qt.Key.Key_2)
    assert runner.current_item().code == "6.1"  # stays, so the hazard can be completed
    assert "hazard" in runner.view.hint.text() and runner.hazard_panel.isVisible()
    assert runner.marker_of("6.1") == "✗"
    assert "major hazards 1" in runner.header.counts_label.text()

    with qtbot.waitSignal(runner.strip.photos_added) as added:
        runner.strip.add_files([str(_jpeg_file(tmp_path))])
    photo_id = added.args[0][0]
    store = runner_context.store
    answer = next(a for a in store.answers.of_inspection(inspection_id) if a.item_code == "6.1")
    hazards = [h for h in store.hazards.of_inspection(inspection_id) if not h.deleted]
    assert len(hazards) == 1
    hazard = hazards[0]
    assert hazard.grade == "重大" and hazard.basis == "GB 35181-2017 6.1" and hazard.item_code == "6.1"
    assert answer.photos == [photo_id] and hazard.photos == [photo_id]
    assert runner.strip.photos() == [photo_id]

    # The hazard is completed from the keyboard: H, then each field and Enter.
    press(qtbot, runner, Qt.Key.Key_H)
    assert QApplication.focusWidget() is runner.hazard_panel.description
    runner.hazard_panel.description.clear()
    press(qtbot, runner, Qt.Key.Key_Return)
    assert "description" in runner.hazard_panel.error.text()  # refused in red; nothing written
    assert store.hazards.get(hazard.id).description == hazard.description
    type_text(qtbot, runner, "甲类仓库设在居民区内")
    press(qtbot, runner, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is runner.hazard_panel.location and runner.hazard_panel.error.text() == ""
    type_text(qtbot, runner, "3号仓库")
    press(qtbot, runner, Qt.Key.Key_Return)
    type_text(qtbot, runner, "停止储存甲类物品")
    press(qtbot, runner, Qt.Key.Key_Tab)  # leaving the field saves it too
    saved = store.hazards.get(hazard.id)
    assert (saved.description, saved.location, saved.measures) == ("甲类仓库设在居民区内", "3号仓库", "停止储存甲类物品")
    press(qtbot, runner, Qt.Key.Key_Escape)
    press(qtbot, runner, Qt.Key.Key_Return)
    assert runner.current_item().code == "6.2"


def test_a_note_is_added_with_n(qtbot, runner_context) -> None:
    inspection_id = _start(runner_context, GENERAL)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    press(qtbot, runner, Qt.Key.Key_N)
    assert "Answer the item" in runner.view.message.text() and runner.note_dialog is None
    press(qtbot, runner, Qt.Key.Key_2)
    press(qtbot, runner, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: runner.note_dialog is not None and runner.note_dialog.isVisible())
    runner.note_dialog.setTextValue("安全生产责任制未签字")
    runner.note_dialog.accept()
    note = next(a for a in runner_context.store.answers.of_inspection(inspection_id) if a.item_code == "1.1").note
    assert note == "安全生产责任制未签字" and runner.view.note_label.text() == note


def test_closing_midway_and_reopening_keeps_every_answer_and_resumes(qtbot, runner_context, db_path) -> None:
    inspection_id = _start(runner_context, GENERAL)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_1):
        press(qtbot, runner, key)
    press(qtbot, runner, Qt.Key.Key_2)  # 1.5 failed: stays
    press(qtbot, runner, Qt.Key.Key_Return)  # on to 1.6 without answering it
    press(qtbot, runner, Qt.Key.Key_Down)
    press(qtbot, runner, Qt.Key.Key_1)  # 1.7
    before = {code: (a.result, a.value) for code, a in runner.state.answers.items()}
    assert list(before) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.7"]
    runner.close()
    runner.deleteLater()
    qtbot.waitUntil(lambda: True)
    runner_context.store.close()

    with Store.open(db_path) as reopened:
        context = _context(reopened)
        again = _shown_runner(qtbot, context, inspection_id)
        after = {code: (a.result, a.value) for code, a in again.state.answers.items()}
        assert after == before
        assert again.current_item().code == "1.6"
        state = again.service.state(inspection_id)
        assert state.visible_items[state.first_unanswered()].code == "1.6"
        assert again.marker_of("1.5") == "✗" and again.marker_of("1.3") == "—"
        assert [h.item_code for h in state.hazards.values()] == ["1.5"]
        again.close()


def test_submit_refuses_while_items_are_unanswered_and_lists_them(qtbot, runner_context) -> None:
    inspection_id = _start(runner_context, FIRE)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    press(qtbot, runner, Qt.Key.Key_Y)
    press(qtbot, runner, Qt.Key.Key_1)
    press(qtbot, runner, Qt.Key.Key_End)
    press(qtbot, runner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    text = runner.view.message.text()
    assert runner.view.message.isVisible() and runner.sign_dialog is None
    for code in ("6.2", "6.4", "6.7", "6.3", "6.5", "6.9"):
        assert code in text
    assert "6.1、" not in text and not text.endswith("6.1")
    assert runner.current_item().code == "6.2"  # jumped to the first problem
    assert not runner.service.state(inspection_id).read_only


def test_time_from_a_key_to_the_next_item(qtbot, runner_context, capsys) -> None:
    inspection_id = _start(runner_context, GENERAL)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    timer = QElapsedTimer()
    times = []
    for _ in range(20):
        before = runner.current
        timer.start()
        press(qtbot, runner, Qt.Key.Key_1)
        QApplication.processEvents()
        times.append(timer.nsecsElapsed() / 1e6)
        assert runner.current == before + 1
    with capsys.disabled():
        print(f"\nkey to next item (general checklist, 113 items): median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms over {len(times)} answers")


def test_new_inspection_dialog_finds_the_enterprise_and_starts_with_a_team(qtbot, runner_context) -> None:
    store = runner_context.store
    dialog = NewInspectionDialog(runner_context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.enterprise_edit, "qdhd")  # pinyin initials of 青岛海达…
    qtbot.waitUntil(lambda: dialog.match_model.rowCount() == 1)
    dialog.on_match_chosen(dialog.match_model.stringList()[0])
    assert dialog.enterprise is not None and dialog.enterprise.name == "青岛海达商贸有限公司"
    titles = [dialog.checklist.itemData(i) for i in range(dialog.checklist.count())]
    assert titles[0].startswith("gongmao")  # the sector's own list (10号令 for 商贸): listed first
    assert titles[1] == GENERAL  # for every industry
    # GB 35181-2017 stopped on 2025-11-01 and 121号 on 2026-09-30: a new inspection is not offered them.
    assert FIRE not in titles and not any(t.startswith("chemical-major-121") for t in titles)
    assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())][0] == "日常检查"
    assert dialog.kind.count() == 8
    dialog.select_checklist(GENERAL)
    dialog.select_kind("unannounced")
    assert dialog.team.count() == 1 and dialog.team.item(0).text().startswith("李娜")
    dialog.team.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.inspection_started):
        dialog.on_accept()
    inspection = store.inspections.require(dialog.inspection_id)
    assert (inspection.checklist_id, inspection.kind) == (GENERAL, "unannounced")
    assert inspection.inspector_ids == [runner_context.session.person.id, store.people.by_login("lina").id]


def test_the_page_starts_an_inspection_and_lists_it_as_a_draft(qtbot, runner_context) -> None:
    page = InspectionsPage(runner_context)
    qtbot.addWidget(page)
    page.resize(1216, 720)
    page.show()
    page.on_shown()
    assert page.drafts.count() == 1 and not page.drafts.item(0).flags()  # the "none" placeholder
    dialog = page.new_inspection(_enterprise(runner_context).id)
    assert dialog.enterprise is not None
    dialog.select_checklist(GONGMAO)
    dialog.on_accept()
    assert page.stack.currentWidget() is page.runner and page.runner.inspection_id == dialog.inspection_id
    assert page.drafts.count() == 1 and page.drafts.item(0).data(Qt.ItemDataRole.UserRole) == dialog.inspection_id
    assert "0/65" in page.drafts.item(0).text()
    page.runner.answer_current("pass")
    assert page.drafts.item(0).text().splitlines()[1].startswith("1/65")


def test_the_signature_pad_draws_on_white_and_clears(qtbot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 150)
    pad.show()
    assert pad.is_empty()
    _sign(qtbot, pad)
    assert not pad.is_empty()
    image = QImage.fromData(pad.to_png(), "PNG")
    assert image.width() == 800 and image.pixelColor(2, 2).name() == "#ffffff"
    dark = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 10
    pad.clear()
    assert pad.is_empty()
    image = QImage.fromData(pad.to_png(), "PNG")
    assert all(image.pixelColor(x, y).name() == "#ffffff" for x in range(0, 800, 50) for y in range(0, 300, 50))


def test_a_number_out_of_range_fails_and_stays_for_the_hazard(english, qtbot, runner_context) -> None:
    inspection_id = _start(runner_context, GENERAL)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    runner.show_step(next(i for i, s in enumerate(runner.steps) if s.item is not None and s.item.code == "4.6"))
    assert QApplication.focusWidget() is runner.view.value_edit
    assert "at least 2" in runner.view.value_edit.placeholderText()
    type_text(qtbot, runner, "abc")
    press(qtbot, runner, Qt.Key.Key_Return)
    assert "not a number" in runner.view.message.text() and "4.6" not in runner.state.answers
    runner.view.value_edit.clear()
    type_text(qtbot, runner, "1")
    press(qtbot, runner, Qt.Key.Key_Return)
    assert runner.current_item().code == "4.6" and runner.state.answers["4.6"].result == "fail"
    assert runner.hazard_panel.isVisible() and QApplication.focusWidget() is runner
    assert runner.marker_of("4.6") == "✗"
    press(qtbot, runner, Qt.Key.Key_Return)
    assert runner.current_item().code == "4.7"


def test_a_photo_still_processing_when_the_inspector_moves_on_lands_on_its_own_item(
        qtbot, runner_context, tmp_path) -> None:
    runner_context.tasks = TaskRunner()  # the real pool: the photo is still processing when the step changes
    inspection_id = _start(runner_context, FIRE)
    runner = _shown_runner(qtbot, runner_context, inspection_id)
    press(qtbot, runner, Qt.Key.Key_Y)
    press(qtbot, runner, Qt.Key.Key_2)
    assert runner.current_item().code == "6.1"
    with qtbot.waitSignal(runner.strip.photos_added_elsewhere) as landed:
        runner.strip.add_files([str(_jpeg_file(tmp_path))])  # its result comes back on a later turn of the loop
        runner.show_step(runner.current + 1)                  # the inspector presses on at once
        assert runner.current_item().code == "6.2"
    photo_id = landed.args[1][0]
    answers = {a.item_code: a for a in runner_context.store.answers.of_inspection(inspection_id)}
    assert answers["6.1"].photos == [photo_id]
    assert "6.2" not in answers or answers["6.2"].photos == []
    assert runner.strip.photos() == []


def test_a_failed_item_offers_its_typical_findings_and_measures(qtbot, runner_context) -> None:
    runner = _shown_runner(qtbot, runner_context, _start(runner_context, GONGMAO))
    runner.answer_current("fail")  # G-1: contractors not coordinated
    panel = runner.hazard_panel
    assert panel.description.text() == "未对承包、承租单位的安全生产工作统一协调、管理"
    offered = panel.description.completer().model()
    assert [offered.index(r, 0).data() for r in range(offered.rowCount())] == [
        "未对承包、承租单位的安全生产工作统一协调、管理", "未定期对承包、承租单位进行安全检查"]
    assert panel.measures.completer().model().rowCount() == 2


def test_a_submission_with_hazards_offers_the_notice_and_its_print(qtbot, runner_context, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from safety_desk.domain.checklist import AnswerResult
    from safety_desk.ui.dialogs import issue_notice

    previews = []
    monkeypatch.setattr(issue_notice, "preview_document", lambda *args: previews.append(args) or None)
    page = InspectionsPage(runner_context)
    qtbot.addWidget(page)
    page.resize(1366, 728)
    page.show()
    inspection_id = _start(runner_context, GENERAL)
    service = InspectionService(runner_context.session, runner_context.settings)
    failed = []
    for problem in service.submission_problems(inspection_id):  # everything answered; the first item fails
        item = service.state(inspection_id).checklist.item(problem.item_code)
        if item.kind is AnswerKind.PASS_FAIL:
            result = AnswerResult.FAIL.value if not failed else AnswerResult.PASS.value
            failed = failed or [item.code]
        else:
            result = AnswerResult.NOT_APPLICABLE.value
        service.answer(inspection_id, item.code, result)
    # The inspector types the measures in the hazard panel: a notice prints them, and is refused without them.
    hazard = service.state(inspection_id).hazards[failed[0]]
    state = runner_context.store.hazards.state(hazard.id)
    service.edit_hazard(hazard.id, description=hazard.description, location=hazard.location or "现场",
                        measures="清理通道堆放物，设置警示标识", responsible=hazard.responsible, deadline=state.deadline)
    page.open_inspection(inspection_id)
    _sign_and_submit(qtbot, page.runner)

    question = page.notice_question  # offered at once, the notice as the default
    assert question.isVisible() and "1" in question.text()
    issue = next(b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    issue.click()
    dialog = page.notice_dialog
    assert dialog.isVisible() and dialog.hazard_ids == [service.state(inspection_id).hazards[failed[0]].id]
    dialog.on_issue()
    assert dialog.notice is not None and dialog.print_button.isVisible()
    dialog.print_button.click()
    assert previews and "整改通知书" in previews[0][3]
