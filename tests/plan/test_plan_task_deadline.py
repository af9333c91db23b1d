"""A task's time limit: the phrase, or an override that replaces the parser's reading."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from gl_plan.plan.models import Task

BASE = {"id": "A1.1", "title": {"zh": "任务", "en": "Task"}, "text": "原文"}


def test_an_override_rescues_a_phrase_that_does_not_parse() -> None:
    task = Task.model_validate(
        {
            **BASE,
            "deadline": "适时推进",
            "deadline_override": {"due": "2022-06-30", "ongoing": False, "reason": "when timely"},
        }
    )
    assert task.due == date(2022, 6, 30)
    assert task.schedule.text == "适时推进"


def test_without_an_override_an_unknown_phrase_lists_the_accepted_forms() -> None:
    with pytest.raises(ValidationError) as info:
        Task.model_validate({**BASE, "deadline": "适时推进"})
    (error,) = info.value.errors()
    assert error["loc"] == ("deadline",)
    assert "accepted: X年底前" in error["msg"]
    assert "deadline_override" in error["msg"]


def test_an_override_keeps_the_start_of_a_span() -> None:
    task = Task.model_validate(
        {
            **BASE,
            "deadline": "2023—2025年",
            "deadline_override": {"due": "2024-12-31", "ongoing": False, "reason": "earlier"},
        }
    )
    assert (task.schedule.starts, task.due) == (date(2023, 1, 1), date(2024, 12, 31))
