"""Read the counties' indicator files (CSV and workbooks; long, wide or the statistical form)
into observations.

Each quarter one file per county arrives, made in Excel or WPS by different people. The
files are read as they are and no number is dropped or misread silently: every row not used
has a located :class:`~gl_plan.errors.Problem` saying why. One bad file does not stop the
others: a file refused whole (binary, damaged, no header, over a limit) is an error naming
it, contributes nothing, and is listed in :attr:`DataResult.refused`. What raises: a path
that does not exist or is not a regular file or folder, a stated region or period that is
not one, and files of which not one could be read.

The steps, one module each: :mod:`~gl_plan.data.sources` (which files),
:mod:`~gl_plan.data.csvfile` and :mod:`~gl_plan.data.spreadsheet` (one reader per format),
:mod:`~gl_plan.data.pipeline` (one table: grid → header → body → records → checks),
:mod:`~gl_plan.data.merge` (duplicates and conflicts across files), then the data-quality
screen of :mod:`~gl_plan.data.quality`.

>>> result = read_indicators(["data/indicators"], plan, as_of=date(2026, 11, 28))  # doctest: +SKIP
>>> result.errors  # doctest: +SKIP
[]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from gl_plan.data.context import Known, describe_region
from gl_plan.data.csvfile import read_csv
from gl_plan.data.grid import TableResult
from gl_plan.data.merge import merge
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.data.problems import ProblemLog
from gl_plan.data.quality import Screening, check_quality, screen
from gl_plan.data.resent import supersede, with_prior_year, year_on_year
from gl_plan.data.sources import FileInfo, Shape, expand_paths, is_spreadsheet
from gl_plan.data.spreadsheet import WorkbookError, read_workbook
from gl_plan.data.table import Reading
from gl_plan.decoding import os_reason
from gl_plan.errors import Code, ExitCode, GlplanError, Problem, Severity
from gl_plan.forms.corrections import FiledForm, superseded
from gl_plan.i18n import _
from gl_plan.limits import MAX_INDICATOR_FILE_BYTES as MAX_FILE_BYTES
from gl_plan.limits import MAX_PROBLEMS_PER_KIND
from gl_plan.periods import PeriodError, read_period
from gl_plan.plan.models import Plan


@dataclass
class DataResult:
    """Accepted observations, every problem found, and what each file turned out to be."""

    observations: ObservationSet
    issues: list[Problem] = field(default_factory=list)
    files: list[FileInfo] = field(default_factory=list)
    #: Files refused whole (unreadable, damaged, no header, over a limit), as named in
    #: messages: they contribute nothing.
    refused: list[str] = field(default_factory=list)
    #: The figures the outlier and jump screens flagged, found once for the warnings and
    #: kept for the assessment's notes (None when nothing was read).
    screening: Screening | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.issues if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.issues if p.severity is Severity.WARNING]


@dataclass
class NothingRead(GlplanError):
    """Every file was refused whole: exit 2. ``result`` is what was found (the problems,
    each file's refusal), for callers that show it."""

    result: DataResult | None = None


def read_indicators(
    paths: Sequence[str | Path],
    plan: Plan,
    *,
    as_of: date,
    encoding: str | None = None,
    completeness: bool | None = None,
    region: str | None = None,
    period: str | None = None,
) -> DataResult:
    """Read indicator files and folders against the plan.

    A folder contributes its ``*.csv``, ``*.xlsx``, ``*.xls``, ``*.xlsb`` and ``*.ods``
    files, sorted by name (not recursively; hidden files and Excel ``~$`` lock files are
    skipped). ``encoding`` forces the encoding of CSV files. ``region`` and ``period`` state
    the region and period of every file's rows that have none (a table without those
    columns), before its title line and file name; rows of another region are errors.

    Raises :class:`GlplanError` (exit 2) for a path that does not exist or is not a regular
    file or folder (a FIFO, a device, a socket, a symlink loop), a ``region`` or ``period``
    that is not one, or when every file was refused whole; everything else is a problem in
    the result (:class:`NothingRead`, a :class:`GlplanError`, when every file was
    refused). A file refused whole is an error naming it, and the others are read. Rows
    with errors are not used; conflicting values for the same region, period and indicator
    are all rejected; periods ending after ``as_of`` are errors.

    ``completeness`` (which regions did not report the latest period) is checked by default
    when a folder is read: a quarter's set of county files. Checking one county's file, the
    other sixteen are not missing, just not asked about.
    """
    if completeness is None:
        completeness = any(Path(p).is_dir() for p in paths)
    stated = _stated(plan, region, period)
    files, listing_problems = expand_paths(paths)
    log = ProblemLog()
    for problem in listing_problems:
        log.report(problem)
    reader = Reading.start(plan, as_of, log.report, log.seen, stated)
    infos: list[FileInfo] = []
    read: list[Observation] = []
    sources: dict[str, tuple[str, str | None]] = {}
    refused: list[str] = []
    for path, display in files:
        log.seen(display)
        tables = _read_file(path, display, reader, encoding)
        if all(t.info.shape == "unreadable" for t in tables):
            refused.append(display)
        for table in tables:
            for p in table.failure:
                log.report(p)
            infos.append(table.info)
            read.extend(table.observations)
            if table.observations:
                sources[table.observations[0].source or display] = (display, table.info.sheet)
    if files and len(refused) == len(files):
        listed = log.listed()
        raise NothingRead(
            [*(p for p in listed if p.severity is Severity.ERROR), _nothing_read(files)],
            ExitCode.USAGE,
            DataResult(ObservationSet.from_observations([]), listed, infos, refused),
        )
    read = supersede(read, log.report)
    dropped = _corrections(files, infos, log.report, plan)
    if dropped:
        read = [o for o in read if (_file_of(o, sources), o.region, str(o.period)) not in dropped]
    prior = [o for o in read if o.origin == "prior_year_column"]
    rates = {i.id: plan.settings.rate_tolerance for i in plan.indicators if i.unit.scale}
    observations = merge(
        [o for o in read if o.origin != "prior_year_column"], sources, log.report, rates
    )
    screening = screen(observations, plan)
    for p in check_quality(
        observations, plan, sources, completeness=completeness, flags=screening.flags
    ):
        log.report(p)
    observations = with_prior_year(observations, prior, plan.settings.rate_tolerance, log.report)
    year_on_year(observations, plan, log.report)
    return DataResult(observations, log.listed(), infos, refused, screening)


def _corrections(
    files: Sequence[tuple[Path, str]],
    infos: list[FileInfo],
    report: Callable[[Problem], None],
    plan: Plan,
) -> set[tuple[str, str, str]]:
    """(file, region, period) of the filled templates a later one of the same region and
    period supersedes (see :mod:`gl_plan.forms.corrections`), each reported."""
    paths = {display: path for path, display in files}
    forms = [
        FiledForm(i.path, i.region, i.period, _modified(paths[i.path]))
        for i in infos
        if i.shape == "form" and i.region is not None and i.period is not None
    ]
    replaced = superseded(forms)
    for info in infos:
        for form, newer in replaced.items():
            if (info.path, info.region, info.period) == (form.file, form.region, form.period):
                info.superseded_by = newer
    for form, newer in replaced.items():
        region = describe_region(form.region, plan)
        message = _(
            "superseded by the correction {newer} ({region} {period}, modified later): "
            "this file's figures are not used",
            newer=newer,
            region=region,
            period=form.period,
        )
        report(Problem(message, file=form.file, severity=Severity.WARNING, code=Code.SUPERSEDED))
    return {(f.file, f.region, f.period) for f in replaced}


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0  # read a moment ago; gone now: the oldest, superseded by any other


def _file_of(o: Observation, sources: dict[str, tuple[str, str | None]]) -> str:
    return sources.get(o.source or "", (o.source or "", None))[0]


def _nothing_read(files: Sequence[tuple[Path, str]]) -> Problem:
    message = (
        _(
            "nothing could be read (the file was refused whole, see above), so nothing was written",
        )
        if len(files) == 1
        else _(
            "nothing could be read (all {n} files were refused whole, see above), so "
            "nothing was written",
            n=len(files),
        )
    )
    return Problem(
        message,
        severity=Severity.ERROR,
        code=Code.NOTHING_READ,
    )


def _stated(plan: Plan, region: str | None, period: str | None) -> Known:
    """The caller's region and period, or a usage error naming the one that is not."""
    known = Known()
    problems: list[Problem] = []
    if region is not None:
        code = plan.resolve_region(region)
        if code is None:
            problems.append(
                Problem(
                    _(
                        "--region {region!r} is not a region of the plan (give its code "
                        "or name, e.g. 450321 or {example})",
                        region=region,
                        example="阳朔县",
                    ),
                    field="region",
                    code=Code.USAGE,
                )
            )
        else:
            known.region, known.region_from = code, _("--region")
    if period is not None:
        try:
            known.period, known.period_note = read_period(period)
            known.period_from = _("--period")
        except PeriodError as exc:
            problems.append(
                Problem(
                    _("--period: {reason}", reason=exc.message), field="period", code=Code.USAGE
                )
            )
    if problems:
        raise GlplanError(problems, ExitCode.USAGE)
    return known


def _unreadable(display: str, encoding: str, problem: Problem) -> list[TableResult]:
    return [TableResult(FileInfo(display, encoding, 0, "unreadable"), (problem,), ())]


def _read_file(
    path: Path, display: str, reader: Reading, encoding: str | None
) -> list[TableResult]:
    """What one file gave: a table per sheet of a workbook, one for a CSV file. A file
    refused whole (too large, too many rows, unreadable) gives one unreadable entry."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return _unreadable(display, "unknown", _io_error(display, exc))
    if size > MAX_FILE_BYTES:
        return _unreadable(
            display,
            "unknown",
            Problem(
                _(
                    "file is {mb:.0f} MB; files over {limit} MB are refused (split it, or "
                    "check that this is the right file)",
                    mb=size / 2**20,
                    limit=MAX_FILE_BYTES // 2**20,
                ),
                file=display,
                code=Code.FILE_TOO_LARGE,
            ),
        )
    if is_spreadsheet(path):
        try:
            return read_workbook(path, display, reader)
        except WorkbookError as exc:
            return _unreadable(display, path.suffix.lower().lstrip("."), exc.problem)
    try:
        return [read_csv(path, display, reader, encoding)]
    except OSError as exc:
        return _unreadable(display, "unknown", _io_error(display, exc))


def _io_error(display: str, exc: OSError) -> Problem:
    return Problem(
        _("cannot read: {reason}", reason=os_reason(exc)), file=display, code=Code.IO_ERROR
    )


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PROBLEMS_PER_KIND",
    "DataResult",
    "FileInfo",
    "NothingRead",
    "Shape",
    "expand_paths",
    "read_indicators",
]
