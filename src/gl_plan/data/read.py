"""Read the counties' indicator files (CSV and XLSX, long or wide) into observations.

Each quarter one file per county arrives, made in Excel by different people. The files are
read as they are and no number is dropped or misread silently: every row not used has a
located :class:`~gl_plan.errors.Problem` saying why. Everything is checked before anything
is reported; a path that does not exist, or is not a regular file or folder, is the only
thing that raises.

The steps, one module each: :mod:`~gl_plan.data.sources` (which files),
:mod:`~gl_plan.data.csvfile` and :mod:`~gl_plan.data.spreadsheet` (one reader per format),
:mod:`~gl_plan.data.rows` (headers and rows into observations),
:mod:`~gl_plan.data.merge` (duplicates and conflicts across files), then the data-quality
screen of :mod:`~gl_plan.data.quality`.

>>> result = read_indicators(["data/indicators"], plan, as_of=date(2026, 11, 28))  # doctest: +SKIP
>>> result.errors  # doctest: +SKIP
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from gl_plan.data.csvfile import read_csv
from gl_plan.data.merge import merge
from gl_plan.data.observations import Observation, ObservationSet
from gl_plan.data.problems import ProblemLog
from gl_plan.data.quality import check_quality
from gl_plan.data.rows import TableReader, TableResult
from gl_plan.data.sources import FileInfo, Shape, expand_paths, is_spreadsheet
from gl_plan.data.spreadsheet import WorkbookError, read_workbook
from gl_plan.errors import GlplanError, Problem, Severity
from gl_plan.limits import MAX_INDICATOR_FILE_BYTES as MAX_FILE_BYTES
from gl_plan.limits import MAX_PROBLEMS_PER_KIND
from gl_plan.plan.models import Plan


@dataclass
class DataResult:
    """Accepted observations, every problem found, and what each file turned out to be."""

    observations: ObservationSet
    issues: list[Problem] = field(default_factory=list)
    files: list[FileInfo] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.issues if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.issues if p.severity is Severity.WARNING]


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

    A folder contributes its ``*.csv`` and ``*.xlsx`` files, sorted by name (not
    recursively; hidden files and Excel ``~$`` lock files are skipped). ``encoding`` forces
    the encoding of CSV files. A path that does not exist or is not a regular file or folder
    (a FIFO, a device, a socket, a symlink loop) raises :class:`GlplanError` (exit 2);
    everything else is a problem in the result. Rows with errors are not used; conflicting
    values for the same region, period and indicator are all rejected; periods ending after
    ``as_of`` are errors.

    ``completeness`` (which regions did not report the latest period) is checked by default
    when a folder is read: a quarter's set of county files. Checking one county's file, the
    other sixteen are not missing, just not asked about.
    """
    if region is not None or period is not None:
        # Placeholder until the reader takes a stated region and period (wt-read2).
        raise GlplanError.single("--region and --period are not supported yet", code="usage")
    if completeness is None:
        completeness = any(Path(p).is_dir() for p in paths)
    files, listing_problems = expand_paths(paths)
    log = ProblemLog()
    for problem in listing_problems:
        log.report(problem)
    reader = TableReader(plan, as_of, log.report, log.seen)
    infos: list[FileInfo] = []
    read: list[Observation] = []
    sources: dict[str, tuple[str, str | None]] = {}
    for path, display in files:
        log.seen(display)
        for table in _read_file(path, display, reader, encoding):
            for p in table.failure:
                log.report(p)
            infos.append(table.info)
            read.extend(table.observations)
            if table.observations:
                sources[table.observations[0].source or display] = (display, table.info.sheet)
    observations = ObservationSet.from_observations(merge(read, sources, log.report))
    for p in check_quality(observations, plan, sources, completeness=completeness):
        log.report(p)
    return DataResult(observations, log.listed(), infos)


def _unreadable(display: str, encoding: str, problem: Problem) -> list[TableResult]:
    return [TableResult(FileInfo(display, encoding, 0, "unreadable"), [problem], [])]


def _read_file(
    path: Path, display: str, reader: TableReader, encoding: str | None
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
                f"file is {size / 2**20:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB are "
                "refused (split it, or check that this is the right file)",
                file=display,
                code="file-too-large",
            ),
        )
    if is_spreadsheet(path):
        try:
            return read_workbook(path, display, reader)
        except WorkbookError as exc:
            return _unreadable(display, "xlsx", exc.problem)
    try:
        return [read_csv(path, display, reader, encoding)]
    except OSError as exc:
        return _unreadable(display, "unknown", _io_error(display, exc))


def _io_error(display: str, exc: OSError) -> Problem:
    return Problem(f"cannot read: {exc.strerror or exc}", file=display, code="io-error")


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PROBLEMS_PER_KIND",
    "DataResult",
    "FileInfo",
    "Shape",
    "expand_paths",
    "read_indicators",
]
