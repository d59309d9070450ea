"""The document faces of GB/T 9704-2012 (仿宋, 小标宋, 黑体, 楷体): which TrueType file each style name prints with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from safety_desk.paths import config_dir, resources_dir

# Style names, kept whatever file stands behind them: an office drops its own licensed 仿宋 in as FangSong.ttf.
FANGSONG, XIAOBIAOSONG, HEITI, KAITI = "FangSong", "XiaoBiaoSong", "HeiTi", "KaiTi"
# Debian installs the free faces here (./dev, .ci/run); the packaged bundle carries copies in resources/fonts.
_DEBIAN = Path("/usr/share/fonts/truetype")
_WENKAI = "LXGWWenKai-Regular.ttf"
_UMING = "uming.ttc"
_MICROHEI = "wqy-microhei.ttc"


@dataclass(frozen=True)
class FontFile:
    """A TrueType file (or one face of a collection)."""

    path: Path
    index: int = 0


def _candidates(style: str) -> list[FontFile]:
    """Where `style` is looked for, first found wins: the user's override, the bundle, Debian, then Micro Hei.

    No free 仿宋 with the simplified characters exists (Debian's cwTeX FangSong lacks 国, 资, 号 …), so
    仿宋 is stood in for by a 楷 (LXGW WenKai), as offices do without a licensed 仿宋; see resources/fonts/README.md.
    """
    shipped, override = resources_dir() / "fonts", config_dir() / "fonts"
    mine = [FontFile(override / f"{style}{suffix}") for suffix in (".ttf", ".ttc")]
    wenkai = [FontFile(shipped / _WENKAI), FontFile(_DEBIAN / "lxgw-wenkai" / _WENKAI)]
    uming = [FontFile(shipped / _UMING), FontFile(_DEBIAN / "arphic" / _UMING)]  # face 0: AR PL UMing CN
    by_style = {FANGSONG: wenkai, KAITI: wenkai, XIAOBIAOSONG: uming, HEITI: []}
    return mine + by_style[style] + [FontFile(shipped / _MICROHEI)]


def _load(style: str) -> tuple[TTFont, FontFile]:
    for candidate in _candidates(style):
        if not candidate.path.is_file():
            continue
        try:
            return TTFont(style, str(candidate.path), subfontIndex=candidate.index), candidate
        except TTFError:
            continue  # an OpenType/CFF file (ReportLab embeds TrueType outlines only): the next one serves
    raise FileNotFoundError(f"找不到字体 {style}（resources/fonts 缺少 {_MICROHEI}）")


_chosen: dict[str, FontFile] = {}


def register_faces() -> dict[str, FontFile]:
    """Register every style once per process; returns the file each one prints with."""
    for style in (FANGSONG, XIAOBIAOSONG, HEITI, KAITI):
        if style not in pdfmetrics.getRegisteredFontNames():
            font, _chosen[style] = _load(style)
            pdfmetrics.registerFont(font)
            # One face each: these fonts have no bold, and synthetic bold is worse than none.
            pdfmetrics.registerFontFamily(style, normal=style, bold=style, italic=style, boldItalic=style)
    return dict(_chosen)
