"""``check --compare-to``: the check a result is compared with.

The reference is a date (the check is run again at it, from the same files) or a JSON file
an earlier ``check --format json`` wrote, its shape checked before it is used. What changed
between the two is :func:`gl_plan.assess.compare.compare`'s.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Final

from gl_plan.api import Inputs, run_check_inputs
from gl_plan.assess.check import CheckResult
from gl_plan.assess.compare import Comparison, compare
from gl_plan.decoding import read_input_file
from gl_plan.errors import Code, GlplanError
from gl_plan.i18n import Msg, _
from gl_plan.ledger.model import parse_entry_date
from gl_plan.limits import MB

__all__ = ["CHANGES_FORMATS", "MAX_REFERENCE_BYTES", "comparison_for", "read_reference"]

#: The formats with a place for the changes: the table and Markdown after the headline,
#: JSON as a ``changes`` key. (CSV is one table of figures; HTML has no such section.)
CHANGES_FORMATS: Final = ("table", "json", "markdown")
#: A reference check (JSON) read by ``--compare-to``: the Guilin check is about 200 KB; a
#: national one (8,700 regions) tens of MB.
MAX_REFERENCE_BYTES: Final = 200 * MB


def comparison_for(value: str, out_format: str, inputs: Inputs, result: CheckResult) -> Comparison:
    """The changes from ``--compare-to``'s reference to ``result``: a date (the check is
    run again at it from the same ``inputs``) or a JSON file written by
    ``check --format json``. Exit 2 for a format without a place for them (CSV, HTML)."""
    if out_format not in CHANGES_FORMATS:
        raise GlplanError.single(
            _(
                "--compare-to works with --format table, json or markdown, not {fmt}",
                fmt=out_format,
            ),
            code=Code.USAGE,
        )
    path = Path(value)
    if value.strip().lower().endswith(".json") or path.is_file():
        before = read_reference(path)
    else:
        try:
            day = parse_entry_date(value.strip())
        except ValueError:
            bad_value = _(
                "--compare-to must be a date like 2026-09-30 or a .json file written by "
                "check --format json, not {value!r}",
                value=value,
            )
            raise GlplanError.single(bad_value, code=Code.USAGE) from None
        before = run_check_inputs(inputs, day).to_json()
    return compare(before, result.to_json())


def read_reference(path: Path) -> dict[str, Any]:
    """A check's JSON read back, its shape checked: exit 2 naming the file and the first
    thing wrong with it."""
    raw = read_input_file(path, MAX_REFERENCE_BYTES, "a check's JSON")

    def bad(detail: Msg) -> GlplanError:
        return GlplanError.single(
            _(
                "{file}: not the output of glplan check --format json ({detail})",
                file=path,
                detail=detail,
            ),
            code=Code.INVALID,
        )

    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise bad(_("not UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise bad(_("line {line}: not valid JSON", line=exc.lineno)) from None
    except RecursionError:  # lists or objects nested thousands deep: no check's JSON
        raise bad(_("nested too deeply to be the JSON of a glplan check")) from None
    if not isinstance(data, dict):
        raise bad(_("not a JSON object"))
    for key in ("as_of", "indicators", "tasks"):
        if key not in data:
            raise bad(_("no {name!r} key", name=key))
    if not isinstance(data["indicators"], list) or not isinstance(data["tasks"], list):
        raise bad(_("'indicators' and 'tasks' must be lists"))
    for i, row in enumerate(data["indicators"]):
        if not (
            isinstance(row, dict)
            and isinstance(row.get("region"), str)
            and isinstance(row.get("indicator"), str)
            and isinstance(row.get("target_year"), int)
            and isinstance(row.get("status"), str)
        ):
            raise bad(_("indicators[{i}]: needs region, indicator, target_year and status", i=i))
    for i, task in enumerate(data["tasks"]):
        if not (isinstance(task, dict) and isinstance(task.get("id"), str)):
            raise bad(_("tasks[{i}]: needs an id", i=i))
    return data
