"""The command's help in Chinese, keyed by command path and option; and click's own words in Chinese."""

from __future__ import annotations

# The English help in cli.py's decorators is the source; every command needs an entry here (a test walks them).
_OUT = {"--create-dirs": "输出文件所在的文件夹不存在时新建它。"}
_PDF = {**_OUT, "--output": "写入的 PDF 文件（FILE.pdf）。"}
_FILE = "报出：把数字按已报出保存（每个期间和范围一次）；以后的打印重印报出的数字。"
_LEDGER = {
    "--district": "只看这个片区（片区代码）。",
    "--enterprise": "只看这家企业（统一社会信用代码 USCC）。",
    "--grade": "只看这个等级的隐患。",
    "--status": "只看这个状态的隐患。",
    "--overdue": "只看已过整改期限、仍在整改的隐患。",
    "--as-of": "台账在那一天结束时的样子：当时已登记的隐患、当时的状态和期限，按那一天判断逾期（默认：今天）。",
}
_LIST = {
    "--enterprise": "只看这家企业（统一社会信用代码 USCC）。",
    "--district": "只看这个片区（片区代码）。",
    "--from": "从这一天起。",
    "--to": "到这一天为止。",
    "--json": "输出 JSON 数组，键见 README。",
}
_IMPORT = {
    "--new-districts": "新建文件中出现但尚不存在的片区。",
    "--unknown-industry": "国民经济行业分类中找不到的行业按此监管行业导入，如 其他。",
}
_PASSWORD_FILE = {"--password-file": "密码在此文件的第一行；不给则生成一次性密码并显示一次。"}
_STATISTICS = {
    "--district": "一个片区（默认：全市）。",
    "--enterprise": "一家企业自己的报表（统一社会信用代码 USCC）。",
    **_OUT, "--output": "写入的 PDF 文件（FILE.pdf）。",
    "--json": "以 JSON 输出数字，不生成 PDF。",
    "--file": _FILE,
}

