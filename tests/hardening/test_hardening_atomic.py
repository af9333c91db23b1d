"""Nothing lost: every file glplan writes is written atomically.

A writer killed part-way (SIGKILL) leaves the old file or the new one whole, never a torn
one, and nothing visible beside it: its temporary file is a hidden dot-file (left behind,
harmless). The same holds for ``glplan progress add`` killed while appending to the ledger,
and concurrent appends keep every line. A read-only file is refused, even for root.
"""

from __future__ import annotations

import ast
import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock
from hardening_support import LEDGER, PLAN, ROOT

from gl_plan import locking
from gl_plan.atomic import atomic_append_bytes, atomic_write_bytes, atomic_write_text
from gl_plan.errors import GlplanError
from gl_plan.locking import locked

#: Makes every file written through os.fdopen slow and visible: 64 KB at a time, flushed,
#: with a pause after each piece. Prepended to the scripts run in a child process.
SLOW_WRITES = r"""
import os, sys, time
_real_fdopen = os.fdopen

class _Slow:
    def __init__(self, fh):
        self._fh = fh

    def write(self, data):
        view = memoryview(data)
        for i in range(0, len(view), 1 << 16):
            self._fh.write(view[i : i + (1 << 16)])
            self._fh.flush()
            time.sleep(0.005)
        return len(data)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._fh.__exit__(*exc)

os.fdopen = lambda fd, *args, **kwargs: _Slow(_real_fdopen(fd, *args, **kwargs))
"""

WRITE_SCRIPT = SLOW_WRITES + (
    "from gl_plan.atomic import atomic_write_bytes\n"
    "atomic_write_bytes(sys.argv[1], sys.argv[2].encode() * int(sys.argv[3]))\n"
)
GLPLAN_SCRIPT = SLOW_WRITES + (
    "from gl_plan.cli import main\nsys.argv = ['glplan', *sys.argv[1:]]\nmain()\n"
)

OLD_SIZE = 4 * 1024 * 1024
NEW_SIZE = 6 * 1024 * 1024


def _visible(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if not p.name.startswith(".")}


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


def _start(script: str, *args: str | Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GLPLAN_LANG": "en", "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )


def _kill_while_writing(proc: subprocess.Popen[bytes], folder: Path, delay: float | None) -> bool:
    """Wait until a temporary file is growing, wait ``delay`` more, then SIGKILL the writer
    (``None``: let it finish). Returns whether the temporary file was seen."""
    seen = False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if any(t.stat().st_size > 0 for t in _temps(folder) if t.exists()):
            seen = True
            break
        time.sleep(0.001)
    if delay is not None:
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err, err.decode(errors="replace")
    return seen


# --------------------------------------------------------------------------- killed writers


def test_killed_writer_leaves_old_or_new_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    old, new = b"A" * OLD_SIZE, b"B" * NEW_SIZE
    outcomes = []
    for delay in (0.0, 0.0, 0.1, 0.25, None):
        target.write_bytes(old)
        proc = _start(WRITE_SCRIPT, target, "B", str(NEW_SIZE))
        seen = _kill_while_writing(proc, tmp_path, delay)
        content = target.read_bytes()
        assert content in (old, new), f"torn file: {len(content)} bytes"
        assert _visible(tmp_path) == {"report.md"}
        outcomes.append((delay, seen, content == new))
        if delay == 0.0:
            assert seen, "the temporary file was seen growing before the kill"
            assert content == old, "killed at once: the old file stays"
            assert _temps(tmp_path)
    assert outcomes[-1][2], "a writer left alone writes the new file"


def _kill_while_appending(proc: subprocess.Popen[bytes], lock: Path, delay: float | None) -> bool:
    """Wait until the writer holds the ledger's lock (its lock file appears: it is reading,
    checking or appending), wait ``delay`` more, then SIGKILL it (``None``: let it finish).
    Returns whether the lock file was seen."""
    seen = False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if lock.exists():
            seen = True
            break
        time.sleep(0.0005)
    if delay is not None:
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err, err.decode(errors="replace")
    return seen


