"""Fill unfinished messages of a .ts file from another .ts file translated elsewhere (same context and source)."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree


def main(target: str, source: str) -> None:
    done = {}
    for context in ElementTree.parse(source).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and (translation.text or "").strip():
                done[(name, message.findtext("source"))] = translation.text
    tree = ElementTree.parse(target)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (name, message.findtext("source"))
            if translation is not None and translation.get("type") == "unfinished" and key in done:
                translation.text = done[key]
                del translation.attrib["type"]
                filled += 1
    tree.write(target, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} messages")


if __name__ == "__main__":
    main(*sys.argv[1:3])
