"""`safety-desk --self-test`: proves an installation works — a window, a photo, a PDF and a spreadsheet — then exits."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Callable

from safety_desk.domain.language import say


def run_self_test(echo: Callable[[str], None] = print) -> int:
    """Exercise every heavy dependency on a temporary database; 0 when all worked, 1 otherwise.

    Runs offscreen when there is no display, so it works in CI, over SSH and right after a package install.
    """
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="safetydesk-selftest-") as folder:
        work = Path(folder)
        # Keep the user's own settings and window state out of it.
        os.environ["SAFETY_DESK_CONFIG_DIR"] = str(work / "config")
        os.environ["SAFETY_DESK_DATA_DIR"] = str(work / "data")
        steps = [("window", _window), ("photo", _photo), ("pdf", _pdf), ("spreadsheet", _spreadsheet)]
        state: dict = {"work": work}
        try:
            state.update(_database(work))
            for name, step in steps:
                detail = step(state)
                echo(say(f"正常  {name}: {detail}", f"ok  {name}: {detail}"))
        except Exception as exc:  # noqa: BLE001 - the self-test reports any failure and exits 1
            echo(say(f"异常  {exc.__class__.__name__}: {exc}", f"FAIL {exc.__class__.__name__}: {exc}"))
            return 1
        finally:
            if "store" in state:
                state["store"].close()
    echo(say("自检通过", "self-test passed"))
    return 0


def _database(work: Path) -> dict:
    from safety_desk.services.auth import sign_in_at
    from safety_desk.services.demo import DemoSpec, build_demo

    path = work / "selftest.db"
    build_demo(path, DemoSpec(enterprises=6, weeks=2))  # ending today, by the system's clock
    session = sign_in_at(path, "admin", "demo")
    return {"store": session.store, "session": session}


def _window(state: dict) -> str:
    from safety_desk.settings import Settings
    from safety_desk.ui.app import make_application
    from safety_desk.ui.context import AppContext
    from safety_desk.ui.main_window import MainWindow
    from safety_desk.ui.tasks import InlineTaskRunner

    app = make_application("zh_CN")
    context = AppContext(store=state["store"], session=state["session"], settings=Settings(reminders=False),
                         tasks=InlineTaskRunner(), device_name="self-test")
    window = MainWindow(context)
    window.show()
    for key in ("dashboard", "hazards", "drills"):
        window.show_page(key)
        app.processEvents()
    image = window.grab()
    first_page = window.navigation.item(0).text()
    window.close()
    if image.isNull() or image.width() < 800:
        raise RuntimeError("the main window did not render")
    if first_page != "工作台":
        raise RuntimeError(f"the Chinese translation did not load (first page reads {first_page!r})")
    return f"{image.width()}×{image.height()} px, platform {app.platformName()}, 「{first_page}」"


def _photo(state: dict) -> str:
    from PIL import Image, ImageDraw

    from safety_desk.services.drills import DrillService
    from safety_desk.services.photos import PhotoService

    image = Image.new("RGB", (2400, 1800), (90, 120, 160))
    ImageDraw.Draw(image).rectangle((300, 300, 2100, 1500), outline=(255, 255, 255), width=30)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    # The GUI's path: prepared as in a worker, kept by the service of the record it is for (a drill's photo).
    drills = DrillService(state["session"])
    photo = drills.keep_photo(next(iter(drills.enterprise_names())),
                              PhotoService.prepare_bytes(buffer.getvalue(), "self-test.jpg"))
    thumbnail = PhotoService(state["session"]).thumbnail(photo.id)
    return f"{photo.width}×{photo.height}, thumbnail {thumbnail.stat().st_size:,} bytes"


def _pdf(state: dict) -> str:
    from safety_desk.services.weekly import WeeklyService, iso_week

    service = WeeklyService(state["session"])
    today = service.session.clock.today().isocalendar()
    target = state["work"] / "weekly.pdf"
    service.write_pdf(service.summary(iso_week(f"{today.year}-W{today.week:02d}")), target)
    data = target.read_bytes()
    if not data.startswith(b"%PDF-") or b"WenQuanYi" not in data:
        raise RuntimeError("the weekly summary PDF is not a PDF with the embedded font")
    # The 小标宋 and 仿宋 faces (resources/fonts/README.md): in the bundle, or from Debian's packages from source.
    missing = [face for face, name in (("小标宋 AR PL UMing", b"UMingCN"), ("仿宋 LXGW WenKai", b"LXGWWenKai"))
               if name not in data]
    if missing:
        raise RuntimeError("公文字体缺失：" + "、".join(missing) + "（见 resources/fonts/README.md）")
    return f"weekly summary {len(data):,} bytes"


def _spreadsheet(state: dict) -> str:
    from openpyxl import load_workbook

    from safety_desk.services.imports import SpreadsheetService
    from safety_desk.services.ledger import LedgerFilter

    target = state["work"] / "ledger.xlsx"
    rows = SpreadsheetService(state["session"]).export_ledger(LedgerFilter(), target)
    read = load_workbook(target, read_only=True)
    if sum(1 for _ in read.worksheets[0].iter_rows()) < rows + 1:
        raise RuntimeError("the exported ledger did not read back")
    return f"ledger export of {rows} hazards, {target.stat().st_size:,} bytes"
