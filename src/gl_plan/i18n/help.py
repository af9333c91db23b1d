"""The texts of ``--help``: each command's help, its options' and arguments', and the words
around them. ``key: (zh, en)``; part of :data:`gl_plan.i18n.TEXTS`.

``help.COMMAND`` is a command's help, ``help.COMMAND.PARAM`` one of its options or
arguments (by the parameter's name), ``help.option.PARAM`` an option several commands
share. ``{formats}`` and ``{suffixes}`` are filled in from the table of output formats
(:mod:`gl_plan.cli.formats`), ``{examples}`` with the command's example lines, which are
the same in both languages. :mod:`gl_plan.cli.help` puts them in when a command is built.
"""

from __future__ import annotations

from typing import Final

HELP: Final[dict[str, tuple[str, str]]] = {
    # --- the words around the help ------------------------------------------------------
    "help.or": ("{head} 或 {last}", "{head} or {last}"),
    "help.examples": ("示例：{examples}", "Examples: {examples}"),
    "help.example": ("示例：{examples}", "Example: {examples}"),
    "help.examples_sep": ("；", "; "),
    "help.usage": ("用法：", "Usage:"),
    "help.options_metavar": ("[选项]", "[OPTIONS]"),
    "help.subcommand_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "help.panel.options": ("选项", "Options"),
    "help.panel.arguments": ("参数", "Arguments"),
    "help.panel.commands": ("命令", "Commands"),
    "help.help_option": ("显示本帮助并退出。", "Show this message and exit."),
    "help.required": ("（必填）", " (required)"),
    # --- glplan ---------------------------------------------------------------------------
    "help.glplan": (
        "监测行动计划：各地区距各目标年的差距、进度是否正常，以及哪些限期任务已逾期。"
        "自带示例为桂林市推进教育高质量发展行动计划（2022 年）。\n\n"
        "退出码：0 正常；1 发现达到 --fail-on（validate：输入有误）；"
        "2 用法错误、没有可读的输入（某个县区文件读不了算作一项发现）或输出无法写入。",
        "Monitor an action plan: every region's gap to each target year and whether it is on "
        "track, and which dated tasks are overdue. Guilin's 2022 education action plan is "
        "bundled as the example.\n\n"
        "Exit codes: 0 ok; 1 findings reach --fail-on (validate: invalid input); "
        "2 usage error, nothing usable to read (one unreadable county file is a finding), "
        "or unwritable output.",
    ),
    "help.typer.install_completion": (
        "为当前 shell 安装命令补全。",
        "Install completion for the current shell.",
    ),
    "help.typer.show_completion": (
        "显示当前 shell 的命令补全脚本，以便复制或自行调整安装。",
        "Show completion for the current shell, to copy it or customize the installation.",
    ),
    # --- options several commands share -------------------------------------------------
    "help.option.lang": (
        "输出语言，zh 或 en。默认：$GLPLAN_LANG，否则按系统区域设置。",
        "Output language, zh or en. Default: $GLPLAN_LANG, else the locale.",
    ),
    "help.option.plan": (
        "计划文件。默认：本文件夹或最近一个含有 data/plan.yaml 的上级文件夹中的该文件，"
        "否则用自带计划。",
        "Plan file. Default: data/plan.yaml in this folder or the nearest parent that has "
        "one, else the bundled plan.",
    ),
    "help.option.progress": (
        "进展台账（CSV）。默认：计划旁的 progress.csv（项目的 data/progress.csv）；"
        "在项目外给出 --data 时不读台账。",
        "Progress ledger (CSV). Default: progress.csv beside the plan (the project's "
        "data/progress.csv); none when --data is given outside a project.",
    ),
    "help.option.as_of": (
        "按此日期评估（YYYY-MM-DD）。默认：今天。",
        "Judge as of this date (YYYY-MM-DD). Default: today.",
    ),
    "help.option.encoding": (
        "强制指定 CSV 文件的编码（utf-8、gb18030 等）。默认：自动识别。",
        "Force the encoding of CSV files (utf-8, gb18030, ...). Default: detect.",
    ),
    "help.option.data": (
        "指标文件或文件夹。一个 --data 后可跟多个（即 shell 展开的 `--data q3/*.csv`），"
        "也可重复 --data。默认：项目的 data/indicators，否则（在项目外且未给出）用自带示例。",
        "Indicator files or folders. Several may follow one --data (the shell's expansion "
        "of `--data q3/*.csv`) or --data may be repeated. Default: the project's "
        "data/indicators, else (outside a project, nothing given) the bundled sample.",
    ),
    "help.option.paths": (
        "更多指标文件或文件夹，同 --data。",
        "More indicator files or folders, as with --data.",
    ),
    "help.option.region": (
        "表中没有地区列、标题和文件名也看不出地区时，这些文件所属的地区（代码或名称）。",
        "Region (code or name) of the files whose table has no region column, when neither "
        "the title nor the file name says it.",
    ),
    "help.option.period": (
        "表中没有时期列、标题和文件名也看不出时期时，这些文件的时期"
        "（2026Q3、2026年第三季度、2025）。",
        "Period (2026Q3, 2025, or a quarter as Chinese forms write it) of the files whose "
        "table has no period column, when neither the title nor the file name says it.",
    ),
    "help.option.format": (
        "{formats}。默认：table，或按 --output 的后缀。",
        "{formats}. Default: table, or what --output's suffix says.",
    ),
    "help.option.output": (
        "写入此文件（原子写入）而不是标准输出；后缀 {suffixes} 决定格式。",
        "Write to this file (atomically) instead of stdout; {suffixes} picks the format.",
    ),
    # --- check ----------------------------------------------------------------------------
    "help.check": (
        "各县区和全市距 2025 年、2030 年目标的进度。\n\n"
        "先是概要：每个目标年有多少数字进度滞后、倒退或未实现、涉及多少地区，多少需加快，"
        "逾期和即将到期的任务，数据错误和警告（与 JSON 的 `summary` 计数相同）。\n\n"
        "对每个地区、指标和目标年：最新值、距目标的差距（百分点）和状态。尚未到来的目标年"
        "按加拿大统计局的方法评估（自基期以来实际年均增长与所需年均增长之比）：已达标、"
        "进度正常、需加快、进度滞后、倒退，或数据不足、无数据。已过去的目标年按其最后一个数字"
        "给出结论：已实现或未实现。全市由各县区的分子和分母汇总计算（分子和除以分母和），"
        "从不取比率的平均值，并注明缺了哪些县区。国家县域标准报告为达标或未达标。\n\n"
        "在终端中，表格只显示一屏内容：概要，按最近目标年处于红色或黄色状态的地区"
        "（最差的在前），红色和黄色任务，以及一行说明略去了什么；`--full` 显示全部。\n\n"
        "表格还为每个地区附上最近八个季度的迷你走势图。`--output report.html` 写出一个"
        "独立的网页（概要、每个指标一张图、差距表、逾期和即将到期的任务），可离线阅读或打印；"
        "其中的图需要 matplotlib（`pip install 'glplan[report]'`）。\n\n"
        "数据错误（使用 --fail-on warning 时还有警告）写到标准错误输出。\n\n"
        "县区文件无法读取算作数据错误：报告照常写出，该县区在该时期没有数据。\n\n"
        "退出码：0 报告已生成且没有达到 --fail-on 的发现；1 发现达到 --fail-on"
        "（默认：任何数据错误）；2 用法错误，或没有任何可用的输入。",
        "Where each county and the city stand against the 2025 and 2030 targets.\n\n"
        "First a headline: per target year how many figures are off track, falling or "
        "missed and in how many regions, how many need acceleration, the tasks overdue and "
        "due soon, the data errors and warnings (the same counts as the JSON `summary`).\n\n"
        "For every region, indicator and target year: the latest value, the gap to the "
        "target (percentage points) and a status. A target year still ahead is judged by "
        "the Statistics Canada method (observed vs required annual growth from the "
        "baseline): achieved, on track, needs acceleration, off track, deteriorating, or "
        "insufficient/no data. A year already over gets a verdict, met or missed, on its "
        "last figure. The city is computed from the counties' numerators and denominators "
        "(sum over sum), never as a mean of rates, and says when some counties are missing. "
        "National county standards are reported as pass / fail.\n\n"
        "In a terminal the table shows what fits one screen: the headline, the regions with "
        "a red or amber status for the nearest target year (worst first), the red and amber "
        "tasks, and a line saying what was left out; `--full` prints it all.\n\n"
        "The table adds a sparkline of each region's last eight quarters. `--output "
        "report.html` writes a self-contained page (summary, a chart per indicator, the gap "
        "tables, overdue and due-soon tasks) to read offline or print; its charts need "
        "matplotlib (`pip install 'glplan[report]'`).\n\n"
        "Data errors (and, with --fail-on warning, warnings) go to stderr.\n\n"
        "A county file that cannot be read is a data error: the report is still written, "
        "that county without data for the period.\n\n"
        "Exit codes: 0 the report was produced and nothing reaches --fail-on; 1 findings "
        "reach --fail-on (default: any data error); 2 usage error, or nothing usable could "
        "be read.",
    ),
    "help.check.fail_on": (
        "发现达到此级别时以 1 退出：never 从不；error 数据错误；warning 数据错误或警告；"
        "off_track 数据错误，或任何指标进度滞后、倒退或未实现；needs_acceleration "
        "还包括需加快；overdue 数据错误或任务逾期。默认：error。",
        "Exit 1 when findings reach this level: never; error (data errors); warning (data "
        "errors or warnings); off_track (data errors, or any indicator off track, "
        "deteriorating or missed); needs_acceleration (also needs acceleration); overdue "
        "(data errors or overdue tasks). Default: error.",
    ),
    "help.check.compare_to": (
        "同时列出自此日期（在该日期重新检查）或自 check --format json 写出的 JSON 文件以来"
        "的变化：数字和任务的状态，数据的缺失或恢复。",
        "Also list what changed since this date (the check run again at it) or since a JSON "
        "file written by check --format json: statuses of figures and tasks, data gone "
        "missing or back.",
    ),
    "help.check.full": (
        "在终端中显示完整报告，而不只是一屏（经管道或用 --output 写出时报告总是完整的）；"
        "并列出每个数据问题，而不是每个文件一行。",
        "In a terminal, print the whole report, not just what fits one screen (piped or "
        "written with --output, the report is always whole); and every data problem, not "
        "one line per file.",
    ),
    # --- explain --------------------------------------------------------------------------
    "help.explain": (
        "某地区的一个数字为何是这个状态，下一步需要达到多少。\n\n"
        "对 REGION、INDICATOR 和一个目标年：状态及得出它的规则（含计划的阈值），最新值，"
        "基期值及其来源，实际和所需年均增长及其比值，目标年的预测值，从基期到目标的直线路径"
        "在今天的位置和差距，回到该路径所需的下一年年末的值（目标年更早结束时即为目标本身），"
        "以及用到的每个数字及其文件和行号。状态、数值、比值和预测值与 `glplan check` "
        "的那一行相同。\n\n"
        "退出码：0 已给出解释；2 用法错误（未知的地区、指标或年份：会列出相近的名称）"
        "或输入无法读取。",
        "Why one region's figure has its status, and what it needs next.\n\n"
        "For REGION, INDICATOR and a target year: the status and the rule that gave it "
        "(with the plan's thresholds), the latest value, the baseline and where it came "
        "from, the observed and required annual growth and their ratio, the projection at "
        "the target year, the straight path from the baseline to the target today and the "
        "gap to it, the value needed at the end of next year to be back on that path (the "
        "target itself when the target year ends sooner), and every figure used with its "
        "file and line. The status, value, ratio and projection are those of "
        "`glplan check`'s row.\n\n"
        "Exit codes: 0 the explanation was produced; 2 usage error (an unknown region, "
        "indicator or year: close matches are named) or unreadable input.",
    ),
    "help.explain.region": (
        "地区：代码、名称或简称（中文或英文）。",
        "Region: code, name or short name (zh or en).",
    ),
    "help.explain.indicator": (
        "指标：代码或名称（中文或英文）。",
        "Indicator: id or name (zh or en).",
    ),
    "help.explain.year": (
        "目标年。默认：最近一个尚未过去的目标年，否则最后一个。",
        "Target year. Default: the nearest target year not yet over, else the last.",
    ),
    "help.explain.data": (
        "指标文件或文件夹，可重复。默认：./data/indicators，否则用自带示例。",
        "Indicator files or folders; repeatable. Default: ./data/indicators, else the "
        "bundled sample.",
    ),
    # --- template and status -------------------------------------------------------------
    "help.template": (
        "写出各县区某一时期要填写的 Excel 报表：标题，计划所需的每个人数和比率各占一行"
        "（指标名称、计量单位、本期数、上年同期数、备注），比率是其人数的公式，"
        "每个数字都有 Excel 的数据验证，其余单元格锁定；一张“填报说明”表；"
        "以及隐藏的识别信息，使 `check` 无论县区在标题里写什么、"
        "文件名叫什么（另存为 .xls 也一样）都能准确读取填好的报表。\n\n"
        "报表默认为中文，`--lang en` 为英文。",
        "Write the Excel form each county fills in for one period: a title, one row per "
        "count and rate the plan needs (name, unit, this period, the same period a year "
        "earlier, notes), each rate a formula of its counts, Excel's validation on every "
        "figure, the rest locked; an instructions sheet; and hidden keys, so that `check` "
        "reads the filled form exactly, whatever the county types in the title or names "
        "the file (also when saved as .xls).\n\n"
        "The form is in Chinese unless `--lang en`.",
    ),
    "help.template.period": (
        "报表所问的时期（2026Q3、2026年第三季度、2026）。默认：今天之前最近结束的季度。",
        "The period asked for (2026Q3, 2026 Q3 in Chinese words, 2026). Default: the last "
        "quarter ended by today.",
    ),
    "help.template.region": (
        "只为这个地区（代码或名称）制表；可重复。默认：每个县级地区（计划的末级地区）。",
        "A region (code or name) to make the form of; repeat for several. Default: every "
        "county-level region (the plan's leaves).",
    ),
    "help.template.output": (
        "写入的文件夹（不存在则新建）。",
        "The folder to write to (made if missing).",
    ),
    "help.template.all_in_one": (
        "一个工作簿，每个地区一张表。",
        "One workbook with a sheet per region.",
    ),
    "help.template.due": (
        "写在填报说明里的报送截止日期（YYYY-MM-DD）。",
        "The deadline written in the instructions (YYYY-MM-DD).",
    ),
    "help.template.contact": (
        "报送给谁，写在填报说明里。",
        "Whom to send the form to, written in the instructions.",
    ),
    "help.template.force": ("替换文件夹中已有的报表。", "Replace forms already in the folder."),
    "help.status": (
        "每个县级地区：哪些文件提供了它的数字、各文件的修改时间、缺哪些数字、哪些文件被更正件取代，"
        "以及每个文件有多少错误和警告。没有报送的地区列在最前。\n\n"
        "一个地区应报哪些数字，按该时期任何地区报送过的数字确定。",
        "For each county-level region: which files gave its figures and when each was "
        "modified, which figures are missing, which files a correction superseded, and how "
        "many errors and warnings each file has. Regions that sent nothing come first.\n\n"
        "What a region is expected to send is what any region sent for the period.",
    ),
    "help.status.period": (
        "要显示的时期（2026Q3）。默认：数据中最新的时期。",
        "The period to show (2026Q3). Default: the latest period in the data.",
    ),
    # --- tasks and progress ---------------------------------------------------------------
    "help.tasks": (
        "显示各任务在某日的状态：先是逾期，然后是即将到期，然后是其余。\n\n"
        "表格和 Markdown 显示需要关注的任务：红色或黄色（逾期、即将到期、滞后）或久未报送；"
        "最后一行统计其余任务，`--all` 显示它们。概要行统计全部任务。`--status` 改为按状态选择。"
        "\n\n"
        "状态：已完成、逾期完成、已逾期、即将到期（在计划的预警期内）、按计划、持续实施"
        "（无截止日期）。颜色：红（逾期或严重滞后）、黄（即将到期或滞后）、绿。"
        "标记：久未报送、进度滞后、重新开启等。JSON 为 "
        '`{{"as_of", "ledger", "tasks": [...], "summary", "problems"}}`；'
        '每个任务的 `title` 为 `{{"zh", "en"}}`。\n\n'
        "`--by responsible` 给出督办清单：每个责任单位一块，红色和黄色任务在前；"
        "一项任务列在它所写的每个责任单位之下，合计中只算一次。`--format ics` 写出日历："
        "每项有日期的任务在到期日一个全天事件，并在计划的预警期之前提醒。\n\n"
        "台账问题写到标准错误输出。退出码 0；台账有错误时为 1（这些行被略去）；"
        "文件无法读取时为 2。",
        "Show each task's status at a date: overdue first, then due soon, then the rest.\n\n"
        "The table and Markdown show the tasks that need attention: red or amber (overdue, "
        "due soon, behind) or stale; a last line counts the others, which `--all` shows. "
        "The summary line counts every task. `--status` chooses the tasks instead.\n\n"
        "Statuses: done, done late, overdue, due soon (within the plan's warning window), "
        "on schedule, ongoing (no due date). Colours: red (overdue or seriously "
        "behind), amber (due soon or behind), green. Flags: stale, behind, reopened, ... "
        'JSON gives `{{"as_of", "ledger", "tasks": [...], "summary", "problems"}}`; each '
        'task\'s `title` is `{{"zh", "en"}}`.\n\n'
        "`--by responsible` gives the supervision list: one block per responsible unit, its "
        "red and amber tasks first; a task is listed under every unit its text names and "
        "counted once in the totals. `--format ics` writes a calendar: one all-day event "
        "per dated task on its due date, with a reminder the plan's warning window before "
        "it.\n\n"
        "Ledger problems go to stderr. Exit 0; 1 when the ledger has errors (those rows are "
        "left out); 2 when a file cannot be read.",
    ),
    "help.tasks.by": (
        "responsible：督办清单，每个责任单位一块，红色和黄色任务在前；未写明单位的任务列在"
        "“未明确责任单位”之下。格式为 table、json 或 markdown。",
        "responsible: the supervision list, one block per responsible unit with its red and "
        "amber tasks first; tasks naming no unit under 'no unit named'. Table, json or "
        "markdown.",
    ),
    "help.tasks.progress": (
        "进展台账（CSV）。默认：计划旁的 progress.csv（项目的 data/progress.csv）。",
        "Progress ledger (CSV). Default: progress.csv beside the plan (the project's "
        "data/progress.csv).",
    ),
    "help.tasks.status": (
        "只显示这些状态（overdue、due_soon、on_schedule、ongoing、done、done_late）"
        "或颜色（red、amber、green）；可重复，或用逗号分隔。",
        "Only these statuses (overdue, due_soon, on_schedule, ongoing, done, done_late) or "
        "colours (red, amber, green); repeat or separate with commas.",
    ),
    "help.tasks.action": (
        "只显示这些行动，如 A3；可重复。",
        "Only these actions, e.g. A3; repeatable.",
    ),
    "help.tasks.show_all": (
        "表格和 Markdown 中列出所有任务，而不只是红色、黄色和久未报送的。"
        "（JSON、CSV 和 ics 总是列出所有任务。）",
        "Every task in the table and Markdown, not only the red, amber and stale ones. "
        "(JSON, CSV and ics always list every task.)",
    ),
    "help.progress": (
        "在台账（data/progress.csv）中记录、导入和列出任务进展。",
        "Record, import and list task progress in the ledger (data/progress.csv).",
    ),
    "help.add": (
        "在进展台账末尾追加一条经过检查的记录。\n\n"
        "先对照计划检查任务编号、状态、日期（不能在将来）、数值、地区和指标；有任何问题都"
        "不写入（退出码 2）。超过任务目标 10 倍的数值（30 所学校写成 1010）视为笔误，"
        "除非给出 --force 否则拒绝；超过 1e9、inf 或 nan 的数值总是拒绝。新行按台账原有的"
        "编码追加，之前的每个字节保持不变，中途崩溃也会留下完整的旧文件。",
        "Append one checked entry to the progress ledger.\n\n"
        "The task id, status, date (not in the future), value, region and metric are "
        "checked against the plan first; on any problem nothing is written (exit 2). A "
        "value more than 10 times the task's target (1010 for 30 schools) is taken for a "
        "typo and refused unless --force is given; a value over 1e9, inf or nan is refused "
        "always. The new line is appended in the ledger's own encoding, keeping every "
        "earlier byte, and a crash leaves the old file whole.",
    ),
    "help.add.task": ("任务编号，如 A9.4。", "Task id, e.g. A9.4."),
    "help.add.status": (
        "not_started、in_progress 或 completed（未开始、进行中、已完成）。",
        "not_started, in_progress or completed (or the same words in Chinese).",
    ),
    "help.add.value": (
        "任务数量指标迄今达到的数字（0 到 1e9；除非 --force，最多为该数量目标的 10 倍）。",
        "Figure reached so far for the task's quantity (0 to 1e9; at most 10 times the "
        "quantity's target unless --force).",
    ),
    "help.add.force": (
        "记录超过任务目标 10 倍的 --value（请先核对）。",
        "Record a --value more than 10 times the task's target (after checking it).",
    ),
    "help.add.entry_date": (
        "报送日期（YYYY-MM-DD）。默认：今天。",
        "Date of the report (YYYY-MM-DD). Default: today.",
    ),
    "help.add.note": ("备注，自由填写。", "Free text."),
    "help.add.region": (
        "报送所涉及的地区（代码或名称）。",
        "Region the report is about (code or name).",
    ),
    "help.add.reporter": ("报送人。", "Who reports."),
    "help.add.metric": (
        "--value 对应任务的哪个数量指标。",
        "Which of the task's quantities --value is for.",
    ),
    "help.list": (
        "列出进展台账中的记录：日期、任务编号和名称、状态、指标、数值、地区、填报人、备注。\n\n"
        "按日期排列（同一天按写入顺序）。台账中有无法读取的行时，照常列出其余记录，"
        "问题写到标准错误，退出码 1。格式：{formats}。",
        "List the progress ledger's entries: date, task id and title, status, metric, value, "
        "region, reporter and note.\n\n"
        "In date order (entries of one date as written). Rows of the ledger that cannot be "
        "read are reported on stderr and the rest listed (exit 1). Formats: {formats}.",
    ),
    "help.list.task": (
        "只列出这些任务，如 A3.6；可重复，或用逗号分隔。",
        "Only these tasks, e.g. A3.6; repeatable or comma-separated.",
    ),
    "help.list.since": (
        "只列出这一天及以后的记录（YYYY-MM-DD）。",
        "Only entries dated on or after this day (YYYY-MM-DD).",
    ),
    "help.import": (
        "把各单位报回的填报表（.xlsx、.xls、.ods 或 .csv）中的记录一次性追加到进展台账。\n\n"
        "表头可用中文或英文（任务编号、填报日期、进度、完成值、填报人、备注……），表头上方的"
        "标题行、表尾的空行和签名行会跳过。每一行都按 progress add 的规则检查；只要有一行有"
        "问题，就什么都不写入，并列出每个问题所在的文件、行、列和列名（退出码 2）。全部通过时在"
        "台账锁下一次追加；台账中已有的相同记录给出警告并跳过。",
        "Append every entry of a sheet units send back (.xlsx, .xls, .ods or .csv) to the "
        "progress ledger, all or none.\n\n"
        "Headers in Chinese or English (Task ID, Date, Status, Value, Reporter, Notes, or "
        "their Chinese names); a title above the header and blank "
        "rows and signature lines below the rows are skipped. Each row is checked as "
        "progress add checks one; if any row fails, nothing is written and every problem is "
        "listed as file:row:column: label (exit 2). Otherwise the rows are appended in one "
        "write under the ledger's lock; rows the ledger already holds are skipped with a "
        "warning.",
    ),
    "help.import.file": (
        "填报表文件；.csv 的编码自动识别（UTF-8 或 GBK），也可用 --encoding 指定。",
        "The sheet; a .csv's encoding is detected (UTF-8 or GBK) or given with --encoding.",
    ),
    "help.import.ledger": (
        "要追加到的台账。默认：项目的 data/progress.csv。",
        "The ledger to append to. Default: the project's data/progress.csv.",
    ),
    "help.import.force": (
        "导入超过任务目标 10 倍的数值（请先核对）。",
        "Import values more than 10 times the task's target (after checking them).",
    ),
    "help.import.dry_run": (
        "只检查并报告将添加多少条记录，不写入。",
        "Check and say what would be added; write nothing.",
    ),
    # --- validate, plan, schema -------------------------------------------------------------
    "help.validate": (
        "检查计划文件（用 --data 时还检查指标文件），一次报告所有问题。\n\n"
        "每个问题占一行，依次为文件、行、列、字段和消息。全部有效时退出码 0，"
        "有任何错误时为 1（指标文件无法读取也算），计划无法读取或没有指标文件给出可用内容"
        "时为 2。",
        "Check plan files (and, with --data, indicator files); report every problem at "
        "once.\n\n"
        "Each problem is printed as `file:line:column: field: message`. Exit 0 when "
        "everything is valid, 1 when anything has an error (an indicator file that cannot "
        "be read is one), 2 when a plan cannot be read or no indicator file gave anything "
        "usable.",
    ),
    "help.validate.plan": (
        "计划文件（.yaml）；在此给出的指标文件和文件夹按 --data 检查。"
        "默认：项目的 data/plan.yaml，否则用自带计划。",
        "Plan files (.yaml); indicator files and folders given here are checked as with "
        "--data. Default: the project's data/plan.yaml, else the bundled plan.",
    ),
    "help.validate.data": (
        "同时对照计划检查指标文件或文件夹。一个 --data 后可跟多个"
        "（即 shell 展开的 `--data q3/*.csv`），也可重复 --data。",
        "Also check indicator files or folders against the plan. Several may follow one "
        "--data (the shell's expansion of `--data q3/*.csv`) or --data may be repeated.",
    ),
    "help.validate.plan_option": (
        "未给出计划文件时，用来检查指标文件的计划。",
        "The plan to check indicator files against when no plan file is given.",
    ),
    "help.validate.as_of": (
        "判断“时期在将来”所用的日期。默认：今天。",
        "Date for 'period in the future' checks. Default: today.",
    ),
    "help.validate.quiet": ("只输出问题。", "Print problems only."),
    "help.validate.examples": (
        "（最后一例对照 ./data/plan.yaml 检查，与 pre-commit 钩子的调用方式相同）",
        "(the last against ./data/plan.yaml, as the pre-commit hooks call it)",
    ),
    "help.plan": (
        "按工作人员阅读的方式显示计划：目标和指标值、行动、任务及截止日期。",
        "Show the plan as staff read it: goals and targets, actions, tasks and due dates.",
    ),
    "help.plan.plan": (
        "计划文件。默认：./data/plan.yaml，否则用自带计划。",
        "Plan file. Default: ./data/plan.yaml, else the bundled plan.",
    ),
    "help.schema": (
        "输出计划文件的 JSON Schema（draft 2020-12），供编辑器和校验工具使用。",
        "Print the JSON Schema (draft 2020-12) of the plan file, for editors and validators.",
    ),
    # --- data -------------------------------------------------------------------------------
    "help.data": (
        "输出规范化后的观测值：地区代码、时期、指标代码、数值、分子、分母、来源文件和行号。"
        "\n\n"
        'JSON 为 `{{"observations": [...], "issues": [...]}}`；CSV 的列名与 JSON 的键相同。'
        "使用 table 或 csv 时问题写到标准错误输出。没有文件出错时退出码 0，有文件出错时为 1"
        "（出错的行和无法读取的文件被略去），路径不存在或没有任何可用内容时为 2。",
        "Print the normalised observations: region code, period, indicator id, value, "
        "numerator, denominator, source file and line.\n\n"
        'JSON is `{{"observations": [...], "issues": [...]}}`; CSV has the same column '
        "names as the JSON keys. With table or csv, problems go to stderr. Exit 0 when no "
        "file has an error, 1 when any has (the rows with errors, and a file that cannot be "
        "read, are left out), 2 when a path does not exist or nothing usable could be read.",
    ),
    "help.data.paths": (
        "指标文件或文件夹，同 --data。默认：项目的 data/indicators，否则（在项目外）用自带示例。",
        "Indicator files or folders, as with --data. Default: the project's "
        "data/indicators, else (outside a project) the bundled sample.",
    ),
    # --- init -------------------------------------------------------------------------------
    "help.init": (
        "建立项目文件夹：data/plan.yaml、data/indicators/（附一份 glplan 能读的表格布局说明）、"
        "data/progress.csv（台账的表头）和 .gitignore。\n\n"
        "之后 glplan 在该文件夹或其下任何文件夹中都能找到这个项目。已有的文件保留；"
        "已有的 data/plan.yaml 绝不替换（退出码 2）。",
        "Make a project folder: data/plan.yaml, data/indicators/ (with a README of the "
        "layouts glplan reads), data/progress.csv (the ledger's header) and a .gitignore."
        "\n\n"
        "glplan then finds the project from that folder or any folder below it. Files "
        "already there are kept; a data/plan.yaml already there is never replaced (exit 2).",
    ),
    "help.init.folder": (
        "项目文件夹（不存在则新建）。默认：当前文件夹。",
        "The project folder (made if missing). Default: the current folder.",
    ),
    "help.init.template": (
        "guilin：自带计划的副本；empty：一份带注释、待填写的小计划"
        "（一个市、两个县、一个指标、一个任务），原样即可通过校验。默认：guilin。",
        "guilin: a copy of the bundled plan; empty: a small commented plan to fill in (one "
        "city, two counties, one indicator, one task) that validates as it is. "
        "Default: guilin.",
    ),
}
