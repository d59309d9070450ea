"""Faults: the hub process killed in the middle of an upload, an answer lost after the hub kept a bundle, and
PostgreSQL restarted in the middle of an exchange lose nothing and duplicate nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psycopg
import pytest

from safety_desk.hub.server import init_hub
from safety_desk.services.hazards import HazardService
from safety_desk.services.hub_sync import HubRefusal, HubSyncService, HubUnreachable
from safety_desk.sync.hub_protocol import UPLOAD

from hub_world import free_port
from hub_world import hub_passphrase, sync_via
from sync_helpers import add_photo, as_person, hazard_of

ROOT = Path(__file__).resolve().parents[2]


class HubProcess:
    """`safety-desk hub serve` in a process of its own, to be killed."""

    def __init__(self, database_url: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "safety_desk", "hub", "serve", "--database", database_url, "--listen",
             f"127.0.0.1:{self.port}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.kill()
                raise RuntimeError("the hub process did not start")
            time.sleep(0.1)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


class Interrupting(httpx.BaseTransport):
    """A transport that runs `fault` once, in the middle of sending the first upload's body (`when="mid-body"`),
    or after the hub answered it, losing the answer (`when="after-answer"`)."""

    def __init__(self, fault, when: str) -> None:
        self.inner = httpx.HTTPTransport()
        self.fault = fault
        self.when = when

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.fault is None or request.method != "POST" or request.url.path != UPLOAD:
            return self.inner.handle_request(request)
        fault, self.fault = self.fault, None
        body = request.read()
        if self.when == "after-answer":
            response = self.inner.handle_request(request)
            response.read()
            fault()
            raise httpx.ReadError("the answer was lost")

        def halves():
            yield body[: len(body) // 2]
            fault()
            time.sleep(0.3)
            yield body[len(body) // 2:]

        cut = httpx.Request(request.method, request.url, headers=request.headers, content=halves())
        return self.inner.handle_request(cut)

    def close(self) -> None:
        self.inner.close()


def _bundles(database_url: str) -> list[tuple]:
    with psycopg.connect(database_url, autocommit=True) as conn:
        return conn.execute("SELECT bundle_id, sender, recipient FROM bundle ORDER BY seq").fetchall()


def _report(world) -> tuple[str, str]:
    enterprise = world["enterprise"]
    hazard = hazard_of(enterprise.store, "隐患1")
    photo = add_photo(enterprise.store, "整改后" * 200)
    HazardService(as_person(enterprise, "e1")).report_rectified(hazard.id, "已整改", [photo])
    return hazard.id, photo


def _reached_once(world, hazard_id: str) -> None:
    for name in ("office", "laptop1"):
        kinds = [e.kind for e in world[name].store.hazards.events(hazard_id)]
        assert kinds.count("reported_rectified") == 1, (name, kinds)


def test_the_hub_killed_mid_upload_loses_and_duplicates_nothing(hub_world, hub_database, hub_world_template) -> None:
    init_hub(hub_database, hub_world_template / "hub.sdenroll", passphrase=hub_passphrase(hub_world_template))
    hub = HubProcess(hub_database)
    try:
        sync_via(hub_world["office"], hub.url)
        hazard_id, _ = _report(hub_world)
        enterprise = hub_world["enterprise"]
        enterprise.refresh()
        before = _bundles(hub_database)
        cutting = HubSyncService(enterprise.sync, transport=Interrupting(hub.kill, "mid-body"))
        with pytest.raises(HubUnreachable):
            cutting.exchange(hub.url)
        assert _bundles(hub_database) == before  # nothing of the half upload
        waiting = list(HubSyncService(enterprise.sync).mirror().glob("to-*/*.sdsync"))
        assert len(waiting) == 1  # kept here for the next exchange
    finally:
        hub.kill()
    hub = HubProcess(hub_database)
    try:
        assert sync_via(hub_world["enterprise"], hub.url).uploaded == 1
        for name in ("office", "laptop1", "enterprise", "office", "laptop1"):
            sync_via(hub_world[name], hub.url)
        _reached_once(hub_world, hazard_id)
        ids = [row[0] for row in _bundles(hub_database)]
        assert len(ids) == len(set(ids))
    finally:
        hub.kill()


def test_an_answer_lost_after_the_hub_kept_the_bundle_is_a_no_op_when_sent_again(hub_world, running_hub) -> None:
    url, database = running_hub
    sync_via(hub_world["office"], url)
    hazard_id, _ = _report(hub_world)
    enterprise = hub_world["enterprise"]
    enterprise.refresh()
    with pytest.raises(HubUnreachable):
        HubSyncService(enterprise.sync, transport=Interrupting(lambda: None, "after-answer")).exchange(url)
    kept = _bundles(database)
    result = sync_via(enterprise, url)
    assert (result.uploaded, result.already_there) == (0, 1)
    assert _bundles(database) == kept
    for name in ("office", "laptop1"):
        sync_via(hub_world[name], url)
    _reached_once(hub_world, hazard_id)


def test_postgresql_restarted_mid_exchange_loses_and_duplicates_nothing(hub_world, running_hub, postgres) -> None:
    url, database = running_hub
    sync_via(hub_world["office"], url)
    hazard_id, _ = _report(hub_world)
    enterprise = hub_world["enterprise"]
    enterprise.refresh()
    stopped = []

    def stop_postgres() -> None:
        postgres.stop("immediate")
        stopped.append(True)

    try:
        # The inbox was read and imported; PostgreSQL goes down as the upload starts: the hub answers 503.
        with pytest.raises((HubRefusal, HubUnreachable)) as failure:
            HubSyncService(enterprise.sync, transport=Interrupting(stop_postgres, "mid-body")).exchange(url)
        assert stopped
        if isinstance(failure.value, HubRefusal):
            assert failure.value.status == 503 and "暂时不可用" in str(failure.value)
    finally:
        postgres.start()
    assert sync_via(enterprise, url).uploaded == 1
    for name in ("office", "laptop1", "office", "laptop1"):
        sync_via(hub_world[name], url)
    _reached_once(hub_world, hazard_id)
    ids = [row[0] for row in _bundles(database)]
    assert len(ids) == len(set(ids))
