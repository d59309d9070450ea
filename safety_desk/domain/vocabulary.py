"""The controlled vocabulary as a person reads it: stored codes (一般, 待复查, 四不两直) in the chosen language."""

from __future__ import annotations

from safety_desk.domain.campaigns import CampaignKind
from safety_desk.domain.drills import DrillContent, DrillForm, DrillPlanType
from safety_desk.domain.grading import AccidentGrade, HazardGrade
from safety_desk.domain.hazard_status import HazardStatus
from safety_desk.domain.industry import Industry
from safety_desk.domain.language import say
from safety_desk.domain.risk import RiskLevel

# The stored value is the Chinese word (sync data, the words of official documents); only the display changes.
# English terms are those the English UI already uses where it has one ("Closed", "Awaiting re-inspection").
ENGLISH: dict[str, str] = {
    HazardGrade.GENERAL: "General",
    HazardGrade.MAJOR: "Major",
    # Accident grades share 一般 and 重大 with the hazard grades: the same English word fits both.
    AccidentGrade.LARGER: "Larger",
    AccidentGrade.ESPECIALLY_MAJOR: "Especially major",
    HazardStatus.OPEN: "Awaiting rectification",
    HazardStatus.IN_PROGRESS: "In rectification",
    HazardStatus.AWAITING_REVIEW: "Awaiting re-inspection",
    HazardStatus.CLOSED: "Closed",
    RiskLevel.MAJOR: "Major risk",
    RiskLevel.SIGNIFICANT: "Significant risk",
    RiskLevel.GENERAL: "General risk",
    RiskLevel.LOW: "Low risk",
    CampaignKind.INVESTIGATION: "Investigation",
    CampaignKind.RECTIFICATION: "Special rectification",
    DrillPlanType.COMPREHENSIVE: "Comprehensive plan",
    DrillPlanType.SPECIFIC: "Specific plan",
    DrillPlanType.ON_SITE: "On-site procedure",
    DrillContent.COMPREHENSIVE: "Comprehensive drill",
    DrillContent.SINGLE: "Single-item drill",
    DrillForm.LIVE: "Live drill",
    DrillForm.TABLETOP: "Tabletop drill",
    # Supervision industries (the enterprise's industry field).
    Industry.METALLURGY: "Metallurgy",
    Industry.NONFERROUS: "Non-ferrous metals",
    Industry.BUILDING_MATERIALS: "Building materials",
    Industry.MACHINERY: "Machinery",
    Industry.LIGHT_INDUSTRY: "Light industry",
    Industry.TEXTILES: "Textiles",
    Industry.TOBACCO: "Tobacco",
    Industry.COMMERCE: "Commerce and trade",
    Industry.HAZARDOUS_CHEMICALS: "Hazardous chemicals",
    Industry.CONSTRUCTION: "Construction",
    Industry.MINING: "Mining",
    Industry.TRANSPORT: "Transport",
    Industry.WAREHOUSING: "Warehousing and logistics",
    Industry.POWER: "Electric power",
    Industry.GAS: "Gas supply",
    Industry.URBAN_RAIL: "Urban rail transit",
    Industry.HOTEL_CATERING: "Hotels and catering",
    Industry.REAL_ESTATE: "Real estate",
    Industry.FINANCE_SERVICES: "Financial services",
    Industry.OTHER: "Other",
}
# GB 6441 accident types (regulations.md §1), offered for an incident and named by checklists for a hazard.
ACCIDENT_TYPES = ("物体打击", "车辆伤害", "机械伤害", "起重伤害", "触电", "淹溺", "灼烫", "火灾", "高处坠落", "坍塌",
                  "冒顶片帮", "透水", "放炮", "火药爆炸", "瓦斯爆炸", "锅炉爆炸", "容器爆炸", "其他爆炸", "中毒和窒息",
                  "其他伤害")
ENGLISH.update(zip(ACCIDENT_TYPES, (
    "Struck by object", "Vehicle injury", "Machinery injury", "Lifting injury", "Electric shock", "Drowning",
    "Burns and scalds", "Fire", "Fall from height", "Collapse", "Roof fall and rib spalling", "Water inrush",
    "Blasting", "Explosives explosion", "Firedamp explosion", "Boiler explosion", "Pressure vessel explosion",
    "Other explosion", "Poisoning and asphyxiation", "Other injury")))

# Training kinds offered in the training editor (a kind may also be typed: that text is shown as typed).
TRAINING_KINDS = ("企业培训", "联合培训", "片区培训", "全市培训", "宣教活动")
ENGLISH.update(zip(TRAINING_KINDS, ("Enterprise training", "Joint training", "District training",
                                    "City-wide training", "Awareness activity")))

# Inspection kinds are stored as English codes; (Chinese, English) as read. The Chinese is also the official
# documents' word (services.inspections.KIND_NAMES), the English the one the GUI's inspection lists use.
INSPECTION_KIND_WORDS: dict[str, tuple[str, str]] = {
    "routine": ("日常检查", "Routine"),
    "campaign": ("大排查/专项检查", "Campaign"),
    "special": ("专项检查", "Special"),
    "seasonal": ("季节性检查", "Seasonal"),
    "holiday": ("节假日检查", "Holiday"),
    "unannounced": ("四不两直", "Unannounced"),
    "self_inspection": ("企业自查", "Self-inspection"),
    "re_inspection": ("复查", "Re-inspection"),
}


def word(code: str | None) -> str:
    """A stored vocabulary code as shown: the code itself in Chinese, its English word in English.

    Anything else (user data, an unknown code from a newer device) is shown as it is."""
    if not code:
        return ""
    return say(code, ENGLISH.get(code, code))


def inspection_kind(code: str) -> str:
    """An inspection's kind code (routine, unannounced ...) as a person reads it."""
    names = INSPECTION_KIND_WORDS.get(code)
    return say(*names) if names else code
