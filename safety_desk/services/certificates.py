"""执法证 numbers of the office's staff: set by the office, printed beside the names on the notices they issue."""

from __future__ import annotations

from safety_desk.domain.language import say
from safety_desk.services.session import Action, Session
from safety_desk.store.records import Person

MAX_LENGTH = 40


class CertificateProblem(ValueError):
    """A certificate number that cannot be recorded (unknown login, an enterprise user, bad text)."""


class CertificateService:
    """Records a staff member's certificate number (the office's MANAGE_PEOPLE right)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.store = session.store

    def set_certificate(self, login: str, certificate: str) -> Person:
        """Record `certificate` (empty: none) for the staff member signing in as `login`."""
        self.session.require(Action.MANAGE_PEOPLE)
        person = self.store.people.by_login(login.strip())
        if person is None:
            raise CertificateProblem(say(f"登录名“{login.strip()}”不存在", f"nobody has the login “{login.strip()}”"))
        if person.role == "enterprise":
            raise CertificateProblem(say(f"“{person.name}”是企业人员，企业人员没有执法证",
                                         f"“{person.name}” is enterprise staff, who have no enforcement certificate"))
        text = certificate.strip()
        if len(text) > MAX_LENGTH or any(ch in text for ch in "\r\n\t"):
            raise CertificateProblem(say(f"执法证号应为一行、不超过 {MAX_LENGTH} 个字符，“{text[:20]}…”不符合",
                                         f"a certificate number is one line of at most {MAX_LENGTH} characters; "
                                         f"“{text[:20]}…” is not"))
        return self.store.people.update(person.id, certificate=text)
