"""Who may change what: one rule, judged on the stored row before a change and the row after, for services and sync.

DESIGN.md §4. Three questions, asked of every changed field:
- evidence: rows of append-only records (hazard events, photos, notice blocks), an issued notice, a submitted
  inspection and its answers never change once they exist, whoever asks and whatever the clock; the annotation
  of an evidence photo (one attached to a hazard event or a submitted inspection's answer) only grows: shapes
  may be added after those drawn, none changed or removed, and it is never deleted;
- ownership: the office may change anything else; an inspector's or leader's device anything but the records
  only the office keeps; an enterprise its rectification work, its self-inspections and the hazards they find
  (their description, place, measures, who is responsible, photos, withdrawal: the description, place, photos and
  withdrawal only until a notice names the hazard, it is re-inspected or closed, or put under 挂牌督办, when they
  become evidence; measures and who is responsible until it is closed), a major hazard's treatment plan,
  its drills, training and photos, and registers the hazards its drills find (never edited after). Grade, deadline and verification stay with the inspector side. What decides
  is always the STORED row (a hazard's source, an inspection's kind, whether it was submitted): a value the
  same change set is trying to set never vouches for itself;
- authorship (sync, at the office): the people a row names as its author and the device a write's clock names
  must be the sending device or its own people; a hazard event (but its `created`, which names the hazard's
  finder) is by the person who wrote it, and a password is changed only by its own person on a device where that
  person signs in (a laptop may write as its colleagues, never set a colleague's password or speak for them).

Pure: the caller (a service, or sync/sender_checks.py and store/merge.py) looks the rows up and hands them in.
A field whose value does not change is never a problem (a resent cell, a whole row written again).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from safety_desk.domain.hybrid_clock import device_of
from safety_desk.domain.language import say
from safety_desk.domain.sync_model import WHOLE_ROW, Change

OFFICE_ROLES = ("office",)
INSPECTOR_ROLES = ("inspector", "leader")

# Tables only the office writes.
OFFICE_ONLY_TABLES = frozenset({"office", "device", "district", "person", "district_member", "checklist",
                                "campaign", "notice_block", "enterprise", "incident"})
# Person fields anyone may change on their OWN row, from any device (a new password at first sign-in on a laptop):
# the write's author must be the person the row is (ownership_problem's `author`).
SELF_SERVICE_PERSON_FIELDS = frozenset({"password_hash", "must_change_password"})
# Tables an enterprise device may write at all.
ENTERPRISE_TABLES = frozenset({"hazard", "hazard_event", "inspection", "answer", "drill", "training", "photo",
                               "photo_annotation"})
# Hazard fields an enterprise may change on any of its hazards.
ENTERPRISE_HAZARD_FIELDS = frozenset({"treatment_plan"})
# ... and on the hazards it found itself (InspectionService.edit_hazard, the self-inspection runner).
SELF_FOUND_HAZARD_FIELDS = frozenset({"description", "location", "measures", "responsible", "photos", "deleted",
                                      "treatment_plan"})
ENTERPRISE_HAZARD_SOURCES = frozenset({"self_inspection", "drill"})
# ... of which the hazards it goes on editing: a self-inspection's, while it describes and corrects them. A drill's
# findings are registered once (DrillService.add_finding_hazard); no service of the enterprise edits them after.
SELF_EDITED_SOURCES = frozenset({"self_inspection"})
# ... of which these are evidence once the inspector side has acted on the hazard (settled_by): a notice names it,
# it was re-inspected (复查: verified or rejected) or closed, or it is under 挂牌督办. Its measures and responsible
# person are its rectification work: the enterprise updates them until the hazard is closed.
SETTLED_HAZARD_FIELDS = frozenset({"description", "location", "photos", "deleted"})
RECTIFICATION_FIELDS = frozenset({"measures", "responsible"})
REINSPECTION_EVENT_KINDS = frozenset({"verified", "rejected"})
ENTERPRISE_EVENT_KINDS = frozenset({"progress", "reported_rectified", "comment"})
# Events that open a hazard: an enterprise writes them only with a hazard it found itself, as it registers it.
OPENING_EVENT_KINDS = frozenset({"created", "deadline_set"})
# Append-only records (sync_model.APPEND_ONLY tables) and other evidence: never changed once written.
APPEND_ONLY_TABLES = frozenset({"hazard_event", "photo", "notice_block"})
ISSUED_TABLES = frozenset({"notice"})
# Every table a row of evidence can be in (a submitted inspection and its answers besides the above).
EVIDENCE_TABLES = APPEND_ONLY_TABLES | ISSUED_TABLES | {"inspection", "answer", "photo_annotation"}
# Columns naming the person who wrote a row: list columns hold JSON lists of person ids.
AUTHOR_COLUMNS = {"hazard_event": ("by_id",), "hazard": ("found_by",), "inspection": ("lead_id", "inspector_ids"),
                  "notice": ("issued_by",), "photo": ("taken_by",), "notice_block": ("allocated_by",)}
_LIST_COLUMNS = frozenset({("inspection", "inspector_ids")})


@dataclass(frozen=True)
class RowFacts:
    """What the rule needs beyond the row itself, all as stored before the change set (None: not stored).

    hazard: for a hazard event, its hazard (or the new hazard arriving with it, with new_hazard=True).
    closed: for a hazard, whether its status was 已销号.
    inspection: for an answer, its inspection (likewise).
    evidence_photo: for a photo annotation, whether its photo is attached to a hazard event or to an answer of a
    submitted inspection.
    reinspected: for a hazard, whether it has a re-inspection (复查) event, verified or rejected."""

    hazard: dict[str, Any] | None = None
    new_hazard: bool = False
    inspection: dict[str, Any] | None = None
    new_inspection: bool = False
    evidence_photo: bool = False  # for a photo's annotation: the photo is evidence (module docstring)
    closed: bool = False  # for a hazard: its events fold to 已销号 (its treatment plan is the one accepted)
    reinspected: bool = False  # for a hazard: the inspector re-inspected it (复查), whatever the verdict


def settled_by(hazard: dict[str, Any], facts: RowFacts) -> str | None:
    """What made the stored hazard's description, place, photos and existence evidence (None: nothing yet), as
    the person reads it: a notice naming it, its re-inspection or closure, or 挂牌督办."""
    if facts.closed:
        return say("已销号", "it is closed (已销号)")
    if facts.reinspected:
        return say("已经检查员复查", "the inspector re-inspected it (复查)")
    if hazard.get("notice_id"):
        return say("已列入整改通知书", "a rectification notice (整改通知书) names it")
    if hazard.get("supervision_level"):
        return say("已挂牌督办", "it is under listed supervision (挂牌督办)")
    return None


_FIELD_NAMES = {"description": ("描述", "description"), "location": ("位置", "location"),
                "photos": ("照片", "photos"), "deleted": ("是否撤销", "withdrawal"),
                "measures": ("整改措施", "measures"), "responsible": ("责任人", "responsible person")}


def _settled_problem(before: dict[str, Any], after: dict[str, Any], field_name: str, facts: RowFacts) -> str | None:
    """Why an enterprise may no longer change this field of a hazard it found itself (None: it may still)."""
    if field_name not in _FIELD_NAMES or not changed(before, after, field_name):
        return None
    zh, en = _FIELD_NAMES[field_name]
    action_zh, action_en = ("撤销该隐患", "withdraw it") if field_name == "deleted" else (f"修改其{zh}", f"change its {en}")
    if field_name in RECTIFICATION_FIELDS:  # its rectification work: until closure
        return say(f"隐患“{str(before.get('description') or '')[:20]}”已销号，整改已结束，企业不能再{action_zh}",
                   f"hazard {before.get('id')} is closed (已销号): its rectification is over and the enterprise can "
                   f"no longer {action_en}") if facts.closed else None
    why = settled_by(before, facts)
    if why is None:
        return None
    return say(f"隐患“{str(before.get('description') or '')[:20]}”{why}，已是证据，企业不能再{action_zh}",
               f"hazard {before.get('id')}: {why}: it is evidence now and the enterprise can no longer {action_en}")


def _norm(value: Any) -> Any:
    # A JSON column may arrive as text or as the decoded list; booleans as 0/1.
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, bool):
        return int(value)
    return value


def changed(before: dict[str, Any] | None, after: dict[str, Any], field_name: str) -> bool:
    """Whether the change set alters `field_name` (any column for "*"); every field of a new row is a change."""
    if before is None:
        return True
    if field_name == "*":
        return any(before.get(k) != v and _norm(before.get(k)) != _norm(v) for k, v in after.items() if k != "id")
    old, new = before.get(field_name), after.get(field_name)
    return old != new and _norm(old) != _norm(new)


def evidence_problem(table: str, field_name: str, before: dict[str, Any] | None, after: dict[str, Any],
                     facts: RowFacts = RowFacts()) -> str | None:
    """Why no one may make this change: it rewrites evidence (None: it does not)."""
    if before is not None and not changed(before, after, field_name):
        return None
    if table in APPEND_ONLY_TABLES and before is not None:
        return (say(f"{table} 是只增不改的记录，已有的一条不能修改",
                    f"{table}: a {table} row is append-only: an existing one is never changed; field {field_name}"))
    if table in ISSUED_TABLES and before is not None:
        return (say(f"已发出的{table}不能修改", f"an issued {table} is never changed; field {field_name}"))
    if table == "inspection" and before is not None and before.get("status") == "submitted":
        return (say(f"已提交的检查记录不能修改", f"a submitted inspection is never changed; field {field_name}"))
    if table == "photo_annotation" and before is not None and facts.evidence_photo:
        return _annotation_problem(field_name, before, after)
    if (table == "answer" and facts.inspection is not None and not facts.new_inspection
            and facts.inspection.get("status") == "submitted"):
        return (say(f"已提交检查的答案不能修改或追加",
                    f"the answers of a submitted inspection are never changed or added; field {field_name}"))
    return None


def _annotation_problem(field_name: str, before: dict[str, Any], after: dict[str, Any]) -> str | None:
    """Why a change to an evidence photo's annotation changes or removes what was drawn (None: it only adds)."""
    if field_name in ("*", "photo_id") and changed(before, after, "photo_id"):
        return say("证据照片的标注不能改到另一张照片上，未接收",
                   "an evidence photo's annotation cannot be moved to another photo; not taken")
    if field_name in ("*", "deleted") and _norm(after.get("deleted")) and not _norm(before.get("deleted")):
        return say("证据照片（隐患事件或已提交检查所附）的标注不能删除，未接收",
                   "the annotation of an evidence photo (of a hazard event or a submitted inspection) cannot be "
                   "deleted; not taken")
    if field_name in ("*", "shapes") and changed(before, after, "shapes"):
        old, new = _norm(before.get("shapes")), _norm(after.get("shapes"))
        if not (isinstance(old, list) and isinstance(new, list) and new[:len(old)] == old):
            return say("证据照片（隐患事件或已提交检查所附）的标注只能追加，已画的标注不能修改或删除，未接收",
                       "the annotation of an evidence photo (of a hazard event or a submitted inspection) can only "
                       "be added to: what was drawn cannot be changed or removed; not taken")
    return None


