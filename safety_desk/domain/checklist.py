"""Checklist templates: data model, TOML parser/validator with line-precise errors, gates and scoring."""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from functools import cached_property
from itertools import islice
from typing import Any

from safety_desk.domain.industry import Industry
from safety_desk.domain.language import say

# Limits against hostile or broken files; real checklists stay far below all of them.
MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_SECTIONS = 500
MAX_ITEMS = 5000
MAX_CHOICES = 50
MAX_TYPICAL = 3  # typical findings / measures offered per item: a few to choose from, not a catalogue
# tomllib is pure Python (about 1 s per million array values), so values are counted on a
# string-stripped copy of the text first and an oversized file never reaches the parser.
MAX_SEPARATORS = 200_000
ALL_INDUSTRIES = "*"

_ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")


class AnswerKind(StrEnum):
    """How an item is answered."""

    PASS_FAIL = "pass_fail"
    NUMBER = "number"
    TEXT = "text"
    CHOICE = "choice"


class Verification(StrEnum):
    """How well the fact behind an item was checked (regulations.md tags)."""

    VERIFIED = "V"
    REPORTED = "R"
    UNVERIFIED = "M"


class AnswerResult(StrEnum):
    """The outcome recorded for one item."""

    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "na"
    VALUE = "value"


class ChecklistError(ValueError):
    """An invalid checklist; str() is "source:line: field: message" so editors can jump to it."""

    def __init__(self, source: str, line: int, field: str, message: str) -> None:
        super().__init__(f"{source}:{line}: {field}: {message}")
        self.source, self.line, self.field, self.message = source, line, field, message


@dataclass(frozen=True)
class MajorBasis:
    """The determination standard and clause that make a failed item a major hazard (重大事故隐患)."""

    standard: str
    clause: str


@dataclass(frozen=True)
class Gate:
    """A yes/no question; answering "no" hides the section's items."""

    question: str


