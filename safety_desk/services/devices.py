"""Devices: the office enrols inspector, leader and enterprise installations, which join; it can revoke them.

Enrolment and keys. `enroll` (on the office's device) records the new device with a fresh one-time id, its
role and scope and an empty public key, keeps a random one-time token in the office's device-local state,
allocates notice-number blocks (this year's and next year's) for inspector and leader devices, and writes
an enrolment file: a bundle of kind "enrolment" signed with the office's key, holding the starter data of
the device's scope and an `enrolment` section (device id, role, scope, the office's device id, name and
public key, and the token). The file is sealed with a passphrase made for it and shown once to the office
(services/enrolment_seal.py): without it the file reveals nothing.

`join` on a fresh installation opens the file with its passphrase, checks the file's signature against the office key it carries (the file is
trusted on first use, like the installer: hand it over in person or on a stick), makes the database that
device, generates the device's own Ed25519 key pair (the private half never leaves it) and applies the
starter data. Given a person on the device's sign-in list and their password, it also encrypts the new database
at once (services/encryption.py) with that person's key slot and a new recovery key; otherwise it stays plain until
the first sign-in in the window. Each bundle the device sends carries a key binding: its public key and an HMAC of that key
with the token. The office accepts the device's first bundle when the binding's proof matches the token
it kept and the bundle's signature matches the bound key; it then stores the key in the device's record
(which syncs) and marks the token used. A second installation joining with the same file makes another
key, and its bundles are refused ("already used by another installation"). So the enrolment file is a
one-time credential: it should be handed over like a password, and revoking the device voids it.

Revocation sets the device's revoked_at, a change like any other that travels in bundles; bundles from a
revoked device are refused, and a device that learns it was revoked stops exporting.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safety_desk.domain.clock import Clock
from safety_desk.domain.device_scope import Scope, signer_problem
from safety_desk.domain.language import say
from safety_desk.domain.notice_numbers import validate_block_size
from safety_desk.media.files import media_path, write_media
from safety_desk.paths import media_dir_for
from safety_desk.store.backups import backups_dir_for
from safety_desk.store.encryption import ENCRYPTING_SUFFIX
from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.services.encryption import Encrypted, encrypt_database, photo_key_for
from safety_desk.services.enrolment_seal import new_passphrase, sealed_to, unseal_with
from safety_desk.services.hub_gate import write_hub_enrolment
from safety_desk.services.session import Action, Session
from safety_desk.services.sync import Progress, SyncService, no_progress
from safety_desk.settings import Settings
from safety_desk.store.connection import MissingDatabase, StoreError, remove_database_files
from safety_desk.store.database import SYNC_MODE
from safety_desk.store.merge import MergeContext, merge_changes
from safety_desk.store.office_proofs import keep_proofs
from safety_desk.store.open_lock import creating_alone
from safety_desk.store.scope_moves import ScopeMoves
from safety_desk.store.records import Device
from safety_desk.store.store import Store
from safety_desk.store.sync_log import SyncLog
from safety_desk.sync.bundle import BundleRejected, open_bundle
from safety_desk.sync.change_codec import decode_changes
from safety_desk.sync.folder_layout import mark_used, used_marker
from safety_desk.sync.identity import generate_key_pair

ENROLLED_ROLES = ("inspector", "leader", "enterprise")
ROLE_NAMES = {"office": "安全办", "leader": "包片领导", "inspector": "检查员", "enterprise": "企业"}


class DeviceProblem(ValueError):
    """An enrolment, join or revocation that cannot be done; the message says why. Nothing was changed."""


class AlreadyJoined(StoreError):
    pass


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    name: str
    role: str
    scope_text: str
    enrolled_at: str
    revoked_at: str | None
    key_known: bool
    this_device: bool


@dataclass(frozen=True)
class EnrolResult:
    device: Device
    path: Path
    changes: int
    photos: int
    notice_blocks: list[str]
    signers: list[str] = ()  # the logins of the people who sign in on the device
    passphrase: str = ""  # what opens the file: shown once, read out to whoever joins with it


@dataclass(frozen=True)
class SignInList:
    """Who signs in on a device: named (`listed`) or the default of its scope, and their logins now."""

    device: Device
    listed: bool
    logins: list[str]


@dataclass(frozen=True)
class SignInChoices:
    """What the office may put on a device's sign-in list: who is on it now, and everyone who may be, as
    (login, name) pairs by name (active people fit for the device's role; never the office's accounts)."""

    now: SignInList
    eligible: list[tuple[str, str]]


@dataclass(frozen=True)
class JoinResult:
    path: Path
    device_id: str
    role: str
    name: str
    changes: int
    photos: int
    encrypted: Encrypted | None = None  # encrypted at join (`user` given): its recovery key, shown once


class DeviceService:
    """Enrolment, revocation and the device list; enrolment and revocation are the office's (MANAGE_PEOPLE)."""

    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store = session.store
        self.settings = settings or Settings()

    def _require_office_device(self) -> Device:
        self.session.require(Action.MANAGE_PEOPLE)
        device = self.store.devices.get(self.store.db.device_id)
        if device is None or device.role != "office" or device.revoked_at is not None:
            raise DeviceProblem(say("只有安全办的设备可以登记或停用设备", "only the safety office's device enrols and revokes devices"))
        return device

    def scope_text(self, device: Device) -> str:
        scope = device.scope or {}
        if device.role == "enterprise":
            enterprise = self.store.enterprises.get(scope.get("enterprise_id") or "")
            return enterprise.name if enterprise else str(scope.get("enterprise_id"))
        if device.role in ("inspector", "leader"):
            # People know districts by name (东片区); the code (D01) is for commands.
            names = []
            for district_id in scope.get("district_ids") or []:
                district = self.store.districts.get(district_id)
                names.append(district.name if district else district_id)
            return "、".join(names)
        return say("全部片区和企业", "every district and enterprise")

    def list(self) -> list[DeviceInfo]:
        me = self.store.db.device_id
        return [DeviceInfo(d.id, d.name, d.role, self.scope_text(d), d.enrolled_at, d.revoked_at, bool(d.public_key),
                           d.id == me) for d in self.store.devices.active()]

    def find(self, name_or_id: str) -> Device:
        device = self.store.devices.get(name_or_id)
        if device is not None and not device.deleted:
            return device
        named = self.store.devices.named(name_or_id)
        if not named:
            raise DeviceProblem(say(f"{name_or_id}: 没有这个设备", f"{name_or_id}: no device with this name or id"))
        if len(named) > 1:
            raise DeviceProblem(say(f"{name_or_id}: 有多台设备同名，请用设备编号",
                                    f"{name_or_id}: several devices have this name: give its id"))
        return named[0]

    def enroll(self, role: str, name: str, output: Path | str, *, district_codes: tuple[str, ...] | list[str] = (),
               uscc: str | None = None, people: tuple[str, ...] | list[str] | None = None,
               report: Progress | None = None) -> EnrolResult:
        """Record a new device and write its signed enrolment file with the starter data of its scope.

        `people`: the logins of who signs in on it (only they have their password hash on it); none named: the
        default of its scope (domain/device_scope.py), which follows the districts' members as the office
        changes them."""
        office_device = self._require_office_device()
        name = name.strip()
        if role == "hub":
            return self._enroll_hub(office_device, name, Path(output), district_codes, uscc)
        if role not in ENROLLED_ROLES:
            raise DeviceProblem(say(f"--role: {role!r} 不是 inspector、leader 或 enterprise",
                                    f"--role: {role!r} is not one of {', '.join(ENROLLED_ROLES)}"))
        if not name:
            raise DeviceProblem(say("--name: 设备名称不能为空", "--name: the device needs a name"))
        if self.store.devices.named(name):
            raise DeviceProblem(say(f"--name: 已有名为“{name}”的设备", f"--name: a device named “{name}” exists already"))
        scope: dict[str, Any]
        if role == "enterprise":
            if district_codes or not uscc:
                raise DeviceProblem(say("企业设备需要 --enterprise USCC，且不用 --district",
                                        "an enterprise device takes --enterprise USCC and no --district"))
            enterprise = self.store.enterprises.by_uscc(uscc.strip().upper())
            if enterprise is None or enterprise.deleted:
                raise DeviceProblem(say(f"--enterprise: 统一社会信用代码 {uscc} 不存在",
                                        f"--enterprise: no enterprise with the USCC {uscc}"))
            scope = {"enterprise_id": enterprise.id}
        else:
            if uscc or not district_codes:
                raise DeviceProblem(say("检查员和包片领导的设备需要 --district CODE，且不用 --enterprise",
                                        "an inspector's or leader's device takes one or more --district CODE and no --enterprise"))
            district_ids = []
            for code in district_codes:
                district = self.store.districts.by_code(code)
                if district is None or district.deleted:
                    raise DeviceProblem(say(f"--district: 片区代码 {code} 不存在", f"--district: no district with the code {code}"))
                district_ids.append(district.id)
            scope = {"district_ids": sorted(set(district_ids))}
        if people:
            scope["people"] = self._signer_ids(role, scope.get("enterprise_id"), people)
        output = Path(output)
        if output.exists():
            raise DeviceProblem(say(f"{output}: 文件已存在",
                                    f"{output}: the file exists already; enrolment never overwrites"))
        office = self.store.offices.current()
        token = secrets.token_hex(32)
        passphrase = new_passphrase()
        sync = SyncService(self.session, self.settings)
        blocks: list[str] = []
        with self.store.transaction():
            device = self.store.devices.add(Device(id=self.store.db.new_id(), name=name, role=role, public_key="",
                                                   enrolled_at=self.store.db.now_iso(), scope=scope))
            self.store.local_state.set_issued_token(device.id, token)
            self.store.local_state.set_enrolment_file(device.id, str(output.resolve()))
            SyncLog(self.store.db).ensure_peer(device.id)
            if role in ("inspector", "leader"):
                # Notice numbers for offline issuing: this year's and next year's blocks (store/notices.py).
                size = validate_block_size(self.settings.notice_block_size)
                person = self.store.people.get(self.session.person.id)
                year = self.session.clock.today().year
                for block_year in (year, year + 1):
                    block = self.store.notice_blocks.allocate(device.id, block_year, size,
                                                              allocated_on=self.session.clock.today().isoformat(),
                                                              allocated_by=person.id if person else None)
                    blocks.append(f"{block_year}: {block.first_seq}–{block.last_seq}")
            enrolment = {"device_id": device.id, "name": name, "role": role, "scope": scope,
                         "office_device_id": office_device.id, "office_public_key": office_device.public_key,
                         "office_name": office.name if office else "", "token": token}
            exported = sync._export(device, output, None, report or no_progress, kind="enrolment",
                                    extra={"enrolment": enrolment}, seal_to=sealed_to(passphrase, device.id))
            # The file delivers the starter data whole (join applies all of it or nothing): bundles to the
            # device start after it.
            log = SyncLog(self.store.db)
            log.note_import(device.id, at=None, acked_seq=log.peer(device.id).sent_upto, received_seq=0)
        return EnrolResult(device, exported.path, exported.changes, exported.photos, blocks,
                           self.sign_in_list(device).logins, passphrase)

    def _signer_ids(self, role: str, enterprise_id: str | None, logins: tuple[str, ...] | list[str]) -> list[str]:
        """The ids of the people of these logins, each checked fit to sign in on a device of `role`."""
        ids = []
        for login in logins:
            person = self.store.people.by_login(login.strip())
            if person is None:
                raise DeviceProblem(say(f"--person: 没有登录名为“{login}”的人员", f"--person: nobody has the login “{login}”"))
            problem = signer_problem(role, enterprise_id, {"id": person.id, "login": person.login, "role": person.role,
                                                           "enterprise_id": person.enterprise_id,
                                                           "deleted": person.deleted})
            if problem:
                raise DeviceProblem(f"--person: {problem}")
            ids.append(person.id)
        return sorted(set(ids))

    def sign_in_list(self, device: Device) -> SignInList:
        """Who signs in on `device` now (only they have their password hash on it)."""
        scope = Scope.of(device.id, device.role, device.scope)
        ids = SyncLog(self.store.db).signers(scope)
        logins = sorted(p.login for p in (self.store.people.get(i) for i in ids) if p is not None)
        return SignInList(device, scope.people is not None, logins)

    def sign_in_choices(self, name_or_id: str) -> SignInChoices:
        """The device's sign-in list and who may be on it (office only), for the office's devices page."""
        device = self._enrolled_device(name_or_id)
        enterprise_id = (device.scope or {}).get("enterprise_id")
        eligible = [(p.login, p.name) for p in self.store.people.every()
                    if p.active and signer_problem(device.role, enterprise_id,
                                                   {"id": p.id, "login": p.login, "role": p.role,
                                                    "enterprise_id": p.enterprise_id, "deleted": p.deleted}) is None]
        return SignInChoices(self.sign_in_list(device), sorted(eligible, key=lambda pair: (pair[1], pair[0])))

    def _enrolled_device(self, name_or_id: str) -> Device:
        self._require_office_device()
        device = self.find(name_or_id)
        if device.role == "office":
            raise DeviceProblem(say(f"设备“{device.name}”是安全办的设备，所有账号都在其上登录",
                                      f"device “{device.name}” is the office's: every account signs in there"))
        if device.revoked_at is not None:
            raise DeviceProblem(say(f"设备“{device.name}”已于 {device.revoked_at} 停用",
                                      f"device “{device.name}” was revoked on {device.revoked_at}"))
        return device

    def set_people(self, name_or_id: str, logins: tuple[str, ...] | list[str] | None) -> SignInList:
        """Name who signs in on a device (None or empty: back to the default of its scope). The device record
        travels: at its next sync the device receives the new people's password hashes and blanks the others'."""
        device = self._enrolled_device(name_or_id)
        scope = dict(device.scope or {})
        if logins:
            scope["people"] = self._signer_ids(device.role, scope.get("enterprise_id"), logins)
        else:
            scope.pop("people", None)
        with self.store.transaction():
            device = self.store.devices.update(device.id, scope=scope)
        return self.sign_in_list(device)

    def set_districts(self, name_or_id: str, district_codes: tuple[str, ...] | list[str]) -> Device:
        """Change the districts of an inspector's or leader's device. At its next sync it receives everything of
        the districts it gained and removes everything of those it lost (rows and photos, once its own edits of
        them have reached the office)."""
        device = self._enrolled_device(name_or_id)
        if device.role not in ("inspector", "leader"):
            raise DeviceProblem(say(f"设备“{device.name}”是企业的电脑，没有片区；只有检查员和包片领导的电脑可以调整片区",
                                  f"device “{device.name}” is an enterprise PC and has no districts; only inspectors' "
                                  "and district leaders' laptops do"))
        if not district_codes:
            raise DeviceProblem(say("--district: 至少指定一个片区", "--district: name at least one district"))
        district_ids = []
        for code in district_codes:
            district = self.store.districts.by_code(code.strip())
            if district is None or district.deleted:
                raise DeviceProblem(say(f"--district: 片区代码 {code} 不存在", f"--district: no district {code}"))
            district_ids.append(district.id)
        scope = {**(device.scope or {}), "district_ids": sorted(set(district_ids))}
        with self.store.transaction():
            return self.store.devices.update(device.id, scope=scope)

    def _enroll_hub(self, office_device: Device, name: str, output: Path, district_codes, uscc) -> EnrolResult:
        """The signed file that makes a network sync hub (`safety-desk hub init --enrolment`). A hub is a relay,
        not a device of the database: it writes nothing, so it has no device record; the file carries the office's
        key and the device list (services/hub_gate.py), which the office sends again at each exchange."""
        if district_codes or uscc:
            raise DeviceProblem(say("集线器为所有设备转发，不用 --district 或 --enterprise",
                                    "a hub relays for every device: no --district or --enterprise"))
        if not name:
            raise DeviceProblem(say("--name: 设备名称不能为空", "--name: the device needs a name"))
        if output.exists():
            raise DeviceProblem(say(f"{output}: 文件已存在", f"{output}: the file exists already; enrolment never "
                                    "overwrites"))
        office = self.store.offices.current()
        passphrase = new_passphrase()
        hub_id = write_hub_enrolment(self.store, office_device, office.name if office else "", name, output,
                                     lambda hub_id: sealed_to(passphrase, hub_id))
        hub = Device(id=hub_id, name=name, role="hub", public_key="", enrolled_at=self.store.db.now_iso(),
                     scope={})
        return EnrolResult(hub, output, 0, 0, [], passphrase=passphrase)

    def revoke(self, name_or_id: str) -> Device:
        """Revoke a device: its bundles are refused from now on; the revocation travels in bundles."""
        me = self._require_office_device()
        device = self.find(name_or_id)
        if device.id == me.id or device.role == "office":
            raise DeviceProblem(say("不能停用安全办自己的设备", "the office's own device cannot be revoked"))
        if device.revoked_at is not None:
            raise DeviceProblem(say(f"设备“{device.name}”已于 {device.revoked_at} 停用",
                                    f"device {device.name} was already revoked on {device.revoked_at}"))
        gap = self.unreturned_writes(device.id)
        with self.store.transaction():
            revoked = self.store.devices.update(device.id, revoked_at=self.store.db.now_iso())
            self.store.local_state.mark_token_revoked(device.id)
            log = SyncLog(self.store.db)
            log.refresh_acknowledged()
            if gap:
                log.note_unreturned_writes(device.id, source=me.id, at=self.store.db.now_iso(), note=gap)
        return revoked

    def unreturned_writes(self, name_or_id: str) -> str | None:
        """Why revoking this device may lose writes (None: it loses none): this office was restored from a backup
        and the device has not written to it since, so what it wrote after the backup is here only where another
        device handed it back (sync/office_proof.py); what it relayed to no one comes back only from it."""
        device = self.find(name_or_id)
        state = self.store.local_state
        epoch = state.sync_epoch()
        if not epoch or device.role == "office" or state.heard_epoch(device.id) == epoch:
            return None
        return say(f"本机曾从备份恢复，设备“{device.name}”此后未再同步：它在该备份之后写入的修改，若未经其他设备交回，"
                   "停用后将无法找回；停用前请先让它同步一次",
                   f"this database was restored from a backup and device “{device.name}” has not synced since: what it "
                   "wrote after that backup, unless another device hands it back, is lost once it is revoked; let it "
                   "sync once before revoking it")


