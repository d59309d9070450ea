"""GB/T 4754-2017 国民经济行业分类 codes and names, and office short forms, mapped to the supervision industries.

Source: GB/T 4754-2017《国民经济行业分类》(with 第1号修改单, 2019): 门类 A–T, 大类 01–97 and the 中类/小类 codes
and names an SOE list commonly carries. The 门类 letters, the 大类 range and names such as 建筑业, 水的生产和供应业,
道路运输业 are [V] (shared/domain/regulations.md, "Added December 2026", which also says: map them, never refuse
them); the rest of the code list is recited from the standard's published table without a copy read here [M], and
the mapping to the supervision industries (domain/industry.py) is this project's judgement [M], noted where it is
not obvious. A code maps at the most specific level this table knows (小类, then 中类, then 大类, then 门类), so
every 大类 01–97 maps even when its 中类 is not listed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from safety_desk.domain.industry import Industry
from safety_desk.domain.language import say

I = Industry  # noqa: E741 - the table below reads as a table

# 门类: letter -> (name, industry).
SECTIONS: dict[str, tuple[str, Industry]] = {
    "A": ("农、林、牧、渔业", I.OTHER),
    "B": ("采矿业", I.MINING),
    # 制造业 without its 大类: 机械, the most common and a class-1 industry — erring towards closer supervision.
    "C": ("制造业", I.MACHINERY),
    # Mostly power and heat (大类 44); gas (45, 燃气) and water (46) are told apart below.
    "D": ("电力、热力、燃气及水生产和供应业", I.POWER),
    "E": ("建筑业", I.CONSTRUCTION),
    "F": ("批发和零售业", I.COMMERCE),
    "G": ("交通运输、仓储和邮政业", I.TRANSPORT),
    "H": ("住宿和餐饮业", I.HOTEL_CATERING),
    "I": ("信息传输、软件和信息技术服务业", I.OTHER),
    "J": ("金融业", I.FINANCE_SERVICES),
    "K": ("房地产业", I.REAL_ESTATE),
    "L": ("租赁和商务服务业", I.OTHER),
    "M": ("科学研究和技术服务业", I.OTHER),
    "N": ("水利、环境和公共设施管理业", I.OTHER),
    "O": ("居民服务、修理和其他服务业", I.OTHER),
    "P": ("教育", I.OTHER),
    "Q": ("卫生和社会工作", I.OTHER),
    "R": ("文化、体育和娱乐业", I.OTHER),
    "S": ("公共管理、社会保障和社会组织", I.OTHER),
    "T": ("国际组织", I.OTHER),
}

# 大类: two-digit code -> (name, industry). Every code 01–97.
DIVISIONS: dict[str, tuple[str, Industry]] = {
    "01": ("农业", I.OTHER), "02": ("林业", I.OTHER), "03": ("畜牧业", I.OTHER), "04": ("渔业", I.OTHER),
    "05": ("农、林、牧、渔专业及辅助性活动", I.OTHER),
    "06": ("煤炭开采和洗选业", I.MINING), "07": ("石油和天然气开采业", I.MINING),
    "08": ("黑色金属矿采选业", I.MINING), "09": ("有色金属矿采选业", I.MINING),
    "10": ("非金属矿采选业", I.MINING), "11": ("开采专业及辅助性活动", I.MINING), "12": ("其他采矿业", I.MINING),
    "13": ("农副食品加工业", I.LIGHT_INDUSTRY), "14": ("食品制造业", I.LIGHT_INDUSTRY),
    "15": ("酒、饮料和精制茶制造业", I.LIGHT_INDUSTRY), "16": ("烟草制品业", I.TOBACCO),
    "17": ("纺织业", I.TEXTILES), "18": ("纺织服装、服饰业", I.TEXTILES),
    "19": ("皮革、毛皮、羽毛及其制品和制鞋业", I.LIGHT_INDUSTRY),
    "20": ("木材加工和木、竹、藤、棕、草制品业", I.LIGHT_INDUSTRY), "21": ("家具制造业", I.LIGHT_INDUSTRY),
    "22": ("造纸和纸制品业", I.LIGHT_INDUSTRY), "23": ("印刷和记录媒介复制业", I.LIGHT_INDUSTRY),
    "24": ("文教、工美、体育和娱乐用品制造业", I.LIGHT_INDUSTRY),
    "25": ("石油、煤炭及其他燃料加工业", I.HAZARDOUS_CHEMICALS),
    "26": ("化学原料和化学制品制造业", I.HAZARDOUS_CHEMICALS),
    # 医药制造 works with solvents and reactive intermediates; supervised with the chemical plants [M].
    "27": ("医药制造业", I.HAZARDOUS_CHEMICALS),
    "28": ("化学纤维制造业", I.HAZARDOUS_CHEMICALS), "29": ("橡胶和塑料制品业", I.LIGHT_INDUSTRY),
    "30": ("非金属矿物制品业", I.BUILDING_MATERIALS), "31": ("黑色金属冶炼和压延加工业", I.METALLURGY),
    "32": ("有色金属冶炼和压延加工业", I.NONFERROUS), "33": ("金属制品业", I.MACHINERY),
    "34": ("通用设备制造业", I.MACHINERY), "35": ("专用设备制造业", I.MACHINERY), "36": ("汽车制造业", I.MACHINERY),
    "37": ("铁路、船舶、航空航天和其他运输设备制造业", I.MACHINERY),
    "38": ("电气机械和器材制造业", I.MACHINERY), "39": ("计算机、通信和其他电子设备制造业", I.MACHINERY),
    "40": ("仪器仪表制造业", I.MACHINERY), "41": ("其他制造业", I.LIGHT_INDUSTRY),
    "42": ("废弃资源综合利用业", I.OTHER), "43": ("金属制品、机械和设备修理业", I.MACHINERY),
    "44": ("电力、热力生产和供应业", I.POWER),
    # A gas utility is judged by the 城镇燃气 standard (建城规〔2023〕4号), not the chemical ones.
    "45": ("燃气生产和供应业", I.GAS),
    "46": ("水的生产和供应业", I.OTHER),
    "47": ("房屋建筑业", I.CONSTRUCTION), "48": ("土木工程建筑业", I.CONSTRUCTION), "49": ("建筑安装业", I.CONSTRUCTION),
    "50": ("建筑装饰、装修和其他建筑业", I.CONSTRUCTION),
    "51": ("批发业", I.COMMERCE), "52": ("零售业", I.COMMERCE),
    "53": ("铁路运输业", I.TRANSPORT), "54": ("道路运输业", I.TRANSPORT), "55": ("水上运输业", I.TRANSPORT),
    "56": ("航空运输业", I.TRANSPORT), "57": ("管道运输业", I.TRANSPORT), "58": ("多式联运和运输代理业", I.TRANSPORT),
    "59": ("装卸搬运和仓储业", I.WAREHOUSING), "60": ("邮政业", I.WAREHOUSING),
    "61": ("住宿业", I.HOTEL_CATERING), "62": ("餐饮业", I.HOTEL_CATERING),
    "63": ("电信、广播电视和卫星传输服务", I.OTHER), "64": ("互联网和相关服务", I.OTHER),
    "65": ("软件和信息技术服务业", I.OTHER),
    "66": ("货币金融服务", I.FINANCE_SERVICES), "67": ("资本市场服务", I.FINANCE_SERVICES),
    "68": ("保险业", I.FINANCE_SERVICES), "69": ("其他金融业", I.FINANCE_SERVICES),
    "70": ("房地产业", I.REAL_ESTATE),
    "71": ("租赁业", I.OTHER), "72": ("商务服务业", I.OTHER),
    "73": ("研究和试验发展", I.OTHER), "74": ("专业技术服务业", I.OTHER), "75": ("科技推广和应用服务业", I.OTHER),
    "76": ("水利管理业", I.OTHER), "77": ("生态保护和环境治理业", I.OTHER), "78": ("公共设施管理业", I.OTHER),
    "79": ("土地管理业", I.OTHER),
    "80": ("居民服务业", I.OTHER), "81": ("机动车、电子产品和日用产品修理业", I.OTHER), "82": ("其他服务业", I.OTHER),
    "83": ("教育", I.OTHER), "84": ("卫生", I.OTHER), "85": ("社会工作", I.OTHER),
    "86": ("新闻和出版业", I.OTHER), "87": ("广播、电视、电影和录音制作业", I.OTHER), "88": ("文化艺术业", I.OTHER),
    "89": ("体育", I.OTHER), "90": ("娱乐业", I.OTHER),
    "91": ("中国共产党机关", I.OTHER), "92": ("国家机构", I.OTHER), "93": ("人民政协、民主党派", I.OTHER),
    "94": ("社会保障", I.OTHER), "95": ("群众团体、社会团体和其他成员组织", I.OTHER),
    "96": ("基层群众自治组织及其他组织", I.OTHER), "97": ("国际组织", I.OTHER),
}

# 中类 (three digits) and 小类 (four digits) that SOE lists carry and whose industry differs from, or sharpens,
# their 大类's.
GROUPS: dict[str, tuple[str, Industry]] = {
    "441": ("电力生产", I.POWER), "4411": ("火力发电", I.POWER), "4413": ("水力发电", I.POWER),
    "4415": ("风力发电", I.POWER), "4416": ("太阳能发电", I.POWER),
    "442": ("电力供应", I.POWER), "443": ("热力生产和供应", I.POWER),
    "451": ("燃气生产和供应业", I.GAS), "4511": ("天然气生产和供应业", I.GAS),
    "4512": ("液化石油气生产和供应业", I.GAS),
    "461": ("自来水生产和供应", I.OTHER), "462": ("污水处理及其再生利用", I.OTHER),
    "471": ("住宅房屋建筑", I.CONSTRUCTION), "481": ("铁路、道路、隧道和桥梁工程建筑", I.CONSTRUCTION),
    "4813": ("市政道路工程建筑", I.CONSTRUCTION),
    "541": ("城市公共交通运输", I.TRANSPORT), "5411": ("公共电汽车客运", I.TRANSPORT),
    "5412": ("城市轨道交通", I.URBAN_RAIL), "5413": ("出租车客运", I.TRANSPORT),
    "542": ("公路旅客运输", I.TRANSPORT), "543": ("道路货物运输", I.TRANSPORT),
    "553": ("水上运输辅助活动", I.TRANSPORT), "5531": ("客运港口", I.TRANSPORT), "5532": ("货运港口", I.TRANSPORT),
    "592": ("通用仓储", I.WAREHOUSING), "593": ("低温仓储", I.WAREHOUSING),
    "594": ("危险品仓储", I.HAZARDOUS_CHEMICALS),
    "595": ("谷物、棉花等农产品仓储", I.WAREHOUSING), "5951": ("谷物仓储", I.WAREHOUSING),
    "5265": ("机动车燃油零售", I.HAZARDOUS_CHEMICALS),
    "611": ("旅游饭店", I.HOTEL_CATERING), "621": ("正餐服务", I.HOTEL_CATERING),
    "7020": ("物业管理", I.REAL_ESTATE),
    "7211": ("企业总部管理", I.OTHER), "7212": ("投资与资产管理", I.FINANCE_SERVICES),
    # Tourist sites and travel agencies: crowded premises, drilled every six months like hotels (art. 33) [M].
    "7291": ("旅行社及相关服务", I.HOTEL_CATERING),
    "785": ("公园和游览景区管理", I.HOTEL_CATERING), "7852": ("游览景区管理", I.HOTEL_CATERING),
}

# Every 小类 of 门类 A (大类 01–05) and of 采矿业 大类 06–09: the codes that begin with 0, recited from the standard's
# table [M]. Typed as a number, Excel drops the 0 and 0511 (种子种苗培育活动) reads as 中类 511 of 批发业.
LEADING_ZERO_CLASSES = frozenset("""
0111 0112 0113 0119 0121 0122 0123 0131 0132 0133 0134 0141 0142 0143 0149 0151 0152 0153 0154 0159 0161 0162
0163 0164 0169 0171 0179 0181 0182 0190 0211 0212 0220 0231 0232 0241 0242 0251 0252 0311 0312 0313 0314 0315
0319 0321 0322 0323 0329 0330 0391 0392 0399 0411 0412 0421 0422 0511 0512 0513 0514 0515 0519 0521 0522 0523
0529 0531 0532 0539 0541 0549 0610 0620 0690 0711 0712 0721 0722 0810 0820 0890 0911 0912 0913 0914 0915 0916
0917 0919 0921 0922 0929 0931 0932 0933 0939""".split())


def lost_leading_zero(value: object) -> str | None:
    """The 小类 code a whole number would be with the leading zero Excel dropped (511 -> "0511"), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
        return None
    code = f"0{int(value)}"
    return code if code in LEADING_ZERO_CLASSES else None


