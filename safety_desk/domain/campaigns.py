"""Campaigns (大排查 / 专项整治): their kinds and the rule saying which enterprises they target."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from safety_desk.domain.industry import parse_industry
from safety_desk.domain.language import say


class CampaignKind(StrEnum):
    """The value is the Chinese name stored and shown."""

    INVESTIGATION = "大排查"
    RECTIFICATION = "专项整治"


def parse_campaign_kind(text: Any) -> CampaignKind:
    choices = "、".join(kind.value for kind in CampaignKind)
    try:
        return CampaignKind(str(text).strip())
    except ValueError:
        raise ValueError(say(f"未知活动类型；可选：{choices}",
                             f"unknown campaign kind {text!r}; choose one of: {choices}")) from None


_KEYS = ("district_ids", "industries", "risk_classes", "enterprise_ids")


@dataclass(frozen=True)
class CampaignTargets:
    """Which enterprises a campaign covers.

    An enterprise is a target when it matches every non-empty filter (district, industry, risk class),
    or when it is named in `enterprise_ids`. With no filter at all, the named enterprises are the targets;
    with no filter and no names, every enterprise is.
    """

    district_ids: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    risk_classes: tuple[int, ...] = ()
    enterprise_ids: tuple[str, ...] = ()

    @property
    def has_filter(self) -> bool:
        return bool(self.district_ids or self.industries or self.risk_classes)

    @property
    def everyone(self) -> bool:
        return not self.has_filter and not self.enterprise_ids

    def matches(self, enterprise_id: str, district_id: str, industry: str, risk_class: int) -> bool:
        if enterprise_id in self.enterprise_ids:
            return True
        if not self.has_filter:
            return not self.enterprise_ids
        return ((not self.district_ids or district_id in self.district_ids)
                and (not self.industries or industry in self.industries)
                and (not self.risk_classes or risk_class in self.risk_classes))

    def to_dict(self) -> dict[str, list]:
        """As stored in campaign.targets (empty lists left out)."""
        return {key: list(getattr(self, key)) for key in _KEYS if getattr(self, key)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "CampaignTargets":
        """Parse and check a stored or entered rule; ValueError names the bad part."""
        data = data or {}
        if not isinstance(data, dict):
            raise ValueError(say(f"活动对象格式错误", f"campaign targets must be a mapping, got {data!r}"))
        unknown = set(data) - set(_KEYS)
        if unknown:
            raise ValueError(say(f"活动对象含未知条件", f"unknown target conditions: {', '.join(sorted(unknown))}"))
        lists = {}
        for key in _KEYS:
            value = data.get(key) or []
            if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
                raise ValueError(say(f"活动对象 {key} 应为列表", f"campaign targets {key} must be a list"))
            lists[key] = list(dict.fromkeys(value))
        for risk_class in lists["risk_classes"]:
            if isinstance(risk_class, bool) or risk_class not in (1, 2, 3):
                raise ValueError(say(f"风险类别应为 1、2 或 3", f"risk class {risk_class!r} must be 1, 2 or 3"))
        industries = [parse_industry(str(industry)).value for industry in lists["industries"]]
        for key in ("district_ids", "enterprise_ids"):
            if not all(isinstance(item, str) and item for item in lists[key]):
                raise ValueError(say(f"活动对象 {key} 含无效编号", f"campaign targets {key} holds an invalid id"))
        return cls(district_ids=tuple(lists["district_ids"]), industries=tuple(industries),
                   risk_classes=tuple(int(r) for r in lists["risk_classes"]),
                   enterprise_ids=tuple(lists["enterprise_ids"]))
