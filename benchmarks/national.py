"""Generated benchmark input: a national-scale plan and its long indicator file.

Never committed: :func:`write_inputs` writes into a folder the caller makes with
``tempfile.mkdtemp()``. The hierarchy is nation → 31 provinces → prefectures → counties
(six-digit codes), about 8,700 regions for a 1,000,000-row file; the plan keeps the bundled
plan's indicators, its 2025 and 2030 goals and a few tasks. Each county reports 40 quarters
(2016Q1-2025Q4) of the three goal indicators, with a value, a numerator and a denominator
that agree, so every row takes the reader's full path. The data are deterministic.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import yaml

from gl_plan.plan.ids import GB2260_PROVINCES

ROOT = Path(__file__).resolve().parents[1]
GOAL_INDICATORS = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "senior_secondary_gross_enrollment_rate",
)
FIRST_YEAR = 2016
QUARTERS = 40  # 2016Q1-2025Q4
AS_OF = "2026-03-31"
PROVINCES = 31
#: Counties per prefecture, about the national average (7,600 / 330).
COUNTIES_PER_PREFECTURE = 23
SEED = 8
HEADER = "region,period,indicator,value,numerator,denominator\n"


def leaves_for(rows: int) -> int:
    """The number of counties that gives about ``rows`` rows."""
    return max(1, round(rows / (QUARTERS * len(GOAL_INDICATORS))))


def national_plan(n_leaves: int) -> dict[str, Any]:
    """A plan document for ``n_leaves`` counties under prefectures, provinces and a nation."""
    base = yaml.safe_load((ROOT / "data" / "plan.yaml").read_text(encoding="utf-8"))
    doc: dict[str, Any] = json.loads(json.dumps(base, default=str))
    n_pref = max(PROVINCES, round(n_leaves / COUNTIES_PER_PREFECTURE))
    regions: list[dict[str, Any]] = [
        {
            "code": "CN",
            "name": {"zh": "全国", "en": "Nation"},
            "short": {"zh": "全国", "en": "Nation"},
            "kind": "nation",
        }
    ]
    provinces = sorted(GB2260_PROVINCES)[:PROVINCES]
    for p, prefix in enumerate(provinces):
        regions.append(
            {
                "code": f"{prefix}0000",
                "name": {"zh": f"省{p:02d}", "en": f"Province {p:02d}"},
                "short": {"zh": f"省{p:02d}", "en": f"P{p:02d}"},
                "kind": "province",
                "parent": "CN",
            }
        )
    prefectures: list[str] = []
    for f in range(n_pref):
        p = f % PROVINCES
        code = f"{provinces[p]}{1 + f // PROVINCES:02d}00"
        prefectures.append(code)
        regions.append(
            {
                "code": code,
                "name": {"zh": f"地区{f:04d}", "en": f"Prefecture {f:04d}"},
                "short": {"zh": f"地{f:04d}", "en": f"F{f:04d}"},
                "kind": "prefecture_city",
                "parent": f"{provinces[p]}0000",
            }
        )
    for c in range(n_leaves):
        parent = prefectures[c % n_pref]
        code = f"{parent[:4]}{1 + c // n_pref:02d}"
        regions.append(
            {
                "code": code,
                "name": {"zh": f"县{c:05d}", "en": f"County {c:05d}"},
                "short": {"zh": f"县{c:05d}", "en": f"C{c:05d}"},
                "kind": "county",
                "parent": parent,
            }
        )
    doc["regions"] = regions
    doc["indicators"] = [i for i in doc["indicators"] if i["id"] in GOAL_INDICATORS]
    doc["goals"] = [
        {**g, "targets": {k: v for k, v in g["targets"].items() if k in GOAL_INDICATORS}}
        for g in doc["goals"]
    ]
    doc["actions"] = doc["actions"][:3]
    doc["standards"] = [s for s in doc.get("standards", []) if s["indicator"] in GOAL_INDICATORS]
    doc["baselines"] = []
    doc["plan"]["id"] = "national-benchmark"
    return doc


def leaf_codes(doc: dict[str, Any]) -> list[str]:
    return [r["code"] for r in doc["regions"] if r["kind"] == "county"]


def write_inputs(folder: Path, rows: int) -> tuple[Path, Path]:
    """Write ``plan.yaml`` and ``national_long.csv`` for about ``rows`` rows into ``folder``."""
    n_leaves = leaves_for(rows)
    doc = national_plan(n_leaves)
    plan_path = folder / "plan.yaml"

    class _NoAliases(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    plan_path.write_text(
        yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    rng = random.Random(SEED)
    periods = [f"{FIRST_YEAR + q // 4}Q{q % 4 + 1}" for q in range(QUARTERS)]
    data_path = folder / "national_long.csv"
    with data_path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        for code in leaf_codes(doc):
            for indicator in GOAL_INDICATORS:
                level = rng.uniform(85.0, 105.0)
                den = rng.randint(2_000, 40_000)
                lines = []
                for q, period in enumerate(periods):
                    rate = level + 0.05 * q + rng.gauss(0, 0.3)
                    num = round(den * rate / 100)
                    lines.append(f"{code},{period},{indicator},{num / den * 100:.2f},{num},{den}\n")
                fh.write("".join(lines))
    return plan_path, data_path
