"""The problems found while reading indicator files: capped per kind, listed in file order."""

from __future__ import annotations

from typing import Final

from gl_plan.errors import Code, Problem, Severity
from gl_plan.i18n import _
from gl_plan.limits import MAX_PROBLEMS_PER_KIND

#: The line that stands for the unlisted problems of a kind: ``n`` of them, of ``code``.
MORE_PROBLEMS: Final = _("... and {n} more {code} problems not listed")


class ProblemLog:
    """Collects problems; lists at most :data:`MAX_PROBLEMS_PER_KIND` of each kind (file,
    sheet, code, severity) and counts the rest in a summary line."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.counts: dict[tuple[str | None, str | None, Code, Severity], int] = {}
        #: (file, sheet) in the order they were read: problems are listed in that order.
        self.rank: dict[tuple[str | None, str | None], int] = {}

    def seen(self, file: str, sheet: str | None = None) -> None:
        """Note that ``file`` (or its ``sheet``) comes next in the listing order."""
        self.rank.setdefault((file, sheet), len(self.rank))

    def report(self, problem: Problem) -> None:
        key = (problem.file, problem.sheet, problem.code, problem.severity)
        n = self.counts.get(key, 0) + 1
        self.counts[key] = n
        if n <= MAX_PROBLEMS_PER_KIND:
            self.problems.append(problem)

    def listed(self) -> list[Problem]:
        """Every listed problem ordered by file (as read) and line, each kind's count of
        unlisted problems after the listed ones of its file."""
        last = len(self.rank) + 1

        def order(p: Problem) -> tuple[int, int]:
            if p.file is None:
                return (last, 0)
            rank = self.rank.get((p.file, p.sheet), self.rank.get((p.file, None), last - 1))
            return (rank, p.line if p.line is not None else 0)

        out = sorted(self.problems, key=order)
        for (file, sheet, code, severity), n in self.counts.items():
            if n <= MAX_PROBLEMS_PER_KIND:
                continue
            summary = Problem(
                MORE_PROBLEMS.format(n=n - MAX_PROBLEMS_PER_KIND, code=code),
                file=file,
                severity=severity,
                code=code,
                sheet=sheet,
            )
            rank = order(summary)[0]
            at = next((i for i, p in enumerate(out) if order(p)[0] > rank), len(out))
            out.insert(at, summary)
        return out
