"""The hazard ledger page and its table model: counts, filters, debounced search, sorting, colours, paging."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from safety_desk.services.ledger import LedgerFilter, LedgerService
from safety_desk.ui.models.enterprise_models import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND
from safety_desk.ui.models import ledger_model
from safety_desk.ui.models.ledger_model import MAJOR_FOREGROUND, MAX_PAGES, LedgerModel
from safety_desk.ui.pages.hazards import HazardsPage

DISPLAY = Qt.ItemDataRole.DisplayRole


def _page(qtbot, context, demo_as_of) -> HazardsPage:
    page = HazardsPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.on_shown()
    return page


def test_the_page_shows_every_hazard_in_scope_and_its_count(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    total = LedgerService(demo_context.session.at(demo_as_of)).count(LedgerFilter())
    assert total > 0
    assert page.model.rowCount() == total
    assert page.count_label.text() == f"{total:,} hazards"
    assert page.district.count() == 1 + len(demo_context.store.districts.active())


def test_an_inspector_sees_only_their_districts(qtbot, context_for, demo_as_of) -> None:
    context = context_for("inspector01a")
    page = _page(qtbot, context, demo_as_of)
    mine = set(context.session.district_ids())
    names = {d.name for d in context.store.districts.active() if d.id in mine}
    shown = {page.model.data(page.model.index(row, LedgerModel.DISTRICT), DISPLAY)
             for row in range(min(page.model.rowCount(), 400))}
    assert shown and shown <= names
    assert page.district.count() == 1 + len(mine)


def test_filters_narrow_the_rows(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    total = page.model.rowCount()
    page.grade.setCurrentIndex(page.grade.findData("重大"))
    major = page.model.rowCount()
    assert 0 < major < total
    assert {page.model.data(page.model.index(r, LedgerModel.GRADE), DISPLAY) for r in range(major)} == {"重大"}
    assert page.count_label.text() == f"{major:,} hazards"

    page.grade.setCurrentIndex(0)
    page.overdue.setChecked(True)
    overdue = page.model.rowCount()
    assert 0 < overdue < total
    assert all(page.model.row_at(r).overdue for r in range(overdue))

    page.on_clear_clicked()
    assert page.model.rowCount() == total
    page.found_from.setDate(QDate(2026, 11, 1))
    assert 0 < page.model.rowCount() < total
    assert all(page.model.row_at(r).found_on >= "2026-11-01" for r in range(page.model.rowCount()))


def test_typing_searches_once_typing_pauses(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    total = page.model.rowCount()
    word = page.model.row_at(0).enterprise_name
    page.search.setText(word)
    assert page.model.rowCount() == total  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: page.model.rowCount() < total, timeout=2000)
    assert all(word in page.model.row_at(r).description + page.model.row_at(r).location
               + page.model.row_at(r).enterprise_name for r in range(page.model.rowCount()))


def test_clicking_a_header_sorts_by_that_column(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.table.sortByColumn(LedgerModel.OVERDUE, Qt.SortOrder.DescendingOrder)
    days = [page.model.row_at(r).overdue_days for r in range(page.model.rowCount())]
    assert days == sorted(days, reverse=True) and days[0] > 0
    page.table.sortByColumn(LedgerModel.FOUND, Qt.SortOrder.AscendingOrder)
    found = [page.model.row_at(r).found_on for r in range(page.model.rowCount())]
    assert found == sorted(found)


def test_every_column_of_the_view_sorts(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    total = page.model.rowCount()
    for column in range(page.model.columnCount()):
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        ids = [page.model.row_at(r).hazard_id for r in range(total)]
        assert len(set(ids)) == total, page.model.headerData(column, Qt.Orientation.Horizontal)


def test_the_model_colours_overdue_rows_and_marks_major_hazards(qtbot, demo_context, demo_as_of) -> None:
    service = LedgerService(demo_context.session.at(demo_as_of))
    model = LedgerModel(service)
    model.refresh()
    rows = [model.row_at(r) for r in range(model.rowCount())]
    overdue = next(r for r, row in enumerate(rows) if row.overdue)
    on_time = next(r for r, row in enumerate(rows) if not row.overdue)
    cell = model.index(overdue, LedgerModel.DESCRIPTION)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == OVERDUE_FOREGROUND
    assert model.data(model.index(overdue, LedgerModel.OVERDUE), DISPLAY) == str(rows[overdue].overdue_days)
    assert model.data(model.index(on_time, LedgerModel.DESCRIPTION), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(on_time, LedgerModel.OVERDUE), DISPLAY) == ""
    major = next(r for r, row in enumerate(rows) if row.grade == "重大")
    assert model.data(model.index(major, LedgerModel.GRADE), Qt.ItemDataRole.ForegroundRole) == MAJOR_FOREGROUND
    assert model.data(model.index(major, LedgerModel.GRADE), Qt.ItemDataRole.FontRole).bold()


def test_the_model_keeps_only_a_few_pages_however_far_it_scrolls(demo_context, demo_as_of, qapp,
                                                                  monkeypatch) -> None:
    monkeypatch.setattr(ledger_model, "PAGE_SIZE", 7)  # the demo's hazards then fill many pages
    service = LedgerService(demo_context.session.at(demo_as_of))
    calls = []
    original = service.page

    def counting_page(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    service.page = counting_page
    model = LedgerModel(service)
    model.refresh()
    assert model.cached_pages() == 1  # the first page, read with the count
    first = service.first_page(LedgerFilter(), limit=7)
    assert first[1] == model.rowCount() and first[0][0] == model.row_at(0)
    for row in range(0, model.rowCount(), 7):
        model.data(model.index(row, LedgerModel.DESCRIPTION), DISPLAY)
        assert model.cached_pages() <= MAX_PAGES
    pages = -(-model.rowCount() // 7)
    assert pages > MAX_PAGES
    assert len(calls) == pages - 1  # each page after the first read once on the way down


def test_a_hazard_with_a_photo_shows_its_thumbnail_made_off_the_ui_thread(qtbot, demo_context, demo_as_of,
                                                                          real_pool) -> None:
    import io

    from PIL import Image

    from safety_desk.services.photos import ingest_bytes
    from safety_desk.media.thumbnails import thumbnail_file

    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (200, 60, 40)).save(buffer, "JPEG")
    photo = ingest_bytes(demo_context.store, buffer.getvalue(), "现场.jpg")
    thumbnail_file(demo_context.store.media_dir, photo.id).unlink(missing_ok=True)  # made on demand then
    store = demo_context.store
    hazard = store.hazards._select("deleted = 0", order="found_on DESC, id DESC", limit=1)[0]
    store.hazards.update(hazard.id, photos=[photo.id])
    demo_context.tasks = real_pool  # the application's real pool, not the tests' inline runner
    page = _page(qtbot, demo_context, demo_as_of)
    page.table.sortByColumn(LedgerModel.PHOTO, Qt.SortOrder.DescendingOrder)  # hazards with photos first
    cell = page.model.index(0, LedgerModel.PHOTO)
    assert page.model.row_at(0).hazard_id == hazard.id
    with qtbot.waitSignal(page.model.dataChanged, timeout=5000):
        assert page.model.data(cell, Qt.ItemDataRole.DecorationRole) is None  # asked for: made in a worker
    pixmap = page.model.data(cell, Qt.ItemDataRole.DecorationRole)
    assert pixmap is not None and max(pixmap.width(), pixmap.height()) == 30
    assert page.model.data(page.model.index(1, LedgerModel.PHOTO), Qt.ItemDataRole.DecorationRole) is None
    real_pool.done()  # every thumbnail asked for was made in a worker, before the page goes


def test_removing_a_drill_down_chip_removes_its_whole_filter(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    service = LedgerService(demo_context.session.at(demo_as_of))
    everything, overdue = service.count(LedgerFilter()), service.count(LedgerFilter(overdue_only=True))
    district = demo_context.store.districts.active()[0]
    drill_down = LedgerFilter(district_id=district.id, overdue_only=True, grade="一般")
    page.show()
    page.show_filter(drill_down, "逾期隐患")
    assert page.chip.isVisible() and page.model.total() == service.count(drill_down) < overdue
    page.grade.setCurrentIndex(0)  # the user widens one setting the chip made: that choice is theirs
    page.chip.click()
    assert not page.chip.isVisible()
    assert page.model.total() == everything and not page.overdue.isChecked()
    page.overdue.setChecked(True)
    assert page.model.total() == overdue


def test_removing_a_chip_keeps_a_setting_the_user_changed(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    service = LedgerService(demo_context.session.at(demo_as_of))
    district = demo_context.store.districts.active()[0]
    page.show_filter(LedgerFilter(district_id=district.id, overdue_only=True), "逾期隐患")
    page.grade.setCurrentIndex(page.grade.findData("重大"))
    page.chip.click()
    assert page.model.total() == service.count(LedgerFilter(grade="重大"))


def test_the_description_has_room_on_a_laptop(qtbot, demo_context, demo_as_of, chinese_window) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.resize(1366 - 180, 700)  # the window on a 1366-wide screen, less the navigation
    page.show()
    qtbot.waitExposed(page)
    header = page.table.horizontalHeader()
    one_character = header.fontMetrics().horizontalAdvance("隐")
    # Two lines a row: at least about 36 characters of what the hazard is, where one line showed about ten.
    assert page.table.wordWrap()
    assert header.sectionSize(LedgerModel.DESCRIPTION) >= 18 * one_character


def test_an_empty_ledger_says_where_hazards_come_from(qtbot, store) -> None:
    from safety_desk.services.session import Session
    from safety_desk.settings import Settings
    from safety_desk.ui.context import AppContext
    from safety_desk.ui.tasks import InlineTaskRunner

    context = AppContext(store=store, session=Session(store, store.people.by_login("admin")), settings=Settings(),
                         tasks=InlineTaskRunner())
    page = HazardsPage(context)  # a new office: no hazard at all
    qtbot.addWidget(page)
    page.resize(1186, 700)
    page.show()
    page.on_shown()
    assert page.model.total() == 0 and page.empty_hint.isVisible()
    assert "Import ledger" in page.empty_hint.text()


def test_no_match_says_so_and_down_from_the_search_enters_the_results(qtbot, demo_context, demo_as_of) -> None:
    page = _page(qtbot, demo_context, demo_as_of)
    page.show()
    page.search.setText("没有这样的隐患描述")  # typed through an input method: QTest cannot type Chinese
    page.on_filters_changed()
    assert page.empty_hint.isVisible() and "Clear filters" in page.empty_hint.text()
    page.search.clear()
    page.search.setFocus()
    page.search.setText("不符合")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # before the search pause: it searches first
    assert page.focusWidget() is page.table and page.selected_hazard_ids()
    assert not page.empty_hint.isVisible()
    row = page.model.row_at(0)
    assert "不符合" in row.description
