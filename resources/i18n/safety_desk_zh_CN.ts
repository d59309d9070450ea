<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="33"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="38"/>
        <source>Open hazards</source>
        <translation>未销号隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="39"/>
        <source>Overdue hazards</source>
        <translation>逾期隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="40"/>
        <source>Open major hazards</source>
        <translation>未销号重大隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="41"/>
        <source>Inspections this week</source>
        <translation>本周检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="42"/>
        <source>Inspections in progress</source>
        <translation>进行中的检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="43"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="49"/>
        <source>Start an inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="66"/>
        <source>%1 · goal: no liable accident of grade &quot;larger&quot; or above</source>
        <translation>%1 · 目标：不发生较大及以上安全生产责任事故</translation>
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
    <name>EnterpriseEditor</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="32"/>
        <source>Edit enterprise — %1</source>
        <translation>编辑企业 — %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="39"/>
        <source>18 characters, e.g. 91370200MA3C1234X5</source>
        <translation>18位，例如 91370200MA3C1234X5</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="50"/>
        <source>1 (highest risk)</source>
        <translation>1（风险最高）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="52"/>
        <source>3 (lowest risk)</source>
        <translation>3（风险最低）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="54"/>
        <source>High-risk: drills at least every 6 months</source>
        <translation>高风险企业：每6个月至少演练一次</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="69"/>
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="70"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="71"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="72"/>
        <source>Risk class</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="74"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="75"/>
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="76"/>
        <source>Safety officer</source>
        <translation>安全员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="77"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="81"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="134"/>
        <source>The name is required.</source>
        <translation>请填写企业名称。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="142"/>
        <source>7 to 20 digits; only + - ( ) and spaces may go between them.</source>
        <translation>应为7～20位数字，数字之间只能有 + - ( ) 和空格。</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="49"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="82"/>
        <source>Name, USCC or pinyin initials such as zgjt</source>
        <translation>名称、信用代码或拼音首字母（如 zgjt）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="122"/>
        <source>Choose an enterprise on the left, or search for one, to see its particulars, inspections, open hazards and drills.</source>
        <translation>在左侧选择或搜索企业，查看其基本信息、检查记录、未销号隐患和演练。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="138"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="158"/>
        <source>Double-click an inspection to open it.</source>
        <translation>双击检查记录即可打开。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="165"/>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="166"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="167"/>
        <source>Open hazards</source>
        <translation>未销号隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="168"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="188"/>
        <source>Name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="188"/>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="369"/>
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="188"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="189"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="189"/>
        <source>Risk class</source>
        <translation>风险类别</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="190"/>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="371"/>
        <source>High-risk</source>
        <translation>高风险企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="190"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="191"/>
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="191"/>
        <source>Safety officer</source>
        <translation>安全员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="192"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="192"/>
        <source>Tracked since</source>
        <translation>纳入监管日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="201"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="260"/>
        <source>%1 · leader %2</source>
        <translation>%1 · 包片领导：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="270"/>
        <source>District %1
Leader: %2
Inspectors: %3</source>
        <translation>片区：%1
包片领导：%2
检查员：%3</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="283"/>
        <source>Districts: %1 · enterprises: %2</source>
        <translation>片区：%1 · 企业：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="299"/>
        <source>%1
USCC %2 · %3 · risk class %4</source>
        <translation>%1
统一社会信用代码：%2 · %3 · 风险类别：%4</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="335"/>
        <source>No enterprise matches “%1”.</source>
        <translation>没有与“%1”匹配的企业。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="337"/>
        <source>The first %1 matches; type more to narrow them.</source>
        <translation>仅显示前%1条结果，请输入更多内容以缩小范围。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="339"/>
        <source>Matches: %1</source>
        <translation>匹配结果：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="370"/>
        <source>Risk class %1</source>
        <translation>风险类别 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="386"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="386"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="397"/>
        <source>Inspections (%1)</source>
        <translation>检查记录（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="400"/>
        <source>Open hazards (%1, %2 overdue)</source>
        <translation>未销号隐患（%1，逾期%2）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="403"/>
        <source>Open hazards (%1)</source>
        <translation>未销号隐患（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="406"/>
        <source>Drills (%1)</source>
        <translation>演练（%1）</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="19"/>
        <source>Set up SafetyDesk</source>
        <translation>初始化安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="21"/>
        <source>Welcome. Name your office and create the first account; you will use it to sign in from now on.</source>
        <translation>欢迎使用。请填写单位名称并创建第一个账号，今后将使用该账号登录。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="43"/>
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="44"/>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="45"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="46"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="47"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="48"/>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="50"/>
        <source>Create account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="61"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="33"/>
        <source>Hazard ledger</source>
        <translation>隐患台账</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="89"/>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="94"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="99"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="105"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="111"/>
        <source>Description, location or enterprise</source>
        <translation>隐患描述、部位或企业名称</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="114"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="131"/>
        <source>Found from</source>
        <translation>发现日期从</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="133"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="150"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="165"/>
        <source>All districts</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="168"/>
        <source>All campaigns</source>
        <translation>全部专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/hazards.py" line="191"/>
        <source>%1 hazards</source>
        <translation>共 %1 条隐患</translation>
    </message>
