"""`safety-desk hub init` and `hub serve`: make a PostgreSQL database the hub an enrolment file names, and serve it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from safety_desk.domain.clock import Clock, SystemClock
from safety_desk.domain.language import say
from safety_desk.hub import pg_store
from safety_desk.hub.pg_store import HubStoreError
from safety_desk.services.hub_gate import read_hub_enrolment
from safety_desk.sync.hub_protocol import DEFAULT_MAX_BODY


@dataclass(frozen=True)
class InitResult:
    hub_id: str
    name: str
    office_name: str
    migrations: list[int]
    adopted: bool
    devices: int


def init_hub(database_url: str, enrolment: Path | str | None, clock: Clock | None = None, *,
             passphrase: str | None = None) -> InitResult:
    """Create or migrate the hub's schema (numbered migrations, one transaction each) and take the identity of the
    enrolment file (opened with its `passphrase`, checked against the office key it carries). Run again, it only
    migrates: an upgrade needs no enrolment file (`enrolment` None), once the database holds the hub's identity."""
    clock = clock or SystemClock()
    if enrolment is not None:
        hub, issued, devices = read_hub_enrolment(enrolment, passphrase)
    conn = pg_store.connect(database_url)
    try:
        if enrolment is None:
            if pg_store.schema_version(conn) > 0 and (known := pg_store.identity_of(conn)) is not None:
                applied = pg_store.migrate(conn, clock.epoch_ms())
                return InitResult(known.hub_id, known.name, known.office_name, applied, False, 0)
            raise HubStoreError(say("集线器数据库尚未登记：第一次初始化须用 --enrolment 指定安全办给的登记文件，"
                                    "未作任何更改",
                                    "the hub's database is not enrolled yet: the first `hub init` needs --enrolment "
                                    "with the office's enrolment file; nothing was changed"))
        applied = pg_store.migrate(conn, clock.epoch_ms())
        adopted = pg_store.adopt_identity(conn, hub, issued, devices, clock.epoch_ms())
    finally:
        conn.close()
    return InitResult(hub["hub_id"], hub["name"], hub.get("office_name") or "", applied, adopted, len(devices))


def check_ready(database_url: str) -> pg_store.Identity:
    conn = pg_store.connect(database_url)
    try:
        return pg_store.require_ready(conn)
    finally:
        conn.close()


def serve(database_url: str, host: str, port: int, *, tls_cert: Path | None = None, tls_key: Path | None = None,
          max_body: int = DEFAULT_MAX_BODY, clock: Clock | None = None, metrics_token: str | None = None) -> None:
    """Serve the hub until stopped (uvicorn; HTTPS when given a certificate and its key; /metrics only with
    `metrics_token`)."""
    import uvicorn

    from safety_desk.hub.app import make_app

    check_ready(database_url)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    app = make_app(database_url, clock or SystemClock(), max_body=max_body, metrics_token=metrics_token)
    uvicorn.run(app, host=host, port=port, ssl_certfile=str(tls_cert) if tls_cert else None,
                ssl_keyfile=str(tls_key) if tls_key else None, log_level="info", access_log=True)
