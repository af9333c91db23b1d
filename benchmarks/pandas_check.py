"""The pandas reference for the benchmark: glplan check's core job as a plain pandas script.

Reads the plan (targets and region/indicator names), the indicator files (CSV in UTF-8 or
GBK, .xlsx, long or wide), keeps each region's latest value per indicator up to the as-of
date, its gap to the 2025 and 2030 targets, and the top region's figure as the sum of
numerators over the sum of denominators for the latest period; writes JSON. It checks
nothing beyond what it needs to get numbers out::

    python benchmarks/pandas_check.py --plan P --data F_OR_DIR --as-of 2026-03-31 --output O
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd  # type: ignore[import-untyped]
import yaml

COLUMNS = {
    "region": "region",
    "地区": "region",
    "区县": "region",
    "period": "period",
    "时期": "period",
    "季度": "period",
    "indicator": "indicator",
    "指标": "indicator",
    "指标名称": "indicator",
    "value": "value",
    "数值": "value",
    "numerator": "numerator",
    "分子": "numerator",
    "denominator": "denominator",
    "分母": "denominator",
}
_PERIOD = re.compile(r"(\d{4})\D*?([1-4一二三四])\D*$")
_CN = {"一": "1", "二": "2", "三": "3", "四": "4"}


def _key(text: object) -> str:
    return re.sub(r"[\s\-_·.,()（）]", "", str(text)).lower()


def _period(text: object) -> float:
    """Quarter end as a sortable number (2024Q3 → 2024.75); NaN if not a quarter."""
    m = _PERIOD.search(str(text).strip())
    if not m:
        return float("nan")
    return int(m.group(1)) + int(_CN.get(m.group(2), m.group(2))) / 4


def _number(col: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(col):
        return col.astype(float)
    text = col.astype(str).str.replace(",", "").str.rstrip("%")
    return pd.to_numeric(text, errors="coerce")


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".xlsx":
        frame = pd.read_excel(path, dtype=object)
    else:
        try:
            frame = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
        except UnicodeDecodeError:
            frame = pd.read_csv(path, dtype=str, encoding="gb18030")
    frame = frame.rename(columns=lambda c: COLUMNS.get(str(c).strip(), str(c).strip()))
    if "region" not in frame:
        frame["region"] = path.name.split("_")[0]
    if "indicator" not in frame:  # wide: one column per indicator
        frame = frame.melt(id_vars=["region", "period"], var_name="indicator", value_name="value")
    for col in ("value", "numerator", "denominator"):
        frame[col] = _number(frame[col]) if col in frame else float("nan")
    return frame[["region", "period", "indicator", "value", "numerator", "denominator"]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plan", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(args.plan, encoding="utf-8") as fh:
        plan: dict[str, Any] = yaml.load(fh, Loader=loader)
    regions = {}
    for r in plan["regions"]:
        for name in (r["code"], *r["name"].values(), *r["short"].values(), r.get("pinyin")):
            if name:
                regions[_key(name)] = r["code"]
    indicators = {}
    for i in plan["indicators"]:
        for name in (i["id"], *i["name"].values(), *i.get("short", {}).values(), *i["aliases"]):
            indicators[_key(name)] = i["id"]
    top = next(r["code"] for r in plan["regions"] if not r.get("parent"))
    targets = {g["year"]: g["targets"] for g in plan["goals"]}

    data = Path(args.data)
    files = (
        sorted(p for p in data.iterdir() if p.suffix in (".csv", ".xlsx"))
        if data.is_dir()
        else [data]
    )
    frame = pd.concat([_read(p) for p in files], ignore_index=True)
    # Each distinct spelling is normalised once.
    for col, table in (("region", regions), ("indicator", indicators)):
        uniques = frame[col].astype(str).unique()
        frame[col] = frame[col].astype(str).map({u: table.get(_key(u)) for u in uniques})
    uniques = frame["period"].unique()
    frame["t"] = frame["period"].map({u: _period(u) for u in uniques})
    as_of = pd.Timestamp(args.as_of)
    frame = frame[frame["t"] <= as_of.year + (as_of.day_of_year / 366)]
    counted = frame["value"].isna() & frame["denominator"].gt(0)
    frame.loc[counted, "value"] = frame["numerator"] * 100 / frame["denominator"]
    frame = frame.dropna(subset=["region", "indicator", "value"])

    latest = frame.sort_values("t").groupby(["region", "indicator"]).tail(1)
    for year, goal in targets.items():
        latest[f"gap_{year}"] = latest["value"] - latest["indicator"].map(goal)
    national = {}
    for indicator, rows in frame.dropna(subset=["numerator", "denominator"]).groupby("indicator"):
        last = rows[rows["t"] == rows["t"].max()]
        value = last["numerator"].sum() * 100 / last["denominator"].sum()
        national[indicator] = {
            "period": str(last["period"].iloc[0]),
            "value": value,
            **{f"gap_{y}": value - g[indicator] for y, g in targets.items() if indicator in g},
        }
    out = {
        "regions": latest.drop(columns=["t"]).to_dict(orient="records"),
        "national": {top: national},
    }
    Path(args.output).write_text(json.dumps(out, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
