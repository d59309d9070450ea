"""The window only reads: with its own connection made read-only, whole flows still write, on the writer thread."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from safety_desk.ui.operations import Operations
from tests.ui.test_hazard_detail import _ledger, extend_two_rows, messages  # noqa: F401 - a fixture used below
from tests.ui.test_inspection_runner import (  # noqa: F401 - runner_context is a fixture used below
    FIRE, _answer_everything_by_keyboard, _shown_runner, _sign_and_submit, _start, runner_context,
)


def _writes_only_through_operations(context) -> Operations:
    """The application's set-up: a writer thread for every write; the window's own connection may not write."""
    context.ops = Operations(context.desk)
    context.store.db.conn.execute("PRAGMA query_only = ON")
    return context.ops


@pytest.fixture
def reading_window(context_for):
    context = context_for("admin")
    ops = _writes_only_through_operations(context)
    yield context
    ops.close()
    context.store.db.conn.execute("PRAGMA query_only = OFF")


def test_a_keyboard_inspection_is_written_by_the_writer_thread(qtbot, runner_context) -> None:
    inspection_id = _start(runner_context, FIRE)
    ops = _writes_only_through_operations(runner_context)
    try:
        runner = _shown_runner(qtbot, runner_context, inspection_id)
        answered = _answer_everything_by_keyboard(
            qtbot, runner, gates={"A": True, "B": False, "C": True, "D": False}, values={},
            keys={"6.2": Qt.Key.Key_3, "6.8": Qt.Key.Key_3})
        assert answered == ["6.1", "6.2", "6.4", "6.7", "6.5", "6.6", "6.8", "6.10"]
        _sign_and_submit(qtbot, runner)
        state = runner.service.state(inspection_id)  # read on the window's read-only connection
        assert state.read_only and state.summary.answered == state.summary.applicable == 8
    finally:
        ops.close()
        runner_context.store.db.conn.execute("PRAGMA query_only = OFF")


def test_extending_deadlines_from_the_ledger_is_written_by_the_writer_thread(qtbot, reading_window, demo_as_of,
                                                                            messages) -> None:  # noqa: F811
    page = _ledger(qtbot, reading_window, demo_as_of)
    new_deadline = demo_as_of + timedelta(days=45)
    chosen = extend_two_rows(page, new_deadline)
    assert messages == [("information", "2 of 2 hazards have the new deadline.")]
    for hazard_id in chosen:
        assert reading_window.desk.hazards.detail(hazard_id).deadline == new_deadline


def test_creating_and_moving_an_enterprise_are_written_by_the_writer_thread(qtbot, reading_window) -> None:
    from safety_desk.domain.uscc import make_uscc
    from safety_desk.ui.pages.enterprises import EnterprisesPage

    page = EnterprisesPage(reading_window)
    qtbot.addWidget(page)
    page.on_shown()
    east, west = reading_window.store.districts.active()[:2]
    dialog = page.on_new_clicked()
    dialog.name.setText("市热力有限公司")
    dialog.uscc.setText(make_uscc("91370200MA3R00001"))
    dialog.district.setCurrentIndex(dialog.district.findData(east.id))
    dialog.industry.setEditText("热力")
    with qtbot.waitSignal(dialog.enterprise_created) as created:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    enterprise_id = created.args[0]
    assert reading_window.desk.enterprises.detail(enterprise_id).enterprise.industry == "电力"
    page.show_enterprise(enterprise_id)
    mover = page.on_move_clicked()
    mover.district.setCurrentIndex(mover.district.findData(west.id))
    with qtbot.waitSignal(mover.enterprise_moved):
        qtbot.mouseClick(mover.ok_button, Qt.MouseButton.LeftButton)
    assert reading_window.desk.enterprises.detail(enterprise_id).enterprise.district_id == west.id
