"""The texts of the reports: statuses, levels, check, the headline, tasks, plan, data and the
HTML page. ``key: (zh, en)``; part of :data:`gl_plan.i18n.TEXTS`."""

from __future__ import annotations

from typing import Final

REPORT: Final[dict[str, tuple[str, str]]] = {
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
    # --- the yes/no cells of a CSV (English: as the JSON writes them) ------------------
    "csv.true": ("是", "true"),
    "csv.false": ("否", "false"),
    "sep.list": ("、", ", "),
    "sep.counts": ("，", ", "),
    "sep.names": ("、", ", "),
    # between units responsible for a task: their own names hold 、 (各县(市、区)政府)
    "sep.units": ("；", "; "),
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
    "headline.ahead_no_data": (
        "{year}年目标：{total} 项指标数据：{red} 项进度滞后或倒退，{no_data} 项无数据",
        "{year} targets, {total} figures: {red} off track or falling, {no_data} with no data",
    ),
    "headline.over_no_data": (
        "{year}年目标（该年已结束）：{total} 项指标数据：{red} 项未实现，{no_data} 项无数据",
        "{year} targets (the year is over), {total} figures: {red} missed, {no_data} with no data",
    ),
    "headline.no_data_yet": (
        "尚无指标数据（{n} 项均无数据）：把各{leaves}报送的文件（CSV 或 Excel）放进 "
        "data/indicators/，或用 --data 指定，再运行 glplan check",
        "No figures yet (all {n} without data): put the {leaves}' files (CSV or Excel) in "
        "data/indicators/, or name them with --data, and run glplan check again",
    ),
    "headline.where": ("，涉及 {places}", ", in {places}"),
    "headline.where_whole": ("，涉及{whole}", ", in {whole}"),
    "headline.level_count": ("{total} 个{word}中的 {n} 个", "{n} of {total} {word}"),
    "headline.binding": (
        "（约束性指标 {total} 项数据中 {red} 项）",
        " (binding targets: {red} of {total})",
    ),
    "headline.aspirational": (
        "；力争目标 {total} 项数据中 {red} 项落后（不计入上述）",
        "; aspirational targets: {red} of {total} figures behind, not counted above",
    ),
    "headline.aspirational_only": (
        "{year}年力争目标：{total} 项数据中 {red} 项落后",
        "{year} aspirational targets: {red} of {total} figures behind",
    ),
    "target.binding": ("约束性", "binding"),
    "target.expected": ("预期性", "expected"),
    "target.aspirational": ("力争", "aspirational"),
    "target.marks": ("（{marks}）", " ({marks})"),
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
    "headline.all_green": (
        "没有红、黄状态的地区。",
        "No region has a red or amber status.",
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
    "tasks.responsible": ("责任单位", "Responsible"),
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
    "plan.count": (
        "{actions} 项行动，{tasks} 项任务",
        "{actions} action{s_actions}, {tasks} task{s_tasks}",
    ),
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
    "html.chart_more": (
        "图中只画出差距最大的 {shown} 个地区，另有 {n} 个地区见差距表。",
        "The chart draws the {shown} regions furthest behind; {n} more regions are in the "
        "gap table.",
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
    "html.tasks_head": ("任务", "Tasks"),
    "html.most_overdue": (
        "逾期最久的 {n} 项任务（共 {total} 项已逾期）",
        "The {n} longest overdue of {total} overdue tasks",
    ),
    "html.all_overdue": ("已逾期的任务（逾期最久的在前）", "Overdue tasks, longest overdue first"),
    "html.tasks_more": (
        "全部已逾期和即将到期的任务见“{section}”。",
        "Every overdue and due-soon task is under “{section}”.",
    ),
    "html.as_of": ("截至 {as_of}", "As of {as_of}"),
    "html.page_of": ("第 {page} 页，共 {pages} 页", "Page {page} of {pages}"),
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
    # --- check --output report.xlsx (gl_plan.report.workbook) ---------------------------
    "xlsx.header": ("{title}　截至 {as_of}", "{title} · as of {as_of}"),
    "xlsx.footer": ("第 &P 页，共 &N 页", "Page &P of &N"),
    "xlsx.sheet.summary": ("要点", "Summary"),
    "xlsx.sheet.year": ("{year}年目标", "{year} targets"),
    "xlsx.sheet.tasks": ("任务督办", "Task supervision"),
    "xlsx.sheet.issues": ("数据问题", "Data issues"),
    "xlsx.sheet.data": ("数据", "Data"),
    "xlsx.as_of": ("截至 {as_of}", "As of {as_of}"),
    "xlsx.counts": ("指标数据状态", "Status of the figures"),
    "xlsx.year": ("{year}年目标", "{year} targets"),
    "xlsx.total": ("合计", "Total"),
    "xlsx.task_counts": ("任务状态", "Task status"),
    "xlsx.number": ("数量", "Number"),
    "xlsx.issue_counts": ("数据问题", "Data issues"),
    "xlsx.value": ("数值", "Value"),
    "xlsx.gap": ("差距", "Gap"),
    "xlsx.status": ("状态", "Status"),
    "xlsx.marks": ("注", "Notes"),
    "xlsx.task.id": ("编号", "ID"),
    "xlsx.task.title": ("任务", "Task"),
    "xlsx.task.deadline": ("完成时限", "Time limit"),
    "xlsx.task.due": ("截止日期", "Due"),
    "xlsx.task.rag": ("预警", "RAG"),
    "xlsx.task.status": ("状态", "Status"),
    "xlsx.task.days_overdue": ("逾期天数", "Days overdue"),
    "xlsx.task.progress": ("进展", "Progress"),
    "xlsx.task.responsible": ("责任单位", "Responsible units"),
    "xlsx.task.last_entry": ("最近报送", "Last entry"),
    "xlsx.note_sep": ("：", ": "),
    "xlsx.no_tasks": ("没有红色或黄色任务。", "No red or amber tasks."),
    "xlsx.issue.file": ("文件", "File"),
    "xlsx.issue.line": ("行", "Line"),
    "xlsx.issue.field": ("字段", "Field"),
    "xlsx.issue.severity": ("级别", "Severity"),
    "xlsx.issue.message": ("问题", "Message"),
    "xlsx.no_issues": ("没有数据问题。", "No data issues."),
    # --- tasks --format ics (gl_plan.report.task_calendar) ------------------------------
    "ics.name": ("{title}：任务时限", "{title}: task deadlines"),
    "ics.deadline": ("完成时限：{phrase}", "Time limit: {phrase}"),
    "ics.status": ("状态：{status}（{rag}）", "Status: {status} ({rag})"),
    "ics.responsible": ("责任单位：{units}", "Responsible: {units}"),
    "ics.continues": ("到期后持续实施。", "The work continues after the due date."),
    "ics.alarm": ("{id} 还有 {days} 天到期", "{id} is due in {days} days"),
    "ics.undated": (
        "{n} 项任务没有日期（持续实施），未列入日历：{ids}",
        "{n} tasks have no date (ongoing) and are not in the calendar: {ids}",
    ),
    # --- tasks --by responsible (gl_plan.report.supervision) -----------------------------
    "by.title": (
        "督办清单：按责任单位（截至 {as_of}）",
        "Supervision list by responsible unit, as of {as_of}",
    ),
    "by.unassigned": ("未明确责任单位", "no unit named"),
    "by.block": (
        "{unit}：{n} 项任务，{red} 项红色，{amber} 项黄色",
        "{unit}: {n} tasks, {red} red, {amber} amber",
    ),
    "by.total": (
        "共 {n} 项任务，每项只计一次；{shared} 项有多个责任单位，在每个单位下都列出"
        "（{units} 个单位，共列出 {listed} 次）。",
        "{n} tasks, each counted once; {shared} name several units and are listed under "
        "each ({units} units, {listed} listings).",
    ),
    # --- who sent what (status.*): glplan status, and the block in check and the report
    "status.heading": (
        "{period} 报送情况：{expected} 个地区中 {sent} 个已报送",
        "Submissions for {period}: {sent} of {expected} regions",
    ),
    "status.no_period": ("尚未收到任何数据", "No figures received yet"),
    "status.not_sent": ("未报送：{regions}", "Sent nothing: {regions}"),
    "status.all_sent": ("所有地区均已报送", "Every region sent its figures"),
    "status.region": ("{region}：{files}", "{region}: {files}"),
    "status.file_time": ("{file}（{modified}）", "{file} ({modified})"),
    "status.missing": ("缺少 {indicators}", "missing {indicators}"),
    "status.without_counts": ("{indicators} 只有比率、没有人数", "{indicators} without counts"),
    "status.superseded": ("{file} 已被 {newer} 取代", "{file} superseded by {newer}"),
    "status.file_problems": (
        "{file}：{errors} 个错误，{warnings} 个警告",
        "{file}: {errors} error{s_errors}, {warnings} warning{s_warnings}",
    ),
    "status.refused": ("（整个文件未能读取）", " (not read at all)"),
    "status.details": ("查看详情：{command}", "details: {command}"),
    "status.files_heading": ("有问题的文件：", "Files with problems:"),
    # the command line's own messages, the ledger's, writing files, table headers
}