@dataclass(frozen=True, kw_only=True)
class Item:
    """One check. `text` states the requirement, so PASS means the requirement is met."""

    code: str
    text: str
    guidance: str
    basis: str
    kind: AnswerKind
    weight: int | float
    photo_on_fail: bool
    major_if_failed: MajorBasis | None = None
    tag: Verification
    choices: tuple[str, ...] = ()
    fail_choices: tuple[str, ...] = ()
    unit: str | None = None
    min_value: int | float | None = None
    max_value: int | float | None = None
    # Typical wording the runner offers when the item fails: findings (隐患描述) and measures (整改措施).
    findings: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The item in TOML shape; unset optional fields are left out."""
        d: dict[str, Any] = {
            "code": self.code, "text": self.text, "guidance": self.guidance, "basis": self.basis,
            "kind": self.kind.value, "weight": self.weight, "photo_on_fail": self.photo_on_fail,
            "tag": self.tag.value,
        }
        if self.major_if_failed is not None:
            d["major_if_failed"] = {"standard": self.major_if_failed.standard,
                                    "clause": self.major_if_failed.clause}
        optional = {"choices": list(self.choices), "fail_choices": list(self.fail_choices),
                    "unit": self.unit, "min": self.min_value, "max": self.max_value,
                    "findings": list(self.findings), "measures": list(self.measures)}
        d.update({k: v for k, v in optional.items() if v not in (None, [])})
        return d


@dataclass(frozen=True)
class Section:
    """A titled group of items, optionally behind a gate question."""

    code: str
    title: str
    gate: Gate | None
    items: tuple[Item, ...]

    def to_dict(self) -> dict[str, Any]:
        """The section in TOML shape."""
        d: dict[str, Any] = {"code": self.code, "title": self.title}
        if self.gate is not None:
            d["gate"] = self.gate.question
        d["items"] = [item.to_dict() for item in self.items]
        return d


@dataclass(frozen=True)
class Checklist:
    """One immutable version of a checklist template; inspections record (id, version)."""

    id: str
    version: int
    title: str
    effective: date
    standard: str
    standard_superseded: bool
    superseded_by: str | None
    industries: tuple[str, ...]
    description: str
    sections: tuple[Section, ...]
    # The first day the list no longer applies (its standard's replacement in force); None while current.
    # Optional so templates stored before editions were dated still load.
    superseded_on: date | None = None

    def items(self) -> Iterator[Item]:
        """All items in file order."""
        for section in self.sections:
            yield from section.items

    @cached_property
    def _by_code(self) -> dict[str, Item]:
        return {item.code: item for item in self.items()}

    def item(self, code: str) -> Item:
        """The item with this code; KeyError if there is none."""
        return self._by_code[code]

    @cached_property
    def _section_by_code(self) -> dict[str, "Section"]:
        return {item.code: section for section in self.sections for item in section.items}

    def section_of(self, code: str) -> "Section":
        """The section holding the item with this code (its title is the hazard's category); KeyError if none."""
        return self._section_by_code[code]

    def edition(self) -> str:
        """The list's edition as printed on a record: when it applied and, if replaced, since when and by what."""
        text = f"{self.effective.isoformat()} 起施行"
        if self.superseded_on is not None:
            text += f"，{self.superseded_on.isoformat()} 起停用"
        if self.superseded_by:
            text += f"，已被 {self.superseded_by} 替代"
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict in the same shape as the TOML file (date as an ISO string)."""
        d: dict[str, Any] = {
            "id": self.id, "version": self.version, "title": self.title,
            "effective": self.effective.isoformat(), "standard": self.standard,
            "standard_superseded": self.standard_superseded,
        }
        if self.superseded_by is not None:
            d["superseded_by"] = self.superseded_by
        if self.superseded_on is not None:
            d["superseded_on"] = self.superseded_on.isoformat()
        d["industries"] = list(self.industries)
        d["description"] = self.description
        d["sections"] = [section.to_dict() for section in self.sections]
        return d


@dataclass(frozen=True)
class ChecklistSummary:
    """Counts over the applicable items of one filled-in checklist; score is 0–100 or None."""

    applicable: int
    answered: int
    passed: int
    failed: int
    not_applicable: int
    major_failed: int
    score: float | None


# ---------------------------------------------------------------- gates, judging, scoring

def _check_gate_answers(checklist: Checklist, gate_answers: Mapping[str, bool]) -> None:
    # An answer for a missing or ungated section is a caller bug; ignoring it would hide items
    # (or fail to) without anyone noticing.
    gated = {s.code for s in checklist.sections if s.gate is not None}
    for code in gate_answers:
        if code not in gated:
            raise ValueError(f"section {code!r} has no gate in {checklist.id} v{checklist.version}")


def applicable_items(checklist: Checklist, gate_answers: Mapping[str, bool]) -> list[Item]:
    """Items of sections whose gate is absent, unanswered or answered yes.

    ValueError if gate_answers names a section that does not exist or has no gate.
    """
    _check_gate_answers(checklist, gate_answers)
    return [item for section in checklist.sections
            if section.gate is None or gate_answers.get(section.code, True)
            for item in section.items]


def judge_value(item: Item, value: int | float | str) -> AnswerResult:
    """The result a recorded number or choice implies: FAIL outside [min, max] or on a fail choice."""
    if item.kind is AnswerKind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"item {item.code}: {value!r} is not a finite number")
        if item.min_value is None and item.max_value is None:
            return AnswerResult.VALUE
        too_low = item.min_value is not None and value < item.min_value
        too_high = item.max_value is not None and value > item.max_value
        return AnswerResult.FAIL if too_low or too_high else AnswerResult.PASS
    if item.kind is AnswerKind.CHOICE:
        if value not in item.choices:
            raise ValueError(f"item {item.code}: {value!r} is not one of {list(item.choices)}")
        if not item.fail_choices:
            return AnswerResult.VALUE
        return AnswerResult.FAIL if value in item.fail_choices else AnswerResult.PASS
    if item.kind is AnswerKind.TEXT:
        return AnswerResult.VALUE
    raise ValueError(f"item {item.code}: a pass/fail item is answered pass or fail directly")


def summarize(checklist: Checklist, answers: Mapping[str, AnswerResult],
              gate_answers: Mapping[str, bool],
              is_major: Callable[[Item], bool] | None = None) -> ChecklistSummary:
    """Counts and weighted score; answers to items hidden by a gate are ignored. `is_major` says which failed
    items are major hazards where the enterprise's industry matters (default: every item with a clause).

    KeyError for an answer to an item code the template lacks; ValueError for a bad result value.
    """
    visible = applicable_items(checklist, gate_answers)
    for code in answers:
        checklist.item(code)  # KeyError for a code the template does not have
    results = {item.code: AnswerResult(answers[item.code]) for item in visible if item.code in answers}
    passed = [i for i in visible if results.get(i.code) is AnswerResult.PASS]
    failed = [i for i in visible if results.get(i.code) is AnswerResult.FAIL]
    scored_weight = sum(i.weight for i in passed) + sum(i.weight for i in failed)
    score = 100 * sum(i.weight for i in passed) / scored_weight if scored_weight else None
    return ChecklistSummary(
        applicable=len(visible),
        answered=len(results),
        passed=len(passed),
        failed=len(failed),
        not_applicable=sum(r is AnswerResult.NOT_APPLICABLE for r in results.values()),
        major_failed=sum((is_major(i) if is_major else i.major_if_failed is not None) for i in failed),
        score=score,
    )


# ---------------------------------------------------------------- locating lines in the text

# Strings and comments, so that what they contain is never mistaken for headers, keys or commas.
# Possessive quantifiers and "unterminated runs to end of line/text" keep the scan linear even on
# hostile input (a plain alternation goes quadratic on a line like  "\"\"\"\"... ).
_STRING_OR_COMMENT = re.compile(
    r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+(?:"""(?:""?)?|\Z)'
    r"|'''(?:[^']++|'(?!''))*+(?:'''(?:''?)?|\Z)"
    r'|"(?:[^"\\\n]++|\\[\s\S])*+(?:"|$)'
    r"|'[^'\n]*+(?:'|$)"
    r"|#[^\n]*+",
    re.MULTILINE,
)
# Header paths start with a letter so that a value line like "[1, 2]" in a multi-line array is not one.
_HEADER_RE = re.compile(r"\s*(\[\[?)\s*([A-Za-z_][A-Za-z0-9_.\s-]*?)\s*\]\]?\s*")
_KEY_RE = re.compile(r"\s*([A-Za-z0-9_-]+)\s*[.=]")


