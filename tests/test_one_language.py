"""Every message a person reads is in one language (DESIGN.md §7): Chinese in zh_CN, the default; English in en."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.domain.language import language, say, set_language
from safety_desk.domain.uscc import validate_uscc
from safety_desk.media.ingest import PhotoRejected
from safety_desk.services.photos import ingest_bytes
from safety_desk.services.auth import SignIn, SignInFailed
from safety_desk.store.store import Store
from tests.test_layers import SQL

PACKAGE = Path(__file__).resolve().parent.parent / "safety_desk"
HAN = re.compile(r"[\u4e00-\u9fff]")
# Chinese, then in brackets an English phrase of two words or more and no Chinese: "密码不能为空 (must not be empty)",
# a message written in both languages at once. say("中文", "English") picks one of them instead.
ENGLISH_IN_BRACKETS = re.compile(r"[(（]\s*[A-Za-z][A-Za-z'’-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’-]*)+[^\u4e00-\u9fff()（）]*[)）]")


def bilingual(text: str) -> bool:
    return any(HAN.search(text, 0, found.start()) for found in ENGLISH_IN_BRACKETS.finditer(text))


FIELD = re.compile(r"\{[^{}]*\}")  # an f-string's field: code, not words
# An English word in a Chinese message; codes (a file name, an option, a USCC, 'X') are taken out before looking.
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _messages(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that can reach a person, f-strings with their {fields} as written.

    Left out: docstrings and click's help texts (English there, Chinese in cli_help_zh: tests/test_cli_help.py)."""
    source = path.read_text("utf-8")
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            skipped.add(id(node.body[0].value))
        if isinstance(node, ast.keyword) and node.arg == "help":
            skipped.update(id(inner) for inner in ast.walk(node.value))
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(inner) for inner in ast.walk(node) if inner is not node)
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:  # ast's columns count UTF-8 bytes
        return starts[line - 1] + len(lines[line - 1].encode("utf-8")[:column].decode("utf-8"))

    found = []
    for node in ast.walk(tree):
        if id(node) in skipped or not (isinstance(node, ast.JoinedStr)
                                       or isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = source[offset(node.lineno, node.col_offset):offset(node.end_lineno, node.end_col_offset)]
        if not SQL.search(text):  # the store's SQL names statuses in Chinese: not a message
            found.append((node.lineno, text))
    return found


def test_the_check_finds_a_message_in_two_languages() -> None:
    assert bilingual('"password: 密码不能为空 (must not be empty)"')
    assert bilingual('f"{name}: 文件名应以 {suffix} 结尾 (the file is written as {suffix}: name it so)"')
    assert bilingual('"正在等待另一个导入或同步完成…（waiting for another import）"')
    assert not bilingual('"统一社会信用代码 (GB 32100-2015)"')  # a standard's code, not a translation
    assert not bilingual('"Weekly safety summary (周报)"')  # an English source string for Qt's tr()
    assert not bilingual('say("密码不能为空", "password: must not be empty")')


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_message_is_written_in_two_languages_at_once(path: Path) -> None:
    found = [f"{path.relative_to(PACKAGE)}:{line}: {text[:100]}" for line, text in _messages(path)
             if bilingual(FIELD.sub("{}", text))]
    assert not found, "write say(\"中文\", \"English\") instead:\n" + "\n".join(found)


def test_say_follows_the_language_set_at_start() -> None:
    assert language() == "zh_CN" and say("密码", "password") == "密码"  # the default
    assert set_language("en") == "en" and say("密码", "password") == "password"
    assert set_language("fr") == "zh_CN"  # an unknown setting: the default


def _chinese_only(message: str, *codes: str) -> bool:
    for code in codes:
        message = message.replace(code, "")
    return bool(HAN.search(message)) and not ENGLISH_WORD.search(message)


def _english_only(message: str) -> bool:
    return bool(ENGLISH_WORD.search(message)) and not HAN.search(message)


def _refusal(action) -> str:
    with pytest.raises(ValueError) as caught:
        action()
    return str(caught.value)


def test_a_wrong_password_is_told_in_one_language(store: Store) -> None:
    wrong = lambda: SignIn(store, clock=lambda: 0.0).sign_in("admin", "wrong")  # noqa: E731
    with pytest.raises(SignInFailed) as chinese:
        wrong()
    assert _chinese_only(str(chinese.value)), str(chinese.value)
    set_language("en")
    with pytest.raises(SignInFailed) as english:
        wrong()
    assert _english_only(str(english.value)), str(english.value)


def test_a_bad_uscc_is_told_in_one_language() -> None:
    for bad in ("91350100M000100Y44", "91350100M00010", "91350100M000I00Y43"):
        assert _chinese_only(_refusal(lambda: validate_uscc(bad)), bad), _refusal(lambda: validate_uscc(bad))
    set_language("en")
    for bad in ("91350100M000100Y44", "91350100M00010", "91350100M000I00Y43"):
        message = _refusal(lambda: validate_uscc(bad))
        assert _english_only(message) and "USCC" in message, message


def test_a_file_that_is_not_an_image_is_told_in_one_language(store: Store) -> None:
    with pytest.raises(PhotoRejected) as chinese:
        ingest_bytes(store, b"minutes of the meeting", "minutes.jpg")
    assert _chinese_only(str(chinese.value), "minutes.jpg"), str(chinese.value)
    set_language("en")
    with pytest.raises(PhotoRejected) as english:
        ingest_bytes(store, b"minutes of the meeting", "minutes.jpg")
    assert _english_only(str(english.value)) and "not an image" in str(english.value)
    assert store.photos.count() == 0


def test_the_command_line_speaks_the_language_it_was_given(db_path: Path) -> None:
    """--lang en: refusals, the Error label and what a command prints are English; by default all Chinese."""
    runner = CliRunner()
    unknown = "91350100M000100Y43"
    chinese = runner.invoke(main, ["--db", str(db_path), "ledger", "--enterprise", unknown])
    assert chinese.exit_code == 2
    assert _chinese_only(chinese.output, "--enterprise", unknown), chinese.output
    english = runner.invoke(main, ["--lang", "en", "--db", str(db_path), "ledger", "--enterprise", unknown])
    assert english.exit_code == 2 and english.output.startswith("Error: ")
    assert _english_only(english.output) and unknown in english.output, english.output

    backup = db_path.parent / "copy.db"
    done = runner.invoke(main, ["--lang", "en", "--db", str(db_path), "backup", "-o", str(backup)])
    assert done.exit_code == 0 and done.output.startswith("backed up: "), done.output
    assert not HAN.search(done.output.replace(str(backup), ""))
