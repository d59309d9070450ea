"""Load on the network hub, loopback only: many devices each upload a typical day's signed bundle with photos.

Bounded: a throwaway PostgreSQL cluster (or --database URL), the hub as `safety-desk hub serve` in its own process,
N enterprise devices and M inspector devices simulated by signing keys (no desktop databases: the hub's ingest is
what is measured). With --row-checks (the default) the hub holds the office's rows (a district per inspector, the
enterprises, their people and hazards) and judges each upload by the office's row checks; --no-row-checks measures
the same uploads kept unjudged (a hub the office has not sent its rows). Each device does what `sync hub` does at the hub: upload its bundle, read its inbox; the office
then reads its inbox. Prints changes ingested per second, p50/p95 of a device's sync, the ratio of the whole ingest
to a PostgreSQL COPY of the same rows (bundle, changes and photo bytes) in the same run, and the hub's peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

import httpx  # noqa: E402
import psycopg  # noqa: E402

from safety_desk.domain.clock import SystemClock  # noqa: E402
from safety_desk.domain.ids import new_id  # noqa: E402
from safety_desk.domain.sync_model import SYNC_MODE, Change  # noqa: E402
from safety_desk.hub import pg_store  # noqa: E402
from safety_desk.services.hub_gate import RegisteredDevice  # noqa: E402
from safety_desk.services.hub_rows import FeedPart  # noqa: E402
from safety_desk.store.records import Device  # noqa: E402
from safety_desk.sync.bundle import write_bundle  # noqa: E402
from safety_desk.sync.hub_protocol import INBOX, PREVIEWS, UPLOAD, signed_headers  # noqa: E402
from safety_desk.sync.identity import generate_key_pair  # noqa: E402

CLOCK = SystemClock()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_cluster(base: Path) -> tuple[str, callable]:
    initdb = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not initdb:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql), or give --database URL")
    bindir = initdb[-1].parent
    runner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if runner:
        shutil.chown(base, "postgres", "postgres")
    os.chmod(base, 0o700)
    data, port = base / "data", free_port()
    subprocess.run(runner + [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                             "--locale=C"], check=True, stdout=subprocess.DEVNULL)
    ctl = runner + [str(bindir / "pg_ctl"), "-D", str(data)]
    subprocess.run(ctl + ["-o", f"-p {port} -k {base} -c listen_addresses=''", "-l", str(base / "log"), "-w",
                          "start"], check=True, stdout=subprocess.DEVNULL)
    url = f"postgresql://postgres@/postgres?host={base}&port={port}"
    return url, lambda: subprocess.run(ctl + ["-m", "fast", "-w", "stop"], stdout=subprocess.DEVNULL)


def _noise_jpeg(kb: int) -> bytes:
    """A real JPEG of about `kb` KiB that hardly compresses (random pixels): the hub takes only whole JPEGs
    (media/received.py)."""
    import io

    from PIL import Image

    side = max(16, int((kb * 1024 / 2.4) ** 0.5))
    out = io.BytesIO()
    Image.frombytes("RGB", (side, side), secrets.token_bytes(side * side * 3)).save(out, "JPEG", quality=90)
    return out.getvalue()


def day_of(device: Device, office: Device, lines: int, photos: int, photo_kb: int, folder: Path,
           private_pem: str, hazards: list[str], person: str) -> tuple[Path, int, list[bytes]]:
    """A device's typical day as the bundle it sends the office: `lines` change lines (progress notes on the
    hazards of its scope, by its person: changes the office takes) and `photos` photos."""
    rows = []
    wall = CLOCK.epoch_ms()
    # An event's time is when it was written (the hub refuses one far from its write's clock: sync/event_times.py).
    at = CLOCK.now().astimezone(timezone(timedelta(hours=8))).isoformat(timespec="seconds")
    for n in range(lines):
        row_id = new_id()
        clock = f"{wall:013d}-{n % 1_000_000:06d}-{device.id}"
        rows.append(json.dumps(["hazard_event", row_id, clock, person, n + 1, None,
                                {"*": {"id": row_id, "hazard_id": hazards[n % len(hazards)], "kind": "progress",
                                       "at": at, "by_id": person, "clock": clock,
                                       "deadline": None, "reason": "整改进展" * 8, "photos": "[]"}}],
                               ensure_ascii=False))
    changes = ("\n".join(rows) + "\n").encode("utf-8")
    blobs = [_noise_jpeg(photo_kb) for _ in range(photos)]
    photo_files = []
    for blob in blobs:
        import hashlib

        digest = hashlib.sha256(blob).hexdigest()
        path = folder / f"{digest}.jpg"
        path.write_bytes(blob)
        photo_files.append((digest, path))
    manifest = {"kind": "sync", "bundle_id": new_id(), "sender": device.id, "sender_role": device.role,
                "recipient": office.id, "scope": {}, "created": "", "created_ms": CLOCK.epoch_ms(), "after_seq": 0,
                "upto_seq": lines, "ack": 0, "previous": "", "counts": {"changes": lines, "photos": photos}}
    path, _ = write_bundle(folder / f"{device.id}.sdsync", manifest, changes, iter(photo_files), private_pem)
    for _, file in photo_files:
        file.unlink()
    return path, lines, [changes] + blobs


def office_rows(office: Device, districts: list[str], enterprises: list[tuple[str, str, str, str]],
                devices: list[Device], work_of: dict[str, tuple[list[str], str]]) -> FeedPart:
    """The office's rows as its exchange sends them to the hub (services/hub_rows.py), in one part."""
    day_before = CLOCK.epoch_ms() - 86_400_000
    clock = f"{day_before:013d}-000000-{office.id}"
    changes, seq = [], 0

    def row(table: str, values: dict) -> None:
        nonlocal seq
        seq += 1
        changes.append(Change(table, values["id"], "*", clock, "", values, seq))

    for n, district in enumerate(districts):
        row("district", {"id": district, "code": f"D{n}", "name": f"片区{n}", "leader_id": None, "deleted": 0})
    for n, (enterprise, district, person, hazard) in enumerate(enterprises):
        row("enterprise", {"id": enterprise, "name": f"企业{n}", "district_id": district, "deleted": 0})
        row("person", {"id": person, "name": f"安全员{n}", "login": f"e{n}", "role": "enterprise",
                       "enterprise_id": enterprise, "deleted": 0})
        row("hazard", {"id": hazard, "enterprise_id": enterprise, "district_id": district, "source": "inspection",
                       "description": "隐患", "grade": "一般", "found_on": "2026-12-04", "photos": "[]", "deleted": 0})
        row("hazard_event", {"id": new_id(), "hazard_id": hazard, "kind": "created", "at": "2026-12-04T10:00:00+08:00",
                             "by_id": None, "clock": clock, "deadline": None, "reason": "", "photos": "[]"})
    for device in devices:
        if device.role == "inspector":
            row("person", {"id": work_of[device.id][1], "name": device.name, "login": device.name, "role": "inspector",
                           "enterprise_id": None, "deleted": 0})
    columns = {table: set() for table in SYNC_MODE}
    columns["hazard_event"] = {"id", "hazard_id", "kind", "at", "by_id", "clock", "deadline", "reason", "photos"}
    return FeedPart("bench", 0, seq, True, True, columns, {}, changes, {})


