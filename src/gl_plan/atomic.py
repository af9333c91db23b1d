"""Write files so that a reader, or a crash, sees the old file or the new one, never half.

Every file glplan writes (reports given with ``--output``, the progress ledger) goes through
this module. The new content goes to a temporary file in the same folder, is flushed to
disk, and then replaces the target with :func:`os.replace`, which is atomic on POSIX and
Windows; the folder is flushed too, so that the rename survives a power cut.

- A writer killed part-way (SIGKILL, a power cut) leaves the target as it was. Its
  temporary file, hidden and named after the target (``.report.md.1f2e3d4c5b6a.tmp``),
  stays behind: nothing reads it, and it can be deleted at any time.
- An existing file that nobody may write (no ``w`` in its mode, e.g. 0444) is refused, not
  replaced: a rename ignores the target's mode, and root passes every access check, so the
  mode bits are what is checked.
- A symbolic link is kept: the file it points to is replaced.
- A target that is not a regular file (``/dev/stdout``, ``/dev/null``, a named pipe) is
  written directly: there is no file to tear, and a rename would replace the device itself.
- A new file gets the usual permissions (0666 less the umask); a replaced file keeps its
  mode.
- :func:`atomic_append_bytes` (the ledger) appends in place instead, so that the ledger
  keeps its inode and hard links: one ``O_APPEND`` write, flushed, cut back to the old
  length if it fails part way. It takes no lock: a writer that reads, checks and appends
  (``progress add``) holds :func:`gl_plan.locking.locked` around all three, so that two
  glplan processes appending to one ledger at the same moment cannot lose each other's
  line.

Failures raise :class:`~gl_plan.errors.GlplanError` (exit code 2) naming the file; nothing is
left half written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path
from typing import Final

from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import Foreign, Message, _

__all__ = [
    "atomic_append_bytes",
    "atomic_write_bytes",
    "atomic_write_text",
    "cannot_write",
    "os_reason",
    "real_target",
]

#: Room left in a file name (at most 255 bytes) for the dot, the token and the suffix.
NAME_KEEP: Final = 200


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (keeping an existing file's permissions)."""
    name = str(path)
    info = _stat(Path(path), name)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_directly(Path(path), data, name, append=False)
        return
    _refuse_read_only(info, name)
    target = real_target(Path(path))
    folder = target.parent
    try:
        fd, tmp_name = _create_temp(folder, target.name)
    except OSError as exc:
        raise cannot_write(exc, name) from None
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
            raise cannot_write(exc, name) from None
        raise
    _fsync_dir(folder)


def atomic_write_text(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    """:func:`atomic_write_bytes` of ``text`` encoded (characters the encoding cannot hold,
    such as the lone surrogates of an undecodable file name, become ``?``)."""
    atomic_write_bytes(path, text.encode(encoding, errors="replace"))


def atomic_append_bytes(path: str | Path, extra: bytes) -> None:
    """Append ``extra`` to the end of ``path`` in place, all of it or none of it.

    The file stays the same file: its inode, hard links, owner and mode are kept (a ledger
    linked into a shared folder stays linked). The bytes go out through one ``O_APPEND``
    descriptor in a loop of :func:`os.write` calls and are flushed with :func:`os.fsync`;
    if a write or the flush fails part way (a full disk, a quota, an interrupt), the file
    is cut back to its old length, so that no half line is left. A file created here is
    removed again on failure. A process killed by SIGKILL cannot cut back; the kernel writes
    a regular file's buffer in one call, so such a kill leaves the old bytes or all the new
    ones, and a power cut at worst a last line the reader reports with its line number.

    Takes no lock: a writer that reads, checks and appends (``progress add``) holds
    :func:`gl_plan.locking.locked` around all three.
    """
    name = str(path)
    info = _stat(Path(path), name)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_directly(Path(path), extra, name, append=True)
        return
    _refuse_read_only(info, name)
    target = real_target(Path(path))
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target, flags, 0o666)
    except OSError as exc:
        raise cannot_write(exc, name) from None
    try:
        start = os.fstat(fd).st_size
        try:
            _write_all(fd, extra)
            os.fsync(fd)
        except BaseException as exc:
            _cut_back(fd, start, target if info is None else None)
            if isinstance(exc, OSError):
                raise cannot_write(exc, name) from None
            raise
    finally:
        os.close(fd)
    if info is None:
        _fsync_dir(target.parent)  # the new file's name, made durable


