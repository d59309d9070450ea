"""The `safety-desk` command (click): the GUI by default, and subcommands for people and scripts."""

from __future__ import annotations

import errno
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import click

from safety_desk import __version__, cli_help
from safety_desk.domain.language import say, set_language
from safety_desk.domain.vocabulary import inspection_kind, word

if TYPE_CHECKING:
    from safety_desk.app import Desk

# Exit codes (README): 0 done; 1 the work failed; 2 bad usage or bad input; 3 not permitted for this device's role.
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_PERMITTED = 3
LOCK_PATIENCE_S = 15 * 60  # how long a command waits for another process's write before it gives up


class _Refusal(click.ClickException):
    """A message of ours on stderr, its "Error:" label in the run's language too (click's own is English)."""

    def show(self, file=None) -> None:
        click.echo(say("错误：", "Error: ") + self.format_message(), file=file or sys.stderr)


class Failed(_Refusal):
    exit_code = EXIT_FAILED


class BadInput(_Refusal):
    exit_code = EXIT_BAD_INPUT


class NotPermitted(_Refusal):
    exit_code = EXIT_NOT_PERMITTED


def _db_path(ctx: click.Context) -> Path:
    """The database the command names, unlocked first when it is encrypted (`--user` with SAFETY_DESK_PASSWORD
    or a typed password, or `--recovery-key`)."""
    from safety_desk.paths import default_db_path, demo_db_path

    root = ctx.find_root().params
    if root.get("db"):
        path = Path(root["db"])
    else:
        path = demo_db_path() if root.get("demo") else default_db_path()
    _unlock(ctx, path)
    return path


def _unlock(ctx: click.Context, path: Path) -> None:
    from safety_desk.services import encryption

    if not encryption.is_encrypted(path) or encryption.is_unlocked(path):
        return
    root = ctx.find_root().params
    try:
        if root.get("recovery_key"):
            encryption.unlock_with_recovery(path, root["recovery_key"])
            return
        login = root.get("user")
        if not login:
            raise BadInput(say(f"{path}: 数据库已加密：请用 --user 登录名（密码放在环境变量 SAFETY_DESK_PASSWORD 中，"
                               "或在终端输入），或用 --recovery-key 恢复密钥解锁",
                               f"{path}: the database is encrypted: unlock it with --user LOGIN (the password in "
                               "SAFETY_DESK_PASSWORD, or typed) or with --recovery-key KEY"))
        password = _password_for(login)
        encryption.unlock(path, login, password)
    except encryption.UnlockRefused as exc:
        raise BadInput(say(f"{exc}（{path.name} 未解锁，未作任何改动）",
                           f"{exc} ({path.name} was not unlocked, nothing changed)")) from None


def _password_for(login: str) -> str:
    import os

    password = os.environ.get("SAFETY_DESK_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise BadInput(say(f"--user {login}: 需要密码：请设置环境变量 SAFETY_DESK_PASSWORD",
                           f"--user {login}: a password is needed: set SAFETY_DESK_PASSWORD"))
    return click.prompt(say(f"{login} 的密码", f"{login}'s password"), hide_input=True)


def _enrol_passphrase(enrol_file: Path) -> str | None:
    """The passphrase of a sealed enrolment file: SAFETY_DESK_ENROL_PASSPHRASE, or typed (None: a plain file)."""
    import os

    from safety_desk.services.enrolment_seal import PASSPHRASE_ENV, needs_passphrase

    if not needs_passphrase(enrol_file):
        return None
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return passphrase
    if not sys.stdin.isatty():
        raise BadInput(say(f"{enrol_file.name}: 登记文件已加密：请把登记口令放在环境变量 {PASSPHRASE_ENV} 中",
                           f"{enrol_file.name}: the enrolment file is sealed: put its passphrase in {PASSPHRASE_ENV}"))
    return click.prompt(say("登记口令（安全办登记设备时给出）", "enrolment passphrase (given by the office at enrolment)"),
                        hide_input=True)


class _VocabularyChoice(click.ParamType):
    """One of the stored codes (一般, 待复查), or its English word (Major, "Awaiting re-inspection"): the code."""

    name = "choice"

    def __init__(self, codes: list[str]) -> None:
        self.codes = codes

    def get_metavar(self, param: click.Parameter, *args: object, **kwargs: object) -> str:
        from safety_desk.domain.vocabulary import word

        return "[" + "|".join(word(code) for code in self.codes) + "]"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from safety_desk.domain.vocabulary import ENGLISH, word

        for code in self.codes:
            if str(value).strip().casefold() in (code, ENGLISH[code].casefold()):
                return code
        shown = "、".join(word(code) for code in self.codes)
        self.fail(say(f"{value!r} 不是 {shown} 之一", f"{value!r} is not one of {', '.join(map(word, self.codes))}"),
                  param, ctx)


def _show_passphrase(passphrase: str) -> None:
    click.echo(say(f"登记口令（只显示这一次，请当面或电话告知使用登记文件的人，不要与文件放在一起）：{passphrase}",
                   f"enrolment passphrase (shown this once: tell it to whoever uses the file, in person or by "
                   f"phone; never keep it with the file): {passphrase}"))


@contextmanager
def _desk(ctx: click.Context) -> Iterator["Desk"]:
    """This device's desk on the database the command names: one place turns errors into messages and exit codes.

    A database that cannot be opened and bad input (ValueError) exit 2; what this device's role may not do exits 3;
    a failed write (a full disk, a read-only file, an output that cannot be written, the database in use) exits 1.
    """
    from safety_desk.app import Desk
    from safety_desk.services.errors import PermissionDenied, StoreError
    from safety_desk.settings import Settings

    try:
        desk = Desk.open(_db_path(ctx), settings=Settings.load())
    except StoreError as exc:
        raise BadInput(str(exc)) from None
    # Another process writing (an import, a sync, the window): wait for it, saying so, rather than fail.
    desk.store.db.lock_patience_s = LOCK_PATIENCE_S
    desk.store.db.on_lock_wait = lambda: click.echo(
        say("正在等待另一个导入或同步完成…", "waiting for another import or sync to finish"), err=True)
    try:
        yield desk
    except PermissionDenied as exc:
        raise NotPermitted(str(exc)) from None
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    except StoreError as exc:
        raise Failed(str(exc)) from None
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise Failed(say(f"{where}无法写入（{_write_reason(exc)}）", f"{where}cannot write: {exc.strerror or exc}")) from None
    finally:
        desk.close()


class _Progress:
    """A progress bar on a terminal; elsewhere (a scheduled task's log) a plain line at most every few seconds and
    one when the work ends, so a long run is never silent."""

    LINE_EVERY_S = 5.0

    def __init__(self, label: str, now=time.monotonic) -> None:
        self.label = label
        self._now = now
        self._bar = None
        self._done = 0
        self._total = 0
        self._last_line = now()

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            self._done, self._total = done, total
            now = self._now()
            if now - self._last_line >= self.LINE_EVERY_S:
                self._line(now)
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(done - self._done)
        self._done = done

    def _line(self, now: float) -> None:
        share = f" ({self._done * 100 // self._total}%)" if self._total else ""
        click.echo(f"{self.label}: {self._done:,} / {self._total:,}{share}", err=True)
        self._last_line = now

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
        elif self._total:
            self._line(self._now())  # where it ended, for the log


# Why a file could not be written, in words (the system's own text is English): Chinese, then English.
_WRITE_REASONS = {errno.EACCES: ("没有写入权限", "no permission to write"),
                  errno.EPERM: ("没有写入权限", "no permission to write"),
                  errno.EROFS: ("只读的磁盘或文件夹", "a read-only disk or folder"),
                  errno.ENOSPC: ("磁盘空间已满", "the disk is full"),
                  errno.EDQUOT: ("超出磁盘配额", "over the disk quota"),
                  errno.ENOENT: ("文件夹不存在", "no such folder"),
                  errno.ENOTDIR: ("路径中有一段不是文件夹", "a part of the path is not a folder"),
                  errno.EISDIR: ("同名的文件夹已存在", "a folder of that name exists")}


def _write_reason(exc: OSError) -> str:
    reason = _WRITE_REASONS.get(exc.errno or 0)
    return say(*reason) if reason else exc.strerror or str(exc)


