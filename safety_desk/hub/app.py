"""The hub's ASGI app (Starlette): signed uploads and downloads of bundles, acknowledgements, the office's device
list and rows, /health and /metrics.

Every request but /health and /metrics is signed by a device's Ed25519 key (sync/hub_protocol.py) and checked by
services/hub_gate.py with the office's own sync checks, a device's upload also with the office's row checks over
the rows the office sends the hub (/v1/office-rows, services/hub_rows.py); the body is read to a temporary file
under a size limit before anything else, and a request is written to PostgreSQL in one transaction with its nonce,
or not at all.
An enterprise's upload the hub takes is also shown, until the office judges it, to the inspectors of its district
(GET /v1/previews and their photos: services/hub_relay.py).
/health is open (up or down); /metrics, which names every device, answers only the bearer of the token the hub was
started with (`hub serve --metrics-token-file`), and is off without one.
A refusal is an HTTP status with the reason ({"error": ...}) in the language the hub was started with (`--lang`),
logged; nothing is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import json
import logging
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Awaitable, Callable

import psycopg
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from safety_desk.domain.clock import Clock
from safety_desk.domain.language import say
from safety_desk.hub import pg_store
from safety_desk.hub.pg_rows import PgRows
from safety_desk.services import hub_relay, hub_rows
from safety_desk.services.hub_gate import BundleRejected, HubRefused, authenticate, check_upload, parse_registry, reason_of
from safety_desk.sync.hub_protocol import (
    ACK, DEFAULT_MAX_BODY, INBOX, MAX_JSON_BODY, OFFICE_ROWS, PREVIEW_PHOTO, PREVIEWS, REGISTRY, UPLOAD,
)

log = logging.getLogger("safety_desk.hub")
MANIFEST, SIGNATURE, CHANGES = "manifest.json", "manifest.sig", "changes.jsonl"


class _TooLarge(Exception):
    pass


async def _read_body(request: Request, limit: int, spool: Any) -> tuple[str, int]:
    """Read the body into `spool`, hashing it, refusing more than `limit` bytes (before reading, by its declared
    length, and while reading)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise _TooLarge()
    digest = hashlib.sha256()
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise _TooLarge()
        digest.update(chunk)
        spool.write(chunk)
    return digest.hexdigest(), total