def _blank_strings(text: str) -> str:
    """The text with strings replaced by "" and comments removed, keeping every newline."""
    def blank(match: re.Match[str]) -> str:
        token = match.group()
        return ("" if token.startswith("#") else '""') + "\n" * token.count("\n")
    return _STRING_OR_COMMENT.sub(blank, text)


@dataclass
class _Block:
    """Where a table starts and where each of its keys is (1-based lines; 0 when unknown)."""

    line: int
    keys: dict[str, int]
    children: list[_Block]

    def key_line(self, key: str) -> int:
        return self.keys.get(key, self.line)


class _Locator:
    """Lines of the root keys, the [[sections]] blocks and their [[sections.items]] blocks."""

    def __init__(self, skeleton: str | None) -> None:
        self.root = _Block(1 if skeleton is not None else 0, {}, [])
        if skeleton is not None:
            self._scan(skeleton)

    def _scan(self, skeleton: str) -> None:
        current = self.root
        for number, line in enumerate(skeleton.split("\n"), start=1):
            header = _HEADER_RE.fullmatch(line)
            if header:
                current = self._open(header.group(1) == "[[", header.group(2).split("."), number)
                continue
            key = _KEY_RE.match(line)
            if key:
                current.keys.setdefault(key.group(1), number)

    def _open(self, is_array: bool, path: list[str], number: int) -> _Block:
        path = [part.strip() for part in path]
        block = _Block(number, {}, [])
        if is_array and path == ["sections"]:
            self.root.children.append(block)
            self.root.keys.setdefault("sections", number)
        elif is_array and path == ["sections", "items"]:
            self._last_section(number).children.append(block)
        elif path[:2] == ["sections", "items"] and len(path) > 2:
            self._last_item(number).keys.setdefault(path[2], number)
        elif path[0] == "sections" and len(path) > 1:
            self._last_section(number).keys.setdefault(path[1], number)
        else:
            self.root.keys.setdefault(path[0], number)
        return block

    def _last_section(self, number: int) -> _Block:
        # [[sections.items]] before any [[sections]] is valid TOML: it opens sections[0] implicitly.
        if not self.root.children:
            self.root.children.append(_Block(number, {}, []))
        return self.root.children[-1]

    def _last_item(self, number: int) -> _Block:
        section = self._last_section(number)
        if not section.children:
            section.children.append(_Block(number, {}, []))
        return section.children[-1]

    def section(self, index: int) -> _Block:
        if index < len(self.root.children):
            return self.root.children[index]
        return _Block(self.root.key_line("sections"), {}, [])  # inline-array form: best effort

    def item(self, section_index: int, item_index: int) -> _Block:
        section = self.section(section_index)
        if item_index < len(section.children):
            return section.children[item_index]
        return _Block(section.key_line("items"), {}, [])