def ownership_problem(role: str, table: str, field_name: str, before: dict[str, Any] | None,
                      after: dict[str, Any], facts: RowFacts = RowFacts(), author: str | None = None) -> str | None:
    """Why a person of `role` (or a device of it) may not make this change (None: it may). `before` is the
    stored row (None: a new row), `after` the row with the change applied, `author` the person writing (when
    known: a person changes their own password on any device)."""
    problem = evidence_problem(table, field_name, before, after, facts)
    if problem or role in OFFICE_ROLES or not changed(before, after, field_name):
        return problem
    if (table == "person" and before is not None and author is not None and author == before.get("id")
            and field_name in SELF_SERVICE_PERSON_FIELDS):
        return None
    if table in OFFICE_ONLY_TABLES:
        return (say(f"只有安全办可以修改{table}记录", f"only the safety office changes {table} records; a {role} device sent one"))
    if role in INSPECTOR_ROLES:
        return None
    if table not in ENTERPRISE_TABLES:
        return say(f"企业设备不能修改{table}记录", f"an enterprise device does not change {table} records")
    if table == "hazard":
        if before is None:
            if after.get("source") in ENTERPRISE_HAZARD_SOURCES:
                return None
            return (say(f"企业只能登记自查或演练发现的隐患",
                        f"an enterprise registers only hazards of its own self-inspections or drills, not source {after.get('source')!r}"))
        allowed = (SELF_FOUND_HAZARD_FIELDS if before.get("source") in SELF_EDITED_SOURCES
                   else ENTERPRISE_HAZARD_FIELDS)
        if (facts.closed and field_name in ("*", "treatment_plan")
                and changed(before, after, "treatment_plan")):  # as HazardService.save_treatment_plan refuses
            return say("已销号的隐患不能修改治理方案", "the hazard is closed: its treatment plan is no longer changed")
        if field_name in allowed:
            if before.get("source") in SELF_EDITED_SOURCES:
                return _settled_problem(before, after, field_name, facts)
            return None
        return (say(f"隐患的“{field_name}”由检查员一方负责，企业不能修改",
                    f"the inspector side owns hazard field {field_name}; the enterprise owns only its rectification reports"))
    if table == "hazard_event":
        kind = after.get("kind")
        if kind in ENTERPRISE_EVENT_KINDS:
            return None
        if (kind in OPENING_EVENT_KINDS and facts.new_hazard and facts.hazard is not None
                and facts.hazard.get("source") in ENTERPRISE_HAZARD_SOURCES):
            return None
        return (say(f"隐患事件“{kind}”（等级、期限、复查）由检查员一方负责",
                    f"the inspector side owns {kind} events: grade, deadline and verification"))
    if table == "inspection":
        if after.get("kind") != "self_inspection" or (before is not None and before.get("kind") != "self_inspection"):
            return say(f"企业只能提交自查记录", f"an enterprise sends only self-inspections, not {after.get('kind')!r}")
        return None
    if table == "answer":
        if facts.inspection is None or facts.inspection.get("kind") != "self_inspection":
            return say("企业只能填写自查记录的答案", "an enterprise answers only its own self-inspections")
    return None


