"""The Python API: everything ``glplan check`` reports, as a :class:`CheckResult`.

>>> from datetime import date
>>> from gl_plan.api import check
>>> result = check(as_of=date(2026, 3, 31))            # doctest: +SKIP
>>> result.summary.behind["2025"]                      # doctest: +SKIP
>>> result.to_json()  # same as `glplan check --format json`  # doctest: +SKIP

:func:`run_check` takes models already in memory (a :class:`~gl_plan.plan.models.Plan` and
either the reader's result or an :class:`~gl_plan.data.observations.ObservationSet`);
:func:`check` loads the files first, with the same defaults as the command line except that
``as_of`` is always given: the library never reads the clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from gl_plan.assess.check import CheckResult, Sources, build_check
from gl_plan.assess.tasks import assess_tasks
from gl_plan.data.observations import ObservationSet
from gl_plan.data.quality import FigureKey, Flag, Screening
from gl_plan.data.read import read_indicators
from gl_plan.errors import Problem
from gl_plan.ledger.model import Ledger, LedgerEntry
from gl_plan.ledger.read import read_ledger
from gl_plan.plan.load import load_plan
from gl_plan.plan.models import Plan
from gl_plan.resources import resolve_inputs

__all__ = [
    "CheckResult",
    "DataLike",
    "Inputs",
    "Sources",
    "check",
    "load_inputs",
    "run_check",
    "run_check_inputs",
]


class DataLike(Protocol):
    """What :func:`gl_plan.data.read.read_indicators` returns (its ``DataResult``)."""

    @property
    def observations(self) -> ObservationSet: ...

    @property
    def issues(self) -> Sequence[Problem]: ...

    @property
    def files(self) -> Sequence[Any]: ...


def run_check(
    plan: Plan,
    data: DataLike | ObservationSet,
    as_of: date,
    *,
    ledger: Ledger | Sequence[LedgerEntry] = (),
    issues: Sequence[Problem] = (),
    sources: Sources | None = None,
) -> CheckResult:
    """Assess ``data`` and the task ledger against ``plan`` as of ``as_of``.

    ``data`` is the reader's result (its issues become ``data_issues``) or a bare
    :class:`ObservationSet` (no issues). ``ledger`` is the progress ledger (every task
    counts as not reported without one); ``issues`` are further problems to report, such as
    the ledger's. ``sources`` records which files were read; by default, the files the
    observations name.
    """

    tasks = assess_tasks(plan, ledger, as_of)
    if isinstance(data, ObservationSet):
        return build_check(
            plan, data, as_of, data_issues=list(issues), tasks=tasks, sources=sources
        )
    if sources is None:
        sources = Sources(data=_file_names(data.files))
    return build_check(
        plan,
        data.observations,
        as_of,
        data_issues=[*data.issues, *issues],
        tasks=tasks,
        sources=sources,
        flags=_screened_flags(plan, data),
    )


def _screened_flags(plan: Plan, data: DataLike) -> dict[FigureKey, Flag] | None:
    """The flagged figures the reader's screens found (a ``DataResult`` keeps them), when
    they were found in these observations under this plan's settings; else None, and the
    assessment screens again."""
    screening: Screening | None = getattr(data, "screening", None)
    return None if screening is None else screening.flags_for(data.observations, plan)


def file_name(info: Any) -> str:
    """The path of a reader's file record (whatever its shape), as text."""
    for attr in ("path", "file", "name"):
        value = getattr(info, attr, None)
        if value is not None:
            return str(value)
    return str(info)


@dataclass(frozen=True)
class Inputs:
    """A loaded plan, the reader's result (an empty set when there were no files), sources."""

    plan: Plan
    data: DataLike | ObservationSet
    sources: Sources
    ledger: Ledger | None = None
    ledger_issues: tuple[Problem, ...] = ()
    #: The plan is the bundled copy while the county files or ledger are the user's own.
    bundled_plan: bool = False

    @property
    def issues(self) -> list[Problem]:
        """The reader's and the ledger's problems."""
        data = [] if isinstance(self.data, ObservationSet) else list(self.data.issues)
        return [*data, *self.ledger_issues]


