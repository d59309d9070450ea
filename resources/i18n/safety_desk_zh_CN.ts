<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/activities.py" line="23"/>
        <source>Drills &amp; activities</source>
        <translation>演练活动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activities.py" line="31"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activities.py" line="32"/>
        <source>Training</source>
        <translation>宣教培训</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activities.py" line="33"/>
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activities.py" line="34"/>
        <source>Campaigns</source>
        <translation>专项行动</translation>
    </message>
</context>
<context>
    <name>BackupsPanel</name>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="253"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="264"/>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="264"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="264"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="274"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="277"/>
        <source>Restore the selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="280"/>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="301"/>
        <source>Backups of this database are made and restored by the safety office.</source>
        <translation>本数据库的备份由安全办负责制作和恢复。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="314"/>
        <source>Daily (automatic at start)</source>
        <translation>每日（启动时自动）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="314"/>
        <source>By hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="315"/>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="315"/>
        <source>Before a program upgrade</source>
        <translation>程序升级前</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="316"/>
        <source>Replaced by a restore</source>
        <translation>恢复前被替换的数据库</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="320"/>
        <source>Kept beside the database in %1: the newest backup of each of the last 7 days and 4 weeks, and the last 3 before imports, upgrades and restores.</source>
        <translation>保存在数据库旁的 %1：保留最近 7 天和 4 周中每天、每周最新的一份，以及导入、升级和恢复前的最近 3 份。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="335"/>
        <source>No backups yet.</source>
        <translation>尚无备份。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="357"/>
        <source>Not done</source>
        <translation>操作未完成</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="361"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="369"/>
        <source>Backed up: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="379"/>
        <source>Restore from a file</source>
        <translation>从文件恢复</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="380"/>
        <source>SafetyDesk database (*.db);;All files (*)</source>
        <translation>SafetyDesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="386"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="387"/>
        <source>Replace the database by the backup of %1?

The current database is kept as a backup first. SafetyDesk then closes; start it again to work on the restored data.</source>
        <translation>用 %1 的备份替换当前数据库？

当前数据库会先保存为备份。恢复后安全检查工作台将关闭，请重新启动以使用恢复的数据。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="393"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="399"/>
        <source>Restored.</source>
        <translation>已恢复。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="401"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="402"/>
        <source>The backup was restored; the replaced database was kept as %1.

SafetyDesk will now close. Start it again to work on the restored data.</source>
        <translation>备份已恢复，被替换的数据库已保存为 %1。

安全检查工作台即将关闭，请重新启动以使用恢复的数据。</translation>
    </message>
</context>
<context>
    <name>CampaignEditorDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="61"/>
        <source>New campaign</source>
        <translation>新建专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="61"/>
        <source>Edit campaign</source>
        <translation>编辑专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="82"/>
        <source>Class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="96"/>
        <source>Name</source>
        <translation>行动名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="97"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="98"/>
        <source>Period</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="99"/>
        <source>Aim</source>
        <translation>工作目标</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="100"/>
        <source>Checklists</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="102"/>
        <source>Target enterprises: those matching every ticked filter, plus the ones listed; nothing ticked or listed means every enterprise</source>
        <translation>目标企业：符合全部勾选条件的企业，加上下方列出的企业；未勾选任何条件且未列出企业时，为全部企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="105"/>
        <source>Districts</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="106"/>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="107"/>
        <source>Risk classes</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="115"/>
        <source>And these enterprises</source>
        <translation>另加以下企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="118"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/campaign_editor.py" line="118"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CampaignModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="197"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="197"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="197"/>
        <source>Period</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="197"/>
        <source>Targets</source>
        <translation>目标企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="198"/>
        <source>Inspected</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="198"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="198"/>
        <source>Hazards found (general/major)</source>
        <translation>发现隐患（一般/重大）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="199"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="191"/>
        <source>New campaign…</source>
        <translation>新建专项行动…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="192"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="199"/>
        <source>Campaigns: progress is the share of target enterprises inspected in the period</source>
        <translation>专项行动：进度为行动期内已检查的目标企业所占比例</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="231"/>
        <source> and %1 more</source>
        <translation>等，另有%1家</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="235"/>
        <source>Hazards found: %1 (general %2, major %3), %4 closed</source>
        <translation>发现隐患 %1 条（一般 %2 条，重大 %3 条），已销号 %4 条</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="239"/>
        <source>Not yet inspected: %1</source>
        <translation>尚未检查：%1</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="21"/>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="47"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="23"/>
        <source>Your password was set by the safety office. Choose your own password before you continue.</source>
        <translation>您的密码是安全办设置的。请先设置您自己的密码再继续。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="24"/>
        <source>Choose a new password.</source>
        <translation>请设置新密码。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="26"/>
        <source>At least %1 characters, and not your login.</source>
        <translation>至少%1位，且不能与登录名相同。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="42"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="43"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="44"/>
        <source>New password again</source>
        <translation>再输入一次新密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/change_password.py" line="61"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="128"/>
        <source>Table · field</source>
        <translation>数据表 · 字段</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="128"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="128"/>
        <source>Kept value</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="128"/>
        <source>Kept: who, when</source>
        <translation>保留：谁、何时</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="129"/>
        <source>Other value</source>
        <translation>另一方的值</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="129"/>
        <source>Other: who, when</source>
        <translation>另一方：谁、何时</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="129"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="131"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="131"/>
        <source>Hazard event</source>
        <translation>隐患处理记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="131"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="132"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="132"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="132"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="133"/>
        <source>District member</source>
        <translation>片区人员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="133"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="134"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="134"/>
        <source>Training</source>
        <translation>宣教培训</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="134"/>
        <source>Incident</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="135"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="135"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="135"/>
        <source>Answer</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="136"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="136"/>
        <source>Photo annotation</source>
        <translation>照片标注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="137"/>
        <source>Office</source>
        <translation>安全办</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="137"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="137"/>
        <source>Notice numbers</source>
        <translation>通知书编号段</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="140"/>
        <source>Edited on two devices</source>
        <translation>两台设备同时修改</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="141"/>
        <source>Refused</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="142"/>
        <source>A device&apos;s clock runs ahead</source>
        <translation>某设备的时钟超前</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="143"/>
        <source>Registered twice</source>
        <translation>重复登记</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="145"/>
        <source>Decided differently on two devices</source>
        <translation>两台设备作出了不同决定</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="151"/>
        <source>whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="167"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="177"/>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="185"/>
        <source>%1 · from %2, found %3</source>
        <translation>%1 · 来自 %2，发现于 %3</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="138"/>
        <source>Show the figures as they stood at the end of this day</source>
        <translation>显示截至该日结束时的数字</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="143"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="147"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="315"/>
        <source>Figures as they stood at the end of %1. The lists they open show the records as they are today.</source>
        <translation>以下为截至 %1 结束时的数字；点击打开的清单显示的是今天的记录。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="120"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="174"/>
        <source>Enterprises overdue for a drill</source>
        <translation>演练逾期企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="175"/>
        <source>Notices awaiting a reply</source>
        <translation>待回复整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="194"/>
        <source>Hazards found and closed per week</source>
        <translation>每周发现与销号隐患数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="196"/>
        <source>Open hazards by district</source>
        <translation>各片区未销号隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="206"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="432"/>
        <source>Open hazards</source>
        <translation>未销号隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="169"/>
        <source>Overdue hazards</source>
        <translation>逾期隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="126"/>
        <source>Start a self-inspection</source>
        <translation>开始自查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="158"/>
        <source>Goal: no liable accident of grade Larger or above</source>
        <translation>目标：不发生较大及以上安全生产责任事故</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="162"/>
        <source>Click to see this year&apos;s incidents</source>
        <translation>点击查看本年度事故</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="167"/>
        <source>Open general hazards</source>
        <translation>未销号一般隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="168"/>
        <source>Open major hazards</source>
        <translation>未销号重大隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="170"/>
        <source>Awaiting re-inspection</source>
        <translation>待复查隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="171"/>
        <source>Due in the next 3 days</source>
        <translation>3天内到期隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="172"/>
        <source>Rectification rate this year</source>
        <translation>本年度整改率</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="173"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="552"/>
        <source>Inspections this week</source>
        <translation>本周检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="206"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="542"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="560"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="206"/>
        <source>Inspected this month</source>
        <translation>本月已检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="207"/>
        <source>Inspected this quarter</source>
        <translation>本季度已检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="208"/>
        <source>Enterprises with an open major hazard</source>
        <translation>存在未销号重大隐患的企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="209"/>
        <source>Enterprises with an overdue hazard</source>
        <translation>存在逾期隐患的企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="210"/>
        <source>Enterprises with an open general hazard</source>
        <translation>存在未销号一般隐患的企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="211"/>
        <source>Enterprises with no open hazard</source>
        <translation>无未销号隐患的企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="217"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="217"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="217"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="218"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="561"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="221"/>
        <source>Double-click a line to open it</source>
        <translation>双击某行即可打开</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="226"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="226"/>
        <source>Period</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="227"/>
        <source>Targets inspected</source>
        <translation>目标企业已检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="227"/>
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="228"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="407"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="236"/>
        <source>No campaign running includes your enterprise.</source>
        <translation>本企业不在进行中的专项行动范围内。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="237"/>
        <source>No campaign running.</source>
        <translation>当前没有进行中的专项行动。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="242"/>
        <source>Districts: coverage and four-colour overview</source>
        <translation>片区检查覆盖与四色概览</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="250"/>
        <source>My work</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="252"/>
        <source>Campaigns running</source>
        <translation>进行中的专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="336"/>
        <source>The figures could not be computed: %1</source>
        <translation>统计数据计算失败：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="343"/>
        <source>%1 · as of %2</source>
        <translation>%1 · 截至 %2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="353"/>
        <source>%1 of %2 hazards found this year are closed</source>
        <translation>本年度发现隐患 %2 条，已销号 %1 条</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="377"/>
        <source>%1 days since the last one</source>
        <translation>距上一起已 %1 天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="378"/>
        <source>none on record</source>
        <translation>无记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="379"/>
        <source>Goal holds: 0 liable accidents of grade Larger or above in %1 (%2)</source>
        <translation>目标保持：%1年较大及以上责任事故 0 起（%2）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="382"/>
        <source>Goal missed: %1 liable accidents of grade Larger or above in %2</source>
        <translation>目标未实现：%2年发生较大及以上责任事故 %1 起</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="407"/>
        <source>Found</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="469"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="469"/>
        <source>Re-inspect</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="469"/>
        <source>Rectify</source>
        <translation>整改</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="470"/>
        <source>Finish inspection</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="502"/>
        <source>Closed, found this year</source>
        <translation>本年度发现且已销号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="510"/>
        <source>Closed %1 – %2</source>
        <translation>%1 至 %2 销号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="510"/>
        <source>Found %1 – %2</source>
        <translation>%1 至 %2 发现</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="519"/>
        <source>Open hazards in %1</source>
        <translation>%1未销号隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="532"/>
        <source>%1: inspections this month</source>
        <translation>%1：本月检查情况</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="533"/>
        <source>%1: inspections this quarter</source>
        <translation>%1：本季度检查情况</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="534"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="591"/>
        <source>not inspected</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="535"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="542"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="553"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="560"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="567"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="593"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="535"/>
        <source>Last inspected</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="539"/>
        <source>%1: enterprises marked %2</source>
        <translation>%1：%2色企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="550"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="550"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="553"/>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="553"/>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="593"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="560"/>
        <source>Drill due</source>
        <translation>演练到期日</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="567"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="567"/>
        <source>Reply due</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="568"/>
        <source>Hazards open</source>
        <translation>未销号隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="592"/>
        <source>%1: targets not yet inspected</source>
        <translation>%1：尚未检查的目标企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="206"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="126"/>
        <source>Start an inspection</source>
        <translation>开始检查</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="211"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="211"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="211"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="211"/>
        <source>Enrolled</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="212"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="212"/>
        <source>Revoked</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="219"/>
        <source> (this device)</source>
        <translation>（本机）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="227"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="227"/>
        <source>Not yet</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="232"/>
        <source>Device id: %1</source>
        <translation>设备编号：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="234"/>
        <source>The device&apos;s key arrives with its first bundle</source>
        <translation>设备的密钥随其第一个同步包到达</translation>
    </message>