def test_killed_progress_add_keeps_the_ledger(tmp_path: Path) -> None:
    """The ledger is appended in place (its inode kept): a writer killed while it holds the
    lock, at any moment, leaves the old bytes with none or all of its line after them."""
    ledger = tmp_path / "progress.csv"
    lock = tmp_path / ".progress.csv.lock"
    sample = LEDGER.read_bytes()
    body = sample.split(b"\n", 1)[1]
    old = sample + body * max(1, (3 * 1024 * 1024) // len(body))
    line = b"2023-01-01,A9.4,completed,,kill-test,,,\n"
    args = ("progress", "add", "A9.4", "-s", "completed", "--date", "2023-01-01",
            "--note", "kill-test", "--plan", PLAN, "--progress", ledger)  # fmt: skip
    outcomes = []
    for delay in (0.0, 0.01, 0.03, 0.06, 0.1, None):
        ledger.write_bytes(old)
        inode = ledger.stat().st_ino
        lock.unlink(missing_ok=True)
        proc = _start(GLPLAN_SCRIPT, *args)
        seen = _kill_while_appending(proc, lock, delay)
        new = ledger.read_bytes()
        assert new.startswith(old), "every earlier byte is kept"
        added = new[len(old) :]
        assert added in (b"", line), added[:200]
        assert ledger.stat().st_ino == inode
        assert _visible(tmp_path) == {"progress.csv"}
        assert _temps(tmp_path) == []
        outcomes.append(added)
        if delay == 0.0:
            assert seen, "the writer was killed while it held the lock"
            assert added == b"", "killed at once, while it was still reading the ledger"
        if delay is None:
            assert proc.returncode == 0
            assert added == line, "left alone, the line is added"
    assert outcomes[-1] == line


#: As many `progress add` at once as there are county offices and then some.
WRITERS = 20


@pytest.mark.slow
def test_concurrent_appends_keep_every_line(tmp_path: Path) -> None:
    """Twenty `progress add` started at the same instant (after their imports, behind a
    barrier file), each slow to write: without the lock, each would write its own line over
    the same old content and lines would be lost (tried: 3 of 20 kept without the lock)."""
    ledger = tmp_path / "progress.csv"
    sample = LEDGER.read_bytes()
    ledger.write_bytes(sample + sample.split(b"\n", 1)[1] * 200)
    before = ledger.read_bytes()
    go = tmp_path / "go"
    script = SLOW_WRITES + (
        "import gl_plan.cli, gl_plan.ledger.append, gl_plan.plan.load\n"
        "open(sys.argv.pop(1), 'x').close()\n"
        f"while not os.path.exists({str(go)!r}):\n    time.sleep(0.001)\n"
        "sys.argv = ['glplan', *sys.argv[1:]]\ngl_plan.cli.main()\n"
    )
    ready = [tmp_path / f"ready-{i}" for i in range(WRITERS)]
    procs = [
        _start(script, ready[i], "progress", "add", "A9.4", "-s", "completed", "--date",
               "2023-01-01", "--note", f"writer-{i}", "--plan", PLAN, "--progress", ledger)
        for i in range(WRITERS)
    ]  # fmt: skip
    deadline = time.monotonic() + 120
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.01)  # every process imported and waiting at the barrier
    go.touch()
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode(errors="replace")
    after = ledger.read_bytes()
    assert after.startswith(before)
    added = after[len(before) :].decode().splitlines()
    expected = [f"2023-01-01,A9.4,completed,,writer-{i},,," for i in range(WRITERS)]
    assert sorted(added) == sorted(expected)
    assert _temps(tmp_path) == []


# --------------------------------------------------------------------------- atomic writes


def test_failure_part_way_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(GlplanError) as info:
        atomic_write_bytes(target, b"new" * 1000)
    assert info.value.problems[0].file == str(target)
    assert "No space left" in info.value.problems[0].text()
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.csv"]