def load_inputs(
    plan_path: str | Path | None = None,
    data_paths: Sequence[str | Path] | None = None,
    progress_path: str | Path | None = None,
    *,
    as_of: date,
    encoding: str | None = None,
    region: str | None = None,
    period: str | None = None,
    cwd: Path | None = None,
    today: date | None = None,
) -> Inputs:
    """Load the plan, the indicator files and the ledger, filling in the defaults.

    Defaults, as for ``glplan check`` (see :func:`gl_plan.resources.resolve_inputs`): the
    nearest project folder's ``data/plan.yaml``, ``data/indicators/`` and
    ``data/progress.csv`` (``cwd``, default the current folder, or a parent); with a plan
    given, the folder and ledger beside it; the bundled sample only when no project is found
    and nothing is given (``sources.bundled`` says so). Paths given are never mixed with the
    bundled sample: data given outside a project are read against the bundled plan
    (``bundled_plan``), with no bundled ledger.

    ``region`` and ``period`` state the region and the period of files whose table has no
    such column. A period after ``as_of`` is a data error (it cannot have been observed
    yet), unless ``today`` is given and the period ends by then: re-running a past quarter,
    later figures are left out of the assessment, not reported as errors. A default
    indicator folder that does not exist means no data; a path given that does not exist is
    an error. A county file that cannot be read is a problem in the result (its region has
    no data); :class:`GlplanError` is raised for a plan or ledger that cannot be read, and
    when nothing usable was read from the county files at all.
    """
    paths = resolve_inputs(plan_path, data_paths, progress_path, cwd=cwd)
    plan = load_plan(paths.plan)
    ledger: Ledger | None = None
    ledger_issues: list[Problem] = []
    if paths.progress is not None:
        ledger, ledger_issues = read_ledger(paths.progress, plan, encoding=encoding)
    data: DataLike | ObservationSet
    if paths.data:
        # A period after `today` cannot have been observed (a typo: an error); one after
        # `as_of` but not after today is simply beyond the quarter being re-run.
        cutoff = max(as_of, today) if today is not None else as_of
        data = read_indicators(
            paths.data, plan, as_of=cutoff, encoding=encoding, region=region, period=period
        )
        files = _file_names(data.files)
    else:
        data, files = ObservationSet(), []
    sources = Sources(
        plan=str(paths.plan),
        data=files,
        progress=str(paths.progress) if paths.progress is not None else None,
        bundled=paths.bundled,
    )
    bundled_plan = paths.bundled_plan and not paths.bundled
    return Inputs(plan, data, sources, ledger, tuple(ledger_issues), bundled_plan)


def check(
    plan_path: str | Path | None = None,
    data_paths: Sequence[str | Path] | None = None,
    progress_path: str | Path | None = None,
    *,
    as_of: date,
    encoding: str | None = None,
    region: str | None = None,
    period: str | None = None,
    cwd: Path | None = None,
) -> CheckResult:
    """Load the files (see :func:`load_inputs`), then :func:`run_check`."""
    inputs = load_inputs(
        plan_path,
        data_paths,
        progress_path,
        as_of=as_of,
        encoding=encoding,
        region=region,
        period=period,
        cwd=cwd,
    )
    return run_check_inputs(inputs, as_of)


def run_check_inputs(inputs: Inputs, as_of: date) -> CheckResult:
    """:func:`run_check` on what :func:`load_inputs` loaded."""
    return run_check(
        inputs.plan,
        inputs.data,
        as_of,
        ledger=inputs.ledger or (),
        issues=inputs.ledger_issues,
        sources=inputs.sources,
    )


def _file_names(files: Sequence[Any]) -> list[str]:
    # A workbook has one record per sheet; the file is listed once.
    return list(dict.fromkeys(file_name(f) for f in files))
