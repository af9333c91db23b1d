"""The texts of ``glplan explain`` and ``check --compare-to``. ``key: (zh, en)``; part of
:data:`gl_plan.i18n.TEXTS`."""

from __future__ import annotations

from typing import Final

EXPLAIN: Final[dict[str, tuple[str, str]]] = {
    # --- glplan explain and check --compare-to (one block: explain.*, changes.*) --------
    "explain.title": (
        "{region} · {indicator} · {year}年目标 {target}（截至 {as_of}）",
        "{region} · {indicator} · {year} target {target}, as of {as_of}",
    ),
    "explain.status": ("状态", "Status"),
    "explain.why": ("原因", "Why"),
    "explain.value": ("最新数值", "Latest value"),
    "explain.baseline": ("基期", "Baseline"),
    "explain.growth": ("年均增长", "Annual growth"),
    "explain.ratio": ("增长比", "Growth ratio"),
    "explain.projected": ("预测", "Projected"),
    "explain.path": ("直线路径", "Straight path"),
    "explain.needed": ("下一步需达到", "Needed next"),
    "explain.coverage": ("汇总范围", "Coverage"),
    "explain.none": ("无", "none"),
    "explain.status_text": ("{status}（{rag}）", "{status} ({rag})"),
    "explain.value_text": ("{value}（{period}），差距 {gap}", "{value} ({period}), gap {gap}"),
    "explain.baseline_plan": (
        "{value}（{period}），计划文件中声明的基期值",
        "{value} ({period}), declared in the plan",
    ),
    "explain.baseline_earliest": (
        "{value}（{period}），最早一期数据{where}",
        "{value} ({period}), the earliest figure{where}",
    ),
    "explain.where": ("（{where}）", " ({where})"),
    "explain.growth_cagr": (
        "实际 {observed}/年，所需 {required}/年（复合增长率）",
        "observed {observed} a year, required {required} a year (compound)",
    ),
    "explain.growth_linear": (
        "实际 {observed} 个百分点/年，所需 {required} 个百分点/年（线性：复合增长率无定义）",
        "observed {observed} points a year, required {required} points a year (linear: "
        "compound growth undefined)",
    ),
    "explain.growth_none": ("未计算（见原因）", "not computed (see why)"),
    "explain.ratio_text": (
        "{ratio}（实际增长 ÷ 所需增长）",
        "{ratio} (observed ÷ required growth)",
    ),
    "explain.projected_text": (
        "{year}年末 {value}（按近期趋势），与目标差 {gap}",
        "{value} at the end of {year} on the recent trend, gap {gap}",
    ),
    "explain.projected_none": (
        "无（需要相隔至少一年的两期数据）",
        "none (needs two figures at least a year apart)",
    ),
    "explain.path_text": (
        "{period} 应为 {value}（基期到目标的直线），实际偏离 {gap}",
        "{value} at {period} on the straight line from the baseline to the target; "
        "the gap to it is {gap}",
    ),
    "explain.needed_path": (
        "{date} 前达到 {value}，才能回到直线路径",
        "{value} by {date} to be back on the path",
    ),
    "explain.needed_target": (
        "{date} 前达到目标 {value}",
        "the target, {value}, by {date}",
    ),
    "explain.verdict_only": (
        "目标年已结束，只按当年最后一期数据判定",
        "the target year is over: only its last figure decides",
    ),
    "explain.points": ("使用的数据（{n} 期）", "Figures used ({n})"),
    "explain.col.period": ("时期", "period"),
    "explain.col.value": ("数值", "value"),
    "explain.col.numerator": ("分子", "numerator"),
    "explain.col.denominator": ("分母", "denominator"),
    "explain.col.source": ("文件：行", "file:line"),
    "explain.col.use": ("用途", "used for"),
    "explain.col.region": ("地区", "region"),
    "explain.role.baseline": ("基期", "baseline"),
    "explain.role.trend": ("趋势", "trend"),
    "explain.role.latest": ("最新", "latest"),
    "explain.role.verdict": ("判定", "verdict"),
    "explain.computed": ("由下级汇总", "summed below"),
    "explain.children": (
        "{period} 汇总的下级数据（分子之和 ÷ 分母之和）",
        "The regions summed for {period} (sum of numerators over sum of denominators)",
    ),
    "explain.coverage_text": (
        "{reporting}/{expected} 个县区有分子分母",
        "{reporting} of {expected} counties with counts",
    ),
    "explain.coverage_missing": ("，缺：{names}", "; missing: {names}"),
    "explain.coverage_reported": (
        "，采用该地区自报数值（下级汇总为 {computed}）",
        "; the region's own reported figure is used (summed from below: {computed})",
    ),
    "explain.no_points": ("没有截至评估日期的数据。", "No figure by the as-of date."),
    "explain.rule.verdict_met": (
        "目标年已结束，当年最后一期数值 {value} 达到目标 {target}",
        "the target year is over and its last figure, {value}, reaches the target {target}",
    ),
    "explain.rule.verdict_missed": (
        "目标年已结束，当年最后一期数值 {value} 未达到目标 {target}",
        "the target year is over and its last figure, {value}, falls short of the target {target}",
    ),
    "explain.rule.verdict_no_data": (
        "目标年已结束，当年没有数据",
        "the target year is over and has no figure",
    ),
    "explain.rule.no_data": ("截至评估日期没有数据", "no figure by the as-of date"),
    "explain.rule.achieved": (
        "最新数值 {value} 已达到目标 {target}",
        "the latest figure, {value}, reaches the target {target}",
    ),
    "explain.rule.short_span": (
        "基期与最新一期相隔不足 {span} 年，尚不能判断趋势",
        "the baseline and the latest figure are less than {span} year apart: no trend yet",
    ),
    "explain.rule.baseline_above_target_holding": (
        "基期值 {base} 已达到目标，此后未下降（实际增长 ≥ 0）",
        "the baseline, {base}, already reached the target and the figure has not fallen "
        "since (observed growth ≥ 0)",
    ),
    "explain.rule.baseline_above_target_falling": (
        "基期值 {base} 已达到目标，此后下降（实际增长小于 0）",
        "the baseline, {base}, already reached the target and the figure has fallen since "
        "(observed growth < 0)",
    ),
    "explain.rule.ratio_on_track": (
        "增长比 {ratio} ≥ {on_track}（计划设定的进度正常阈值）",
        "growth ratio {ratio} ≥ {on_track} (the plan's on_track_ratio)",
    ),
    "explain.rule.ratio_needs_acceleration": (
        "增长比 {ratio} 不低于 {accel}（需加快阈值），但低于 {on_track}（进度正常阈值）",
        "growth ratio {ratio} is at least {accel} (the plan's acceleration_ratio) but below "
        "{on_track} (its on_track_ratio)",
    ),
    "explain.rule.ratio_off_track": (
        "增长比 {ratio} 不低于 0，但低于 {accel}（计划设定的需加快阈值）",
        "growth ratio {ratio} is at least 0 but below {accel} (the plan's acceleration_ratio)",
    ),
    "explain.rule.ratio_deteriorating": (
        "增长比 {ratio} 小于 0：数值在远离目标",
        "growth ratio {ratio} < 0: the figure is moving away from the target",
    ),
    "explain.unknown_region": (
        "未知地区“{name}”；相近的有：{matches}",
        "unknown region {name!r}; close matches: {matches}",
    ),
    "explain.unknown_indicator": (
        "未知指标“{name}”；相近的有：{matches}",
        "unknown indicator {name!r}; close matches: {matches}",
    ),
    "explain.match": ("{code} {name_zh}", "{code} {name_en}"),
    "explain.no_matches": ("无（glplan plan 列出全部名称）", "none (glplan plan lists them all)"),
    "explain.unknown_year": (
        "{year} 不是目标年；目标年：{years}",
        "{year} is not a target year; target years: {years}",
    ),
    "explain.no_target": (
        "{indicator}没有{year}年目标",
        "{indicator} has no {year} target",
    ),
    "explain.no_targets": ("{indicator}在计划中没有目标", "{indicator} has no target in the plan"),
    "changes.heading": ("自 {since} 以来的变化（至 {as_of}）", "Since {since} (to {as_of})"),
    "changes.none": ("自 {since} 以来没有变化。", "Nothing changed since {since}."),
    "changes.counts": (
        "状态变化：{indicator} 项指标，{task} 项任务；数据缺失或恢复：{data} 处",
        "Status changes: {indicator} figures, {task} tasks; data gone or back: {data}",
    ),
    "changes.indicator": (
        "{region} {indicator}（{year}年目标）：{from_} → {to}（{value_from} → {value_to}）",
        "{region} {indicator} ({year} target): {from_} → {to} ({value_from} → {value_to})",
    ),
    "changes.task": ("任务 {task} {title}：{from_} → {to}", "Task {task} {title}: {from_} → {to}"),
    "changes.data_missing": (
        "{region} {indicator}：数据缺失（没有最新一期）",
        "{region} {indicator}: data gone (no figure for the latest period)",
    ),
    "changes.data_back": ("{region} {indicator}：数据恢复", "{region} {indicator}: data back"),
    "changes.all_indicators": ("全部指标", "every indicator"),
    "changes.absent": ("无", "none"),
    "changes.more": (
        "……另有 {n} 项（--format json 列出全部）",
        "... and {n} more (--format json lists them all)",
    ),
    "changes.bad_value": (
        "--compare-to 应为日期（如 2026-09-30）或 glplan check --format json 写出的 .json 文件，"
        "而不是“{value}”",
        "--compare-to must be a date like 2026-09-30 or a .json file written by "
        "check --format json, not {value!r}",
    ),
    "changes.bad_file": (
        "{file}：不是 glplan check --format json 的输出（{detail}）",
        "{file}: not the output of glplan check --format json ({detail})",
    ),
    "changes.not_utf8": ("不是 UTF-8 编码", "not UTF-8"),
    "changes.json_error": ("第 {line} 行：JSON 格式错误", "line {line}: not valid JSON"),
    "changes.not_object": ("不是 JSON 对象", "not a JSON object"),
    "changes.too_deep": (
        "JSON 嵌套过深，不是 glplan check 的输出",
        "nested too deeply to be the JSON of a glplan check",
    ),
    "changes.no_key": ("缺少“{name}”", "no {name!r} key"),
    "changes.bad_lists": ("indicators 和 tasks 应为列表", "'indicators' and 'tasks' must be lists"),
    "changes.bad_row": (
        "indicators[{i}]：需要 region、indicator、target_year 和 status",
        "indicators[{i}]: needs region, indicator, target_year and status",
    ),
    "changes.bad_task": ("tasks[{i}]：需要 id", "tasks[{i}]: needs an id"),
    "changes.bad_format": (
        "--compare-to 只能与 --format table、json 或 markdown 一起使用，不能用于 {fmt}",
        "--compare-to works with --format table, json or markdown, not {fmt}",
    ),
}