def top_key_line(text: str, key: str) -> int:
    """Line of a top-level key in checklist text (1 if absent); for errors found outside parsing."""
    return _Locator(_blank_strings(text)).root.key_line(key)


def item_key_line(text: str, section_index: int, item_index: int, key: str) -> int:
    """Line of an item's key (its [[sections.items]] header if absent), by position; for errors found after parsing."""
    return _Locator(_blank_strings(text)).item(section_index, item_index).key_line(key)


# ---------------------------------------------------------------- reading typed fields

_TOML_TYPE_NAMES = {str: "string", bool: "boolean", int: "integer", float: "float", list: "array",
                    dict: "table", datetime: "datetime", date: "date", time: "time"}


def _type_name(value: Any) -> str:
    return _TOML_TYPE_NAMES.get(type(value), type(value).__name__)


class _Table:
    """One TOML table being read: its values, its block of lines and its field path for errors."""

    def __init__(self, source: str, values: Any, block: _Block, path: str,
                 allowed: tuple[str, ...]) -> None:
        self.source, self.block, self.path = source, block, path
        if not isinstance(values, dict):
            raise ChecklistError(source, block.line, path, f"must be a table, got {_type_name(values)}")
        self.values = values
        unknown = sorted((k for k in values if k not in allowed), key=block.key_line)
        if unknown:
            near = difflib.get_close_matches(unknown[0], allowed, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else f" (allowed: {', '.join(allowed)})"
            self.fail(unknown[0], f"unknown key {unknown[0]!r}{hint}")

    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, message: str) -> None:
        raise ChecklistError(self.source, self.block.key_line(key), self.field(key), message)

    def has(self, key: str) -> bool:
        # None only arrives from JSON (checklist_from_dict); TOML has no null.
        return self.values.get(key) is not None

    def get(self, key: str, kinds: tuple[type, ...], wanted: str, required: bool = True) -> Any:
        if not self.has(key):
            if required:
                raise ChecklistError(self.source, self.block.line, self.field(key),
                                     "missing required key")
            return None
        value = self.values[key]
        # bool is an int subclass and datetime a date subclass; TOML keeps them apart, so do we.
        if not isinstance(value, kinds) or type(value) in {bool, datetime} - set(kinds):
            self.fail(key, f"must be {wanted}, got {_type_name(value)}")
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.get(key, (str,), "a string", required)
        if value is not None and not value.strip():
            self.fail(key, "must not be empty")
        return value

    def code(self, key: str, pattern: re.Pattern[str], rule: str) -> str:
        value = self.text(key)
        if not pattern.fullmatch(value):
            self.fail(key, f"{value!r} is not a valid code ({rule})")
        return value

    def number(self, key: str, required: bool = True) -> int | float | None:
        value = self.get(key, (int, float), "a number", required)
        if value is not None and not math.isfinite(value):
            self.fail(key, "must be a finite number")
        return value

    def enum(self, key: str, enum: type[StrEnum]) -> Any:
        value = self.text(key)
        try:
            return enum(value)
        except ValueError:
            self.fail(key, f"{value!r} is not one of: {', '.join(e.value for e in enum)}")

    def strings(self, key: str, limit: int) -> tuple[str, ...]:
        values = self.get(key, (list,), "an array of strings", required=False) or []
        if len(values) > limit:
            self.fail(key, f"at most {limit} entries allowed, got {len(values)}")
        if not all(isinstance(v, str) and v.strip() for v in values):
            self.fail(key, "entries must be non-empty strings")
        if len(set(values)) != len(values):
            self.fail(key, "entries must not repeat")
        return tuple(values)


