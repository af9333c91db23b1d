"""Shared by the hardening tests: paths, a corpus of bad inputs, running glplan for real.

Each bad input is built by a small function (see the ``corpus`` fixture in conftest.py) so
that large files (a 10 MB line, a plan over the size limit) exist only while tests run.
A module of its own, not conftest.py: ``from conftest import ...`` would find whichever
of the suite's conftest modules was loaded first.
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "plan.yaml"
LEDGER = ROOT / "data" / "progress.csv"
GOOD_CSV = ROOT / "data" / "indicators" / "450302_秀峰区.csv"
AS_OF = "2026-11-28"

Builder = Callable[[Path], Path]


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _junk(n: int = 5000) -> bytes:
    # Deterministic "random" bytes, NULs included.
    return bytes((i * 7919 + 13) % 256 for i in range(n))


def _xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["region", "period", "indicator", "value"])
    sheet.append(["450302", "2024Q1", "preschool_gross_enrollment_rate", 95.5])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip_not_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return buffer.getvalue()


ALIAS_BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)
DEEP_YAML = "[" * 10_000 + "]" * 10_000
DEEP_BLOCK_YAML = "- " * 10_000 + "x\n"


@dataclass(frozen=True)
class Bad:
    """A bad input: how to make it, which roles (plan, indicators, ledger) it is bad in and,
    for a slow one, the only commands it is tried with (all commands share the loaders)."""

    build: Builder
    roles: frozenset[str]
    only: frozenset[str] | None = None


def _bad(build: Builder, *roles: str, only: tuple[str, ...] | None = None) -> Bad:
    return Bad(build, frozenset(roles), None if only is None else frozenset(only))


PLAN_ROLE, DATA_ROLE, LEDGER_ROLE = "plan", "data", "ledger"
ALL = (PLAN_ROLE, DATA_ROLE, LEDGER_ROLE)

BAD: dict[str, Bad] = {
    "binary-junk": _bad(lambda d: _write(d, "junk.csv", _junk()), *ALL),
    "empty-file": _bad(lambda d: _write(d, "empty.csv", b""), PLAN_ROLE, DATA_ROLE),
    "missing": _bad(lambda d: d / "missing.csv", *ALL),
    "folder": _bad(lambda d: _mkdir(d / "folder.csv"), PLAN_ROLE, LEDGER_ROLE),
    "gzip-named-csv": _bad(
        lambda d: _write(d, "gz.csv", gzip.compress(GOOD_CSV.read_bytes(), mtime=0)), *ALL
    ),
    "zip-named-xlsx": _bad(lambda d: _write(d, "zip.xlsx", _zip_not_workbook()), *ALL),
    "corrupt-xlsx": _bad(
        lambda d: _write(d, "corrupt.xlsx", _xlsx_bytes()[: len(_xlsx_bytes()) // 2]), *ALL
    ),
    "huge-field": _bad(
        lambda d: _write(
            d,
            "field.csv",
            b'region,period,indicator,value\n450302,2024Q1,"' + b"x" * 1_000_000 + b'",1\n',
        ),
        DATA_ROLE,
        LEDGER_ROLE,
    ),
    "huge-field-ledger": _bad(
        lambda d: _write(
            d,
            "field_ledger.csv",
            b'date,task,status,value,note\n2023-01-01,A9.4,completed,,"'
            + b"x" * 1_000_000
            + b'"\n',
        ),
        LEDGER_ROLE,
    ),
    "10k-columns": _bad(
        lambda d: _write(
            d,
            "wide.csv",
            (
                ",".join(f"c{i}" for i in range(10_000))
                + "\n"
                + ",".join("1" for _ in range(10_000))
                + "\n"
            ).encode(),
        ),
        *ALL,
    ),
    "10mb-line": _bad(
        lambda d: _write(d, "line.csv", b"region,period,indicator,value\n" + b"a" * 10_000_000),
        *ALL,
    ),
    "alias-bomb": _bad(lambda d: _write(d, "bomb.yaml", ALIAS_BOMB.encode()), PLAN_ROLE),
    "deep-flow-yaml": _bad(lambda d: _write(d, "deep.yaml", DEEP_YAML.encode()), PLAN_ROLE),
    "deep-block-yaml": _bad(
        lambda d: _write(d, "deep_block.yaml", DEEP_BLOCK_YAML.encode()), PLAN_ROLE
    ),
    "latin1-yaml": _bad(
        lambda d: _write(d, "latin1.yaml", "plan: café\n".encode("latin-1")), PLAN_ROLE
    ),
    "yaml-list": _bad(lambda d: _write(d, "list.yaml", b"- a\n- b\n"), PLAN_ROLE),
    "too-many-values": _bad(
        lambda d: _write(d, "values.yaml", b"[" + b"1," * 600_000 + b"1]"),
        PLAN_ROLE,
        only=("validate",),
    ),
    "symlink-loop": _bad(lambda d: _loop(d / "loop.csv"), *ALL),
    "not-a-folder": _bad(lambda d: GOOD_CSV / "x.csv", *ALL),
}


def _mkdir(path: Path) -> Path:
    path.mkdir(exist_ok=True)
    return path


def _loop(path: Path) -> Path:
    other = path.with_name("loop_other.csv")
    if not os.path.lexists(path):
        os.symlink(other.name, path)
        os.symlink(path.name, other)
    return path


def run_glplan(
    *args: str | os.PathLike[str],
    cwd: Path | None = None,
    timeout: float = 60,
    prefix: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    """``glplan ARGS`` in a real process (``python -m gl_plan``), output captured as text."""
    env = {**os.environ, "GLPLAN_LANG": "en", "NO_COLOR": "1", "COLUMNS": "80"}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "gl_plan", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env=env,
        check=False,
    )


def copy_of(src: Path, folder: Path, name: str | None = None) -> Path:
    target = folder / (name or src.name)
    shutil.copyfile(src, target)
    return target
