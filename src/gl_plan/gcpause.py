"""Pause the cyclic garbage collector while a large, cycle-free structure is built.

Loading a national plan and building its check create millions of small objects (YAML
values, models, typed-array series, points, assessments) that all stay alive; each time the
collector runs it walks every one of them again, which cost up to half the time of an
assessment and a third of a plan load. None of these structures form reference cycles;
reference counting still frees everything as usual, and the odd cycle made on the way (an
exception's traceback) is collected once the collector is resumed (if it was running) on
the way out.
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


#: Set by the console-script entry point: this process runs one command, then exits.
OWN_PROCESS = False


def settle() -> None:
    """Keep everything alive now out of the collector's later walks (:func:`gc.freeze`).

    Only when glplan runs as its own process (:data:`OWN_PROCESS`), which exits when the
    command is done: the plan, the observations and the assessments live to the end
    anyway, and a full collection that comes due while the report is written would walk
    all of them (a third of a second on a national check). Frozen objects are still freed
    by reference counting; only cycles among them wait for the process to end. Elsewhere
    (the Python API, tests calling the CLI in-process) it does nothing: a host program's
    own garbage alive at that moment would be frozen too.
    """
    if OWN_PROCESS:
        gc.freeze()
