"""Benchmark the HTML report against the JSON report of the same check.

Run by hand on a quiet machine (needs the ``report`` extra, for matplotlib)::

    python benchmarks/html_vs_json.py [--runs 3] [--rows 24000 576000]

For each size a national plan and a long CSV are generated into a temporary folder
(:mod:`national`; 24,000 rows give 263 regions, 576,000 give 5,041), then
``glplan check --format json`` and ``glplan check --output report.html`` run on the same
files, each in a fresh process, in turn, ``--runs`` rounds. Both read and assess the same
data; the difference is the page: the charts (a bounded number of panels per indicator,
:data:`gl_plan.report.charts.MAX_SMALL_PANELS`) and the gap tables (a row per region).
Prints a Markdown table with the best wall times, the peak memory and the ratios
HTML / JSON.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import national  # noqa: E402
from run import byte_compile, glplan_cmd, measure_pair  # noqa: E402


def check_cmd(plan: Path, data: Path, output: Path, *extra: str) -> list[str]:
    return [
        *glplan_cmd(), "check", "--plan", str(plan), "--data", str(data),
        "--as-of", national.AS_OF, "--output", str(output), "--fail-on", "never", *extra,
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (best time)")
    parser.add_argument("--rows", type=int, nargs="*", default=[24_000, 576_000])
    args = parser.parse_args()
    byte_compile()
    lines = [
        f"glplan check, HTML vs JSON, in turn, best of {args.runs} rounds; "
        "peak = max RSS of the process",
        "",
        "| input | rows | JSON s | HTML s | time ratio | JSON MB | HTML MB | memory ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    folder = Path(tempfile.mkdtemp(prefix="glplan-bench-html-"))
    try:
        for n in args.rows:
            sub = folder / str(n)
            sub.mkdir()
            plan, data = national.write_inputs(sub, n)
            leaves = national.leaves_for(n)
            total = leaves * national.QUARTERS * len(national.GOAL_INDICATORS)
            regions = len(national.national_plan(leaves)["regions"])
            j, h = measure_pair(
                check_cmd(plan, data, sub / "report.json", "--format", "json"),
                check_cmd(plan, data, sub / "report.html"),
                args.runs,
            )
            lines.append(
                f"| national long CSV, {regions:,} regions | {total:,} | {j.seconds:.2f} "
                f"| {h.seconds:.2f} | {h.seconds / j.seconds:.2f}× | {j.peak_mb:.0f} "
                f"| {h.peak_mb:.0f} | {h.peak_mb / j.peak_mb:.2f}× |"
            )
            print(lines[-1], file=sys.stderr)
            data.unlink()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