</context>
<context>
    <name>InspectionRunner</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="147"/>
        <source>Submit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="149"/>
        <source>Check, sign and submit (Ctrl+Enter)</source>
        <translation>核对、签名并提交（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="198"/>
        <source>Major hazard if failed</source>
        <translation>不合格即为重大隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="217"/>
        <source>Y  Yes</source>
        <translation>Y  是</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="218"/>
        <source>N  No, not applicable</source>
        <translation>N  否，不适用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="229"/>
        <source>1  Pass</source>
        <translation>1  合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="230"/>
        <source>2  Fail</source>
        <translation>2  不合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="231"/>
        <source>3  Not applicable</source>
        <translation>3  不适用</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="264"/>
        <source>Note (N)</source>
        <translation>备注（N）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="273"/>
        <source>Photo (P)</source>
        <translation>照片（P）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="341"/>
        <source>Hazard (H to edit; saved as you leave each field)</source>
        <translation>隐患（按 H 编辑；离开各字段时自动保存）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="357"/>
        <source>Workshop, floor, equipment …</source>
        <translation>车间、楼层、设备等</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="360"/>
        <source>What the enterprise must do</source>
        <translation>企业须采取的整改措施</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="382"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="384"/>
        <source>Location</source>
        <translation>隐患部位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="386"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="388"/>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="390"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="514"/>
        <source>Answered %1 / %2 · failures %3 · major hazards %4 · score %5</source>
        <translation>已作答 %1/%2 · 不合格 %3 · 重大隐患 %4 · 得分 %5</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="521"/>
        <source>Submitted %1 — this record is read-only</source>
        <translation>已于 %1 提交，本记录为只读</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="585"/>
        <source>Answer No if this part does not apply to the enterprise: its %1 items are hidden and not counted.</source>
        <translation>如本部分不适用于该企业，请选择“否”：其下%1个检查项将隐藏且不计入统计。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="596"/>
        <source>Y yes · N no (hides the part) · Enter or ↓ next · ↑ previous</source>
        <translation>Y 是 · N 否（隐藏本部分） · Enter 或 ↓ 下一项 · ↑ 上一项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="606"/>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="626"/>
        <source>Type the answer, then Enter</source>
        <translation>输入内容后按 Enter</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="639"/>
        <source>Number, %1 to %2 passes</source>
        <translation>数值，%1～%2为合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="642"/>
        <source>Number, at least %1 passes</source>
        <translation>数值，不低于%1为合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="644"/>
        <source>Number, at most %1 passes</source>
        <translation>数值，不高于%1为合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="645"/>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="671"/>
        <source>passes</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="671"/>
        <source>fails</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="671"/>
        <source>recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="702"/>
        <source>Read-only · ↑↓ move between items</source>
        <translation>只读 · ↑↓ 切换检查项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="704"/>
        <source>Failed: complete the hazard below (H), add a photo (P, Ctrl+V) — then Enter for the next item</source>
        <translation>不合格：请填写下方隐患信息（H），添加照片（P、Ctrl+V），然后按 Enter 进入下一项</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="707"/>
        <source>Type the number, Enter records it · Esc leaves the field (then 3 not applicable, N note, P photo) · ↑↓ move</source>
        <translation>输入数值，按 Enter 记录 · Esc 退出输入框（之后可按 3 不适用、N 备注、P 照片） · ↑↓ 切换</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="710"/>
        <source>Type the answer, Enter records it · Esc leaves the field (then 3 not applicable, N note) · ↑↓ move</source>
        <translation>输入内容，按 Enter 记录 · Esc 退出输入框（之后可按 3 不适用、N 备注） · ↑↓ 切换</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="714"/>
        <source>A–%1 choose · 3 not applicable · Enter next · ↑↓ move · N note · P photo · Ctrl+V paste</source>
        <translation>A–%1 选择 · 3 不适用 · Enter 下一项 · ↑↓ 切换 · N 备注 · P 照片 · Ctrl+V 粘贴</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="716"/>
        <source>1 pass · 2 fail · 3 not applicable · Enter next · ↑↓ move · N note · P photo · Ctrl+V paste photo · Ctrl+Enter submit</source>
        <translation>1 合格 · 2 不合格 · 3 不适用 · Enter 下一项 · ↑↓ 切换 · N 备注 · P 照片 · Ctrl+V 粘贴照片 · Ctrl+Enter 提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="734"/>
        <source>Every item is answered · Ctrl+Enter to sign and submit</source>
        <translation>所有检查项均已作答 · 按 Ctrl+Enter 签名并提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="805"/>
        <source>Answer the item before adding a note.</source>
        <translation>请先作答本检查项，再添加备注。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="808"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="809"/>
        <source>Note for %1</source>
        <translation>检查项 %1 的备注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="811"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="812"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="830"/>
        <source>No note</source>
        <translation>无备注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="848"/>
        <source>Answer the item before adding a photo.</source>
        <translation>请先作答本检查项，再添加照片。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="919"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="944"/>
        <source>Cannot submit yet (%1): %2</source>
        <translation>暂不能提交（%1个问题）：%2</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="1016"/>
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
        <location filename="../../safety_desk/ui/pages/inspections.py" line="40"/>
        <source>Choose an inspection on the left to continue it,