COMMANDS: dict[str, tuple[str, dict[str, str]]] = {
    "": ("SafetyDesk 安全检查工作台：安全生产检查、隐患和应急演练，离线使用。不带命令时打开窗口。", {
        "--db": "数据库文件（默认：本用户的数据文件夹）。",
        "--lang": "界面语言（默认：保存的设置，否则 zh_CN）。",
        "--demo": "打开演示数据库，不存在时先生成。",
        "--self-test": "在临时数据库上检查本机安装（窗口、照片、PDF、电子表格）后退出。",
        "--user": "以此账号解锁加密的数据库（密码：环境变量 SAFETY_DESK_PASSWORD，或在终端输入）。",
        "--recovery-key": "用 init 打印的恢复密钥解锁加密的数据库。",
    }),
    "init": ("新建数据库：本设备的身份、安全办和检查表库。", {
        "--office": "安全办名称。",
        "--device-name": "本设备名称（默认：计算机名）。",
        "--admin": "第一个账号的登录名（角色：安全办）。",
        "--admin-name": "第一个账号的姓名。",
        "--password": "第一个账号的密码（或环境变量 SAFETY_DESK_PASSWORD）。",
    }),
    "encrypt": ("就地加密未加密的数据库（先备份）：为 --user 建立密钥槽，并生成新的恢复密钥。", {}),
    "demo": ("生成逼真、可重复的演示数据库（在 --db 处，或演示数据库的位置）。", {
        "--enterprises": "企业数量。",
        "--weeks": "生成多少周的数据。",
        "--seed": "随机数种子：同一种子生成同样的数据。",
        "--as-of": "演示数据的“今天”（默认：今天）。",
        "--larger-incident": "包含一起较大事故（供测试用）。",
    }),
    "doctor": ("检查数据库：完整性、结构、审计链、隐患状态、照片文件。", {
        "--repair": "台账的文本索引与其表不一致时重建（在 VACUUM 或恢复之后）。",
    }),
    "backup": ("用 SQLite 的备份接口备份数据库（程序运行时也安全）。", {
        **_OUT, "--output": "备份写到这里（默认：数据库备份文件夹中的一份手动备份）。",
    }),
    "restore": ("用备份文件 FILE 替换数据库（先检查；被替换的数据库保留在备份文件夹中）。\n\n"
                "请先关闭程序。旧版本的备份在下次打开时升级。", {}),
    "ledger": ("列出隐患（隐患台账），最新发现的在前；脚本用 --json。", {
        **_LEDGER,
        "--json": "输出 JSON 数组，每个隐患一个对象；等级和状态为存储的值（即 --grade、--status 所用的中文），与 --lang 无关。",
    }),
    "report": ("正式文书，生成 PDF：检查记录、整改通知书、演练记录、周报、季度和年度统计。", {}),
    "report inspection": ("一次检查的安全生产检查记录。", _PDF),
    "report notice": ("安全隐患整改通知书（按编号或文书号），与下发时完全一致。", {
        **_PDF, "--reprint": "即使在下发当天也标为补打（之后的打印总是补打）。",
    }),
    "report drill": ("一次已举行演练的应急演练记录。", _PDF),
    "report reinspection": ("隐患最近一次复查的整改复查意见书（隐患编号见 ledger --json）。", _PDF),
    "report hazard": ("一个隐患的安全隐患整改记录：整改前后的照片并排。", _PDF),
    "report weekly": ("一个 ISO 周或一段时间的安全生产周报，全市或一个片区（-o FILE.pdf 或 --json）。", {
        "--week": "一个 ISO 周（默认：本周）。",
        "--from": "或一段时间：第一天。",
        "--to": "或一段时间：最后一天。",
        "--district": "一个片区（默认：全市）。",
        **_PDF, "--json": "以 JSON 输出数字，不生成 PDF。",
        "--file": "报出本周周报：按报出时的内容保存（每周每个范围一次）；以后打印即为报出的原件。",
    }),
    "report quarterly": ("季度隐患排查治理统计分析表（16号令第十四条）：全市、一个片区，或一家企业自己的报表。", {
        "--quarter": "季度，如 2026Q4。", **_STATISTICS,
    }),
    "report annual": ("年度隐患排查治理统计分析表（16号令第十四条，1月31日前报出）：全市、一个片区，或一家企业自己的报表。", {
        "--year": "年份，如 2026。", **_STATISTICS,
    }),
    "person": ("人员和账号：新建、列表、停用、启用、重设密码、执法证（安全办）；修改自己的密码（所有人）。", {}),
    "person certificate": ("记录 LOGIN 的执法证号 NUMBER（印在其下发的通知书上；给 \"\" 则删除）。", {}),
    "person add": ("新建人员和账号。", {
        "--login": "登录名。",
        "--name": "姓名。",
        "--role": "角色：安全办 office、包片领导 leader、检查员 inspector、企业安全员 enterprise。",
        "--district": "负责的片区，可重复；检查员必填。",
        "--enterprise": "企业安全员所属企业（统一社会信用代码 USCC）。",
        **_PASSWORD_FILE,
    }),
    "person list": ("人员列表：登录名、姓名、角色、片区、企业、状态。", {"--json": "输出 JSON 数组，键见 README。"}),
    "person disable": ("停用账号：同步后在所有设备上都不能登录，记录保留。", {}),
    "person rename": ("更正人员姓名：登录名、角色和记录不变，已下发的文书仍按下发时的姓名重印。", {}),
    "person enable": ("重新启用停用的账号。", {}),
    "person reset-password": ("重设密码：一次性密码或文件中的密码，下次登录时须修改。", _PASSWORD_FILE),
    "person password": ("修改自己的密码：先输入当前密码。", {}),
    "verify": ("离线核验下发的文书：PDF 的印章、签名和内容，或扫描到的二维码文字。\n\n"
               "文书真实且未被改动时退出码为 0，否则为 1。", {
                   "--text": "扫描到的二维码文字（SD1|...）。",
               }),
    "inspection": ("检查：查找 report inspection 所需的编号。", {}),
    "inspection list": ("本设备可见的检查（含草稿），最新的在前：编号、开始时间、企业、片区、类型、状态。", _LIST),
    "drill": ("应急演练：查找 report drill 所需的编号。", {}),
    "drill list": ("本设备可见的演练，计划的和已举行的，按日期：编号、日期、企业、片区、名称、状态。", _LIST),
    "export": ("导出电子表格（台账导出）。", {}),
    "export ledger": ("把隐患台账导出为 Excel 工作簿，最新发现的在前。", {
        **_OUT, "--output": "写入的 Excel 文件（FILE.xlsx）。", **_LEDGER,
    }),
    "import": ("导入电子表格：企业、隐患台账和人员名单（全部导入或全部不导入；--dry-run 只检查）。", {}),
    "import enterprises": ("从 .xlsx 名单导入企业（已有的统一社会信用代码更新，不重复）。\n\n"
                           "行业可用 GB/T 4754-2017 国民经济行业分类的门类字母、代码或名称（E、47、建筑业），"
                           "或简称（城投、水务、燃气）；片区用代码或名称。", {
                               "--dry-run": "检查每一行，说明将改动什么，不写入。", **_IMPORT,
                           }),
    "import ledger": ("从企业或安全办的 Excel 隐患台账导入隐患。\n\n"
                      "其中的企业须已存在，或列在同一工作簿的企业工作表中（企业名称、统一社会信用代码、片区、行业，"
                      "同 import enterprises）：在安全办两张表一起导入，全部导入或全部不导入。", {
                          "--dry-run": "检查每一行，说明将新增什么，不写入。", **_IMPORT,
                      }),
    "import people": ("导入人员名单：登录名、姓名、角色、片区（代码或名称）、企业、初始密码（全部导入或全部不导入）。"
                      "没有密码的行生成一次性密码，只显示一次。", {
                          "--dry-run": "检查每一行，说明将新增多少人，不写入。",
                      }),
    "import template": ("一个空白 .xlsx，填好后用于 import enterprises、import ledger 或 import people。", {
        **_OUT, "--output": "写入的 Excel 文件（FILE.xlsx）。",
    }),
    "district": ("片区：新建、列表、改名、包片领导、检查员、撤销（仅安全办）。", {}),
    "district add": ("新建片区 CODE NAME。", {"--leader": "包片领导的登录名。"}),
    "district list": ("片区列表：代码、名称、包片领导、检查员、企业数。", {"--json": "输出 JSON 数组，键见 README。"}),
    "district rename": ("改片区名称 CODE NAME。", {}),
    "district leader": ("设包片领导 CODE LOGIN；不给 LOGIN 则取消。", {}),
    "district inspectors": ("片区的检查员改为所列的人 LOGIN...。", {}),
    "district retire": ("撤销片区：片区内须已没有企业。", {}),
    "checklist": ("检查表模板。", {}),
    "checklist validate": ("校验检查表文件（默认：随程序提供的检查表库）；有任何错误时退出码为 2。", {}),
    "device": ("设备：登记（安全办）、加入（新安装）、停用、列表。", {}),
    "device enroll": ("登记一台设备（仅安全办）：写出签名的登记文件，附带其范围内的初始数据。", {
        "--role": "设备的角色：检查员 inspector、包片领导 leader、企业 enterprise、网络同步集线器 hub。",
        "--district": "设备的片区（可重复）。",
        "--enterprise": "企业设备所属的企业（统一社会信用代码 USCC）。",
        "--name": "设备名称（不可重复）。",
        "--person": "在该设备上登录的人（可重复；默认：其片区的检查员和包片领导，或企业自己的人员）。"
                    "只有他们的密码散列存放在设备上。",
        **_OUT, "--output": "写入的登记文件（FILE.sdenroll）。",
    }),
    "device join": ("把这个新安装变成登记文件所描述的设备（生成自己的新密钥）。登记口令：环境变量 "
                    "SAFETY_DESK_ENROL_PASSPHRASE，或在终端输入。", {
        "--user": "加入后立即为此账号加密新数据库（此人须在本设备的登录名单上；密码：SAFETY_DESK_PASSWORD，或在终端输入）；"
                  "不用此项时，数据库在窗口中第一次登录前保持未加密。",
    }),
    "device people": ("查看或修改在设备上登录的人（仅安全办）；修改随下次同步到达该设备。", {
        "--person": "在该设备上登录的人（可重复）。",
        "--default": "恢复为设备范围的默认名单。",
    }),
    "device districts": ("修改检查员或包片领导设备的片区（仅安全办）：下次同步时它收到新片区的记录，"
                         "并删除不再负责的片区的记录。", {
                             "--district": "设备今后的片区（可重复）。",
                         }),
    "device revoke": ("停用一台设备（按名称或编号）：拒收它的同步包；停用随同步包传递。", {}),
    "device list": ("所有设备：名称、角色、范围、登记时间、停用时间、密钥是否已到。", {}),
    "hub": ("网络同步集线器（PostgreSQL）：初始化与运行。", {}),
    "hub init": ("建立或升级集线器的数据库结构，并取得登记文件所给的身份（登记口令：环境变量 "
                 "SAFETY_DESK_ENROL_PASSPHRASE，或在终端输入）。", {
        "--database": "PostgreSQL 连接地址，如 postgresql://safetydesk@localhost/safetydesk。",
        "--enrolment": "安全办用 device enroll --role hub 生成的登记文件（仅第一次初始化需要；升级时不用）。",
    }),
    "hub serve": ("运行集线器（uvicorn），直到被停止。", {
        "--database": "PostgreSQL 连接地址。",
        "--listen": "监听地址和端口。",
        "--tls-cert": "TLS 证书（PEM）。",
        "--tls-key": "TLS 私钥（PEM）。",
        "--max-body-mb": "单个请求体的上限（MB）。",
        "--metrics-token-file": "一个文件，内含监控系统读取运行指标所用的令牌；不给出时不提供运行指标。",
    }),
    "sync": ("用同步包文件、同步文件夹或网络同步集线器同步。", {}),
    "sync export": ("写出同步包：接收设备范围内、它尚未确认收到的全部修改。", {
        "--to": "一个文件夹（同步包命名为 <发送方>-<序号>.sdsync）或一个 FILE.sdsync 文件。",
        "--for": "接收设备（名称或编号）。",
    }),
    "sync import": ("导入一个同步包：先完整检查，再备份，然后全部导入或全部不导入。", {}),
    "sync folder": ("处理一遍同步文件夹（默认：设置中的同步文件夹）：先导入，再向每台对端设备导出。", {}),
    "sync status": ("对端设备及其最近一次交换和待发修改、同步文件夹、未处理的冲突。", {}),
    "sync hub": ("与集线器同步一次：上传集线器尚未收到的同步包，下载并导入发给本机的同步包，再确认。", {
        "--ca-file": "集线器的 TLS 证书所用的 CA 证书（自签名证书时）。",
    }),
    "sync previews": ("集线器显示给本机、安全办尚未确认的企业上报（不属于台账记录）。", {
        "--json": "以 JSON（键名固定）输出，供脚本使用。",
    }),
    "sync conflicts": ("合并时未保留的内容：字段、两个值、由谁、何时。", {"--all": "也列出已处理的冲突。"}),
}