# ---------------------------------------------------------------- building the checklist

_ROOT_KEYS = ("id", "version", "title", "effective", "standard", "standard_superseded",
              "superseded_by", "superseded_on", "industries", "description", "sections")
_SECTION_KEYS = ("code", "title", "gate", "items")
_ITEM_KEYS = ("code", "text", "guidance", "basis", "kind", "weight", "photo_on_fail", "tag",
              "major_if_failed", "choices", "fail_choices", "unit", "min", "max", "findings", "measures")
_CODE_RULE = "letters, digits, '.', '_' or '-', at most 32"


def parse_checklist(text: str, source: str) -> Checklist:
    """Parse and validate one checklist file's text; ChecklistError says where and what is wrong."""
    if len(text) > MAX_TEXT_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise ChecklistError(source, 1, "file", f"larger than the {MAX_TEXT_BYTES} byte limit")
    skeleton = _blank_strings(text)
    _check_counts_before_parsing(skeleton, source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, source) from None
    except RecursionError:
        raise ChecklistError(source, 1, "toml", "values nested too deeply") from None
    return _build(data, _Locator(skeleton), source)


def checklist_from_dict(d: Mapping[str, Any]) -> Checklist:
    """Rebuild (and re-validate) a checklist from to_dict() output, e.g. JSON from the database."""
    data = dict(d)
    for key in ("effective", "superseded_on"):
        if isinstance(data.get(key), str):
            try:
                data[key] = date.fromisoformat(data[key])
            except ValueError as exc:
                raise ChecklistError("<dict>", 0, key, str(exc)) from None
    return _build(data, _Locator(None), "<dict>")


def _check_counts_before_parsing(skeleton: str, source: str) -> None:
    limits = ((r"^[ \t]*\[\[[ \t]*sections[ \t]*\]\]", MAX_SECTIONS, "sections", "[[sections]] tables"),
              (r"^[ \t]*\[\[[ \t]*sections[ \t]*\.[ \t]*items[ \t]*\]\]", MAX_ITEMS, "items",
               "[[sections.items]] tables"))
    for pattern, limit, field, what in limits:
        excess = next(islice(re.finditer(pattern, skeleton, re.MULTILINE), limit, None), None)
        if excess:
            raise ChecklistError(source, skeleton.count("\n", 0, excess.start()) + 1, field,
                                 f"more than {limit} {what}")
    if skeleton.count(",") + skeleton.count("=") > MAX_SEPARATORS:
        excess = next(islice(re.finditer(r"[,=]", skeleton), MAX_SEPARATORS, None))
        raise ChecklistError(source, skeleton.count("\n", 0, excess.start()) + 1, "file",
                             f"more than {MAX_SEPARATORS} values; not a plausible checklist")


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, source: str) -> ChecklistError:
    # tomllib has no position attributes in 3.11; it ends its message with "(at line L, column C)".
    message = str(exc)
    found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    if found:
        return ChecklistError(source, int(found.group(1)), "toml", message[:found.start()])
    end = re.search(r"\s*\(at end of document\)$", message)
    if end:
        last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
        return ChecklistError(source, max(1, last_line), "toml", message[:end.start()])
    return ChecklistError(source, 1, "toml", message)


