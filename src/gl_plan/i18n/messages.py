"""The texts of the command line's own messages, the progress ledger's, writing files and
the headers of the Markdown and CSV tables: part of :data:`gl_plan.i18n.TEXTS` (the one
table every lookup goes through), kept here so that no module grows past its size.

``key: (zh, en)`` as there. A field that only one language shows ends in ``_zh`` or ``_en``
(``{detail_en}``: Python's or the system's own English words, which the Chinese leaves out).
"""

from __future__ import annotations

from typing import Final


def _columns(view: str, names: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The column headers of one table, ``col.VIEW.KEY``: English is the key itself (the
    JSON key of the same field), Chinese a label."""
    return {f"col.{view}.{key}": (zh, key) for key, zh in names.items()}


MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # --- column headers of the Markdown and CSV files (English: the JSON keys) ----------
    **_columns(
        "check_md",
        {
            "region": "地区",
            "period": "时期",
            "value": "数值",
            "gap": "差距",
            "projected": "预测",
            "status": "状态",
            "rag": "预警",
        },
    ),
    **_columns(
        "check_csv",
        {
            "region": "地区代码",
            "region_name": "地区",
            "region_level": "层级",
            "indicator": "指标代码",
            "target_year": "目标年",
            "target": "目标值",
            "period": "时期",
            "value": "数值",
            "gap": "差距",
            "status": "状态",
            "rag": "预警",
            "baseline_period": "基期",
            "baseline_value": "基期值",
            "baseline_source": "基期来源",
            "growth_method": "增长计算方法",
            "observed_growth": "实际年均增长",
            "required_growth": "所需年均增长",
            "ratio": "增长比",
            "projected": "预测值",
            "projected_gap": "预测差距",
            "path_value": "路径值",
            "path_gap": "路径差距",
            "coverage_reporting": "报送地区数",
            "coverage_expected": "应报地区数",
            "coverage_missing": "未报送地区",
            "notes": "备注",
        },
    ),
    **_columns(
        "tasks_md",
        {
            "id": "编号",
            "rag": "预警",
            "status": "状态",
            "due": "时限",
            "days_left": "天数",
            "title": "任务",
            "progress": "进展",
            "responsible": "责任单位",
            "last_report": "最近报送",
        },
    ),
    **_columns(
        "tasks_csv",
        {
            "id": "编号",
            "action": "行动",
            "title": "任务",
            "title_zh": "任务（中文）",
            "title_en": "任务（英文）",
            "deadline": "完成时限",
            "due": "截止日期",
            "ongoing": "持续实施",
            "status": "状态",
            "rag": "预警",
            "completed_on": "完成日期",
            "last_report": "最近报送",
            "days_left": "剩余天数",
            "latest_status": "最近状态",
            "flags": "标记",
            "progress": "进展",
            "responsible": "责任单位",
        },
    ),
    **_columns(
        "data_md",
        {
            "region": "地区",
            "period": "时期",
            "indicator": "指标",
            "value": "数值",
            "numerator": "分子",
            "denominator": "分母",
            "source": "来源文件",
            "line": "行号",
        },
    ),
    # glplan data's table: short English headers for a narrow terminal
    "col.data_table.region": ("地区", "region"),
    "col.data_table.code": ("代码", "code"),
    "col.data_table.period": ("时期", "period"),
    "col.data_table.indicator": ("指标", "indicator"),
    "col.data_table.value": ("数值", "value"),
    "col.data_table.numerator": ("分子", "num."),
    "col.data_table.denominator": ("分母", "den."),
    "col.data_table.source": ("来源", "source"),
    # --- messages about problems: severity labels, long text cut -------------------------
    "problem.severity": ("（{label}）", " ({label})"),
    "problem.more_chars": ("……（另有 {n:,} 个字符）", "… ({n:,} more characters)"),
    "close_paren": ("）", ")"),
    # --- the plan's regions: why they are not one tree (gl_plan.region_tree) -------------
    "plan.region_duplicate": (
        "地区代码“{code}”重复（首次出现在 regions[{first}]）",
        "duplicate code {code!r} (first at regions[{first}])",
    ),
    "plan.region_unknown_parent": (
        "上级地区“{parent}”不是计划中的地区",
        "unknown parent region {parent!r}",
    ),
    "plan.region_roots": (
        "须恰有一个地区没有上级（parent），现有 {n} 个",
        "exactly one region must have no parent, found {n}",
    ),
    "plan.region_own_parent": ("地区不能是自己的上级", "a region cannot be its own parent"),
    "plan.region_cycle": (
        "上级“{parent}”使 {n} 个地区构成循环：{cycle}（每个地区后面是它的上级）；"
        "地区不能在自身之下",
        "parent {parent!r} closes a cycle of {n} regions: {cycle} (each region is "
        "followed by its parent); no region can be below itself",
    ),
    "plan.region_cycle_sep": (" → ", " → "),
    "plan.region_cycle_more": ("……另 {n} 个……", "… {n} more …"),
    # --- time-limit phrases (gl_plan.plan.deadlines) -------------------------------------
    "plan.deadline.needs_issued": (
        "完成时限 {phrase} 从计划印发之日起算，须有计划的印发日期（plan.issued）",
        "time-limit phrase {phrase} counts from the plan's issue date (plan.issued), "
        "which is not given",
    ),
    "plan.deadline.out_of_range": (
        "完成时限 {phrase} 算出的日期超出可表示的范围",
        "time-limit phrase {phrase} gives a date out of range",
    ),
    "plan.deadline.empty_span": (
        "完成时限 {phrase} 的期限为零",
        "time-limit phrase {phrase} spans no time",
    ),
    # --- a goal's targets (gl_plan.plan.targets) ------------------------------------------
    "plan.target.wording": (
        "读不懂目标“{wording}”：可写数值（100.7）、{examples}，或写成 {{value, comparison}}",
        "cannot read the target {wording!r}: give a number (100.7), a wording such as "
        "{examples}, or {{value, comparison}}",
    ),
    "plan.target.range": (
        "范围目标须有 min 和 max，不写 value",
        "a range target needs min and max, and no value",
    ),
    "plan.target.range_order": (
        "min {low} 大于 max {high}",
        "min {low} is greater than max {high}",
    ),
    "plan.target.value": (
        "比较方式“{comparison}”须有 value（不写 min/max）",
        "comparison {comparison!r} needs a value (no min/max)",
    ),
    "plan.target.tolerance": (
        "tolerance 只用于“左右”（comparison 为 about）",
        "tolerance is for an 'about' target (comparison: about)",
    ),
    "plan.target.scope": (
        "applies_to 为 top、levels 和 regions 三者只能给一个",
        "give one of applies_to: top, levels and regions",
    ),
    "plan.level_unknown": (
        "地区层级 {level} 不存在（最深为 {top}，0 为最上级）",
        "there is no level {level} of regions (the deepest is {top}; 0 is the top)",
    ),
    "plan.task_order": (
        "任务“{task}”的编号须大于前一项任务的编号 {number}（可以跳号，不能倒序）",
        "task {task!r} must be numbered above the task before it ({number}): numbers may "
        "skip, not go back",
    ),
    # --- the command line's own messages (gl_plan.cli) -----------------------------------
    "cli.bad_lang": (
        "--lang 应为 zh 或 en，而不是“{value}”",
        "--lang must be zh or en, not {value!r}",
    ),
    "cli.bad_date": (
        "{option} 应为日期（如 2026-10-15），而不是“{value}”",
        "{option} must be a date like 2026-10-15, not {value!r}",
    ),
    "cli.template.exists": (
        "文件已存在，未覆盖（可另选 --output 文件夹，或加 --force 覆盖）",
        "already exists, not replaced (choose another --output folder, or add --force)",
    ),
    "cli.template.written": (
        "已在 {folder} 写入 {n} 个报表模板：",
        "{n} form(s) written to {folder}:",
    ),
    "cli.bad_as_of": (
        "--as-of 应为日期（如 2026-09-30），而不是“{value}”",
        "--as-of must be a date like 2026-09-30, not {value!r}",
    ),
    "cli.plan_as_data": (
        "{path} 像是计划文件而不是指标文件：请用 --plan 指定",
        "{path} looks like a plan, not an indicator file: pass it with --plan",
    ),
    "cli.stdout_closed": (
        "标准输出已关闭，无法写出任何内容（去掉 >&-，或用 --output 写入文件）",
        "standard output is closed: nothing can be written (drop >&-, or use --output)",
    ),
    "cli.stdout_failed": (
        "无法写入标准输出：{reason}",
        "cannot write to standard output: {reason}",
    ),
    "cli.bundled": (
        "使用自带示例（合成数据，不是官方统计）：本文件夹及其上级都没有 data/plan.yaml",
        "using the bundled sample (synthetic data, not official statistics): no "
        "data/plan.yaml in this folder or its parents",
    ),
    "cli.bundled_plan": (
        "按自带的计划核对所给文件（本文件夹及其上级都没有 data/plan.yaml；可用 --plan 指定，"
        "或用 glplan init 建立项目）；不读自带的示例数据和台账",
        "checking the files given against the bundled plan (no data/plan.yaml in this "
        "folder or its parents: pass --plan, or make a project with glplan init); the bundled "
        "sample data and ledger are not read",
    ),
    "cli.bundled_tasks": (
        "使用自带示例计划和台账（合成数据，不是官方记录）",
        "using the bundled sample plan and ledger (synthetic, not official records)",
    ),
    "cli.nothing_written": (
        "未写入任何内容：请修正上面的文件，或不使用它",
        "nothing was written: fix the file above, or leave it out",
    ),
    "cli.output_in_data_folder": (
        "--output {output} 位于指标文件夹 {folder} 内：下次运行会把它当作区县数据读取；"
        "未写入任何内容；请写到别处",
        "--output {output} is inside {folder}, a folder of indicator files: the next run "
        "would read it as county data; nothing was written; write it elsewhere",
    ),
    "cli.would_overwrite": (
        "--output {output} 会覆盖本命令的输入文件 {item}：未写入任何内容；请换一个文件名",
        "--output {output} would overwrite {item}, an input of this command: nothing was "
        "written; choose another file name",
    ),
    "cli.binary_to_terminal": (
        "{fmt} 文件不能显示在终端上：请用 --output 文件名，或重定向到文件（> report.{fmt}）",
        "a {fmt} file cannot be shown in a terminal: give --output FILE, or redirect to a "
        "file (> report.{fmt})",
    ),
    "cli.bad_format": (
        "--format 应为 {allowed} 之一，而不是“{fmt}”",
        "--format must be one of {allowed}, not {fmt!r}",
    ),
    "cli.unknown_suffix": (
        "无法从“{name}”判断格式：请用以 {names} 结尾的文件名，或加 --format",
        "cannot tell the format from {name!r}: use a name ending in {names}, or pass --format",
    ),
    "cli.wrong_suffix": (
        "“{name}”：本命令只写 {allowed}，不写 {implied}",
        "{name!r}: this command writes {allowed}, not {implied}",
    ),
    "cli.format_mismatch": (
        "--format {fmt} 与 --output“{name}”（{implied}）不符",
        "--format {fmt} does not match --output {name!r} ({implied})",
    ),
    "cli.bad_choice": (
        "{option} 应为 {allowed} 之一，而不是“{value}”",
        "{option} must be one of {allowed}, not {value!r}",
    ),
    "cli.later": (
        "{n} 条观测值的时期晚于评估日期 {as_of}，未纳入评估",
        "{n} observations for periods after {as_of} are left out of the assessment",
    ),
    "cli.no_ledger": (
        "{where} 没有进度台账：所有任务均视为未报送（可用 --progress 指定台账文件）",
        "no progress ledger at {where}: every task counts as not reported (pass --progress FILE)",
    ),
    "cli.no_project_ledger": (
        "没有项目台账：请用 --progress 指定台账文件，或在项目文件夹（含 data/plan.yaml 的文件夹，"
        "可用 glplan init 建立）中运行",
        "no project ledger: pass --progress FILE, or run in a project folder (one with "
        "data/plan.yaml; `glplan init` makes one)",
    ),
    "cli.no_indicator_files": (
        "没有给出指标文件，也没有找到：请用 --data 指定，或把各县区报表放进项目的 data/indicators",
        "no indicator files given and none found: pass --data PATH, or put the county "
        "files in the project's data/indicators",
    ),
    "cli.valid": (
        "{path}：有效（{actions} 项行动，{tasks} 项任务）",
        "{path}: ok ({actions} action{s_actions}, {tasks} task{s_tasks})",
    ),
    "cli.data_summary": (
        "数据：{files} 个文件共 {n} 条观测值；{errors} 个错误，{warnings} 个警告",
        "data: {n} observations from {files} files; {errors} errors, {warnings} warnings",
    ),
    "cli.no_observations": ("没有数据", "no observations"),
    # --- check --fail-on: the last line when findings reach the level --------------------
    "failon.summary": (
        "已达到 --fail-on 设定的级别（{label_zh}）：{counts}",
        "findings reach --fail-on {level_en}: {counts}",
    ),
    "failon.level.never": ("从不", "never"),
    "failon.level.error": ("数据错误", "error"),
    "failon.level.warning": ("数据错误或警告", "warning"),
    "failon.level.off_track": ("进度滞后、倒退或未实现", "off_track"),
    "failon.level.needs_acceleration": ("需加快", "needs_acceleration"),
    "failon.level.overdue": ("任务逾期", "overdue"),
    "failon.error": ("{n} 个数据错误", "{n} data errors"),
    "failon.warning": ("{n} 个数据警告", "{n} data warnings"),
    "failon.red": (
        "{n} 项指标进度滞后、倒退或未实现",
        "{n} indicators off track, deteriorating or missed",
    ),
    "failon.needs_acceleration": ("{n} 项指标需加快", "{n} indicators needing acceleration"),
    "failon.overdue": ("{n} 项任务已逾期", "{n} overdue tasks"),
    # --- glplan init, and finding a project (gl_plan.project, gl_plan.resources) ----------
    "init.plan": (
        "计划：自带计划（桂林市 2022 年行动计划）的副本",
        "the plan: a copy of the bundled plan (Guilin's 2022 action plan)",
    ),
    "init.plan_empty": ("计划：待填写的模板", "the plan: a template to fill in"),
    "init.indicators": (
        "县区报表放在这里；其中 README.md 说明可读的表格式样",
        "the county files go here; its README.md lists the layouts read",
    ),
    "init.progress": ("任务进展台账（只有表头）", "the task progress ledger (header only)"),
    "init.gitignore": (
        "不提交台账的锁文件和临时文件",
        "keeps the ledger's lock file and temporary files out of git",
    ),
    "init.created": ("已在 {root} 建立 glplan 项目：", "Created a glplan project in {root}:"),
    "init.kept": ("已存在，保留", "already there, kept"),
    "init.next": ("下一步：", "Next:"),
    "init.cd": ("cd {root}", "cd {root}"),
    "init.edit": (
        "在 data/plan.yaml 填写本地的地区、指标、目标和任务",
        "fill in data/plan.yaml: your regions, indicators, targets and tasks",
    ),
    "init.files": (
        "把各县区报送的报表原样放进 data/indicators/（CSV 或 Excel）",
        "put the county files in data/indicators/ as they arrive (CSV or Excel)",
    ),
    "init.validate": (
        "glplan validate --data data/indicators   检查计划和报表",
        "glplan validate --data data/indicators   checks the plan and the files",
    ),
    "init.check": (
        "glplan check                             生成报告（--output report.html 生成网页）",
        "glplan check                             the report (--output report.html: a page)",
    ),
    "init.bad_template": (
        "--template 应为 {allowed} 之一，而不是“{value}”",
        "--template must be one of {allowed}, not {value!r}",
    ),
    "project.no_plan": (
        "找不到计划：请在项目文件夹（含 data/plan.yaml 的文件夹，可用 glplan init 建立）中运行，"
        "或用 --plan 指定计划文件",
        "no plan found: run in a project folder (one with data/plan.yaml, made by "
        "`glplan init`) or pass --plan FILE",
    ),
    "project.no_bundled_plan": (
        "本次安装缺少自带的计划：请用 --template empty",
        "the bundled plan is missing from this installation: use --template empty",
    ),
    "project.plan_exists": (
        "{plan} 已存在：未做任何改动（init 从不替换计划；请直接编辑它，或换一个文件夹）",
        "{plan} already exists: nothing was changed (init never replaces a plan; edit it, "
        "or choose another folder)",
    ),
    "project.not_a_folder": ("{root} 不是文件夹", "{root} is not a folder"),
    "project.cannot_create": ("无法创建 {path}：{reason}", "cannot create {path}: {reason}"),
    "project.cannot_read": ("无法读取 {path}", "cannot read {path}: {detail_en}"),
    # --- writing files (gl_plan.atomic) and the operating system's reasons ---------------
    "write.busy": (
        "另一个 glplan 进程写入此文件已超过 {seconds} 秒；请稍后重试（未写入任何内容）",
        "another glplan process has been writing here for over {seconds} seconds; try again "
        "(nothing was written)",
    ),
    "write.cannot_write": ("无法写入：{reason}", "cannot write: {reason}"),
    "write.is_folder": ("是文件夹，不是文件", "is a folder, not a file"),
    "write.read_only": (
        "文件只读（权限 {mode}），未写入任何内容；请改为可写（chmod u+w）或写到别处",
        "is read-only (mode {mode}); nothing was written. Make it writable (chmod u+w) or "
        "write somewhere else",
    ),
    "os.EACCES": ("权限不足", "Permission denied"),
    "os.EPERM": ("不允许的操作", "Operation not permitted"),
    "os.ENOENT": ("文件或文件夹不存在", "No such file or directory"),
    "os.ENOSPC": ("磁盘空间不足", "No space left on device"),
    "os.EROFS": ("只读文件系统", "Read-only file system"),
    "os.EISDIR": ("是文件夹", "Is a directory"),
    "os.ENOTDIR": ("路径中有一部分不是文件夹", "Not a directory"),
    "os.EDQUOT": ("超出磁盘配额", "Disk quota exceeded"),
    "os.EIO": ("输入输出错误", "Input/output error"),
    "os.other": ("系统错误（{errno_zh}）", "{reason_en}"),
    # --- the progress ledger (gl_plan.ledger) --------------------------------------------
    "ledger.col.date": ("日期", "date"),
    "ledger.col.task": ("任务", "task"),
    "ledger.col.status": ("状态", "status"),
    "ledger.col.value": ("数值", "value"),
    "ledger.col.note": ("备注", "note"),
    "ledger.col.region": ("地区", "region"),
    "ledger.col.reporter": ("填报人", "reporter"),
    "ledger.col.metric": ("指标", "metric"),
    "ledger.none": ("无", "none"),
    "ledger.bad_status": (
        "未知状态“{text}”：应为 未开始、进行中 或 已完成",
        # The Chinese spellings are accepted too: the English message names them as well.
        "unknown status {text!r}: use not_started, in_progress or completed ({spellings_en})",
    ),
    "ledger.impossible_date": ("日期“{text}”不存在", "impossible date {text!r}: {detail_en}"),
    "ledger.not_a_date": (
        "“{text}”不是日期（请写成 2022-08-31）",
        "not a date: {text!r} (write it as 2022-08-31)",
    ),
    "ledger.not_a_number": ("“{text}”不是数字", "not a number: {text!r}"),
    "ledger.not_finite": ("“{text}”不是有限的数字", "not a finite number: {text!r}"),
    "ledger.negative": ("不能为负数：“{text}”", "must not be negative: {text!r}"),
    "ledger.too_large": (
        "{value} 过大：台账数值最大为 {max}（学校、基地等的个数，或百分比）",
        "{value} is too large: a ledger value is at most {max} (a count of schools, bases, "
        "... or a percentage)",
    ),
    "ledger.unknown_task_close": (
        "未知任务“{text}”；是否应为 {ids}？",
        "unknown task {text!r}; did you mean {ids}?",
    ),
    "ledger.unknown_task_range": (
        "未知任务“{text}”（任务编号为 {first}..{last}）",
        "unknown task {text!r} (tasks are {first}..{last})",
    ),
    "ledger.blank_label": ("列名为空", "blank column label"),
    "ledger.unknown_column": (
        "未知列“{name}”，已忽略（可用的列：日期、任务、状态、数值、备注、地区、填报人、指标）",
        "unknown column {name!r} is ignored (columns: {columns_en})",
    ),
    "ledger.duplicate_column": ("列“{name}”重复", "duplicate column {name!r}"),
    "ledger.data_first": (
        "第一行是数据而不是表头；请加上表头行 日期,任务,状态,数值,备注,地区,填报人,指标",
        "the first line is data, not a header; add the header line {header_en}",
    ),
    "ledger.missing_columns": ("缺少必需的列：{names}", "missing required column(s) {names}"),
    "ledger.more": (
        "……另有 {n:,} 个同类问题未列出",
        "... and {n:,} more {code_en} problems not listed",
    ),
    "ledger.unreadable_csv": ("CSV 格式错误，无法读取", "unreadable CSV: {detail_en}"),
    "ledger.unreadable_after": (
        "此行之后的 CSV 格式错误，无法读取",
        "unreadable CSV after this line: {detail_en}",
    ),
    "ledger.empty": (
        "空台账：没有表头行（日期,任务,状态,数值,备注,地区,填报人,指标）",
        "empty ledger: no header line ({header_en})",
    ),
    "ledger.duplicate_row": ("与第 {line} 行重复", "duplicate of the row on line {line}"),
    "ledger.too_many_rows": (
        "超过 {limit:,} 行；进度台账最多 {limit:,} 行（请另建台账文件，或检查是否选错了文件）",
        "more than {limit:,} rows; a progress ledger holds at most {limit:,} (start a new "
        "ledger file, or check that this is the right file)",
    ),
    "ledger.extra_cells": (
        "本行有 {cells} 个单元格，但表头只有 {header} 列（含逗号的备注须加英文双引号）",
        "{cells} cells but the header has {header} (a note with a comma must be in double quotes)",
    ),
    "ledger.missing_date": ("缺少日期", "missing date"),
    "ledger.missing_task": ("缺少任务编号", "missing task id"),
    "ledger.missing_status": ("缺少状态", "missing status"),
    "ledger.before_issued_typo": (
        "{date} 早于计划印发日期（{issued}），是否有误？",
        "{date} is before the plan was issued ({issued}); a typo?",
    ),
    "ledger.before_issued": (
        "{date} 早于计划印发日期（{issued}）",
        "{date} is before the plan was issued ({issued})",
    ),
    "ledger.future": ("{date} 晚于今天（{today}）", "{date} is in the future (today is {today})"),
    "ledger.unknown_region": ("未知地区“{name}”", "unknown region {name!r}"),
    "ledger.no_metric": (
        "任务 {task} 没有数量指标“{metric}”（已有：{known}）",
        "task {task} has no quantity {metric!r} (it has: {known})",
    ),
    "ledger.no_quantity_ignored": (
        "任务 {task} 没有数量目标，数值已忽略",
        "task {task} commits to no quantity; the value is ignored",
    ),
    "ledger.no_quantity": (
        "任务 {task} 没有数量目标，数值无从衡量",
        "task {task} commits to no quantity, so a value has nothing to measure",
    ),
    "ledger.region_not_named": (
        "地区“{name}”不在任务 {task} 列出的地区中",
        "region {name!r} is not one of the regions task {task} names",
    ),
    "ledger.region_not_named_list": (
        "地区“{name}”不在任务 {task} 列出的地区中（{names_zh}）",
        "region {name!r} is not one of the regions task {task} names ({names_en})",
    ),
    "ledger.too_long": ("超过 {limit:,} 个字符", "longer than {limit:,} characters"),
    "ledger.nul": ("含有空字符", "contains a NUL character"),
    "ledger.beyond_target": (
        "{value} 超过任务 {task} 目标（{target}{unit_zh}）的 {factor} 倍，是否有误？"
        "如确认无误，请加 --force 重新添加",
        "{value} is more than {factor} times the target of task {task} ({target} {unit_en}): "
        "a typo? If it is right, add it again with --force",
    ),
    "ledger.cannot_parse": (
        "台账无法读取；请先修正再添加记录（未写入任何内容）",
        "the ledger cannot be read: {reason_en}; fix it before adding entries (nothing was "
        "written)",
    ),
    "ledger.no_header": ("没有表头行", "no header line"),
    "ledger.no_column": (
        "台账没有{names}列；请先在表头行加上（未写入任何内容）",
        "the ledger has no {names} column; add it to the header line first (nothing was written)",
    ),
    "ledger.cannot_encode": (
        "台账为 {encoding} 编码，无法写入“{char}”；请删去该字符，或把台账转为 UTF-8"
        "（未写入任何内容）",
        "the ledger is {encoding} and cannot hold {char!r}; remove it or convert the ledger "
        "to UTF-8 (nothing was written)",
    ),
    "ledger.full": (
        "台账已有 {limit:,} 行，已达上限；请另建台账文件（未写入任何内容）",
        "the ledger already holds {limit:,} rows, the most a ledger may hold; start a new "
        "ledger file (nothing was written)",
    ),
    "ledger.incomplete": (
        "台账最后一行不完整（双引号未闭合？）；请先修正再添加记录（未写入任何内容）",
        "the ledger's last line is incomplete (an unclosed double quote?); fix it before "
        "adding entries (nothing was written)",
    ),
    # --- glplan progress list -------------------------------------------------------------
    **_columns(
        "ledger",
        {
            "date": "日期",
            "task": "任务编号",
            "title": "任务",
            "status": "状态",
            "metric": "指标",
            "value": "数值",
            "region": "地区",
            "reporter": "填报人",
            "note": "备注",
            "line": "行号",
        },
    ),
    "ledger_list.title": ("进展台账", "Progress ledger"),
    "ledger_list.empty": (
        "台账中还没有记录。添加一条：glplan progress add A3.6 --status 进行中 --value 18；"
        "或导入各单位报回的填报表：glplan progress import 填报表.xlsx",
        "The ledger has no entries yet. Add one with "
        "`glplan progress add A3.6 --status in_progress --value 18`, or import the sheets "
        "units send back with `glplan progress import FILE.xlsx`.",
    ),
    "ledger_list.no_match": (
        "没有符合条件的记录（台账共 {total} 条）。",
        "No entries match (the ledger has {total}).",
    ),
    "cli.bad_since": (
        "“{value}”不是日期（请写成 2025-01-01）",
        "not a date: {value!r} (write it as 2025-01-01)",
    ),
    # --- glplan progress import (gl_plan.ledger.sheet) -------------------------------------
    "import.kind": ("进展填报表", "a progress return"),
    "import.no_header": (
        "前 {rows} 行中没有表头：需要 {names_zh} 这几列（如 任务编号、填报日期、进度）",
        "no header in the first {rows} rows: the columns date, task and status are needed "
        "(e.g. Date, Task ID, Status, or their Chinese names)",
    ),
    "import.unknown_column": ("未知列“{name}”，未导入", "unknown column {name!r} is not imported"),
    "import.repeated_row": (
        "与本表第 {line} 行相同，只导入一次",
        "the same as row {line} of this sheet; imported once",
    ),
    "import.no_rows": ("表中没有任何记录", "the sheet has no entries"),
    "import.nothing_written": (
        "未写入任何内容：{ledger} 保持不变；请修正上面列出的行后重新导入",
        "nothing was written: {ledger} is unchanged; fix the rows listed above and import again",
    ),
    "import.already_in_ledger": (
        "台账第 {line} 行已有相同记录，已跳过",
        "already in the ledger (line {line}); skipped",
    ),
    "import.summary": (
        "已向 {ledger} 添加 {n} 条记录，涉及 {m} 项任务",
        "{n} entries added for {m} tasks to {ledger}",
    ),
    "import.dry_run": (
        "试运行：将向 {ledger} 添加 {n} 条记录，涉及 {m} 项任务；未写入任何内容",
        "dry run: {n} entries would be added for {m} tasks to {ledger}; nothing was written",
    ),
    "import.skipped": (
        "；{k} 条台账中已有，已跳过",
        "; {k} already in the ledger, skipped",
    ),
}
