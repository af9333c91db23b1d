"""Languages and the program's own labels (plan texts carry their own zh/en)."""

from __future__ import annotations

import locale
import os
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


def detect_lang(environ: dict[str, str] | None = None) -> Lang:
    """``GLPLAN_LANG`` if set, else Chinese for a ``zh`` locale, else English."""
    env = os.environ if environ is None else environ
    forced = env.get("GLPLAN_LANG", "").strip().lower()
    if forced.startswith("zh"):
        return "zh"
    if forced.startswith("en"):
        return "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    if environ is None:
        try:
            current = locale.getlocale()[0] or ""
        except ValueError:
            current = ""
        if current.lower().startswith("zh"):
            return "zh"
    return "en"


#: Labels the program prints; each has both languages so `--lang en` shows no Chinese.
LABELS: dict[str, tuple[str, str]] = {
    # indicator statuses
    "achieved": ("已达标", "achieved"),
    "on_track": ("进度正常", "on track"),
    "needs_acceleration": ("需加快", "needs acceleration"),
    "off_track": ("进度滞后", "off track"),
    "deteriorating": ("倒退", "deteriorating"),
    "insufficient_data": ("数据不足", "insufficient data"),
    "no_data": ("无数据", "no data"),
    "met": ("已实现", "met"),
    "missed": ("未实现", "missed"),
    # task statuses
    "done": ("已完成", "done"),
    "done_late": ("逾期完成", "done late"),
    "overdue": ("已逾期", "overdue"),
    "due_soon": ("即将到期", "due soon"),
    "on_schedule": ("按计划", "on schedule"),
    "ongoing": ("持续实施", "ongoing"),
    # levels
    "red": ("红", "red"),
    "amber": ("黄", "amber"),
    "green": ("绿", "green"),
    "grey": ("灰", "grey"),
    "pass": ("达标", "pass"),
    "fail": ("未达标", "fail"),
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
}


def label(key: str, lang: Lang) -> str:
    """The label for ``key`` in ``lang``; unknown keys are shown as they are."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "zh" else pair[1]