</context>
<context>
    <name>DistrictEditor</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="24"/>
        <source>New district</source>
        <translation>新建片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="25"/>
        <source>District %1</source>
        <translation>片区 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="29"/>
        <source>e.g. D01</source>
        <translation>如 D01</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="33"/>
        <source>e.g. 东片区</source>
        <translation>如 东片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="36"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="55"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="57"/>
        <source>Leader</source>
        <translation>包片领导</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="58"/>
        <source>Inspectors</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/district_editor.py" line="60"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>DrillDueModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="30"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="30"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="30"/>
        <source>Drill due</source>
        <translation>应开展演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="30"/>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="31"/>
        <source>Overdue days</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="31"/>
        <source>Last held</source>
        <translation>上次演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="31"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="50"/>
        <source>High-risk: drills at least every 6 months</source>
        <translation>高风险企业：每6个月至少演练一次</translation>
    </message>
</context>
<context>
    <name>DrillEditorDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="118"/>
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="128"/>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="129"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="172"/>
        <source>Duration</source>
        <translation>演练时长</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="54"/>
        <source>Plan a drill</source>
        <translation>计划演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="54"/>
        <source>Record a drill</source>
        <translation>记录演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="78"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="79"/>
        <source>Name</source>
        <translation>演练名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="84"/>
        <source>Plan type · content · form</source>
        <translation>预案类型 · 演练内容 · 演练形式</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="85"/>
        <source>Scenario</source>
        <translation>演练情景</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="86"/>
        <source>Planned for</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="86"/>
        <source>Held on</source>
        <translation>演练日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="87"/>
        <source>Place</source>
        <translation>演练地点</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="88"/>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="89"/>
        <source>Objectives</source>
        <translation>演练目的</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="102"/>
        <source>Plan drill</source>
        <translation>保存计划</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="102"/>
        <source>Save record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="103"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="137"/>
        <source>Reported to the authority on</source>
        <translation>报送主管部门日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="152"/>
        <source>Participants</source>
        <translation>参演人数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="154"/>
        <source>Participating units</source>
        <translation>参演单位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="156"/>
        <source>Evaluation</source>
        <translation>演练评估</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="158"/>
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="160"/>
        <source>Evaluators</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="162"/>
        <source>Plan revisions</source>
        <translation>预案修订</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="176"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="223"/>
        <location filename="../../safety_desk/ui/dialogs/drill_editor.py" line="232"/>
        <source>Choose the enterprise from the list.</source>
        <translation>请从列表中选择企业。</translation>
    </message>
</context>
<context>
    <name>DrillFindingDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="28"/>
        <source>Add finding as hazard</source>
        <translation>将演练发现问题登记为隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="52"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="53"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="54"/>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="55"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="56"/>
        <source>Location</source>
        <translation>隐患部位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="57"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="58"/>
        <source>Register hazard</source>
        <translation>登记隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/drill_finding.py" line="58"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DrillRecordsModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="75"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="75"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="75"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="75"/>
        <source>Name</source>
        <translation>演练名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="76"/>
        <source>Plan type</source>
        <translation>预案类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="76"/>
        <source>Form</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="76"/>
        <source>Participants</source>
        <translation>参演人数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="76"/>
        <source>Findings</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="80"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="80"/>
        <source>Held</source>
        <translation>已开展</translation>
    </message>
</context>
<context>
    <name>DrillsModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="157"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="157"/>
        <source>Plan type</source>
        <translation>预案类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="157"/>
        <source>Form</source>
        <translation>演练形式</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="157"/>
        <source>Name</source>
        <translation>演练名称</translation>
    </message>
</context>
<context>
    <name>DrillsTab</name>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="49"/>
        <source>Plan drill…</source>
        <translation>计划演练…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="51"/>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="135"/>
        <source>Record drill…</source>
        <translation>记录演练…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="53"/>
        <source>Record a held drill; choose a planned one below to record it</source>
        <translation>记录已开展的演练；如需记录已计划的演练，请先在下方列表中选中</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="55"/>
        <source>Add finding as hazard…</source>
        <translation>登记为隐患…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="58"/>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="183"/>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="190"/>
        <source>Cancel plan</source>
        <translation>取消计划</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="63"/>
        <source>Print record…</source>
        <translation>打印演练记录…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="65"/>
        <source>The drill record as PDF, for a held drill</source>
        <translation>已开展演练的演练记录（PDF）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="78"/>
        <source>Drills due in the next %1 days and overdue</source>
        <translation>%1天内到期及已逾期的演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="90"/>
        <source>Planned and held drills</source>
        <translation>已计划和已开展的演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="110"/>
        <source>%1 overdue · %2 due soon</source>
        <translation>逾期 %1 · 即将到期 %2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="117"/>
        <source>%1 planned · %2 held</source>
        <translation>已计划 %1 · 已开展 %2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="134"/>
        <source>Record planned drill…</source>
        <translation>记录已计划演练…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="176"/>
        <source>Drill record</source>
        <translation>演练记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/drills_tab.py" line="183"/>
        <source>Cancel the drill planned for %1: %2?</source>
        <translation>确定取消计划于 %1 开展的演练“%2”吗？</translation>
    </message>
</context>
<context>
    <name>EnrolDeviceDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="28"/>
        <source>Enrol device</source>
        <translation>登记设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="30"/>
        <source>The enrolment file makes a fresh installation this device, with the data of its scope. Hand it over on a USB stick or through a shared folder only its user can open; on the new computer, start SafetyDesk and choose “Join an office: choose the enrolment file”. It works once, like a one-time password: delete other copies afterwards. It is locked with a passphrase shown once when it is written: tell it to the user separately, never with the file.</source>
        <translation>登记文件让一台新安装的电脑成为此设备，并带去其范围内的数据。请用U盘或只有使用人能打开的共享文件夹交付；在新电脑上启动安全检查工作台，选择“加入安全办：选择登记文件”。登记文件只能使用一次，如同一次性密码：使用后请删除其他副本。登记文件用登记口令加密，口令在写出时只显示一次：请另行告知使用人，不要与文件放在一起。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="43"/>
        <source>e.g. Dongcheng inspector laptop</source>
        <translation>例如：东城片区检查员笔记本</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="61"/>
        <source>Where to write the enrolment file (.sdenroll)</source>
        <translation>登记文件（.sdenroll）保存位置</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="64"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="70"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="71"/>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="72"/>
        <source>Districts</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="73"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="74"/>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="127"/>
        <source>Enrolment file</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="82"/>
        <source>Enrol</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="83"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="128"/>
        <source>Enrolment files (*.sdenroll)</source>
        <translation>登记文件 (*.sdenroll)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="141"/>
        <source>Choose the enterprise from the list of matches.</source>
        <translation>请从匹配列表中选择企业。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enrol_device.py" line="145"/>
        <source>%1 exists already: an enrolment never overwrites a file. Choose another name.</source>
        <translation>%1 已存在：登记不会覆盖已有文件。请换一个文件名。</translation>
    </message>
</context>
<context>
    <name>EnterpriseEditor</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="40"/>
        <source>Edit enterprise — %1</source>
        <translation>编辑企业 — %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="47"/>
        <source>18 characters, e.g. 91370200MA3C1234X5</source>
        <translation>18位，例如 91370200MA3C1234X5</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="58"/>
        <source>1 (highest risk)</source>
        <translation>1（风险最高）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="60"/>
        <source>3 (lowest risk)</source>
        <translation>3（风险最低）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="62"/>
        <source>High-risk: drills at least every 6 months</source>
        <translation>高风险企业：每6个月至少演练一次</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="77"/>
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="78"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="79"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="80"/>
        <source>Risk class</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="82"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="83"/>
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="84"/>
        <source>Safety officer</source>
        <translation>安全员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="85"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="89"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="142"/>
        <source>The name is required.</source>
        <translation>请填写企业名称。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="148"/>
        <source>7 to 20 digits; only + - ( ) and spaces may go between them.</source>
        <translation>应为7～20位数字，数字之间只能有 + - ( ) 和空格。</translation>
    </message>
</context>
<context>
    <name>EnterpriseListPicker</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/enterprise_picker.py" line="119"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>EnterprisePicker</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/enterprise_picker.py" line="48"/>
        <source>Name, USCC or pinyin initials, e.g. zgjz</source>
        <translation>企业名称、统一社会信用代码或拼音首字母（如 zgjz）</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="61"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="96"/>
        <source>Import from Excel…</source>
        <translation>从Excel导入…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="98"/>
        <source>Add or update enterprises from an Excel or CSV list</source>
        <translation>从Excel或CSV名录新增或更新企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="106"/>
        <source>New enterprise…</source>
        <translation>新建企业…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="124"/>
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="125"/>
        <source>Excel workbook or CSV list (*.xlsx *.csv)</source>
        <translation>Excel 工作簿或CSV文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="148"/>
        <source>Name, USCC or pinyin initials such as zgjt</source>
        <translation>名称、信用代码或拼音首字母（如 zgjt）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="188"/>
        <source>Choose an enterprise on the left, or search for one, to see its particulars, inspections, open hazards and drills.</source>
        <translation>在左侧选择或搜索企业，查看其基本信息、检查记录、未销号隐患和演练。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="205"/>
        <source>New self-inspection</source>
        <translation>新建自查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="206"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="227"/>
        <source>Double-click an inspection to open it.</source>
        <translation>双击检查记录即可打开。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="231"/>
        <source>Double-click a hazard to open it.</source>
        <translation>双击隐患即可打开。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="241"/>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="242"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="243"/>
        <source>Open hazards</source>
        <translation>未销号隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="244"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="245"/>
        <source>Notices</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="265"/>
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="265"/>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="444"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="265"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="266"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="266"/>
        <source>Risk class</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="267"/>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="446"/>
        <source>High-risk</source>
        <translation>高风险企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="267"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="268"/>
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="268"/>
        <source>Safety officer</source>
        <translation>安全员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="269"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="269"/>
        <source>Tracked since</source>
        <translation>纳入监管日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="278"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="282"/>
        <source>Move to another district…</source>
        <translation>移至其他片区…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="286"/>
        <source>Retire…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="288"/>
        <source>Take it off the list (closed, merged, no longer supervised); its records stay</source>
        <translation>从监管名录中撤销（注销、合并或不再监管）；其记录保留</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="335"/>
        <source>%1 · leader %2</source>
        <translation>%1 · 包片领导：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="345"/>
        <source>District %1
Leader: %2
Inspectors: %3</source>
        <translation>片区：%1
包片领导：%2
检查员：%3</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="358"/>
        <source>Districts: %1 · enterprises: %2</source>
        <translation>片区：%1 · 企业：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="374"/>
        <source>%1
USCC %2 · %3 · risk class %4</source>
        <translation>%1
