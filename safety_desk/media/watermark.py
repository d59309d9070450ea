"""Photos for printed evidence: scaled for the page with time, enterprise and inspector burned into the pixels."""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from safety_desk.paths import resources_dir

PRINT_EDGE = 1200  # long edge in pixels: about 200 dpi at the 150 mm a photo takes on the page
_BAND = (0, 0, 0, 150)


@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), size, index=0)


def watermarked(jpeg: bytes, lines: list[str], long_edge: int = PRINT_EDGE) -> bytes:
    """The photo scaled to `long_edge`, with `lines` on a dark band along its bottom, as a JPEG.

    The text is part of the image, so a printed or copied photo keeps saying when, where and by whom.
    """
    with Image.open(io.BytesIO(jpeg)) as source:
        source.draft("RGB", (long_edge, long_edge))
        image = source.convert("RGB")
    image.thumbnail((long_edge, long_edge))
    size = max(14, image.width // 40)
    font = _font(size)
    band_height = int(len(lines) * size * 1.35 + size * 0.6)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rectangle((0, image.height - band_height, image.width, image.height), fill=_BAND)
    y = image.height - band_height + size * 0.3
    for line in lines:
        draw.text((size * 0.6, y), line, font=font, fill=(255, 255, 255, 235))
        y += size * 1.35
    combined = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    combined.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
