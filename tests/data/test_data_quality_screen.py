"""The numpy screen of many series finds the same gaps and outliers as the per-series code."""

from __future__ import annotations

import random

import pytest

from gl_plan.data import quality
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.periods import Period

_QUARTERS = [Period(y, q).ordinal for y in range(2020, 2027) for q in range(1, 5)]


def _random_set(seed: int, count: int) -> ObservationSet:
    rng = random.Random(seed)
    observations: list[Observation] = []
    for n in range(count):
        region = f"R{n:04d}"
        indicator = rng.choice(["a", "b"])
        ordinals = sorted(rng.sample(_QUARTERS, rng.randint(1, len(_QUARTERS))))
        level = rng.uniform(40, 95)
        for o in ordinals:
            p = Period.from_ordinal(o)
            if p.quarter is None:
                continue
            # steps of a few hundredths, repeated values, and now and then a jump
            level += rng.choice([0.0, 0.0, 0.05, -0.05, 0.5, rng.uniform(-15, 15)])
            observations.append(
                Observation(region, p, indicator, round(level, 2), None, None, "f.csv", o)
            )
        if rng.random() < 0.3:
            observations.append(Observation(region, Period(2019, None), indicator, 50.0))
    return ObservationSet.from_observations(observations)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_screen_finds_what_the_per_series_code_finds(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    obs = _random_set(seed, 600)
    where = [(f, None) for f in obs.files]
    monkeypatch.setattr(quality, "_VECTOR_MIN_SERIES", 1)
    keys = sorted(obs.series)
    assert quality._Screen.of(obs, keys) is not None
    fast = (quality.gaps(obs, None, where), quality.outliers(obs, 3.5, where))  # type: ignore[arg-type]
    monkeypatch.setattr(quality, "_VECTOR_MIN_SERIES", 10**9)
    assert quality._Screen.of(obs, keys) is None
    slow = (quality.gaps(obs, None, where), quality.outliers(obs, 3.5, where))  # type: ignore[arg-type]
    assert fast == slow
    assert fast[0]
    assert fast[1]
