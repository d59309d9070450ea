"""The layering rules of DESIGN.md §2, checked on the source text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "safety_desk"
# The project writes SQL keywords in upper case; prose like "select the items from" is not SQL.
SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+(TABLE|INDEX)|PRAGMA\s+\w+)\b", re.DOTALL)


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_only_the_ui_package_imports_qt() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules()
                 if "ui" not in p.relative_to(PACKAGE).parts[:1]
                 and any(name.split(".")[0] in ("PySide6", "shiboken6") for name in _imports(p))]
    assert offenders == []


def test_only_the_store_package_holds_sql() -> None:
    offenders = [f"{p.relative_to(PACKAGE)}: {s[:60]!r}" for p in _modules()
                 if p.relative_to(PACKAGE).parts[0] != "store" for s in _strings(p) if SQL.search(s)]
    assert offenders == []


def test_the_domain_is_pure() -> None:
    forbidden = ("sqlite3", "PySide6", "os", "pathlib", "shutil", "subprocess", "socket", "io")
    for path in (PACKAGE / "domain").rglob("*.py"):
        for name in _imports(path):
            root = name.split(".")[0]
            assert root not in forbidden, f"{path.name} imports {name}"
            if root == "safety_desk":
                assert name.startswith("safety_desk.domain"), f"{path.name} imports {name}"


def test_every_module_starts_with_a_docstring() -> None:
    missing = [str(p.relative_to(PACKAGE)) for p in _modules() if ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert missing == []


def test_the_store_does_not_import_sync() -> None:
    offenders = [f"{p.relative_to(PACKAGE)}: {name}" for p in (PACKAGE / "store").rglob("*.py")
                 for name in _imports(p) if name.startswith("safety_desk.sync")]
    assert offenders == []


def test_local_state_is_read_and_written_through_its_repository() -> None:
    """Every local_state key is named in store/local_state.py only: nothing else calls db.local / db.set_local."""
    allowed = {PACKAGE / "store" / "local_state.py"}
    offenders = []
    for path in _modules():
        if path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("local", "set_local")):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []
