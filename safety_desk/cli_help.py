"""The command's help and click's own words (Usage:, Options:, Error:, Missing option…) in the run's language."""

from __future__ import annotations

import copy
import gettext
import importlib

import click

from safety_desk.cli_help_zh import CLICK, CLICK_PLURAL, COMMANDS
from safety_desk.domain.language import language

# The English help in the decorators is the source; in zh_CN each command's text and its options' come from
# cli_help_zh.COMMANDS, keyed by the command's path ("" for the command itself, "export ledger", …).


def _chinese() -> bool:
    return language() == "zh_CN"


# The options click adds itself: their help is fixed when click first makes them, in the language of that moment, so
# it is written again each time from click's English words.
COMMON_OPTIONS = {"--help": "Show this message and exit.", "--version": "Show the version and exit."}


def _option_name(param: click.Parameter) -> str:
    return next((name for name in param.opts if name.startswith("--")), param.opts[0])


class _Translated:
    """Help written from cli_help_zh in zh_CN, from the decorators' English otherwise."""

    help_path = ""

    def _entry(self) -> tuple[str, dict[str, str]] | None:
        return COMMANDS.get(self.help_path) if _chinese() else None

    def get_short_help_str(self, limit: int = 45) -> str:
        entry = self._entry()
        if entry is None:
            return super().get_short_help_str(limit)
        return entry[0].split("\n")[0].split("。")[0]  # its first sentence: the group's list has one line each

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        entry = self._entry()
        if entry is None:
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(entry[0])

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        chinese = (self._entry() or ("", {}))[1]
        records = []
        for param in self.get_params(ctx):
            if not isinstance(param, click.Option):
                continue
            name = _option_name(param)
            text = _gettext(COMMON_OPTIONS[name]) if name in COMMON_OPTIONS else chinese.get(name)
            if text is not None:  # a copy: the command object is shared by runs in either language
                param = copy.copy(param)
                param.help = text
            record = param.get_help_record(ctx)
            if record is not None:
                records.append(record)
        if records:
            with formatter.section(_gettext("Options")):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        if _chinese():  # click's placeholders, English words, read as part of the sentence
            pieces = [CLICK.get(piece, piece) for piece in pieces]
        return pieces


class Command(_Translated, click.Command):
    pass


class Group(_Translated, click.Group):
    command_class = Command


Group.group_class = Group  # subgroups too (not `type`: the main command's class is a subclass)


def walk(command: click.Command, path: str = ""):
    """Every command under `command` with its path, the command itself first ("")."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from walk(sub, f"{path} {name}".strip())


def name_paths(root: click.Command) -> None:
    """Tell each command its path: the key of its Chinese help."""
    for path, command in walk(root):
        command.help_path = path


def _gettext(message: str) -> str:
    return CLICK.get(message, message) if _chinese() else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    if _chinese() and singular in CLICK_PLURAL:
        return CLICK_PLURAL[singular][0 if n == 1 else 1]
    return singular if n == 1 else plural


def install_click_words() -> None:
    """click marks its own words with gettext (`from gettext import gettext as _`): in zh_CN answer them from
    cli_help_zh.CLICK rather than fork click or ship a .mo file; in en they pass through unchanged."""
    for name in ("core", "exceptions", "formatting", "parser", "types", "decorators", "termui"):
        module = importlib.import_module(f"click.{name}")
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _gettext
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _ngettext
