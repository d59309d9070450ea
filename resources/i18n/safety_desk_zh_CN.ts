<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="33"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="38"/>
        <source>Open hazards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="39"/>
        <source>Overdue hazards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="40"/>
        <source>Open major hazards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="41"/>
        <source>Inspections this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="42"/>
        <source>Inspections in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="43"/>
        <source>Enterprises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="49"/>
        <source>Start an inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/dashboard.py" line="66"/>
        <source>%1 · goal: no liable accident of grade &quot;larger&quot; or above</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrillsModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="157"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="157"/>
        <source>Plan type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="157"/>
        <source>Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="157"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterpriseEditor</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="32"/>
        <source>Edit enterprise — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="39"/>
        <source>18 characters, e.g. 91370200MA3C1234X5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="50"/>
        <source>1 (highest risk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="52"/>
        <source>3 (lowest risk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="54"/>
        <source>High-risk: drills at least every 6 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="69"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="70"/>
        <source>USCC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="71"/>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="72"/>
        <source>Risk class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="74"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="75"/>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="76"/>
        <source>Safety officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="77"/>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="81"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="134"/>
        <source>The name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/enterprise_editor.py" line="142"/>
        <source>7 to 20 digits; only + - ( ) and spaces may go between them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="49"/>
        <source>Enterprises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="82"/>
        <source>Name, USCC or pinyin initials such as zgjt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="122"/>
        <source>Choose an enterprise on the left, or search for one, to see its particulars, inspections, open hazards and drills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="138"/>
        <source>New inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="158"/>
        <source>Double-click an inspection to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="165"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="166"/>
        <source>Inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="167"/>
        <source>Open hazards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="168"/>
        <source>Drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="188"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="188"/>
        <source>USCC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="188"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="189"/>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="189"/>
        <source>Risk class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="190"/>
        <source>High-risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="190"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="191"/>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="191"/>
        <source>Safety officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="192"/>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="192"/>
        <source>Tracked since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="201"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="260"/>
        <source>%1 · leader %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="270"/>
        <source>District %1
Leader: %2
Inspectors: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="283"/>
        <source>Districts: %1 · enterprises: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="299"/>
        <source>%1
USCC %2 · %3 · risk class %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="335"/>
        <source>No enterprise matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="337"/>
        <source>The first %1 matches; type more to narrow them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="339"/>
        <source>Matches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="382"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="382"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="393"/>
        <source>Inspections (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="396"/>
        <source>Open hazards (%1, %2 overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="399"/>
        <source>Open hazards (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/enterprises.py" line="402"/>
        <source>Drills (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="19"/>
        <source>Set up SafetyDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="21"/>
        <source>Welcome. Name your office and create the first account; you will use it to sign in from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="43"/>
        <source>Office name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="44"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="45"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="46"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="47"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="48"/>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="50"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/first_run.py" line="61"/>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionRunner</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="147"/>
        <source>Submit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="149"/>
        <source>Check, sign and submit (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="198"/>
        <source>Major hazard if failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="217"/>
        <source>Y  Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="218"/>
        <source>N  No, not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="229"/>
        <source>1  Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="230"/>
        <source>2  Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="231"/>
        <source>3  Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="264"/>
        <source>Note (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="273"/>
        <source>Photo (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="341"/>
        <source>Hazard (H to edit; saved as you leave each field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="357"/>
        <source>Workshop, floor, equipment …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="360"/>
        <source>What the enterprise must do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="382"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="384"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="386"/>
        <source>Responsible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="388"/>
        <source>Measures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="390"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="514"/>
        <source>Answered %1 / %2 · failures %3 · major hazards %4 · score %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="521"/>
        <source>Submitted %1 — this record is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="585"/>
        <source>Answer No if this part does not apply to the enterprise: its %1 items are hidden and not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="596"/>
        <source>Y yes · N no (hides the part) · Enter or ↓ next · ↑ previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="606"/>
        <source>Basis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="626"/>
        <source>Type the answer, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="639"/>
        <source>Number, %1 to %2 passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="642"/>
        <source>Number, at least %1 passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="644"/>
        <source>Number, at most %1 passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="645"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="671"/>
        <source>passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="671"/>
        <source>fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="671"/>
        <source>recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="702"/>
        <source>Read-only · ↑↓ move between items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="704"/>
        <source>Failed: complete the hazard below (H), add a photo (P, Ctrl+V) — then Enter for the next item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="707"/>
        <source>Type the number, Enter records it · Esc leaves the field (then 3 not applicable, N note, P photo) · ↑↓ move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="710"/>
        <source>Type the answer, Enter records it · Esc leaves the field (then 3 not applicable, N note) · ↑↓ move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="714"/>
        <source>A–%1 choose · 3 not applicable · Enter next · ↑↓ move · N note · P photo · Ctrl+V paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="716"/>
        <source>1 pass · 2 fail · 3 not applicable · Enter next · ↑↓ move · N note · P photo · Ctrl+V paste photo · Ctrl+Enter submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="734"/>
        <source>Every item is answered · Ctrl+Enter to sign and submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="805"/>
        <source>Answer the item before adding a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="808"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="809"/>
        <source>Note for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="811"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="812"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="830"/>
        <source>No note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="848"/>
        <source>Answer the item before adding a photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="919"/>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="944"/>
        <source>Cannot submit yet (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/inspection_runner.py" line="1016"/>
        <source>This item is answered with a value, not pass or fail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="76"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="76"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="76"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="76"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="78"/>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="78"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="78"/>
        <source>Special</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="79"/>
        <source>Seasonal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="79"/>
        <source>Holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="80"/>
        <source>Unannounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="80"/>
        <source>Self-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="81"/>
        <source>Re-inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="83"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="83"/>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="40"/>
        <source>Choose an inspection on the left to continue it,
or start a new one (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="64"/>
        <source>Inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="66"/>
        <source>New inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="68"/>
        <source>Start an inspection (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="74"/>
        <source>Recently submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="112"/>
        <source>In progress (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="177"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/inspections.py" line="177"/>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="33"/>
        <source>SafetyDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="46"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="47"/>
        <source>Enterprises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="48"/>
        <source>Inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="49"/>
        <source>Hazards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="50"/>
        <source>Hazard ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="50"/>
        <source>The hazard ledger with filters, rectification and re-inspection arrives with the next release. Hazards found in inspections are already recorded and shown on each enterprise&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="54"/>
        <source>Drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="55"/>
        <source>Emergency drills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="55"/>
        <source>Planning and recording drills arrives with the next release; each enterprise&apos;s drills are shown on its page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="57"/>
        <location filename="../../safety_desk/ui/main_window.py" line="58"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="58"/>
        <source>The weekly summary, notices and statistics as PDF arrive with the next release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="60"/>
        <location filename="../../safety_desk/ui/main_window.py" line="61"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="61"/>
        <source>Exchanging data with the office by file or shared folder arrives with the next release. Every change is already recorded for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="63"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="90"/>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/main_window.py" line="133"/>
        <source>Not yet synced: %1 changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="37"/>
        <source>New inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="42"/>
        <source>Name, USCC or pinyin initials, e.g. zgjz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="75"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="84"/>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="163"/>
        <source>Choose an enterprise to see its district&apos;s inspectors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="93"/>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="95"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="96"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="97"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="98"/>
        <source>Other inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="103"/>
        <source>Start inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="105"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="151"/>
        <source>This enterprise is outside your districts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="184"/>
        <source>Nobody else in this district.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="222"/>
        <source>Choose the enterprise from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/new_inspection.py" line="226"/>
        <source>Choose a checklist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenHazardsModel</name>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="111"/>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="111"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="111"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="111"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="112"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/models/enterprise_models.py" line="112"/>
        <source>Overdue days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="206"/>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="276"/>
        <source>No photos. Add, drop or paste (Ctrl+V) photos here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="218"/>
        <source>Add photos (or drop them here, or paste with Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="224"/>
        <source>Processing photos: %v of %m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="427"/>
        <source>Photo not on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="430"/>
        <source>taken %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="443"/>
        <source>The photo file is missing on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="465"/>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="466"/>
        <source>Images (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="494"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_strip.py" line="496"/>
        <source>Remove from here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="220"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="227"/>
        <source>The photo file is missing on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="249"/>
        <source>Move (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="250"/>
        <source>Arrow (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="251"/>
        <source>Circle (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="252"/>
        <source>Text (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="265"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="271"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="272"/>
        <source>Remove all annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="279"/>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="281"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="284"/>
        <source>Fit to window (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="367"/>
        <source>Annotations not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="381"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="381"/>
        <source>Text to write on the photo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="392"/>
        <source>Unsaved annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/widgets/photo_viewer.py" line="392"/>
        <source>Save the annotations before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="16"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="23"/>
        <location filename="../../safety_desk/ui/pages/settings.py" line="26"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="29"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="32"/>
        <source>Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="33"/>
        <source>Default deadline, general hazard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="34"/>
        <source>Default deadline, major hazard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/pages/settings.py" line="56"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="18"/>
        <source>Sign in — SafetyDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="30"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="31"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_in.py" line="33"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInspectionDialog</name>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="31"/>
        <source>Sign and submit the inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="39"/>
        <source>%1 items answered, %2 failed, %3 major hazards. After submitting, the record can no longer be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="52"/>
        <source>Name of the enterprise&apos;s representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="57"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="58"/>
        <source>Enterprise representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="67"/>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="69"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="82"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="86"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="95"/>
        <source>Both the inspector and the enterprise&apos;s representative must sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../safety_desk/ui/dialogs/sign_inspection.py" line="99"/>
        <source>Enter the name of the enterprise&apos;s representative.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../safety_desk/ui/widgets/signature_pad.py" line="30"/>
        <source>Sign here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
