"""The command's help and click's own words (Usage:, Error:, Missing option…) are in the run's language."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from safety_desk.cli import main
from safety_desk.cli_help import walk
from safety_desk.cli_help_zh import COMMANDS
from safety_desk.settings import Settings

HAN = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
COMMANDS_BY_PATH = dict(walk(main))
# What stays as written in Chinese help: what a person types or reads on a file (options, commands, placeholders
# such as FILE or USCC, file suffixes, choice values) and names (PDF, Excel, JSON, SQLite, …).
NAMES = {"SafetyDesk", "SQLite", "PostgreSQL", "uvicorn", "PDF", "Excel", "JSON", "ISO", "README", "USCC", "GB",
         "zh_CN", "en", "safety-desk"}
CODE = re.compile(r"\w+://\S+|--?[a-z][\w-]*|\b[A-Z][A-Z0-9_]*\b|\.[a-z]+\b|%[A-Za-z]|<[^>]*>")


def _typed_words() -> set[str]:
    words = set(NAMES)
    for path, command in walk(main):
        words.update(path.split())
        for param in command.params:
            if isinstance(param.type, click.Choice):
                words.update(str(choice) for choice in param.type.choices)
    return words


TYPED = _typed_words()


def _words_left(text: str, typed: tuple[str, ...] = ()) -> str:
    """The text without what stays as written (and what the person typed): what is left is read as words."""
    for word in sorted(TYPED | set(typed), key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", " ", text)
    return CODE.sub(" ", text)


def _english_words(text: str, typed: tuple[str, ...] = ()) -> list[str]:
    return ENGLISH_WORD.findall(_words_left(text, typed))


def _han(text: str, typed: tuple[str, ...] = ()) -> list[str]:
    return HAN.findall(_words_left(text, typed))


def _run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="safety-desk")


ASKED = [("--help",), ("ledger", "--help"), ("export", "ledger", "--help"), ("report", "--help"),
         ("person", "add", "--help")]
WRONG = [("person", "add"),  # a missing option
         ("ledger", "--status", "完成"),  # a bad value
         ("demo", "--weeks", "0"),  # out of range
         ("ledger", "--as-of", "yesterday"),  # not a date
         ("no-such-command",)]


@pytest.mark.parametrize("args", ASKED + WRONG, ids=" ".join)
def test_help_and_usage_errors_are_chinese_by_default(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.exit_code == (0 if "--help" in args else 2)
    assert HAN.search(result.output) and not _english_words(result.output, args), result.output
    if "--help" in args:
        assert result.output.startswith("用法:") and "选项" in result.output
    else:
        assert "错误：" in result.output


@pytest.mark.parametrize("args", ASKED + WRONG, ids=" ".join)
def test_help_and_usage_errors_are_english_with_lang_en(args: tuple[str, ...]) -> None:
    result = _run("--lang", "en", *args)
    assert result.exit_code == (0 if "--help" in args else 2)
    assert not _han(result.output, args), result.output
    assert result.output.startswith("Usage:") and ("Options:" in result.output or "Error: " in result.output)


def test_the_saved_language_decides_the_help_when_lang_is_not_typed() -> None:
    Settings(language="en").save()
    assert _run("--help").output.startswith("Usage:")
    assert "Show this message and exit." in _run("export", "ledger", "--help").output
    assert _run("--lang", "zh_CN", "ledger", "--help").output.startswith("用法:")


def test_the_version_is_told_in_the_language_too() -> None:
    assert _run("--version").output.startswith("safety-desk，版本 ")
    assert _run("--lang", "en", "--version").output.startswith("safety-desk, version ")


def test_lang_typed_after_help_still_counts() -> None:
    assert _run("--help", "--lang", "en").output.startswith("Usage:")


def test_every_command_and_option_has_chinese_help() -> None:
    """A new command or option without its Chinese text fails here: add it to cli_help_zh.COMMANDS."""
    missing = [repr(path) for path in COMMANDS_BY_PATH if path not in COMMANDS]
    assert not missing, "commands without Chinese help: " + ", ".join(missing)
    for path, command in COMMANDS_BY_PATH.items():
        options = {next((o for o in p.opts if o.startswith("--")), p.opts[0]) for p in command.params
                   if isinstance(p, click.Option) and p.opts != ["--version"]}
        assert options <= set(COMMANDS[path][1]), f"{path!r}: no Chinese help for {options - set(COMMANDS[path][1])}"
        assert set(COMMANDS[path][1]) <= options, f"{path!r}: Chinese help for options it does not have"
    assert set(COMMANDS) == set(COMMANDS_BY_PATH), "Chinese help for commands that do not exist"


@pytest.mark.parametrize("path", list(COMMANDS_BY_PATH), ids=repr)
def test_every_commands_help_is_in_one_language(path: str) -> None:
    chinese = _run(*path.split(), "--help")
    assert chinese.exit_code == 0 and not _english_words(chinese.output), chinese.output
    assert COMMANDS[path][0].split("。")[0] in chinese.output
    english = _run("--lang", "en", *path.split(), "--help")
    assert english.exit_code == 0 and not _han(english.output), english.output