def _build(data: dict[str, Any], loc: _Locator, source: str) -> Checklist:
    root = _Table(source, data, loc.root, "", _ROOT_KEYS)
    superseded = root.get("standard_superseded", (bool,), "true or false")
    superseded_by = root.text("superseded_by", required=False)
    if superseded and superseded_by is None:
        # Point at the flag: that is the line the author just wrote and must complete.
        raise ChecklistError(source, loc.root.key_line("standard_superseded"), "superseded_by",
                             "required when standard_superseded = true (name the replacement)")
    if not superseded and superseded_by is not None:
        root.fail("superseded_by", "only allowed when standard_superseded = true")
    version = root.get("version", (int,), "an integer")
    if version < 1:
        root.fail("version", "must be 1 or more")
    effective = root.get("effective", (date,), "a date like 2026-01-01")
    superseded_on = root.get("superseded_on", (date,), "a date like 2026-01-01", required=False)
    if superseded_on is not None and not superseded:
        root.fail("superseded_on", say("只有 standard_superseded = true 的检查表才有停用日期",
                                       "only allowed when standard_superseded = true"))
    if superseded_on is not None and superseded_on <= effective:
        root.fail("superseded_on", say(f"停用日期 {superseded_on} 必须晚于施行日期 {effective}",
                                       f"must be after the effective date {effective}, not {superseded_on}"))
    return Checklist(
        id=root.code("id", _ID_RE, "lowercase letters, digits, '.', '_' or '-'"),
        version=version,
        title=root.text("title"),
        effective=effective,
        superseded_on=superseded_on,
        standard=root.text("standard"),
        standard_superseded=superseded,
        superseded_by=superseded_by,
        industries=_industries(root),
        description=root.text("description"),
        sections=_sections(root, loc, source),
    )


def _industries(root: _Table) -> tuple[str, ...]:
    values = root.strings("industries", limit=len(Industry) + 1)
    if not values:
        root.fail("industries", 'list at least one industry, or "*" for all')
    if ALL_INDUSTRIES in values and len(values) > 1:
        root.fail("industries", '"*" already means all industries; list nothing else with it')
    known = {i.value for i in Industry} | {ALL_INDUSTRIES}
    for value in values:
        if value not in known:
            root.fail("industries", f"unknown industry {value!r}; use one of: {', '.join(sorted(known))}")
    return values


