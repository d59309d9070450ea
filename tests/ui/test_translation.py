"""The Simplified Chinese translation is complete: every tr() string in the UI has a finished translation."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "i18n" / "safety_desk_zh_CN.ts"


def _messages(path: Path) -> dict[tuple[str, str], ElementTree.Element]:
    tree = ElementTree.parse(path)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_every_entry_is_translated_and_finished() -> None:
    unfinished = [source for (_, source), translation in _messages(TS_FILE).items()
                  if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete")
                  or not (translation.text or "").strip()]
    assert unfinished == []


def test_the_ts_file_holds_every_string_the_code_asks_for(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    # The domain marks data labels (the ledger's column headers) with QT_TRANSLATE_NOOP for the UI to translate.
    sources = sorted(str(p) for folder in ("ui", "domain") for p in (ROOT / "safety_desk" / folder).rglob("*.py"))
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS_FILE))
    assert sorted(missing) == []


def test_the_translation_compiles_and_loads(qapp) -> None:
    from PySide6.QtCore import QTranslator

    from safety_desk.ui.i18n import compiled_translation

    qm = compiled_translation("zh_CN")
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("MainWindow", "Dashboard") == "工作台"


def test_every_tr_literal_in_the_code_is_in_the_ts_file() -> None:
    """lupdate skips tr() calls inside f-strings; walking the syntax tree finds those too."""
    import ast

    known = {source for _, source in _messages(TS_FILE)}
    missing = []
    for path in sorted((ROOT / "safety_desk" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and node.args[0].value not in known):
                missing.append(f"{path.name}:{node.lineno}: {node.args[0].value!r}")
    assert missing == []