# Short forms an office writes (the municipal SOE sectors first) -> industry.
SHORT_FORMS: dict[str, Industry] = {
    "城投/建设": I.CONSTRUCTION, "城投": I.CONSTRUCTION, "建设": I.CONSTRUCTION, "城市建设": I.CONSTRUCTION,
    "建筑": I.CONSTRUCTION, "施工": I.CONSTRUCTION, "建工": I.CONSTRUCTION,
    "水务": I.OTHER, "供水": I.OTHER, "自来水": I.OTHER, "排水": I.OTHER, "污水处理": I.OTHER,
    "燃气": I.GAS, "天然气": I.GAS, "液化气": I.GAS, "液化石油气": I.GAS, "燃气公司": I.GAS,
    "热力": I.POWER, "供热": I.POWER, "供暖": I.POWER, "能源": I.POWER, "发电": I.POWER, "供电": I.POWER,
    "公交和道路运输": I.TRANSPORT, "公交": I.TRANSPORT, "道路运输": I.TRANSPORT, "交通": I.TRANSPORT,
    "运输": I.TRANSPORT, "客运": I.TRANSPORT, "货运": I.TRANSPORT, "交通运输业": I.TRANSPORT,
    "轨道交通": I.URBAN_RAIL, "地铁": I.URBAN_RAIL,
    "港口": I.TRANSPORT, "港务": I.TRANSPORT, "码头": I.TRANSPORT,
    "物流": I.WAREHOUSING, "仓储": I.WAREHOUSING, "仓储业": I.WAREHOUSING,
    "粮食储备": I.WAREHOUSING, "粮储": I.WAREHOUSING, "粮食": I.WAREHOUSING, "储备粮": I.WAREHOUSING,
    "商业": I.COMMERCE, "贸易": I.COMMERCE, "批发零售": I.COMMERCE, "商贸流通": I.COMMERCE,
    "文化旅游": I.HOTEL_CATERING, "文旅": I.HOTEL_CATERING, "旅游": I.HOTEL_CATERING,
    "旅游业": I.HOTEL_CATERING, "景区": I.HOTEL_CATERING,
    "酒店": I.HOTEL_CATERING, "餐饮": I.HOTEL_CATERING, "住宿": I.HOTEL_CATERING, "宾馆": I.HOTEL_CATERING,
    "地产": I.REAL_ESTATE, "房地产开发": I.REAL_ESTATE, "物业": I.REAL_ESTATE,
    "金融和投资": I.FINANCE_SERVICES, "金融": I.FINANCE_SERVICES, "投资": I.FINANCE_SERVICES,
    "金融投资": I.FINANCE_SERVICES, "资产管理": I.FINANCE_SERVICES, "资本运营": I.FINANCE_SERVICES,
    "医药": I.HAZARDOUS_CHEMICALS, "制药": I.HAZARDOUS_CHEMICALS,
    "化工": I.HAZARDOUS_CHEMICALS, "石化": I.HAZARDOUS_CHEMICALS, "危化品": I.HAZARDOUS_CHEMICALS,
    "煤矿": I.MINING, "非煤矿山": I.MINING, "钢铁": I.METALLURGY, "水泥": I.BUILDING_MATERIALS,
}

