"""What ``glplan check`` has to say, as plain data and strings, for every output format.

The headline on top (:func:`headline`: how many figures are red and in how many regions,
how many need acceleration, overdue and due-soon tasks, data errors and warnings, every
count taken from ``result.summary``),
Which target years and indicators were assessed and for which regions (:func:`grid`),
which counties are behind (:func:`behind_lines`), the footnotes on older figures and on
city figures computed from only some counties, one line per national county standard,
the data-issue counts and the tasks a reader must see. The terminal view
(:mod:`gl_plan.report.check_terminal`), the Markdown and CSV files
(:mod:`gl_plan.report.check_files`) and the HTML page (:mod:`gl_plan.report.html_view`)
all say the same things because they take them from here. No markup, no colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from gl_plan.assess.check import CheckResult, Counts
from gl_plan.assess.indicators import IndicatorAssessment, Status
from gl_plan.assess.standards import StandardOutcome, StandardResult
from gl_plan.assess.tasks import TaskAssessment, attention_order
from gl_plan.i18n import Join, Lang, _, ngettext, pgettext
from gl_plan.i18n.labels import label, short_label
from gl_plan.numbers import format_comparison
from gl_plan.plan.models import Direction, Plan
from gl_plan.report.format import (
    digits_for,
    display_name,
    fmt_num,
    fmt_target,
    indicator_name,
    region_name,
)
from gl_plan.report.levels import leaf_word, level_word, levels_below, whole

#: The texts once looked up as ``target.*``, by the rest of that key.
_TARGET = {
    "binding": _("binding"),
    "expected": _("expected"),
    "aspirational": _("aspirational"),
    "marks": _(" ({marks})"),
}


__all__ = [
    "Grid",
    "attention_tasks",
    "behind_lines",
    "footnote_entries",
    "footnotes",
    "gap_text",
    "grid",
    "has_no_data",
    "headline",
    "indicator_keys",
    "issue_counts",
    "issues_line",
    "no_data_regions",
    "standard_lines",
    "status_label",
    "table_rows",
    "target_label",
    "target_of",
    "target_years",
    "value_marks",
    "value_text",
    "year_heading",
    "year_is_over",
    "year_title",
]

Grid = dict[tuple[str, str], IndicatorAssessment]


def status_label(status: str, lang: Lang, *, short: bool = False) -> str:
    """A status for people; ``short`` gives the table's English abbreviations."""
    return (short_label(status) if short else label(status)).text(lang)


#: A Chinese name this long or longer opens with a qualifier of two characters that tells
#: it from the others (学前 / 义务 / 高中 ...); a shorter one is shown whole (生师比, never
#: the stub 生师).
_ZH_KEY_FROM = 5


def _key(name: str, lang: Lang) -> str:
    if lang == "zh":
        return name[:2] if len(name) >= _ZH_KEY_FROM else name
    words = name.split()
    return words[0] if len(words) > 1 else name


def indicator_keys(plan: Plan, ids: Sequence[str], lang: Lang) -> dict[str, str]:
    """A one-word column key per indicator (学前, Preschool), unless two would clash; then
    the short names whole. A name is never cut inside a word: a short one is the key."""
    names = {i: indicator_name(plan, i, lang) for i in ids}
    keys = {i: _key(n, lang) for i, n in names.items()}
    if len(keys) == 1 or len(set(keys.values())) < len(keys):
        return names  # one column has room for its name; clashing keys tell nothing
    return keys


def value_text(a: IndicatorAssessment) -> str:
    """The value with the decimals its target needs (``94.5``; ``16.25``), more when
    fewer would show it equal to a target it misses (``94.96`` against 95): the rule of
    :mod:`gl_plan.numbers`."""
    return format_comparison(a.value, a.target, digits_for(a.target))[0]


def gap_text(a: IndicatorAssessment) -> str:
    """The gap as the shown value minus the target, with the value's decimals (``-0.04``
    beside ``94.96``); empty for no figure."""
    return format_comparison(a.value, a.target, digits_for(a.target))[1]


