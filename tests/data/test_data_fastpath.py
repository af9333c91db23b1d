"""The columnar fast path (gl_plan.data.fastcsv) gives what the reference reader gives.

Each example writes a long CSV file, reads it once with the fast path allowed for any size
and once with the reference reader only, and compares observations (every array of every
series, in dictionary order), issues and file infos. Files with errors, quotes, blank
lines, GBK text or a BOM must make the fast path decline (and so match trivially); clean
files must be taken by it.
"""

from __future__ import annotations

import math
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gl_plan.assess import aggregate as aggregate_module
from gl_plan.assess.aggregate import aggregate
from gl_plan.data import fastcsv
from gl_plan.data.observations import Series
from gl_plan.data.read import DataResult, read_indicators
from gl_plan.plan.models import Plan

pytest.importorskip("pyarrow")

AS_OF = date(2026, 11, 28)
REGIONS = ["450302", "450303", "秀峰区", "Diecai", "450304", "临桂县", "450305", "450399"]
INDICATORS = [
    "preschool_gross_enrollment_rate",
    "学前教育三年毛入园率",
    "compulsory_consolidation_rate",
]
PERIODS = ["2024Q1", "2024Q2", "2024-Q3", "2024年第4季度", "2025Q1", "2025", "2027Q1", "20x5"]


@contextmanager
def fast_path(enabled: bool) -> Iterator[list[bool]]:
    """Allow the fast path for any size (or not at all); yields what it returned per file."""
    saved_min, saved_read = fastcsv.FAST_MIN_BYTES, fastcsv.read_long_csv
    taken: list[bool] = []

    def spy(*args: object, **kwargs: object) -> bool:
        got = saved_read(*args, **kwargs)  # type: ignore[arg-type]
        taken.append(got)
        return got

    fastcsv.FAST_MIN_BYTES = 0 if enabled else 10**15
    fastcsv.read_long_csv = spy  # type: ignore[assignment]
    try:
        yield taken
    finally:
        fastcsv.FAST_MIN_BYTES, fastcsv.read_long_csv = saved_min, saved_read


def both(paths: list[Path], plan: Plan) -> tuple[DataResult, DataResult, list[bool]]:
    with fast_path(True) as taken:
        fast = read_indicators(paths, plan, as_of=AS_OF)
    with fast_path(False):
        ref = read_indicators(paths, plan, as_of=AS_OF)
    return fast, ref, taken


def plain(series: dict[tuple[str, str], Series]) -> list[object]:
    """Series as comparable lists (NaN as None: NaN != NaN would fail any comparison)."""
    return [
        (
            key,
            s.region,
            s.indicator,
            [
                [None if isinstance(x, float) and math.isnan(x) else x for x in arr]
                for arr in (s.ordinals, s.values, s.numerators, s.denominators, s.sources, s.lines)
            ],
        )
        for key, s in series.items()
    ]


def assert_same(fast: DataResult, ref: DataResult) -> None:
    assert plain(fast.observations.series) == plain(ref.observations.series)
    assert fast.observations.files == ref.observations.files
    assert fast.issues == ref.issues
    assert fast.files == ref.files


