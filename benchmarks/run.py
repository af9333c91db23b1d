"""Benchmark ``glplan check`` against a plain pandas script doing the same core job.

Run by hand on a quiet machine (needs the ``bench`` extra: ``pip install -e .[bench]``)::

    python benchmarks/run.py [--runs 3] [--rows 10000 100000 1000000] [--no-bundled]
    python -m benchmarks

For each size a national plan and a long CSV are generated into a temporary folder
(:mod:`national`), then ``glplan check --format json`` and ``benchmarks/pandas_check.py``
run on the same files, each in a fresh process, in turn, ``--runs`` rounds (at least
:data:`SMALL_RUNS` for the bundled sample, where a run takes under a second and a shared
machine's noise is largest); the best wall time and the
peak resident memory of that process (``ru_maxrss`` of the child, which includes the
interpreter and every library it imports) are reported, with the ratios glplan / pandas.
The bundled 17-county sample (``data/``) is compared the same way. Prints a Markdown table.

glplan's modules are byte-compiled first (:func:`byte_compile`), as ``pip install`` does:
pandas comes compiled in its wheel's install, and an editable glplan under
``PYTHONDONTWRITEBYTECODE`` would otherwise compile itself on every run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
#: Rounds for the bundled sample at least: a run is under a second.
SMALL_RUNS = 10
#: The bundled sample runs to 2026Q3.
BUNDLED_AS_OF = "2026-11-28"

#: Runs a command, then prints its wall time and the peak memory of that child alone.
_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
mb = peak / 2**20 if sys.platform == "darwin" else peak / 1024
print(json.dumps({"seconds": seconds, "peak_mb": mb, "rc": rc}))
"""


@dataclass
class Measure:
    seconds: float
    peak_mb: float


def measure_once(cmd: list[str], ok: tuple[int, ...] = (0,)) -> Measure:
    """Wall time and peak memory of one fresh process running ``cmd``."""
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, check=True
    )
    stats = json.loads(out.stdout)
    if stats["rc"] not in ok:
        raise SystemExit(f"{' '.join(cmd)} exited {stats['rc']}:\n{out.stderr}")
    return Measure(stats["seconds"], stats["peak_mb"])


def measure_pair(a: list[str], b: list[str], runs: int) -> tuple[Measure, Measure]:
    """Best wall time and largest peak memory of each command over ``runs`` rounds.

    The two run in turn, a then b, in every round, so that a slow spell of a shared machine
    falls on both rather than on whichever happened to be running.
    """
    best = [float("inf"), float("inf")]
    peak = [0.0, 0.0]
    for _ in range(runs):
        for i, cmd in enumerate((a, b)):
            m = measure_once(cmd)
            best[i] = min(best[i], m.seconds)
            peak[i] = max(peak[i], m.peak_mb)
    return Measure(best[0], peak[0]), Measure(best[1], peak[1])


def byte_compile() -> None:
    """Compile glplan's modules as ``pip install`` does when it installs a package.

    An editable install (``pip install -e``) leaves them to be compiled on first import and,
    where ``PYTHONDONTWRITEBYTECODE`` is set (as ``.ci/run`` sets it), on *every*
    import: about 0.1 s a run that an installed glplan never pays, and that pandas, compiled
    when it was installed, does not pay either.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("gl_plan")
    if spec is None or spec.origin is None:
        raise SystemExit("glplan is not installed in this environment: pip install -e .[bench]")
    compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def glplan_cmd() -> list[str]:
    script = Path(sys.executable).with_name("glplan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gl_plan"]


def compare(plan: Path, data: Path, as_of: str, out: Path, runs: int) -> tuple[Measure, Measure]:
    glplan = [
        *glplan_cmd(),
        "check",
        "--plan",
        str(plan),
        "--data",
        str(data),
        "--as-of",
        as_of,
        "--format",
        "json",
        "--output",
        str(out / "glplan.json"),
        "--fail-on",
        "never",
    ]
    pandas = [
        sys.executable,
        str(HERE / "pandas_check.py"),
        "--plan",
        str(plan),
        "--data",
        str(data),
        "--as-of",
        as_of,
        "--output",
        str(out / "pandas.json"),
    ]
    return measure_pair(glplan, pandas, runs)


def row(name: str, rows: int, g: Measure, p: Measure) -> str:
    return (
        f"| {name} | {rows:,} | {g.seconds:.2f} | {p.seconds:.2f} | {g.seconds / p.seconds:.2f}× "
        f"| {g.peak_mb:.0f} | {p.peak_mb:.0f} | {g.peak_mb / p.peak_mb:.2f}× |"
    )


def main() -> None:
    import national

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (best time)")
    parser.add_argument("--rows", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--no-bundled", action="store_true", help="skip the 17-county sample")
    args = parser.parse_args()
    byte_compile()

    lines = [
        f"glplan check vs pandas script, in turn, best of {max(args.runs, SMALL_RUNS)} rounds "
        f"for the 17 counties and {args.runs} for the national inputs; "
        "peak = max RSS of the process",
        "",
        "| input | rows | glplan s | pandas s | time ratio | glplan MB | pandas MB | "
        "memory ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    folder = Path(tempfile.mkdtemp(prefix="glplan-bench-"))
    try:
        if not args.no_bundled:
            rows = sum(
                max(0, len(p.read_bytes().splitlines()) - 1)
                for p in (ROOT / "data" / "indicators").glob("*.csv")
            )
            g, p = compare(
                ROOT / "data" / "plan.yaml",
                ROOT / "data" / "indicators",
                BUNDLED_AS_OF,
                folder,
                max(args.runs, SMALL_RUNS),
            )
            lines.append(row("17 counties (data/, CSV + GBK + XLSX)", rows, g, p))
            print(lines[-1], file=sys.stderr)
        for n in args.rows:
            sub = folder / str(n)
            sub.mkdir()
            plan, data = national.write_inputs(sub, n)
            total = national.leaves_for(n) * national.QUARTERS * len(national.GOAL_INDICATORS)
            regions = len(national.national_plan(national.leaves_for(n))["regions"])
            g, p = compare(plan, data, national.AS_OF, sub, args.runs)
            lines.append(row(f"national long CSV, {regions:,} regions", total, g, p))
            print(lines[-1], file=sys.stderr)
            data.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
