"""The base of every plan model, the bilingual text, and how names are compared.

Shared by :mod:`~gl_plan.plan.models` and :mod:`~gl_plan.plan.counts`, which both build on
them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Model(BaseModel):
    """Base for every plan model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        validate_default=True,
        coerce_numbers_to_str=True,
        defer_build=True,
    )


class Text(Model):
    """A text in Chinese and English; either alone is enough, and stands in for the other."""

    model_config = ConfigDict(
        json_schema_extra={"required": [], "minProperties": 1},
    )

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _fall_back(cls, data: Any) -> Any:
        if isinstance(data, dict):
            zh, en = data.get("zh"), data.get("en")
            if zh is None and en is not None:
                return {**data, "zh": en}
            if en is None and zh is not None:
                return {**data, "en": zh}
        return data

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Direction(StrEnum):
    """Which way an indicator improves (a rate up, a pupil-teacher ratio down)."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