def value_marks(a: IndicatorAssessment) -> str:
    """The footnote marks after a value: ``!`` a figure to check (it jumped or is an
    outlier, or a total includes one), ``*`` older than the latest period, ``~`` a total
    from only some of the reporting regions."""
    marks = "!" if {"outlier", "includes_outlier"} & set(a.notes) else ""
    if "older_period" in a.notes:
        marks += "*"
    elif a.coverage is not None and a.coverage.partial:
        marks += "~"
    return marks


def table_rows(plan: Plan, regions: Sequence[str]) -> list[tuple[str, int]]:
    """The regions in table order, each with its indent (0 or more steps).

    Two levels (the reporting regions, then the root) keep the order given, unindented.
    With more, each region comes after its children, as a subtotal under its group, and
    a region is indented one step per level below the root's children.
    """
    tree = plan.region_tree
    if len(tree.levels) < 3:
        return [(r, 0) for r in regions]
    present = set(regions)
    out = [(code, max(tree.depth(code) - 1, 0)) for code in tree.bottom_up() if code in present]
    placed = {code for code, _ in out}
    out += [(r, 0) for r in regions if r not in placed]
    return out


def target_years(result: CheckResult) -> list[int]:
    """The target years assessed, in order."""
    return sorted({a.target_year for a in result.indicators})


def grid(result: CheckResult, year: int) -> tuple[list[str], list[str], Grid]:
    """A target year's indicators and regions (in plan order) and the assessment per pair."""
    rows = [a for a in result.indicators if a.target_year == year]
    indicators = list(dict.fromkeys(a.indicator for a in rows))
    regions = list(dict.fromkeys(a.region for a in rows))
    return indicators, regions, {(a.region, a.indicator): a for a in rows}


def year_is_over(result: CheckResult, year: int) -> bool:
    """Whether the target year ended before the as-of date (a verdict, not a trend)."""
    return result.as_of.year > year


def target_of(cells: Grid, indicator: str) -> float:
    """The target of ``indicator`` in a target year's grid."""
    return next(a.target for (_, i), a in cells.items() if i == indicator)


def year_title(result: CheckResult, year: int, lang: Lang) -> str:
    """``2025 targets, as of 2025-10-15`` (or that the year is over)."""
    key = (
        _("{year} targets: the year is over, met or missed on its last figure")
        if year_is_over(result, year)
        else _("{year} targets, as of {as_of}")
    )
    return key.format(year=year, as_of=result.as_of.isoformat()).text(lang)


def target_label(cells: Grid, indicator: str, lang: Lang) -> str:
    """The target as the plan states it (``保持在96%以上``, ``2-4所``) or its figure, with
    its 属性 (约束性 / 预期性) and 力争 when the plan gives them."""
    a = next(a for (_, i), a in cells.items() if i == indicator)
    terms = a.terms
    if terms is None:
        return fmt_target(a.target)
    wording = terms.wording or fmt_target(a.target)
    marks = [_TARGET[terms.attribute.value].text(lang)] if terms.attribute else []
    if terms.aspirational and "力争" not in wording:
        marks.append(_("aspirational").text(lang))
    return wording + (_(" ({marks})", marks=", ".join(marks)).text(lang) if marks else "")


def year_heading(result: CheckResult, plan: Plan, year: int, lang: Lang) -> str:
    """:func:`year_title` with every indicator's name and target."""
    indicators, _regions, cells = grid(result, year)
    targets = " · ".join(
        f"{indicator_name(plan, i, lang)} {target_label(cells, i, lang)}" for i in indicators
    )
    key = (
        _("{year} targets (the year is over: met or missed on its last figure): {targets}")
        if year_is_over(result, year)
        else _("{year} targets, as of {as_of}: {targets}")
    )
    return key.format(year=year, as_of=result.as_of.isoformat(), targets=targets).text(lang)


def no_data_regions(result: CheckResult, year: int) -> list[str]:
    """Counties with no figure for any indicator of the target year, in plan order."""
    indicators, regions, cells = grid(result, year)
    return [
        r
        for r in regions
        if cells[(r, indicators[0])].region_level == "county"
        and all(cells[(r, i)].status is Status.NO_DATA for i in indicators)
    ]


def lower_is_better(plan: Plan, indicator: str) -> bool:
    ind = plan.indicator_by_id.get(indicator)
    return ind is not None and ind.direction is Direction.LOWER_IS_BETTER