def clean_rows(rng: random.Random, n_series: int, quarters: int) -> list[str]:
    codes = ["450302", "450303", "450304", "450305", "450311", "450312"]
    lines = []
    for k in range(n_series):
        region = codes[k % len(codes)]
        indicator = INDICATORS[k % 3 if k % 3 != 1 else 0] if k < 6 else INDICATORS[2]
        den = rng.randint(100, 5000)
        for q in range(quarters):
            num = rng.randint(den // 2, den)
            period = f"{2020 + q // 4}Q{q % 4 + 1}"
            value = "" if q % 3 == 0 else f"{num * 100 / den!r}"
            lines.append(f"{region},{period},{indicator},{value},{num},{den}")
    return lines


@st.composite
def messy_files(draw: st.DrawFn) -> tuple[str, str]:
    """A long CSV (text, encoding) that is clean or has a few kinds of trouble."""
    seed = draw(st.integers(0, 2**32 - 1))
    rng = random.Random(seed)
    lines = clean_rows(rng, draw(st.integers(1, 8)), draw(st.integers(1, 12)))
    for _ in range(draw(st.integers(0, 4))):
        at = rng.randrange(len(lines) + 1)
        cells = [
            rng.choice(REGIONS),
            rng.choice(PERIODS),
            rng.choice(INDICATORS),
            rng.choice(["98.5", "", "98.5%", "-3", "400", "abc", "inf", "nan", "1e1"]),
            rng.choice(["", "95", "0", "-1", "9500", "1_000"]),
            rng.choice(["", "100", "0", "10000", "x"]),
        ]
        trouble = rng.choice(["row", "dup", "blank", "quote", "short", "long", "space"])
        if trouble == "dup" and lines:
            lines.insert(at, rng.choice(lines))
        elif trouble == "blank":
            lines.insert(at, "")
        elif trouble == "quote":
            lines.insert(at, ",".join(f'"{c}"' for c in cells))
        elif trouble == "short":
            lines.insert(at, ",".join(cells[:4]))
        elif trouble == "long":
            lines.insert(at, ",".join([*cells, "x"]))
        elif trouble == "space":
            lines.insert(at, ",".join(f" {c}" for c in cells))
        else:
            lines.insert(at, ",".join(cells))
    header = rng.choice(
        [
            "region,period,indicator,value,numerator,denominator",
            "地区,时期,指标,数值,分子,分母",
        ]
    )
    # Excel on Windows ends lines with CRLF; an old Mac file with a lone CR.
    eol = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    text = eol.join([header, *lines]) + (eol if draw(st.booleans()) else "")
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "gb18030", "utf-8-sig"]))
    return text, encoding


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=st.lists(messy_files(), min_size=1, max_size=3))
def test_fast_path_matches_reference(
    files: list[tuple[str, str]], data_plan: Plan, tmp_path: Path
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    paths = []
    for i, (text, encoding) in enumerate(files):
        path = folder / f"file{i}.csv"
        path.write_bytes(text.encode(encoding))
        paths.append(path)
    fast, ref, _ = both(paths, data_plan)
    assert_same(fast, ref)


def test_clean_file_takes_the_fast_path(data_plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "clean.csv"
    rows = clean_rows(random.Random(1), 8, 12)
    path.write_text("region,period,indicator,value,numerator,denominator\n" + "\n".join(rows))
    fast, ref, taken = both([path], data_plan)
    assert taken == [True]
    assert_same(fast, ref)
    assert len(fast.observations) == len(rows)


def test_windows_line_ends_take_the_fast_path(data_plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    rows = clean_rows(random.Random(2), 8, 12)
    header = "region,period,indicator,value,numerator,denominator"
    path.write_bytes("\r\n".join([header, *rows, ""]).encode("utf-8"))
    fast, ref, taken = both([path], data_plan)
    assert taken == [True]
    assert_same(fast, ref)
    assert fast.observations.get("450302", INDICATORS[0]) is not None


def test_a_blank_crlf_line_falls_back(data_plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    rows = clean_rows(random.Random(3), 2, 4)
    header = "region,period,indicator,value,numerator,denominator"
    path.write_bytes("\r\n".join([header, *rows[:3], "", *rows[3:], ""]).encode("utf-8"))
    fast, ref, taken = both([path], data_plan)
    assert taken == [False]
    assert_same(fast, ref)
    assert any(p.code == "blank-row" for p in fast.issues)


def test_duplicates_across_files_match(data_plan: Plan, tmp_path: Path) -> None:
    """Identical copies collapse and conflicts are rejected, as in the reference."""
    rows = clean_rows(random.Random(2), 3, 8)
    header = "region,period,indicator,value,numerator,denominator\n"
    (tmp_path / "a.csv").write_text(header + "\n".join(rows) + "\n")
    changed = [*rows[:5], rows[5].replace(",1", ",2", 1), *rows[6:]]
    (tmp_path / "b.csv").write_text(header + "\n".join([*changed, rows[0]]) + "\n")
    fast, ref, taken = both([tmp_path / "a.csv", tmp_path / "b.csv"], data_plan)
    assert taken == [True, True]
    assert_same(fast, ref)
    assert any(p.code == "duplicate-row" for p in ref.issues)


@pytest.mark.parametrize(
    ("row", "taken"),
    [
        ("450302,2024Q1,preschool_gross_enrollment_rate,98.5,9850,10000", True),  # clean
        ("450302,2024Q1,preschool_gross_enrollment_rate,97,9850,10000", False),  # inconsistent
        ("450302,2024Q1,preschool_gross_enrollment_rate,,9850,0", False),  # zero denominator
        ("450302,2024Q1,preschool_gross_enrollment_rate,,9850,", False),  # half the counts
        ("450302,2024Q1,preschool_gross_enrollment_rate,,-5,100", False),  # negative
        ("450302,2024Q1,preschool_gross_enrollment_rate,,,", False),  # nothing given
        ("450302,2024Q1,preschool_gross_enrollment_rate,500,,", False),  # out of range
        ("450302,2027Q1,preschool_gross_enrollment_rate,98.5,,", False),  # future
        ("450302,20x4,preschool_gross_enrollment_rate,98.5,,", False),  # bad period
        ("999999,2024Q1,preschool_gross_enrollment_rate,98.5,,", False),  # unknown region
        ("450302,2024Q1,no_such_indicator,98.5,,", False),  # unknown indicator
        ("450302,2024Q1,preschool_gross_enrollment_rate,98.5%,,", False),  # reference only
        ("450302,2024Q1,preschool_gross_enrollment_rate,nan,,", False),  # not a number
        ("450302,2024Q1,preschool_gross_enrollment_rate,98.5", False),  # short row
        ('450302,2024Q1,preschool_gross_enrollment_rate,"98.5",,', False),  # quotes
        ("", False),  # a blank line (then the end of the file)
    ],
)
def test_row_problems_fall_back(row: str, taken: bool, data_plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "one.csv"
    path.write_text(
        "region,period,indicator,value,numerator,denominator\n"
        "450303,2024Q1,preschool_gross_enrollment_rate,98,,\n" + row + "\n"
        "450304,2024Q1,preschool_gross_enrollment_rate,99,,\n"
    )
    fast, ref, was_taken = both([path], data_plan)
    assert was_taken == [taken]
    assert_same(fast, ref)


def test_gbk_and_bom_files_fall_back(data_plan: Plan, tmp_path: Path) -> None:
    text = "地区,时期,指标,数值\n秀峰区,2024Q1,学前教育三年毛入园率,98\n"
    (tmp_path / "gbk.csv").write_bytes(text.encode("gbk"))
    (tmp_path / "bom.csv").write_bytes(text.encode("utf-8-sig"))
    fast, ref, taken = both([tmp_path / "gbk.csv", tmp_path / "bom.csv"], data_plan)
    assert taken == [False, False]
    assert_same(fast, ref)
    assert len(ref.observations) == 1


def test_vector_aggregate_matches_loop(data_plan: Plan) -> None:
    """The numpy sums give exactly the loop's figures, also for non-integer counts."""
    from gl_plan.data.observations import Observation, ObservationSet
    from gl_plan.periods import Period

    rng = random.Random(3)
    observations = []
    for leaf in data_plan.leaves():
        for q in range(rng.randint(0, 8)):
            period = Period(2024 + q // 4, q % 4 + 1)
            if rng.random() < 0.2:
                observations.append(
                    Observation(leaf.code, period, "preschool_gross_enrollment_rate", 90.0)
                )
                continue
            den = rng.uniform(100, 5000)
            num = den * rng.uniform(0.5, 1.1)
            observations.append(
                Observation(
                    leaf.code,
                    period,
                    "preschool_gross_enrollment_rate",
                    num * 100 / den,
                    num,
                    den,
                )
            )
    obs = ObservationSet.from_observations(observations)
    saved = aggregate_module.VECTOR_MIN_OBSERVATIONS
    try:
        aggregate_module.VECTOR_MIN_OBSERVATIONS = 0
        vector = aggregate(data_plan, obs)
        aggregate_module.VECTOR_MIN_OBSERVATIONS = 10**15
        loop = aggregate(data_plan, obs)
    finally:
        aggregate_module.VECTOR_MIN_OBSERVATIONS = saved
    assert plain(vector.observations.series) == plain(loop.observations.series)
    assert vector.coverage == loop.coverage
    assert list(vector.coverage) == list(loop.coverage)