def _sections(root: _Table, loc: _Locator, source: str) -> tuple[Section, ...]:
    raw = root.get("sections", (list,), "an array of tables ([[sections]])")
    if not raw:
        root.fail("sections", "a checklist needs at least one section")
    if len(raw) > MAX_SECTIONS:
        raise ChecklistError(source, loc.section(MAX_SECTIONS).line, "sections",
                             f"more than {MAX_SECTIONS} sections")
    sections: list[Section] = []
    section_lines: dict[str, int] = {}
    item_lines: dict[str, int] = {}
    total_items = 0
    for si, values in enumerate(raw):
        table = _Table(source, values, loc.section(si), f"sections[{si + 1}]", _SECTION_KEYS)
        code = table.code("code", _CODE_RE, _CODE_RULE)
        if code in section_lines:
            table.fail("code", f"duplicate section code {code!r} (first at line {section_lines[code]})")
        section_lines[code] = table.block.key_line("code")
        title = table.text("title")
        gate = table.text("gate", required=False)
        raw_items = table.get("items", (list,), "an array of tables ([[sections.items]])",
                              required=False)
        if not raw_items:
            raise ChecklistError(source, table.block.key_line("items"), table.field("items"),
                                 f"section {code!r} has no items")
        if total_items + len(raw_items) > MAX_ITEMS:
            excess = loc.item(si, MAX_ITEMS - total_items)
            raise ChecklistError(source, excess.line, "items", f"more than {MAX_ITEMS} items")
        total_items += len(raw_items)
        items = []
        for ii, item_values in enumerate(raw_items):
            item_table = _Table(source, item_values, loc.item(si, ii),
                                f"{table.path}.items[{ii + 1}]", _ITEM_KEYS)
            item = _item(item_table)
            if item.code in item_lines:
                item_table.fail("code", f"duplicate item code {item.code!r} "
                                        f"(first at line {item_lines[item.code]})")
            item_lines[item.code] = item_table.block.key_line("code")
            items.append(item)
        sections.append(Section(code, title, Gate(gate) if gate else None, tuple(items)))
    return tuple(sections)


def _item(t: _Table) -> Item:
    code = t.code("code", _CODE_RE, _CODE_RULE)
    kind = t.enum("kind", AnswerKind)
    weight = t.number("weight")
    if weight <= 0:
        t.fail("weight", f"must be greater than 0, got {weight}")
    choices, fail_choices = _choices(t, kind)
    unit, low, high = _number_range(t, kind)
    return Item(
        code=code, text=t.text("text"), guidance=t.text("guidance"), basis=t.text("basis"),
        kind=kind, weight=weight, photo_on_fail=t.get("photo_on_fail", (bool,), "true or false"),
        major_if_failed=_major(t), tag=t.enum("tag", Verification),
        choices=choices, fail_choices=fail_choices, unit=unit, min_value=low, max_value=high,
        findings=t.strings("findings", MAX_TYPICAL), measures=t.strings("measures", MAX_TYPICAL),
    )


def _choices(t: _Table, kind: AnswerKind) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if kind is not AnswerKind.CHOICE:
        for key in ("choices", "fail_choices"):
            if t.has(key):
                t.fail(key, f"only choice items take {key} (kind is {kind.value})")
        return (), ()
    if not t.has("choices"):
        raise ChecklistError(t.source, t.block.line, t.field("choices"),
                             "a choice item needs choices (at least 2)")
    choices = t.strings("choices", MAX_CHOICES)
    if len(choices) < 2:
        t.fail("choices", "a choice item needs at least 2 choices")
    fail_choices = t.strings("fail_choices", MAX_CHOICES)
    stray = [c for c in fail_choices if c not in choices]
    if stray:
        t.fail("fail_choices", f"{stray[0]!r} is not one of the choices")
    if len(fail_choices) == len(choices):
        t.fail("fail_choices", "at least one choice must pass")
    return choices, fail_choices


def _number_range(t: _Table, kind: AnswerKind) -> tuple[str | None, int | float | None,
                                                         int | float | None]:
    if kind is not AnswerKind.NUMBER:
        for key in ("unit", "min", "max"):
            if t.has(key):
                t.fail(key, f"only number items take {key} (kind is {kind.value})")
        return None, None, None
    low, high = t.number("min", required=False), t.number("max", required=False)
    if low is not None and high is not None and low > high:
        t.fail("max", f"max {high} is below min {low}")
    return t.text("unit", required=False), low, high


def _major(t: _Table) -> MajorBasis | None:
    if not t.has("major_if_failed"):
        return None
    line = t.block.key_line("major_if_failed")
    major = _Table(t.source, t.values["major_if_failed"], _Block(line, {}, []),
                   t.field("major_if_failed"), ("standard", "clause"))
    return MajorBasis(standard=major.text("standard"), clause=major.text("clause"))
