"""Open each page of SafetyDesk on a demo database offscreen at 1366×768 and save PNGs (docs/screenshots/)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SCREEN = (1366, 768)  # the inspector's laptop
TASK_BAR = 40
SIZE = (SCREEN[0], SCREEN[1] - TASK_BAR)  # the main window, as it opens on that laptop


def _offscreen_laptop() -> None:
    """Give the offscreen platform a 1366×768 screen (its default is 800×800, which shrinks every window that fits
    itself to the screen): the platform reads its screens from a JSON file named in its `configfile` option."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return  # a real display (xcb under Xvfb, say) brings its own screen
    config = Path(tempfile.mkdtemp(prefix="safetydesk-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_offscreen_laptop()

from safety_desk.services.auth import SignIn  # noqa: E402
from safety_desk.services.demo import DemoSpec, build_demo  # noqa: E402
from safety_desk.settings import Settings  # noqa: E402
from safety_desk.store.store import Store  # noqa: E402


def _device_name(store: Store) -> str:
    """The demo database's own device (the office's), named as the status bar and the Sync page both name it."""
    device = store.devices.get(store.db.device_id)
    return device.name if device else ""


def _settle(app, done=lambda: False, seconds: float = 30.0) -> None:
    """Let Qt work until `done()` or for `seconds` (a script may wait; tests wait on signals instead)."""
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 12, 4),
                        help="the day the demo data ends (a Friday by default: reproducible pictures)")
    parser.add_argument("--roles", action=argparse.BooleanOptionalAction, default=True,
                        help="also every role's pages and dialogs in <output>/<role>/")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="safetydesk-shots-"))
    os.environ["SAFETY_DESK_CONFIG_DIR"] = str(work / "config")
    os.environ["SAFETY_DESK_DATA_DIR"] = str(work / "data")

    from PySide6.QtWidgets import QApplication

    from safety_desk.ui.app import make_application
    from safety_desk.ui.context import AppContext
    from safety_desk.ui.main_window import PAGE_KEYS, MainWindow
    from safety_desk.ui.tasks import InlineTaskRunner

    db_path = work / "demo.db"
    build_demo(db_path, DemoSpec(enterprises=60, weeks=26, as_of=args.as_of))
    app = make_application(args.lang)
    store = Store.open(db_path)
    session = SignIn(store).sign_in("inspector01a", "demo")
    context = AppContext(store=store, session=session, settings=Settings(), tasks=InlineTaskRunner(),
                         device_name=_device_name(store)).at(args.as_of)
    window = MainWindow(context)
    window.resize(*SIZE)
    window.show()
    args.output.mkdir(parents=True, exist_ok=True)
    enterprises = store.enterprises.of_district(store.members.districts_of(session.person.id)[0])
    for key in PAGE_KEYS:
        window.show_page(key)
        if key == "enterprises":
            # The enterprise with the most open hazards, on its hazards tab: what the page is for.
            busiest = max(enterprises, key=lambda e: len(store.hazards.open_of_enterprise(e.id)))
            page = window.pages[key]
            page.show_enterprise(busiest.id)
            page.tabs.setCurrentIndex(2)
        if key == "reports":
            # This week's summary, previewed: what the page is for on a Friday.
            page = window.pages[key]
            page.generate()
            _settle(app, lambda: not page.job.running)
            _settle(app, seconds=1.5)  # QPdfView renders its pages in a thread of its own
        for _ in range(5):  # thumbnails and figures are made by tasks that report back on later turns
            app.processEvents()
        _save(window.grab(), args.output / f"{key}.png")
    inspections = window.pages["inspections"]
    window.show_page("inspections")
    inspections.new_inspection(enterprises[0].id)
    app.processEvents()
    _save(window.grab(), args.output / "inspection-new.png")
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and type(widget).__name__ == "NewInspectionDialog":
            _save(widget.grab(), args.output / "inspection-new-dialog.png")
        if widget.isVisible() and widget is not window:
            widget.close()
    # A draft on the general checklist with a few answers and one failure: the inspector's main view.
    from safety_desk.services.inspections import InspectionService

    service = InspectionService(session)
    checklist = next(c for c in service.checklists_for(enterprises[1].id) if c.code == "general")
    draft = service.start(enterprises[1].id, checklist.id, "routine")
    items = service.state(draft.id).visible_items
    for item in items[:6]:
        service.answer(draft.id, item.code, "pass")
    service.answer(draft.id, items[6].code, "fail")
    inspections.on_shown()
    inspections.open_inspection(draft.id)
    inspections.runner.show_step(inspections.runner.current - 1)  # the failed item, with its hazard
    app.processEvents()
    _save(window.grab(), args.output / "inspection-runner.png")
    # The hazard page of a recent hazard with before and after photos (the demo draws some).
    with_photos = [h for h in store.hazards._select("deleted = 0 AND photos != '[]'", order="found_on DESC")
                   if session.may_see_enterprise(h.enterprise_id)
                   and any(e.photos for e in store.hazards.events(h.id))]
    if with_photos:
        window.show_page("hazards")
        dialog = window.pages["hazards"].open_hazard(with_photos[0].id)
        dialog.resize(*SIZE)
        app.processEvents()
        _save(dialog.grab(), args.output / "hazard-page.png")
        dialog.close()
    window.close()
    store.close()
    if args.roles:
        for role, login in ROLES:
            print(f"{role}: {shoot_role(app, db_path, role, login, args.output / role, args.as_of)} pictures")
        print(f"start: {shoot_start(app, args.output / 'start', db_path)} pictures")
    print(f"saved to {args.output}")


