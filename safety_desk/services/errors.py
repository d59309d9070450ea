"""What a service call may fail with that the person should read (not a bug): catch ServiceError, show str(exc).

The UI catches this one name and imports no store module for errors (DESIGN.md §2).
"""

from __future__ import annotations

from safety_desk.services.session import PermissionDenied
from safety_desk.store.errors import (
    BackupFailed, MissingDatabase, NewerSchemaError, NotASafetyDeskDatabase, SameDatabase, StoreError,
)

# The store's errors the command line tells apart (a file that is not a database, a failed backup ...), named here
# so that no caller above the services imports the store.
__all__ = ["BackupFailed", "MissingDatabase", "NewerSchemaError", "NotASafetyDeskDatabase", "PermissionDenied",
           "SameDatabase", "ServiceError", "StoreError"]

# A tuple of the three families, not a class: the store's errors (a full disk, a record gone, a submitted
# inspection) are raised below the services and cannot derive from a class defined here, and ValueError is how
# services and the domain refuse bad input (InspectionProblem, HazardProblem, PhotoRejected, ActivityProblem ...
# all derive from it). `except ServiceError` and `isinstance(exc, ServiceError)` both take a tuple.
ServiceError: tuple[type[Exception], ...] = (PermissionDenied, StoreError, ValueError)
