"""The office's first feed of its rows to the network hub (services/hub_rows.py), on a demo office database.

In process and bounded: the office's feed is generated from DATABASE part by part (as `sync hub` sends it) and
applied to a throwaway PostgreSQL cluster's hub schema in process (hub/pg_store.take_office_rows, as the hub does on
each POST). Prints the parts, their bytes, the cells, the time to make them at the office and to apply them at the
hub, this process's peak RSS and the size of the hub's copy; then the time of the row checks of an inspector's and
an enterprise's upload judged against that copy.
Usage: python bench/hub_feed.py DATABASE   (a copy is not needed: the office's database is only read)
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from hub_load import CLOCK, start_cluster  # noqa: E402

from safety_desk.domain.ids import new_id  # noqa: E402
from safety_desk.hub import pg_store  # noqa: E402
from safety_desk.services.hub_gate import RegisteredDevice  # noqa: E402
from safety_desk.services.hub_rows import FeedCursor, office_feed, read_feed_part  # noqa: E402
from safety_desk.store.store import Store  # noqa: E402


def judge(conn, store: Store, office_id: str) -> None:
    """The row checks of one upload against this copy: an inspector's laptop of the first district and the PC of
    that district's first enterprise, each sending one progress note on a hazard of theirs (taken by the office)."""
    from safety_desk.domain.sync_model import Change
    from safety_desk.hub.pg_rows import PgRows
    from safety_desk.services import hub_rows
    from safety_desk.store.records import Device

    db = store.db.conn
    district, enterprise, hazard, staff = db.execute(
        "SELECT e.district_id, e.id, h.id, p.id FROM hazard h JOIN enterprise e ON e.id = h.enterprise_id "
        "JOIN person p ON p.enterprise_id = e.id ORDER BY e.district_id, e.id LIMIT 1").fetchone()
    inspector = db.execute("SELECT id FROM person WHERE role = 'inspector' AND enterprise_id IS NULL LIMIT 1"
                           ).fetchone()[0]
    enterprises = db.execute("SELECT count(*) FROM enterprise WHERE district_id = ?", (district,)).fetchone()[0]
    cursor, _ = pg_store.office_cursor(conn)
    for role, scope, person in (("inspector", {"district_ids": [district]}, inspector),
                                ("enterprise", {"enterprise_id": enterprise}, staff)):
        device = Device(id=new_id(), name=role, role=role, public_key="", enrolled_at="", scope=scope)
        clock = f"{CLOCK.epoch_ms():013d}-000000-{device.id}"
        event = new_id()
        changes = [Change("hazard_event", event, "*", clock, person,
                          {"id": event, "hazard_id": hazard, "kind": "progress", "at": "2026-12-05T10:00:00+08:00",
                           "by_id": person, "clock": clock, "deadline": None, "reason": "进展", "photos": "[]"}, 1)]
        spent = []
        for _ in range(5):
            began = time.perf_counter()
            with conn.transaction():
                rows = PgRows(conn, device.id, office_id, cursor.upto, {c.table for c in changes})
                rows.prefetch(hub_rows.judged_keys(changes))
                reasons = hub_rows.upload_refusals(device, changes, rows)
            spent.append(time.perf_counter() - began)
        print(f"row checks of one {role}'s upload ({enterprises} enterprises in its district): "
              f"best {min(spent) * 1000:.0f} ms of 5, {len(reasons)} refused")


def main() -> None:
    store = Store.open(Path(sys.argv[1]))
    office = store.devices.get(store.db.device_id)
    pg_dir = Path(tempfile.mkdtemp(prefix="sd-hub-feed-pg-"))
    url, stop = start_cluster(pg_dir)
    try:
        conn = pg_store.connect(url)
        pg_store.migrate(conn, CLOCK.epoch_ms())
        pg_store.adopt_identity(conn, {"hub_id": new_id(), "name": "基准集线器", "office_device_id": office.id,
                                       "office_public_key": office.public_key, "office_name": ""},
                                CLOCK.epoch_ms(), [RegisteredDevice(office)], CLOCK.epoch_ms())
        parts = size = cells = 0
        made = applied = 0.0
        started = time.perf_counter()
        feed = office_feed(store, FeedCursor())
        while True:
            began = time.perf_counter()
            body = next(feed, None)
            made += time.perf_counter() - began
            if body is None:
                break
            began = time.perf_counter()
            part = read_feed_part(body)
            pg_store.take_office_rows(conn, office.id, new_id(), CLOCK.epoch_ms(), part)
            applied += time.perf_counter() - began
            parts, size, cells = parts + 1, size + len(body), cells + len(part.changes)
        total = time.perf_counter() - started
        rows, table_bytes = conn.execute("SELECT count(*), pg_total_relation_size('office_row') FROM office_row"
                                         ).fetchone()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"office: {sys.argv[1]}, {store.db.conn.execute('SELECT count(*) FROM enterprise').fetchone()[0]} "
              f"enterprises, {store.db.conn.execute('SELECT count(*) FROM hazard').fetchone()[0]} hazards")
        print(f"first feed: {parts} parts, {size / 1024**2:.0f} MiB, {cells:,} changes, {rows:,} rows at the hub "
              f"({table_bytes / 1024**2:.0f} MiB in PostgreSQL)")
        print(f"time: {total:.1f} s ({made:.1f} s making the parts at the office, {applied:.1f} s reading and "
              f"applying them at the hub); peak RSS of this process {peak:.0f} MiB")
        judge(conn, store, office.id)
        conn.close()
    finally:
        stop()
        shutil.rmtree(pg_dir, ignore_errors=True)
        store.close()


if __name__ == "__main__":
    main()
