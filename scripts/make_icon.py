"""Draw the application icon (a shield with a tick on a blue tile) as PNG and multi-size ICO in resources/icons/."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
SIZE = 512


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((16, 16, SIZE - 16, SIZE - 16), radius=96, fill=(30, 136, 229, 255))
    shield = [(256, 88), (400, 140), (390, 290), (256, 430), (122, 290), (112, 140)]
    draw.polygon(shield, fill=(255, 255, 255, 255))
    draw.line([(180, 262), (238, 322), (340, 204)], fill=(67, 160, 71, 255), width=44, joint="curve")
    return image


def main() -> None:
    folder = ROOT / "resources" / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.LANCZOS).save(folder / "safetydesk.png")
    image.save(folder / "safetydesk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128),
                                                 (256, 256)])
    print(f"written to {folder}")


if __name__ == "__main__":
    main()
