"""Sync through the network hub: one exchange is a sync-folder pass over a local mirror of this device's mailbox.

`exchange(url)`: (the office first hands the hub its device list), download every bundle the hub holds for this
device into <database>.hub/to-<me>/ beside the database, run the very same pass as a sync folder (services/sync.py
sync_folder: import what came, write a bundle into to-<peer>/ for each peer with something new), upload what
waits in the peers' boxes, deleting each once the hub has it, and acknowledge to the hub what was imported. So the
bundles, checks and counters are those of file and folder sync. Nothing is lost on a crash: a bundle is deleted
here only once the hub answered that it keeps it (an upload the hub kept before the answer was lost is sent again
and is a no-op there), and acknowledged there only once imported here (one downloaded again is a no-op here). The office also sends
the hub its rows (services/hub_rows.py), by which the hub refuses (422) a device's upload the office would refuse
in part: such a bundle is set aside here like one the hub cannot read, and its reasons reported. A refused feed is
reported too (`feed_problem`) and the exchange goes on: the next one sends it again from where the hub stands.
An inspector's or leader's device first takes the hub's previews (services/hub_previews.py: an enterprise's uploads
the office has not judged yet), shown apart from the records; a refusal of them is reported and the exchange goes on.
"""

from __future__ import annotations

import json
import re
import ssl
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from safety_desk.domain.language import say
from safety_desk.domain.ownership import INSPECTOR_ROLES
from safety_desk.services.hub_gate import registry_of
from safety_desk.services.hub_previews import HubPreviewService, PreviewListingProblem
from safety_desk.services.hub_rows import FeedCursor, office_feed
from safety_desk.services.sync import Progress, SyncProblem, SyncService
from safety_desk.services.sync_results import ImportResult
from safety_desk.sync.bundle import SUFFIX
from safety_desk.sync.folder_layout import bundles_from, inbox, set_aside
from safety_desk.sync.hub_protocol import (
    ACK, INBOX, OFFICE_ROWS, PREVIEW_PHOTO, PREVIEWS, REGISTRY, UPLOAD, signed_headers,
)
from safety_desk.sync.key_binding import key_binding

_FILE_NAME = re.compile(r"^[0-9A-Za-z-]{1,160}\.sdsync$")


class HubUnreachable(SyncProblem):
    """The hub cannot be reached (no network, wrong address, hub down): the device works on offline."""


