"""Stand-in site photos for the demo: drawn, plainly labelled as examples, small enough to make quickly."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFont

from safety_desk.paths import resources_dir

SIZE = (800, 600)
_BEFORE = ((120, 72, 48), (150, 110, 60), (96, 96, 110))
_AFTER = ((60, 120, 90), (70, 130, 150), (90, 140, 80))


def demo_photo(seed: int, label: str, after: bool) -> bytes:
    """A JPEG of blocks on a gradient (a "site"), stamped 示例照片 and whether it is before or after rectification."""
    rng = random.Random(seed)
    base = rng.choice(_AFTER if after else _BEFORE)
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE[1]):
        shade = 0.65 + 0.35 * y / SIZE[1]
        draw.line((0, y, SIZE[0], y), fill=tuple(int(c * shade) for c in base))
    for _ in range(rng.randrange(3, 7)):
        x, y = rng.randrange(40, 600), rng.randrange(60, 420)
        w, h = rng.randrange(60, 200), rng.randrange(40, 160)
        tone = tuple(min(255, c + rng.randrange(30, 90)) for c in base)
        draw.rectangle((x, y, x + w, y + h), fill=tone, outline=(235, 235, 235), width=3)
    font = ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), 30, index=0)
    draw.rectangle((0, 0, SIZE[0], 52), fill=(0, 0, 0))
    draw.text((16, 8), f"示例照片 · {'整改后' if after else '整改前'} · {label}", font=font, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()
