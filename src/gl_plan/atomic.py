"""Write files so that a reader, or a crash, sees the old file or the new one, never half.

The new content goes to a temporary file in the same folder, is flushed to disk, and then
replaces the target with :func:`os.replace`, which is atomic on POSIX and Windows.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from gl_plan.errors import GlplanError


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (keeping an existing file's permissions)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else None
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise GlplanError.single(f"cannot write: {exc.strerror}", file=str(target)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise GlplanError.single(f"cannot write: {exc.strerror}", file=str(target)) from None
        raise
    _fsync_dir(folder)


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))


def atomic_append_bytes(path: str | Path, extra: bytes) -> None:
    """Append by writing old bytes + ``extra`` to a new file and swapping it in.

    Every earlier byte is kept exactly; an interruption leaves the old file whole.
    """
    target = Path(path)
    old = target.read_bytes() if target.exists() else b""
    atomic_write_bytes(target, old + extra)


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; not possible (nor needed) on every platform.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
