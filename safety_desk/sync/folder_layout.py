"""The sync folder's layout: one to-<device id>/ inbox per device, holding bundles named <sender>-<number>.sdsync.

Bundles are written under a temporary dot-name and renamed (sync/bundle.py), so listings skip dot-names and
never see half a file. A bundle that was refused is renamed *.rejected: out of the next pass's way, kept for
people to look at.
"""

from __future__ import annotations

from pathlib import Path

from safety_desk.sync.bundle import ENROL_SUFFIX, SUFFIX


def inbox(folder: Path, device_id: str) -> Path:
    """Where bundles addressed to the device wait."""
    return folder / f"to-{device_id}"


def bundle_name(sender: str, number: int, kind: str = "sync", epoch: str = "") -> str:
    """The file name of the sender's bundle number `number` (an enrolment file has its own suffix); a database
    restored from a backup numbers its bundles again, so its epoch is in the name and no name is reused."""
    incarnation = f"-{epoch}" if epoch else ""
    return f"{sender}-{number:08d}{incarnation}{SUFFIX if kind == 'sync' else ENROL_SUFFIX}"


def waiting_bundles(box: Path) -> list[Path]:
    """The whole bundles in an inbox, by name (none when it does not exist)."""
    return sorted(p for p in box.glob(f"*{SUFFIX}") if not p.name.startswith(".")) if box.is_dir() else []


def bundles_from(box: Path, sender: str) -> list[Path]:
    """The sender's bundles in an inbox that its recipient has not picked up yet."""
    return list(box.glob(f"{sender}-*{SUFFIX}")) if box.is_dir() else []


def set_aside(bundle: Path) -> None:
    """Rename a refused bundle to *.rejected."""
    try:
        bundle.replace(bundle.with_name(bundle.name + ".rejected"))
    except OSError:
        pass  # another process of this device set it aside first


def used_marker(enrol_file: Path) -> Path:
    """Beside an enrolment file once a device has joined with it (written by that join, and by the office when the
    device's first bundle arrives): a second `device join` with the same file is refused."""
    enrol_file = Path(enrol_file)
    return enrol_file.with_name(enrol_file.name + ".used")


def mark_used(enrol_file: Path, note: str) -> None:
    """Leave the marker where the file is; a read-only stick or a vanished share is no error (the office still
    refuses a second device's bundles)."""
    try:
        if Path(enrol_file).exists():
            used_marker(enrol_file).write_text(note + "\n", "utf-8")
    except OSError:
        pass