def _capital(words: str) -> str:
    """A sentence's first word (``the nation`` → ``The nation``); Chinese is unchanged."""
    return words[:1].upper() + words[1:]


def _nobody_behind(plan: Plan, name: str, over: bool, lang: Lang) -> str:
    """``Neither the city nor any of its counties missed X.`` in the plan's own words."""
    below = levels_below(plan, lang)
    if not below:
        key = (
            _("{whole} met {name} or has no figure for it.")
            if over
            else _("{whole} is not behind on {name}.")
        )
        return key.format(whole=_capital(whole(plan, lang)), name=name).text(lang)
    key = (
        _("Neither {whole} nor any of its {levels} missed {name}.")
        if over
        else _("Neither {whole} nor any of its {levels} is behind on {name}.")
    )
    levels = _(" or ").text(lang).join(below)
    return key.format(whole=whole(plan, lang), levels=levels, name=name).text(lang)


def behind_lines(
    result: CheckResult, plan: Plan, year: int, lang: Lang
) -> list[tuple[str, list[str]]]:
    """Per indicator, a heading and the regions behind (red) at every level, the
    reporting regions first and the root last, each level worst gap first
    (``summary.behind``). For a lower-is-better indicator the heading says the problem is
    being above the target."""
    indicators, _regions, cells = grid(result, year)
    behind = result.summary.behind.get(str(year), {})
    over = year_is_over(result, year)
    lines: list[tuple[str, list[str]]] = []
    for ind in indicators:
        name = indicator_name(plan, ind, lang)
        codes = [c for c in behind.get(ind, []) if (c, ind) in cells]
        county_rows = [
            a for a in cells.values() if a.indicator == ind and a.region_level == "county"
        ]
        if county_rows and all(a.status is Status.NO_DATA for a in county_rows) and not codes:
            leaves = leaf_word(plan, lang)
            lines.append(
                (
                    _("None of the {leaves} has data on {name}.", name=name, leaves=leaves).text(
                        lang
                    ),
                    [],
                )
            )
            continue
        if not codes:
            lines.append((_nobody_behind(plan, name, over, lang), []))
            continue
        items = [f"{display_name(plan, c, lang)} {gap_text(cells[(c, ind)])}" for c in codes]
        target = fmt_target(target_of(cells, ind))
        # For a lower-is-better indicator, being above the target is the problem.
        if lower_is_better(plan, ind):
            head = (
                _("Missed {name}, above the target (target {target}): ")
                if over
                else _("Behind on {name}, above the target (target {target}): ")
            )
        else:
            head = (
                _("Missed {name} (target {target}): ")
                if over
                else _("Behind on {name} (target {target}): ")
            )
        lines.append((head.format(name=name, target=target).text(lang), items))
    return lines


def _coverage_share(a: IndicatorAssessment) -> tuple[float | None, str | None]:
    """A low-coverage total's share of the reference period's denominator, and that period
    (``coverage.denominator_share`` and ``coverage.reference_period`` when the assessment
    gives them)."""
    share = getattr(a.coverage, "denominator_share", None)
    reference = getattr(a.coverage, "reference_period", None)
    return (
        float(share) if isinstance(share, (int, float)) else None,
        str(reference) if reference is not None else None,
    )


def _flagged_children(plan: Plan, cells: Grid, a: IndicatorAssessment) -> list[str]:
    """The regions whose flagged figure a total includes: ``coverage.outliers`` when the
    assessment lists them, else the regions below with the note ``outlier`` for the same
    indicator and period."""
    listed = getattr(a.coverage, "outliers", None)
    if isinstance(listed, list) and listed:
        return [str(c) for c in listed]
    below = set(plan.region_tree.descendants(a.region))
    return [
        b.region
        for b in cells.values()
        if b.region in below
        and b.indicator == a.indicator
        and b.period == a.period
        and "outlier" in b.notes
    ]


def _with_keys(name: str, keys: list[str], every: int, lang: Lang) -> str:
    """``Guilin (Preschool, Compulsory)``: the indicators named when not all are meant."""
    if len(keys) >= every:
        return name
    return name + _(" ({items})", items=_(", ").text(lang).join(keys)).text(lang)


