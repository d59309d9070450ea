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


# The hub's PostgreSQL repository is the one other home of SQL (DESIGN.md §2): the store's is SQLite's. Its
# reads of the office's rows for the row checks are a module of it.
SQL_HOMES = {PACKAGE / "hub" / "pg_store.py", PACKAGE / "hub" / "pg_rows.py"}


def test_only_the_store_package_holds_sql() -> None:
    offenders = [f"{p.relative_to(PACKAGE)}: {s[:60]!r}" for p in _modules()
                 if p.relative_to(PACKAGE).parts[0] != "store" and p not in SQL_HOMES
                 for s in _strings(p) if SQL.search(s)]
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


# -- import direction (DESIGN.md §2: ui -> services -> (store, sync, media, reports) -> domain; cli, hub -> services)
# Each part of safety_desk (a sub-package, or a top-level module) and what it may import from the other parts;
# a part always imports from itself. An entry is a part ("services") or one module of a part ("store.records").
# Read down the table: an arrow never points up, and the four service helpers never import each other.
RECORDS = "store.records"  # the record types: plain dataclasses, handed up to the UI and across to the helpers
CHANGES = "store.changed"  # what a commit changed (tables and row ids): data, like the record types
MAY_IMPORT: dict[str, set[str]] = {
    "domain": set(),                                  # pure: imports nothing else of the project
    "paths": set(),                                   # where things live (platformdirs): used at every level
    "__init__": set(),                                # the package itself: its version
    "settings": {"domain", "paths"},                  # declared once; read by services and the UI
    "store": {"domain", "paths"},
    "sync": {"domain", "paths", RECORDS},             # the service helpers hand data to services, which write
    "media": {"domain", "paths", RECORDS},
    "reports": {"domain", "paths", RECORDS},
    "services": {"store", "sync", "media", "reports", "domain", "paths", "settings"},
    "app": {"services", "store", "settings", "domain", "paths", "__init__"},  # the composition root opens the store
    # The UI reaches everything through services; domain (pure values and rules) and record types it may read,
    # and the Changes every commit reports, which it broadcasts to its pages (DESIGN.md §2).
    "ui": {"services", "domain", RECORDS, CHANGES, "paths", "settings", "app", "__init__"},
    # The one executable: its commands call services; with no command it starts the GUI or its self-test.
    # ... and `hub init` / `hub serve` start the network hub (safety_desk/hub/), which no other part imports.
    "cli": {"services", "domain", "paths", "settings", "app", "__init__", "ui.app", "ui.self_test", "hub", "cli_help"},
    # The command's help in the run's language: the Chinese table, and the language from domain.
    "cli_help": {"cli_help_zh", "domain"},
    "cli_help_zh": set(),
    # The hub relays bundles through services/hub_gate.py (the office's own sync checks); it holds the record type
    # of a device (store.records) in its device list, and its own PostgreSQL SQL in hub/pg_store.py; it speaks the
    # wire protocol the desktop's client speaks (sync/hub_protocol.py: paths, limits, the request signature).
    "hub": {"services", "domain", "paths", "settings", RECORDS, "sync.hub_protocol"},
    "__main__": {"cli"},
}


def _part(module: str) -> str:
    """'safety_desk.ui.widgets.photo_strip' -> 'ui'; 'safety_desk.cli' -> 'cli'; 'safety_desk' -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _module_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(dotted: str) -> bool:
    base = PACKAGE.parent.joinpath(*dotted.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _project_imports(path: Path) -> set[str]:
    """Every safety_desk module `path` imports (type-only imports too), relative ones resolved."""
    return _imports_in(path.read_text("utf-8"), _module_of(path), path.name == "__init__.py")


def _imports_in(source: str, module_name: str, is_package: bool) -> set[str]:
    package = module_name if is_package else module_name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                # `from safety_desk.store import health` imports the module safety_desk.store.health.
                found.add(f"{module}.{alias.name}" if _is_module(f"{module}.{alias.name}") else module)
    return {name for name in found if name == "safety_desk" or name.startswith("safety_desk.")}


def _allowed(importer: str, target: str) -> bool:
    source, part = _part(importer), _part(target)
    if source == part:
        return True
    inside = target.removeprefix("safety_desk.")
    return any(part == entry or inside == entry or inside.startswith(entry + ".")
               for entry in MAY_IMPORT[source])


def _wrong_way() -> set[tuple[str, str]]:
    return {(str(path.relative_to(PACKAGE)), target) for path in _modules()
            for target in _project_imports(path) if not _allowed(_module_of(path), target)}


def test_every_part_of_the_package_has_a_row() -> None:
    parts = {_part(_module_of(path)) for path in _modules()}
    assert parts <= set(MAY_IMPORT), f"add a row to MAY_IMPORT for {sorted(parts - set(MAY_IMPORT))}"


def test_imports_point_down_the_layers() -> None:
    wrong = _wrong_way()
    assert not wrong, "imports against DESIGN.md §2 (file, import):\n" + "\n".join(
        f"  {file}: {target}" for file, target in sorted(wrong))


def test_the_layer_check_notices_an_arrow_pointing_up_or_sideways() -> None:
    photo_strip = "safety_desk.ui.widgets.photo_strip"
    found = _imports_in("from ...store import photos\nfrom ..context import AppContext\n"
                        "from safety_desk.store.records import Photo\n", photo_strip, False)
    assert found == {"safety_desk.store.photos", "safety_desk.ui.context", "safety_desk.store.records"}
    assert [t for t in sorted(found) if not _allowed(photo_strip, t)] == ["safety_desk.store.photos"]
    assert not _allowed("safety_desk.store.hazards", "safety_desk.services.session")  # up
    assert not _allowed("safety_desk.media.ingest", "safety_desk.store.store")  # sideways, not a record type
    assert not _allowed("safety_desk.reports.weekly", "safety_desk.services.weekly")  # up
    assert not _allowed("safety_desk.cli", "safety_desk.ui.widgets.photo_strip")
    assert _allowed("safety_desk.services.photos", "safety_desk.media.files")
