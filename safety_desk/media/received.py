"""Checking a photo another device sent before keeping it: what every device's ingest makes, nothing else.

Every kept photo went through media/ingest.py process_image on the device that took it: a whole JPEG at most
LONG_EDGE pixels on its long edge. A bundle's photo is named by its sha256, which proves only that the sender chose
those bytes; a hostile device could send bytes no decoder reads (the office could then print no document that
shows the photo) or a huge image (every thumbnail and print of it would decode it whole). Checked here: the JPEG
format alone (no other decoder faces a peer's file), the size its header claims, and a full pass of the
compressed data at the smallest decoding scale (a truncated or damaged file fails, at little cost).
"""

from __future__ import annotations

import io

from PIL import Image

from safety_desk.domain.language import say
from safety_desk.media.ingest import LONG_EDGE


def received_photo_problem(data: bytes) -> str | None:
    """Why these bytes are not a photo as devices keep them (None: they are)."""
    try:
        with Image.open(io.BytesIO(data), formats=("JPEG",)) as image:
            width, height = image.size
            if not (1 <= width <= LONG_EDGE and 1 <= height <= LONG_EDGE):
                return say(f"照片尺寸 {width}×{height} 超出保存的照片的上限 {LONG_EDGE} 像素",
                           f"the photo is {width}×{height}, larger than the {LONG_EDGE} pixels every kept photo is at most")
            image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except Image.UnidentifiedImageError:
        return say("不是 JPEG 图片", "not a JPEG image")
    except Exception as exc:  # noqa: BLE001 - a malformed file may break the decoder in any way: refuse it
        reason = str(exc).splitlines()[0][:200] if str(exc) else exc.__class__.__name__
        return say(f"不是完整的 JPEG 照片（{reason}）", f"not a whole JPEG photo ({reason})")
    return None