or start a new one (Ctrl+N).</source>
        <translation>在左侧选择检查以继续，
或新建检查（Ctrl+N）。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="64"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="66"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="68"/>
        <source>Start an inspection (Ctrl+N)</source>
        <translation>开始检查（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="74"/>
        <source>Recently submitted</source>
        <translation>最近提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="112"/>
        <source>In progress (%1)</source>
        <translation>进行中（%1）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="177"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="177"/>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="34"/>
        <source>Found</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="34"/>
        <source>District</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="34"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="34"/>
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="35"/>
        <source>Description</source>
        <translation>隐患描述</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="35"/>
        <source>Location</source>
        <translation>隐患部位</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="35"/>
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="36"/>
        <source>Overdue days</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="36"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="36"/>
        <source>Notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="38"/>
        <source>Inspection</source>
        <translation>监督检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="38"/>
        <source>Self-inspection</source>
        <translation>企业自查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="39"/>
        <source>Drill</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="39"/>
        <source>Public report</source>
        <translation>群众举报</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="40"/>
        <source>Enforcement</source>
        <translation>执法检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/ledger_model.py" line="40"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="34"/>
        <source>SafetyDesk</source>
        <translation>安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="47"/>
        <source>Dashboard</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="48"/>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="49"/>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="50"/>
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="51"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="52"/>
        <source>Emergency drills</source>
        <translation>应急演练</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="52"/>
        <source>Planning and recording drills arrives with the next release; each enterprise&apos;s drills are shown on its page.</source>
        <translation>演练计划与记录功能将在下一版本中提供；各企业的演练情况已显示在其页面上。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="54"/>
        <location filename="../../safety_desk/ui/main_window.py" line="55"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="55"/>
        <source>The weekly summary, notices and statistics as PDF arrive with the next release.</source>
        <translation>周汇总、通知书和统计报表的 PDF 输出将在下一版本中提供。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="57"/>
        <location filename="../../safety_desk/ui/main_window.py" line="58"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="58"/>
        <source>Exchanging data with the office by file or shared folder arrives with the next release. Every change is already recorded for it.</source>
        <translation>通过文件或共享文件夹与安全办交换数据的功能将在下一版本中提供。所有更改均已记录，供届时同步。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="60"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="87"/>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="130"/>
        <source>Not yet synced: %1 changes</source>
        <translation>未同步更改：%1项</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="37"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="42"/>
        <source>Name, USCC or pinyin initials, e.g. zgjz</source>
        <translation>企业名称、统一社会信用代码或拼音首字母（如 zgjz）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="75"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="84"/>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="163"/>
        <source>Choose an enterprise to see its district&apos;s inspectors.</source>
        <translation>选择企业后显示其所在片区的检查员。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="93"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="95"/>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="96"/>
        <source>Kind</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="97"/>
        <source>Campaign</source>
        <translation>专项行动</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="98"/>
        <source>Other inspectors</source>
        <translation>其他检查员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="103"/>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="105"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="151"/>
        <source>This enterprise is outside your districts.</source>
        <translation>该企业不在您负责的片区内。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="184"/>
        <source>Nobody else in this district.</source>
        <translation>本片区没有其他检查员。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="222"/>
        <source>Choose the enterprise from the list.</source>
        <translation>请从列表中选择企业。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="226"/>
        <source>Choose a checklist.</source>
        <translation>请选择检查表。</translation>
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
    <name>PhotoStrip</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="206"/>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="276"/>
        <source>No photos. Add, drop or paste (Ctrl+V) photos here.</source>
        <translation>暂无照片。可在此添加、拖放或粘贴（Ctrl+V）照片。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="218"/>
        <source>Add photos (or drop them here, or paste with Ctrl+V)</source>
        <translation>添加照片（也可拖放到此处，或按 Ctrl+V 粘贴）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="224"/>
        <source>Processing photos: %v of %m</source>
        <translation>正在处理照片：%v/%m</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="427"/>
        <source>Photo not on record</source>
        <translation>无此照片记录</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="430"/>
        <source>taken %1</source>
        <translation>拍摄于 %1</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="443"/>
        <source>The photo file is missing on this computer.</source>
        <translation>本机上找不到该照片文件。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="465"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="466"/>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="494"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="496"/>
        <source>Remove from here</source>
        <translation>从此处移除</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="220"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="227"/>
        <source>The photo file is missing on this computer.</source>
        <translation>本机上找不到该照片文件。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="249"/>
        <source>Move (M)</source>
        <translation>移动（M）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="250"/>
        <source>Arrow (A)</source>
        <translation>箭头（A）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="251"/>
        <source>Circle (C)</source>
        <translation>圆圈（C）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="252"/>
        <source>Text (T)</source>
        <translation>文字（T）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="265"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="271"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="272"/>
        <source>Remove all annotations</source>
        <translation>清除全部标注</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="279"/>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="281"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="284"/>
        <source>Fit to window (0)</source>
        <translation>适应窗口（0）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="367"/>
        <source>Annotations not saved</source>
        <translation>标注未能保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="381"/>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="381"/>
        <source>Text to write on the photo:</source>
        <translation>要标注在照片上的文字：</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="392"/>
        <source>Unsaved annotations</source>
        <translation>标注尚未保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="392"/>
        <source>Save the annotations before closing?</source>
        <translation>关闭前是否保存标注？</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="16"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="23"/>
        <location filename="../../safety_desk/ui/pages/settings.py" line="26"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="29"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="32"/>
        <source>Language (after restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="33"/>
        <source>Default deadline, general hazard</source>
        <translation>一般隐患默认整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="34"/>
        <source>Default deadline, major hazard</source>
        <translation>重大隐患默认整改期限</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="56"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="18"/>
        <source>Sign in — SafetyDesk</source>
        <translation>登录 — 安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="20"/>
        <source>SafetyDesk</source>
        <translation>安全检查工作台</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="31"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="32"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="34"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>SignInspectionDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="31"/>
        <source>Sign and submit the inspection</source>
        <translation>签名并提交检查</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="39"/>
        <source>%1 items answered, %2 failed, %3 major hazards. After submitting, the record can no longer be changed.</source>
        <translation>已作答%1项，不合格%2项，重大隐患%3项。提交后记录将无法修改。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="52"/>
        <source>Name of the enterprise&apos;s representative</source>
        <translation>企业代表姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="57"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="58"/>
        <source>Enterprise representative</source>
        <translation>企业代表</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="67"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="69"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="82"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="86"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="95"/>
        <source>Both the inspector and the enterprise&apos;s representative must sign.</source>
        <translation>检查员和企业代表均须签名。</translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="99"/>
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
</TS>