def footnote_entries(
    result: CheckResult, plan: Plan, year: int, lang: Lang
) -> list[tuple[str, list[str]]]:
    """Footnotes as a heading and a list: figures older than the latest period, figures to
    check (jumped or outliers, and the totals that include them), totals summed from too
    few regions to judge, totals computed from only some reporting regions (with the
    indicators named when the totals of one region differ in coverage), and what a
    lower-is-better indicator's gap means."""
    indicators, _regions, cells = grid(result, year)
    keys = indicator_keys(plan, indicators, lang)
    leaves = leaf_word(plan, lang)
    # dicts as ordered sets: one entry per region even when several indicators share it
    older: dict[str, None] = {}
    rates_only: dict[str, None] = {}
    flagged: dict[tuple[str, str | None], list[str]] = {}
    including: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    low: dict[tuple[str, float | None, str | None], list[str]] = {}
    partial: dict[tuple[str, int, int, tuple[str, ...]], list[str]] = {}
    for a in cells.values():
        if "older_period" in a.notes:
            older[f"{display_name(plan, a.region, lang)} {a.period}"] = None
        if "rates_without_counts" in a.notes:
            rates_only[display_name(plan, a.region, lang)] = None
        if "outlier" in a.notes:
            flagged.setdefault((a.region, a.period), []).append(keys[a.indicator])
        if "includes_outlier" in a.notes:
            children = tuple(_flagged_children(plan, cells, a))
            including.setdefault((a.region, children), []).append(keys[a.indicator])
        if "low_coverage" in a.notes:
            low.setdefault((a.region, *_coverage_share(a)), []).append(keys[a.indicator])
        cov = a.coverage
        if cov is not None and cov.partial:
            key = (a.region, cov.reporting, cov.expected, tuple(cov.missing))
            partial.setdefault(key, []).append(keys[a.indicator])
    every = len(indicators)
    out = [(_("* older figure: ").text(lang), list(older))] if older else []
    if rates_only:
        out.append(
            (
                _(
                    "no total (the regions below sent rates without counts, which cannot be "
                    "added): "
                ).text(lang),
                list(rates_only),
            )
        )
    if flagged:
        items = [
            _with_keys(f"{display_name(plan, region, lang)} {period or ''}".rstrip(), names,
                       every, lang)
            for (region, period), names in flagged.items()
        ]  # fmt: skip
        out.append((_("! figure jumped or is an outlier, check it: ").text(lang), items))
    for (region, children), names in including.items():
        name = _with_keys(display_name(plan, region, lang), names, every, lang)
        shown = [display_name(plan, c, lang) for c in children]
        head = _("! {name} includes a figure to check (", name=name).text(lang)
        close = _(")").text(lang)
        out.append((head, [*shown[:-1], shown[-1] + close] if shown else [close]))
    for (region, share, reference), names in low.items():
        name = _with_keys(display_name(plan, region, lang), names, every, lang)
        if share is None or reference is None:
            out.append((_("~ {name}: too few regions reported to judge", name=name).text(lang), []))
        else:
            percent = fmt_num(share * 100, 0 if share * 100 >= 10 else 1)
            line = _(
                "~ {name}: the regions that reported hold only {share}% of the "
                "{reference} denominator, too few to judge",
                name=name,
                share=percent,
                reference=reference,
            ).text(lang)
            out.append((line, []))
    per_region: dict[str, int] = {}
    for region, *_rest in partial:
        per_region[region] = per_region.get(region, 0) + 1
    for (region, reporting, expected, missing), names in partial.items():
        name = display_name(plan, region, lang)
        if per_region[region] > 1:
            name += _(" ({items})", items=_(", ").text(lang).join(names)).text(lang)
        head = _(
            "~ {name}: summed from {reporting} of {expected} {leaves} (no counts from ",
            name=name,
            reporting=reporting,
            expected=expected,
            leaves=leaves,
        ).text(lang)
        items = [region_name(plan, c, lang) for c in missing]
        close = _(")").text(lang)
        out.append((head, [*items[:-1], items[-1] + close] if items else [close]))
    lower = [indicator_name(plan, i, lang) for i in indicators if lower_is_better(plan, i)]
    if lower:
        joined = _(", ").text(lang).join(lower)
        out.append(
            (
                _(
                    "{names}: lower is better; a positive gap is above the target.", names=joined
                ).text(lang),
                [],
            )
        )
    return out


