"""The one table of texts: every entry in both languages, no Chinese in English, the same
fields to fill in, and every key the program looks up is in it."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from gl_plan.i18n import TEXTS, text
from gl_plan.i18n.data import DATA
from gl_plan.i18n.draft import DRAFT
from gl_plan.i18n.explain import EXPLAIN
from gl_plan.i18n.messages import MESSAGES
from gl_plan.i18n.report import REPORT
from gl_plan.report.format import CJK_RE

SRC = Path(__file__).resolve().parents[2] / "src" / "gl_plan"
#: Texts printed in one language only: the legend of the English table's abbreviations.
EN_ONLY = {"check.legend"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_has_both_languages() -> None:
    for key, pair in TEXTS.items():
        assert len(pair) == 2, key
        assert all(isinstance(t, str) for t in pair), key
        zh, en = pair
        assert en, key
        assert zh or key in EN_ONLY, key


def test_english_texts_have_no_chinese() -> None:
    assert [key for key, (_, en) in TEXTS.items() if CJK_RE.search(en)] == []


def test_both_languages_take_the_same_fields() -> None:
    for key, (zh, en) in TEXTS.items():
        # English alone adds plural endings ({s}, {s_error}) and details only it gives
        # (``{detail_en}``: the words of Python or the system); Chinese alone ``*_zh``.
        extra = {f for f in _fields(en) - _fields(zh) if f == "s" or f.startswith("s_")}
        only_en = {f for f in _fields(en) if f.endswith("_en")}
        only_zh = {f for f in _fields(zh) if f.endswith("_zh")}
        assert _fields(zh) - only_zh == _fields(en) - extra - only_en, key


#: ASCII punctuation that Chinese text writes full-width (，：；（）？).
HALF_WIDTH = re.compile(r"[,:;()?]")


def test_chinese_texts_use_full_width_punctuation() -> None:
    """Outside the ``{fields}``: the commas, colons, semicolons, brackets and question
    marks of a Chinese sentence are full-width (a ledger header to copy keeps its commas)."""
    copied = {"ledger.data_first", "ledger.empty"}
    half = [
        key
        for key, (zh, _) in TEXTS.items()
        if key not in copied and HALF_WIDTH.search(re.sub(r"\{[^}]*\}", "", zh))
    ]
    assert half == []


def test_text_fills_in_the_fields() -> None:
    assert text("tasks.days_late", "en", n=3) == "3 d late"
    assert text("tasks.days_late", "zh", n=3) == "逾期 3 天"
    assert text("off_track", "zh") == "进度滞后"
    with pytest.raises(KeyError):
        text("no such text", "en")


def test_every_key_looked_up_in_the_source_exists() -> None:
    looked_up = set()
    for path in SRC.rglob("*.py"):
        source = path.read_text("utf-8")
        # text("key", ...) and msg("key", ...) calls; not a method (Msg.text("en")) nor a
        # docstring's ``example``.
        calls = r"""(?<![.\w`])(?:text|msg)\(\s*["']([\w.]+)["']"""
        looked_up |= set(re.findall(calls, source))
    assert looked_up, "no lookups found: has text() been renamed?"
    assert sorted(looked_up - TEXTS.keys()) == []


def test_no_key_is_defined_twice() -> None:
    """TEXTS joins one table per area: a key written in two would silently take the later
    text."""
    areas = [REPORT, MESSAGES, EXPLAIN, DATA, DRAFT]
    assert sum(len(area) for area in areas) == len(TEXTS)
