"""What drills, training, incidents and campaigns share: the bad-input error and the session's scope."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from safety_desk.domain.language import say
from safety_desk.services.session import PermissionDenied, Session
from safety_desk.store.records import Enterprise


class ActivityProblem(ValueError):
    """Bad input for a drill, training session, incident or campaign; the message names what and where."""


def scope_of(session: Session) -> tuple[list[str] | None, str | None]:
    """(districts, enterprise) the session sees: (None, None) for the office, (None, id) for an enterprise."""
    if session.role == "enterprise":
        return None, session.person.enterprise_id
    return session.district_ids(), None


def as_day(value: Any, what: str, english: str) -> date:
    """A date from a date, datetime or ISO text, or ActivityProblem naming `what` (in English `english`)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ActivityProblem(say(f"{what}日期无效", f"{english}: not a date, got {value!r}"))


def whole_count(value: Any, what: str, english: str) -> int:
    """A non-negative whole number, or ActivityProblem naming it."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise ActivityProblem(say(f"{what}应为整数", f"{english} must be a whole number, got {value!r}"))
    if value < 0:
        raise ActivityProblem(say(f"{what}不能为负", f"{english} must not be negative, got {value}"))
    return value


def visible_enterprise(session: Session, enterprise_id: str) -> Enterprise:
    """The enterprise, if it exists and the session may see it; else PermissionDenied or ActivityProblem."""
    enterprise = session.store.enterprises.get(enterprise_id)
    if enterprise is None or enterprise.deleted:
        raise ActivityProblem(say(f"企业不存在", f"enterprise {enterprise_id} does not exist"))
    if not session.may_see_enterprise(enterprise_id):
        raise PermissionDenied(say(f"无权访问该企业", f"enterprise {enterprise.name} is outside your scope"))
    return enterprise
