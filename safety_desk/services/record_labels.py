"""A few words naming a record for a person (a conflict's hazard, enterprise, device …): '' when it is not here."""

from __future__ import annotations

from safety_desk.store.store import Store

# table -> (repository attribute on the store, field that names a record of it)
_NAMED = {"enterprise": ("enterprises", "name"), "person": ("people", "name"), "device": ("devices", "name"),
          "district": ("districts", "name"), "campaign": ("campaigns", "name"), "drill": ("drills", "name"),
          "training": ("trainings", "title"), "incident": ("incidents", "title"), "notice": ("notices", "number")}


def record_label(store: Store, table: str, row_id: str) -> str:
    """A hazard as "enterprise: description", a named record by its name; '' when absent or not a kind people name."""
    try:
        if table == "hazard":
            hazard = store.hazards.get(row_id)
            if hazard is None:
                return ""
            enterprise = store.enterprises.get(hazard.enterprise_id)
            return f"{enterprise.name}: {hazard.description}" if enterprise else hazard.description
        if table in _NAMED:
            repository, attribute = _NAMED[table]
            record = getattr(store, repository).get(row_id)
            return str(getattr(record, attribute, "") or "") if record is not None else ""
    except (LookupError, ValueError):
        pass
    return ""
