"""Fixtures for the hub: a throwaway PostgreSQL cluster per run, a fresh database and a live hub per test.

The cluster is Debian's PostgreSQL (`postgresql`, installed by ./dev and .ci/run). initdb refuses to run as root,
and CI runs as root: then the cluster is made and run as the `postgres` user, in a temporary folder it owns,
listening on a unix socket in that folder only. Without the binaries the hub's tests skip, saying so.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))  # the sync tests' world of devices
sys.path.insert(0, str(Path(__file__).resolve().parent))  # hub_world

from hub_world import free_port, hub_passphrase  # noqa: E402

INITDB = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
SKIP_REASON = ("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the hub's tests need Debian's "
               "`postgresql` package (./dev installs it)")


def real_time_env() -> dict[str, str]:
    """The environment for PostgreSQL's programs: without libfaketime (./dev test-later), which they do not need
    (the hub's SQL never asks the server for the time: times come from the hub's clock) and which breaks sleeps."""
    return {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}


@dataclass
class Cluster:
    bindir: Path
    data: Path
    socket_dir: Path
    port: int
    runner: list[str]

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def _ctl(self, *args: str) -> None:
        subprocess.run(self.runner + [str(self.bindir / "pg_ctl"), "-D", str(self.data), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, env=real_time_env())

    def start(self) -> None:
        self._ctl("-o", f"-p {self.port} -k {self.socket_dir} -c listen_addresses='' -c fsync=off",
                  "-l", str(self.socket_dir / "postgres.log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._ctl("-m", mode, "-w", "stop")


@pytest.fixture(scope="session")
def postgres():
    if not INITDB:
        pytest.skip(SKIP_REASON)
    bindir = Path(INITDB[-1]).parent
    base = Path(tempfile.mkdtemp(prefix="sd-pg-"))
    runner: list[str] = []
    if os.geteuid() == 0:
        runner = ["runuser", "-u", "postgres", "--"]
        shutil.chown(base, "postgres", "postgres")
    os.chmod(base, 0o700)
    data = base / "data"
    subprocess.run(runner + [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                             "--locale=C", "--no-sync"], check=True, stdout=subprocess.DEVNULL, timeout=300,
                   env=real_time_env())
    cluster = Cluster(bindir, data, base, free_port(), runner)
    cluster.start()
    try:
        yield cluster
    finally:
        try:
            cluster.stop("immediate")
        finally:
            shutil.rmtree(base, ignore_errors=True)


_numbers = itertools.count(1)


@pytest.fixture
def hub_database(postgres) -> str:
    """A fresh, empty database of the cluster for one test: its URL."""
    import psycopg

    name = f"hub_{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(postgres.url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return postgres.url(name)


class LiveHub:
    """The hub's app served by uvicorn on loopback in a thread of the test process."""

    def __init__(self, database_url: str, clock=None, max_body: int | None = None,
                 tls: tuple[str, str] | None = None, metrics_token: str | None = None) -> None:
        import uvicorn

        from safety_desk.domain.clock import SystemClock
        from safety_desk.hub.app import make_app

        kwargs = {"max_body": max_body} if max_body else {}
        if metrics_token:
            kwargs["metrics_token"] = metrics_token
        self.port = free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        app = make_app(database_url, clock or SystemClock(), **kwargs)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    ssl_certfile=tls[0] if tls else None,
                                                    ssl_keyfile=tls[1] if tls else None))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the hub did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)


@pytest.fixture
def live_hub():
    """Start hubs on databases; each is stopped at the end of the test."""
    started: list[LiveHub] = []

    def start(database_url: str, **kwargs) -> LiveHub:
        hub = LiveHub(database_url, **kwargs)
        started.append(hub)
        return hub

    yield start
    for hub in started:
        hub.stop()


@pytest.fixture(scope="session")
def hub_world_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from hub_world import make_hub_world

    folder = tmp_path_factory.mktemp("hub-world")
    make_hub_world(folder)
    return folder


@pytest.fixture
def hub_world(hub_world_template: Path, tmp_path: Path):
    from hub_world import open_hub_world

    replicas = open_hub_world(hub_world_template, tmp_path / "devices")
    yield replicas
    for replica in replicas.values():
        replica.close()


@pytest.fixture
def running_hub(hub_database: str, hub_world, hub_world_template: Path, live_hub):
    """A hub initialised from the world's enrolment file and served on loopback: (url, database url)."""
    from safety_desk.hub.server import init_hub

    init_hub(hub_database, hub_world_template / "hub.sdenroll", passphrase=hub_passphrase(hub_world_template))
    return live_hub(hub_database).url, hub_database
