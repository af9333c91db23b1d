"""Write files so that a reader, or a crash, sees the old file or the new one, never half.

Every file glplan writes (reports given with ``--output``, the progress ledger) goes through
this module. The new content goes to a temporary file in the same folder, is flushed to
disk, and then replaces the target with :func:`os.replace`, which is atomic on POSIX and
Windows; the folder is flushed too, so that the rename survives a power cut.

- Temporary files are hidden (``.report.md.1f2e3d4c5b6a.tmp``); glplan's own folder
  listings skip them. A writer killed part-way (SIGKILL, a power cut) leaves the target as
  it was, and its temporary file behind: the next write to the same target removes such
  leftovers once they are older than :data:`STALE_TEMP_SECONDS` (a younger one may belong
  to a writer that is still running).
- A symbolic link is kept: the file it points to is replaced.
- A target that is not a regular file (``/dev/stdout``, ``/dev/null``, a named pipe) is
  written directly: there is no file to tear, and a rename would replace the device itself.
- A new file gets the usual permissions (0666 less the umask); a replaced file keeps its
  mode.
- :func:`atomic_append_bytes` rewrites the old bytes plus the new ones the same way, under
  :func:`locked`, so that two glplan processes appending to one ledger at the same moment
  cannot lose each other's line.

Failures raise :class:`~gl_plan.errors.GlplanError` naming the file; nothing is left half
written.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from gl_plan.errors import GlplanError

__all__ = [
    "LOCK_TIMEOUT_SECONDS",
    "STALE_TEMP_SECONDS",
    "atomic_append_bytes",
    "atomic_write_bytes",
    "atomic_write_text",
    "locked",
]

#: A temporary file left by a killed writer is removed by a later write once it is this old.
STALE_TEMP_SECONDS: Final = 3600
#: How long :func:`locked` waits for another glplan process before giving up.
LOCK_TIMEOUT_SECONDS: Final = 30.0

_TEMP_SUFFIX: Final = ".tmp"
_TOKEN_HEX: Final = 12
#: Room left in a file name (at most 255 bytes) for the dot, the token and the suffix.
_NAME_KEEP: Final = 200

_held = threading.local()


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (keeping an existing file's permissions)."""
    name = str(path)
    info = _stat(Path(path), name)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_directly(Path(path), data, name, append=False)
        return
    target = _real_target(Path(path))
    folder = target.parent
    try:
        fd, tmp_name = _create_temp(folder, target.name)
    except OSError as exc:
        raise _cannot_write(exc, name) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if info is not None:
            os.chmod(tmp_name, stat.S_IMODE(info.st_mode))
        os.replace(tmp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise _cannot_write(exc, name) from None
        raise
    _fsync_dir(folder)
    _remove_stale_temps(folder, target.name)


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """:func:`atomic_write_bytes` of ``text`` encoded (characters the encoding cannot hold,
    such as the lone surrogates of an undecodable file name, become ``?``)."""
    atomic_write_bytes(path, text.encode(encoding, errors="replace"))


def atomic_append_bytes(path: str | Path, extra: bytes) -> None:
    """Append by writing old bytes + ``extra`` to a new file and swapping it in.

    Every earlier byte is kept exactly; an interruption leaves the old file whole. Runs under
    :func:`locked`, so concurrent appends by glplan processes each keep the other's bytes.
    """
    name = str(path)
    info = _stat(Path(path), name)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_directly(Path(path), extra, name, append=True)
        return
    target = _real_target(Path(path))
    with locked(target):
        info = _stat(target, name)
        try:
            old = target.read_bytes() if info is not None else b""
        except OSError as exc:
            raise GlplanError.single(f"cannot read: {exc.strerror or exc}", file=name) from None
        atomic_write_bytes(target, old + extra)


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock for a read-modify-write of ``path``.

    The lock is an advisory ``flock`` on the file's folder, taken by every glplan writer that
    reads before it writes (the ledger's ``progress add``), so that two of them never work
    from the same old content. Re-entrant within a thread. Where locks are not available
    (Windows, some network file systems) it does nothing. Waits at most
    :data:`LOCK_TIMEOUT_SECONDS`, then raises :class:`GlplanError`.
    """
    folder = os.path.realpath(_real_target(Path(path)).parent)
    held: dict[str, int] | None = getattr(_held, "folders", None)
    if held is None:
        held = _held.folders = {}
    if folder in held:
        held[folder] += 1
        try:
            yield
        finally:
            held[folder] -= 1
        return
    fd = _lock_folder(folder, str(path))
    held[folder] = 1
    try:
        yield
    finally:
        del held[folder]
        if fd is not None:
            os.close(fd)  # releases the lock


def _lock_folder(folder: str, name: str) -> int | None:
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return None
    deadline = time.monotonic() + LOCK_TIMEOUT_SECONDS
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise GlplanError.single(
                    f"another glplan process has been writing here for over "
                    f"{LOCK_TIMEOUT_SECONDS:.0f} seconds; try again (nothing was written)",
                    file=name,
                    code="busy",
                ) from None
            time.sleep(0.05)
        except OSError:
            # No locks on this file system: go ahead unlocked, as without fcntl.
            os.close(fd)
            return None


def _stat(path: Path, name: str) -> os.stat_result | None:
    """What ``path`` is, following links (None: nothing there yet); a folder is refused."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _cannot_write(exc, name) from None
    if stat.S_ISDIR(info.st_mode):
        raise GlplanError.single("is a folder, not a file", file=name)
    return info


def _real_target(target: Path) -> Path:
    """The file to replace: a symbolic link's destination (so the link is kept)."""
    if not os.path.islink(target):
        return target
    try:
        return Path(os.path.realpath(target, strict=True))
    except FileNotFoundError:
        # A dangling link: write the file it points to, as the shell's `>` would.
        return Path(os.path.realpath(target))
    except OSError as exc:
        raise _cannot_write(exc, str(target)) from None


def _create_temp(folder: Path, name: str) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = folder / f".{name[:_NAME_KEEP]}.{secrets.token_hex(_TOKEN_HEX // 2)}{_TEMP_SUFFIX}"
        try:
            # 0o666 less the umask, like any new file (mkstemp's 0o600 would hide a report
            # from the rest of its group).
            return os.open(tmp, flags, 0o666), str(tmp)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Remove temporary files a killed writer of this target left, once they are stale."""
    prefix = f".{name[:_NAME_KEEP]}."
    size = len(prefix) + _TOKEN_HEX + len(_TEMP_SUFFIX)
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = entry.name
        if len(found) != size or not found.startswith(prefix) or not found.endswith(_TEMP_SUFFIX):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_SECONDS:
                os.unlink(entry.path)


def _write_directly(target: Path, data: bytes, name: str, *, append: bool) -> None:
    try:
        with open(target, "ab" if append else "wb") as fh:
            fh.write(data)
    except BrokenPipeError:
        raise  # `--output /dev/stdout | head`: the reader left; the CLI ends quietly
    except OSError as exc:
        raise _cannot_write(exc, name) from None


def _cannot_write(exc: OSError, name: str) -> GlplanError:
    return GlplanError.single(f"cannot write: {exc.strerror or exc}", file=name)


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