# -- every role: its pages and the dialogs of its job, in docs/screenshots/<role>/ -------------------------

ROLES = (("office", "admin"), ("leader", "leader01"), ("inspector", "inspector01a"), ("enterprise", "ent0001"))


def _capture(app, window, folder: Path, name: str, action) -> list[Path]:
    """Run `action` (which opens a window, modal or not) and save every new top-level window it shows, then close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    saved: list[Path] = []

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and id(widget) not in before and widget is not window:
                before.add(id(widget))
                app.processEvents()
                path = folder / (f"{name}.png" if not saved else f"{name}-{len(saved) + 1}.png")
                _save(widget.grab(), path)
                size = widget.size()
                if size.width() > SIZE[0] or size.height() > SIZE[1]:
                    print(f"  too big: {path.name} {size.width()}×{size.height()}")
                saved.append(path)
                if isinstance(widget, QDialog):
                    widget.reject()
                widget.close()

    timer = QTimer()
    timer.setInterval(400)
    timer.timeout.connect(poll)
    timer.start()
    try:
        action()
    except Exception as exc:  # a screenshot is not worth the whole run
        print(f"  {name}: {type(exc).__name__}: {exc}")
    _settle(app, seconds=0.8)
    poll()
    timer.stop()
    return saved


def _save(image, path: Path) -> None:
    """PNG, palette-reduced when Pillow is there: the screenshots live in the repository."""
    image.save(str(path))
    try:
        from PIL import Image
        with Image.open(path) as im:
            im = im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
            im.save(path, optimize=True)
    except ImportError:
        pass


def shoot_role(app, db_path: Path, role: str, login: str, folder: Path, as_of: date) -> int:
    from safety_desk.services.inspections import InspectionService
    from safety_desk.ui.context import AppContext
    from safety_desk.ui.main_window import MainWindow
    from safety_desk.ui.tasks import InlineTaskRunner

    folder.mkdir(parents=True, exist_ok=True)
    store = Store.open(db_path)
    session = SignIn(store).sign_in(login, "demo")
    context = AppContext(store=store, session=session, settings=Settings(), tasks=InlineTaskRunner(),
                         device_name=_device_name(store)).at(as_of)
    window = MainWindow(context)
    window.resize(*SIZE)
    shots = _capture(app, window, folder, "reminders", window.show)  # what needs attention today, on sign-in
    count = 0
    for key in window.page_keys:
        window.show_page(key)
        for _ in range(5):
            app.processEvents()
        _settle(app, seconds=0.3)
        _save(window.grab(), folder / f"{key}.png")
        count += 1
    pages = window.pages
    visible = [e for e in store.enterprises._select("1 = 1") if session.may_see_enterprise(e.id)]
    hazards = [h for h in store.hazards._select(
        "deleted = 0 AND id IN (SELECT hazard_id FROM hazard_state WHERE status IN ('待整改', '整改中'))",
        order="photos != '[]' DESC, found_on DESC") if session.may_see_enterprise(h.enterprise_id)]

    def shot(name, action, page=None):
        if page:
            window.show_page(page)
            app.processEvents()
        shots.extend(_capture(app, window, folder, name, action))

    # Everyone: the enterprise's record, a hazard page, a report preview, the password.
    if visible:
        busiest = max(visible, key=lambda e: len(store.hazards.open_of_enterprise(e.id)))
        window.show_page("enterprises")
        pages["enterprises"].show_enterprise(busiest.id)
        for tab in range(pages["enterprises"].tabs.count()):
            pages["enterprises"].tabs.setCurrentIndex(tab)
            _settle(app, seconds=0.3)
            _save(window.grab(), folder / f"enterprises-tab{tab + 1}.png")
            count += 1
        pages["enterprises"].tabs.setCurrentIndex(0)
        if role in ("office", "leader", "inspector", "enterprise"):
            shot("enterprise-editor", pages["enterprises"].on_edit_clicked)
    if role in ("office", "inspector"):
        shot("new-enterprise", pages["enterprises"].on_new_clicked, "enterprises")
    # The hazard page at the role's own step: the enterprise rectifies, the others re-inspect what was reported.
    awaiting = [h for h in store.hazards._select(
        "deleted = 0 AND id IN (SELECT hazard_id FROM hazard_state WHERE status = '待复查')",
        order="photos != '[]' DESC, found_on DESC") if session.may_see_enterprise(h.enterprise_id)]
    if hazards:
        open_one = hazards[0] if role == "enterprise" or not awaiting else awaiting[0]
        shot("hazard-page", lambda: pages["hazards"].open_hazard(open_one.id), "hazards")
        open_one = hazards[0]
        if role == "enterprise":
            from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
            def report():
                d = HazardDetailDialog(context, open_one.id, window)
                d.on_report_clicked()
            shot("rectification-report", report)
        if role in ("inspector", "office", "leader"):
            def notice():
                window.show_page("hazards")
                page = pages["hazards"]
                page.table.selectRow(0)
                app.processEvents()
                page.on_issue_notice_clicked()
            shot("issue-notice", notice)
    if role == "inspector" and visible:
        shot("new-inspection", lambda: pages["inspections"].new_inspection(visible[0].id), "inspections")
        service = InspectionService(session)
        checklist = next(c for c in service.checklists_for(visible[1].id) if c.code == "general")
        draft = service.start(visible[1].id, checklist.id, "routine")
        items = service.state(draft.id).visible_items
        for item in items[:6]:
            service.answer(draft.id, item.code, "pass")
        service.answer(draft.id, items[6].code, "fail")
        window.show_page("inspections")
        pages["inspections"].on_shown()
        pages["inspections"].open_inspection(draft.id)
        pages["inspections"].runner.show_step(pages["inspections"].runner.current - 1)
        _settle(app, seconds=0.5)
        _save(window.grab(), folder / "inspection-runner.png")
        count += 1
    # The report page, generated.
    window.show_page("reports")
    page = pages["reports"]
    if hasattr(page, "generate"):
        try:
            page.generate()
            _settle(app, lambda: not page.job.running)
            _settle(app, seconds=1.5)
            _save(window.grab(), folder / "reports-preview.png")
            count += 1
        except Exception as exc:
            print(f"  reports: {exc}")
    # Activities: drills, training, incidents.
    acts = pages["drills"]
    window.show_page("drills")
    for index in range(1, acts.tabs.count()):  # drills.png is the first tab
        acts.tabs.setCurrentIndex(index)
        _settle(app, seconds=0.3)
        _save(window.grab(), folder / f"drills-tab{index + 1}.png")
        count += 1
    if role in ("inspector", "enterprise", "office"):
        acts.tabs.setCurrentIndex(0)
        shot("drill-plan", acts.drills.on_plan_clicked, "drills")
        shot("drill-record", acts.drills.on_record_clicked, "drills")
        shot("training-record", lambda: (acts.tabs.setCurrentIndex(1), acts.training.on_record_clicked()), "drills")
        shot("incident-record", lambda: (acts.tabs.setCurrentIndex(2), acts.incidents.on_record_clicked()), "drills")
    if role == "office" and hasattr(acts, "campaigns"):
        shot("campaign-editor", lambda: (acts.tabs.setCurrentIndex(3), acts.campaigns.on_new_clicked()), "drills")
    # Sync: export (the office, once it has a device to write for: the demo has none), enrol (the office).
    if role == "office":
        shot("sync-export", pages["sync"].on_export_clicked, "sync")
    if role == "office":
        shot("enrol-device", pages["sync"].on_enrol_clicked, "sync")
        org = pages["organisation"]
        shot("person-editor", org.on_add_person, "organisation")
        shot("district-editor", lambda: org._open_district_editor(None), "organisation")
        if hasattr(org, "tabs"):
            for tab in range(org.tabs.count()):
                org.tabs.setCurrentIndex(tab)
                _settle(app, seconds=0.2)
                _save(window.grab(), folder / f"organisation-tab{tab + 1}.png")
                count += 1
    shot("change-password", pages["settings"].on_change_password, "settings")
    if role == "leader" and hasattr(pages["dashboard"], "show_inspections_this_week"):
        shot("inspections-this-week", pages["dashboard"].show_inspections_this_week, "dashboard")
    window.close()
    _settle(app, seconds=0.3)
    store.close()
    return count + len(shots)


def shoot_start(app, folder: Path, db_path: Path) -> int:
    """The windows before the main one: sign-in, first start."""
    from safety_desk.ui.dialogs.sign_in import SignInDialog
    from safety_desk.ui.dialogs.first_start import FirstStartDialog
    from safety_desk.ui.tasks import InlineTaskRunner

    folder.mkdir(parents=True, exist_ok=True)
    store = Store.open(db_path)
    saved, keep = [], []  # the dialogs have no parent: keep them alive while they are shown

    def sign_in():
        keep.append(SignInDialog(SignIn(store), "示范市应急管理局"))
        keep[-1].show()
    saved += _capture(app, None, folder, "sign-in", sign_in)
    def first():
        keep.append(FirstStartDialog(db_path.parent / "new.db", InlineTaskRunner()))
        keep[-1].show()
    saved += _capture(app, None, folder, "first-start", first)
    store.close()
    return len(saved)


if __name__ == "__main__":
    main()
