"""`sync hub` says how many enterprise uploads await the office; `sync previews` lists them, in zh or en, or JSON."""

from __future__ import annotations

import json

import httpx
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.services.hub_previews import HubPreviewService
from safety_desk.services.hub_sync import HubSyncService

from preview_helpers import enterprise_upload, fake_hub


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_sync_hub_says_how_many_await_the_office(world, monkeypatch) -> None:
    office, inspector, enterprise = world
    entry, photos = enterprise_upload(enterprise)
    transport = fake_hub([entry], photos, [])
    monkeypatch.setattr(HubSyncService, "_client",
                        lambda self, url: httpx.Client(base_url=url, transport=transport))
    result = run("--lang", "en", "--db", str(inspector.store.path), "sync", "hub", "http://hub.test")
    assert result.exit_code == 0, result.output
    assert "1 enterprise uploads awaiting the office's confirmation" in result.output
    result = run("--db", str(inspector.store.path), "sync", "hub", "http://hub.test")
    assert result.exit_code == 0 and "1 条企业上报待安全办确认" in result.output


def test_sync_previews_lists_them_in_the_chosen_language(world) -> None:
    office, inspector, enterprise = world
    db = str(inspector.store.path)
    result = run("--lang", "en", "--db", db, "sync", "previews")
    assert result.exit_code == 0 and "no enterprise uploads awaiting" in result.output
    entry, photos = enterprise_upload(enterprise)
    HubPreviewService(inspector.store).take([entry], photos.__getitem__)

    result = run("--lang", "en", "--db", db, "sync", "previews")
    assert result.exit_code == 0, result.output
    assert "[awaiting the office's confirmation] 企业1, sent" in result.output and "1 photos" in result.output
    assert "Reported rectified (hazard: 隐患1): 灭火器已更换" in result.output
    assert "待安全办确认" not in result.output

    result = run("--db", db, "sync", "previews")
    assert result.exit_code == 0, result.output
    assert "【待安全办确认】企业1" in result.output and "照片 1 张" in result.output
    assert "报告整改完成（隐患：隐患1）：灭火器已更换" in result.output and "新隐患：配电箱门未关闭" in result.output
    assert "awaiting" not in result.output

    result = run("--lang", "en", "--db", db, "sync", "status")
    assert "enterprise uploads awaiting the office's confirmation: 1" in result.output

    result = run("--db", db, "sync", "previews", "--json")
    [item] = json.loads(result.output)["previews"]
    assert set(item) == {"bundle_id", "enterprise_id", "enterprise", "taken_at", "items", "summary", "photos"}
    assert item["bundle_id"] == entry["bundle_id"] and item["photos"] == 1
    assert any(i["what"] == "new_hazard" and i["text"] == "配电箱门未关闭" for i in item["items"])
    assert any(i["what"] == "hazard_event" and i["event_kind"] == "reported_rectified" for i in item["items"])
