"""Generated benchmark input: a national-scale long indicator file and a plan that fits it.

Never committed: :func:`write_long_csv` writes into a folder the caller makes with
``tempfile.mkdtemp()``. The data are deterministic (a fixed seed) and plausible (rates of
80-120 with numerators and denominators that agree), so the reader takes its full path for
every row: region, period and indicator look-ups, three numbers, the consistency and range
checks.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan

ROOT = Path(__file__).resolve().parents[1]
INDICATORS = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "senior_secondary_gross_enrollment_rate",
    "junior_secondary_consolidation_rate",
)
FIRST_YEAR = 2000
QUARTERS = 100  # 2000Q1-2024Q4
SEED = 8


def bench_plan(n_regions: int) -> Plan:
    """The bundled plan with ``n_regions`` synthetic counties added under the city."""
    base = load_plan(ROOT / "data" / "plan.yaml")
    data: dict[str, Any] = base.model_dump(mode="json", exclude_computed_fields=True)
    root = base.root_region.code
    data["regions"] += [
        {
            "code": str(100001 + i),
            "name": {"zh": f"测试县{i:05d}", "en": f"Test county {i:05d}"},
            "short": {"zh": f"测{i:05d}", "en": f"T{i:05d}"},
            "kind": "county",
            "parent": root,
        }
        for i in range(n_regions)
    ]
    return Plan.model_validate(data)


def write_long_csv(folder: Path, rows: int = 1_000_000) -> tuple[Path, int]:
    """Write ``rows`` long-shape rows into ``folder``; returns the file and the number of
    synthetic regions a plan needs to know (see :func:`bench_plan`)."""
    per_region = len(INDICATORS) * QUARTERS
    n_regions = -(-rows // per_region)
    rng = random.Random(SEED)
    path = folder / "national_long.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["region", "period", "indicator", "value", "numerator", "denominator"])
        written = 0
        for r in range(n_regions):
            code = str(100001 + r)
            for indicator in INDICATORS:
                level = rng.uniform(85.0, 105.0)
                den = rng.randint(2_000, 40_000)
                for q in range(QUARTERS):
                    if written == rows:
                        return path, n_regions
                    rate = level + 0.05 * q + rng.gauss(0, 0.3)
                    num = round(den * rate / 100)
                    period = f"{FIRST_YEAR + q // 4}Q{q % 4 + 1}"
                    writer.writerow([code, period, indicator, f"{num / den * 100:.2f}", num, den])
                    written += 1
    return path, n_regions
