"""The composition root (the "desk"): a database, a session, settings and a clock in; every service, built once, out.

The GUI and the command line both start here. A desk owns one writable connection (its store); `reader()` gives
a desk on a read-only connection of its own for a worker thread. Every committed transaction on the desk's
store is announced to `on_changes` listeners with the `Changes` it made (the GUI broadcasts them to its pages).
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from pathlib import Path
from typing import Callable

from safety_desk.domain.clock import Clock, SystemClock
from safety_desk.services.session import Session
from safety_desk.settings import Settings
from safety_desk.store.changed import Changes
from safety_desk.store.records import Person
from safety_desk.store.errors import StoreError
from safety_desk.store.store import Store


def open_or_create(path: Path | str, enrolment: Path | None = None, *, clock: Clock | None = None,
                   passphrase: str | None = None) -> Store:
    """The store at `path`. A missing file becomes the enrolled device of `enrolment` (the enterprise edition's
    file, locked to its enterprise, opened with `passphrase`), or else a new office database (the set-up dialog
    follows)."""
    path = Path(path)
    if not path.exists():
        if enrolment is not None:
            from safety_desk.services.devices import join

            join(path, enrolment, clock=clock, passphrase=passphrase, mark_file=False)  # the file inside the installed program
        else:
            from safety_desk.services.setup import initialise  # keys and checklists: only for a new database

            initialise(path, clock=clock)
    return Store.open(path, clock=clock)


class Entrance:
    """Before anyone signs in: the opened database, what the sign-in window shows, and the desk a person gets.

    An encrypted database stays closed until someone signs in (`store` is None until then): the sign-in window
    shows the office name kept beside it in its key file, and the sign-in unlocks and opens it."""

    def __init__(self, store: Store | None, *, path: Path | None = None, clock: Clock | None = None) -> None:
        self.store = store
        self.path = Path(path) if path is not None else store.path
        self.clock = clock

    @classmethod
    def open(cls, path: Path | str, enrolment: Path | None = None, *, clock: Clock | None = None,
             passphrase: str | None = None) -> "Entrance":
        from safety_desk.services import encryption

        path = Path(path)
        if encryption.is_encrypted(path) and not encryption.is_unlocked(path):
            encryption.check_key_file(path)  # a database copied without its key file: said now, not at sign-in
            return cls(None, path=path, clock=clock)
        return cls(open_or_create(path, enrolment, clock=clock, passphrase=passphrase), clock=clock)

    @property
    def locked(self) -> bool:
        return self.store is None

    @property
    def is_encrypted(self) -> bool:
        from safety_desk.services.encryption import is_encrypted
        return is_encrypted(self.path)

    @property
    def office_name(self) -> str:
        if self.store is None:
            from safety_desk.services.encryption import label_of
            return label_of(self.path)
        office = self.store.offices.current()
        return office.name if office else ""

    @property
    def device_name(self) -> str:
        device = self.store.devices.get(self.store.db.device_id)
        return device.name if device else self.store.db.device_id

    @property
    def is_office_device(self) -> bool:
        """The office's own database (made by init or the first start), not an enrolled device's."""
        if self.store is None:
            return True  # an encrypted database has an account with a key: nobody is asked to set one up
        device = self.store.devices.get(self.store.db.device_id)
        return device is not None and device.role == "office"

    def needs_setup(self) -> bool:
        from safety_desk.services.auth import needs_setup

        return self.store is not None and needs_setup(self.store)

    def sign_in(self):
        """The sign-in check (services/auth.py SignIn) on this database (LockedSignIn: it unlocks it first)."""
        from safety_desk.services.auth import LockedSignIn, SignIn

        if self.store is None:
            return LockedSignIn(self.path, clock=self.clock, on_open=self._opened)
        return SignIn(self.store)

    def _opened(self, store: Store) -> None:
        self.store = store

    def encrypt_after_sign_in(self, session: Session, password: str):
        """The first sign-in on a plain database (made before this version, or by the first start): encrypt it
        in place now that a password is known. Returns (the session on the reopened database, what encrypting
        gave: the recovery key to show once, or the StoreError that left it plain), or (session, None) when it is
        encrypted already."""
        from safety_desk.services.encryption import encrypt_database, is_encrypted

        if self.store is None or is_encrypted(self.path):
            return session, None
        person = session.person
        label = self.office_name
        self.store.close()
        try:
            result = encrypt_database(self.path, login=person.login, password=password, label=label,
                                      clock=self.clock)
        except StoreError as exc:  # another program has it open, a full disk: it stays plain, tried again later
            result = exc
        finally:
            self.store = Store.open(self.path, clock=self.clock)
        self.store.db.author_id = person.id
        return dataclasses.replace(session, store=self.store), result

    def desk(self, session: Session, settings: Settings | None = None) -> Desk:
        return Desk(session, settings)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


class Desk:
    """Each service of one session, built on first use and kept; one store (connection) under all of them."""

    def __init__(self, session: Session, settings: Settings | None = None) -> None:
        self.session = session
        self.store: Store = session.store
        self.settings = settings or Settings()

    # -- opening --------------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, clock: Clock | None = None, settings: Settings | None = None,
             person: Person | None = None) -> "Desk":
        """The database at `path` as `person`, or (no person) with this device's own role and scope, as the
        command line acts. Raises StoreError when the file cannot be opened."""
        clock = clock or SystemClock()
        store = Store.open(path, clock=clock)
        try:
            session = Session(store, person, clock=clock) if person else Session.of_device(store, clock)
        except BaseException:
            store.close()
            raise
        return cls(session, settings)

    @property
    def clock(self) -> Clock:
        return self.session.clock

    def signed_in(self, person: Person) -> "Desk":
        """The same store and settings with `person` signed in (after the sign-in dialog)."""
        self.store.db.author_id = person.id
        return Desk(Session(self.store, person, clock=self.clock), self.settings)

    def reader(self) -> "Desk":
        """A desk on a read-only connection of its own, for one worker thread; close it there."""
        return Desk(self.session.with_store(self.store.reader()), self.settings)

    def writer(self) -> "Desk":
        """A desk on a second writable connection, for one worker thread; its commits reach this desk's listeners."""
        return Desk(self.session.with_store(self.store.writer()), self.settings)

    def at(self, day) -> "Desk":
        """The same desk seeing the records as of the end of `day` (an "as of" ledger or export)."""
        return Desk(self.session.at(day), self.settings)

    def on_changes(self, listener: Callable[[Changes], None]) -> None:
        """Call `listener` with what each transaction committed on this desk's connection changed."""
        self.store.db.commit_listeners.append(listener)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Desk":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the services (imported when first used: the sign-in window appears sooner) ---------------
    @cached_property
    def backups(self):
        from safety_desk.services.backups import BackupService
        return BackupService(self.session)

    @cached_property
    def campaigns(self):
        from safety_desk.services.campaigns import CampaignService
        return CampaignService(self.session)

    @cached_property
    def certificates(self):
        from safety_desk.services.certificates import CertificateService
        return CertificateService(self.session)

    @cached_property
    def dashboard(self):
        from safety_desk.services.dashboard import DashboardService
        return DashboardService(self.session, self.settings)

    @cached_property
    def devices(self):
        from safety_desk.services.devices import DeviceService
        return DeviceService(self.session, self.settings)

    @cached_property
    def drills(self):
        from safety_desk.services.drills import DrillService
        return DrillService(self.session, self.settings)

    @cached_property
    def enterprises(self):
        from safety_desk.services.enterprises import EnterpriseService
        return EnterpriseService(self.session)

    @cached_property
    def hazards(self):
        from safety_desk.services.hazards import HazardService
        return HazardService(self.session, self.settings)

    @cached_property
    def incidents(self):
        from safety_desk.services.incidents import IncidentService
        return IncidentService(self.session)

    @cached_property
    def inspections(self):
        from safety_desk.services.inspections import InspectionService
        return InspectionService(self.session, self.settings)

    @cached_property
    def ledger(self):
        from safety_desk.services.ledger import LedgerService
        return LedgerService(self.session)

    @cached_property
    def notices(self):
        from safety_desk.services.notices import NoticeService
        return NoticeService(self.session, self.settings)

    @cached_property
    def organisation(self):
        from safety_desk.services.organisation import OrganisationService
        return OrganisationService(self.session)

    @cached_property
    def photos(self):
        from safety_desk.services.photos import PhotoService
        return PhotoService(self.session)

    @cached_property
    def reminders(self):
        from safety_desk.services.reminders import ReminderService
        return ReminderService(self.session, self.settings)

    @cached_property
    def reports(self):
        from safety_desk.services.reports import ReportService
        return ReportService(self.session)

    @cached_property
    def seals(self):
        from safety_desk.services.document_seals import DocumentSeals
        return DocumentSeals(self.session)

    @cached_property
    def filings(self):
        from safety_desk.services.filings import FilingService
        return FilingService(self.session)

    @cached_property
    def spreadsheets(self):
        from safety_desk.services.imports import SpreadsheetService
        return SpreadsheetService(self.session)

    @cached_property
    def sync(self):
        from safety_desk.services.sync import SyncService
        return SyncService(self.session, self.settings)

    @cached_property
    def hub(self):
        from safety_desk.services.hub_sync import HubSyncService
        return HubSyncService(self.sync)

    @cached_property
    def hub_previews(self):
        from safety_desk.services.hub_previews import HubPreviewService
        return HubPreviewService(self.store)

    @cached_property
    def training(self):
        from safety_desk.services.training import TrainingService
        return TrainingService(self.session)

    @cached_property
    def weekly(self):
        from safety_desk.services.weekly import WeeklyService
        return WeeklyService(self.session, self.settings)