class HubRefusal(SyncProblem):
    """The hub answered with an error; the message holds its reason."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class HubResult:
    url: str
    downloaded: int = 0
    imported: list[ImportResult] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    uploaded: int = 0
    already_there: int = 0
    refused_uploads: list[str] = field(default_factory=list)
    feed_problem: str = ""  # why the hub did not take the office's rows this time (the office only)
    previews: int = 0  # an enterprise's uploads awaiting the office, held after the exchange (inspectors, leaders)
    preview_problem: str = ""  # why the hub's previews were not taken this time (the exchange went on)
    preview_notes: list[str] = field(default_factory=list)  # previews or photos of them skipped, and why
    synced_at: str = ""


class HubSyncService:
    """One exchange with the hub for the open store (CLI, or the GUI's background worker on its own connection)."""

    def __init__(self, sync: SyncService, *, transport: httpx.BaseTransport | None = None,
                 verify: bool | str = True) -> None:
        """`verify`: True (the system's CAs), or the file of the CA that signed the hub's certificate."""
        self.sync = sync
        self.store = sync.store
        self.transport = transport
        self.verify = verify

    def url(self, url: str | None = None) -> str:
        chosen = (url or self.sync.settings.hub_url or "").strip().rstrip("/")
        if not chosen:
            raise SyncProblem(say("未设置集线器地址：请在设置中填写，或在命令中给出 URL",
                                  "no hub address set: enter it in Settings or give the URL in the command"))
        if not chosen.startswith(("http://", "https://")):
            raise SyncProblem(say(f"{chosen}：集线器地址应以 https:// 或 http:// 开头",
                                  f"{chosen}: a hub address starts with https:// or http://"))
        return chosen

    def mirror(self) -> Path:
        """This database's local mirror of its mailbox at the hub, beside it (<name>.hub/). One whatever the hub's
        address: bundles written for a hub that then moved go to the new address."""
        return self.store.path.with_name(self.store.path.name + ".hub")

    def last_synced_at(self) -> str | None:
        return self.store.local_state.hub_synced_at()

    def _request(self, http: httpx.Client, method: str, path: str, body: bytes = b"",
                 content_type: str = "application/json") -> httpx.Response:
        me = self.sync.this_device()
        local = self.store.local_state
        binding = key_binding(me, local.public_key(), local.enrolment_token())
        headers = signed_headers(local.private_key() or "", me.id, method, path, body, self.sync._wall_ms(), binding)
        if body:
            headers["content-type"] = content_type
        try:
            response = http.request(method, path, content=body, headers=headers)
        except httpx.TransportError as exc:
            raise HubUnreachable(say(f"集线器无法连接（{exc.__class__.__name__}）：{http.base_url}",
                                     f"cannot reach the hub ({exc.__class__.__name__}): {http.base_url}")) from None
        if response.status_code >= 400:
            try:
                reason = response.json().get("error") or response.text[:200]
            except ValueError:
                reason = response.text[:200] or response.reason_phrase
            raise HubRefusal(say(f"集线器拒绝了请求（{response.status_code}）：{reason}",
                                 f"the hub refused the request ({response.status_code}): {reason}"), response.status_code)
        return response

    def _send_rows(self, http: httpx.Client) -> None:
        """Bring the hub's copy of the office's rows up to date (services/hub_rows.py), part by part from where the
        hub stands."""
        try:
            stands = self._request(http, "GET", OFFICE_ROWS).json()
        except HubRefusal as exc:
            if exc.status == 404:
                return  # a hub of an earlier version: it relays without the row checks, as it did
            raise
        cursor = FeedCursor(stands.get("epoch"), int(stands.get("upto") or 0), bool(stands.get("complete")),
                            stands.get("acked") or {})
        for body in office_feed(self.store, cursor):
            self._request(http, "POST", OFFICE_ROWS, body, "application/x-ndjson")

    def _take_previews(self, http: httpx.Client, result: HubResult) -> None:
        """The enterprises' uploads the hub holds for this inspector's device and the office has not judged
        (services/hub_previews.py). A side step: a refusal or a malformed listing is reported in the result and the
        exchange goes on; a hub of an earlier version (404) has none."""
        previews = HubPreviewService(self.store)
        try:
            listing = self._request(http, "GET", PREVIEWS).json()
            taken = previews.take(listing.get("previews") if isinstance(listing, dict) else None,
                                  lambda sha: self._request(http, "GET", f"{PREVIEW_PHOTO}/{sha}").content)
        except HubRefusal as exc:
            if exc.status != 404:
                result.preview_problem = say(f"未取到待安全办确认的企业上报：{exc}",
                                             f"the uploads awaiting the office were not fetched: {exc}")
        except PreviewListingProblem as exc:
            result.preview_problem = str(exc)
        except ValueError:  # not JSON at all
            result.preview_problem = say("集线器的待确认上报列表格式错误；未作任何更改",
                                         "the hub's list of uploads awaiting the office is malformed; nothing was "
                                         "changed")
        else:
            result.preview_notes = taken.skipped
        result.previews = previews.count()

    def _client(self, url: str) -> httpx.Client:
        verify = ssl.create_default_context(cafile=self.verify) if isinstance(self.verify, str) else self.verify
        return httpx.Client(base_url=url, timeout=120, transport=self.transport, verify=verify)

    def refresh_previews(self, url: str | None = None) -> HubResult:
        """Only the previews step of an exchange (an inspector's or leader's device): `previews` is the count held
        after it, `preview_problem` and `preview_notes` what went wrong."""
        result = HubResult(self.url(url))
        with self._client(result.url) as http:
            self._take_previews(http, result)
        return result

    def exchange(self, url: str | None = None, report: Progress | None = None) -> HubResult:
        url = self.url(url)
        me = self.sync.this_device()
        if not self.store.local_state.private_key():
            raise SyncProblem(say("此数据库没有设备密钥", "this database has no device key"))
        result = HubResult(url)
        folder = self.mirror()
        mine = inbox(folder, me.id)
        mine.mkdir(parents=True, exist_ok=True)
        with self._client(url) as http:
            if me.role == "office":
                body = json.dumps(registry_of(self.store)).encode("utf-8")
                self._request(http, "POST", REGISTRY, body)
            if me.role in INSPECTOR_ROLES:
                # Before the inbox is listed: the office uploads its bundles before it tells the hub it judged the
                # enterprise's upload, so a preview gone from this listing has its bundle in the inbox listed next.
                self._take_previews(http, result)
            listed = self._request(http, "GET", INBOX).json().get("bundles", [])
            names = {}
            for item in listed:
                name = str(item.get("file_name", ""))
                if not _FILE_NAME.match(name):
                    continue
                names[item["bundle_id"]] = name
                target = mine / name
                if target.exists() or target.with_name(name + ".rejected").exists():
                    continue
                data = self._request(http, "GET", f"{UPLOAD}/{item['bundle_id']}").content
                part = target.with_name("." + name + ".part")
                part.write_bytes(data)
                part.replace(target)
                result.downloaded += 1
            passed = self.sync.sync_folder(folder, report, sealed=False)  # the hub checks them
            result.imported = passed.imported
            result.rejected = passed.rejected
            if me.role in INSPECTOR_ROLES and passed.imported:
                # A preview whose records this pass brought (the office acknowledged the upload after our listing)
                # went with their import (services/sync.py): the count after it.
                result.previews = HubPreviewService(self.store).count()
            if me.role == "office":
                # Our rows as they stand after this pass's imports: the hub judges devices' uploads by them. A side
                # step: refused (another office process moved the hub's cursor first, a part too large), it is
                # reported and our uploads and acknowledgements still go; the next exchange sends it again.
                try:
                    self._send_rows(http)
                except HubRefusal as exc:
                    result.feed_problem = say(f"集线器未收下安全办的数据，下次同步时重发：{exc}",
                                              f"the hub did not take the office's rows; sent again at the next "
                                              f"exchange: {exc}")
            # Acknowledged once imported here (or refused: set aside, never offered again).
            done = [bundle_id for bundle_id, name in names.items() if not (mine / name).exists()]
            for peer_box in sorted(folder.glob("to-*")):
                if peer_box == mine:
                    continue
                for bundle in sorted(bundles_from(peer_box, me.id)):
                    try:
                        answer = self._request(http, "POST", UPLOAD, bundle.read_bytes(), "application/zip").json()
                    except HubRefusal as exc:
                        if exc.status not in (400, 409, 422):
                            raise  # not about this bundle (time, revoked, hub down): it stays for the next exchange
                        advice = say("。这些修改留在本机：用同步文件夹或U盘与安全办同步一次，由安全办逐项处理（其余修改照收，"
                                     "不收的记入冲突），之后即可再经集线器同步",
                                     ". The changes stay on this computer: sync once with the office by folder or USB "
                                     "stick, where the office takes the rest and records the refused ones as "
                                     "conflicts; the hub works again after that") if exc.status == 422 else ""
                        result.refused_uploads.append(f"{bundle.name}: {exc}{advice}")
                        set_aside(bundle)
                        continue
                    if answer.get("duplicate"):
                        result.already_there += 1
                    else:
                        result.uploaded += 1
                    bundle.unlink(missing_ok=True)
            if done:
                self._request(http, "POST", ACK, json.dumps({"bundle_ids": done}).encode("utf-8"))
        # The imported files are gone; old rejected ones are kept for people to look at, as in a sync folder.
        with self.store.transaction():
            result.synced_at = self.store.db.now_iso()
            self.store.local_state.set_hub_synced_at(result.synced_at)
        return result


def leftover(folder: Path) -> list[Path]:
    """Bundles written for the hub and not yet uploaded (shown by `sync status`)."""
    return sorted(p for p in folder.glob(f"to-*/*{SUFFIX}") if not p.name.startswith("."))


