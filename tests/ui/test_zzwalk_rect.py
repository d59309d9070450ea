from pathlib import Path
from PIL import Image
from safety_desk.services.inspections import InspectionService
from safety_desk.ui.dialogs.hazard_detail import HazardDetailDialog
from safety_desk.ui.i18n import install_translators
SHOTS = Path("/tmp/office/shots")

def test_walk(qtbot, qapp, context_for, tmp_path):
    install_translators(qapp, "zh_CN")
    inspector, enterprise = context_for("inspector01a"), context_for("ent0001")
    eid = inspector.store.people.by_login("ent0001").enterprise_id
    ins = InspectionService(inspector.session, inspector.settings)
    i = ins.start(eid, "general@3", "routine")
    hid = ins.answer(i.id, "1.1", "fail").hazards["1.1"].id
    d = HazardDetailDialog(enterprise, hid); qtbot.addWidget(d); d.resize(1000, 720); d.show(); qtbot.waitExposed(d)
    d.grab().save(str(SHOTS / "r1_hazard.png"))
    d.action_buttons["report_rectified"].click()
    r = d.action_dialog; qtbot.waitExposed(r)
    r.grab().save(str(SHOTS / "r2_report_empty.png"))
    # try OK without anything
    r.ok_button.click(); qtbot.wait(200)
    r.grab().save(str(SHOTS / "r3_report_ok_empty.png"))
    big = tmp_path / "IMG_20261201_093012.jpg"
    Image.new("RGB", (4000, 3000), (40, 160, 60)).save(big, "JPEG")
    bad = tmp_path / "整改后.heic"; bad.write_bytes(b"not an image")
    with qtbot.waitSignal(r.strip.photos_added, timeout=10000):
        r.strip.add_files([str(big)])
    r.strip.add_files([str(bad)]); qtbot.wait(500)
    r.grab().save(str(SHOTS / "r4_report_photos.png"))
    r.note.setPlainText("已更换灭火器")
    with qtbot.waitSignal(d.changed):
        r.ok_button.click()
    d.grab().save(str(SHOTS / "r5_after.png"))
