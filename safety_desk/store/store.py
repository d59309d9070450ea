"""The Store: one open database with a repository per record type."""

from __future__ import annotations

from pathlib import Path

from safety_desk.domain.clock import Clock
from safety_desk.paths import media_dir_for
from safety_desk.store.activities import (
    CampaignRepository, DrillRepository, IncidentRepository, TrainingRepository,
)
from safety_desk.store.annotations import AnnotationRepository
from safety_desk.store.database import Database
from safety_desk.store.enterprises import EnterpriseRepository
from safety_desk.store.filings import FilingRepository
from safety_desk.store.hazards import HazardRepository, NoticeRepository
from safety_desk.store.inspections import AnswerRepository, ChecklistRepository, InspectionRepository
from safety_desk.store.local_state import LocalState
from safety_desk.store.notices import NoticeBlockRepository
from safety_desk.store.organisation import (
    DeviceRepository, DistrictMemberRepository, DistrictRepository, OfficeRepository, PersonRepository,
)
from safety_desk.store.photos import PhotoRepository


class Store:
    """Everything the services read and write, through repositories that return dataclasses."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.offices = OfficeRepository(db)
        self.devices = DeviceRepository(db)
        self.districts = DistrictRepository(db)
        self.people = PersonRepository(db)
        self.members = DistrictMemberRepository(db)
        self.enterprises = EnterpriseRepository(db)
        self.checklists = ChecklistRepository(db)
        self.campaigns = CampaignRepository(db)
        self.inspections = InspectionRepository(db)
        self.answers = AnswerRepository(db)
        self.hazards = HazardRepository(db)
        self.notices = NoticeRepository(db)
        self.notice_blocks = NoticeBlockRepository(db)
        self.filings = FilingRepository(db)
        self.drills = DrillRepository(db)
        self.trainings = TrainingRepository(db)
        self.incidents = IncidentRepository(db)
        self.photos = PhotoRepository(db)
        self.annotations = AnnotationRepository(db)
        self.local_state = LocalState(db)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, clock: Clock | None = None) -> "Store":
        """The database at `path`; `clock` is the one injected source of now (the system's by default)."""
        return cls(Database.open(path, create=create, wall=clock))

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def media_dir(self) -> Path:
        return media_dir_for(self.db.path)

    def reader(self) -> "Store":
        """The same database on a read-only connection of its own, for a worker thread (close it there)."""
        return Store(self.db.reader())

    def writer(self) -> "Store":
        """A second writable connection to the same file, for one worker thread (an import, a sync); its commits
        are announced to this store's listeners, so the window hears of them. Close it in the worker."""
        other = Store.open(self.path, clock=self.db.wall)
        other.db.author_id = self.db.author_id
        other.db.commit_listeners = self.db.commit_listeners  # the same list: listeners added later hear it too
        return other

    def transaction(self):
        return self.db.transaction()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