def footnotes(result: CheckResult, plan: Plan, year: int, lang: Lang) -> list[str]:
    """:func:`footnote_entries` as lines of text."""
    sep = _(", ").text(lang)
    return [head + sep.join(items) for head, items in footnote_entries(result, plan, year, lang)]


def _standard_value(s: StandardResult) -> str:
    """A failing county's figure, never shown equal to the threshold it fails
    (:mod:`gl_plan.numbers`): ``79.96`` against 80, not ``80.0``."""
    return format_comparison(s.value, s.threshold, digits_for(s.threshold))[0]


def standard_lines(result: CheckResult, plan: Plan, lang: Lang) -> list[str]:
    """One line per national county standard: how many counties pass, fail, have no data."""
    sep = _(", ").text(lang)
    lines = []
    for std in plan.standards:
        rows = [s for s in result.standards if s.standard == std.id]
        if not rows:
            continue
        failing = [s for s in rows if s.result is StandardOutcome.FAIL]
        failing.sort(key=lambda s: (s.value if s.value is not None else 0.0, s.region))
        detail = ""
        if failing:
            names = sep.join(
                f"{region_name(plan, s.region, lang)} {_standard_value(s)}" for s in failing
            )
            detail = _(" ({items})", items=names).text(lang)
        lines.append(
            _(
                "{name} {op} {threshold}: {passed} pass, {failed} fail{failing}, {missing} no data",
                name=indicator_name(plan, std.indicator, lang),
                op="≥" if std.comparison == "at_least" else "≤",
                threshold=fmt_target(std.threshold),
                passed=sum(1 for s in rows if s.result is StandardOutcome.PASS),
                failed=len(failing),
                failing=detail,
                missing=sum(1 for s in rows if s.result is StandardOutcome.NO_DATA),
            ).text(lang)
        )
    return lines


def issue_counts(counts: dict[str, int], kinds: tuple[str, ...]) -> Join:
    """``0 errors, 13 warnings`` / ``0 个错误，13 个警告``: the data issues of ``kinds``."""
    words = {
        "error": lambda n: ngettext("{n} error", "{n} errors", n),
        "warning": lambda n: ngettext("{n} warning", "{n} warnings", n),
        "info": lambda n: ngettext("{n} note", "{n} notes", n),
    }
    return Join(tuple(words[k](counts.get(k, 0)) for k in kinds), pgettext("sep.counts", ", "))


def issues_line(result: CheckResult, lang: Lang, *, hint: bool = True) -> str:
    """``Data issues: 0 errors, 13 warnings, 0 notes``."""
    counts = result.summary.data_issues
    line = _(
        "Data issues: {counts}", counts=issue_counts(counts, ("error", "warning", "info"))
    ).text(lang)
    if hint and any(counts.values()):
        line += _(" (glplan validate --data lists them)").text(lang)
    return line


def attention_tasks(result: CheckResult) -> list[TaskAssessment]:
    """The tasks a reader of the check must see: red or amber, worst first."""
    return [t for t in attention_order(result.tasks) if t.rag != "green"]


def _places(result: CheckResult, plan: Plan, year: int, lang: Lang) -> str:
    """Where a target year's red figures are: ``7 of 17 counties and the city``.

    Every level below the root is counted against the regions of that level assessed for
    the year, the reporting regions first; the root is named when it is red itself. The
    regions are those of ``summary.behind`` (red status), each counted once whatever the
    number of its red indicators.
    """
    behind = {code for codes in result.summary.behind.get(str(year), {}).values() for code in codes}
    _indicators, regions, _cells = grid(result, year)
    tree = plan.region_tree
    root = tree.root
    parts = []
    for depth in sorted({tree.depth(r) for r in regions if r != root}, reverse=True):
        level = [r for r in regions if r != root and tree.depth(r) == depth]
        n = sum(1 for r in level if r in behind)
        if n:
            word = level_word(plan, depth, lang, many=len(level) != 1)
            parts.append(_("{n} of {total} {word}", n=n, total=len(level), word=word).text(lang))
    if not parts:
        return _(", in {whole}", whole=whole(plan, lang)).text(lang) if root in behind else ""
    if root in behind:
        parts.append(whole(plan, lang))
    places = _(", ").text(lang).join(parts[:-1])
    places = (
        pgettext("sep.and", " and ").text(lang).join([places, parts[-1]]) if places else parts[-1]
    )
    return _(", in {places}", places=places).text(lang)