# click's own words (click marks them with gettext), in Chinese; a word not listed stays as click wrote it. Its type
# names ("file", "path") are left out: click reads them once, at import, whatever the language later chosen.
CLICK = {
    "Usage:": "用法:",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看帮助。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    "No such option {name!r}.": "没有选项 {name!r}。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不带值。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "Aborted!": "已中止。",
    "Repeat for confirmation": "再输入一次确认",
    "Error: The two entered values do not match.": "错误：两次输入不一致。",
    "Error: invalid input": "错误：输入无效",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数字。",
    "{name} {filename!r} does not exist.": "{filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{filename!r} 是文件，不是文件夹。",
    "{name} {filename!r} is a directory.": "{filename!r} 是文件夹，不是文件。",
    "{name} {filename!r} is not readable.": "{filename!r} 不可读。",
    "{name} {filename!r} is not writable.": "{filename!r} 不可写。",
    # Placeholders in the usage line, English words read as part of it.
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
    "[COMMAND] [ARGS]...": "[命令] [参数]...",
}

# click's words that differ by count (ngettext), by the English singular: the one and the many.
CLICK_PLURAL = {
    "Got unexpected extra argument ({args})": ("多余的参数（{args}）", "多余的参数（{args}）"),
    "Did you mean {possibility}?": ("是否想用 {possibility}？", "（是否想用其中之一：{possibilities}？）"),
    "{value!r} is not {choice}.": ("{value!r} 不是 {choice}。", "{value!r} 不是 {choices} 之一。"),
    "Option {name!r} requires an argument.": ("选项 {name!r} 需要一个值。", "选项 {name!r} 需要 {nargs} 个值。"),
    "{value!r} does not match the format {format}.": ("{value!r} 不符合格式 {format}。",
                                                      "{value!r} 不符合格式 {formats}。"),
    "Takes {nargs} values but 1 was given.": ("需要 {nargs} 个值，但只给了 1 个。", "需要 {nargs} 个值，但给了 {len} 个。"),
}