统一社会信用代码：%2 · %3 · 风险类别：%4</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="410"/>
        <source>No enterprise matches “%1”.</source>
        <translation>没有与“%1”匹配的企业。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="412"/>
        <source>The first %1 matches; type more to narrow them.</source>
        <translation>仅显示前%1条结果，请输入更多内容以缩小范围。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="414"/>
        <source>Matches: %1</source>
        <translation>匹配结果：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="445"/>
        <source>Risk class %1</source>
        <translation>风险类别 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="461"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="461"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="472"/>
        <source>Inspections (%1)</source>
        <translation>检查记录（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="475"/>
        <source>Open hazards (%1, %2 overdue)</source>
        <translation>未销号隐患（%1，逾期%2）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="478"/>
        <source>Open hazards (%1)</source>
        <translation>未销号隐患（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="481"/>
        <source>Drills (%1)</source>
        <translation>演练（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="483"/>
        <source>Notices (%1)</source>
        <translation>整改通知书（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="547"/>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="561"/>
        <source>Retire enterprise</source>
        <translation>撤销企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="548"/>
        <source>Take %1 off the list? It leaves every device&apos;s lists at their next sync; its inspections, hazards and notices stay.</source>
        <translation>从名录中撤销%1？各设备下次同步后不再列出该企业；其检查、隐患和通知书记录保留。</translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="24"/>
        <source>Export bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="26"/>
        <source>The bundle holds everything the recipient may see that it has not acknowledged yet. Carry the file to it and import it there.</source>
        <translation>同步包包含对方有权查看且尚未确认收到的全部修改。请将文件带到对方设备上导入。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="37"/>
        <source>A folder, e.g. on a USB stick</source>
        <translation>文件夹，例如U盘上的</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="39"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="46"/>
        <source>For device</source>
        <translation>发给设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="50"/>
        <source>(no office device known)</source>
        <translation>（未知安全办设备）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="52"/>
        <source>For</source>
        <translation>发给</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="53"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="56"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="57"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sync_export.py" line="73"/>
        <source>Export bundle to folder</source>
        <translation>将同步包导出到文件夹</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="27"/>
        <source>Set up SafetyDesk</source>
        <translation>初始化安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="29"/>
        <source>Welcome. Name your office and create the first account; you will use it to sign in from now on.</source>
        <translation>欢迎使用。请填写单位名称并创建第一个账号，今后将使用该账号登录。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="51"/>
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="52"/>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="53"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="54"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="55"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="56"/>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="58"/>
        <source>Create account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="83"/>
        <source>1. Import the enterprise list</source>
        <translation>1. 导入企业名录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="84"/>
        <source>Enterprises page, Import from Excel: districts by name are created when you tick the box; industries by the national classification (GB/T 4754).</source>
        <translation>企业页面，“从Excel导入”：勾选后按名称新建片区；行业按国民经济行业分类（GB/T 4754）填写即可。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="86"/>
        <source>2. Add people</source>
        <translation>2. 添加人员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="87"/>
        <source>Organisation page: district leaders, inspectors and enterprise safety officers, each with a one-time password.</source>
        <translation>组织机构页面：包片领导、检查员和企业安全员，每人一个一次性密码。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="89"/>
        <source>3. Enrol devices</source>
        <translation>3. 登记设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="90"/>
        <source>Sync page, Devices tab: an enrolment file for each inspector laptop and enterprise computer, handed over on a USB stick or through a shared folder.</source>
        <translation>同步页面，“设备”标签：为每台检查员笔记本和企业电脑生成登记文件，用U盘或共享文件夹交付。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="102"/>
        <source>Later: open the dashboard</source>
        <translation>稍后再说：打开首页</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="115"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="125"/>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="126"/>
        <source>%1 is set up and you are signed in. A new office goes live in three steps; choose one to start there (each is also in the main window).</source>
        <translation>%1已创建，您已登录。新安全办正式启用还需三步；选择一步从那里开始（主窗口中也都能找到）。</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="37"/>
        <source>Welcome to SafetyDesk</source>
        <translation>欢迎使用安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="39"/>
        <source>This computer has no SafetyDesk data yet. Is it the safety office&apos;s own computer, or an inspector&apos;s laptop or an enterprise&apos;s computer the office has enrolled?</source>
        <translation>这台电脑上还没有安全检查工作台的数据。这是安全办自己的电脑，还是安全办已登记的检查员笔记本或企业电脑？</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="43"/>
        <source>Set up a new safety office</source>
        <translation>新建安全办</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="44"/>
        <source>The office&apos;s own computer: name the office and create the first account.</source>
        <translation>安全办自己的电脑：填写安全办名称，创建第一个账号。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="49"/>
        <source>Join an office: choose the enrolment file</source>
        <translation>加入安全办：选择登记文件</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="50"/>
        <source>An inspector&apos;s laptop or an enterprise&apos;s computer: the office gave you a .sdenroll file on a USB stick or in a shared folder.</source>
        <translation>检查员笔记本或企业电脑：安全办已通过U盘或共享文件夹交给您一个 .sdenroll 登记文件。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="63"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="80"/>
        <source>Enrolment file</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="81"/>
        <source>Enrolment files (*.sdenroll)</source>
        <translation>登记文件 (*.sdenroll)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_start.py" line="89"/>
        <source>Joining with %1…</source>
        <translation>正在用%1加入…</translation>
    </message>
</context>
<context>
    <name>HazardDetailDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="157"/>
        <source>Print re-inspection opinion…</source>
        <translation>打印复查意见书…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="159"/>
        <source>The opinion of the last re-inspection of this hazard, as PDF</source>
        <translation>本隐患最近一次复查的整改复查意见书（PDF）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="469"/>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="471"/>
        <source>Re-inspection opinion</source>
        <translation>整改复查意见书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="373"/>
        <source>Sync conflicts on this hazard (review them on the Sync page):</source>
        <translation>此隐患有同步冲突（请在“同步”页查看处理）：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="73"/>
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="91"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="129"/>
        <source>Report rectified…</source>
        <translation>报告整改完成…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="130"/>
        <source>Record progress…</source>
        <translation>记录整改进展…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="131"/>
        <source>Accept (close)…</source>
        <translation>复查合格（销号）…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="132"/>
        <source>Reject…</source>
        <translation>复查不合格…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="133"/>
        <source>Extend deadline…</source>
        <translation>延长期限…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="134"/>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="135"/>
        <source>Treatment plan…</source>
        <translation>治理方案…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="136"/>
        <source>Supervision…</source>
        <translation>挂牌督办…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="152"/>
        <source>Print notice…</source>
        <translation>打印整改通知书…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="154"/>
        <source>The rectification notice this hazard is on, as PDF</source>
        <translation>该隐患所在的整改通知书（PDF）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="224"/>
        <source>Location</source>
        <translation>隐患部位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="225"/>
        <source>Category</source>
        <translation>专业类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="226"/>
        <source>Possible accident</source>
        <translation>可能导致事故</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="227"/>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="228"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="229"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="230"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="231"/>
        <source>Found in</source>
        <translation>发现于</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="232"/>
        <source>Found by</source>
        <translation>发现人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="233"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="192"/>
        <source>Particulars</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="195"/>
        <source>Treatment plan (major hazard)</source>
        <translation>治理方案（重大隐患）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="201"/>
        <source>Listed supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="204"/>
        <source>Level</source>
        <translation>督办级别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="205"/>
        <source>Referred to regulator</source>
        <translation>报送监管部门</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="285"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="285"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="285"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="285"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="286"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="291"/>
        <source>Double-click an event with photos to open them.</source>
        <translation>双击带有照片的记录即可查看照片。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="293"/>
        <source>Timeline</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="310"/>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="484"/>
        <source>Hazard: %1</source>
        <translation>隐患：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="319"/>
        <source>not yet registered</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="323"/>
        <source>found %1</source>
        <translation>发现于 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="237"/>
        <source>Inspection</source>
        <translation>监督检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="162"/>
        <source>Print record…</source>
        <translation>打印隐患整改记录…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="164"/>
        <source>The hazard record with its photos before and after rectification, as PDF</source>
        <translation>隐患整改记录，含整改前后照片（PDF）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="237"/>
        <source>Self-inspection</source>
        <translation>企业自查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="238"/>
        <source>Drill</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="238"/>
        <source>Public report</source>
        <translation>群众举报</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="239"/>
        <source>Enforcement</source>
        <translation>执法检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="239"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="333"/>
        <source>Not filled in</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="337"/>
        <source>%1 level</source>
        <translation>%1级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="337"/>
        <source>Not listed</source>
        <translation>未挂牌</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="344"/>
        <source>Before rectification (%1)</source>
        <translation>整改前（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="345"/>
        <source>After rectification (%1)</source>
        <translation>整改后（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="346"/>
        <source>No photos were taken when it was found.</source>
        <translation>发现时未拍摄照片。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="349"/>
        <source>Latest report %1 by %2</source>
        <translation>最近一次由 %2 于 %1 报告</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="352"/>
        <source>%1 reports, latest first</source>
        <translation>共 %1 次报告，最新的在前</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="355"/>
        <source>Not reported rectified yet.</source>
        <translation>尚未报告整改完成。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="368"/>
        <source>Reported rectified: waiting for the inspector&apos;s re-inspection.</source>
        <translation>已报告整改完成，等待检查员复查。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="389"/>
        <source>Deadline %1</source>
        <translation>整改期限 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="391"/>
        <source>overdue %1 days</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="394"/>
        <source>closed %1</source>
        <translation>销号于 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="403"/>
        <source>new deadline %1</source>
        <translation>新整改期限 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="405"/>
        <source>deadline %1</source>
        <translation>整改期限 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="443"/>
        <source>Not done</source>
        <translation>操作未完成</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="457"/>
        <source>Rectification notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="479"/>
        <source>Hazard record</source>
        <translation>隐患整改记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="492"/>
        <source>Report rectified</source>
        <translation>报告整改完成</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="493"/>
        <source>Describe what was done and add photos taken after rectification. The inspector then re-inspects and accepts or rejects it.</source>
        <translation>请说明整改情况并添加整改后照片。随后由检查员复查，复查合格予以销号，不合格退回整改。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="501"/>
        <source>Record progress</source>
        <translation>记录整改进展</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="501"/>
        <source>Record a step of the rectification.</source>
        <translation>记录整改过程中的一项进展。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="503"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="509"/>
        <source>Accept the rectification</source>
        <translation>复查合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="510"/>
        <source>The re-inspection found the hazard rectified: it is Closed.</source>
        <translation>经复查，隐患已整改到位，状态变为“已销号”。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="511"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="511"/>
        <source>Accept and close</source>
        <translation>确认销号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="521"/>
        <source>Reject the rectification</source>
        <translation>复查不合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="525"/>
        <source>Reject</source>
        <translation>退回整改</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="533"/>
        <source>Extend the deadline</source>
        <translation>延长整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="533"/>
        <source>The new deadline and why it is needed.</source>
        <translation>请填写新的整改期限及延期理由。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="524"/>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="534"/>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="544"/>
        <source>New deadline</source>
        <translation>新整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="522"/>
        <source>The hazard goes back In rectification. Say what is still wrong, and by when it must be rectified.</source>
        <translation>隐患退回整改（整改中）。请写明仍存在的问题，以及新的整改期限。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="535"/>
        <source>Extend</source>
        <translation>确认延期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="542"/>
        <source>Reopen the hazard</source>
        <translation>重新打开隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="543"/>
        <source>The closed hazard is back In rectification.</source>
        <translation>已销号的隐患将恢复为“整改中”状态。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="546"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="137"/>
        <source>Write-off…</source>
        <translation>登记核销…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="206"/>
        <source>Written off by the authority</source>
        <translation>督办部门核销</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="330"/>
        <source>The enterprise has reported it rectified, awaiting the office&apos;s confirmation</source>
        <translation>企业已上报整改，待安全办确认</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="332"/>
        <source>The enterprise sent: %1, awaiting the office&apos;s confirmation</source>
        <translation>企业已上报：%1，待安全办确认</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="334"/>
        <source>%1 · sent %2 · %3 photos</source>
        <translation>%1 · 上报于 %2 · 照片 %3 张</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_detail.py" line="336"/>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