_CHANGED = object()  # a value no stored cell holds: "this field changes", whatever to


def field_problem(role: str, table: str, field_name: str, before: dict[str, Any]) -> str | None:
    """Why `role` may not change this field of the stored row at all (None: it may), for a service to ask
    before it computes the new value."""
    return ownership_problem(role, table, field_name, before, {**before, field_name: _CHANGED})


def event_problem(role: str, hazard: dict[str, Any], kind: str) -> str | None:
    """Why `role` may not append an event of `kind` to the stored hazard (None: it may)."""
    return ownership_problem(role, "hazard_event", "*", None, {"hazard_id": hazard.get("id"), "kind": kind},
                             RowFacts(hazard=hazard))


def authorship_problem(table: str, field_name: str, before: dict[str, Any] | None, after: dict[str, Any],
                       people: Iterable[str] | None) -> str | None:
    """Why a changed author column of the row names someone who is not the sender's (None: it is fine).
    `people`: the sender's own people (None: trust every author)."""
    if people is None:
        return None
    own = set(people)
    for column in AUTHOR_COLUMNS.get(table, ()):
        if field_name not in ("*", column) or not changed(before, after, column):
            continue
        value = _norm(after.get(column))
        named = value if isinstance(value, list) else [value]
        strangers = [p for p in named if p not in (None, "") and p not in own]
        if strangers:
            return (say(f"{table} 的“{column}”写的是发送设备以外的人 ({strangers[0]})",
                        f"{table}: the author column {column} names someone who is not of the sending device ({strangers[0]})"))
    return None


