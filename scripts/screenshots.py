"""Open each page of SafetyDesk on a demo database offscreen at 1366×768 and save PNGs (docs/screenshots/)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from safety_desk.services.auth import SignIn  # noqa: E402
from safety_desk.services.demo import DemoSpec, build_demo  # noqa: E402
from safety_desk.settings import Settings  # noqa: E402
from safety_desk.store.store import Store  # noqa: E402

SIZE = (1366, 768)


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
    build_demo(db_path, DemoSpec(enterprises=60, weeks=26, as_of=date.today()))
    app = make_application(args.lang)
    store = Store.open(db_path)
    session = SignIn(store).sign_in("inspector01a", "demo")
    context = AppContext(store=store, session=session, settings=Settings(), tasks=InlineTaskRunner(),
                         device_name="检查员笔记本")
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
        window.grab().save(str(args.output / f"{key}.png"))
    inspections = window.pages["inspections"]
    window.show_page("inspections")
    inspections.new_inspection(enterprises[0].id)
    app.processEvents()
    window.grab().save(str(args.output / "inspection-new.png"))
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget is not window:
            widget.grab().save(str(args.output / "inspection-new-dialog.png"))
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
    window.grab().save(str(args.output / "inspection-runner.png"))
    # The hazard page of a recent hazard with before and after photos (the demo draws some).
    with_photos = [h for h in store.hazards._select("deleted = 0 AND photos != '[]'", order="found_on DESC")
                   if session.may_see_enterprise(h.enterprise_id)
                   and any(e.photos for e in store.hazards.events(h.id))]
    if with_photos:
        window.show_page("hazards")
        dialog = window.pages["hazards"].open_hazard(with_photos[0].id)
        dialog.resize(*SIZE)
        app.processEvents()
        dialog.grab().save(str(args.output / "hazard-page.png"))
        dialog.close()
    window.close()
    store.close()
    print(f"saved to {args.output}")


if __name__ == "__main__":
    main()