@pytest.mark.parametrize("existing", [True, False], ids=["existing", "new"])
def test_append_failing_part_way_is_cut_back_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    """A full disk after part of the bytes went out: the file is cut back to its old bytes,
    the same file (inode kept); a file the append created is removed again."""
    target = tmp_path / "progress.csv"
    if existing:
        target.write_bytes(b"date,task,status\n")
    inode = target.stat().st_ino if existing else None
    real_write = os.write

    def disk_fills(fd: int, data: bytes) -> int:
        if len(data) > 4:
            return real_write(fd, bytes(data[:4]))  # a short write: the loop goes on
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_fills)
    with pytest.raises(GlplanError) as info:
        atomic_append_bytes(target, b"2023-01-01,A9.4,completed\n")
    assert "No space left" in info.value.problems[0].text()
    if existing:
        assert target.read_bytes() == b"date,task,status\n"
        assert target.stat().st_ino == inode
    else:
        assert not target.exists()
    assert _temps(tmp_path) == []


def test_append_interrupted_at_the_flush_is_cut_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "progress.csv"
    target.write_bytes(b"old\n")
    calls = []

    def interrupted(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:  # the append's flush; the cut-back's own flush goes through
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_append_bytes(target, b"new\n")
    assert target.read_bytes() == b"old\n"


def test_append_is_written_in_place(tmp_path: Path) -> None:
    target = tmp_path / "progress.csv"
    target.write_bytes(b"a\n")
    link = tmp_path / "copy.csv"
    os.link(target, link)
    inode = target.stat().st_ino
    atomic_append_bytes(target, b"b\n" * 100_000)
    assert target.stat().st_ino == inode
    assert link.read_bytes() == b"a\n" + b"b\n" * 100_000


def test_interrupt_part_way_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_new_file_gets_ordinary_permissions_and_old_file_keeps_its_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.md"
        atomic_write_bytes(fresh, b"x")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        kept = tmp_path / "kept.csv"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        atomic_write_bytes(kept, b"new")
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    finally:
        os.umask(umask)


@pytest.mark.parametrize("write", ["replace", "append"])
def test_read_only_file_is_refused_and_left_alone(tmp_path: Path, write: str) -> None:
    """A rename ignores the target's mode, and root passes every access check: the mode bits
    decide. A file nobody may write (0444) is neither replaced nor appended to."""
    target = tmp_path / "report.md"
    target.write_bytes(b"old\n")
    target.chmod(0o444)
    writer = atomic_write_bytes if write == "replace" else atomic_append_bytes
    with pytest.raises(GlplanError) as info:
        writer(target, b"new\n")
    assert info.value.exit_code == 2
    (problem,) = info.value.problems
    assert problem.file == str(target)
    assert "is read-only" in problem.text()
    assert target.read_bytes() == b"old\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert sorted(os.listdir(tmp_path)) == ["report.md"]


def test_read_only_through_a_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(b"old\n")
    real.chmod(0o444)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with pytest.raises(GlplanError) as info:
        atomic_write_text(link, "new\n")
    assert "is read-only" in info.value.problems[0].text()
    assert real.read_bytes() == b"old\n"


def test_a_file_only_its_group_may_write_is_not_read_only(tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_bytes(b"old\n")
    target.chmod(0o464)
    atomic_write_bytes(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o464


def test_symbolic_link_is_kept(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "progress.csv"
    real.parent.mkdir()
    real.write_bytes(b"old\n")
    link = tmp_path / "progress.csv"
    link.symlink_to(real)
    atomic_append_bytes(link, b"new\n")
    assert link.is_symlink()
    assert real.read_bytes() == b"old\nnew\n"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "shared" / "created.md")
    atomic_write_bytes(dangling, b"made")
    assert dangling.is_symlink()
    assert (tmp_path / "shared" / "created.md").read_bytes() == b"made"


def test_symbolic_link_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(GlplanError) as info:
        atomic_write_bytes(tmp_path / "a", b"x")
    assert info.value.problems[0].file == str(tmp_path / "a")
    assert (tmp_path / "a").is_symlink()


def test_folder_and_missing_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    for path in (tmp_path / "folder.md", tmp_path / "nowhere" / "out.md"):
        with pytest.raises(GlplanError) as info:
            atomic_write_bytes(path, b"x")
        assert info.value.problems[0].file == str(path)
    assert (tmp_path / "folder.md").is_dir()
    assert _visible(tmp_path) == {"folder.md"}


def test_device_target_is_written_not_replaced(tmp_path: Path) -> None:
    """``--output /dev/stdout`` or ``/dev/null`` must not replace the device node (as root,
    a rename over /dev/null would). Tried on a null device made in the temporary folder."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here")
    if not stat.S_ISCHR(node.stat().st_mode):
        pytest.skip("not a character device")
    atomic_write_bytes(node, b"report")
    atomic_append_bytes(node, b"line\n")
    assert stat.S_ISCHR(node.lstat().st_mode), "the device is still a device"
    assert _temps(tmp_path) == []


def test_pipe_target_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    atomic_write_text(fifo, "through the pipe\n")
    out, _ = reader.communicate(timeout=10)
    assert out == b"through the pipe\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    # Through a link, as /dev/stdout is one (to /proc/self/fd/1).
    link = tmp_path / "stdout"
    link.symlink_to(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    atomic_append_bytes(link, b"appended\n")
    out, _ = reader.communicate(timeout=10)
    assert out == b"appended\n"
    assert link.is_symlink()
    assert _temps(tmp_path) == []


def test_unencodable_text_does_not_crash(tmp_path: Path) -> None:
    # A file name that is not valid UTF-8 reaches reports as lone surrogates.
    target = tmp_path / "out.csv"
    atomic_write_text(target, "source,\udcff.csv\n")
    assert target.read_bytes() == b"source,?.csv\n"


# --------------------------------------------------------------------------- the lock


def test_lock_is_reentrant_and_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "progress.csv"
    with locked(target), locked(target):  # taken again in the same thread: no deadlock
        atomic_append_bytes(target, b"a\n")
    assert target.read_bytes() == b"a\n"
    monkeypatch.setattr(locking, "LOCK_TIMEOUT_SECONDS", 0.2)
    # Another writer (a separate lock object on the same lock file) holds the lock.
    with FileLock(tmp_path / ".progress.csv.lock"):
        with pytest.raises(GlplanError) as info, locked(target):
            atomic_append_bytes(target, b"b\n")
        assert info.value.problems[0].code == "busy"
    assert target.read_bytes() == b"a\n"


# --------------------------------------------------------------------------- every writer


def test_glplan_writes_files_only_through_atomic() -> None:
    """No module but gl_plan.atomic opens a file for writing, renames or copies files."""
    offenders = []
    for path in sorted((ROOT / "src" / "gl_plan").rglob("*.py")):
        if path.name == "atomic.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("write_text", "write_bytes", "replace", "rename", "copyfile", "move"):
                owner = func.value if isinstance(func, ast.Attribute) else None
                if name == "replace" and not (isinstance(owner, ast.Name) and owner.id == "os"):
                    continue  # str.replace
                offenders.append(f"{path.name}:{node.lineno}: {name}")
            if name == "open":
                modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
                modes += [k.value.value for k in node.keywords if k.arg == "mode"
                          and isinstance(k.value, ast.Constant)]  # fmt: skip
                if isinstance(func, ast.Attribute) and node.args:  # Path.open("w")
                    first = node.args[0]
                    modes += [first.value] if isinstance(first, ast.Constant) else []
                if any(isinstance(m, str) and set(m) & set("wax+") for m in modes):
                    offenders.append(f"{path.name}:{node.lineno}: open({modes})")
    assert offenders == []