</context>
<context>
    <name>HazardPanel</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="38"/>
        <source>Hazard (H to edit; saved as you leave each field)</source>
        <translation>隐患（按 H 编辑；离开各字段时自动保存）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="54"/>
        <source>Workshop, floor, equipment …</source>
        <translation>车间、楼层、设备等</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="57"/>
        <source>What the enterprise must do</source>
        <translation>企业须采取的整改措施</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="82"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="84"/>
        <source>Location</source>
        <translation>隐患部位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="86"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="88"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="90"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hazard_panel.py" line="183"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="55"/>
        <source>Hazard ledger</source>
        <translation>隐患台账</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="73"/>
        <source>Remove this filter</source>
        <translation>移除此筛选条件</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="80"/>
        <source>Extend deadline…</source>
        <translation>延长期限…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="82"/>
        <source>Give the selected hazards a new deadline</source>
        <translation>为所选隐患设定新的整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="99"/>
        <source>Double-click a hazard (or press Enter) to open it.</source>
        <translation>双击隐患（或按 Enter）即可打开。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="164"/>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="169"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="170"/>
        <source>Not closed</source>
        <translation>未销号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="175"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="181"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="187"/>
        <source>Description, location or enterprise</source>
        <translation>隐患描述、部位或企业名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="190"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="207"/>
        <source>Found from</source>
        <translation>发现日期从</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="209"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="223"/>
        <source>Issue notice…</source>
        <translation>下发整改通知书…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="225"/>
        <source>Issue a rectification notice for the selected hazards of one enterprise</source>
        <translation>对同一企业的所选隐患下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="236"/>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="238"/>
        <source>Save the hazards the current filter shows as an Excel workbook</source>
        <translation>将当前筛选出的隐患保存为Excel工作簿</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="240"/>
        <source>Import ledger…</source>
        <translation>导入台账…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="242"/>
        <source>Bring in hazards from a ledger kept in Excel or CSV (checked before anything is written)</source>
        <translation>从Excel或CSV隐患台账导入隐患（写入前逐行检查）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="257"/>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="258"/>
        <source>Excel workbook or CSV list (*.xlsx *.csv)</source>
        <translation>Excel 工作簿或CSV文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="281"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="292"/>
        <source>Issue notice</source>
        <translation>下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="321"/>
        <source>All districts</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="328"/>
        <source>All campaigns</source>
        <translation>全部专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="411"/>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="492"/>
        <source>%1 hazards</source>
        <translation>共 %1 条隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="416"/>
        <source>No hazards yet. Hazards found in inspections, self-inspections and drills appear here;
an existing ledger can be brought in with Import ledger….</source>
        <translation>还没有隐患。检查、自查和演练中发现的隐患会列在这里；
已有的隐患台账可以用“导入台账…”导入。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="418"/>
        <source>No hazard matches these filters. Clear filters shows them all.</source>
        <translation>没有符合这些筛选条件的隐患。点“清除筛选”显示全部。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="500"/>
        <source>Extend the deadline</source>
        <translation>延长整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="501"/>
        <source>A new deadline for the %1 selected hazards, and why it is needed.</source>
        <translation>请为所选的 %1 条隐患填写新的整改期限及延期理由。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="503"/>
        <source>New deadline</source>
        <translation>新整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="504"/>
        <source>Extend</source>
        <translation>确认延期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="522"/>
        <source>Not done</source>
        <translation>操作未完成</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="525"/>
        <source>Deadline extended</source>
        <translation>已延长整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="526"/>
        <source>%1 of %2 hazards have the new deadline.</source>
        <translation>所选 %2 条隐患中，已有 %1 条设定新的整改期限。</translation>
    </message>
</context>
<context>
    <name>IncidentEditorDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="36"/>
        <source>Record incident</source>
        <translation>登记事故</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="36"/>
        <source>Edit incident</source>
        <translation>编辑事故</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="46"/>
        <source>Left empty: enterprise name and grade</source>
        <translation>留空则自动使用企业名称和事故等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="61"/>
        <source> ×10k yuan</source>
        <translation> 万元</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="74"/>
        <source>Time</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="75"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="76"/>
        <source>Title</source>
        <translation>事故名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="77"/>
        <source>Accident type</source>
        <translation>事故类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="78"/>
        <source>Deaths</source>
        <translation>死亡人数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="79"/>
        <source>Serious injuries</source>
        <translation>重伤人数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="80"/>
        <source>Direct loss</source>
        <translation>直接经济损失</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="81"/>
        <source>Grade</source>
        <translation>事故等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="82"/>
        <source>Liability</source>
        <translation>事故性质</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="83"/>
        <source>Description</source>
        <translation>事故经过</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="84"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="84"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/incident_editor.py" line="115"/>
        <source>Choose the enterprise from the list.</source>
        <translation>请从列表中选择企业。</translation>
    </message>
</context>
<context>
    <name>IncidentModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="145"/>
        <source>Time</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="145"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="145"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="145"/>
        <source>Title</source>
        <translation>事故名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="146"/>
        <source>Deaths</source>
        <translation>死亡人数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="146"/>
        <source>Serious injuries</source>
        <translation>重伤人数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="146"/>
        <source>Direct loss (10k yuan)</source>
        <translation>直接经济损失（万元）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="147"/>
        <source>Grade</source>
        <translation>事故等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="147"/>
        <source>Liability</source>
        <translation>事故性质</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="173"/>
        <source>Computed from deaths, serious injuries and direct loss (State Council Order 493)</source>
        <translation>根据死亡人数、重伤人数和直接经济损失确定（国务院令第493号）</translation>
    </message>
</context>
<context>
    <name>IncidentsTab</name>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="116"/>
        <source>Record incident…</source>
        <translation>登记事故…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="118"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="125"/>
        <source>Incidents</source>
        <translation>事故</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="142"/>
        <source>%1 days since the last one</source>
        <translation>距上一起已 %1 天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="144"/>
        <source>none recorded; %1 days into the year</source>
        <translation>本年度无记录，已过 %1 天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="145"/>
        <source>Goal holds: no liable accident of grade Larger or above in %1 (%2)</source>
        <translation>目标保持：%1年未发生较大及以上责任事故（%2）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="149"/>
        <source>Goal broken: %1 liable accidents of grade Larger or above in %2; the last one %3 days ago</source>
        <translation>目标未实现：%2年发生较大及以上责任事故 %1 起，最近一起在 %3 天前</translation>
    </message>
</context>
<context>
    <name>InspectionRunner</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="130"/>
        <source>Inspection record</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="258"/>
        <source>Answer the item before adding a note.</source>
        <translation>请先作答本检查项，再添加备注。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="261"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="262"/>
        <source>Note for %1</source>
        <translation>检查项 %1 的备注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="264"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="265"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="295"/>
        <source>Answer the item before adding a photo.</source>
        <translation>请先作答本检查项，再添加照片。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="343"/>
        <source>Cannot submit yet (%1): %2</source>
        <translation>暂不能提交（%1个问题）：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="216"/>
        <source>This item is answered with a value, not pass or fail.</source>
        <translation>本检查项需填写或选择具体值，不按合格/不合格作答。</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="76"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="76"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="76"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="76"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="78"/>
        <source>Routine</source>
        <translation>日常检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="78"/>
        <source>Campaign</source>
        <translation>大排查/专项检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="78"/>
        <source>Special</source>
        <translation>专项检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="79"/>
        <source>Seasonal</source>
        <translation>季节性检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="79"/>
        <source>Holiday</source>
        <translation>节假日检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="80"/>
        <source>Unannounced</source>
        <translation>四不两直</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="80"/>
        <source>Self-inspection</source>
        <translation>企业自查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="81"/>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="83"/>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="83"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="44"/>
        <source>Choose a self-inspection on the left to continue it,
or start a new one (Ctrl+N).</source>
        <translation>在左侧选择自查以继续，
或新建自查（Ctrl+N）。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="46"/>
        <source>Choose an inspection on the left to continue it,
or start a new one (Ctrl+N).</source>
        <translation>在左侧选择检查以继续，
或新建检查（Ctrl+N）。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="73"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="76"/>
        <source>New self-inspection</source>
        <translation>新建自查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="77"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="79"/>
        <source>Start an inspection (Ctrl+N)</source>
        <translation>开始检查（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="85"/>
        <source>Recently submitted</source>
        <translation>最近提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="128"/>
        <source>In progress (%1)</source>
        <translation>进行中（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="172"/>
        <source>Inspection submitted</source>
        <translation>检查已提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="173"/>
        <source>The inspection found %1 hazards. Issue the rectification notice for them now?</source>
        <translation>本次检查发现 %1 项隐患。现在下发整改通知书吗？</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="175"/>
        <source>Issue notice…</source>
        <translation>下发整改通知书…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="176"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="188"/>
        <source>Issue notice</source>
        <translation>下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="226"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="226"/>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>IssueNoticeDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="54"/>
        <source>Issue a rectification notice</source>
        <translation>下发整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="68"/>
        <source>The number this notice will get. Numbers left on this device this year: %1.</source>
        <translation>本通知书将使用的文号。本设备本年度剩余可用文号：%1 个。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="72"/>
        <source>No number available</source>
        <translation>无可用文号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="86"/>
        <source>Principal: %1</source>
        <translation>主要负责人：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="87"/>
        <source>Safety officer: %1</source>
        <translation>安全员：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="102"/>
        <source>The latest deadline of these hazards: the reply reports on all of them.</source>
        <translation>取所列隐患中最晚的整改期限，届时一并回复全部隐患的整改情况。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="104"/>
        <source>No deadline of these hazards lies ahead: today plus %1 days.</source>
        <translation>所列隐患的整改期限均已过，默认为今天起 %1 天。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="112"/>
        <source>Re-inspect on</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="132"/>
        <source>Major hazards: copy to the regulator, e.g. the district emergency management bureau</source>
        <translation>含重大隐患：请抄送监管部门，如区应急管理局</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="135"/>
        <source>Who else receives a copy (optional)</source>
        <translation>其他抄送单位（选填）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="138"/>
        <source>Reply due</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="140"/>
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="155"/>
        <source>Issue notice</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="159"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="171"/>
        <source>Hazards on this notice: %1</source>
        <translation>本通知书所列隐患：%1 条</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="179"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="179"/>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="179"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="179"/>
        <source>Location</source>
        <translation>隐患部位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="180"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="180"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="207"/>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="244"/>
        <source>Notice %1 issued to %2.</source>
        <translation>整改通知书 %1 已下发至%2。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="248"/>
        <source>Issued on %1.</source>
        <translation>已于 %1 下发。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="252"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="254"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/issue_notice.py" line="263"/>
        <source>Rectification notice</source>
        <translation>整改通知书</translation>
    </message>
</context>
<context>
    <name>LedgerExport</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/ledger_export.py" line="36"/>
        <location filename="../../safety_desk/ui/dialogs/ledger_export.py" line="51"/>
        <location filename="../../safety_desk/ui/dialogs/ledger_export.py" line="76"/>
        <location filename="../../safety_desk/ui/dialogs/ledger_export.py" line="82"/>
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/ledger_export.py" line="37"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/ledger_export.py" line="48"/>
        <source>Exporting %1 hazards…</source>
        <translation>正在导出 %1 条隐患…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/ledger_export.py" line="77"/>
        <source>%1 hazards written to %2</source>
        <translation>已将 %1 条隐患写入 %2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/ledger_export.py" line="83"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="156"/>
        <source>Treatment plan</source>
        <translation>治理方案</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="158"/>
        <source>Funding</source>
        <translation>治理资金</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="159"/>
        <source>Listed supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="161"/>
        <source>Reported on</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="162"/>
        <source>Re-inspected by</source>
        <translation>复查人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="163"/>
        <source>Re-inspected</source>
        <translation>复查日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="164"/>
        <source>Re-inspection verdict</source>
        <translation>复查结论</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="133"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="136"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="134"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="143"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="132"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="131"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="135"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="139"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="140"/>
        <source>Location</source>
        <translation>隐患部位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="141"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="142"/>
        <source>Possible accident</source>
        <translation>事故类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="144"/>
        <source>Basis</source>
        <translation>判定依据</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="145"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="146"/>
        <source>Responsible</source>
        <translation>整改责任人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="148"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="154"/>
        <source>Rectified</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="155"/>
        <source>Closed</source>
        <translation>销号日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="147"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="150"/>
        <source>Overdue days</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="137"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../safety_desk/domain/ledger.py" line="152"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="152"/>
        <source>reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="153"/>
        <source>The enterprise has reported on this hazard through the hub; awaiting the office&apos;s confirmation (not yet a record)</source>
        <translation>企业已通过集线器上报此隐患的情况，待安全办确认（尚未记入台账）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="52"/>
        <source>Inspection</source>
        <translation>监督检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="52"/>
        <source>Self-inspection</source>
        <translation>企业自查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="53"/>
        <source>Drill</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="53"/>
        <source>Public report</source>
        <translation>群众举报</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="54"/>
        <source>Enforcement</source>
        <translation>执法检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="54"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="46"/>
        <source>SafetyDesk</source>
        <translation>安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="66"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="67"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="68"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="69"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="70"/>
        <source>Drills &amp; activities</source>
        <translation>演练活动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="71"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="72"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="73"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="97"/>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="272"/>
        <source>Not yet synced: %1 changes</source>
        <translation>未同步更改：%1项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="76"/>
        <source>Organisation</source>
        <translation>组织机构</translation>
    </message>
