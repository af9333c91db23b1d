"""Benchmark: read a generated 1,000,000-row long indicator file; print time and peak memory.

Not a timed test: run it by hand, on a quiet machine::

    python benchmarks/bench_read.py [--rows 1000000] [--pandas]

The file is generated into a temporary folder (``tempfile.mkdtemp()``) and removed
afterwards. Each reader runs in its own child process so that its peak resident memory
(``resource.getrusage(...).ru_maxrss``) is its own; the figure includes the interpreter and
the imported libraries (about 45 MB for glplan with pydantic, before any file is read).
``--pandas`` adds ``pandas.read_csv`` of the same file as a reference point: it only parses,
while glplan also normalises every region, period and indicator and checks every row.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(reader: str, path: Path, n_regions: int) -> dict[str, object]:
    """Runs in the child process: read once, report time, peak memory and counts."""
    sys.path.insert(0, str(HERE))
    if reader == "pandas":
        import pandas as pd  # type: ignore[import-untyped]

        start = time.perf_counter()
        frame = pd.read_csv(path, dtype={"region": str})
        seconds = time.perf_counter() - start
        return {"reader": reader, "seconds": seconds, "peak_mb": _peak_mb(), "rows": len(frame)}
    from generate import bench_plan
    from gl_plan.data.read import read_indicators

    plan = bench_plan(n_regions)
    before = _peak_mb()
    start = time.perf_counter()
    result = read_indicators([path], plan, as_of=date(2026, 11, 28))
    seconds = time.perf_counter() - start
    return {
        "reader": reader,
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "peak_before_read_mb": before,
        "observations": len(result.observations),
        "errors": len(result.errors),
        "warnings": len(result.warnings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--pandas", action="store_true", help="also time pandas.read_csv")
    parser.add_argument(
        "--child", nargs=3, metavar=("READER", "FILE", "REGIONS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        reader, file, regions = args.child
        print(json.dumps(child(reader, Path(file), int(regions))))
        return

    sys.path.insert(0, str(HERE))
    from generate import write_long_csv

    folder = Path(tempfile.mkdtemp(prefix="glplan-bench-"))
    try:
        start = time.perf_counter()
        path, n_regions = write_long_csv(folder, args.rows)
        size_mb = path.stat().st_size / 2**20
        print(
            f"generated {args.rows:,} rows ({size_mb:.1f} MB, {n_regions:,} regions) "
            f"in {time.perf_counter() - start:.1f} s"
        )
        readers = ["glplan"] + (["pandas"] if args.pandas else [])
        for reader in readers:
            out = subprocess.run(
                [sys.executable, __file__, "--child", reader, str(path), str(n_regions)],
                check=True,
                capture_output=True,
                text=True,
            )
            stats = json.loads(out.stdout.strip().splitlines()[-1])
            rate = args.rows / stats["seconds"]
            extra = ""
            if reader == "glplan":
                extra = (
                    f"; {stats['observations']:,} observations, {stats['errors']} errors, "
                    f"{stats['warnings']} warnings; "
                    f"peak before reading {stats['peak_before_read_mb']:.0f} MB"
                )
            print(
                f"{reader:>7}: {stats['seconds']:.2f} s ({rate:,.0f} rows/s), "
                f"peak memory {stats['peak_mb']:.0f} MB{extra}"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
