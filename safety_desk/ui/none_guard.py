"""Work around PySide6 6.12.0 on Python < 3.12 dropping references to None (void calls) and to True/False."""

from __future__ import annotations

import ctypes
import sys

# Each Qt method that returns nothing (QLabel.setText ...) lowers None's reference count by one;
# after a few thousand calls CPython frees None and aborts ("none_dealloc"). From Python 3.12 None
# is immortal (PEP 683) and the bug is harmless. Below that, give None a reserve of references no
# session can exhaust (2**40 calls). Some bool-returning calls (seen with QPainter.end() while drawing
# icons) drop True or False the same way ("bool_dealloc" at exit), so they get the same reserve.
# Remove when PySide6 ships the fix or Python 3.11 is dropped.
_RESERVE = 1 << 40


def protect_none() -> bool:
    """Add the reserve once; True when it was needed on this Python."""
    if sys.version_info >= (3, 12) or getattr(sys, "_safety_desk_none_guard", False):
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    sys._safety_desk_none_guard = True
    return True
