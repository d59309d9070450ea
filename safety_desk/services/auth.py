"""First-run set-up and sign-in: scrypt passwords, a growing wait after repeated failures."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path

from safety_desk.domain.clock import Clock
from safety_desk.domain.device_scope import Scope
from safety_desk.domain.language import say
from safety_desk.services.encryption import UnlockRefused, ensure_person_slot, remove_password_slot, unlock, unlock_with_recovery
from safety_desk.services.passwords import hash_password, needs_rehash, password_problem, verify_password
from safety_desk.services.session import Session
from safety_desk.store.errors import StoreError
from safety_desk.store.records import Office, Person
from safety_desk.store.store import Store
from safety_desk.store.sync_log import SyncLog

_FREE_ATTEMPTS = 3
_MAX_WAIT_SECONDS = 60


class SignInFailed(Exception):
    """Wrong login or password, or signing in too soon after failures; the message says which."""


def needs_setup(store: Store) -> bool:
    """True until someone can sign in: no account with a password exists yet."""
    return not store.people.anyone_can_sign_in()


def create_first_account(store: Store, *, office_name: str, name: str, login: str, password: str,
                         role: str = "office") -> Session:
    """The first-start set-up: name the office and create the first account, then sign it in."""
    if not needs_setup(store):
        raise SignInFailed(say("已有账号，请直接登录", "accounts exist already: sign in"))
    device = store.devices.get(store.db.device_id)
    if device is not None and device.role != "office":
        # An enrolled device gets its accounts from the office with sync; a local office account would be
        # a way round the device's scope.
        raise SignInFailed(say("此设备由安全办登记，账号由安全办设置并随同步送达",
                               "this device was enrolled by the safety office: its accounts come from the office by sync"))
    problems = []
    if not office_name.strip():
        problems.append(say("单位名称不能为空", "office name is required"))
    if not name.strip():
        problems.append(say("姓名不能为空", "name is required"))
    if not login.strip():
        problems.append(say("登录名不能为空", "login is required"))
    weak = password_problem(password, login)  # the same rule as every account the office creates
    if weak:
        problems.append(weak)
    if problems:
        raise ValueError("；".join(problems))
    with store.transaction():
        office = store.offices.current()
        if office is None:
            store.offices.add(Office(id=store.db.new_id(), name=office_name.strip()))
        elif office.name != office_name.strip():
            store.offices.update(office.id, name=office_name.strip())
        person = store.people.add(Person(id=store.db.new_id(), name=name.strip(), login=login.strip(),
                                         role=role, password_hash=hash_password(password)))
    store.db.author_id = person.id
    return Session(store, person)


@dataclass
class SignIn:
    """Checks passwords; after three failures each further try must wait longer (2, 4, 8 ... 60 s)."""

    store: Store
    clock: callable = time.monotonic
    _failures: int = 0
    _not_before: float = field(default=0.0)

    def wait_seconds(self) -> float:
        return max(0.0, self._not_before - self.clock())

    def _failed(self, reason: str = "") -> None:
        """Count a failed attempt and refuse it (a growing wait after the third)."""
        self._failures += 1
        if self._failures >= _FREE_ATTEMPTS:
            delay = min(_MAX_WAIT_SECONDS, 2 ** (self._failures - _FREE_ATTEMPTS + 1))
            self._not_before = self.clock() + delay
            raise SignInFailed(say(f"登录名或密码错误；请 {delay} 秒后再试",
                                   f"wrong login or password; wait {delay} s before trying again"))
        raise SignInFailed(reason or say("登录名或密码错误", "wrong login or password"))

    def sign_in(self, login: str, password: str) -> Session:
        wait = self.wait_seconds()
        if wait > 0:
            seconds = math.ceil(wait)  # never "wait 0 s" while a wait remains
            raise SignInFailed(say(f"尝试次数过多，请 {seconds} 秒后再试", f"too many failed attempts; wait {seconds} s"))
        person = self.store.people.by_login(login.strip())
        if person is not None and not self._signs_in_here(person):
            # Not on this device's sign-in list (its copy of the hash is blank anyway): the answer of a wrong
            # password, so a stranger learns nothing of the account.
            person = None
        if person is not None and not person.active and verify_password(password, person.password_hash):
            # Said only to someone who knows the password: they learn why, a stranger learns nothing.
            remove_password_slot(self.store.path, person.login)  # disabled by sync: their key slot goes too
            raise SignInFailed(say("此账号已被安全办停用，请与安全办联系",
                                   "this account was disabled by the office: contact the office"))
        if person is None or not person.active or not verify_password(password, person.password_hash):
            self._failed()
        device = self.store.devices.get(self.store.db.device_id)
        if device is not None and device.role == "enterprise" and (
                person.role != "enterprise" or person.enterprise_id != (device.scope or {}).get("enterprise_id")):
            # An enterprise's installation is locked to its enterprise (its enrolment).
            raise SignInFailed(say("此电脑只供本企业的账号登录", "this installation is for its own enterprise's accounts only"))
        self._failures = 0
        self.store.db.author_id = person.id
        ensure_person_slot(self.store.path, person.login, password)  # arrived by sync: their key slot, from now on
        if needs_rehash(person.password_hash):
            person = self._rehash(person, password)
        return Session(self.store, person)

    def _signs_in_here(self, person: Person) -> bool:
        """Whether the person is on this device's sign-in list (the office's device: everyone)."""
        device = self.store.devices.get(self.store.db.device_id)
        if device is None or device.role == "office":
            return True
        return person.id in SyncLog(self.store.db).signers(Scope.of(device.id, device.role, device.scope))

    def _rehash(self, person: Person, password: str) -> Person:
        """Replace a hash made at an older, cheaper cost by one at today's (services/passwords.py): the person's
        own write (it syncs like a new password). A database another program holds busy just keeps the old one."""
        try:
            with self.store.transaction():
                return self.store.people.update(person.id, password_hash=hash_password(password))
        except StoreError:
            return person


# What the key file's refusals say, in either language (store/keyfile.py), of a wrong password and of an account
# without a key on this computer: both are counted as failed attempts, whatever the language chosen.
_WRONG_SECRET = ("登录名或密码错误", "wrong login or password")
_NO_KEY = ("没有数据库密钥", "has no database key")


class LockedSignIn(SignIn):
    """Signing in on an encrypted database not yet open: the password first unwraps the person's key slot, then the
    database opens and the password is checked against the account as on any database. `store` is set once open."""

    def __init__(self, path: Path, *, clock: Clock | None = None, on_open=None) -> None:
        super().__init__(None)  # type: ignore[arg-type]
        self.path = Path(path)
        self.wall = clock
        self.on_open = on_open

    def sign_in(self, login: str, password: str) -> Session:
        if self.store is None:
            wait = self.wait_seconds()
            if wait > 0:
                seconds = math.ceil(wait)
                raise SignInFailed(say(f"尝试次数过多，请 {seconds} 秒后再试", f"too many failed attempts; wait {seconds} s"))
            try:
                unlock(self.path, login.strip(), password)
            except UnlockRefused as exc:
                said = str(exc)
                if any(words in said for words in _WRONG_SECRET + _NO_KEY):  # counted as a wrong password is
                    self._failed(said if any(words in said for words in _NO_KEY) else "")
                raise SignInFailed(said) from None
            try:
                self.store = Store.open(self.path, clock=self.wall)
            except StoreError as exc:
                raise SignInFailed(str(exc)) from None
            if self.on_open is not None:
                self.on_open(self.store)
        return super().sign_in(login, password)

    @property
    def unlocked(self) -> bool:
        return self.store is not None

    def unlock_with_recovery(self, recovery_key: str) -> None:
        """Open the database with the recovery key (every password forgotten, or an account without a key slot
        here yet); the person then signs in with their login and password as usual, which gives them a slot.
        SignInFailed, nothing changed, for a wrong recovery key or a damaged key file."""
        if self.store is not None:
            return
        try:
            unlock_with_recovery(self.path, recovery_key)
            self.store = Store.open(self.path, clock=self.wall)
        except StoreError as exc:  # UnlockRefused too
            raise SignInFailed(str(exc)) from None
        if self.on_open is not None:
            self.on_open(self.store)


def sign_in_at(path: Path, login: str, password: str) -> Session:
    """Open the database at `path` and sign in: a session of its own (close it with session.store.close())."""
    try:
        unlock(Path(path), login.strip(), password)  # an encrypted database: the person's key slot first
    except UnlockRefused as exc:
        raise SignInFailed(str(exc)) from None
    store = Store.open(path)
    try:
        return SignIn(store).sign_in(login, password)
    except BaseException:
        store.close()
        raise


def encrypt_as(path: Path, login: str, password: str, *, clock: Clock | None = None):
    """Encrypt the plain database at `path` (the command line's `encrypt`): only for an account of it, with its
    password, which gets the first key slot. SignInFailed for a wrong login or password, nothing changed."""
    from safety_desk.services.encryption import encrypt_database

    with Store.open(path, clock=clock) as store:
        SignIn(store).sign_in(login, password)
        office = store.offices.current()
        label = office.name if office else ""
    return encrypt_database(path, login=login.strip(), password=password, label=label, clock=clock)
