"""One writer at a time for a read-modify-write: the ledger's ``progress add``.

``progress add`` reads the ledger, checks the new line against it (a duplicate, a later
status already recorded) and appends. Two processes doing that at the same moment would each
work from the same old file, and the second write would drop the first one's line. Both take
:func:`locked` first, so the second waits, then reads the file with the first one's line in
it.

The lock is a hidden file beside the ledger (``.progress.csv.lock``), managed by the
:mod:`filelock` library (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows): the
operating system releases it when a process ends, even a killed one, and the file left after
use is harmless. A separate module from :mod:`gl_plan.atomic`, so that a command that only
writes a report never loads the lock library.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from filelock import FileLock, Timeout

from gl_plan.atomic import NAME_KEEP, cannot_write, real_target
from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import _

__all__ = ["LOCK_TIMEOUT_SECONDS", "locked"]

#: How long :func:`locked` waits for another glplan process before giving up.
LOCK_TIMEOUT_SECONDS: Final = 30.0


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock for a read-modify-write of ``path``.

    Taken by every glplan writer that reads before it writes (``progress add``), so that two
    of them never work from the same old content. The lock file is ``.NAME.lock`` beside the
    file (beside a symbolic link's destination). Re-entrant within a thread. Waits at most
    :data:`LOCK_TIMEOUT_SECONDS`, then raises :class:`GlplanError` (code ``busy``).
    """
    name = str(path)
    target = real_target(Path(path))
    # One instance per lock file in this process: a nested `locked` of the same file counts
    # up instead of waiting for itself.
    lock = FileLock(target.parent / f".{target.name[:NAME_KEEP]}.lock", is_singleton=True)
    try:
        lock.acquire(timeout=LOCK_TIMEOUT_SECONDS)
    except Timeout:
        raise GlplanError.single(
            _(
                "another glplan process has been writing here for over {seconds} seconds; "
                "try again (nothing was written)",
                seconds=round(LOCK_TIMEOUT_SECONDS),
            ),
            file=name,
            code=Code.BUSY,
        ) from None
    except OSError as exc:
        raise cannot_write(exc, name) from None
    try:
        yield
    finally:
        lock.release()
