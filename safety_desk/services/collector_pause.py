"""Python's cyclic garbage collector paused while one bulk operation (a sync import) builds its objects."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Decoding and merging a bundle makes hundreds of thousands of objects (a change per cell, a dict per row)
    and frees them together at the end; with the collector on, every few hundred allocations trigger a scan of
    all of them (a third of the import's time on a 100,000-change bundle), though they hold no reference cycles.
    Reference counting still frees what is dropped; the collector runs again afterwards, as it was, even if the
    import is refused. Only the caller that paused it turns it back on (nested or concurrent imports)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