# Columns holding a hybrid clock that orders rows (a hazard's status is the fold of its events in this order).
CLOCK_COLUMNS = {"hazard_event": "clock"}


def row_clock_problem(table: str, field_name: str, before: dict[str, Any] | None, after: dict[str, Any],
                      sender_id: str) -> str | None:
    """Why an ordering clock the row carries is not the sender's (None: it is, or the row has none)."""
    column = CLOCK_COLUMNS.get(table)
    if column is None or field_name not in ("*", column) or not changed(before, after, column):
        return None
    value = str(after.get(column) or "")
    if device_of(value) != sender_id:
        return (say(f"{table} 的“{column}”时钟属于另一台设备",
                    f"{table}: the row's ordering clock {column} names another device than the sender"))
    return None


def writer_problem(clock_device: str, author: str, sender_id: str, people: Iterable[str] | None) -> str | None:
    """Why a write's clock or author is not the sending device's (None: it is)."""
    if people is None:
        return None
    if clock_device != sender_id:
        return (say(f"修改的时钟属于另一台设备 ({clock_device})", f"the write's clock names another device than the sender ({clock_device})"))
    if author not in ("", sender_id) and author not in set(people):
        return say(f"修改的作者不是发送设备的人 ({author})", f"the write's author is not of the sending device ({author})")
    return None