</context>
<context>
    <name>MoveEnterpriseDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/move_enterprise.py" line="21"/>
        <source>Move to another district — %1</source>
        <translation>移至其他片区 — %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/move_enterprise.py" line="30"/>
        <source>Now in %1. After the move, its open hazards are followed up in the new district&apos;s ledger; the old district&apos;s laptops drop its records once their own edits have reached the office, and the new district&apos;s laptops receive all of them at their next sync.</source>
        <translation>现属%1。移动后，其未销号隐患转入新片区的台账跟进；原片区的笔记本在自己的修改同步到安全办后删除该企业的记录，新片区的笔记本在下次同步时收到全部记录。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/move_enterprise.py" line="41"/>
        <source>New district</source>
        <translation>新片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/move_enterprise.py" line="44"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/move_enterprise.py" line="46"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NewEnterpriseDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="29"/>
        <source>New enterprise</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="35"/>
        <source>18 characters, e.g. 91370200MA3C1234X5</source>
        <translation>18位，例如 91370200MA3C1234X5</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="48"/>
        <source>Choose, or type a GB/T 4754 name or code (建筑业, E, 5412)</source>
        <translation>选择，或输入国民经济行业分类名称或代码（建筑业、E、5412）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="52"/>
        <source>As its industry</source>
        <translation>按行业默认</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="53"/>
        <source>1 (highest risk)</source>
        <translation>1（风险最高）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="55"/>
        <source>3 (lowest risk)</source>
        <translation>3（风险最低）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="56"/>
        <source>High-risk: drills at least every 6 months</source>
        <translation>高风险企业：每6个月至少演练一次</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="67"/>
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="68"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="70"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="71"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="73"/>
        <source>Risk class</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="75"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="76"/>
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="77"/>
        <source>Safety officer</source>
        <translation>安全员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="78"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="82"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="83"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="122"/>
        <source>Not in the national classification: choose an industry from the list.</source>
        <translation>国民经济行业分类中没有此名称：请从列表中选择行业。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="125"/>
        <source>Supervised as: %1</source>
        <translation>按监管行业：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_enterprise.py" line="129"/>
        <source>7 to 20 digits; only + - ( ) and spaces may go between them.</source>
        <translation>应为7～20位数字，数字之间只能有 + - ( ) 和空格。</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="38"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="43"/>
        <source>Name, USCC or pinyin initials, e.g. zgjz</source>
        <translation>企业名称、统一社会信用代码或拼音首字母（如 zgjz）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="76"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="85"/>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="160"/>
        <source>Choose an enterprise to see its district&apos;s inspectors.</source>
        <translation>选择企业后显示其所在片区的检查员。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="94"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="96"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="97"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="98"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="99"/>
        <source>Other inspectors</source>
        <translation>其他检查员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="104"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="106"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="148"/>
        <source>This enterprise is outside your districts.</source>
        <translation>该企业不在您负责的片区内。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="180"/>
        <source>Nobody else in this district.</source>
        <translation>本片区没有其他检查员。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="218"/>
        <source>Choose the enterprise from the list.</source>
        <translation>请从列表中选择企业。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="222"/>
        <source>Choose a checklist.</source>
        <translation>请选择检查表。</translation>
    </message>
</context>
<context>
    <name>NoticesModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/notice_models.py" line="20"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/notice_models.py" line="20"/>
        <source>Issued</source>
        <translation>下发日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/notice_models.py" line="20"/>
        <source>Reply due</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/notice_models.py" line="20"/>
        <source>Hazards</source>
        <translation>隐患数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/notice_models.py" line="21"/>
        <source>Reply</source>
        <translation>回复情况</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/notice_models.py" line="40"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/notice_models.py" line="42"/>
        <source>%1 of %2 awaited, %3 days overdue</source>
        <translation>%2 条中 %1 条待回复，已逾期 %3 天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/notice_models.py" line="44"/>
        <source>%1 of %2 awaited, %3 days left</source>
        <translation>%2 条中 %1 条待回复，剩余 %3 天</translation>
    </message>
</context>
<context>
    <name>OpenHazardsModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="111"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="111"/>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="111"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="111"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="112"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="112"/>
        <source>Overdue days</source>
        <translation>逾期天数</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="43"/>
        <source>Organisation</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="49"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="49"/>
        <source>Leader</source>
        <translation>包片领导</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="49"/>
        <source>Inspectors</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="49"/>
        <source>District name</source>
        <translation>片区名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="50"/>
        <source>Enterprises</source>
        <translation>企业数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="51"/>
        <source>New district…</source>
        <translation>新建片区…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="52"/>
        <source>Edit district…</source>
        <translation>编辑片区…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="53"/>
        <source>Change the name, the leader and the inspectors of the chosen district</source>
        <translation>修改所选片区的名称、包片领导和检查员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="54"/>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="207"/>
        <source>Retire district</source>
        <translation>撤销片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="63"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="63"/>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="63"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="63"/>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="81"/>
        <source>Districts</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="64"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="64"/>
        <source>Account</source>
        <translation>账号状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="65"/>
        <source>New person…</source>
        <translation>新建人员…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="66"/>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="66"/>
        <source>Rename…</source>
        <translation>改姓名…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="66"/>
        <source>Rename</source>
        <translation>更正姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="66"/>
        <source>Full name of %1 (documents already issued keep the name they were issued with):</source>
        <translation>%1 的姓名（已下发的文书仍按下发时的姓名）：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="66"/>
        <source>%1 is now named %2.</source>
        <translation>%1 的姓名已改为 %2。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="67"/>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="252"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="68"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="80"/>
        <source>A district is retired once no enterprise is left in it: move its enterprises on the Enterprises page first.</source>
        <translation>片区内没有企业后才能撤销：请先在“企业”页把它的企业移到其他片区。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="84"/>
        <source>A disabled person cannot sign in here, nor on any device after its next sync; their records stay.</source>
        <translation>停用的人员不能在本机登录，各设备下次同步后也不能登录；其记录保留。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="85"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="143"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="145"/>
        <source>Password to be changed at first sign-in</source>
        <translation>首次登录时须修改密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="147"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="198"/>
        <source>District %1 saved.</source>
        <translation>片区 %1 已保存。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="208"/>
        <source>Retire district %1 %2? Its leader and inspectors leave it.</source>
        <translation>撤销片区 %1 %2？其包片领导和检查员将不再属于该片区。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="214"/>
        <source>District %1 retired.</source>
        <translation>片区 %1 已撤销。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="227"/>
        <source>%1 added.</source>
        <translation>已新建 %1。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="238"/>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="239"/>
        <source>Give %1 a new one-time password? The old password stops working.</source>
        <translation>为 %1 生成新的一次性密码？原密码将失效。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="253"/>
        <source>Disable %1? They can no longer sign in, here or on any device after its next sync. Their records stay.</source>
        <translation>停用 %1？此后不能在本机登录，各设备下次同步后也不能登录。其记录保留。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="259"/>
        <source>%1 disabled.</source>
        <translation>已停用 %1。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="266"/>
        <source>%1 enabled.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="274"/>
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/organisation.py" line="275"/>
        <source>One-time password for %1:

%2

It is shown only now: hand it to the person. They choose their own password at the first sign-in.</source>
        <translation>%1 的一次性密码：

%2

只显示这一次，请交给本人。本人首次登录时须设置自己的密码。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="60"/>
        <source>Previous page (Page Up)</source>
        <translation>上一页（Page Up）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="61"/>
        <source>Next page (Page Down)</source>
        <translation>下一页（Page Down）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="66"/>
        <source>Go to page</source>
        <translation>转到页</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="70"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="71"/>
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="72"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="73"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="79"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="81"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="128"/>
        <source>Cannot open the PDF %1 (%2)</source>
        <translation>无法打开 PDF 文件 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="233"/>
        <source>/ %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="271"/>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="303"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="303"/>
        <source>Could not print: %1</source>
        <translation>无法打印：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="309"/>
        <source>Save PDF as</source>
        <translation>PDF 另存为</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="310"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="318"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/pdf_preview.py" line="318"/>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
</context>
<context>
    <name>PeersModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="67"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="67"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="67"/>
        <source>Last export to it</source>
        <translation>最近发给它</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="68"/>
        <source>Last import from it</source>
        <translation>最近从它导入</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="68"/>
        <source>Changes waiting</source>
        <translation>待发修改</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="68"/>
        <source>In sync folder</source>
        <translation>在同步文件夹中</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="69"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="76"/>
        <source>Revoked</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="78"/>
        <source>Enrolled, no bundle received yet</source>
        <translation>已登记，尚未收到同步包</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="79"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="88"/>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="90"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="99"/>
        <source>Device id: %1</source>
        <translation>设备编号：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="101"/>
        <source>Records changed here that this device has not acknowledged yet</source>
        <translation>本机修改而该设备尚未确认收到的记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="103"/>
        <source>Bundles of ours in the sync folder that this device has not picked up yet</source>
        <translation>同步文件夹中该设备尚未取走的本机同步包</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/sync_models.py" line="105"/>
        <source>The device&apos;s key arrives with its first bundle</source>
        <translation>设备的密钥随其第一个同步包到达</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="24"/>
        <source>New person</source>
        <translation>新建人员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="32"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="32"/>
        <source>District leader</source>
        <translation>包片领导</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="33"/>
        <source>Enterprise safety officer</source>
        <translation>企业安全员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="34"/>
        <source>Safety office</source>
        <translation>安全办</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="46"/>
        <source>Make a one-time password (shown once)</source>
        <translation>生成一次性密码（只显示一次）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="49"/>
        <source>Set this password:</source>
        <translation>设置为以下密码：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="56"/>
        <source>Either way the person chooses their own password at the first sign-in.</source>
        <translation>无论哪种方式，本人首次登录时都须设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="69"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="70"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="71"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="72"/>
        <source>Districts</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="73"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="74"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/person_editor.py" line="76"/>
        <source>Add</source>
        <translation>新建</translation>
    </message>