def _write_all(fd: int, data: bytes) -> None:
    """Every byte of ``data`` to ``fd``: :func:`os.write` may take fewer than it was given."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _cut_back(fd: int, length: int, created: Path | None) -> None:
    """Undo a failed append: the file back to ``length`` bytes (a new file removed)."""
    with contextlib.suppress(OSError):
        os.ftruncate(fd, length)
        os.fsync(fd)
    if created is not None:
        with contextlib.suppress(OSError):
            os.unlink(created)


def _stat(path: Path, name: str) -> os.stat_result | None:
    """What ``path`` is, following links (None: nothing there yet); a folder is refused."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise cannot_write(exc, name) from None
    if stat.S_ISDIR(info.st_mode):
        raise GlplanError.single(_("is a folder, not a file"), file=name)
    return info


def _refuse_read_only(info: os.stat_result | None, name: str) -> None:
    if info is not None and info.st_mode & 0o222 == 0:
        raise GlplanError.single(
            _(
                "is read-only (mode {mode}); nothing was written. Make it writable (chmod "
                "u+w) or write somewhere else",
                mode=format(stat.S_IMODE(info.st_mode), "04o"),
            ),
            file=name,
            code=Code.READ_ONLY,
        )


def real_target(target: Path) -> Path:
    """The file to replace: a symbolic link's destination (so the link is kept)."""
    if not os.path.islink(target):
        return target
    try:
        return Path(os.path.realpath(target, strict=True))
    except FileNotFoundError:
        # A dangling link: write the file it points to, as the shell's `>` would.
        return Path(os.path.realpath(target))
    except OSError as exc:
        raise cannot_write(exc, str(target)) from None


def _create_temp(folder: Path, name: str) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        tmp = folder / f".{name[:NAME_KEEP]}.{secrets.token_hex(6)}.tmp"
        try:
            # 0o666 less the umask, like any new file (mkstemp's 0o600 would hide a report
            # from the rest of its group).
            return os.open(tmp, flags, 0o666), str(tmp)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _write_directly(target: Path, data: bytes, name: str, *, append: bool) -> None:
    try:
        with open(target, "ab" if append else "wb") as fh:
            fh.write(data)
    except BrokenPipeError:
        raise  # `--output /dev/stdout | head`: the reader left; the CLI ends quietly
    except OSError as exc:
        raise cannot_write(exc, name) from None


def cannot_write(exc: OSError, name: str) -> GlplanError:
    """The error for a write the operating system refused, naming the file."""
    return GlplanError.single(_("cannot write: {reason}", reason=os_reason(exc)), file=name)


#: The operating system's common reasons for refusing, by their symbol, as the system says
#: them in English.
_OS_REASONS: Final = {
    "EACCES": _("Permission denied"),
    "EPERM": _("Operation not permitted"),
    "ENOENT": _("No such file or directory"),
    "ENOSPC": _("No space left on device"),
    "EROFS": _("Read-only file system"),
    "EISDIR": _("Is a directory"),
    "ENOTDIR": _("Not a directory"),
    "EDQUOT": _("Disk quota exceeded"),
    "EIO": _("Input/output error"),
}


def os_reason(exc: OSError) -> Message:
    """Why the operating system refused, in both languages: the common reasons by name
    (English as the system says it), any other by its symbol in Chinese and the system's
    own text in English."""
    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return _OS_REASONS[name]
    return Foreign(exc.strerror or str(exc), _("system error ({errno})", errno=name or exc.errno))


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