def _year_headline(result: CheckResult, plan: Plan, year: int, lang: Lang) -> str:
    over = year_is_over(result, year)
    strived = result.summary.aspirational.get(str(year))
    counts = result.summary.by_target_year.get(str(year))
    if counts is None:  # only 力争 targets this year
        assert strived is not None
        red = strived.by_rag.get("red", 0)
        return _(
            "{year} aspirational targets: {red} of {total} figures behind",
            year=year,
            red=red,
            total=strived.total,
        ).text(lang)
    red = counts.by_rag.get("red", 0)
    # Figures without data are said to be so: "3 of 54 missed" would read as 51 met.
    no_data = counts.by_status.get(Status.NO_DATA.value, 0)
    if no_data:
        head = (
            _(
                "{year} targets (the year is over), {total} figures: {red} missed, "
                "{no_data} with no data"
            )
            if over
            else _(
                "{year} targets, {total} figures: {red} off track or falling, "
                "{no_data} with no data"
            )
        )
    else:
        head = (
            _("{year} targets (the year is over): {red} of {total} figures missed")
            if over
            else _("{year} targets: {red} of {total} figures off track or falling")
        )
    line = head.format(year=year, red=red, total=counts.total, no_data=no_data).text(lang)
    line += _places(result, plan, year, lang)
    binding = result.summary.binding.get(str(year))
    if binding is not None:
        line += _(
            " (binding targets: {red} of {total})",
            red=binding.by_rag.get("red", 0),
            total=binding.total,
        ).text(lang)
    if not over:
        n = counts.by_status.get(Status.NEEDS_ACCELERATION.value, 0)
        line += ngettext("; {n} needs acceleration", "; {n} need acceleration", n).text(lang)
    return line + _aspirational(strived, lang)


def _aspirational(counts: Counts | None, lang: Lang) -> str:
    """``; 力争 targets: 2 of 5 figures behind (not counted above)``, or nothing."""
    if counts is None:
        return ""
    red = counts.by_rag.get("red", 0)
    return _(
        "; aspirational targets: {red} of {total} figures behind, not counted above",
        red=red,
        total=counts.total,
    ).text(lang)


def has_no_data(result: CheckResult) -> bool:
    """Whether not one figure of any target year has data (a new project, an empty
    quarter): every assessment is ``no_data``."""
    counts = result.summary.indicators
    return counts.by_status.get(Status.NO_DATA.value, 0) == counts.total


def headline(result: CheckResult, plan: Plan, lang: Lang) -> tuple[str, list[str]]:
    """The headline's title and lines: per target year how many figures are red (missed
    once the year is over; off track or falling while it is ahead) and in how many
    regions, how many need acceleration; the overdue and due-soon tasks; the data errors
    and warnings. Every number is a count of ``result.summary``, so the headline says what
    ``--format json`` says."""
    title = _("At a glance, as of {as_of}", as_of=result.as_of.isoformat()).text(lang)
    if has_no_data(result):
        # Nothing to judge yet: say so, and how to add the files, instead of "0 of 54".
        leaves = leaf_word(plan, lang)
        lines = [
            _(
                "No figures yet (all {n} without data): put the {leaves}' files (CSV or "
                "Excel) in data/indicators/, or name them with --data, and run glplan check "
                "again",
                n=result.summary.indicators.total,
                leaves=leaves,
            ).text(lang)
        ]
    else:
        lines = [_year_headline(result, plan, year, lang) for year in target_years(result)]
    tasks = result.summary.tasks
    if tasks:
        lines.append(
            _(
                "Tasks: {overdue} overdue, {due_soon} due soon (of {total})",
                overdue=tasks.get("overdue", 0),
                due_soon=tasks.get("due_soon", 0),
                total=tasks.get("total", 0),
            ).text(lang)
        )
    issues = issue_counts(result.summary.data_issues, ("error", "warning"))
    lines.append(_("Data issues: {counts}", counts=issues).text(lang))
    return title, lines
