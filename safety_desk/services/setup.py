"""Creating a new SafetyDesk database: device identity, office, first account, checklist library."""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from safety_desk.domain.clock import Clock
from safety_desk.domain.language import say
from safety_desk.services.passwords import hash_password
from safety_desk.store.connection import StoreError, remove_database_files
from safety_desk.store.open_lock import creating_alone
from safety_desk.store.records import ChecklistRecord, Device, Office, Person
from safety_desk.store.store import Store
from safety_desk.sync.identity import generate_key_pair

if TYPE_CHECKING:
    from safety_desk.services.encryption import Encrypted

DEFAULT_OFFICE_NAME = "市国资委安全生产监督办公室"


class AlreadyInitialised(StoreError):
    pass


@dataclass(frozen=True)
class InitResult:
    path: Path
    device_id: str
    office_id: str
    admin_id: str | None
    checklists_added: int
    encrypted: "Encrypted | None" = None  # with `encrypt`: the recovery key to show once


def install_checklists(store: Store) -> int:
    """Put every shipped checklist template into the database (idempotent per id@version)."""
    from safety_desk.services.checklist_library import load_library

    added = 0
    with store.transaction():
        for checklist in load_library():
            record = ChecklistRecord(
                id=f"{checklist.id}@{checklist.version}", code=checklist.id, version=checklist.version,
                title=checklist.title, standard=checklist.standard,
                standard_superseded=checklist.standard_superseded,
                effective=checklist.effective.isoformat(), body=checklist.to_dict())
            added += store.checklists.ensure(record)
    return added


@creating_alone
def initialise(path: Path, *, office_name: str = DEFAULT_OFFICE_NAME, device_name: str | None = None,
               admin_login: str | None = None, admin_name: str | None = None,
               admin_password: str | None = None, clock: Clock | None = None,
               encrypt: bool = False) -> InitResult:
    """Create the database at `path` as this device's office database. Refuses an existing one.

    With `encrypt` (the command line's init with a first account) the new database is encrypted before this
    returns, the first account holding its key slot; the result carries the recovery key to show once."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise AlreadyInitialised(say(f"{path}: 文件已存在；未作任何更改",
                                     f"{path}: a database or other file already exists here; init never overwrites; nothing was changed"))
    if admin_login and not admin_password:
        raise ValueError(say("--password: 创建管理员账号需要密码", "--password: the first account needs a password"))
    if encrypt and not admin_login:
        raise ValueError(say("--admin: 加密的数据库需要第一个账号来解锁", "--admin: an encrypted database needs a first account to unlock it"))
    keys = generate_key_pair()
    store = Store.open(path, create=True, clock=clock)
    try:
        with store.transaction():
            device_id = store.db.new_id()
            store.db.adopt_device(device_id)
            store.local_state.set_private_key(keys.private_pem)
            store.devices.add(Device(id=device_id, name=device_name or platform.node() or "office",
                                     role="office", public_key=keys.public_pem, enrolled_at=store.db.now_iso()))
            office = store.offices.add(Office(id=store.db.new_id(), name=office_name.strip(),
                                              public_key=keys.public_pem))
            admin_id = None
            if admin_login:
                admin = store.people.add(Person(id=store.db.new_id(), name=admin_name or admin_login,
                                                login=admin_login, role="office",
                                                password_hash=hash_password(admin_password or "")))
                admin_id = admin.id
            added = install_checklists(store)
    except BaseException:
        store.close()
        remove_database_files(path)
        raise
    store.close()
    encrypted = None
    if encrypt:
        from safety_desk.services.encryption import encrypt_database

        try:
            encrypted = encrypt_database(path, login=admin_login or "", password=admin_password or "",
                                         label=office.name, clock=clock)
        except BaseException:
            remove_database_files(path)
            raise
    return InitResult(path, device_id, office.id, admin_id, added, encrypted)
