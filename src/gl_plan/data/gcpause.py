"""Pause the cyclic garbage collector while a large, cycle-free structure is built.

Building a national check creates millions of small objects (typed-array series, points,
assessments) that all stay alive; each time the collector runs it walks every one of them
again, which cost up to half the time of an assessment. None of these structures form
reference cycles, so nothing is left uncollected; reference counting still frees
everything as usual, and the collector is resumed (if it was running) on the way out.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector for the ``with`` block (nesting is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