def make_app(database_url: str, clock: Clock, *, max_body: int = DEFAULT_MAX_BODY,
             metrics_token: str | None = None) -> Starlette:
    """The hub's app on the PostgreSQL database at `database_url` (already initialised: `hub init`); /metrics
    answers only a request that bears `metrics_token`, and none without one."""

    connections = pg_store.Connections(database_url)
    known: dict[str, Any] = {"version": None, "registry": {}}

    def connected(work: Callable[[Any], Any]) -> Any:
        return connections.run(work)

    def current_registry(conn: Any) -> Any:
        """The office's device list, read again only when the office has sent it again."""
        version = pg_store.registry_version(conn)
        if version is None:
            raise pg_store.HubStoreError(say("集线器数据库尚未登记", "the hub's database is not enrolled yet"))
        if version != known["version"]:
            known["registry"], known["version"] = pg_store.registry(conn), version
        return known["registry"]

    def refusal(request: Request, device: str, status: int, reason: str) -> JSONResponse:
        log.warning("refused %s %s from %s: %d %s", request.method, request.url.path, device or "?", status, reason)
        return JSONResponse({"error": reason}, status_code=status)

    def guarded(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request)
            except HubRefused as exc:
                return refusal(request, request.headers.get("x-sd-device", ""), exc.status, exc.reason)
            except _TooLarge:
                return refusal(request, request.headers.get("x-sd-device", ""), 413,
                               say("请求体超过集线器的大小上限", "the request body is larger than the hub takes"))
            except (pg_store.HubStoreError, psycopg.OperationalError) as exc:
                log.error("database: %s", exc)
                return JSONResponse({"error": say("集线器数据库暂时不可用", "the hub's database is not available at the moment")},
                                    status_code=503)
            except psycopg.DataError as exc:  # a value PostgreSQL cannot hold (a NUL, a number out of range)
                return refusal(request, request.headers.get("x-sd-device", ""), 400,
                               say(f"请求中有数据库无法保存的值（{exc}）", f"the request holds a value the database cannot keep ({exc})"))
            except Exception:  # noqa: BLE001 - a request never takes the hub down; the log says what happened
                log.exception("%s %s failed", request.method, request.url.path)
                return JSONResponse({"error": say("集线器内部错误", "an internal error of the hub")}, status_code=500)
        return wrapped

    async def signed_body(request: Request) -> tuple[Any, str, bytes]:
        """The signed, authenticated body of a request within the JSON limit: (entry, nonce, bytes)."""
        spool = io.BytesIO()
        digest, _ = await _read_body(request, MAX_JSON_BODY, spool)
        registry = await run_in_threadpool(connected, current_registry)
        entry, nonce = authenticate(request.headers, request.method, request.url.path, digest, registry,
                                    clock.epoch_ms())
        return entry, nonce, spool.getvalue()

    async def signed_json(request: Request) -> tuple[Any, str, Any]:
        """The signed, authenticated JSON body: (entry, nonce, value)."""
        entry, nonce, body = await signed_body(request)
        try:
            value = json.loads(body or b"null")
        except ValueError:
            raise HubRefused(400, say("请求内容不是有效的 JSON", "the request body is not valid JSON")) from None
        return entry, nonce, value

    async def signed_empty(request: Request) -> tuple[Any, str]:
        spool = io.BytesIO()
        digest, _ = await _read_body(request, 0, spool)
        registry = await run_in_threadpool(connected, current_registry)
        return authenticate(request.headers, request.method, request.url.path, digest, registry, clock.epoch_ms())

    @guarded
    async def upload(request: Request) -> Response:
        with tempfile.TemporaryDirectory(prefix="sd-hub-") as folder:
            path = Path(folder) / "upload.sdsync"
            with path.open("wb") as spool:
                digest, size = await _read_body(request, max_body, spool)
            registry = await run_in_threadpool(connected, current_registry)
            entry, nonce = authenticate(request.headers, request.method, request.url.path, digest, registry,
                                        clock.epoch_ms())
            stored = await run_in_threadpool(_keep_upload, path, size, entry, registry, nonce)
        log.info("bundle %s from %s to %s: %s", stored["bundle_id"], entry.device.id, stored["recipient"],
                 "duplicate" if stored["duplicate"] else "accepted")
        return JSONResponse(stored)

    def _keep_upload(path: Path, size: int, entry: Any, registry: Any, nonce: str) -> dict[str, Any]:
        opened = check_upload(path, entry, registry)
        manifest = opened.manifest
        previews: list[Any] = []
        if entry.device.role != "office" and not connected(lambda conn: pg_store.bundle_known(
                conn, manifest["bundle_id"], opened.manifest_sha256)):
            # (A bundle kept already is not judged again: sent again after a lost answer, it is a no-op.)
            photo_reasons = hub_rows.photo_refusals((p, opened.photo_bytes(p)) for p in opened.photo_ids)
            if photo_reasons:  # the office would not keep them (needs none of its rows to tell)
                raise HubRefused(422, hub_rows.refusal_text(entry.device, photo_reasons))
            previews = connected(lambda conn: _judge_rows(conn, opened, entry.device, registry))
        changes = opened.changes_bytes() if CHANGES in manifest["members"] else None
        count = changes.count(b"\n") + (1 if changes and not changes.endswith(b"\n") else 0) if changes else 0
        with zipfile.ZipFile(path) as archive:
            signature = archive.read(SIGNATURE)

        def photos():
            for sha256 in opened.photo_ids:
                yield sha256, opened.photo_bytes(sha256)

        file_name = _bundle_file_name(manifest)
        added = connected(lambda conn: pg_store.store_bundle(
            conn, device_id=entry.device.id, nonce=nonce, now_ms=clock.epoch_ms(), bundle_id=manifest["bundle_id"],
            recipient=manifest["recipient"], file_name=file_name, manifest=opened.manifest_bytes,
            manifest_sha256=opened.manifest_sha256, signature=signature, changes=changes, change_count=count,
            size=size, photos=photos(), previews=previews))
        return {"bundle_id": manifest["bundle_id"], "recipient": manifest["recipient"], "duplicate": not added}

    def _judge_rows(conn: Any, opened: Any, sender: Any, registry: Any) -> list[Any]:
        """A device's upload to the office, judged with the office's row checks over the hub's copy of its rows
        (services/hub_rows.py): refused whole (422) when the office would refuse any change of it; taken, what the
        inspectors of an enterprise's district are shown of it until the office judges it (services/hub_relay.py).
        Until the office has sent the hub all its rows, uploads are kept unjudged here (the office judges them at
        its import) and shown to nobody."""
        cursor, columns = pg_store.office_cursor(conn)
        if columns is None or not cursor.complete:
            log.info("bundle %s from %s kept without row checks: the office has not sent the hub its rows yet",
                     opened.manifest["bundle_id"], sender.id)
            return []
        try:
            changes = hub_rows.upload_changes(opened.change_lines(), columns, say("同步包", "bundle"), sender.id)
        except BundleRejected as exc:
            raise HubRefused(400, reason_of(str(exc))) from None
        identity = pg_store.require_ready(conn)
        with conn.transaction():
            rows = PgRows(conn, sender.id, identity.office_device_id, cursor.upto, {c.table for c in changes})
            rows.prefetch(hub_rows.judged_keys(changes))
            reasons = hub_rows.upload_refusals(sender, changes, rows)
            if reasons:
                raise HubRefused(422, hub_rows.refusal_text(sender, reasons))
            return hub_relay.previews_of(sender, changes, opened.photo_ids, registry, rows)

    @guarded
    async def office_rows(request: Request) -> Response:
        """GET: where the hub's copy of the office's rows stands; POST: its next part (the office only)."""
        if request.method == "GET":
            entry, nonce = await signed_empty(request)
        else:
            entry, nonce, body = await signed_body(request)
        identity = await run_in_threadpool(connected, pg_store.require_ready)
        if entry.device.id != identity.office_device_id:
            raise HubRefused(403, say("只有安全办可以发送它的数据", "only the office may send its rows"))
        if request.method == "GET":
            cursor, _ = await run_in_threadpool(connected, pg_store.office_cursor)
            await run_in_threadpool(connected, lambda conn: pg_store.note_request(conn, entry.device.id, nonce,
                                                                                  clock.epoch_ms()))
            return JSONResponse({"epoch": cursor.epoch, "upto": cursor.upto, "complete": cursor.complete,
                                 "acked": cursor.acked})
        try:
            part = await run_in_threadpool(hub_rows.read_feed_part, body)
        except (hub_rows.BadFeed, BundleRejected) as exc:
            raise HubRefused(400, reason_of(str(exc))) from None
        cursor = await run_in_threadpool(connected, lambda conn: pg_store.take_office_rows(
            conn, entry.device.id, nonce, clock.epoch_ms(), part))
        log.info("office rows %d..%d (%d changes) taken%s", part.after, part.upto, len(part.changes),
                 "" if part.final else ", more to come")
        return JSONResponse({"epoch": cursor.epoch, "upto": cursor.upto, "complete": cursor.complete})

    @guarded
    async def inbox(request: Request) -> Response:
        entry, nonce = await signed_empty(request)
        rows = await run_in_threadpool(connected, lambda conn: pg_store.waiting(conn, entry.device.id, nonce,
                                                                                 clock.epoch_ms()))
        return JSONResponse({"bundles": rows})

    @guarded
    async def download(request: Request) -> Response:
        entry, nonce = await signed_empty(request)
        bundle_id = request.path_params["bundle_id"]
        if "\x00" in bundle_id:
            raise HubRefused(400, say("同步包编号无效", "not a bundle id"))
        stored = await run_in_threadpool(connected, lambda conn: pg_store.bundle_for(
            conn, entry.device.id, bundle_id, nonce, clock.epoch_ms()))
        data = await run_in_threadpool(_zip_of, stored)
        return Response(data, media_type="application/zip",
                        headers={"x-sd-file-name": stored.file_name})

    @guarded
    async def acknowledge(request: Request) -> Response:
        entry, nonce, value = await signed_json(request)
        ids = value.get("bundle_ids") if isinstance(value, dict) else None
        if not isinstance(ids, list) or not all(isinstance(i, str) and "\x00" not in i for i in ids) \
                or len(ids) > 10_000:  # (PostgreSQL's text holds no NUL)
            raise HubRefused(400, say("确认内容格式错误", "the acknowledgement is malformed"))
        count = await run_in_threadpool(connected, lambda conn: pg_store.acknowledge(
            conn, entry.device.id, ids, nonce, clock.epoch_ms()))
        return JSONResponse({"acknowledged": count})

    @guarded
    async def previews(request: Request) -> Response:
        """Every preview still shown to the caller (services/hub_relay.py): the whole list, each time."""
        entry, nonce = await signed_empty(request)
        listed = await run_in_threadpool(connected, lambda conn: pg_store.previews_for(
            conn, entry.device.id, nonce, clock.epoch_ms()))
        return JSONResponse({"previews": listed})

    @guarded
    async def preview_photo(request: Request) -> Response:
        entry, nonce = await signed_empty(request)
        sha256 = request.path_params["sha256"]
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise HubRefused(400, say("照片编号无效", "not a photo id"))
        data = await run_in_threadpool(connected, lambda conn: pg_store.preview_photo(
            conn, entry.device.id, sha256, nonce, clock.epoch_ms()))
        return Response(data, media_type="image/jpeg")

    @guarded
    async def registry(request: Request) -> Response:
        entry, nonce, value = await signed_json(request)
        identity = await run_in_threadpool(connected, pg_store.require_ready)
        if entry.device.id != identity.office_device_id:
            raise HubRefused(403, say("只有安全办可以更新设备清单", "only the office may update the device list"))
        issued, devices = parse_registry(value)
        taken = await run_in_threadpool(connected, lambda conn: pg_store.replace_registry(
            conn, entry.device.id, nonce, clock.epoch_ms(), issued, devices))
        return JSONResponse({"taken": taken, "devices": len(devices)})

    async def health(request: Request) -> Response:
        try:
            identity = await run_in_threadpool(connected, pg_store.require_ready)
        except pg_store.HubStoreError as exc:
            return JSONResponse({"status": "error", "error": str(exc)}, status_code=503)
        return JSONResponse({"status": "ok", "hub": identity.name, "hub_id": identity.hub_id,
                             "office": identity.office_name, "schema": pg_store.LATEST})

    async def metrics(request: Request) -> Response:
        # It names every device and when it last synced: for the monitoring system only, which holds no device key.
        if not metrics_token:
            return refusal(request, "", 404, say("集线器未开启 /metrics：启动时用 hub serve --metrics-token-file 指定令牌文件",
                                                 "/metrics is off on this hub (hub serve --metrics-token-file)"))
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"),
                                                                 metrics_token.encode("utf-8")):
            response = refusal(request, "", 401, say("访问 /metrics 需要令牌（Authorization: Bearer 令牌）",
                                                     "/metrics needs the token (Authorization: Bearer TOKEN)"))
            response.headers["www-authenticate"] = "Bearer"
            return response
        try:
            figures = await run_in_threadpool(connected, pg_store.metrics)
        except pg_store.HubStoreError as exc:
            return PlainTextResponse(f"# {exc}\n", status_code=503)
        lines = ["# TYPE safety_desk_hub_devices_seen gauge", f"safety_desk_hub_devices_seen {figures['devices_seen']}",
                 f"safety_desk_hub_bundles_total {figures['bundles']}", f"safety_desk_hub_photos_total {figures['photos']}",
                 f"safety_desk_hub_photo_bytes {figures['photo_bytes']}"]
        for d in figures["devices"]:
            label = f'device="{d["id"]}",role="{d["role"]}"'
            lines.append(f"safety_desk_hub_changes_waiting{{{label}}} {d['changes_waiting']}")
            lines.append(f"safety_desk_hub_bundles_waiting{{{label}}} {d['bundles_waiting']}")
            if d["previews"]:
                lines.append(f"safety_desk_hub_previews_shown{{{label}}} {d['previews']}")
            if d["last_sync_ms"] is not None:
                lines.append(f"safety_desk_hub_last_sync_seconds{{{label}}} {d['last_sync_ms'] / 1000:.3f}")
            if d["last_seen_ms"] is not None:
                lines.append(f"safety_desk_hub_last_seen_seconds{{{label}}} {d['last_seen_ms'] / 1000:.3f}")
        return PlainTextResponse("\n".join(lines) + "\n")

    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/metrics", metrics, methods=["GET"]),
        Route(UPLOAD, upload, methods=["POST"]),
        Route(INBOX, inbox, methods=["GET"]),
        Route(UPLOAD + "/{bundle_id}", download, methods=["GET"]),
        Route(ACK, acknowledge, methods=["POST"]),
        Route(REGISTRY, registry, methods=["POST"]),
        Route(OFFICE_ROWS, office_rows, methods=["GET", "POST"]),
        Route(PREVIEWS, previews, methods=["GET"]),
        Route(PREVIEW_PHOTO + "/{sha256}", preview_photo, methods=["GET"]),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette):
        yield
        connections.close()

    return Starlette(routes=routes, lifespan=lifespan)


def _bundle_file_name(manifest: dict[str, Any]) -> str:
    """The name the recipient's import records: <sender>-<bundle id>.sdsync (bundle ids are UUIDv7: by name is by
    time, as the sync folder's numbered names are)."""
    return f"{manifest['sender']}-{manifest['bundle_id']}.sdsync"


def _zip_of(stored: pg_store.StoredBundle) -> bytes:
    """The bundle file again: the signed manifest and its signature as received, the changes, the photos (the
    signature covers the manifest, which holds every member's sha256: the rebuilt file verifies as the sent one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", allowZip64=True) as archive:
        if stored.changes is not None:
            archive.writestr(zipfile.ZipInfo(CHANGES, date_time=(2020, 1, 1, 0, 0, 0)), stored.changes,
                             compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
        for sha256, data in stored.photos:
            archive.writestr(zipfile.ZipInfo(f"photos/{sha256}.jpg", date_time=(2020, 1, 1, 0, 0, 0)), data,
                             compress_type=zipfile.ZIP_STORED)
        archive.writestr(MANIFEST, stored.manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(SIGNATURE, stored.signature)
    return out.getvalue()
