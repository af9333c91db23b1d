"""Fixtures for the assessment tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from assess_fixtures import make_plan

from gl_plan.plan.models import Plan


@pytest.fixture
def plan() -> Plan:
    return make_plan()


@pytest.fixture
def plan_factory() -> Callable[..., Plan]:
    return make_plan