def _fresh(path: Path) -> bool:
    """True when `path` holds no database yet: missing, empty, or a schema with no device and no data."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        store = Store.open(path)
    except MissingDatabase:
        return True  # a file SQLite made with no schema in it
    except StoreError:
        return False
    try:
        has_device = store.local_state.device_id() is not None
        has_rows = SyncLog(store.db).waiting_rows(0) > 0
    finally:
        store.close()
    return not has_device and not has_rows


def read_enrolment(enrol_file: Path | str, passphrase: str | None = None) -> tuple[Any, dict[str, Any]]:
    """The opened, signature-checked enrolment file and its enrolment section (`passphrase`: what opens a sealed
    one; PassphraseNeeded or WrongPassphrase, naming the file, when it is missing or does not open it)."""
    enrol_file = Path(enrol_file)
    unseal = unseal_with(enrol_file, passphrase)

    def key_for(manifest: dict[str, Any]) -> str:
        enrolment = manifest.get("enrolment")
        if manifest.get("kind") != "enrolment" or not isinstance(enrolment, dict):
            raise BundleRejected(say(f"{enrol_file.name}: 不是设备登记文件",
                                     f"{enrol_file.name}: not an enrolment file: a sync bundle is imported with `sync import`"))
        for key in ("device_id", "role", "office_device_id", "office_public_key", "token", "name"):
            if not isinstance(enrolment.get(key), str) or not enrolment[key]:
                raise BundleRejected(say(f"{enrol_file.name}: 登记信息缺少 {key}",
                                         f"{enrol_file.name}: the enrolment lacks {key}"))
        if enrolment["role"] not in ENROLLED_ROLES:
            raise BundleRejected(say(f"{enrol_file.name}: 设备角色 {enrolment['role']!r} 无效",
                                     f"{enrol_file.name}: {enrolment['role']!r} is not a device role"))
        if manifest["sender"] != enrolment["office_device_id"] or manifest["recipient"] != enrolment["device_id"]:
            raise BundleRejected(say(f"{enrol_file.name}: 登记文件的发送方或接收方不符",
                                     f"{enrol_file.name}: sender or recipient do not match the enrolment"))
        return enrolment["office_public_key"]

    opened = open_bundle(enrol_file, key_for, unseal)
    return opened, opened.manifest["enrolment"]


@creating_alone
def join(db_path: Path | str, enrol_file: Path | str, report: Progress | None = None,
         clock: Clock | None = None, *, passphrase: str | None = None, mark_file: bool = True,
         user: str | None = None, password: str | None = None) -> JoinResult:
    """Make a fresh installation the enrolled device of `enrol_file` (opened with `passphrase`), with its own new
    key pair. The file is then marked used where it lies (not the one an enterprise edition carries inside its
    installed program).

    `user` and `password`: a person on the device's sign-in list, whose password must match the hash the file
    carried; the new database is then encrypted before join returns, with their key slot and a new recovery key
    (JoinResult.encrypted). A wrong login or password, or a failed encryption: nothing is left behind."""
    path = Path(db_path)
    if not _fresh(path):
        raise AlreadyJoined(say(f"{path}: 此处已有数据库；未作任何更改",
                                f"{path}: a database with data is here already; join needs a fresh installation; nothing was changed"))
    if used_marker(Path(enrol_file)).exists():
        raise DeviceProblem(say(f"{Path(enrol_file).name}: 此登记文件已被使用过，请向安全办申请新的登记文件；未作任何更改",
                                f"{Path(enrol_file).name}: this enrolment file has been used by another installation already; ask the office for a new one; nothing was changed"))
    opened, enrolment = read_enrolment(enrol_file, passphrase)
    manifest = opened.manifest
    existed = path.exists()
    # A refused join leaves nothing: the starter data's photo files are written (plain) before the checks end.
    made_folders = [f for f in (media_dir_for(path), backups_dir_for(path)) if not f.exists()]
    written: list[Path] = []  # photo files written here, removed too when the media folder was there already
    keys = generate_key_pair()
    store = Store.open(path, create=True, clock=clock)
    try:
        columns = {t: set(store.db.columns(t)) for t in SYNC_MODE}
        proofs: list = []  # the office's proofs of its writes (sync/office_proof.py), kept like a bundle's
        changes = decode_changes(opened.change_lines(), columns, Path(enrol_file).name, proofs)
        photo_key = photo_key_for(store.path)  # None: a new device's database is plain until its first sign-in
        for photo_id in opened.photo_ids:
            target = media_path(store.media_dir, photo_id)
            if not target.exists():
                written.append(target)
            write_media(target, opened.photo_bytes(photo_id), photo_key)
        with store.transaction():
            store.db.adopt_device(enrolment["device_id"])
            store.local_state.set_private_key(keys.private_pem)
            store.local_state.set_public_key(keys.public_pem)
            store.local_state.record_enrolment(token=enrolment["token"], office_device_id=enrolment["office_device_id"],
                                               role=enrolment["role"])
            merge_changes(store.db, changes, MergeContext(source=manifest["sender"], now_ms=store.db.wall.epoch_ms(),
                                                          record_conflicts=False, on_row=report))
            keep_proofs(store.db.conn, proofs)
            device = store.devices.get(enrolment["device_id"])
            if device is not None:  # only the people who sign in here keep a password hash (the file has no other)
                ScopeMoves(store.db).forget_password_hashes(
                    SyncLog(store.db).signers(Scope.of(device.id, device.role, device.scope)), 0)
            office = store.devices.get(enrolment["office_device_id"])
            if device is None or device.role != enrolment["role"] or office is None:
                raise DeviceProblem(say(f"{Path(enrol_file).name}: 登记文件不完整",
                                        f"{Path(enrol_file).name}: the enrolment lacks the device records"))
            log = SyncLog(store.db)
            log.note_import(manifest["sender"], at=store.db.now_iso(), acked_seq=0, received_seq=manifest["upto_seq"])
            log.record_bundle(bundle_id=manifest["bundle_id"], sender=manifest["sender"], recipient=device.id,
                              file_name=Path(enrol_file).name, manifest_sha256=opened.manifest_sha256, at=store.db.now_iso(),
                              changes=len(changes), applied=len(changes))
            log.note_photos_received(manifest["sender"], opened.photo_ids)
        current_office = store.offices.current()
        office_name = current_office.name if current_office else ""
        if user:
            _check_signer(store, enrolment["name"], user, password or "")
    except BaseException:
        store.close()
        _undo_join(path, existed, made_folders, written)
        raise
    store.close()
    encrypted = None
    if user:
        backups = backups_dir_for(path)
        kept = set(backups.iterdir()) if backups.is_dir() else set()
        try:
            encrypted = encrypt_database(path, login=user.strip(), password=password or "", label=office_name,
                                         clock=clock)
        except BaseException:
            # What the failed encryption left: its staged copy, and the backup it took first (a plain copy of the
            # starter data, the device's private key and token with it).
            made = set(backups.iterdir()) - kept if backups.is_dir() else set()
            _undo_join(path, existed, made_folders,
                       written + sorted(made) + [path.with_name(path.name + ENCRYPTING_SUFFIX)])
            raise
    if mark_file:
        mark_used(Path(enrol_file), f"joined as {enrolment['name']} ({enrolment['device_id']})")
    return JoinResult(path, enrolment["device_id"], enrolment["role"], enrolment["name"], len(changes),
                      len(opened.photo_ids), encrypted)


def _undo_join(path: Path, existed: bool, made_folders: list[Path], written: list[Path]) -> None:
    if not existed:
        remove_database_files(path)
    for file in written:
        file.unlink(missing_ok=True)
    for folder in made_folders:
        shutil.rmtree(folder, ignore_errors=True)


def _check_signer(store: Store, device_name: str, login: str, password: str) -> None:
    """DeviceProblem unless `login` signs in on the new device with `password` (the hash the enrolment carried)."""
    try:
        SignIn(store).sign_in(login.strip(), password)
    except SignInFailed as exc:
        raise DeviceProblem(say(f"--user {login}: {exc}；未加入，未作任何更改",
                                f"--user {login}: {exc}; not joined, nothing was changed")) from None