def _cannot_write_in(folder: Path) -> str | None:
    """Why no file can be made in `folder`, or None if one can: found by making one, since permission bits say
    nothing to an administrator and nothing about a read-only disk."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".safety-desk-", suffix=".probe"):
            pass
    except OSError as exc:
        return _write_reason(exc)
    return None


@contextmanager
def _writing(output: Path | None) -> Iterator[None]:
    """A write of `output` that fails on the way (a disk filling up, a folder gone away) is a message naming the
    file the person asked for, not the temporary one beside it; nothing is left under the chosen name."""
    try:
        yield
    except OSError as exc:
        # The output, or the temporary file beside it that is renamed to it once complete.
        ours = output is not None and (exc.filename is None or Path(exc.filename).parent == output.parent)
        if output is None or (not ours and exc.errno != errno.ENOSPC):
            raise  # another file: _desk says which
        raise Failed(say(f"{output}：无法写入（{_write_reason(exc)}），未生成文件",
                         f"{output}: cannot write ({_write_reason(exc)}): no file was made")) from None


def _output(suffix: str, *, required: bool = True, help_text: str | None = None):
    """`-o FILE` ending in `suffix` (refused otherwise: a PDF is never written as w.txt), in a folder that exists
    unless `--create-dirs` asks for it to be made; and the `--create-dirs` flag itself."""
    def checked(ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
        if value is None:
            return None
        if value.suffix.lower() != suffix:
            # Ours, not click's BadParameter: its "Invalid value for" frame is English only.
            raise BadInput(say(f"-o {value.name}: 文件名应以 {suffix} 结尾",
                               f"-o {value.name}: the file is written as {suffix}: name it so"))
        folder = value.parent
        if not folder.is_dir():
            if not ctx.meta.get("create_dirs"):
                raise BadInput(say(f"-o {folder}: 文件夹不存在；加 --create-dirs 可新建",
                                   f"-o {folder}: no such folder; add --create-dirs to create it"))
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise Failed(say(f"{folder}: 无法新建文件夹（{_write_reason(exc)}）",
                                 f"{folder}: cannot create the folder: {exc.strerror or exc}")) from None
        reason = _cannot_write_in(folder)
        if reason is not None:  # before any work: an hour's export is not lost at its last step
            raise Failed(say(f"{value}：无法在文件夹 {folder} 中写入文件（{reason}），未生成文件",
                             f"{value}: cannot write a file in the folder {folder} ({reason}): no file was made"))
        return value

    def remember(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
        ctx.meta["create_dirs"] = value
        return value

    def decorate(command):
        command = click.option("-o", "--output", required=required, callback=checked, metavar=f"FILE{suffix}",
                               type=click.Path(dir_okay=False, path_type=Path),
                               help=help_text or f"The file to write (FILE{suffix}).")(command)
        return click.option("--create-dirs", is_flag=True, is_eager=True, expose_value=False, callback=remember,
                            help="Create the output's folder if it does not exist.")(command)
    return decorate


def _typed_language(args: list[str]) -> str | None:
    """--lang as typed, read before click parses: the main command's --help and usage errors come before main()."""
    for at, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and at + 1 < len(args):
            return args[at + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _choose_language(typed: str | None) -> None:
    """Every message of this run in one language: --lang when typed, else the saved setting (DESIGN.md §7)."""
    from safety_desk.settings import Settings

    set_language(typed or Settings.load().language)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    # Ours, not click.version_option: click fixes its words when the decorator runs, before the language is known.
    if value and not ctx.resilient_parsing:
        click.echo(say(f"safety-desk，版本 {__version__}", f"safety-desk, version {__version__}"))
        ctx.exit()


class _Main(cli_help.Group):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        _choose_language(_typed_language(args))
        return super().parse_args(ctx, args)


@click.group(cls=_Main, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="Database file (default: the per-user data dir).")
@click.option("--lang", type=click.Choice(["zh_CN", "en"]), default="zh_CN", show_default=True,
              help="Language of the user interface (default: the saved setting, else zh_CN).")
@click.option("--demo", is_flag=True, help="Open the demo database, creating it if needed.")
@click.option("--self-test", "self_test", is_flag=True,
              help="Check this installation (window, photo, PDF, spreadsheet) on a temporary database and exit.")
@click.option("--user", "user", envvar="SAFETY_DESK_USER", default=None, metavar="LOGIN",
              help="Unlock an encrypted database as this account (password: SAFETY_DESK_PASSWORD, or typed).")
@click.option("--recovery-key", "recovery_key", envvar="SAFETY_DESK_RECOVERY_KEY", default=None, metavar="KEY",
              help="Unlock an encrypted database with the recovery key printed by init.")
@click.option("--version", is_flag=True, is_eager=True, expose_value=False, callback=_show_version,
              help="Show the version and exit.")
@click.pass_context
def main(ctx: click.Context, db: Path | None, lang: str, demo: bool, self_test: bool = False,
         user: str | None = None, recovery_key: str | None = None) -> None:
    """SafetyDesk: workplace-safety inspections, hazards and drills, offline. Without a command, the window opens."""
    _choose_language(lang_given(ctx))  # as parsed: the same as read before, unless an option's value said --lang
    if ctx.invoked_subcommand is not None:
        return
    if self_test:
        from safety_desk.ui.self_test import run_self_test

        sys.exit(run_self_test(click.echo))
    path = _db_path(ctx)
    if demo and not path.exists():
        ctx.invoke(demo_command)
    from safety_desk.ui.app import run_gui

    sys.exit(run_gui(path, lang_given(ctx), login_hint="admin" if demo else "", encrypt=not demo))


def lang_given(ctx: click.Context) -> str | None:
    """--lang when typed on the command line; otherwise the saved setting decides."""
    source = ctx.get_parameter_source("lang")
    return ctx.params["lang"] if source == click.core.ParameterSource.COMMANDLINE else None


@main.command("init")
@click.option("--office", "office_name", default=None, help="Name of the safety office.")
@click.option("--device-name", default=None, help="Name of this device (default: the host name).")
@click.option("--admin", "admin_login", default=None, help="Login of the first account (role office).")
@click.option("--admin-name", default=None, help="Display name of the first account.")
@click.option("--password", envvar="SAFETY_DESK_PASSWORD", default=None,
              help="Password of the first account (or SAFETY_DESK_PASSWORD).")
@click.pass_context
def init_command(ctx: click.Context, office_name: str | None, device_name: str | None,
                 admin_login: str | None, admin_name: str | None, password: str | None) -> None:
    """Create a new database with this device's identity, the office and the checklist library."""
    from safety_desk.domain.checklist import ChecklistError
    from safety_desk.services.errors import StoreError
    from safety_desk.services.setup import DEFAULT_OFFICE_NAME, AlreadyInitialised, initialise

    from safety_desk.services.passwords import password_problem

    path = _db_path(ctx)
    if admin_login and password is not None and (weak := password_problem(password, admin_login)):
        raise BadInput(f"--password: {weak}")  # the first account follows the rule every later one does
    try:
        result = initialise(path, office_name=office_name or DEFAULT_OFFICE_NAME, device_name=device_name,
                            admin_login=admin_login, admin_name=admin_name, admin_password=password,
                            encrypt=bool(admin_login))
    except (AlreadyInitialised, ValueError, ChecklistError) as exc:
        raise BadInput(str(exc)) from None
    except StoreError as exc:
        raise Failed(str(exc)) from None
    click.echo(say(f"已创建：{result.path}", f"created: {result.path}"))
    click.echo(say(f"设备：{result.device_id}；检查表：{result.checklists_added}",
                   f"device: {result.device_id}; checklists: {result.checklists_added}"))
    if result.encrypted is not None:
        click.echo(result.encrypted.describe())
    else:
        click.echo(say("数据库尚未加密：第一个账号登录时自动加密",
                       "the database is not encrypted yet: it is encrypted when the first account signs in"))


@main.command("encrypt")
@click.pass_context
def encrypt_command(ctx: click.Context) -> None:
    """Encrypt a plain database in place (after a backup) with a key slot for --user and a new recovery key."""
    from safety_desk.services import encryption
    from safety_desk.services.auth import SignInFailed, encrypt_as
    from safety_desk.services.errors import StoreError

    path = _db_path(ctx)
    if encryption.is_encrypted(path):
        raise BadInput(say(f"{path}: 数据库已经加密，未作任何改动", f"{path}: the database is encrypted already; nothing was changed"))
    login = ctx.find_root().params.get("user")
    if not login:
        raise BadInput(say("encrypt: 请用 --user 登录名 指明加密后用哪个账号解锁（密码放在 SAFETY_DESK_PASSWORD 中）",
                           "encrypt: name the account that unlocks it with --user LOGIN (its password in SAFETY_DESK_PASSWORD)"))
    password = _password_for(login)
    try:
        result = encrypt_as(path, login, password)
    except SignInFailed as exc:
        raise BadInput(say(f"--user {login}: {exc}；数据库未改动，仍未加密",
                           f"--user {login}: {exc}; the database was not changed and is still not encrypted")) from None
    except StoreError as exc:
        raise Failed(str(exc)) from None
    click.echo(result.describe())


@main.command("demo")
@click.option("--enterprises", default=60, show_default=True, type=click.IntRange(1, 20000),
              help="How many enterprises.")
@click.option("--weeks", default=26, show_default=True, type=click.IntRange(1, 520), help="How many weeks of data.")
@click.option("--seed", default=2026, show_default=True, type=int, help="The random seed: the same seed, the same data.")
@click.option("--as-of", "as_of", default=None, type=click.DateTime(["%Y-%m-%d"]),
              help="The demo's 'today' (default: today).")
@click.option("--larger-incident", is_flag=True, help="Include one accident of the larger grade (for tests).")
@click.pass_context
def demo_command(ctx: click.Context, enterprises: int = 60, weeks: int = 26, seed: int = 2026,
                 as_of=None, larger_incident: bool = False) -> None:
    """Build a realistic, reproducible demo database (at --db, or the demo path)."""

    from safety_desk.services.demo import DemoSpec, build_demo
    from safety_desk.services.errors import StoreError
    from safety_desk.services.setup import AlreadyInitialised

    path = _db_path(ctx) if ctx.find_root().params.get("db") else _demo_path()
    spec = DemoSpec(enterprises=enterprises, weeks=weeks, seed=seed,
                    as_of=as_of.date() if as_of else None, larger_incident=larger_incident)
    progress = _Progress(say("生成演示数据", "building demo"))
    started = time.perf_counter()
    try:
        summary = build_demo(path, spec, progress=progress)
    except AlreadyInitialised as exc:
        raise BadInput(str(exc)) from None
    except StoreError as exc:  # another program is creating or using the database there
        raise Failed(str(exc)) from None
    finally:
        progress.close()
    elapsed = time.perf_counter() - started
    click.echo(say(f"演示数据库：{path}", f"demo database: {path}"))
    click.echo(summary.describe() + say(f"；{elapsed:.1f} 秒", f"; {elapsed:.1f} s"))
    click.echo(say("登录：admin / demo", "sign in: admin / demo"))


def _demo_path() -> Path:
    from safety_desk.paths import demo_db_path

    return demo_db_path()


@main.command("doctor")
@click.option("--repair", is_flag=True,
              help="Rebuild the ledger's text indexes if they disagree with their tables (after a VACUUM or restore).")
@click.pass_context
def doctor_command(ctx: click.Context, repair: bool) -> None:
    """Check the database: integrity, text indexes, schema, audit chain, hazard status, photo files."""
    from safety_desk.services.doctor import backup_age_line, run_doctor

    with _desk(ctx) as desk:
        report = run_doctor(desk.store, repair=repair)
        age = backup_age_line(_db_path(ctx), desk.clock)
    for name, passed, detail in report.checks:
        click.echo(f"{say('正常', 'ok  ') if passed else say('异常', 'FAIL')}  {name}: {detail}")
    click.echo(f"         {age}")
    if not report.ok:
        raise Failed(say("检查发现问题（见上）", "doctor found problems (see above)"))


@main.command("backup")
@_output(".db", required=False,
         help_text="Write the copy here (default: a manual backup in the database's backups folder).")
@click.pass_context
def backup_command(ctx: click.Context, output: Path | None) -> None:
    """Back up the database with SQLite's backup API (safe while the program runs)."""
    from safety_desk.domain.backup_rotation import MANUAL
    from safety_desk.services.backups import check_database_file, export_backup, take_backup
    from safety_desk.services.errors import BackupFailed, StoreError

    path = _db_path(ctx)
    try:
        check_database_file(path)
    except StoreError as exc:
        raise BadInput(str(exc)) from None
    try:
        written = export_backup(path, output) if output is not None else take_backup(path, MANUAL).path
    except BackupFailed as exc:
        raise Failed(str(exc)) from None
    size = f"{written.stat().st_size / 1e6:.1f} MB"
    click.echo(say(f"已备份：{written}（{size}）", f"backed up: {written} ({size})"))


@main.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def restore_command(ctx: click.Context, file: Path) -> None:
    """Replace the database by a backup FILE (checked first; the replaced one is kept in the backups folder).

    Close the program first. A backup of an older version is upgraded the next time it is opened.
    """
    from safety_desk.services.backups import restore_backup
    from safety_desk.services.errors import (
        MissingDatabase, NewerSchemaError, NotASafetyDeskDatabase, SameDatabase, StoreError,
    )

    path = _db_path(ctx)
    if file.exists():
        _unlock(ctx, file)  # an encrypted backup brought from elsewhere, with its key slots beside it
    try:
        result = restore_backup(path, file)
    except (NotASafetyDeskDatabase, NewerSchemaError, MissingDatabase, SameDatabase) as exc:
        raise BadInput(say(f"{exc}；未恢复，数据库未改动", f"{exc}; nothing was restored; the database was not changed")) from None
    except StoreError as exc:
        raise Failed(str(exc)) from None
    click.echo(result.describe())


@main.command("ledger")
@click.option("--district", "district_code", default=None, metavar="CODE", help="Only this district (its code).")
@click.option("--enterprise", "uscc", default=None, metavar="USCC", help="Only this enterprise (its USCC).")
@click.option("--grade", type=_VocabularyChoice(["一般", "重大"]), default=None,
              help="Only hazards of this grade.")
@click.option("--status", type=_VocabularyChoice(["待整改", "整改中", "待复查", "已销号"]),
              default=None, help="Only hazards in this status.")
@click.option("--overdue", is_flag=True, help="Only hazards past their deadline and still being rectified.")
@click.option("--as-of", "as_of", default=None, type=click.DateTime(["%Y-%m-%d"]),
              help="The ledger as it stood at the end of that day: hazards registered by then, with their status"
                   " and deadline then, overdue judged on it (default: today).")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per hazard, in a JSON array; grade and status as stored (the Chinese codes,"
                   " which --grade and --status take as well as the English words), whatever --lang says.")
@click.pass_context
def ledger_command(ctx: click.Context, district_code: str | None, uscc: str | None, grade: str | None,
                   status: str | None, overdue: bool, as_of, as_json: bool) -> None:
    """List hazards (the hazard ledger), newest found first; --json for scripts."""
    import json

    with _desk(ctx) as desk:
        if as_of is not None:
            desk = desk.at(as_of.date())
        day = desk.clock.today()
        flt = desk.ledger.filter_for(district_code=district_code, uscc=uscc, grade=grade, status=status,
                                     overdue=overdue)
        rows = desk.ledger.every_row(flt)
        if as_json:
            click.echo("[", nl=False)
            for index, row in enumerate(rows):
                record = {"id": row.hazard_id, "enterprise_uscc": row.enterprise_uscc,
                          "enterprise_name": row.enterprise_name, "district_code": row.district_code,
                          "district_name": row.district_name, "grade": row.grade, "status": row.status,
                          "found_on": row.found_on, "deadline": row.deadline, "overdue_days": row.overdue_days,
                          "description": row.description, "location": row.location, "source": row.source,
                          "notice_number": row.notice_number}
                click.echo(("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False), nl=False)
            click.echo("\n]")
            return
        count = 0
        for row in rows:
            count += 1
            late = say(f"逾期{row.overdue_days}天", f"{row.overdue_days} days overdue") if row.overdue_days else ""
            click.echo("\t".join([row.found_on, row.district_name, row.enterprise_name, word(row.grade), word(row.status),
                                  row.deadline or "", late, row.description]))
        click.echo(say(f"{count} 条隐患（截至 {day.isoformat()}）", f"{count} hazards (as of {day.isoformat()})"), err=True)


@main.group("report")
def report_group() -> None:
    """Official documents as PDF: inspection records, notices, drill records, weekly, quarterly and annual statistics."""


def _write_document(ctx: click.Context, output: Path, make) -> None:
    """Run `make(report_service)` as this device and say where the PDF went; bad input exits 2."""
    with _desk(ctx) as desk, _writing(output):
        try:
            make(desk.reports)
        except FileNotFoundError as exc:
            if exc.filename is not None and Path(exc.filename).parent == output.parent:
                raise  # the output's own folder went away: _writing says so
            raise BadInput(str(exc)) from None
    click.echo(say(f"已生成：{output}", f"written: {output}"))


_OUTPUT = _output(".pdf")


@report_group.command("inspection")
@click.argument("inspection_id")
@_OUTPUT
@click.pass_context
def report_inspection(ctx: click.Context, inspection_id: str, output: Path) -> None:
    """The inspection record of one inspection."""
    _write_document(ctx, output, lambda reports: reports.inspection_record(inspection_id, output))


@report_group.command("notice")
@click.argument("notice_id")
@_OUTPUT
@click.option("--reprint", is_flag=True, default=None,
              help="Mark the print as a reprint even on the issue day (a print on a later day always is).")
@click.pass_context
def report_notice(ctx: click.Context, notice_id: str, output: Path, reprint: bool | None) -> None:
    """A rectification notice (by its id or its number), exactly as issued."""
    _write_document(ctx, output, lambda reports: reports.notice(notice_id, output, reprint=reprint or None))


@report_group.command("drill")
@click.argument("drill_id")
@_OUTPUT
@click.pass_context
def report_drill(ctx: click.Context, drill_id: str, output: Path) -> None:
    """The drill record of one held drill."""
    _write_document(ctx, output, lambda reports: reports.drill_record(drill_id, output))


@report_group.command("reinspection")
@click.argument("hazard_id")
@_OUTPUT
@click.pass_context
def report_reinspection(ctx: click.Context, hazard_id: str, output: Path) -> None:
    """The re-inspection opinion of a hazard's last re-inspection (its id: ledger --json)."""
    _write_document(ctx, output, lambda reports: reports.reinspection(hazard_id, output))


@report_group.command("hazard")
@click.argument("hazard_id")
@_OUTPUT
@click.pass_context
def report_hazard(ctx: click.Context, hazard_id: str, output: Path) -> None:
    """The rectification record of one hazard: its photos before and after rectification side by side."""
    _write_document(ctx, output, lambda reports: reports.hazard_record(hazard_id, output))


@report_group.command("weekly")
@click.option("--week", default=None, metavar="2026-W48", help="An ISO week (default: the current week).")
@click.option("--from", "start", default=None, type=click.DateTime(["%Y-%m-%d"]), help="Or a period: first day.")
@click.option("--to", "end", default=None, type=click.DateTime(["%Y-%m-%d"]), help="Or a period: last day.")
@click.option("--district", "district_code", default=None, metavar="CODE", help="One district (default: the city).")
@_output(".pdf", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of writing a PDF.")
@click.option("--file", "file_it", is_flag=True,
              help="File the week's summary: store it as filed (once per week and scope); later prints reprint it.")
@click.pass_context
def report_weekly(ctx: click.Context, week: str | None, start, end, district_code: str | None, output: Path | None,
                  as_json: bool, file_it: bool = False) -> None:
    """The weekly safety summary for an ISO week or a period, for the city or one district (-o FILE.pdf or --json)."""
    import json

    from safety_desk.services.weekly import date_range, iso_week

    if (output is None) == (not as_json):
        raise click.UsageError("give -o FILE.pdf or --json, one of them")
    if week is not None and (start or end):
        raise click.UsageError("give either --week or --from/--to, not both")
    if (start is None) != (end is None):
        raise click.UsageError("--from and --to go together")
    if file_it and (output is None or start is not None):
        raise click.UsageError("--file goes with --week and -o FILE.pdf")
    figures = None
    with _desk(ctx) as desk:
        if start is not None:
            period = date_range(start.date(), end.date())
        else:
            today = desk.clock.today().isocalendar()
            period = iso_week(week or f"{today.year}-W{today.week:02d}")
        if as_json:
            summary = desk.weekly.summary(period, district_code)
            click.echo(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
        if output is not None:
            with _writing(output):
                figures = desk.weekly.document(period, output, district_code, file=file_it)
    if output is not None:
        click.echo(say(f"已生成：{output}", f"written: {output}"), err=as_json)
    if figures is not None:
        _echo_filing(figures)


def _statistics_command(ctx: click.Context, kind: str, period: str, district_code: str | None, uscc: str | None,
                        output: Path | None, as_json: bool, file_it: bool = False) -> None:
    """The art. 14 statistics of a quarter or a year: a PDF, or the figures as JSON."""
    import json

    from safety_desk.services.hazard_statistics import HazardStatisticsService, quarter_period, year_period

    if (output is None) == (not as_json):
        raise click.UsageError("give -o FILE.pdf or --json, one of them")
    if file_it and output is None:
        raise click.UsageError("--file goes with -o FILE.pdf")
    figures = None
    with _desk(ctx) as desk:
        if as_json:
            span = quarter_period(period) if kind == "quarterly" else year_period(period)
            numbers = HazardStatisticsService(desk.session).statistics(span, district_code, uscc).as_json()
            click.echo(json.dumps(numbers, ensure_ascii=False, indent=2))
        if output is not None:
            with _writing(output):
                figures = getattr(desk.reports, kind)(period, output, district_code, uscc, file=file_it)
    if output is not None:
        click.echo(say(f"已生成：{output}", f"written: {output}"), err=as_json)
    if figures is not None:
        _echo_filing(figures)


@report_group.command("quarterly")
@click.option("--quarter", required=True, metavar="2026Q4", help="The quarter, e.g. 2026Q4.")
@click.option("--district", "district_code", default=None, metavar="CODE", help="One district (default: the city).")
@click.option("--enterprise", "uscc", default=None, metavar="USCC", help="One enterprise's own filing (its USCC).")
@_output(".pdf", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of writing a PDF.")
@click.option("--file", "file_it", is_flag=True,
              help="File them: store the figures as filed (once per period and scope); later prints reprint them.")
@click.pass_context
def report_quarterly(ctx: click.Context, quarter: str, district_code: str | None, uscc: str | None,
                     output: Path | None, as_json: bool, file_it: bool = False) -> None:
    """The quarterly hazard statistics (Order No. 16, art. 14): the city, one district, or one enterprise's own filing."""
    _statistics_command(ctx, "quarterly", quarter, district_code, uscc, output, as_json, file_it)


@report_group.command("annual")
@click.option("--year", required=True, metavar="2026", help="The year, e.g. 2026.")
@click.option("--district", "district_code", default=None, metavar="CODE", help="One district (default: the city).")
@click.option("--enterprise", "uscc", default=None, metavar="USCC", help="One enterprise's own filing (its USCC).")
@_output(".pdf", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON instead of writing a PDF.")
@click.option("--file", "file_it", is_flag=True,
              help="File them: store the figures as filed (once per period and scope); later prints reprint them.")
@click.pass_context
def report_annual(ctx: click.Context, year: str, district_code: str | None, uscc: str | None, output: Path | None,
                  as_json: bool, file_it: bool = False) -> None:
    """The annual hazard statistics (Order No. 16, art. 14, due 31 January): the city, a district, or one enterprise's own."""
    _statistics_command(ctx, "annual", year, district_code, uscc, output, as_json, file_it)


def _echo_filing(figures) -> None:
    """What a filed statistic's print says about its filing: filed now, or filed before and how today differs."""
    filing = figures.filing
    if filing is None:
        return
    if figures.differences is None:
        click.echo(say(f"已报出：编号 {filing.number}，{filing.filed_on}", f"filed: number {filing.number}, {filing.filed_on}"))
        return
    click.echo(say(f"按 {filing.filed_on} 报出的数据打印（编号 {filing.number}）",
                   f"printed from the figures filed on {filing.filed_on} (number {filing.number})"))
    if not figures.differences:
        click.echo(say("与报出数据的差异：无", "differences from the filed figures: none"))
        return
    click.echo(say("与报出数据的差异：", "differences from the filed figures:"))
    for difference in figures.differences:
        filed = "—" if difference.filed is None else difference.filed
        now = "—" if difference.now is None else difference.now
        click.echo(say(f"  {difference.shown}：报出 {filed}，现统计 {now}", f"  {difference.shown}: filed {filed}, now {now}"))


@main.group("person")
def person_group() -> None:
    """People and accounts: add, list, rename, disable, enable, reset-password, certificate (office); password
    (anyone)."""


@person_group.command("certificate")
@click.argument("login")
@click.argument("number")
@click.pass_context
def person_certificate(ctx: click.Context, login: str, number: str) -> None:
    """Record LOGIN's law-enforcement certificate NUMBER (printed on the notices they issue; "" removes it)."""
    with _desk(ctx) as desk:
        person = desk.certificates.set_certificate(login, number)
    click.echo(say(f"已记录：{person.name} 执法证号 {person.certificate or '（无）'}",
                   f"recorded: {person.name}, certificate {person.certificate or '(none)'}"))


@main.command("verify")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text", default=None, metavar="TEXT", help="The text of a scanned QR code (SD1|...).")
@click.pass_context
def verify_command(ctx: click.Context, file: Path | None, text: str | None) -> None:
    """Check an issued document offline: a PDF's seal, signature and content, or a scanned code's text.

    Exits 0 when the document is genuine and unchanged, 1 when it is not."""
    if (file is None) == (text is None):
        raise click.UsageError("give FILE.pdf or --text, one of them")
    with _desk(ctx) as desk:
        result = desk.seals.check_pdf(file) if file is not None else desk.seals.check_text(text)
    click.echo(result.message)
    if not result.valid:
        ctx.exit(EXIT_FAILED)


def _names(desk) -> tuple[dict, dict]:
    """The districts and enterprises this device sees, by id: what the lists print beside the ids."""
    districts, enterprises = {}, {}
    for summary in desk.enterprises.districts():
        districts[summary.district.id] = summary.district
        enterprises.update({e.id: e for e in desk.enterprises.enterprises_of(summary.district.id)})
    return districts, enterprises


def _place(record, districts: dict, enterprises: dict) -> dict:
    """The enterprise and district of a listed record, by USCC, code and name (None where not visible here)."""
    enterprise, district = enterprises.get(record.enterprise_id), districts.get(record.district_id)
    return {"enterprise_uscc": enterprise.uscc if enterprise else None,
            "enterprise_name": enterprise.name if enterprise else None,
            "district_code": district.code if district else None, "district_name": district.name if district else None}


def _echo_listing(rows: list[dict], as_json: bool, columns: list[str], what: str) -> None:
    """Rows as a JSON array (stable keys, README) or as tab-separated lines, and how many on stderr."""
    import json

    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo("\t".join(str(row[column] if row[column] is not None else "") for column in columns))
    click.echo(f"{len(rows)} {what}", err=True)


_LIST_FILTERS = [
    click.option("--enterprise", "uscc", default=None, metavar="USCC", help="Only this enterprise (its USCC)."),
    click.option("--district", "district_code", default=None, metavar="CODE", help="Only this district (its code)."),
    click.option("--from", "day_from", default=None, type=click.DateTime(["%Y-%m-%d"]), help="From this day on."),
    click.option("--to", "day_to", default=None, type=click.DateTime(["%Y-%m-%d"]), help="Up to this day."),
    click.option("--json", "as_json", is_flag=True, help="A JSON array with the keys the README lists."),
]


def _list_filters(command):
    for option in reversed(_LIST_FILTERS):
        command = option(command)
    return command


def _scope_arguments(desk, uscc, district_code, day_from, day_to) -> dict:
    flt = desk.ledger.filter_for(district_code=district_code, uscc=uscc)
    if day_from and day_to and day_from > day_to:
        raise BadInput(say(f"--from {day_from:%Y-%m-%d} 晚于 --to {day_to:%Y-%m-%d}",
                           f"--from {day_from:%Y-%m-%d} is after --to {day_to:%Y-%m-%d}: the period ends before it starts"))
    return {"enterprise_id": flt.enterprise_id, "district_id": flt.district_id,
            "day_from": day_from.date() if day_from else None, "day_to": day_to.date() if day_to else None}


@main.group("inspection")
def inspection_group() -> None:
    """Inspections: find the ids `report inspection` takes."""


@inspection_group.command("list")
@_list_filters
@click.pass_context
def inspection_list(ctx: click.Context, uscc, district_code, day_from, day_to, as_json: bool) -> None:
    """Inspections this device sees (drafts too), newest first: id, started, enterprise, district, kind, status."""
    from safety_desk.domain.china_time import beijing_minute
    from safety_desk.services.inspections import KIND_NAMES

    with _desk(ctx) as desk:
        found = desk.inspections.listed(**_scope_arguments(desk, uscc, district_code, day_from, day_to))
        districts, enterprises = _names(desk)
    rows = [{"id": inspection.id, "started_at": beijing_minute(inspection.started_at),
             "finished_at": beijing_minute(inspection.finished_at) or None, **_place(inspection, districts, enterprises),
             "kind": inspection.kind, "kind_name": KIND_NAMES.get(inspection.kind, inspection.kind),
             "checklist_id": inspection.checklist_id, "status": inspection.status,
             "status_name": say(*_STATUS_WORDS.get(inspection.status, (inspection.status,) * 2))}
            for inspection in found]
    if not as_json:  # the JSON keeps its documented Chinese kind_name; a person reads the kind in their language
        rows = [{**row, "kind_name": inspection_kind(row["kind"])} for row in rows]
    _echo_listing(rows, as_json, ["id", "started_at", "enterprise_name", "district_name", "kind_name", "status_name"],
                  say("次检查", "inspections"))


# Stored status codes as a person reads them in a listing (the JSON keeps the code as well): (Chinese, English).
_STATUS_WORDS = {"draft": ("草稿", "draft"), "submitted": ("已提交", "submitted"),
                 "planned": ("计划中", "planned"), "held": ("已举行", "held")}


@main.group("drill")
def drill_group() -> None:
    """Drills: find the ids `report drill` takes."""


@drill_group.command("list")
@_list_filters
@click.pass_context
def drill_list(ctx: click.Context, uscc, district_code, day_from, day_to, as_json: bool) -> None:
    """Drills this device sees, planned and held, by their day: id, day, enterprise, district, name, status."""
    with _desk(ctx) as desk:
        found = desk.drills.listed(**_scope_arguments(desk, uscc, district_code, day_from, day_to))
        districts, enterprises = _names(desk)
    rows = [{"id": drill.id, "day": drill.held_on, "status": drill.status,
             "status_name": say(*_STATUS_WORDS.get(drill.status, (drill.status,) * 2)), "name": drill.name,
             **_place(drill, districts, enterprises), "plan_type": drill.plan_type, "form": drill.form}
            for drill in found]
    _echo_listing(rows, as_json, ["id", "day", "enterprise_name", "district_name", "name", "status_name"],
                  say("次演练", "drills"))


@main.group("export")
def export_group() -> None:
    """Spreadsheets out (the hazard ledger)."""


@export_group.command("ledger")
@_output(".xlsx")
@click.option("--district", "district_code", default=None, metavar="CODE", help="Only this district (its code).")
@click.option("--enterprise", "uscc", default=None, metavar="USCC", help="Only this enterprise (its USCC).")
@click.option("--grade", type=_VocabularyChoice(["一般", "重大"]), default=None,
              help="Only hazards of this grade.")
@click.option("--status", type=_VocabularyChoice(["待整改", "整改中", "待复查", "已销号"]),
              default=None, help="Only hazards in this status.")
@click.option("--overdue", is_flag=True, help="Only hazards past their deadline and still being rectified.")
@click.option("--as-of", "as_of", default=None, type=click.DateTime(["%Y-%m-%d"]),
              help="The ledger as it stood at the end of that day: hazards registered by then, with their status"
                   " and deadline then, overdue judged on it (default: today).")
@click.pass_context
def export_ledger(ctx: click.Context, output: Path, district_code: str | None, uscc: str | None, grade: str | None,
                  status: str | None, overdue: bool, as_of) -> None:
    """The hazard ledger as an Excel workbook, newest found first."""

    started = time.perf_counter()
    with _desk(ctx) as desk:
        if as_of is not None:
            desk = desk.at(as_of.date())  # the ledger as it stood at the end of that day
        flt = desk.ledger.filter_for(district_code=district_code, uscc=uscc, grade=grade, status=status,
                                     overdue=overdue)
        progress = _Progress(say("导出", "exporting"))
        try:
            with _writing(output):
                count = desk.spreadsheets.export_ledger(flt, output, progress=progress)
        finally:
            progress.close()
    seconds = time.perf_counter() - started
    click.echo(say(f"已导出：{output}（{count} 条隐患，{seconds:.1f} 秒）", f"written: {output} ({count} hazards, {seconds:.1f} s)"))


@main.group("import")
def import_group() -> None:
    """Spreadsheets in: enterprises, hazard ledgers and people (all or nothing; --dry-run checks only)."""


def _run_import(ctx: click.Context, kind: str, file: Path, dry_run: bool, **options) -> None:

    started = time.perf_counter()
    with _desk(ctx) as desk:  # a failed backup before writing, a full disk...: exit 1, nothing was imported
        service = desk.spreadsheets
        progress = _Progress(say("检查", "checking"))
        try:
            run = {"enterprises": service.import_enterprises, "ledger": service.import_ledger,
                   "people": service.import_people}[kind]
            result = run(file, dry_run=dry_run, progress=progress, **options)
        finally:
            progress.close()
    seconds = time.perf_counter() - started
    click.echo(result.describe() + say(f"；{seconds:.1f} 秒", f"; {seconds:.1f} s"))
    if dry_run:
        click.echo(say("试运行，未写入", "dry run: nothing was written"))
    if result.one_time_passwords:
        click.echo(say("一次性密码（只显示这一次，请交给本人；首次登录时须修改）：",
                       "one-time passwords (shown this once: hand each to its person; changed at the first sign-in):"))
        for login, password in result.one_time_passwords:
            click.echo(f"{login}\t{password}")


def _new_districts_option(command):
    return click.option("--new-districts", is_flag=True,
                        help="Create the districts the file names that do not exist.")(command)


def _unknown_industry_option(command):
    return click.option("--unknown-industry", metavar="INDUSTRY", callback=_parse_unknown_industry,
                        help="Import industries the GB/T 4754 table does not know as this supervision industry "
                             "(its Chinese name, as in the template).")(command)


def _parse_unknown_industry(_ctx: click.Context, _param: click.Parameter, value: str | None):
    from safety_desk.domain.industry import parse_industry

    if value is None:
        return None
    try:
        return parse_industry(value)
    except ValueError as exc:
        raise BadInput(f"--unknown-industry: {exc}") from None


@import_group.command("enterprises")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check every row and say what would change; write nothing.")
@_new_districts_option
@_unknown_industry_option
@click.pass_context
def import_enterprises(ctx: click.Context, file: Path, dry_run: bool, new_districts: bool, unknown_industry) -> None:
    """Enterprises from an .xlsx or .csv list (an existing USCC is updated, not duplicated).

    Industries may be GB/T 4754-2017 letters, codes or (Chinese) names, such as E or 47, or the usual short forms;
    districts by code or name.
    """
    _run_import(ctx, "enterprises", file, dry_run, new_districts=new_districts, unknown_industry=unknown_industry)


@import_group.command("ledger")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check every row and say what would be added; write nothing.")
@_new_districts_option
@_unknown_industry_option
@click.pass_context
def import_ledger(ctx: click.Context, file: Path, dry_run: bool, new_districts: bool, unknown_industry) -> None:
    """Hazards from an enterprise's or office's Excel (.xlsx) or .csv ledger.

    Its enterprises must exist, or be listed on an enterprise sheet of the same workbook (name, USCC, district and
    industry columns as for `import enterprises`): at the office both sheets are imported together, all or nothing.
    """
    _run_import(ctx, "ledger", file, dry_run, new_districts=new_districts, unknown_industry=unknown_industry)


@import_group.command("people")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Check every row and say how many people would be added; write nothing.")
@click.pass_context
def import_people(ctx: click.Context, file: Path, dry_run: bool) -> None:
    """People: login, name, role, districts (code or name), enterprise, first password (all or nothing). Rows without a password get a one-time password, printed once."""
    _run_import(ctx, "people", file, dry_run)


@import_group.command("template")
@click.argument("kind", type=click.Choice(["enterprises", "ledger", "people"]))
@_output(".xlsx")
def import_template(kind: str, output: Path) -> None:
    """An empty .xlsx to fill in for `import enterprises`, `import ledger` or `import people`."""
    from safety_desk.services.imports import SpreadsheetService

    try:
        SpreadsheetService.write_template(kind, output)
    except OSError as exc:
        raise Failed(say(f"{output}: 无法写入（{_write_reason(exc)}）", f"{output}: cannot write: {exc.strerror or exc}")) from None
    click.echo(say(f"已生成：{output}", f"written: {output}"))


@main.group("district")
def district_group() -> None:
    """Districts: add, list, rename, leader, inspectors, retire (office only)."""


@district_group.command("add")
@click.argument("code")
@click.argument("name")
@click.option("--leader", "leader", default=None, metavar="LOGIN", help="The login of the district's leader.")
@click.pass_context
def district_add(ctx: click.Context, code: str, name: str, leader: str | None) -> None:
    """Add a district CODE NAME."""
    with _desk(ctx) as desk:
        district = desk.organisation.add_district(code, name, leader)
    click.echo(say(f"已新建片区 {district.code} {district.name}", f"added the district {district.code} {district.name}"))


@district_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="A JSON array with the keys the README lists.")
@click.pass_context
def district_list(ctx: click.Context, as_json: bool) -> None:
    """Districts: code, name, leader, inspectors, enterprises."""
    with _desk(ctx) as desk:
        rows = [{"code": r.district.code, "name": r.district.name,
                 "leader_login": r.leader.login if r.leader else None,
                 "leader_name": r.leader.name if r.leader else None,
                 "inspectors": [p.login for p in r.inspectors], "enterprises": r.enterprises}
                for r in desk.organisation.districts()]
    if not as_json:
        rows = [{**row, "inspectors": say("、", ", ").join(row["inspectors"])} for row in rows]
    _echo_listing(rows, as_json, ["code", "name", "leader_login", "leader_name", "inspectors", "enterprises"],
                  say("个片区", "districts"))


@district_group.command("rename")
@click.argument("code")
@click.argument("name")
@click.pass_context
def district_rename(ctx: click.Context, code: str, name: str) -> None:
    """Rename a district: CODE NAME."""
    with _desk(ctx) as desk:
        district = desk.organisation.rename_district(code, name)
    click.echo(say(f"片区 {district.code} 已改名为 {district.name}", f"district {district.code} renamed {district.name}"))


@district_group.command("leader")
@click.argument("code")
@click.argument("login", required=False)
@click.pass_context
def district_leader(ctx: click.Context, code: str, login: str | None) -> None:
    """Set the district's leader: CODE LOGIN; without LOGIN, none."""
    with _desk(ctx) as desk:
        desk.organisation.set_leader(code, login)
    click.echo(say(f"片区 {code.upper()} 的包片领导：{login or '无'}", f"leader of district {code.upper()}: {login or 'none'}"))


@district_group.command("inspectors")
@click.argument("code")
@click.argument("logins", nargs=-1)
@click.pass_context
def district_inspectors(ctx: click.Context, code: str, logins: tuple[str, ...]) -> None:
    """The district's inspectors become exactly LOGIN..."""
    with _desk(ctx) as desk:
        row = desk.organisation.set_inspectors(code, logins)
    click.echo(say(f"片区 {row.district.code} 的检查员：{'、'.join(p.login for p in row.inspectors) or '无'}",
                   f"inspectors of district {row.district.code}: {', '.join(p.login for p in row.inspectors) or 'none'}"))


@district_group.command("retire")
@click.argument("code")
@click.pass_context
def district_retire(ctx: click.Context, code: str) -> None:
    """Retire a district: move its enterprises out first."""
    with _desk(ctx) as desk:
        district = desk.organisation.retire_district(code)
    click.echo(say(f"已撤销片区 {district.code} {district.name}", f"retired the district {district.code} {district.name}"))


def _password_file(path: Path | None) -> str | None:
    """The first line of the file (a password never typed on a command line, where the shell history keeps it)."""
    if path is None:
        return None
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise BadInput(say(f"{path}: 无法读取密码文件（{reason}）", f"{path}: cannot read the password file ({reason})")) from None
    return lines[0] if lines else ""


_PASSWORD_FILE = click.option("--password-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                              help="The password on the file's first line; without it a one-time password is made and "
                                   "printed once.")


def _echo_new_password(made) -> None:
    if made.one_time:
        click.echo(say(f"一次性密码（只显示这一次，请交给本人）：{made.one_time}",
                       f"one-time password (shown this once: hand it to its person): {made.one_time}"))
    click.echo(say("首次登录时须修改密码", "the password must be changed at the first sign-in"))


@person_group.command("add")
@click.option("--login", required=True, help="The login.")
@click.option("--name", required=True, help="The name.")
@click.option("--role", required=True, type=click.Choice(["office", "leader", "inspector", "enterprise"]),
              help="The role: office, leader, inspector or enterprise (an enterprise's safety officer).")
@click.option("--district", "districts", multiple=True, metavar="CODE",
              help="A district, repeatable; inspectors need one.")
@click.option("--enterprise", "uscc", default=None, metavar="USCC",
              help="The enterprise of an enterprise officer (its USCC).")
@_PASSWORD_FILE
@click.pass_context
def person_add(ctx: click.Context, login: str, name: str, role: str, districts: tuple[str, ...],
               uscc: str | None, password_file: Path | None) -> None:
    """Add a person with their account."""
    password = _password_file(password_file)
    with _desk(ctx) as desk:
        made = desk.organisation.add_person(login, name, role, districts, uscc, password)
    click.echo(say(f"已新建人员 {made.person.login} {made.person.name}", f"added {made.person.login} {made.person.name}"))
    _echo_new_password(made)


@person_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="A JSON array with the keys the README lists.")
@click.pass_context
def person_list(ctx: click.Context, as_json: bool) -> None:
    """People: login, name, role, districts, enterprise, state."""
    with _desk(ctx) as desk:
        rows = [{"login": r.person.login, "name": r.person.name, "role": r.person.role,
                 "districts": list(r.district_codes), "enterprise_uscc": r.enterprise_uscc or None,
                 "enterprise_name": r.enterprise_name or None, "active": r.person.active,
                 "must_change_password": r.person.must_change_password} for r in desk.organisation.people()]
    if not as_json:
        from safety_desk.services.session import ROLE_NAMES  # a person's role as the office calls it

        rows = [{**row, "role": say(ROLE_NAMES.get(row["role"], row["role"]), row["role"]),
                 "districts": say("、", ", ").join(row["districts"]), "active": say("正常", "active") if row["active"] else say("已停用", "disabled")}
                for row in rows]
    _echo_listing(rows, as_json, ["login", "name", "role", "districts", "enterprise_name", "active"],
                  say("人", "people"))


@person_group.command("disable")
@click.argument("login")
@click.pass_context
def person_disable(ctx: click.Context, login: str) -> None:
    """Disable an account: no sign-in anywhere after the next sync; its records stay."""
    with _desk(ctx) as desk:
        desk.organisation.disable(login)
    click.echo(say(f"已停用 {login}；各设备同步后生效", f"disabled {login}; on every device after its next sync"))


@person_group.command("rename")
@click.argument("login")
@click.argument("name")
@click.pass_context
def person_rename(ctx: click.Context, login: str, name: str) -> None:
    """Correct a person's full name; documents already issued keep the name they were issued with."""
    with _desk(ctx) as desk:
        person = desk.organisation.rename_person(login, name)
    click.echo(say(f"{login} 的姓名现为 {person.name}；各设备同步后生效",
                   f"{login} is now named {person.name}; on every device after its next sync"))


@person_group.command("enable")
@click.argument("login")
@click.pass_context
def person_enable(ctx: click.Context, login: str) -> None:
    """Enable a disabled account again."""
    with _desk(ctx) as desk:
        desk.organisation.enable(login)
    click.echo(say(f"已启用 {login}", f"enabled {login}"))


@person_group.command("reset-password")
@click.argument("login")
@_PASSWORD_FILE
@click.pass_context
def person_reset_password(ctx: click.Context, login: str, password_file: Path | None) -> None:
    """Reset a password: a one-time password or the file's, to be changed at the next sign-in."""
    password = _password_file(password_file)
    with _desk(ctx) as desk:
        made = desk.organisation.reset_password(login, password)
    click.echo(say(f"已重设 {made.person.login} 的密码", f"reset the password of {made.person.login}"))
    _echo_new_password(made)


@person_group.command("password")
@click.argument("login")
@click.pass_context
def person_password(ctx: click.Context, login: str) -> None:
    """Change your own password; asks for the current one first."""
    current = click.prompt(say("当前密码", "current password"), hide_input=True)
    new = click.prompt(say("新密码", "new password"), hide_input=True,
                       confirmation_prompt=say("再输入一次新密码", "the new password again"))
    with _desk(ctx) as desk:
        desk.organisation.change_password(login, current, new)
    click.echo(say("密码已修改", "password changed"))


@main.group("checklist")
def checklist_group() -> None:
    """Checklist templates."""


@checklist_group.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def checklist_validate(paths: tuple[Path, ...]) -> None:
    """Validate checklist files (default: the shipped library); exit 2 on any error."""
    from safety_desk.services.checklist_library import library_paths, validate_paths

    targets = list(paths) or library_paths()
    checklists, errors = validate_paths(targets)
    for checklist in checklists:
        items = sum(1 for _ in checklist.items())
        click.echo(say(f"正常  {checklist.id}@{checklist.version} {checklist.title}（{items} 项）",
                       f"ok  {checklist.id}@{checklist.version} {checklist.title} ({items} items)"))
    for error in errors:
        click.echo(str(error), err=True)
    if errors:
        raise BadInput(say(f"检查表文件中有 {len(errors)} 个错误", f"{len(errors)} error(s) in checklist files"))


@main.group("device")
def device_group() -> None:
    """Devices: enrol (office), join (a new installation), people, districts, revoke, list."""


@device_group.command("enroll")
@click.option("--role", required=True, type=click.Choice(["inspector", "leader", "enterprise", "hub"]),
              help="The device's role.")
@click.option("--district", "districts", multiple=True, metavar="CODE", help="A district of the device (repeatable).")
@click.option("--enterprise", "uscc", default=None, metavar="USCC", help="The enterprise of an enterprise device.")
@click.option("--name", required=True, help="A name for the device (unique).")
@click.option("--person", "people", multiple=True, metavar="LOGIN",
              help="Who signs in on the device (repeatable; default: the inspectors and leaders of its districts, or "
                   "the enterprise's own people). Only they have their password hash on it.")
@_output(".sdenroll", help_text="The enrolment file to write (FILE.sdenroll).")
@click.pass_context
def device_enroll(ctx: click.Context, role: str, districts: tuple[str, ...], uscc: str | None, name: str,
                  people: tuple[str, ...], output: Path) -> None:
    """Enrol a device (office only): writes its signed enrolment file with the starter data of its scope."""
    with _desk(ctx) as desk:
        progress = _Progress(say("写入登记文件", "writing enrolment"))
        try:
            with _writing(output):
                result = desk.devices.enroll(role, name, output, district_codes=districts, uscc=uscc,
                                             people=people, report=progress)
        finally:
            progress.close()
    click.echo(say(f"已登记设备：{result.device.name}（{_role_zh(result.device.role)}）{result.device.id}",
                   f"enrolled {result.device.name} ({result.device.role}) {result.device.id}"))
    click.echo(say(f"登记文件：{result.path}（{result.changes} 项修改，{result.photos} 张照片）",
                   f"enrolment file: {result.path} ({result.changes} changes, {result.photos} photos)"))
    for block in result.notice_blocks:
        click.echo(say(f"通知书编号段：{block}", f"notice numbers {block}"))
    if result.signers:
        click.echo(say(f"可在此设备登录的人员：{'、'.join(result.signers)}",
                       f"people who may sign in on this device: {', '.join(result.signers)}"))
    elif role != "hub":  # a hub is a relay: nobody signs in on it
        click.echo(say("此设备目前没有可登录的人员：请用 `device people` 指定，或为其片区添加检查员",
                       "no one may sign in on this device yet: name them with `device people`, or add inspectors "
                       "to its districts"), err=True)
    click.echo(say("请妥善交付此文件：它只能使用一次", "hand the file over safely: it can be used once"))
    _show_passphrase(result.passphrase)


@device_group.command("join")
@click.argument("enrol_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--user", "login", default=None, metavar="LOGIN",
              help="Encrypt the new database at once for this account, who signs in on the device (password: "
                   "SAFETY_DESK_PASSWORD, or typed); without it the database stays unencrypted until the first "
                   "sign-in in the window.")
@click.pass_context
def device_join(ctx: click.Context, enrol_file: Path, login: str | None) -> None:
    """Make this fresh installation the device an enrolment file describes (with its own new key). The file's
    passphrase: SAFETY_DESK_ENROL_PASSPHRASE, or typed."""
    from safety_desk.services.devices import AlreadyJoined, join
    from safety_desk.services.errors import StoreError

    path = _db_path(ctx)
    passphrase = _enrol_passphrase(enrol_file) if enrol_file.exists() else None
    password = _password_for(login) if login else None
    progress = _Progress(say("导入初始数据", "importing starter data"))
    try:
        result = join(path, enrol_file, report=progress, passphrase=passphrase, user=login, password=password)
    except (AlreadyJoined, ValueError) as exc:  # a database here already; a damaged or foreign enrolment file
        raise BadInput(str(exc)) from None
    except StoreError as exc:  # another program is creating the database here, a full disk
        raise Failed(str(exc)) from None
    finally:
        progress.close()
    click.echo(say(f"本机已成为设备：{result.name}（{_role_zh(result.role)}）{result.device_id}",
                   f"this installation is now {result.name} ({result.role}) {result.device_id}"))
    click.echo(say(f"初始数据：{result.changes} 项修改，{result.photos} 张照片",
                   f"starter data: {result.changes} changes, {result.photos} photos"))
    if result.encrypted is not None:
        click.echo(result.encrypted.describe())
    else:
        click.echo(say("数据库尚未加密：在窗口中第一次登录时自动加密（或用 `device join --user 登录名` 加入即加密）",
                       "the database is not encrypted yet: it is encrypted at the first sign-in in the window (or "
                       "join with `device join --user LOGIN` to encrypt it at once)"))


@device_group.command("people")
@click.argument("device")
@click.option("--person", "people", multiple=True, metavar="LOGIN", help="Who signs in on the device (repeatable).")
@click.option("--default", "default", is_flag=True, help="Back to the default list of the device's scope.")
@click.pass_context
def device_people(ctx: click.Context, device: str, people: tuple[str, ...], default: bool) -> None:
    """Show or change who signs in on a device (office only); the change reaches it with its next sync."""
    if people and default:
        raise BadInput(say("--person 与 --default 只能选一个", "--person or --default, not both"))
    with _desk(ctx) as desk:
        if people or default:
            listed = desk.devices.set_people(device, None if default else people)
        else:
            listed = desk.devices.sign_in_list(desk.devices.find(device))
    kind = (say("指定名单", "listed") if listed.listed
            else say("默认名单（其片区的检查员和包片领导，或本企业人员）",
                     "the default list (its districts' inspectors and leaders, or the enterprise's people)"))
    click.echo(say(f"{listed.device.name}：{kind}：{'、'.join(listed.logins) or '（无人）'}",
                   f"{listed.device.name}: {kind}: {', '.join(listed.logins) or '(nobody)'}"))


@device_group.command("districts")
@click.argument("device")
@click.option("--district", "districts", multiple=True, required=True, metavar="CODE",
              help="The device's districts from now on (repeatable).")
@click.pass_context
def device_districts(ctx: click.Context, device: str, districts: tuple[str, ...]) -> None:
    """Change the districts of an inspector's or leader's device (office only): at its next sync it receives the
    new districts' records and removes those of the districts it lost."""
    with _desk(ctx) as desk:
        changed = desk.devices.set_districts(device, districts)
        scope = desk.devices.scope_text(changed)
    click.echo(say(f"{changed.name} 的片区：{scope}", f"districts of {changed.name}: {scope}"))


@device_group.command("revoke")
@click.argument("device")
@click.pass_context
def device_revoke(ctx: click.Context, device: str) -> None:
    """Revoke a device (by name or id): its bundles are refused; the revocation travels in bundles."""
    with _desk(ctx) as desk:
        gap = desk.devices.unreturned_writes(device)
        revoked = desk.devices.revoke(device)
    click.echo(say(f"已停用：{revoked.name} {revoked.id}（{revoked.revoked_at}）",
                   f"revoked {revoked.name} {revoked.id} ({revoked.revoked_at})"))
    if gap:  # also kept as a conflict for the Sync page and `sync conflicts --all`
        click.echo(say(f"注意：{gap}", f"warning: {gap}"))


def _role_zh(role: str) -> str:
    """A device's role as the Chinese messages name it (检查员, not `inspector`)."""
    from safety_desk.services.devices import ROLE_NAMES

    return {**ROLE_NAMES, "hub": "集线器"}.get(role, role)


@device_group.command("list")
@click.pass_context
def device_list(ctx: click.Context) -> None:
    """Every device: name, role, scope, enrolled, revoked, whether its key arrived."""
    with _desk(ctx) as desk:
        for info in desk.devices.list():
            state = (say("已停用", "revoked") if info.revoked_at else say("正常", "active") if info.key_known
                     else say("待首次同步", "awaiting first bundle"))
            here = " *" if info.this_device else ""
            role = say(_role_zh(info.role), info.role)
            click.echo("\t".join([info.id, info.name + here, role, info.scope_text, info.enrolled_at[:16], state]))


@main.group("sync")
def sync_group() -> None:
    """Sync by bundle files, a sync folder or the network hub."""


@sync_group.command("export")
@click.option("--to", "to", required=True, type=click.Path(path_type=Path),
              help="A folder (the bundle is named <sender>-<n>.sdsync) or a FILE.sdsync.")
@click.option("--for", "for_device", default=None, metavar="DEVICE", help="The receiving device (name or id).")
@click.pass_context
def sync_export(ctx: click.Context, to: Path, for_device: str | None) -> None:
    """Write a bundle with everything the receiving device's scope allows that it has not acknowledged."""
    if to.suffix != ".sdsync" and not to.is_dir():
        raise BadInput(say(f"--to {to}: 文件夹不存在", f"--to {to}: no such folder; or give a FILE.sdsync"))
    with _desk(ctx) as desk:
        progress = _Progress(say("导出", "exporting"))
        try:
            result = desk.sync.export(to, for_device, report=progress)
        except OSError as exc:
            raise Failed(say(f"{to}: 无法写入（{_write_reason(exc)}）", f"{to}: cannot write: {exc.strerror or exc}")) from None
        finally:
            progress.close()
        recipient = next((f"{peer.name} ({peer.device_id})" for peer in desk.sync.peers()
                          if peer.device_id == result.recipient), result.recipient)
    click.echo(say(f"已导出 {result.path}，发给 {recipient}：{result.changes} 项修改，{result.photos} 张照片",
                   f"written {result.path} for {recipient}: {result.changes} changes, {result.photos} photos"))


@sync_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def sync_import(ctx: click.Context, file: Path) -> None:
    """Apply one bundle: checked completely first, a backup taken, then all or nothing."""
    with _desk(ctx) as desk:
        progress = _Progress(say("导入", "importing"))
        try:
            result = desk.sync.import_bundle(file, report=progress)
        finally:
            progress.close()
    _echo_import(result)


def _echo_import(result) -> None:
    click.echo(result.describe())
    for refused in result.refused:
        click.echo(say(f"  拒收：{refused}", f"  refused: {refused}"), err=True)
    for warning in result.warnings:
        click.echo(say(f"  注意：{warning}", f"  warning: {warning}"), err=True)


@sync_group.command("folder")
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.pass_context
def sync_folder(ctx: click.Context, path: Path | None) -> None:
    """One pass through a sync folder (default: the sync_folder setting): import, then export to every peer."""
    with _desk(ctx) as desk:
        folder = desk.sync.folder(path)
        reason = _cannot_write_in(folder)
        if reason is not None:  # refused before importing: a bundle taken in must be removed from the folder
            raise Failed(say(f"同步文件夹 {folder} 无法写入（{reason}），未导入也未导出",
                              f"sync folder {folder} cannot be written ({reason}): nothing imported or exported"))
        progress = _Progress(say("同步", "syncing"))
        try:
            result = desk.sync.sync_folder(folder, report=progress)
        finally:
            progress.close()
    for imported in result.imported:
        _echo_import(imported)
    for exported in result.exported:
        click.echo(say(f"已导出 {exported.path.name}：{exported.changes} 项修改，{exported.photos} 张照片",
                       f"written {exported.path.name}: {exported.changes} changes, {exported.photos} photos"))
    for rejected in result.rejected:
        click.echo(say(f"拒收：{rejected}", f"rejected: {rejected}"), err=True)
    counts = len(result.imported), len(result.exported), len(result.rejected)
    click.echo(say("同步文件夹 {}：导入 {}，导出 {}，拒收 {}", "sync folder {}: imported {}, written {}, rejected {}")
               .format(result.folder, *counts))
    if result.rejected:
        raise Failed(say(f"{len(result.rejected)} 个同步包被拒收",
                         f"{len(result.rejected)} bundle(s) were refused; see above"))


@sync_group.command("hub")
@click.argument("url", required=False)
@click.option("--ca-file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="The CA certificate of the hub's TLS certificate (when it is self-signed).")
@click.pass_context
def sync_hub(ctx: click.Context, url: str | None, ca_file: Path | None) -> None:
    """Sync with the hub once: upload the bundles it lacks, download and import those for this device, acknowledge."""
    from safety_desk.services.hub_sync import HubRefusal, HubUnreachable

    with _desk(ctx) as desk:
        if ca_file is not None:
            desk.hub.verify = str(ca_file)
        progress = _Progress(say("同步", "syncing"))
        try:
            result = desk.hub.exchange(url, report=progress)
        except (HubUnreachable, HubRefusal) as exc:
            raise Failed(str(exc)) from None
        finally:
            progress.close()
    for imported in result.imported:
        _echo_import(imported)
    for rejected in result.rejected + result.refused_uploads:
        click.echo(say(f"拒收：{rejected}", f"rejected: {rejected}"), err=True)
    refused = len(result.rejected) + len(result.refused_uploads)
    click.echo(say(f"集线器 {result.url}：下载 {result.downloaded}，导入 {len(result.imported)}，上传 {result.uploaded}"
                   f"（已在集线器 {result.already_there}），拒收 {refused}",
                   f"hub {result.url}: downloaded {result.downloaded}, imported {len(result.imported)}, uploaded "
                   f"{result.uploaded} ({result.already_there} there already), rejected {refused}"))
    if result.feed_problem:
        click.echo(result.feed_problem, err=True)
    for note in result.preview_notes + ([result.preview_problem] if result.preview_problem else []):
        click.echo(note, err=True)
    if result.previews:
        click.echo(say(f"{result.previews} 条企业上报待安全办确认（safety-desk sync previews 查看）",
                       f"{result.previews} enterprise uploads awaiting the office's confirmation "
                       "(see safety-desk sync previews)"))
    if refused:
        raise Failed(say(f"{refused} 个同步包被拒收，见上", f"{refused} bundle(s) were refused; see above"))
    if result.feed_problem:
        raise Failed(say("集线器未收下安全办的数据，见上", "the hub did not take the office's rows; see above"))


@sync_group.command("status")
@click.pass_context
def sync_status(ctx: click.Context) -> None:
    """Peers with their last exchange and changes waiting, the sync folder, open conflicts."""
    with _desk(ctx) as desk:
        service = desk.sync
        for peer in service.peers():
            state = (say("已停用", "revoked") if peer.revoked else "" if peer.key_known
                     else say("待首次同步", "awaiting first bundle"))
            click.echo("\t".join([peer.device_id, peer.name, say(_role_zh(peer.role), peer.role),
                                  say("导出 ", "exported ") + (peer.last_export_at or "-"),
                                  say("导入 ", "imported ") + (peer.last_import_at or "-"),
                                  say("待发 ", "waiting ") + str(peer.waiting), state]))
        folder = service.folder_status()
        if folder.configured:
            reach = say("可用", "reachable") if folder.reachable else say("无法访问", "not reachable")
            click.echo(say(f"同步文件夹 {folder.path}：{reach}，待导入 {folder.incoming}",
                           f"sync folder {folder.path}: {reach}, incoming {folder.incoming}"))
        from safety_desk.services.hub_sync import leftover

        hub_waiting = len(leftover(desk.hub.mirror()))
        last = desk.hub.last_synced_at()
        if desk.settings.hub_url or hub_waiting or last:
            # `sync hub URL` does not save the address (the Settings do): say so rather than "not set" after a sync.
            url = desk.settings.hub_url or say("（地址未保存在设置中）", "(address not saved in Settings)")
            click.echo(say(f"集线器 {url}：上次同步 {last or '无'}，待上传 {hub_waiting} 个同步包",
                           f"hub {url}: last synced {last or 'never'}, {hub_waiting} bundles waiting to go up"))
        previews = desk.hub_previews.count()
        if previews:
            click.echo(say(f"待安全办确认的企业上报：{previews}（safety-desk sync previews 查看）",
                           f"enterprise uploads awaiting the office's confirmation: {previews} (see safety-desk sync "
                           "previews)"))
        open_count = service.log.open_conflict_count()
        click.echo(say(f"未处理的冲突：{open_count}", f"open conflicts: {open_count}"))
        warning = service.clock_warning()
        if warning:
            click.echo(say(f"警告：{warning}", f"warning: {warning}"))


@sync_group.command("previews")
@click.option("--json", "as_json", is_flag=True, help="Print them as JSON (stable keys) for scripts.")
@click.pass_context
def sync_previews(ctx: click.Context, as_json: bool) -> None:
    """Enterprises' uploads the hub showed this device that the office has not yet confirmed (not in the records)."""
    import json

    with _desk(ctx) as desk:
        pending = desk.hub_previews.pending()
    if as_json:
        click.echo(json.dumps({"previews": [item.as_json() for item in pending]}, ensure_ascii=False, indent=2))
        return
    if not pending:
        click.echo(say("没有待安全办确认的企业上报", "no enterprise uploads awaiting the office's confirmation"))
        return
    for item in pending:
        photos = say(f"，照片 {len(item.photos)} 张", f", {len(item.photos)} photos") if item.photos else ""
        click.echo(say(f"【待安全办确认】{item.enterprise_name}  上报于 {item.taken_at}{photos}",
                       f"[awaiting the office's confirmation] {item.enterprise_name}, sent {item.taken_at}{photos}"))
        for line in item.lines:
            click.echo(f"  - {line}")


@sync_group.command("conflicts")
@click.option("--all", "include_resolved", is_flag=True, help="Resolved ones too.")
@click.pass_context
def sync_conflicts(ctx: click.Context, include_resolved: bool) -> None:
    """What merges did not keep: the field, both values, who and when."""
    with _desk(ctx) as desk:
        for c in desk.sync.conflicts(include_resolved):
            click.echo("\t".join([c.id, c.kind, f"{c.table}.{c.field}", c.row_id, say("保留=", "kept=") + repr(c.kept_value),
                                  f"{c.kept_by} {c.kept_at or ''}", say("另一值=", "other=") + repr(c.other_value),
                                  f"{c.other_by} {c.other_at or ''}", c.note]))


@main.group("hub")
def hub_group() -> None:
    """The network sync hub (PostgreSQL): set up and run."""


def _hub_parts():
    """The hub's pieces; the packaged desktop leaves them out (build.spec): the hub is installed on a server."""
    try:
        from safety_desk.hub.pg_store import HubStoreError
        from safety_desk.hub.server import init_hub, serve
    except ImportError as exc:
        raise Failed(say(f"本安装不含集线器（缺少 {exc.name}）：请在服务器上按 README“网络同步集线器”一节用 pip 安装",
                         f"this installation has no hub ({exc.name} is missing): install it with pip on the server as "
                         "the README's hub section says")) from None
    return HubStoreError, init_hub, serve


@hub_group.command("init")
@click.option("--database", "database_url", required=True, metavar="URL",
              help="The PostgreSQL address, e.g. postgresql://safetydesk@localhost/safetydesk.")
@click.option("--enrolment", default=None, type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="The enrolment file the office made with `device enroll --role hub` (the first time only; an "
                   "upgrade needs none).")
def hub_init(database_url: str, enrolment: Path | None) -> None:
    """Create or upgrade the hub's database schema and take the identity the enrolment file gives (its passphrase:
    SAFETY_DESK_ENROL_PASSPHRASE, or typed)."""
    HubStoreError, init_hub, _ = _hub_parts()

    passphrase = _enrol_passphrase(enrolment) if enrolment is not None else None
    try:
        result = init_hub(database_url, enrolment, passphrase=passphrase)
    except HubStoreError as exc:
        raise Failed(str(exc)) from None
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    done = say("、", ", ").join(str(n) for n in result.migrations) or say("无", "none")
    click.echo(say(f"集线器 {result.name}（{result.hub_id}）属于 {result.office_name}；已执行的迁移：{done}；"
                   + (f"已登记，设备 {result.devices} 台" if result.adopted else "身份不变"),
                   f"hub {result.name} ({result.hub_id}) of {result.office_name}; migrations run: {done}; "
                   + (f"enrolled, {result.devices} device(s)" if result.adopted else "identity unchanged")))


@hub_group.command("serve")
@click.option("--database", "database_url", required=True, metavar="URL", help="The PostgreSQL address.")
@click.option("--listen", default="127.0.0.1:8443", show_default=True, metavar="HOST:PORT", help="The address and port to listen on.")
@click.option("--tls-cert", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="The TLS certificate (PEM).")
@click.option("--tls-key", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="The TLS private key (PEM).")
@click.option("--max-body-mb", type=click.IntRange(1, 8192), default=256, show_default=True,
              help="The largest request body (MB).")
@click.option("--metrics-token-file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="A file holding the token for /metrics (header Authorization: Bearer TOKEN); without it /metrics is off.")
def hub_serve(database_url: str, listen: str, tls_cert: Path | None, tls_key: Path | None, max_body_mb: int,
              metrics_token_file: Path | None) -> None:
    """Run the hub (uvicorn) until stopped."""
    HubStoreError, _, serve = _hub_parts()

    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit():
        raise BadInput(say(f"--listen {listen}：应为 HOST:PORT", f"--listen {listen}: expected HOST:PORT"))
    if (tls_cert is None) != (tls_key is None):
        raise BadInput(say("--tls-cert 和 --tls-key 须同时给出", "--tls-cert and --tls-key go together"))
    metrics_token = None
    if metrics_token_file is not None:
        metrics_token = metrics_token_file.read_text(encoding="utf-8").strip()
        # A short token could be guessed by anyone who reaches the port, which is what it keeps out.
        # (An HTTP header holds ASCII only.)
        if len(metrics_token) < 16 or not all("!" <= c <= "~" for c in metrics_token):
            raise BadInput(say(f"{metrics_token_file}：令牌应为一行，至少 16 个 ASCII 字符，不含空白",
                               f"{metrics_token_file}: the token should be one line of at least 16 ASCII characters, "
                               f"without spaces"))
    try:
        serve(database_url, host.strip("[]"), int(port), tls_cert=tls_cert, tls_key=tls_key,
              max_body=max_body_mb * 1024 * 1024, metrics_token=metrics_token)
    except HubStoreError as exc:
        raise Failed(str(exc)) from None


cli_help.name_paths(main)
cli_help.install_click_words()  # after the decorators: click words they fix for good (--version's help) stay English


if __name__ == "__main__":  # pragma: no cover
    main()
