"""The shipped checklist library: finding, reading and cross-checking the checklists/*.toml files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from safety_desk.domain.checklist import (
    ALL_INDUSTRIES,
    MAX_TEXT_BYTES,
    Checklist,
    ChecklistError,
    item_key_line,
    parse_checklist,
    top_key_line,
)
from safety_desk.domain.industry import Industry
from safety_desk.domain.major_standards import lint_checklist
from safety_desk.paths import checklists_dir


def library_paths() -> list[Path]:
    """The shipped checklist files, sorted by name."""
    return sorted(checklists_dir().glob("*.toml"))


def _read_text(path: Path) -> str:
    source = str(path)
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit so an oversized file is refused without reading it all.
            data = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        raise ChecklistError(source, 0, "file", f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise ChecklistError(source, 1, "file", f"larger than the {MAX_TEXT_BYTES} byte limit")
    try:
        # utf-8-sig: Windows editors may add a BOM, which tomllib would reject as a syntax error.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ChecklistError(source, line, "encoding",
                             f"not UTF-8 (bad byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None


def load_checklist_file(path: Path | str) -> Checklist:
    """Read and validate one checklist file; ChecklistError on any problem."""
    path = Path(path)
    return parse_checklist(_read_text(path), str(path))


def validate_paths(paths: Iterable[Path | str]) -> tuple[list[Checklist], list[ChecklistError]]:
    """Every valid checklist and every error, including (id, version) defined by two files."""
    checklists: list[Checklist] = []
    errors: list[ChecklistError] = []
    first_seen: dict[tuple[str, int], Path] = {}
    for path in map(Path, paths):
        try:
            text = _read_text(path)
            checklist = parse_checklist(text, str(path))
        except ChecklistError as exc:
            errors.append(exc)
            continue
        problems = lint_errors(checklist, text, str(path))
        if problems:
            errors.extend(problems)
            continue
        key = (checklist.id, checklist.version)
        if key in first_seen:
            # A version is immutable: two files claiming one (id, version) means one was edited
            # without bumping its version, so neither can be trusted as "the" template.
            errors.append(ChecklistError(
                str(path), top_key_line(text, "id"), "id",
                f"checklist {checklist.id!r} version {checklist.version} is also defined in "
                f"{first_seen[key]}; bump the version of the changed file"))
            continue
        first_seen[key] = path
        checklists.append(checklist)
    return checklists, errors


def lint_errors(checklist: Checklist, text: str, source: str) -> list[ChecklistError]:
    """The content rules of a library file (clauses, duplicates, edition dates) as errors with their lines."""
    errors = []
    for problem in lint_checklist(checklist):
        if problem.section_index is None:
            line = top_key_line(text, problem.key)
        else:
            line = item_key_line(text, problem.section_index, problem.item_index, problem.key)
        errors.append(ChecklistError(source, line, problem.key, problem.message))
    return errors


def load_library(paths: Iterable[Path | str] | None = None) -> list[Checklist]:
    """All checklists (the shipped library by default); raises the first ChecklistError found."""
    checklists, errors = validate_paths(library_paths() if paths is None else paths)
    if errors:
        raise errors[0]
    return checklists


def checklists_for_industry(checklists: Sequence[Checklist], industry: Industry | str) -> list[Checklist]:
    """Checklists naming this industry first, then the ones for all industries ("*"), in input order."""
    name = Industry(industry).value
    named = [c for c in checklists if name in c.industries]
    general = [c for c in checklists if ALL_INDUSTRIES in c.industries]
    return named + general


def latest_versions(checklists: Sequence[Checklist]) -> list[Checklist]:
    """Only the highest version of each checklist id, keeping input order; new inspections use these."""
    newest: dict[str, Checklist] = {}
    for checklist in checklists:
        if checklist.id not in newest or checklist.version > newest[checklist.id].version:
            newest[checklist.id] = checklist
    return [c for c in checklists if newest[c.id] is c]