# The municipal SOE sectors an office's list uses; each must map (tests check it).
SOE_SECTORS = ("城投/建设", "建筑施工", "水务", "燃气", "热力", "电力", "公交和道路运输", "轨道交通", "港口",
               "仓储物流", "粮食储备", "商贸", "文化旅游", "酒店餐饮", "房地产", "金融和投资", "医药", "化工")

_CODE = re.compile(r"^(?P<letter>[A-T])?(?P<digits>\d{2,4})?(?P<rest>.*)$")
_SEPARATORS = " \t-—_.．:：、,，()（）[]【】"


def _by_name() -> dict[str, Industry]:
    names: dict[str, Industry] = {}
    for table in (SECTIONS, DIVISIONS, GROUPS):
        for name, industry in table.values():
            names.setdefault(_plain(name), industry)
    for name, industry in SHORT_FORMS.items():
        names.setdefault(_plain(name), industry)
    for industry in Industry:
        names[_plain(industry.value)] = industry  # the supervision names themselves always win
    return names


def _plain(text: str) -> str:
    """Width, case and spacing folded: 'Ｅ４７ 房屋建筑业' and 'e47房屋建筑业' read alike."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()


NAMES = _by_name()


def _by_code(digits: str) -> Industry | None:
    for size in (4, 3, 2):  # the most specific level this table knows
        if len(digits) >= size:
            found = GROUPS.get(digits[:size]) if size > 2 else DIVISIONS.get(digits[:2])
            if found is not None:
                return found[1]
    return None


def map_industry(text: str) -> Industry | None:
    """The supervision industry a list's industry cell names (GB/T 4754 letter, code or name, or a short form),
    or None when nothing in the table matches."""
    plain = _plain(text)
    if not plain:
        return None
    if plain in NAMES:
        return NAMES[plain]
    match = _CODE.match(plain)
    if match and (match["letter"] or match["digits"]):
        rest = match["rest"].strip(_SEPARATORS)
        if rest and rest in NAMES:  # "4710 住宅房屋建筑": the name, when known, is the more specific
            return NAMES[rest]
        if not rest or not rest[0].isascii():
            if match["digits"] and (found := _by_code(match["digits"])) is not None:
                return found
            if match["letter"] and not match["digits"]:
                return SECTIONS[match["letter"]][1]
    for part in re.split(r"[/／、,，;；]", plain):  # "城投/建设", "港口、物流": the first part that maps
        if part and part != plain and part in NAMES:
            return NAMES[part]
    return None


def nearest_names(text: str, count: int = 5) -> list[str]:
    """The table's names closest to `text`, each with the industry it maps to ('畜牧业→其他')."""
    plain = _plain(text)
    close = difflib.get_close_matches(plain, list(NAMES), n=count, cutoff=0.3)
    if len(close) < count:  # a name that contains, or is contained in, the text is close too
        close += [n for n in NAMES if n not in close and (n in plain or plain in n)][:count - len(close)]
    if not close:  # nothing alike: the supervision industries themselves are the choices
        return [industry.value for industry in Industry]
    return [f"{name}→{NAMES[name].value}" for name in close]


def industry_from_list(text: str, unknown: Industry | None = None) -> Industry:
    """The industry for a list's cell; `unknown` for a name the table does not know, else ValueError listing
    the nearest names."""
    found = map_industry(text)
    if found is not None:
        return found
    if unknown is not None:
        return unknown
    near = "、".join(nearest_names(text))
    # What to do besides correcting the cell depends on where it is read (a command's option, a window's box):
    # the caller says it once, not every row.
    raise ValueError(say(f"未知行业 {text.strip()!r}（国民经济行业分类及常用简称均无此名）；最接近：{near}",
                         f"unknown industry {text.strip()!r} (neither GB/T 4754-2017 nor a common short name); "
                         f"nearest: {near}"))
