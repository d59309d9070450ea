"""Importing people from Excel (人员名单): each row checked as the office's person form checks it, all or nothing."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Callable

from safety_desk.domain.backup_rotation import IMPORT
from safety_desk.domain.language import say
from safety_desk.reports.sheet_reader import Column, cell_text, read_table
from safety_desk.services.backups import take_backup
from safety_desk.services.imports import ImportRefused, ImportResult, _Collector
from safety_desk.services.organisation import OrganisationProblem, OrganisationService
from safety_desk.services.encryption import set_password_slots
from safety_desk.services.passwords import one_time_password
from safety_desk.services.session import Action, Session

PEOPLE_COLUMNS = [
    Column("login", "登录名", ("账号", "用户名", "登录账号"), required=True),
    Column("name", "姓名", ("名字", "人员姓名"), required=True),
    Column("role", "角色", ("岗位", "人员类别", "身份"), required=True),
    Column("districts", "片区", ("负责片区", "所属片区", "片区代码", "片区名称", "分管片区", "包片片区", "区县",
                                 "所属区县", "负责区县", "辖区", "负责辖区")),
    Column("uscc", "统一社会信用代码", ("所属企业统一社会信用代码", "企业信用代码", "信用代码")),
    Column("password", "初始密码", ("密码",)),
]
PEOPLE_NOTES = {
    "login": "登录时输入的名字，不能重复", "name": "",
    "role": "安全办、包片领导、检查员 或 企业安全员",
    "districts": "片区代码或名称，多个用顿号分隔；检查员必填，包片领导可填（成为该片区的包片领导）",
    "uscc": "企业安全员所属企业的统一社会信用代码（企业须已导入）",
    "password": "可不填：不填时导入后显示一次性密码；填写时至少8位且不同于登录名；首次登录时都须修改",
}
# Role words found in real staff lists -> the app's roles.
_ROLE_WORDS = {
    "安全办": "office", "安全办公室": "office", "安全生产监督办公室": "office", "office": "office",
    "包片领导": "leader", "领导": "leader", "片区领导": "leader", "leader": "leader",
    "检查员": "inspector", "安全检查员": "inspector", "inspector": "inspector",
    "企业安全员": "enterprise", "企业": "enterprise", "企业安全管理人员": "enterprise", "enterprise": "enterprise",
}
# The service names the field first ("片区：…"): the column of the sheet it is about.
_FIELD_COLUMNS = {"登录名": "login", "姓名": "name", "角色": "role", "片区": "districts", "企业": "uscc",
                  "密码": "password"}
_SEPARATORS = re.compile(r"[、,，;；/\s]+")


def import_people(session: Session, path: Path, *, dry_run: bool = False,
                  progress: Callable[[int, int], None] | None = None, max_rows: int) -> ImportResult:
    """Create every person of the sheet, or none: ImportRefused naming each bad row and column."""
    session.require(Action.MANAGE_PEOPLE)
    organisation = OrganisationService(session)
    table = read_table(path, PEOPLE_COLUMNS, max_rows=max_rows)
    result = ImportResult("people", path.name, rows=len(table.rows), dry_run=dry_run, problems=list(table.problems))
    seen: dict[str, int] = {}
    checked = []
    for index, row in enumerate(table.rows):
        problem = _Collector(table, row, result.problems)
        values = {key: cell_text(value) for key, value in row.values.items()}
        login = values.get("login", "")
        if login.casefold() in seen:
            problem.add("login", say(f"与第{seen[login.casefold()]}行重复", f"the same login as row {seen[login.casefold()]}"))
            continue
        seen.setdefault(login.casefold(), row.number)
        role_text = unicodedata.normalize("NFKC", values.get("role", "")).strip()
        role = _ROLE_WORDS.get(role_text, _ROLE_WORDS.get(role_text.lower()))
        if role is None:
            problem.add("role", say(f"角色 {role_text!r} 未知，应为 安全办、包片领导、检查员 或 企业安全员",
                                    f"unknown role {role_text!r}: use one of the template's roles, 安全办, 包片领导, 检查员, 企业安全员"))
            continue
        districts = [d for d in _SEPARATORS.split(values.get("districts", "")) if d]
        password = values.get("password") or None
        try:
            person, district_list = organisation.check_person(login, values.get("name", ""), role, districts,
                                                              values.get("uscc") or None, password)
        except OrganisationProblem as exc:
            problem.add(_FIELD_COLUMNS.get(exc.field, "login"), exc.reason or str(exc))
            continue
        checked.append((person, district_list, password))
        if progress is not None and index % 100 == 0:
            progress(index, len(table.rows))
    result.added = len(checked)
    if result.problems:
        raise ImportRefused(result)
    if not dry_run and checked:
        entries = []
        for person, district_list, password in checked:
            if password is None:
                password = one_time_password()
                result.one_time_passwords.append((person.login, password))
            entries.append((person, district_list, password))
        take_backup(session.store, IMPORT)
        with session.store.transaction():
            organisation.add_checked(entries, {login for login, _ in result.one_time_passwords})
        # An encrypted database: each a key slot, once committed.
        set_password_slots(session.store.path, [(person.login, password) for person, _d, password in entries],
                           one_time={login for login, _ in result.one_time_passwords})
        result.written = True
    return result