def account_problem(table: str, field_name: str, before: dict[str, Any] | None, after: dict[str, Any],
                    author: str, signs_in: Iterable[str] | None) -> str | None:
    """Why a device may not make this change to a person's password columns (None: it may). At the office, from
    a device: only the person themself (the write's author), on a device where they sign in (`signs_in`; None:
    the sender is the office, which sets anyone's)."""
    if table != "person" or signs_in is None:
        return None
    columns = SELF_SERVICE_PERSON_FIELDS if field_name == "*" else {field_name} & SELF_SERVICE_PERSON_FIELDS
    if not any(changed(before, after, column) for column in columns):
        return None
    person = (before or after).get("id")
    if author != person:
        return say(f"人员 {person} 的密码只能由本人修改，此修改的作者是 {author or '设备'}，未接收",
                   f"only person {person} may change their password; this change was written by "
                   f"{author or 'the device'}; not taken")
    if person not in set(signs_in):
        return say(f"人员 {person} 不在发送设备上登录（不是其片区或企业的人员），其密码不能由这台设备修改，未接收",
                   f"person {person} does not sign in on the sending device (not one of its districts' or "
                   "enterprise's people): that device cannot change their password; not taken")
    return None


def event_author_problem(table: str, before: dict[str, Any] | None, after: dict[str, Any], author: str,
                         sender_id: str) -> str | None:
    """Why a new hazard event names another author than the person who wrote it (None: it does not). A device may
    write as any of its people, but an event (a comment, a report, a decision) speaks for the one signed in."""
    if table != "hazard_event" or before is not None or after.get("kind") == "created":
        return None
    by_id = after.get("by_id")
    if by_id in (None, "") or by_id == author or (author in ("", sender_id) and by_id == sender_id):
        return None
    return say(f"隐患事件 {after.get('id')} 署名为 {by_id}，但写入者是 {author or '设备'}：事件只能以写入者本人的名义记录，未接收",
               f"hazard event {after.get('id')} is signed by {by_id} but was written by {author or 'the device'}: "
               "an event is recorded only in the name of the person who writes it; not taken")


def evidence_refusals(table: str, changes: list[Change], current: dict[str, Any] | None, facts: RowFacts, *,
                      passes: Callable[[Change], bool] = lambda change: False) -> list[tuple[Change, str]]:
    """The changes of one row that would rewrite evidence, with why: the rule the office's merge and the hub both
    apply (one copy). A resent row's same values rewrite nothing; `passes(change)` is the merge's own exception."""
    if table not in EVIDENCE_TABLES or (current is None and table != "answer"):
        return []
    refused = []
    for change in changes:
        if current is not None and (
                all(current.get(k) == v for k, v in change.value.items() if k != "id")
                if change.field == WHOLE_ROW else current.get(change.field) == change.value):
            continue  # the same values again (a resent row): nothing is rewritten
        if passes(change):
            continue
        after = dict(current or {})
        if change.field == WHOLE_ROW:
            after.update(change.value)
        else:
            after[change.field] = change.value
        reason = evidence_problem(table, change.field, current, after, facts)
        if reason:
            refused.append((change, reason))
    return refused
