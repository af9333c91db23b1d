"""Regenerate the bundled sample indicator files in ``data/indicators/``.

ILLUSTRATIVE SYNTHETIC DATA, NOT OFFICIAL STATISTICS. Each county gets a smooth trend per
indicator plus a little seeded noise; counts are derived from rough population sizes
(Guilin about 4.9 million people). The files deliberately differ the way real county files
do (shapes, headers, encodings, spellings); data/indicators/README.md lists the variations.

Run from the repository root; the output is the same on every run (fixed seed, fixed
workbook timestamps)::

    python scripts/make_sample_data.py [--out data/indicators]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20220316  # the plan's issue date
FIRST, LAST = (2021, 4), (2026, 3)
GOALS = (
    "preschool_gross_enrollment_rate",
    "compulsory_consolidation_rate",
    "senior_secondary_gross_enrollment_rate",
)
ZH_NAME = {
    "preschool_gross_enrollment_rate": "学前教育三年毛入园率",
    "compulsory_consolidation_rate": "九年义务教育巩固率",
    "senior_secondary_gross_enrollment_rate": "高中阶段毛入学率",
    "inclusive_kindergarten_coverage": "普惠性幼儿园覆盖率",
    "public_kindergarten_share": "公办园在园幼儿占比",
}
CN_QUARTER = {1: "一", 2: "二", 3: "三", 4: "四"}
#: Denominator per person: children aged 3-5, grade-1 entrants nine years earlier, youth
#: aged 15-17 (rough shares of the population), and their yearly drift (fewer births).
DENOM_SHARE = {
    "preschool_gross_enrollment_rate": (0.033, -0.025),
    "compulsory_consolidation_rate": (0.0125, 0.005),
    "senior_secondary_gross_enrollment_rate": (0.034, 0.01),
}
NOISE = 0.12  # percentage points


@dataclass
class County:
    code: str
    name: str
    population: int  # rough, in persons
    #: indicator -> (value at 2021Q4, change per year)
    trend: dict[str, tuple[float, float]]
    extras: bool = False  # also the annual kindergarten indicators
    missing: set[tuple[int, int]] = field(default_factory=set)


def _t(level: str) -> dict[str, tuple[float, float]]:
    """Start values and yearly change for the three goal indicators by profile."""
    profiles = {
        "ahead": {
            GOALS[0]: (100.9, 0.55),
            GOALS[1]: (102.4, 0.45),
            GOALS[2]: (112.2, 0.60),
        },
        "on_track": {GOALS[0]: (98.6, 0.55), GOALS[1]: (100.8, 0.50), GOALS[2]: (109.6, 0.85)},
        "slow": {GOALS[0]: (96.0, 0.40), GOALS[1]: (99.2, 0.30), GOALS[2]: (104.5, 0.70)},
        "behind": {GOALS[0]: (92.5, 0.35), GOALS[1]: (97.0, 0.25), GOALS[2]: (99.0, 0.60)},
        "deteriorating": {
            GOALS[0]: (99.5, -0.70),
            GOALS[1]: (101.5, -0.45),
            GOALS[2]: (108.0, -0.5),
        },
    }
    return profiles[level]


COUNTIES = [
    County("450302", "秀峰区", 183_000, _t("on_track")),
    County("450303", "叠彩区", 203_000, _t("ahead")),
    County("450304", "象山区", 328_000, _t("on_track")),
    County("450305", "七星区", 347_000, _t("ahead")),
    County("450311", "雁山区", 97_000, _t("slow")),
    County("450312", "临桂区", 550_000, _t("ahead")),
    County("450321", "阳朔县", 290_000, _t("on_track"), extras=True),
    County("450323", "灵川县", 357_000, _t("slow"), extras=True),
    County("450324", "全州县", 637_000, _t("slow"), missing={(2026, 2)}),
    County("450325", "兴安县", 309_000, _t("deteriorating")),
    County("450326", "永福县", 203_000, _t("slow")),
    County("450327", "灌阳县", 222_000, _t("behind")),
    County("450328", "龙胜各族自治县", 145_000, _t("behind")),
    County("450329", "资源县", 145_000, _t("behind")),
    County("450330", "平乐县", 328_000, _t("ahead")),
    County("450332", "恭城瑶族自治县", 232_000, _t("on_track"), extras=True),
    County("450381", "荔浦市", 328_000, _t("on_track"), extras=True),
]


def quarters() -> list[tuple[int, int]]:
    out = []
    y, q = FIRST
    while (y, q) <= LAST:
        out.append((y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


@dataclass
class Row:
    year: int
    quarter: int | None
    indicator: str
    numerator: int
    denominator: int

    @property
    def value(self) -> float:
        return round(self.numerator / self.denominator * 100, 2)


def county_rows(county: County, rng: random.Random) -> list[Row]:
    rows: list[Row] = []
    for indicator in GOALS:
        start, slope = county.trend[indicator]
        # A county's own offset so that no two counties look alike.
        start += rng.uniform(-0.8, 0.8)
        share, drift = DENOM_SHARE[indicator]
        for y, q in quarters():
            if (y, q) in county.missing:
                continue
            years = (y + q / 4) - (FIRST[0] + FIRST[1] / 4)
            rate = start + slope * years + rng.gauss(0, NOISE)
            den = round(county.population * share * (1 + drift) ** (y - FIRST[0]))
            rows.append(Row(y, q, indicator, round(rate * den / 100), den))
    if county.extras:
        children = round(county.population * 0.033)
        inclusive = rng.uniform(82.0, 88.0)
        public = rng.uniform(48.0, 56.0)
        for i, year in enumerate((2024, 2025)):
            total = round(children * (1 - 0.02 * i))
            rows.append(
                Row(
                    year,
                    None,
                    "inclusive_kindergarten_coverage",
                    round(total * (inclusive + 1.6 * i) / 100),
                    total,
                )
            )
            rows.append(
                Row(
                    year,
                    None,
                    "public_kindergarten_share",
                    round(total * (public + 2.1 * i) / 100),
                    total,
                )
            )
    return rows


def period_text(row: Row, style: str) -> str:
    y, q = row.year, row.quarter
    if q is None:
        return f"{y}年" if style.startswith("zh") else str(y)
    return {
        "plain": f"{y}Q{q}",
        "dash": f"{y}-Q{q}",
        "zh": f"{y}年第{CN_QUARTER[q]}季度",
        "zh_digit": f"{y}年第{q}季度",
        "zh_short": f"{y}年{q}季度",
    }[style]


def write_csv(path: Path, header: list[str], body: list[list[object]], encoding: str) -> None:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")  # as Excel writes it
    writer.writerow(header)
    writer.writerows(body)
    path.write_bytes(buf.getvalue().encode(encoding))


def long_file(
    path: Path,
    county: County,
    rows: list[Row],
    *,
    region: str | None,
    header: list[str],
    period_style: str = "plain",
    indicator: Callable[[str], str] = str,
    cells: Callable[[Row], list[object]] = lambda r: [r.numerator, r.denominator],
    encoding: str = "utf-8",
) -> None:
    body = []
    for r in rows:
        lead: list[object] = [] if region is None else [region]
        body.append([*lead, period_text(r, period_style), indicator(r.indicator), *cells(r)])
    write_csv(path, header, body, encoding)


def wide_file(path: Path, county: County, rows: list[Row]) -> None:
    by_period: dict[tuple[int, int | None], dict[str, float]] = {}
    for r in rows:
        by_period.setdefault((r.year, r.quarter), {})[r.indicator] = r.value
    body: list[list[object]] = []
    for (y, q), values in sorted(by_period.items()):
        assert q is not None
        body.append([county.code, f"{y}-Q{q}", *(f"{values[i]:.2f}" for i in GOALS)])
    write_csv(path, ["region", "period", *GOALS], body, "utf-8")


def xlsx_file(path: Path, county: County, rows: list[Row]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = county.name
    sheet.append(["时期", "指标", "数值", "分子", "分母"])
    for r in rows:
        period: object = r.year if r.quarter is None else period_text(r, "plain")
        sheet.append([period, ZH_NAME[r.indicator], r.value, r.numerator, r.denominator])
    book.properties.title = f"{county.name} 教育指标（示例数据）"
    book.properties.description = (
        "示例数据（虚构），非官方统计。Illustrative synthetic data, not official statistics."
    )
    buf = io.BytesIO()
    book.save(buf)
    path.write_bytes(_fixed_zip(buf.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """The same workbook bytes on every run: fixed entry times and document dates."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2026-10-15T00:00:00Z",
                    content,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 10, 15, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, content)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("data/indicators"))
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    en = ["region", "period", "indicator", "numerator", "denominator"]
    en_value = ["region", "period", "indicator", "value", "numerator", "denominator"]

    def both(r: Row) -> list[object]:
        return [f"{r.value:.2f}", r.numerator, r.denominator]

    for c in COUNTIES:
        rows = county_rows(c, rng)
        stem = out / f"{c.code}_{c.name}"
        match c.code:
            case "450302":  # counts only, English headers
                long_file(stem.with_suffix(".csv"), c, rows, region=c.code, header=en)
            case "450303":  # UTF-8 with BOM, Chinese headers, value and counts
                long_file(
                    stem.with_suffix(".csv"),
                    c,
                    rows,
                    region=c.name,
                    header=["地区", "时期", "指标", "数值", "分子", "分母"],
                    cells=both,
                    encoding="utf-8-sig",
                )
            case "450304":  # wide: one column per indicator, values only
                wide_file(stem.with_suffix(".csv"), c, rows)
            case "450305":  # short names, 2024年第三季度
                long_file(
                    stem.with_suffix(".csv"), c, rows, region="七星", header=en, period_style="zh"
                )
            case "450311":  # no region column: the file name says which county
                long_file(stem.with_suffix(".csv"), c, rows, region=None, header=en[1:])
            case "450312":  # 2024年3季度
                long_file(
                    stem.with_suffix(".csv"),
                    c,
                    rows,
                    region=c.name,
                    header=en,
                    period_style="zh_short",
                )
            case "450321":  # Excel workbook, region from the sheet name
                xlsx_file(stem.with_suffix(".xlsx"), c, rows)
            case "450323":  # GBK (Excel on Chinese Windows), Chinese headers and names
                long_file(
                    stem.with_suffix(".csv"),
                    c,
                    rows,
                    region=c.name,
                    header=["区县", "季度", "指标名称", "分子", "分母", "备注"],
                    period_style="zh_digit",
                    indicator=ZH_NAME.__getitem__,
                    cells=lambda r: [
                        r.numerator,
                        r.denominator,
                        "年度数据" if r.quarter is None else "",
                    ],
                    encoding="gbk",
                )
            case "450326":  # thousands separators
                long_file(
                    stem.with_suffix(".csv"),
                    c,
                    rows,
                    region=c.code,
                    header=en,
                    cells=lambda r: [f"{r.numerator:,}", f"{r.denominator:,}"],
                )
            case "450327":  # value with a percent sign, and counts
                long_file(
                    stem.with_suffix(".csv"),
                    c,
                    rows,
                    region=c.code,
                    header=en_value,
                    cells=lambda r: [f"{r.value:.2f}%", r.numerator, r.denominator],
                )
            case "450328" | "450332":  # colloquial names 龙胜县, 恭城县
                long_file(
                    stem.with_suffix(".csv"),
                    c,
                    rows,
                    region=c.name[:2] + "县",
                    header=en_value,
                    cells=both,
                )
            case "450381":  # former name 荔浦县
                long_file(stem.with_suffix(".csv"), c, rows, region="荔浦县", header=en)
            case "450330":
                long_file(
                    stem.with_suffix(".csv"), c, rows, region=c.code, header=en_value, cells=both
                )
            case _:
                long_file(stem.with_suffix(".csv"), c, rows, region=c.code, header=en)
    print(f"wrote {len(COUNTIES)} files to {out}")


if __name__ == "__main__":
    main()
