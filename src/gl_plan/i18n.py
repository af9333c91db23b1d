"""Languages and every text the program itself prints, in one table of both languages.

Plan texts (titles, region and indicator names) carry their own zh/en and are not here.
Keys are plain names: statuses, levels and flags by their code (``off_track``, ``red``,
``stale``), everything else prefixed by the view that prints it (``check.behind``,
``tasks.days_left``, ``html.method``, ...). :func:`text` is the one lookup.
"""

from __future__ import annotations

import locale
import os
from typing import Final, Literal

from gl_plan.i18n_messages import MESSAGES

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


#: Every text glplan prints, ``key: (zh, en)``; templates take ``str.format`` fields.
#: An empty string means the text is not printed in that language.
TEXTS: Final[dict[str, tuple[str, str]]] = {
    # --- indicator statuses -------------------------------------------------------------
    "achieved": ("已达标", "achieved"),
    "on_track": ("进度正常", "on track"),
    "needs_acceleration": ("需加快", "needs acceleration"),
    "off_track": ("进度滞后", "off track"),
    "deteriorating": ("倒退", "deteriorating"),
    "insufficient_data": ("数据不足", "insufficient data"),
    "no_data": ("无数据", "no data"),
    "met": ("已实现", "met"),
    "missed": ("未实现", "missed"),
    # English labels short enough for the 80-column check table; Chinese ones are short.
    "short.needs_acceleration": ("需加快", "speed up"),
    "short.deteriorating": ("倒退", "falling"),
    "short.insufficient_data": ("数据不足", "no trend"),
    # --- task statuses ------------------------------------------------------------------
    "done": ("已完成", "done"),
    "done_late": ("逾期完成", "done late"),
    "overdue": ("已逾期", "overdue"),
    "due_soon": ("即将到期", "due soon"),
    "on_schedule": ("按计划", "on schedule"),
    "ongoing": ("持续实施", "ongoing"),
    # --- levels -------------------------------------------------------------------------
    "red": ("红", "red"),
    "amber": ("黄", "amber"),
    "green": ("绿", "green"),
    "grey": ("灰", "grey"),
    "pass": ("达标", "pass"),
    "fail": ("未达标", "fail"),
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
    # --- task flags ---------------------------------------------------------------------
    "flag.stale": ("久未报送", "stale"),
    "flag.no_report": ("未报送", "no report"),
    "flag.quantity_behind": ("进度滞后", "behind"),
    "flag.seriously_behind": ("严重滞后", "seriously behind"),
    "flag.continuing": ("持续实施中", "continuing"),
    "flag.reopened": ("重新开启", "reopened"),
    "flag.completed_by_regions": ("各县区已完成", "all regions done"),
    # --- levels of regions: the root as a whole, one word for the regions of a level ---
    # (gl_plan.report.levels; English words are singular, plurals are made by rule)
    "whole.nation": ("全国", "the nation"),
    "whole.province": ("全省", "the province"),
    "whole.autonomous_region": ("全区", "the region"),
    "whole.municipality": ("全市", "the city"),
    "whole.prefecture_city": ("全市", "the city"),
    "whole.autonomous_prefecture": ("全州", "the prefecture"),
    "whole.league": ("全盟", "the league"),
    "whole.city": ("全市", "the city"),
    "whole.district": ("全区", "the district"),
    "whole.county": ("全县", "the county"),
    "whole.autonomous_county": ("全县", "the county"),
    "whole.county_level_city": ("全市", "the city"),
    "whole.banner": ("全旗", "the banner"),
    "whole.autonomous_banner": ("全旗", "the banner"),
    "whole.township": ("全乡镇", "the township"),
    "kind.nation": ("国家", "nation"),
    "kind.province": ("省", "province"),
    "kind.autonomous_region": ("自治区", "autonomous region"),
    "kind.municipality": ("直辖市", "municipality"),
    "kind.prefecture_city": ("地级市", "prefecture city"),
    "kind.autonomous_prefecture": ("自治州", "autonomous prefecture"),
    "kind.league": ("盟", "league"),
    "kind.city": ("市", "city"),
    "kind.district": ("区", "district"),
    "kind.county": ("县", "county"),
    "kind.autonomous_county": ("自治县", "autonomous county"),
    "kind.county_level_city": ("县级市", "county-level city"),
    "kind.banner": ("旗", "banner"),
    "kind.autonomous_banner": ("自治旗", "autonomous banner"),
    "kind.township": ("乡镇", "township"),
    "tier.nation": ("国家", "nation"),
    "tier.province": ("省（区、市）", "province"),
    "tier.prefecture": ("市（州、盟）", "city"),
    "tier.county": ("县区", "county"),
    "tier.township": ("乡镇", "township"),
    "tier.mixed": ("地区", "region"),
    # --- punctuation between the items of a list ----------------------------------------
    "sep.list": ("、", ", "),
    "sep.counts": ("，", ", "),
    "sep.names": ("、", ", "),
    "sep.years": ("、", " and "),
    # between level words: 县区和全市 / counties and the city; 各市、各县区 / cities or counties
    "sep.and": ("和", " and "),
    "sep.levels": ("、各", " or "),
    "colon": ("：", ": "),
    "aside": ("（{items}）", " ({items})"),
    # --- glplan check: tables, Markdown, lines under the tables -------------------------
    "check.region": ("地区", "Region"),
    "check.status": ("状态", "status"),
    "check.value_gap": ("数值 差距", "value  gap"),
    "check.title_ahead": ("{year}年目标（截至 {as_of}）", "{year} targets, as of {as_of}"),
    "check.title_over": (
        "{year}年目标：该年已结束，按当年最后一期数据判定",
        "{year} targets: the year is over, met or missed on its last figure",
    ),
    "check.heading_ahead": (
        "{year}年目标（截至 {as_of}）：{targets}",
        "{year} targets, as of {as_of}: {targets}",
    ),
    "check.heading_over": (
        "{year}年目标（该年已结束，按当年最后一期数据判定）：{targets}",
        "{year} targets (the year is over: met or missed on its last figure): {targets}",
    ),
    "check.indicator_target": ("{name}：目标 {target}", "{name}: target {target}"),
    "check.behind": ("{name}落后（目标 {target}）：", "Behind on {name} (target {target}): "),
    "check.missed": ("{name}未实现（目标 {target}）：", "Missed {name} (target {target}): "),
    # For a lower-is-better indicator: being above the target is the problem.
    "check.behind_above": (
        "{name}落后，高于目标（目标 {target}）：",
        "Behind on {name}, above the target (target {target}): ",
    ),
    "check.missed_above": (
        "{name}未实现，高于目标（目标 {target}）：",
        "Missed {name}, above the target (target {target}): ",
    ),
    "check.none_missed": (
        "{whole}及各{levels}{name}均已实现或无数据。",
        "Neither {whole} nor any of its {levels} missed {name}.",
    ),
    "check.none_missed_one": (
        "{whole}{name}已实现或无数据。",
        "{whole} met {name} or has no figure for it.",
    ),
    "check.no_county_data": (
        "各{leaves}均无{name}数据。",
        "None of the {leaves} has data on {name}.",
    ),
    "check.none_behind": (
        "{whole}及各{levels}{name}均未落后。",
        "Neither {whole} nor any of its {levels} is behind on {name}.",
    ),
    "check.none_behind_one": ("{whole}{name}未落后。", "{whole} is not behind on {name}."),
    "check.lower_better": (
        "{names}越低越好：差距为正即高于目标。",
        "{names}: lower is better; a positive gap is above the target.",
    ),
    "check.outlier": (
        "! 数值突变或为异常值，请核实：",
        "! figure jumped or is an outlier, check it: ",
    ),
    "check.includes_outlier": (
        "! {name}的数值含有需核实的数字（",
        "! {name} includes a figure to check (",
    ),
    "check.low_coverage": (
        "~ {name}：报送地区的分母仅为 {reference} 的 {share}%，不足以判定",
        "~ {name}: the regions that reported hold only {share}% of the {reference} "
        "denominator, too few to judge",
    ),
    "check.low_coverage_unknown": (
        "~ {name}：报送地区过少，不足以判定",
        "~ {name}: too few regions reported to judge",
    ),
    "check.no_data_rows": ("无数据：", "No data: "),
    "check.older": ("* 非最新一期数据：", "* older figure: "),
    "check.rates_only": (
        "无汇总值（下级只报送了比率、未报送分子分母，比率不能相加）：",
        "no total (the regions below sent rates without counts, which cannot be added): ",
    ),
    "check.partial": (
        "~ {name}仅由 {reporting}/{expected} 个{leaves}的分子分母汇总（缺 ",
        "~ {name}: summed from {reporting} of {expected} {leaves} (no counts from ",
    ),
    "check.trend_title": (
        "近八个季度走势（{first}–{last}），及期间变化（百分点）",
        "Last eight quarters ({first}–{last}) and the change over them, in points",
    ),
    "check.trend_head": ("走势      变化", "trend   change"),
    "check.standards": ("国家县域标准（最新一期）", "National county standards (latest figures)"),
    "check.standard_line": (
        "{name} {op} {threshold}：{passed} 个达标，{failed} 个未达标{failing}，{missing} 个无数据",
        "{name} {op} {threshold}: {passed} pass, {failed} fail{failing}, {missing} no data",
    ),
    "check.issues": (
        "数据问题：{error} 个错误，{warning} 个警告，{info} 个提示",
        "Data issues: {error} error{s_error}, {warning} warning{s_warning}, {info} note{s_info}",
    ),
    "check.issues_hint": (
        "（用 glplan validate --data 查看详情）",
        " (glplan validate --data lists them)",
    ),
    # Only English needs it: its status labels in the table are abbreviated.
    "check.legend": (
        "",
        "speed up = needs acceleration; falling = deteriorating; "
        "no trend = no two figures a year apart",
    ),
    "check.tasks_hint": (
        "红、黄任务见上表；全部任务：glplan tasks",
        "Red and amber tasks above; all tasks: glplan tasks",
    ),
    "check.tasks_hint_md": (
        "红、黄任务见上表；全部任务：`glplan tasks`",
        "Red and amber tasks above; all tasks: `glplan tasks`",
    ),
    "check.heading": ("{title}：评估结果（截至 {as_of}）", "{title}: check as of {as_of}"),
    "check.summary": ("汇总", "Summary"),
    # --- the headline on top of check, the one-screen view, tasks left out -------------
    "headline.title": ("要点（截至 {as_of}）", "At a glance, as of {as_of}"),
    "headline.ahead": (
        "{year}年目标：{total} 项指标数据中 {red} 项进度滞后或倒退",
        "{year} targets: {red} of {total} figures off track or falling",
    ),
    "headline.over": (
        "{year}年目标（该年已结束）：{total} 项指标数据中 {red} 项未实现",
        "{year} targets (the year is over): {red} of {total} figures missed",
    ),
    "headline.where": ("，涉及 {places}", ", in {places}"),
    "headline.where_whole": ("，涉及{whole}", ", in {whole}"),
    "headline.level_count": ("{total} 个{word}中的 {n} 个", "{n} of {total} {word}"),
    "headline.accel": ("；{n} 项需加快", "; {n} need{s} acceleration"),
    "headline.tasks": (
        "任务：{overdue} 项已逾期，{due_soon} 项即将到期（共 {total} 项）",
        "Tasks: {overdue} overdue, {due_soon} due soon (of {total})",
    ),
    "headline.data": (
        "数据问题：{error} 个错误，{warning} 个警告",
        "Data issues: {error} error{s_error}, {warning} warning{s_warning}",
    ),
    "headline.table_note": (
        "仅列出有红、黄状态的地区，最差的在前。",
        "Only the regions with a red or amber status, worst first.",
    ),
    "headline.tasks_head": ("红、黄任务（最紧急的在前）", "Red and amber tasks, most urgent first"),
    "headline.left_out": (
        "未显示：{items}。显示全部：glplan check --full",
        "Left out: {items}. glplan check --full shows everything.",
    ),
    "headline.omit_years": ("{years}年目标", "the {years} targets"),
    "headline.omit_regions": ("其余 {n} 个地区", "{n} other region{s}"),
    "headline.omit_tasks": ("其余 {n} 项任务", "{n} other task{s}"),
    "headline.omit_changes": ("另外 {n} 项变化", "{n} more change{s}"),
    "headline.omit_behind": ("落后地区名单", "the lists of who is behind"),
    "headline.omit_notes": ("注释", "footnotes"),
    "headline.omit_trends": ("走势", "trends"),
    "headline.omit_standards": ("国家县域标准", "county standards"),
    "headline.html_note": (
        "每个地区按其各项指标中最差的状态计一次。",
        "Each region counts once, under the worst status of its indicators.",
    ),
    "headline.html_overdue": ("已逾期的任务：", "Overdue tasks: "),
    "headline.tasks_left_out": (
        "另有 {n} 项任务为绿色（按计划、持续实施或已完成），未列出；"
        "glplan tasks --all 列出全部任务。",
        "{n} green task{s} (on schedule, ongoing or done) not shown; glplan tasks --all "
        "lists every task.",
    ),
    # --- glplan tasks -------------------------------------------------------------------
    "tasks.id": ("编号", "ID"),
    "tasks.rag": ("预警", "RAG"),
    "tasks.status": ("状态", "Status"),
    "tasks.due": ("时限", "Due"),
    "tasks.task": ("任务", "Task"),
    "tasks.progress": ("进展", "Progress"),
    "tasks.last_report": ("最近报送", "Last report"),
    "tasks.as_of": ("任务完成情况（截至 {as_of}）", "Tasks as of {as_of}"),
    "tasks.no_due": ("持续实施", "ongoing"),
    "tasks.days_left": ("剩 {n} 天", "{n} d left"),
    "tasks.days_late": ("逾期 {n} 天", "{n} d late"),
    "tasks.regions": ("{count}个县区", "{count} regions"),
    "tasks.regions_done": ("{n}个县区已完成", "{n} region{s} done"),
    "tasks.with_unit": ("{amount}{unit}", "{amount} {unit}"),
    "tasks.no_tasks": ("没有符合条件的任务。", "No tasks match."),
    "tasks.summary": ("截至 {as_of}，共 {total} 项任务：", "As of {as_of}, {total} tasks: "),
    "tasks.count": ("{n} 项{status}", "{n} {status}"),
    "tasks.summary_stale": ("；{n} 项久未报送", "; {n} stale"),
    "tasks.summary_end": ("。", "."),
    # --- glplan progress add: the confirmation line -------------------------------------
    "entry.added": ("已记录", "added"),
    # English keeps the ledger's own codes: they are what the file holds.
    "entry.not_started": ("未开始", "not_started"),
    "entry.in_progress": ("进行中", "in_progress"),
    "entry.completed": ("已完成", "completed"),
    "entry.value": ("数值", "value"),
    "entry.region": ("县区", "region"),
    "entry.reporter": ("报送人", "reporter"),
    "entry.note": ("备注", "note"),
    # --- glplan plan --------------------------------------------------------------------
    "plan.goals": ("总体目标", "Goals"),
    "plan.indicator": ("指标", "Indicator"),
    "plan.actions_title": ("行动及任务", "Actions and tasks"),
    "plan.id": ("编号", "ID"),
    "plan.task": ("任务", "Task"),
    "plan.deadline": ("完成时限", "Time limit"),
    "plan.due": ("截止日期", "Due"),
    "plan.none": ("无", "none"),
    "plan.count": ("{actions} 大行动，{tasks} 项任务", "{actions} actions, {tasks} tasks"),
    # --- glplan data --format markdown --------------------------------------------------
    "data.title": ("指标数据", "Indicator data"),
    "data.none": ("没有数据。", "No observations."),
    # --- glplan check --output report.html ----------------------------------------------
    "html.subtitle": ("评估结果，截至 {as_of}", "Progress check as of {as_of}"),
    "html.sample_head": ("示例数据", "Sample data"),
    "html.sample": (
        "本报告使用 glplan 自带的示例指标文件和进展台账。这些数据是为演示而编造的，"
        "不是{root}或任何{leaves}的官方统计数据，不能据此得出结论。",
        "This report uses the indicator files and progress ledger bundled "
        "with glplan. They are synthetic figures made up to show how the tool works, not "
        "official statistics of {root} or any of its {leaves}; draw no conclusions from "
        "them.",
    ),
    "html.summary": ("概况", "Summary"),
    "html.status_counts": ("各状态的地区数（{who}）", "Regions by status ({who})"),
    "html.status": ("状态", "Status"),
    "html.target_col": ("{year}年目标", "{year} targets"),
    "html.behind_head": ("落后的地区", "Who is behind"),
    "html.sources": ("数据来源", "Sources"),
    "html.plan_file": ("计划文件", "Plan"),
    "html.data_files": ("指标文件（{n} 个）", "Indicator files ({n})"),
    "html.no_data_files": ("指标文件：无", "Indicator files: none"),
    "html.ledger": ("进展台账", "Progress ledger"),
    "html.no_ledger": (
        "进展台账：无（所有任务均视为未报送）",
        "Progress ledger: none (no task reported)",
    ),
    "html.charts": ("各指标走势与目标路径", "Each indicator against the path to its targets"),
    "html.chart_note": (
        "实线：各地区数据，颜色表示对 {year} 年目标的状态（标题右侧为文字）；虚线：从基期值到 "
        "{years} 年目标的直线路径，◆ 为目标（在目标年年末）；点线：评估日期 {as_of}；",
        "Solid line: the region's figures, coloured by its status for the {year} target "
        "(named at the top right of each panel). Dashed: the straight path from the "
        "baseline to the {years} targets; ◆ marks a target, at the end of its year. "
        "Dotted: the as-of date, {as_of}.",
    ),
    "html.chart_note_parent": (
        "各{leaf}小图中的浅灰线为{whole}数据。",
        " Light grey in the {leaf} panels: {whole}.",
    ),
    "html.chart_note_end": ("所有小图刻度相同。", " All panels share the same scales."),
    "html.chart_label": (
        "{name}：各地区数据与目标路径",
        "{name}: every region against the targets",
    ),
    "html.no_chart_data": ("没有数据，无法绘图。", "No figures to draw."),
    "html.gaps": ("与目标的差距", "Gaps to the targets"),
    "html.region": ("地区", "Region"),
    "html.value": ("数值", "Value"),
    "html.gap": ("差距", "Gap"),
    "html.gap_note": (
        "差距 = 数值 − 目标（百分点）。~ 表示{whole}数值仅由部分{leaves}汇总。",
        "Gap = value − target, in percentage points. ~ marks a figure of {whole} summed "
        "from only some {leaves}.",
    ),
    "html.standards": ("国家县域标准", "National county standards"),
    "html.task_table": ("已逾期和即将到期的任务", "Overdue and due-soon tasks"),
    "html.no_tasks": ("没有已逾期或即将到期的任务。", "No task is overdue or due soon."),
    "html.days": ("天数", "Days"),
    "html.days_left": ("剩 {n} 天", "{n} days left"),
    "html.days_late": ("逾期 {n} 天", "{n} days late"),
    "html.method": ("方法说明", "Method"),
    "html.method_text": (
        "目标年尚未结束时，按统计加拿大（Statistics Canada）方法比较基期以来的实际年均增长"
        "与达到目标所需的年均增长：比值 ≥ {on_track} 为进度正常，≥ {accel} 为需加快，"
        "≥ 0 为进度滞后，< 0 为倒退；目标年结束后，按该年最后一期数据判定已实现或未实现。",
        "While a target year is ahead, the observed annual growth since the baseline is "
        "compared with the growth the target requires (the Statistics Canada method): a "
        "ratio of at least {on_track} is on track, at least {accel} needs acceleration, at "
        "least 0 is off track, below 0 is deteriorating. Once the year is over, its last "
        "figure decides: met or missed.",
    ),
    "html.method_sum": (
        "{whole}数值由各{leaves}分子、分母求和后计算（总和之比），不取各{leaves}比率的平均数。",
        " {whole}'s figure is the sum of the {leaves}' numerators over the sum of their "
        "denominators, never a mean of their rates.",
    ),
    "html.legend": (
        "▼ 红：进度滞后、倒退或未实现 · ◆ 黄：需加快或数据不足 · ● 绿：已达标、进度正常或已实现"
        " · ○ 无数据",
        "▼ red: off track, deteriorating or missed · ◆ amber: needs acceleration or "
        "insufficient data · ● green: achieved, on track or met · ○ no data",
    ),
    "html.footer": ("由 glplan 生成，评估日期 {as_of}。", "Made by glplan; as of {as_of}."),
    # the command line's own messages, the ledger's, writing files, table headers
    **MESSAGES,
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
    # --- indicator files: reading, checking (data.*) ------------------------------------
    # A field written "{name:.0}" is taken and not printed: the Chinese text leaves out a
    # detail in English (a library's or the operating system's own words) that the English
    # text and the JSON keep, and says in Chinese what it means instead.
    # Pieces: lists, quotes, lines, where a region or period was found.
    "data.sep.comma": ("{a}、{b}", "{a}, {b}"),
    "data.sep.semicolon": ("{a}；{b}", "{a}; {b}"),
    "data.quoted": ("“{text}”", "{text!r}"),
    "data.nothing": ("无", "nothing"),
    "data.line": ("第 {lines} 行", "line {lines}"),
    "data.lines": ("第 {lines} 行", "lines {lines}"),
    "data.region": ("{code} {zh}{en:.0}", "{code} {en}{zh:.0}"),
    "data.from.file_name": ("文件名", "the file name"),
    "data.from.sheet_name": ("工作表名", "the sheet name"),
    "data.from.title": ("标题行（第 {line} 行）", "the title line (line {line})"),
    "data.from.region_option": ("--region 参数", "--region"),
    "data.from.period_option": ("--period 参数", "--period"),
    "data.advice": (
        "请拆分文件、另存为 CSV，或检查是否选错了文件",
        "split it, save it as CSV, or check that this is the right file",
    ),
    "data.what.value": ("数值", "value"),
    "data.what.numerator": ("分子", "numerator"),
    "data.what.denominator": ("分母", "denominator"),
    "data.role.region": ("地区", "region"),
    "data.role.period": ("时期", "period"),
    "data.role.indicator": ("指标", "indicator"),
    "data.role.value": ("数值", "value"),
    "data.role.numerator": ("分子", "numerator"),
    "data.role.denominator": ("分母", "denominator"),
    "data.role.note": ("备注", "note"),
    "data.role.unit": ("计量单位", "unit"),
    "data.role.current": ("本期数", "current"),
    "data.role.previous": ("上年同期数", "previous"),
    "data.unit.percent": ("百分比", "percent"),
    "data.unit.ratio": ("比值", "ratio"),
    "data.unit.per_thousand": ("千分比", "per_thousand"),
    "data.unit.count": ("计数", "count"),
    "data.unit.years": ("年限", "years"),
    "data.unit.amount": ("数额", "amount"),
    # Periods: how counties write them (gl_plan.periods).
    "data.period.year_range": (
        "年份 {year} 超出范围 1900-2199",
        "year {year} is out of range 1900-2199",
    ),
    "data.period.quarter_range": ("季度 {quarter} 不在 1-4 之间", "quarter {quarter} is not 1-4"),
    "data.period.too_long": ("时期文字过长", "period text is too long"),
    "data.period.empty": ("时期为空", "empty period"),
    "data.period.unreadable": (
        "无法识别时期“{text}”：应写作 2024Q3、2024-Q3、{quarter_zh}、{months_zh}或年份",
        "cannot read period {text!r}: expected 2024Q3, 2024-Q3, {quarter_zh}, {months_zh} "
        "or a year",
    ),
    "data.period.months_not_quarter": (
        "无法识别时期“{text}”：{first}-{last} 月的截止月份不是季度末",
        "cannot read period {text!r}: months {first}-{last} do not end a quarter",
    ),
    "data.period.months_not_counted": (
        "无法识别时期“{text}”：{first}-{last} 月既不是一个季度，也不是从 1 月起累计",
        "cannot read period {text!r}: months {first}-{last} are neither a quarter nor "
        "counted from January",
    ),
    "data.period.read_as": (
        "“{text}”（{what}）按 {period} 读取，即其截止的季度",
        "{text!r} ({what}) is read as {period}, the quarter it ends with",
    ),
    "data.period.second_half": (
        "“{text}”（下半年）按 {year}Q4 读取",
        "{text!r} (the second half of the year) is read as {year}Q4",
    ),
    "data.period.first_quarters": ("前 {q} 个季度", "the first {q} quarters"),
    "data.period.first_half": ("上半年", "the first half of the year"),
    "data.period.months": ("{first}至{last}", "{first} to {last}"),
    "data.month.1": ("1月", "January"),
    "data.month.2": ("2月", "February"),
    "data.month.3": ("3月", "March"),
    "data.month.4": ("4月", "April"),
    "data.month.5": ("5月", "May"),
    "data.month.6": ("6月", "June"),
    "data.month.7": ("7月", "July"),
    "data.month.8": ("8月", "August"),
    "data.month.9": ("9月", "September"),
    "data.month.10": ("10月", "October"),
    "data.month.11": ("11月", "November"),
    "data.month.12": ("12月", "December"),
    # Files: which ones, their bytes and encodings (gl_plan.io, data.sources, data.read).
    "data.file.symlink_loop": (
        "是循环的符号链接，不是普通文件",
        "is a symlink loop, not a regular file",
    ),
    "data.file.fifo": (
        "是命名管道（FIFO），不是普通文件",
        "is a FIFO (named pipe), not a regular file",
    ),
    "data.file.socket": ("是套接字，不是普通文件", "is a socket, not a regular file"),
    "data.file.device": ("是设备，不是普通文件", "is a device, not a regular file"),
    "data.file.not_regular": ("不是普通文件", "is not a regular file"),
    "data.file.no_such_file": ("文件不存在", "no such file"),
    "data.file.no_such_path": ("文件或文件夹不存在", "no such file or folder"),
    "data.file.cannot_read": ("无法读取：{reason}", "cannot read: {reason}"),
    "data.file.cannot_list": ("无法列出文件夹内容：{reason}", "cannot list folder: {reason}"),
    "data.file.is_folder": ("是文件夹，不是{what}文件", "is a folder, not {what} file"),
    "data.file.too_large": (
        "{amount}；{what}最大 {limit:,} 字节",
        "{amount}; {what} is at most {limit:,} bytes",
    ),
    "data.file.size": ("文件大小为 {size:,} 字节", "file is {size:,} bytes"),
    "data.file.more_than": ("超过 {limit:,} 字节", "more than {limit:,} bytes"),
    "data.file.kind_plan": ("计划", "a plan"),
    "data.file.kind_ledger": ("进展台账", "a progress ledger"),
    "data.file.kind_check_json": ("check 的 JSON", "a check's JSON"),
    "data.os.EACCES": ("没有读取权限{reason:.0}", "{reason}"),
    "data.os.ENOENT": ("文件不存在{reason:.0}", "{reason}"),
    "data.os.EISDIR": ("是文件夹{reason:.0}", "{reason}"),
    "data.os.EBUSY": ("文件正被其他程序占用{reason:.0}", "{reason}"),
    "data.os.EIO": ("读取时发生输入输出错误（磁盘或网络盘故障？）{reason:.0}", "{reason}"),
    "data.os.other": ("操作系统报告错误{reason:.0}", "{reason}"),
    "data.file.no_tables": (
        "此文件夹中没有 .csv 或 .xlsx 文件（也没有 .xls、.xlsb 或 .ods）",
        "no .csv or .xlsx files in this folder (nor .xls, .xlsb or .ods)",
    ),
    "data.file.over_limit": (
        "文件大小为 {mb:.0f} MB；超过 {limit} MB 的文件不予读取"
        "（请拆分文件，或检查是否选错了文件）",
        "file is {mb:.0f} MB; files over {limit} MB are refused (split it, or check that this "
        "is the right file)",
    ),
    "data.file.too_many_rows": (
        "超过 {limit:,} 行；一个指标文件最多 {limit:,} 行（{advice}）；"
        "已停止读取，文件中的行均未使用",
        "more than {limit:,} rows; an indicator file may have at most {limit:,} ({advice}); "
        "reading stopped and none of the file's rows are used",
    ),
    "data.file.nothing_read_one": (
        "没有读到任何数据（该文件被整体拒绝，见上文），因此未写出任何内容",
        "nothing could be read (the file was refused whole, see above), so nothing was written",
    ),
    "data.file.nothing_read_all": (
        "没有读到任何数据（全部 {n} 个文件均被整体拒绝，见上文），因此未写出任何内容",
        "nothing could be read (all {n} files were refused whole, see above), so nothing was "
        "written",
    ),
    "data.option.region": (
        "--region 参数“{region}”不是计划中的地区（请给出代码或名称，如 450321 或 {example}）",
        "--region {region!r} is not a region of the plan (give its code or name, e.g. 450321 "
        "or {example})",
    ),
    "data.option.period": ("--period 参数：{reason}", "--period: {reason}"),
    "data.binary.gzip": ("gzip 压缩数据", "gzip-compressed data"),
    "data.binary.zip": (
        "ZIP 压缩包（可能是改错了扩展名的 .xlsx？）",
        "a ZIP archive (an .xlsx saved with the wrong name?)",
    ),
    "data.binary.pdf": ("PDF 文档", "a PDF document"),
    "data.binary.xls": (
        "Excel 97-2003 工作簿（将扩展名改为 .xls 即可按工作簿读取）",
        "an Excel 97-2003 workbook (name it .xls to have it read as one)",
    ),
    "data.binary.data": ("二进制数据", "binary data"),
    "data.encoding.binary": ("不是文本文件：{kind}", "not a text file: {kind}"),
    "data.encoding.unknown": ("未知的编码“{encoding}”", "unknown encoding {encoding!r}"),
    "data.encoding.cannot_decode": (
        "无法按 {encoding} 编码解码{reason:.0}",
        "cannot be decoded as {encoding}: {reason}",
    ),
    "data.encoding.latin1": (
        "既不是 UTF-8 也不是 GB18030 编码：已按 Latin-1 读取，其中的中文会是乱码；"
        "请核对数值，或使用 --encoding 指定编码",
        "neither UTF-8 nor GB18030: read as Latin-1, so any Chinese text in it is garbled; "
        "check the values or pass --encoding",
    ),
    "data.encoding.mojibake": (
        "不是 UTF-8 编码；已按 GB18030 读取，但文字看起来是乱码"
        "（可能是 Latin-1 等其他编码的文件）；"
        "请核对数值，或使用 --encoding 指定编码",
        "not UTF-8; read as GB18030 but the text looks garbled (a Latin-1 or other file?); "
        "check the values or pass --encoding",
    ),
    "data.encoding.gbk": (
        "不是 UTF-8 编码：已按 GB18030（GBK）读取，中文版 Excel 通常这样保存",
        "not UTF-8: read as GB18030 (GBK), as Excel on Chinese Windows saves it",
    ),
    "data.csv.field_limit": (
        "单元格超过 {limit} 个字符的上限",
        "field larger than field limit ({limit})",
    ),
    "data.csv.other": ("CSV 格式错误{reason:.0}", "{reason}"),
    "data.decode_error": ("文字无法按文件的编码解码{reason:.0}", "{reason}"),
    # Workbooks (data.spreadsheet, data.xlsxguard).
    "data.book.excel": ("Excel 工作簿", "an Excel workbook"),
    "data.book.ods": ("OpenDocument 电子表格", "an OpenDocument spreadsheet"),
    "data.book.cannot_open": (
        "无法打开：不是有效的 {what}（文件已损坏，或并非此格式；可在 Excel 或 WPS 中打开后"
        "重新保存）{detail:.0}",
        "cannot open as {what}: {detail}",
    ),
    "data.book.cannot_read": (
        "无法读取此工作簿：文件已损坏（可在 Excel 或 WPS 中打开后重新保存）{detail:.0}",
        "cannot read the workbook: {detail}",
    ),
    "data.book.no_workbook_part": (
        "无法作为 Excel 工作簿打开：是 zip 文件，但缺少工作簿部件 {part}",
        "cannot open as an Excel workbook: a zip file without the workbook part {part}",
    ),
    "data.book.long_tag": (
        "无法作为 Excel 工作簿打开：部件 {part} 中有超过 {limit:,} 字节的标签",
        "cannot open as an Excel workbook: a tag of over {limit:,} bytes in part {part}",
    ),
    "data.book.binary_too_large": (
        ".{kind} 工作簿大小为 {size:,} 字节；.{kind} 工作簿需整体读取，最多读取 {limit:,} 字节"
        "（{advice}）",
        "the .{kind} workbook is {size:,} bytes; an .{kind} workbook is read whole, and at "
        "most {limit:,} bytes are read ({advice})",
    ),
    "data.book.rows_in_sheet": (
        "工作簿各工作表合计超过 {limit:,} 行（每个工作表计至最后一行；在工作表“{sheet}”处超出）；"
        "一个工作簿最多 {limit:,} 行（{advice}）",
        "the workbook's sheets have more than {limit:,} rows (counted to the last row of each "
        "sheet; passed in sheet {sheet!r}); a workbook may have at most {limit:,} ({advice})",
    ),
    "data.book.cells_in_sheet": (
        "工作表“{sheet}”延伸到第 {rows:,} 行、第 {columns:,} 列；一个工作表最多 {limit:,} 个单元格"
        "（{advice}）",
        "sheet {sheet!r} reaches row {rows:,} and column {columns:,}; a sheet may span at "
        "most {limit:,} cells ({advice})",
    ),
    "data.book.rows_in_part": (
        "工作簿各工作表合计超过 {limit:,} 行（每个工作表计至最后一行；在部件 {part} 处超出）；"
        "一个工作簿最多 {limit:,} 行（{advice}）",
        "the workbook's sheets have more than {limit:,} rows (counted to the last row of each "
        "sheet; passed in part {part}); a workbook may have at most {limit:,} ({advice})",
    ),
    "data.book.cells_in_part": (
        "工作簿部件 {part} 中的工作表延伸到第 {rows:,} 行、第 {columns:,} 列（{cells:,} 个及以上"
        "单元格）；一个工作表最多 {limit:,} 个单元格（{advice}）",
        "the sheet in part {part} of the workbook reaches row {rows:,} and column "
        "{columns:,} ({cells:,} cells or more); a sheet may span at most {limit:,} cells "
        "({advice})",
    ),
    "data.book.directory": (
        "工作簿的 zip 目录大小为 {size:,} 字节；最多读取 {limit:,} 字节（一个工作簿只有几十个部件；"
        "{advice}）",
        "the workbook's zip directory is {size:,} bytes; at most {limit:,} bytes are read (a "
        "workbook lists a few dozen parts; {advice})",
    ),
    "data.book.directory_zip": (
        "工作簿的 zip 目录大小为 {size:,} 字节；最多读取 {limit:,} 字节（{advice}）",
        "the workbook's zip directory is {size:,} bytes; at most {limit:,} bytes are read "
        "({advice})",
    ),
    "data.book.expands": (
        "工作簿解压后为 {size:,} 字节；解压后超过 {limit:,} 字节的工作簿不予读取（{advice}）",
        "the workbook expands to {size:,} bytes when unzipped; workbooks over {limit:,} bytes "
        "unzipped are refused ({advice})",
    ),
    "data.book.part": (
        "工作簿部件 {part} 解压后为 {size:,} 字节；需整体读取的部件（样式、关系、工作簿本身）"
        "最多 {limit:,} 字节（{advice}）",
        "part {part} of the workbook expands to {size:,} bytes; parts read whole (styles, "
        "relationships, the workbook itself) may be at most {limit:,} bytes ({advice})",
    ),
    "data.book.shared_strings": (
        "工作簿的共享字符串表（{part}）解压后为 {size:,} 字节；最多读取 {limit:,} 字节（{advice}）",
        "the workbook's shared-string table ({part}) expands to {size:,} bytes; at most "
        "{limit:,} bytes are read ({advice})",
    ),
    "data.book.empty": ("工作簿的所有工作表都没有数据", "workbook has no data in any sheet"),
    "data.book.sheet_skipped": ("已跳过此工作表：{reason}", "sheet skipped: {reason}"),
    # The table: its header and what surrounds it (data.rows, data.columns).
    "data.table.stopped": (
        "读取中断：{reason}；此行及其后各行均未使用",
        "reading stopped: {reason}; this row and later ones are not used",
    ),
    "data.table.empty": (
        "文件为空：没有表头，也没有数据",
        "the file is empty: no header and no data",
    ),
    "data.table.no_rows": ("有表头但没有数据行", "has a header but no data rows"),
    "data.context.no_region": ("没有地区列：{parts}", "no region column: {parts}"),
    "data.context.no_period": ("没有时期列：{parts}", "no period column: {parts}"),
    "data.context.no_both": ("没有地区列和时期列：{parts}", "no region or period column: {parts}"),
    "data.context.region": ("地区 {region} 取自{where}", "region {region} from {where}"),
    "data.context.period": ("时期 {period} 取自{where}", "period {period} from {where}"),
    "data.skipped": ("已跳过，不是数据：{parts}", "skipped, not data: {parts}"),
    "data.skipped.title": ("表头上方的标题（{lines}）", "title {lines} above the header"),
    "data.skipped.notes": (
        "数据下方的注释和签名（{lines}）",
        "notes and signatures on {lines} below the data",
    ),
    "data.skipped.totals": (
        "合计行（{lines}，不属于任何地区）",
        "total rows on {lines} (not any region's)",
    ),
    "data.header.duplicate_role": (
        "有两列都是{role}：“{first}”（第 {column} 列）和“{label}”；请删除其中一列",
        "two columns hold the {role}: {first!r} (column {column}) and {label!r}; remove one",
    ),
    "data.header.duplicate_indicator": (
        "有两列都是指标 {indicator}：第 {column} 列和“{label}”；请删除其中一列",
        "two columns hold indicator {indicator}: column {column} and {label!r}; remove one",
    ),
    "data.header.no_period": (
        "没有时期列，标题行和文件名也没有说明数据所属时期"
        "（请按 {example} 的样式命名文件，或增加时期列）",
        "no period column, and neither the title line nor the file name says which period the "
        "data is for (name it like {example}, or add a period column)",
    ),
    "data.header.no_region": (
        "没有地区列，标题行、文件名或工作表名也没有说明数据所属地区（请按 {example} 的样式"
        "命名文件，或增加地区列）",
        "no region column, and neither the title line nor the file or sheet name says which "
        "region the data is for (name it like {example}, or add a region column)",
    ),
    "data.header.unusable": (
        "没有可用的表头：{reason}；找到的是 {found}",
        "no usable header: {reason}; found {found}",
    ),
    "data.header.long_needs_value": (
        "长表需要数值列，或分子和分母列",
        "a long table needs a value column, or numerator and denominator columns",
    ),
    "data.header.expected": (
        "应有地区、时期、指标和数值（或分子和分母）列，或地区、时期及每个指标一列，或{form_name}和{form_current}",
        "expected region, period, indicator and value (or numerator and denominator), or "
        "region, period and one column per indicator, or {form_name} and {form_current}",
    ),
    "data.header.unknown_indicator": (
        "未知指标“{label}”：不是计划中任何指标的编号或名称；此列未读取",
        "unknown indicator {label!r}: not an id or name of an indicator in the plan; its "
        "column is not read",
    ),
    "data.header.ignored": (
        "已忽略列“{label}”（应为地区、时期、指标、数值、分子、分母或备注）",
        "column {label!r} is ignored (expected region, period, indicator, value, numerator, "
        "denominator or note)",
    ),
    "data.header.blank_label": (
        "第 {column} 列没有列名；该列中的任何数值都算错误",
        "column {column} has no label; any value in it is an error",
    ),
    # Cells and rows (data.cells, data.values, data.rates, data.rows, data.rowchecks, data.form).
    "data.cell.no_region": ("没有地区", "no region"),
    "data.cell.no_period": ("没有时期", "no period"),
    "data.cell.no_indicator": ("没有指标", "no indicator"),
    "data.cell.unknown_region": (
        "未知地区“{text}”：不是计划中地区的代码、名称、简称或曾用名",
        "unknown region {text!r}: not a code, name, short name or former name in the plan",
    ),
    "data.cell.unknown_indicator": (
        "未知指标“{text}”：不是计划中指标的编号或名称",
        "unknown indicator {text!r}: not an id or name in the plan",
    ),
    "data.cell.future_period": (
        "时期 {period} 截至 {end}，晚于评估日期 {as_of}",
        "period {period} ends on {end}, after the as-of date {as_of}",
    ),
    "data.cell.future_known_period": (
        "时期 {period}（取自{where}）截至 {end}，晚于评估日期 {as_of}",
        "period {period} (from {where}) ends on {end}, after the as-of date {as_of}",
    ),
    "data.number.not_number": ("{what}“{text}”不是数字", "{what} {text!r} is not a number"),
    "data.number.not_finite": (
        "{what}“{text}”不是有限的数字",
        "{what} {text!r} is not a finite number",
    ),
    "data.number.too_long": (
        "{what}不是数字（文字过长）",
        "{what} is not a number (text too long)",
    ),
    "data.number.count_percent": (
        "{what}“{text}”是人数等计数，不能是百分比",
        "{what} {text!r} is a count and cannot be a percentage",
    ),
    "data.number.grouping": (
        "{what}“{text}”不是数字（千位分隔逗号必须隔开三位数字；小数请用小数点）",
        "{what} {text!r} is not a number (commas must separate groups of three digits; "
        "write decimals with a point)",
    ),
    "data.number.fraction": (
        "{what} {value:g} 看起来是小数形式：是否应为 {percent:g}？"
        "（比率以百分数填写：写 {percent:g} 或 {percent:g}%）",
        "{what} {value:g} looks like a fraction: did you mean {percent:g}? (rates are "
        "percentages: type {percent:g} or {percent:g}%)",
    ),
    "data.row.wrong_region": (
        "此行是 {region} 的数据，但{where}所指地区为 {expected}；此行未使用（是否用错了文件？）",
        "this row is for {region}, but {where} says {expected}; row not used (is this the "
        "right file?)",
    ),
    "data.row.fraction_column": (
        "列“{label}”中的数字都是小数（大于 0，不超过 {max:g}），电子表格就是这样存储显示为百分比的"
        "单元格的：已乘以 100 读取（0.985 读作 98.5）",
        "the numbers in column {label!r} are all fractions (above 0, at most {max:g}), as a "
        "spreadsheet stores cells shown as percentages: read multiplied by 100 (0.985 as 98.5)",
    ),
    "data.row.counts_of_others": (
        "列“{numerator}”和“{denominator}”是 {indicators} 的分子分母，"
        "不是 {indicator} 的；此行未使用",
        "columns {numerator!r} and {denominator!r} are the counts of {indicators}, not of "
        "{indicator}; row not used",
    ),
    "data.row.no_value": (
        "没有数值，也没有分子和分母",
        "no value, and no numerator and denominator",
    ),
    "data.row.not_a_rate": (
        "{indicator} 的单位是{unit}，不是比率：没有分子和分母；此行未使用",
        "{indicator} is a {unit}, not a rate: it has no numerator and denominator; row not used",
    ),
    "data.row.value_mismatch": (
        "数值 {value:g} 与 分子/分母 × {scale:g} = {computed:.4g} 不符（容差 {tolerance:g}）",
        "value {value:g} does not match numerator/denominator × {scale:g} = {computed:.4g} "
        "(tolerance {tolerance:g})",
    ),
    "data.row.no_values": ("此行没有任何指标数值", "no indicator values in this row"),
    "data.row.blank": ("表格中间有空行（{where}）", "blank row ({where}) inside the table"),
    "data.row.short": (
        "此行有 {n} 个单元格，但表头有 {width} 列；此行未使用",
        "row has {n} cells but the header has {width}; row not used",
    ),
    "data.row.beyond": (
        "此行第 {column} 列有值，超出了表头的 {width} 列；此行未使用",
        "row has a value in column {column}, beyond the {width} columns of the header; row "
        "not used",
    ),
    "data.row.unlabelled": (
        "第 {column} 列没有列名，却有值“{text}”；此行未使用",
        "value {text!r} in column {column}, which has no label; row not used",
    ),
    "data.row.unknown_region": ("未知地区“{text}”", "unknown region {text!r}"),
    "data.row.regions_differ": (
        "“{text}”是地区 {other}，但列“{label}”为 {region}；此行未使用",
        "{text!r} is region {other}, but column {label!r} says {region}; row not used",
    ),
    "data.row.negative": (
        "数值 {value:.4g} 为负数（此指标的合理范围是 {low:g} 至 {high:g}）",
        "value {value:.4g} is negative ({low:g} to {high:g} for this indicator)",
    ),
    "data.row.out_of_range": (
        "数值 {value:.4g} 超出合理范围（此指标为 {low:g} 至 {high:g}）",
        "value {value:.4g} is outside the plausible range ({low:g} to {high:g} for this indicator)",
    ),
    "data.row.count_missing": (
        "缺少{what}：分子和分母要么都填，要么都不填",
        "{what} missing: give both numerator and denominator, or neither",
    ),
    "data.row.negative_counts": (
        "分子分母不能为负数（分子 {numerator:g}，分母 {denominator:g}）",
        "counts cannot be negative (numerator {numerator:g}, denominator {denominator:g})",
    ),
    "data.row.zero_denominator": ("分母为零", "denominator is zero"),
    "data.form.no_name": ("没有指标名称", "no indicator name"),
    "data.form.unknown": (
        "“{name}”不是计划中的指标，也不是某个指标的分子或分母；此行未读取",
        "{name!r} is not an indicator of the plan, nor an indicator's numerator or "
        "denominator; row not read",
    ),
    "data.form.previous": (
        "列“{label}”（上年同期 {before} 的数据）未读取：该时期的数据以其自己的文件为准",
        "column {label!r} (the same period a year earlier, {before}) is not read: that "
        "period's figures come from its own files",
    ),
    # Totals, duplicates and conflicts, quality (data.totals, data.merge, data.quality).
    "data.total.mismatch": (
        "合计行“{label}”（{indicator} {period}）{finding}；无论如何都不使用合计（请核对各行）",
        "total row {label!r} ({indicator} {period}) {finding}; the total is not used either "
        "way (check the rows)",
    ),
    "data.total.sum": (
        "为 {value:g}，但上方 {n} 行相加为 {expected:g}",
        "gives {value:g}, but the {n} rows above add up to {expected:g}",
    ),
    "data.total.numerator": (
        "分子为 {value:g}，但上方各行相加为 {expected:g}",
        "numerator {value:g}, but the rows above add up to {expected:g}",
    ),
    "data.total.denominator": (
        "分母为 {value:g}，但上方各行相加为 {expected:g}",
        "denominator {value:g}, but the rows above add up to {expected:g}",
    ),
    "data.total.rate": (
        "为 {value:g}，但上方各行得出 {expected:.4g}（分子之和除以分母之和，{numerators:g}/"
        "{denominators:g}）",
        "gives {value:g}, but the rows above give {expected:.4g} (their numerators over their "
        "denominators, {numerators:g}/{denominators:g})",
    ),
    "data.merge.duplicate": (
        "重复的行：{what} 在 {where} 也有；只使用其中一份",
        "duplicate row: {what} is also given at {where}; one copy is used",
    ),
    "data.merge.conflict": (
        "{what} 的数值相互矛盾：此处为 {value:g}，{others}；均不使用",
        "conflicting values for {what}: {value:g} here, {others}; none is used",
    ),
    "data.merge.at": ("{where} 处为 {value:g}", "{value:g} at {where}"),
    "data.quality.not_reported": (
        "{region} 未报送 {period}（数据中最新一期）：{indicators}",
        "{region} did not report {period} (the latest period in the data): {indicators}",
    ),
    "data.quality.gap": (
        "{region} 缺少 {missing} 的数据（{before} 与 {after} 之间）：{indicators}",
        "{region} has no data for {missing} (between {before} and {after}): {indicators}",
    ),
    "data.quality.gap_periods": (
        "{first}-{last}（共 {count} 期）",
        "{first}-{last} ({count} periods)",
    ),
    "data.quality.jump": (
        "变化幅度不合常理：{region} {indicator} {period} = {value:.4g}，{before} = "
        "{before_value:.4g}：变化 {change:+.3g} 个百分点，超过 settings.max_quarterly_change"
        "（{limit:g}）；请核对该数据（是录入错误，还是需说明的区划调整）",
        "implausible jump: {region} {indicator} {period} = {value:.4g}, {before} = "
        "{before_value:.4g}: a change of {change:+.3g} points, more than "
        "settings.max_quarterly_change ({limit:g}); check the figure (a typing error, or a "
        "boundary change to explain)",
    ),
    "data.quality.outlier": (
        "可能的异常值：{region} {indicator} {period} = {value:.4g}，较 {before} 变化 {change:+.3g}"
        "（修正 z 分数 {score:.1f} > {threshold:g}）",
        "possible outlier: {region} {indicator} {period} = {value:.4g}, a change of "
        "{change:+.3g} from {before} (modified z-score {score:.1f} > {threshold:g})",
    ),
    "data.more_problems": (
        "……另有 {n} 条 {code} 问题未列出",
        "... and {n} more {code} problems not listed",
    ),
}


def text(key: str, lang: Lang, **values: object) -> str:
    """The text ``key`` in ``lang``, its ``{fields}`` filled in from ``values``.

    Raises :class:`KeyError` for a key not in :data:`TEXTS`: a typo is a bug, not a label.
    """
    zh, en = TEXTS[key]
    template = zh if lang == "zh" else en
    return template.format(**values)