</context>
<context>
    <name>PhoneUploadDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/phone_upload.py" line="74"/>
        <source>Photos from the phone</source>
        <translation>手机传图</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/phone_upload.py" line="96"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/phone_upload.py" line="122"/>
        <source>This computer is not on a network. Connect the phone and this computer to the same Wi-Fi, or turn on this computer&apos;s hotspot and connect the phone to it, then open this again.</source>
        <translation>这台电脑没有连接网络。请让手机和电脑连接同一个 Wi-Fi，或打开电脑的热点让手机连接，然后重新打开。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/phone_upload.py" line="134"/>
        <source>Scan with the phone&apos;s camera or WeChat (on the same Wi-Fi or this computer&apos;s hotspot), then take or choose photos. They go to: %1. The code works until %2.</source>
        <translation>用手机相机或微信扫码（手机与电脑在同一 Wi-Fi 或连接电脑热点），然后拍照或选择照片。照片将放入：%1。二维码 %2 前有效。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/phone_upload.py" line="154"/>
        <source>Received: %1 photos</source>
        <translation>已收到：%1 张照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/phone_upload.py" line="160"/>
        <source>The code has expired. Close this and open it again for a new one.</source>
        <translation>二维码已过期。请关闭后重新打开，生成新的二维码。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="217"/>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="310"/>
        <source>No photos. Add, drop or paste (Ctrl+V) photos here.</source>
        <translation>暂无照片。可在此添加、拖放或粘贴（Ctrl+V）照片。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="230"/>
        <source>Add photos (or drop them here, or paste with Ctrl+V)</source>
        <translation>添加照片（也可拖放到此处，或按 Ctrl+V 粘贴）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="240"/>
        <source>Photos from the phone: scan a QR code with the phone</source>
        <translation>手机传图：用手机扫描二维码上传照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="246"/>
        <source>Processing photos: %v of %m</source>
        <translation>正在处理照片：%v/%m</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="339"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="479"/>
        <source>Photo not on record</source>
        <translation>无此照片记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="482"/>
        <source>taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="495"/>
        <source>The photo file is missing on this computer.</source>
        <translation>本机上找不到该照片文件。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="517"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="518"/>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="552"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="554"/>
        <source>Remove from here</source>
        <translation>从此处移除</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="25"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="25"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="26"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="26"/>
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="241"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="248"/>
        <source>The photo file is missing on this computer.</source>
        <translation>本机上找不到该照片文件。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="272"/>
        <source>Move (M)</source>
        <translation>移动（M）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="273"/>
        <source>Arrow (A)</source>
        <translation>箭头（A）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="274"/>
        <source>Circle (C)</source>
        <translation>圆圈（C）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="275"/>
        <source>Text (T)</source>
        <translation>文字（T）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="288"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="295"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="296"/>
        <source>Remove all annotations</source>
        <translation>清除全部标注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="303"/>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="305"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="308"/>
        <source>Fit to window (0)</source>
        <translation>适应窗口（0）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="371"/>
        <source>Colour: %1</source>
        <translation>颜色：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="394"/>
        <source>Annotations not saved</source>
        <translation>标注未能保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="408"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="408"/>
        <source>Text to write on the photo:</source>
        <translation>要标注在照片上的文字：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="419"/>
        <source>Unsaved annotations</source>
        <translation>标注尚未保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="419"/>
        <source>Save the annotations before closing?</source>
        <translation>关闭前是否保存标注？</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../safety_desk/ui/qt_catalogue_gaps.py" line="9"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/qt_catalogue_gaps.py" line="10"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../../safety_desk/ui/qt_catalogue_gaps.py" line="11"/>
        <source>Page &amp;Set:</source>
        <translation>打印页面(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_reason.py" line="56"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_reason.py" line="60"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_reason.py" line="61"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecordListDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/record_list.py" line="21"/>
        <source>%1 records · double-click one to open it</source>
        <translation>共 %1 条记录 · 双击即可打开</translation>
    </message>
</context>
<context>
    <name>RectificationReportDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_report.py" line="39"/>
        <source>What was done</source>
        <translation>已采取的整改措施</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_report.py" line="42"/>
        <source>Photos after rectification (required)</source>
        <translation>整改后照片（必填）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_report.py" line="43"/>
        <source>Photos (optional)</source>
        <translation>照片（选填）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_report.py" line="54"/>
        <source>Report</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hazard_report.py" line="56"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/reminders.py" line="19"/>
        <source>Reminders</source>
        <translation>工作提醒</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/reminders.py" line="21"/>
        <source>Today needs your attention:</source>
        <translation>今日需关注的事项：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/reminders.py" line="40"/>
        <source>%1 hazards are past their deadline</source>
        <translation>%1 条隐患已超过整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/reminders.py" line="41"/>
        <source>%1 hazards are due within %2 days</source>
        <translation>%1 条隐患将在 %2 天内到期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/reminders.py" line="42"/>
        <source>%1 rectified hazards await re-inspection</source>
        <translation>%1 条已整改隐患待复查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/reminders.py" line="43"/>
        <source>%1 enterprises have a drill due within %2 days or overdue</source>
        <translation>%1 家企业的演练将在 %2 天内到期或已逾期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/reminders.py" line="45"/>
        <source>%1 rectification notices await a reply</source>
        <translation>%1 份整改通知书待回复</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/report_preview.py" line="97"/>
        <source>Generating %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/report_preview.py" line="104"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/report_preview.py" line="123"/>
        <source>%1 · pages: %2</source>
        <translation>%1 · 共 %2 页</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="65"/>
        <source>Choose a document on the left and press Generate.
It is shown here to check, print or save.</source>
        <translation>请在左侧选择文书并点击“生成”。
生成后在此处显示，可核对、打印或保存。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="85"/>
        <location filename="../../safety_desk/ui/pages/reports.py" line="355"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="90"/>
        <source>Weekly safety summary (周报)</source>
        <translation>安全生产周报</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="91"/>
        <source>Quarterly hazard statistics</source>
        <translation>隐患排查治理季度统计</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="92"/>
        <source>Annual hazard statistics</source>
        <translation>隐患排查治理年度统计</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="97"/>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="99"/>
        <location filename="../../safety_desk/ui/pages/reports.py" line="152"/>
        <source>Period</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="123"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="136"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="146"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="158"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="162"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="163"/>
        <source>Make the PDF and show it here (Ctrl+G)</source>
        <translation>生成 PDF 并在此显示（Ctrl+G）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="167"/>
        <source>File (报出)…</source>
        <translation>报出…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="169"/>
        <source>File the chosen period&apos;s statistics: once, and final</source>
        <translation>报出所选期间的统计数据：只能报出一次，报出后不再更改</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="188"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="255"/>
        <source>Quarterly hazard statistics %1</source>
        <translation>隐患排查治理季度统计 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="263"/>
        <source>Annual hazard statistics %1</source>
        <translation>隐患排查治理年度统计 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="281"/>
        <source>Weekly safety summary %1</source>
        <translation>安全生产周报 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="292"/>
        <source>Generating %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="310"/>
        <source>File statistics</source>
        <translation>报出统计</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="311"/>
        <source>File the statistics of %1 for %2?

A period is filed once: the filed figures are final and every later print shows them.</source>
        <translation>报出 %2 %1 的统计数据？

每个期间只能报出一次：报出的数据即为最终数据，此后每次打印均为报出时的内容。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="306"/>
        <source>Printed as filed on %1 (number %2); figures that differ when recounted today: %3</source>
        <translation>按 %1 报出的原件打印（编号 %2）；按今天的记录重新统计，不同的数字：%3</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="316"/>
        <source>Filed statistics %1</source>
        <translation>已报出的统计 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="322"/>
        <source>Filing %1…</source>
        <translation>正在报出 %1…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/reports.py" line="342"/>
        <source>%1 · pages: %2</source>
        <translation>%1 · 共 %2 页</translation>
    </message>
</context>
<context>
    <name>RunnerHeader</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_header.py" line="36"/>
        <source>Submit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_header.py" line="38"/>
        <source>Check, sign and submit (Ctrl+Enter)</source>
        <translation>核对、签名并提交（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_header.py" line="43"/>
        <source>Print record…</source>
        <translation>打印检查记录…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_header.py" line="45"/>
        <source>The inspection record as PDF, to check, print or save (a draft is marked as not yet submitted)</source>
        <translation>检查记录（PDF），可核对、打印或保存（草稿标注为尚未提交）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_header.py" line="81"/>
        <source>Answered %1 / %2 · failures %3 · major hazards %4 · score %5</source>
        <translation>已作答 %1/%2 · 不合格 %3 · 重大隐患 %4 · 得分 %5</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_header.py" line="88"/>
        <source>Submitted %1 — this record is read-only</source>
        <translation>已于 %1 提交，本记录为只读</translation>
    </message>
</context>
<context>
    <name>SealCheck</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/seal_check.py" line="23"/>
        <source>Verify a document</source>
        <translation>验证文件</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/seal_check.py" line="27"/>
        <source>Scan or paste the code (SD1|…)</source>
        <translation>扫描或粘贴验证码（SD1|…）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/seal_check.py" line="30"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="59"/>
        <source>A notice listing a major hazard is copied (抄送) to this authority.</source>
        <translation>列有重大事故隐患的整改通知书抄送此部门。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="82"/>
        <source>Major hazards copied to</source>
        <translation>重大隐患抄送单位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="32"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="39"/>
        <location filename="../../safety_desk/ui/pages/settings.py" line="42"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="45"/>
        <source>Write {year} for the year and {seq} for the notice&apos;s sequence number in that year, e.g. 国资安通〔{year}〕{seq}号</source>
        <translation>用 {year} 表示年份，{seq} 表示通知书在该年度的顺序号，例如：国资安通〔{year}〕{seq}号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="54"/>
        <source>How many notice numbers the safety office gives a device at a time; a device numbers its notices only from its own blocks, so devices working offline never give out the same number.</source>
        <translation>安全办每次分配给一台设备的文号数量。设备只使用分配给本设备的文号，因此多台设备离线工作时也不会出现重复文号。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="70"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="76"/>
        <source>Language (after restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="77"/>
        <source>Default deadline, general hazard</source>
        <translation>一般隐患默认整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="78"/>
        <source>Default deadline, major hazard</source>
        <translation>重大隐患默认整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="79"/>
        <source>Notice number pattern</source>
        <translation>通知书文号格式</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="81"/>
        <source>Notice numbers per block</source>
        <translation>每批分配文号数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="130"/>
        <source>blank: a line to write on</source>
        <translation>留空则印横线，手写签名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="131"/>
        <source>e.g. 市安委会办公室</source>
        <translation>例如：市安委会办公室</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="132"/>
        <source>e.g. 各片区、各成员单位</source>
        <translation>例如：各片区、各成员单位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="138"/>
        <source>Next week&apos;s plan, printed above the hazards and drills due</source>
        <translation>下周工作安排，印在下周到期的隐患和演练之前</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="141"/>
        <source>Weekly summary</source>
        <translation>安全生产周报</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="144"/>
        <source>Report to</source>
        <translation>报送</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="146"/>
        <source>Copy to</source>
        <translation>抄送</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="148"/>
        <source>Compiled by</source>
        <translation>编制</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="150"/>
        <source>Reviewed by</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="152"/>
        <source>Signed by</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="154"/>
        <source>Next week&apos;s plan</source>
        <translation>下周工作安排</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="200"/>
        <source>For example: %1</source>
        <translation>示例：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="208"/>
        <location filename="../../safety_desk/ui/pages/settings.py" line="233"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="62"/>
        <source>National text: yearly main drill, on-site drill every 6 months</source>
        <translation>按国家规定：综合或专项演练每年一次，现场处置方案演练每半年一次</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="64"/>
        <source>Stricter local rule: high-risk units&apos; main drill every 6 months</source>
        <translation>按更严的地方规定：高危行业单位综合或专项演练也每半年一次</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="83"/>
        <source>Drills of high-risk units</source>
        <translation>高危行业单位演练频次</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="72"/>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="91"/>
        <source>Deadlines, notice numbers and the weekly summary are set by the safety office; here you choose your language and change your password.</source>
        <translation>整改期限、通知书编号和周报由安全办设定；您在这里可以选择界面语言、修改本人密码。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="190"/>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="23"/>
        <source>Sign in — SafetyDesk</source>
        <translation>登录 — 安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="25"/>
        <source>SafetyDesk</source>
        <translation>安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="36"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="37"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="39"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="43"/>
        <source>Recovery key…</source>
        <translation>恢复密钥…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="75"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="76"/>
        <source>The recovery key the safety office keeps (printed or shown when the database was encrypted):</source>
        <translation>安全办保管的恢复密钥（数据库加密时打印或显示的）：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="85"/>
        <source>The database is open. Sign in with your login and password: from now on your password opens it on this computer.</source>
        <translation>数据库已打开。请用您的登录名和密码登录：此后在这台电脑上，您的密码即可打开它。</translation>
    </message>
</context>
<context>
    <name>SignInspectionDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="30"/>
        <source>Sign and submit the inspection</source>
        <translation>签名并提交检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="38"/>
        <source>%1 items answered, %2 failed, %3 major hazards. After submitting, the record can no longer be changed.</source>
        <translation>已作答%1项，不合格%2项，重大隐患%3项。提交后记录将无法修改。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="51"/>
        <source>Name of the enterprise&apos;s representative</source>
        <translation>企业代表姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="56"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="57"/>
        <source>Enterprise representative</source>
        <translation>企业代表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="66"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="81"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="85"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="94"/>
        <source>Both the inspector and the enterprise&apos;s representative must sign.</source>
        <translation>检查员和企业代表均须签名。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="98"/>
        <source>Enter the name of the enterprise&apos;s representative.</source>
        <translation>请输入企业代表姓名。</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/signature_pad.py" line="30"/>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
</context>
<context>
    <name>SpreadsheetImportDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="44"/>
        <source>Import enterprises</source>
        <translation>导入企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="44"/>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="49"/>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="151"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="113"/>
        <source>Create the districts the file names that do not exist yet: %1</source>
        <translation>新建文件中尚不存在的片区：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="67"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="73"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="118"/>
        <source>%1 problems in %2 of %3 rows: nothing will be imported. Correct the file and try again.</source>
        <translation>%3 行中有 %2 行存在 %1 处问题：不会导入任何数据。请修改文件后重试。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="134"/>
        <source>%1 rows checked, no problems. %2 enterprises will be added and %3 updated; %4 are unchanged.</source>
        <translation>已检查 %1 行，未发现问题。将新增 %2 家企业、更新 %3 家；%4 家无变化。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="138"/>
        <source>%1 rows checked, no problems. %2 hazards will be added; %3 are already in the ledger.</source>
        <translation>已检查 %1 行，未发现问题。将新增 %2 条隐患；%3 条已在台账中。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="144"/>
        <source>Its enterprise sheet: %1 enterprises will be added and %2 updated.</source>
        <translation>其中的企业名录工作表：将新增 %1 家企业，更新 %2 家。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="155"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/spreadsheet_import.py" line="167"/>
        <source>Imported: %1 added, %2 updated.</source>
        <translation>导入完成：新增 %1 条，更新 %2 条。</translation>
    </message>
</context>
<context>
    <name>StepView</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="46"/>
        <source>Major hazard if failed</source>
        <translation>不合格即为重大隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="65"/>
        <source>Y  Yes</source>
        <translation>Y  是</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="66"/>
        <source>N  No, not applicable</source>
        <translation>N  否，不适用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="77"/>
        <source>1  Pass</source>
        <translation>1  合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="78"/>
        <source>2  Fail</source>
        <translation>2  不合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="79"/>
        <source>3  Not applicable</source>
        <translation>3  不适用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="111"/>
        <source>Note (N)</source>
        <translation>备注（N）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="117"/>
        <source>Photo (P)</source>
        <translation>照片（P）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="189"/>
        <source>Every item is answered · Ctrl+Enter to sign and submit</source>
        <translation>所有检查项均已作答 · 按 Ctrl+Enter 签名并提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="204"/>
        <source>Answer No if this part does not apply to the enterprise: its %1 items are hidden and not counted.</source>
        <translation>如本部分不适用于该企业，请选择“否”：其下%1个检查项将隐藏且不计入统计。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="216"/>
        <source>Y yes · N no (hides the part) · Enter or ↓ next · ↑ previous</source>
        <translation>Y 是 · N 否（隐藏本部分） · Enter 或 ↓ 下一项 · ↑ 上一项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="228"/>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="248"/>
        <source>Type the answer, then Enter</source>
        <translation>输入内容后按 Enter</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="257"/>
        <source>Item %1: %2</source>
        <translation>检查项 %1：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="265"/>
        <source>No note</source>
        <translation>无备注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="270"/>
        <source>Number, %1 to %2 passes</source>
        <translation>数值，%1～%2为合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="273"/>
        <source>Number, at least %1 passes</source>
        <translation>数值，不低于%1为合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="275"/>
        <source>Number, at most %1 passes</source>
        <translation>数值，不高于%1为合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="276"/>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="302"/>
        <source>passes</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="302"/>
        <source>fails</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="302"/>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="308"/>
        <source>Read-only · ↑↓ move between items</source>
        <translation>只读 · ↑↓ 切换检查项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="310"/>
        <source>Failed: complete the hazard below (H), add a photo (P, Ctrl+V) — then Enter for the next item</source>
        <translation>不合格：请填写下方隐患信息（H），添加照片（P、Ctrl+V），然后按 Enter 进入下一项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="313"/>
        <source>Type the number, Enter records it · Esc leaves the field (then 3 not applicable, N note, P photo) · ↑↓ move</source>
        <translation>输入数值，按 Enter 记录 · Esc 退出输入框（之后可按 3 不适用、N 备注、P 照片） · ↑↓ 切换</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="316"/>
        <source>Type the answer, Enter records it · Esc leaves the field (then 3 not applicable, N note) · ↑↓ move</source>
        <translation>输入内容，按 Enter 记录 · Esc 退出输入框（之后可按 3 不适用、N 备注） · ↑↓ 切换</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="320"/>
        <source>A–%1 choose · 3 not applicable · Enter next · ↑↓ move · N note · P photo · Ctrl+V paste</source>
        <translation>A–%1 选择 · 3 不适用 · Enter 下一项 · ↑↓ 切换 · N 备注 · P 照片 · Ctrl+V 粘贴</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/runner_step_view.py" line="322"/>
        <source>1 pass · 2 fail · 3 not applicable · Enter next · ↑↓ move · N note · P photo · Ctrl+V paste photo · Ctrl+Enter submit</source>
        <translation>1 合格 · 2 不合格 · 3 不适用 · Enter 下一项 · ↑↓ 切换 · N 备注 · P 照片 · Ctrl+V 粘贴照片 · Ctrl+Enter 提交</translation>
    </message>
</context>
<context>
    <name>SupervisionDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/supervision.py" line="19"/>
        <source>Listed supervision</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/supervision.py" line="23"/>
        <source>Not listed</source>
        <translation>未挂牌</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/supervision.py" line="27"/>
        <source>Referred to the regulator on</source>
        <translation>报送监管部门日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/supervision.py" line="39"/>
        <source>Supervision level</source>
        <translation>督办级别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/supervision.py" line="43"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/supervision.py" line="44"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="165"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="175"/>
        <source>Export bundle…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="179"/>
        <source>Import bundle…</source>
        <translation>导入同步包…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="183"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="209"/>
        <source>Devices this one exchanges with</source>
        <translation>与本机交换数据的设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="217"/>
        <source>No sync folder chosen</source>
        <translation>未选择同步文件夹</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="218"/>
        <source>A shared or removable folder every device can reach, used as a hub</source>
        <translation>各设备都能访问的共享或移动文件夹，作为中转站</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="220"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="223"/>
        <source>Sync with folder now</source>
        <translation>立即与文件夹同步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="231"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="600"/>
        <source>Sync folder</source>
        <translation>同步文件夹</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="262"/>
        <source>Show resolved</source>
        <translation>显示已处理</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="265"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="673"/>
        <source>Keep the other value</source>
        <translation>采用另一方的值</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="267"/>
        <source>Write the other value as a new change; it syncs like any edit</source>
        <translation>将另一方的值作为新修改写入，并像其他修改一样同步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="269"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="686"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="271"/>
        <source>Keep the value as it is and take the conflict off the list</source>
        <translation>保留当前值并从列表中移除此冲突</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="273"/>
        <source>No conflicts: every merge kept a single value.</source>
        <translation>没有冲突：每次合并都只有一个值。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="292"/>
        <source>Enrol device…</source>
        <translation>登记设备…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="295"/>
        <source>Revoke</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="309"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="431"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="310"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="437"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="361"/>
        <source>Could not read the sync state: %1</source>
        <translation>无法读取同步状态：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="380"/>
        <source>No device to write a bundle for: enrol one first.</source>
        <translation>没有可发给的设备：请先登记设备。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="382"/>
        <source>This database is not an enrolled device</source>
        <translation>此数据库不是已登记的设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="385"/>
        <source>This device: &lt;b&gt;%1&lt;/b&gt; · a %2 device · id %3</source>
        <translation>本机：&lt;b&gt;%1&lt;/b&gt; · %2设备 · 编号 %3</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="388"/>
        <source>Device id: %1</source>
        <translation>设备编号：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="390"/>
        <source>The safety office revoked this device: it no longer exports or imports bundles.</source>
        <translation>安全办已停用本机：不再导出或导入同步包。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="402"/>
        <source>This is the safety office&apos;s device: every enrolled device exchanges bundles with it, and it passes on to each what its scope allows.</source>
        <translation>本机是安全办设备：所有登记的设备都与它交换同步包，它再把各设备范围内的数据转发给各设备。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="407"/>
        <source>This device exchanges bundles with the safety office (%1) only.</source>
        <translation>本机只与安全办（%1）交换同步包。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="421"/>
        <source>No device enrolled yet: enrol one on the Devices tab below.</source>
        <translation>尚未登记设备：请在下方“设备”页登记。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="424"/>
        <source>No peer device known.</source>
        <translation>没有已知的对方设备。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="430"/>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="436"/>
        <source>Devices (%1)</source>
        <translation>设备（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="459"/>
        <source>Choose a shared or removable folder that the devices can all reach. Each device leaves its bundles there for the others and picks up those addressed to it.</source>
        <translation>请选择各设备都能访问的共享或移动文件夹。每台设备把同步包放在那里，并取走发给自己的同步包。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="465"/>
        <source>✗ The folder cannot be reached: %1</source>
        <translation>✗ 无法访问该文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="469"/>
        <source>✓ Reachable</source>
        <translation>✓ 可以访问</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="470"/>
        <source>Waiting there for this device: %1 bundles</source>
        <translation>等待本机取走：%1 个同步包</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="472"/>
        <source>Not yet picked up by %1: %2</source>
        <translation>%1 尚未取走：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="509"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="511"/>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="514"/>
        <source>Refused, nothing was changed: %1</source>
        <translation>已拒收，未作任何更改：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="515"/>
        <source>Refused. Nothing was changed.</source>
        <translation>已拒收，未作任何更改。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="538"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="544"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="552"/>
        <source>Export bundle</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="538"/>
        <source>Writing the bundle…</source>
        <translation>正在写出同步包…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="548"/>
        <source>Bundle for %1 written: %2 (%3 changes, %4 photos)</source>
        <translation>已写出发给 %1 的同步包：%2（%3 项修改，%4 张照片）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="559"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="565"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="573"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="579"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="581"/>
        <source>Import bundle</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="560"/>
        <source>Sync bundles (*.sdsync)</source>
        <translation>同步包 (*.sdsync)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="565"/>
        <source>Checking and applying %1…</source>
        <translation>正在校验并导入 %1…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="586"/>
        <source>Refused changes (the sender&apos;s role does not own these fields; they are on the conflicts list):</source>
        <translation>已拒收的修改（发送方角色无权修改这些字段，已列入冲突列表）：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="589"/>
        <source>Warnings:</source>
        <translation>警告：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="591"/>
        <source>Conflicts to review: %1 (see the Conflicts list)</source>
        <translation>待审查的冲突：%1（见冲突列表）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="596"/>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="623"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="630"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="643"/>
        <source>Sync with folder</source>
        <translation>与文件夹同步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="623"/>
        <source>Picking up and leaving bundles in the sync folder…</source>
        <translation>正在同步文件夹中取走和放置同步包…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="633"/>
        <source>Sync folder: %1 bundles imported, %2 written, %3 set aside</source>
        <translation>同步文件夹：导入 %1 个同步包，写出 %2 个，搁置 %3 个</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="638"/>
        <source>Set aside (renamed .rejected; nothing of them was applied):</source>
        <translation>已搁置（改名为 .rejected，其内容未导入）：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="675"/>
        <source>%1 now holds the other value; the change goes out with the next bundle.</source>
        <translation>%1 已采用另一方的值；此修改将随下一个同步包发出。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="708"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="715"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="733"/>
        <source>Enrol device</source>
        <translation>登记设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="708"/>
        <source>Writing the enrolment file for %1…</source>
        <translation>正在为 %1 写出登记文件…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="718"/>
        <source>%1 is enrolled. Its enrolment file: %2 (%3 records, %4 photos).</source>
        <translation>%1 已登记。登记文件：%2（%3 条记录，%4 张照片）。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="724"/>
        <source>Who signs in on it (only their passwords go to it): %1</source>
        <translation>在其上登录的人员（只有他们的密码随之送去）：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="727"/>
        <source>Nobody signs in on it yet: give its districts inspectors, or name its people with the command `safety-desk device people`.</source>
        <translation>目前没有人可以在其上登录：请为其片区添加检查员，或用命令 `safety-desk device people` 指定登录人员。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="722"/>
        <source>Notice numbers for it: %1</source>
        <translation>分配的通知书编号：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="396"/>
        <source>%1 (%2) is signed in on the safety office&apos;s computer: what is recorded here is the office&apos;s, and reaches the other devices from it. The safety office exchanges the bundles, signed in here.</source>
        <translation>%1（%2）正在安全办的电脑上登录：在这里记录的内容存入安全办的数据，再由安全办同步到各设备。同步包由安全办在本机登录后收发。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="422"/>
        <source>No device enrolled yet: the safety office enrols devices, and until then what is recorded here stays on this computer.</source>
        <translation>还没有登记设备：设备由安全办登记，登记之前在这里记录的内容只留在本机。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="729"/>
        <source>Hand the file over on a USB stick or through a shared folder. On the new computer, start SafetyDesk and choose “Join an office: choose the enrolment file”. The file works once; delete other copies once it has been used.</source>
        <translation>请用U盘或共享文件夹交付此文件。在新电脑上启动安全检查工作台，选择“加入安全办：选择登记文件”。登记文件只能使用一次；使用后请删除其他副本。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="745"/>
        <location filename="../../safety_desk/ui/pages/sync.py" line="753"/>
        <source>Revoke device</source>
        <translation>停用设备</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="746"/>
        <source>Revoke %1? Its bundles will be refused from now on and its enrolment file no longer works. This cannot be undone.</source>
        <translation>停用 %1？此后将拒收它的同步包，其登记文件也不再有效。此操作不可撤销。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/sync.py" line="755"/>
        <source>%1 is revoked; the other devices learn it with their next bundle.</source>
        <translation>%1 已停用；其他设备将随下一个同步包获知。</translation>
    </message>
    <message>
        <source>%1 is back to its default sign-in list: %2</source>
        <translation>%1 已恢复默认登录名单：%2</translation>
    </message>
    <message>
        <source>Sign-in list</source>
        <translation>登录名单</translation>
    </message>
    <message>
        <source>Sign-in list…</source>
        <translation>登录名单…</translation>
    </message>
    <message>
        <source>The file is locked with this passphrase, shown only now: %1
Tell it to whoever joins with the file, in person or by phone; never keep it with the file.</source>
        <translation>登记文件已用以下登记口令加密（只显示这一次）：%1
请当面或电话告知使用此文件加入的人；不要把口令与文件放在一起。</translation>
    </message>
    <message>
        <source>Who may sign in on the selected device (only their passwords go to it)</source>
        <translation>可在所选设备上登录的人（只有他们的密码会发送到该设备）</translation>
    </message>
    <message>
        <source>Who signs in on %1 from its next sync: %2</source>
        <translation>自下次同步起可在 %1 上登录的人：%2</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
</context>
<context>
    <name>TrainingEditorDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="29"/>
        <source>Record training</source>
        <translation>登记培训</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="51"/>
        <source>Enterprises</source>
        <translation>指定企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="52"/>
        <source>A whole district</source>
        <translation>整个片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="53"/>
        <source>Office-wide</source>
        <translation>全部监管企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="76"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="77"/>
        <source>Topic</source>
        <translation>培训主题</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="78"/>
        <source>Kind</source>
        <translation>培训类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="79"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="80"/>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="81"/>
        <source>For</source>
        <translation>培训对象</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="84"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="84"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/training_editor.py" line="95"/>
        <source>Add at least one enterprise, or choose a district.</source>
        <translation>请至少添加一家企业，或选择片区。</translation>
    </message>
</context>
<context>
    <name>TrainingModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="122"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="122"/>
        <source>Topic</source>
        <translation>培训主题</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="122"/>
        <source>Kind</source>
        <translation>培训类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="122"/>
        <source>For</source>
        <translation>培训对象</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="122"/>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/activity_models.py" line="123"/>
        <source>Attendees</source>
        <translation>参训人数</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="63"/>
        <source>Record training…</source>
        <translation>登记培训…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="68"/>
        <source>Training sessions</source>
        <translation>培训记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="70"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="72"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/activity_tabs.py" line="86"/>
        <source>%1 sessions · %2 attendances · %3 person-hours</source>
        <translation>共 %1 场 · %2 人次 · %3 人学时</translation>
    </message>
</context>
<context>
    <name>TreatmentPlanDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/treatment_plan.py" line="16"/>
        <source>Treatment plan</source>
        <translation>治理方案</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/treatment_plan.py" line="18"/>
        <source>A major hazard&apos;s treatment plan names these six elements (Order No. 16, art. 15). Rectification can be reported once all six are filled in.</source>
        <translation>重大事故隐患治理方案应包括以下六项内容（16号令第十五条）。六项全部填写后，方可报告整改完成。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/treatment_plan.py" line="34"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/treatment_plan.py" line="35"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WriteoffDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/writeoff.py" line="18"/>
        <source>Authority&apos;s write-off</source>
        <translation>督办部门核销</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/writeoff.py" line="29"/>
        <source>The department that supervises the hazard</source>
        <translation>挂牌督办该隐患的部门</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/writeoff.py" line="32"/>
        <source>As printed on its document</source>
        <translation>按核销文书上的文号填写</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/writeoff.py" line="34"/>
        <source>Written off on</source>
        <translation>核销日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/writeoff.py" line="35"/>
        <source>Authority</source>
        <translation>核销机关</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/writeoff.py" line="36"/>
        <source>Document number</source>
        <translation>核销文号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/writeoff.py" line="39"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/writeoff.py" line="40"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../safety_desk/ui/app.py" line="61"/>
        <source>The automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/app.py" line="124"/>
        <source>No one can sign in on this computer yet. Ask the safety office to add your account, then sync with the office.</source>
        <translation>这台电脑上还没有可以登录的账号。请安全办添加您的账号，然后与安全办同步。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/app.py" line="130"/>
        <source>This computer is now “%1” of %2. Sign in with the account the safety office gave you.</source>
        <translation>这台电脑现在是%2的“%1”。请用安全办给您的账号登录。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/app.py" line="72"/>
        <source>Encrypting the database (a backup is taken first). A large database takes a few minutes…</source>
        <translation>正在加密数据库（先备份）。数据库较大时需要几分钟…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/app.py" line="85"/>
        <source>The database could not be encrypted now; it stays as it was and will be encrypted at the next start: %1</source>
        <translation>现在无法加密数据库，它保持原样，下次启动时再加密：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/app.py" line="90"/>
        <source>The database is now encrypted; a backup was taken first. Recovery key (shown only this once — write it down and give it to the safety office to keep): %1</source>
        <translation>数据库已加密（加密前已备份）。恢复密钥（只显示这一次，请抄写下来交安全办保管）：%1</translation>
    </message>
</context>
<context>
    <name>HubBox</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/hub_box.py" line="17"/>
        <source>Network hub</source>
        <translation>网络集线器</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hub_box.py" line="22"/>
        <source>https://hub.example:8443</source>
        <translation>https://集线器地址:8443</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hub_box.py" line="23"/>
        <source>The address of the city's sync hub; the program syncs with it every few minutes when it is reachable</source>
        <translation>全市同步集线器的地址；可访问时，程序每隔几分钟与其同步一次</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hub_box.py" line="26"/>
        <source>Sync with hub now</source>
        <translation>立即与集线器同步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hub_box.py" line="60"/>
        <source>Syncing with the hub…</source>
        <translation>正在与集线器同步…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hub_box.py" line="77"/>
        <source>Downloaded %1, imported %2, uploaded %3</source>
        <translation>下载 %1 个，导入 %2 个，上传 %3 个同步包</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/hub_box.py" line="86"/>
        <source>%1 enterprise uploads awaiting the office&apos;s confirmation (listed from the status bar)</source>
        <translation>%1 条企业上报待安全办确认（点状态栏查看）</translation>
    </message>
</context>
<context>
    <name>HubSyncer</name>
    <message>
        <location filename="../../safety_desk/ui/hub_syncer.py" line="85"/>
        <source>Hub: last synced %1</source>
        <translation>集线器：上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/hub_syncer.py" line="87"/>
        <source>Hub: not synced yet</source>
        <translation>集线器：尚未同步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/hub_syncer.py" line="104"/>
        <source>Hub unreachable: working offline</source>
        <translation>集线器不可达，离线工作中</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/hub_syncer.py" line="106"/>
        <source>Hub sync failed</source>
        <translation>与集线器同步失败</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/hub_syncer.py" line="112"/>
        <source>Hub: last synced %1, %2 bundles refused (see the Sync page)</source>
        <translation>集线器：上次同步 %1，%2 个同步包被拒收（见同步页面）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/hub_syncer.py" line="116"/>
        <source>Hub: last synced %1, the hub did not take the office&apos;s rows (sent again next time)</source>
        <translation>集线器：上次同步 %1，集线器未收下安全办的数据（下次同步时重发）</translation>
    </message>
</context>
<context>
    <name>EnrolPassphraseDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Enrolment passphrase</source>
        <translation>登记口令</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The enrolment file %1 is locked with a passphrase. The safety office was shown it when it enrolled this device: ask them for it and type it here (6 groups of 4 letters or digits; case and dashes do not matter).</source>
        <translation>登记文件 %1 已用登记口令加密。安全办登记此设备时得到了这个口令：请向安全办询问，并在此输入（6 组，每组 4 个字母或数字；不分大小写，短横线可省略）。</translation>
    </message>
</context>
<context>
    <name>SignInListDialog</name>
    <message>
        <source>Back to the default list</source>
        <translation>恢复默认名单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Filter by name or login</source>
        <translation>按姓名或登录名筛选</translation>
    </message>
    <message>
        <source>Now: a list the office named.</source>
        <translation>当前：安全办指定的名单。</translation>
    </message>
    <message>
        <source>Now: the default list (the inspectors and leaders of its districts, or the enterprise's own people).</source>
        <translation>当前：默认名单（其片区的检查员和包片领导，或本企业人员）。</translation>
    </message>
    <message>
        <source>Only the people ticked may sign in on %1, and only their password hashes are kept on it. The change reaches the device with its next sync.</source>
        <translation>只有勾选的人可以在 %1 上登录，设备上也只保存他们的密码散列。修改随该设备下次同步生效。</translation>
    </message>
    <message>
        <source>Save list</source>
        <translation>保存名单</translation>
    </message>
    <message>
        <source>Sign-in list of %1</source>
        <translation>%1 的登录名单</translation>
    </message>
    <message>
        <source>Tick at least one person, or go back to the default list.</source>
        <translation>请至少勾选一人，或恢复默认名单。</translation>
    </message>
</context>
<context>
    <name>PreviewStatus</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/preview_status.py" line="28"/>
        <source>Uploads the hub showed that the office has not yet confirmed: not in the records</source>
        <translation>集线器显示的、安全办尚未确认的企业上报：不属于台账记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/preview_status.py" line="44"/>
        <source>%1 enterprise uploads awaiting the office</source>
        <translation>%1 条企业上报待安全办确认</translation>
    </message>
</context>
<context>
    <name>PreviewsDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hub_previews.py" line="44"/>
        <source>Enterprise uploads awaiting the office&apos;s confirmation</source>
        <translation>待安全办确认的企业上报</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hub_previews.py" line="47"/>
        <source>The hub shows what these enterprises sent; the office has not yet confirmed it. None of it is in the records, the figures or any document until the office&apos;s program takes it in; what the office refuses disappears from here.</source>
        <translation>集线器显示了这些企业上报的内容，安全办尚未确认。在安全办的程序收下之前，这些内容不计入台账、统计或任何文书；安全办不予采纳的，会从这里消失。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hub_previews.py" line="60"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hub_previews.py" line="85"/>
        <source>No enterprise uploads are awaiting the office&apos;s confirmation.</source>
        <translation>没有待安全办确认的企业上报。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hub_previews.py" line="93"/>
        <source>Awaiting the office&apos;s confirmation</source>
        <translation>待安全办确认</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/hub_previews.py" line="97"/>
        <source>sent %1</source>
        <translation>上报于 %1</translation>
    </message>
</context>
</TS>