def judge_alone(url: str, office: Device, days: list, work_of: dict) -> dict[str, list[float]]:
    """What the row checks take of one upload, by role: decoding its changes and judging them as the hub does
    (services/hub_rows.py over hub/pg_rows.py), for up to 50 devices of each role."""
    from safety_desk.hub.pg_rows import PgRows
    from safety_desk.services import hub_relay, hub_rows

    spent: dict[str, list[float]] = {}
    with psycopg.connect(url, autocommit=True) as conn:
        cursor, columns = pg_store.office_cursor(conn)
        registry = pg_store.registry(conn)
        for role in ("enterprise", "inspector"):
            for device, _, _, blobs in [d for d in days if d[0].role == role][:50]:
                started = time.perf_counter()
                changes = hub_rows.upload_changes(blobs[0], columns, "bench")
                with conn.transaction():
                    rows = PgRows(conn, device.id, office.id, cursor.upto, {c.table for c in changes})
                    rows.prefetch(hub_rows.judged_keys(changes))
                    reasons = hub_rows.upload_refusals(device, changes, rows)
                    judged = time.perf_counter()
                    shown = hub_relay.previews_of(device, changes, [], registry, rows)
                spent.setdefault(role, []).append(judged - started)
                spent.setdefault(f"{role} preview", []).append(time.perf_counter() - judged)
                assert not reasons, reasons[:3]
                assert role != "enterprise" or len(shown) == 1, shown  # its district's one inspector
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--enterprises", type=int, default=2000)
    parser.add_argument("--inspectors", type=int, default=50)
    parser.add_argument("--enterprise-lines", type=int, default=40, help="change lines in an enterprise's day")
    parser.add_argument("--inspector-lines", type=int, default=400, help="change lines in an inspector's day")
    parser.add_argument("--photo-kb", type=int, default=200, help="size of one photo (a JPEG of random pixels)")
    parser.add_argument("--clients", type=int, default=16, help="devices syncing at the same time")
    parser.add_argument("--database", default=None, help="an empty PostgreSQL database (default: a throwaway cluster)")
    parser.add_argument("--row-checks", action=argparse.BooleanOptionalAction, default=True,
                        help="the hub holds the office's rows and judges each upload by the office's row checks")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sd-hub-bench-"))
    cleanups = []
    try:
        if args.database:
            url = args.database
        else:
            pg_dir = Path(tempfile.mkdtemp(prefix="sd-hub-bench-pg-"))  # its own: postgres must reach it
            url, stop_cluster = start_cluster(pg_dir)
            cleanups += [stop_cluster, lambda: shutil.rmtree(pg_dir, ignore_errors=True)]
        office_keys = generate_key_pair()
        office = Device(id=new_id(), name="安全办", role="office", public_key=office_keys.public_pem, enrolled_at="")
        # The office's rows: one district per inspector, the enterprises spread over them, each with its safety
        # officer and one open hazard (its `created` event written by the office a day ago).
        districts = [new_id() for _ in range(max(args.inspectors, 1))]
        enterprises = [(new_id(), districts[n % len(districts)], new_id(), new_id()) for n in range(args.enterprises)]
        devices, keys, work_of = [], {}, {}
        for n in range(args.enterprises + args.inspectors):
            pair = generate_key_pair()
            role = "enterprise" if n < args.enterprises else "inspector"
            if role == "enterprise":
                enterprise_id, _, person, hazard = enterprises[n]
                scope, hazards = {"enterprise_id": enterprise_id}, [hazard]
            else:
                district = districts[n - args.enterprises]
                person = new_id()
                scope, hazards = {"district_ids": [district]}, [h for _, d, _, h in enterprises if d == district]
            device = Device(id=new_id(), name=f"{role}{n}", role=role, public_key=pair.public_pem, enrolled_at="",
                            scope=scope)
            devices.append(device)
            keys[device.id] = pair.private_pem
            work_of[device.id] = (hazards, person)
        conn = pg_store.connect(url)
        pg_store.migrate(conn, CLOCK.epoch_ms())
        enrolment = {"hub_id": new_id(), "name": "基准集线器", "office_device_id": office.id,
                     "office_public_key": office.public_key, "office_name": "基准安全办"}
        pg_store.adopt_identity(conn, enrolment, CLOCK.epoch_ms(),
                                [RegisteredDevice(office)] + [RegisteredDevice(d) for d in devices], CLOCK.epoch_ms())
        if args.row_checks:
            pg_store.take_office_rows(conn, office.id, new_id(), CLOCK.epoch_ms(),
                                      office_rows(office, districts, enterprises, devices, work_of))
        conn.close()

        bundles_dir = work / "bundles"
        bundles_dir.mkdir()
        made = time.perf_counter()
        days = []
        for device in devices:
            inspector = device.role == "inspector"
            days.append((device, *day_of(device, office, args.inspector_lines if inspector else args.enterprise_lines,
                                         5 if inspector else 1, args.photo_kb, bundles_dir, keys[device.id],
                                         *work_of[device.id])))
        print(f"bundles made: {len(days)} in {time.perf_counter() - made:.1f} s, "
              f"{sum(p.stat().st_size for _, p, _, _ in days) / 1024**2:.0f} MiB")

        port = free_port()
        hub = subprocess.Popen([sys.executable, "-m", "safety_desk", "hub", "serve", "--database", url, "--listen",
                                f"127.0.0.1:{port}"], env={**os.environ, "PYTHONPATH": str(ROOT.parent)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)

        def sync_one(day) -> float:
            device, path, _, _ = day
            body = path.read_bytes()
            started = time.perf_counter()
            with httpx.Client(base_url=base, timeout=300) as http:
                answer = http.post(UPLOAD, content=body, headers=signed_headers(
                    keys[device.id], device.id, "POST", UPLOAD, body, CLOCK.epoch_ms()))
                if answer.status_code >= 400:
                    raise SystemExit(f"upload of {device.role} {device.id} refused: {answer.status_code} {answer.text[:600]}")
                http.get(INBOX, headers=signed_headers(keys[device.id], device.id, "GET", INBOX, b"",
                                                       CLOCK.epoch_ms())).raise_for_status()
                if device.role == "inspector":  # what its district's enterprises sent, awaiting the office
                    http.get(PREVIEWS, headers=signed_headers(keys[device.id], device.id, "GET", PREVIEWS, b"",
                                                              CLOCK.epoch_ms())).raise_for_status()
            return time.perf_counter() - started

        began = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            times = list(pool.map(sync_one, days))
        ingest = time.perf_counter() - began
        with httpx.Client(base_url=base, timeout=300) as http:
            started = time.perf_counter()
            listed = http.get(INBOX, headers=signed_headers(office_keys.private_pem, office.id, "GET", INBOX, b"",
                                                            CLOCK.epoch_ms())).json()["bundles"]
            office_inbox = time.perf_counter() - started
        with psycopg.connect(url, autocommit=True) as conn:
            previews = conn.execute("SELECT count(*), coalesce(sum(length(changes)), 0) FROM preview").fetchone()
        status = Path(f"/proc/{hub.pid}/status").read_text() if Path(f"/proc/{hub.pid}/status").exists() else ""
        peak = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")), "?")
        hub.terminate()
        hub.wait(timeout=30)
        judging = judge_alone(url, office, days, work_of) if args.row_checks else {}

        # The baseline: COPY of the same rows (each bundle's row with its changes, each photo) in the same database.
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE copy_bundle (id TEXT, sender TEXT, changes BYTEA)")
            conn.execute("CREATE TABLE copy_photo (sha256 TEXT, data BYTEA)")
            started = time.perf_counter()
            with conn.transaction():
                with conn.cursor().copy("COPY copy_bundle (id, sender, changes) FROM STDIN") as copy:
                    for device, _, _, blobs in days:
                        copy.write_row((new_id(), device.id, blobs[0]))
                with conn.cursor().copy("COPY copy_photo (sha256, data) FROM STDIN") as copy:
                    for _, _, _, blobs in days:
                        for blob in blobs[1:]:
                            copy.write_row((new_id(), blob))
            copied = time.perf_counter() - started
        lines = sum(n for _, _, n, _ in days)
        times.sort()
        print(f"row checks: {'on' if args.row_checks else 'off'}")
        print(f"devices: {args.enterprises} enterprises + {args.inspectors} inspectors, {args.clients} at a time; "
              f"{lines:,} change lines, {sum(len(b) - 1 for *_, b in days):,} photos of {args.photo_kb} KiB")
        print(f"ingest: {ingest:.1f} s, {lines / ingest:,.0f} changes/s, {len(days) / ingest:.1f} bundles/s")
        print(f"device sync (upload + inbox): p50 {statistics.median(times) * 1000:.0f} ms, "
              f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms")
        print(f"office inbox of {len(listed)} bundles: {office_inbox * 1000:.0f} ms")
        print(f"previews kept for inspectors: {previews[0]:,} ({previews[1] / 1024**2:.1f} MiB of changes)")
        print(f"COPY of the same rows: {copied:.1f} s; hub ingest / COPY = {ingest / copied:.1f}x")
        print(f"hub process peak RSS: {int(peak) / 1024:.0f} MiB" if peak.isdigit() else "hub peak RSS: ?")
        for role, spent in judging.items():
            print(f"{'previews' if role.endswith('preview') else 'row checks'} alone, one {role.split()[0]}'s upload (in process, after the ingest): "
                  f"p50 {statistics.median(spent) * 1000:.0f} ms, max {max(spent) * 1000:.0f} ms")
    finally:
        for cleanup in cleanups:
            cleanup()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
