"""The ``--help`` texts, by the key a command or option names them with
(``help="help.check.fail_on"``): English here, Chinese in the catalogue. Keys rather than the
texts themselves, because Typer reads ``help`` when the app is built and the language is
chosen when the help is shown (:func:`gl_plan.cli.help.localise`)."""

from __future__ import annotations

from typing import Final

from gl_plan.i18n import Msg, _

HELP_TEXTS: Final[dict[str, Msg]] = {
    "help.or": _("{head} or {last}"),
    "help.examples": _("Examples: {examples}"),
    "help.example": _("Example: {examples}"),
    "help.examples_sep": _("; "),
    "help.usage": _("Usage:"),
    "help.options_metavar": _("[OPTIONS]"),
    "help.subcommand_metavar": _("COMMAND [ARGS]..."),
    "help.panel.options": _("Options"),
    "help.panel.arguments": _("Arguments"),
    "help.panel.commands": _("Commands"),
    "help.help_option": _("Show this message and exit."),
    "help.required": _(" (required)"),
    "help.glplan": _(
        "Monitor an action plan: every region's gap to each target year and whether "
        "it is on track, and which dated tasks are overdue. Guilin's 2022 education "
        "action plan is bundled as the example.\n\nExit codes: 0 ok; 1 findings "
        "reach --fail-on (validate: invalid input); 2 usage error, nothing usable to "
        "read (one unreadable county file is a finding), or unwritable output."
    ),
    "help.typer.install_completion": _("Install completion for the current shell."),
    "help.typer.show_completion": _(
        "Show completion for the current shell, to copy it or customize the installation."
    ),
    "help.option.lang": _("Output language, zh or en. Default: $GLPLAN_LANG, else the locale."),
    "help.option.plan": _(
        "Plan file. Default: data/plan.yaml in this folder or the nearest parent "
        "that has one, else the bundled plan."
    ),
    "help.option.progress": _(
        "Progress ledger (CSV). Default: progress.csv beside the plan (the project's "
        "data/progress.csv); none when --data is given outside a project."
    ),
    "help.option.as_of": _("Judge as of this date (YYYY-MM-DD). Default: today."),
    "help.option.encoding": _(
        "Force the encoding of CSV files (utf-8, gb18030, ...). Default: detect."
    ),
    "help.option.data": _(
        "Indicator files or folders. Several may follow one --data (the shell's "
        "expansion of `--data q3/*.csv`) or --data may be repeated. Default: the "
        "project's data/indicators, else (outside a project, nothing given) the "
        "bundled sample."
    ),
    "help.option.paths": _("More indicator files or folders, as with --data."),
    "help.option.region": _(
        "Region (code or name) of the files whose table has no region column, when "
        "neither the title nor the file name says it."
    ),
    "help.option.period": _(
        "Period (2026Q3, 2025, or a quarter as Chinese forms write it) of the files "
        "whose table has no period column, when neither the title nor the file name "
        "says it."
    ),
    "help.option.format": _("{formats}. Default: table, or what --output's suffix says."),
    "help.option.output": _(
        "Write to this file (atomically) instead of stdout; {suffixes} picks the format."
    ),
    "help.check": _(
        "Where each county and the city stand against the 2025 and 2030 "
        "targets.\n\nFirst a headline: per target year how many figures are off "
        "track, falling or missed and in how many regions, how many need "
        "acceleration, the tasks overdue and due soon, the data errors and warnings "
        "(the same counts as the JSON `summary`).\n\nFor every region, indicator and "
        "target year: the latest value, the gap to the target (percentage points) "
        "and a status. A target year still ahead is judged by the Statistics Canada "
        "method (observed vs required annual growth from the baseline): achieved, on "
        "track, needs acceleration, off track, deteriorating, or insufficient/no "
        "data. A year already over gets a verdict, met or missed, on its last "
        "figure. The city is computed from the counties' numerators and denominators "
        "(sum over sum), never as a mean of rates, and says when some counties are "
        "missing. National county standards are reported as pass / fail.\n\nIn a "
        "terminal the table shows what fits one screen: the headline, the regions "
        "with a red or amber status for the nearest target year (worst first), the "
        "red and amber tasks, and a line saying what was left out; `--full` prints "
        "it all.\n\nThe table adds a sparkline of each region's last eight quarters. "
        "`--output report.html` writes a self-contained page (summary, a chart per "
        "indicator, the gap tables, overdue and due-soon tasks) to read offline or "
        "print; its charts need matplotlib (`pip install 'glplan[report]'`).\n\nData "
        "errors (and, with --fail-on warning, warnings) go to stderr.\n\nA county "
        "file that cannot be read is a data error: the report is still written, that "
        "county without data for the period.\n\nExit codes: 0 the report was "
        "produced and nothing reaches --fail-on; 1 findings reach --fail-on "
        "(default: any data error); 2 usage error, or nothing usable could be read."
    ),
    "help.check.fail_on": _(
        "Exit 1 when findings reach this level: never; error (data errors); warning "
        "(data errors or warnings); off_track (data errors, or any indicator off "
        "track, deteriorating or missed); needs_acceleration (also needs "
        "acceleration); overdue (data errors or overdue tasks). Default: error."
    ),
    "help.check.compare_to": _(
        "Also list what changed since this date (the check run again at it) or since "
        "a JSON file written by check --format json: statuses of figures and tasks, "
        "data gone missing or back."
    ),
    "help.check.full": _(
        "In a terminal, print the whole report, not just what fits one screen (piped "
        "or written with --output, the report is always whole); and every data "
        "problem, not one line per file."
    ),
    "help.explain": _(
        "Why one region's figure has its status, and what it needs next.\n\nFor "
        "REGION, INDICATOR and a target year: the status and the rule that gave it "
        "(with the plan's thresholds), the latest value, the baseline and where it "
        "came from, the observed and required annual growth and their ratio, the "
        "projection at the target year, the straight path from the baseline to the "
        "target today and the gap to it, the value needed at the end of next year to "
        "be back on that path (the target itself when the target year ends sooner), "
        "and every figure used with its file and line. The status, value, ratio and "
        "projection are those of `glplan check`'s row.\n\nExit codes: 0 the "
        "explanation was produced; 2 usage error (an unknown region, indicator or "
        "year: close matches are named) or unreadable input."
    ),
    "help.explain.region": _("Region: code, name or short name (zh or en)."),
    "help.explain.indicator": _("Indicator: id or name (zh or en)."),
    "help.explain.year": _(
        "Target year. Default: the nearest target year not yet over, else the last."
    ),
    "help.explain.data": _(
        "Indicator files or folders; repeatable. Default: ./data/indicators, else "
        "the bundled sample."
    ),
    "help.template": _(
        "Write the Excel form each county fills in for one period: a title, one row "
        "per count and rate the plan needs (name, unit, this period, the same period "
        "a year earlier, notes), each rate a formula of its counts, Excel's "
        "validation on every figure, the rest locked; an instructions sheet; and "
        "hidden keys, so that `check` reads the filled form exactly, whatever the "
        "county types in the title or names the file (also when saved as "
        ".xls).\n\nThe form is in Chinese unless `--lang en`."
    ),
    "help.template.period": _(
        "The period asked for (2026Q3, 2026 Q3 in Chinese words, 2026). Default: the "
        "last quarter ended by today."
    ),
    "help.template.region": _(
        "A region (code or name) to make the form of; repeat for several. Default: "
        "every county-level region (the plan's leaves)."
    ),
    "help.template.output": _("The folder to write to (made if missing)."),
    "help.template.all_in_one": _("One workbook with a sheet per region."),
    "help.template.due": _("The deadline written in the instructions (YYYY-MM-DD)."),
    "help.template.contact": _("Whom to send the form to, written in the instructions."),
    "help.template.force": _("Replace forms already in the folder."),
    "help.status": _(
        "For each county-level region: which files gave its figures and when each "
        "was modified, which figures are missing, which files a correction "
        "superseded, and how many errors and warnings each file has. Regions that "
        "sent nothing come first.\n\nWhat a region is expected to send is what any "
        "region sent for the period."
    ),
    "help.status.period": _("The period to show (2026Q3). Default: the latest period in the data."),
    "help.tasks": _(
        "Show each task's status at a date: overdue first, then due soon, then the "
        "rest.\n\nThe table and Markdown show the tasks that need attention: red or "
        "amber (overdue, due soon, behind) or stale; a last line counts the others, "
        "which `--all` shows. The summary line counts every task. `--status` chooses "
        "the tasks instead.\n\nStatuses: done, done late, overdue, due soon (within "
        "the plan's warning window), on schedule, ongoing (no due date). Colours: "
        "red (overdue or seriously behind), amber (due soon or behind), green. "
        'Flags: stale, behind, reopened, ... JSON gives `{{"as_of", "ledger", '
        '"tasks": [...], "summary", "problems"}}`; each task\'s `title` is `{{"zh", '
        '"en"}}`.\n\n`--by responsible` gives the supervision list: one block per '
        "responsible unit, its red and amber tasks first; a task is listed under "
        "every unit its text names and counted once in the totals. `--format ics` "
        "writes a calendar: one all-day event per dated task on its due date, with a "
        "reminder the plan's warning window before it.\n\nLedger problems go to "
        "stderr. Exit 0; 1 when the ledger has errors (those rows are left out); 2 "
        "when a file cannot be read."
    ),
    "help.tasks.by": _(
        "responsible: the supervision list, one block per responsible unit with its "
        "red and amber tasks first; tasks naming no unit under 'no unit named'. "
        "Table, json or markdown."
    ),
    "help.tasks.progress": _(
        "Progress ledger (CSV). Default: progress.csv beside the plan (the project's "
        "data/progress.csv)."
    ),
    "help.tasks.status": _(
        "Only these statuses (overdue, due_soon, on_schedule, ongoing, done, "
        "done_late) or colours (red, amber, green); repeat or separate with commas."
    ),
    "help.tasks.action": _("Only these actions, e.g. A3; repeatable."),
    "help.tasks.show_all": _(
        "Every task in the table and Markdown, not only the red, amber and stale "
        "ones. (JSON, CSV and ics always list every task.)"
    ),
    "help.progress": _("Record, import and list task progress in the ledger (data/progress.csv)."),
    "help.add": _(
        "Append one checked entry to the progress ledger.\n\nThe task id, status, "
        "date (not in the future), value, region and metric are checked against the "
        "plan first; on any problem nothing is written (exit 2). A value more than "
        "10 times the task's target (1010 for 30 schools) is taken for a typo and "
        "refused unless --force is given; a value over 1e9, inf or nan is refused "
        "always. The new line is appended in the ledger's own encoding, keeping "
        "every earlier byte, and a crash leaves the old file whole."
    ),
    "help.add.task": _("Task id, e.g. A9.4."),
    "help.add.status": _("not_started, in_progress or completed (or the same words in Chinese)."),
    "help.add.value": _(
        "Figure reached so far for the task's quantity (0 to 1e9; at most 10 times "
        "the quantity's target unless --force)."
    ),
    "help.add.force": _(
        "Record a --value more than 10 times the task's target (after checking it)."
    ),
    "help.add.entry_date": _("Date of the report (YYYY-MM-DD). Default: today."),
    "help.add.note": _("Free text."),
    "help.add.region": _("Region the report is about (code or name)."),
    "help.add.reporter": _("Who reports."),
    "help.add.metric": _("Which of the task's quantities --value is for."),
    "help.list": _(
        "List the progress ledger's entries: date, task id and title, status, "
        "metric, value, region, reporter and note.\n\nIn date order (entries of one "
        "date as written). Rows of the ledger that cannot be read are reported on "
        "stderr and the rest listed (exit 1). Formats: {formats}."
    ),
    "help.list.task": _("Only these tasks, e.g. A3.6; repeatable or comma-separated."),
    "help.list.since": _("Only entries dated on or after this day (YYYY-MM-DD)."),
    "help.import": _(
        "Append every entry of a sheet units send back (.xlsx, .xls, .ods or .csv) "
        "to the progress ledger, all or none.\n\nHeaders in Chinese or English (Task "
        "ID, Date, Status, Value, Reporter, Notes, or their Chinese names); a title "
        "above the header and blank rows and signature lines below the rows are "
        "skipped. Each row is checked as progress add checks one; if any row fails, "
        "nothing is written and every problem is listed as file:row:column: label "
        "(exit 2). Otherwise the rows are appended in one write under the ledger's "
        "lock; rows the ledger already holds are skipped with a warning."
    ),
    "help.import.file": _(
        "The sheet; a .csv's encoding is detected (UTF-8 or GBK) or given with --encoding."
    ),
    "help.import.ledger": _("The ledger to append to. Default: the project's data/progress.csv."),
    "help.import.force": _(
        "Import values more than 10 times the task's target (after checking them)."
    ),
    "help.import.dry_run": _("Check and say what would be added; write nothing."),
    "help.validate": _(
        "Check plan files (and, with --data, indicator files); report every problem "
        "at once.\n\nEach problem is printed as `file:line:column: field: message`. "
        "Exit 0 when everything is valid, 1 when anything has an error (an indicator "
        "file that cannot be read is one), 2 when a plan cannot be read or no "
        "indicator file gave anything usable."
    ),
    "help.validate.plan": _(
        "Plan files (.yaml); indicator files and folders given here are checked as "
        "with --data. Default: the project's data/plan.yaml, else the bundled plan."
    ),
    "help.validate.data": _(
        "Also check indicator files or folders against the plan. Several may follow "
        "one --data (the shell's expansion of `--data q3/*.csv`) or --data may be "
        "repeated."
    ),
    "help.validate.plan_option": _(
        "The plan to check indicator files against when no plan file is given."
    ),
    "help.validate.as_of": _("Date for 'period in the future' checks. Default: today."),
    "help.validate.quiet": _("Print problems only."),
    "help.validate.examples": _(
        "(the last against ./data/plan.yaml, as the pre-commit hooks call it)"
    ),
    "help.plan": _(
        "Show the plan as staff read it: goals and targets, actions, tasks and due dates."
    ),
    "help.plan.plan": _("Plan file. Default: ./data/plan.yaml, else the bundled plan."),
    "help.schema": _(
        "Print the JSON Schema (draft 2020-12) of the plan file, for editors and validators."
    ),
    "help.data": _(
        "Print the normalised observations: region code, period, indicator id, "
        "value, numerator, denominator, source file and line.\n\nJSON is "
        '`{{"observations": [...], "issues": [...]}}`; CSV has the same column names '
        "as the JSON keys. With table or csv, problems go to stderr. Exit 0 when no "
        "file has an error, 1 when any has (the rows with errors, and a file that "
        "cannot be read, are left out), 2 when a path does not exist or nothing "
        "usable could be read."
    ),
    "help.data.paths": _(
        "Indicator files or folders, as with --data. Default: the project's "
        "data/indicators, else (outside a project) the bundled sample."
    ),
    "help.init": _(
        "Make a project folder: data/plan.yaml, data/indicators/ (with a README of "
        "the layouts glplan reads), data/progress.csv (the ledger's header) and a "
        ".gitignore.\n\nglplan then finds the project from that folder or any folder "
        "below it. Files already there are kept; a data/plan.yaml already there is "
        "never replaced (exit 2)."
    ),
    "help.init.folder": _("The project folder (made if missing). Default: the current folder."),
    "help.init.template": _(
        "guilin: a copy of the bundled plan; empty: a small commented plan to fill "
        "in (one city, two counties, one indicator, one task) that validates as it "
        "is. Default: guilin."
    ),
    "help.draft": _(
        "Draft a plan file from a plan's text: title, issuer and date, actions and tasks with "
        "their time limits, goals and targets (sentences and the table of main indicators), "
        "baselines and one region. The draft validates as it is; comments mark what to check and "
        "complete. Every line of the text not placed is listed on stderr with its number."
    ),
    "help.draft.text": _("The plan's text (UTF-8 or GBK), as copied from the government site."),
    "help.draft.output": _(
        "Write the draft here (never over an existing file without --force). Default: "
        "standard output."
    ),
    "help.draft.force": _("Replace an existing --output file."),
    "help.draft.region_code": _(
        "The code of the plan's region (GB/T 2260, e.g. 450300). Default: a placeholder to "
        "complete."
    ),
    "help.draft.encoding": _("Force the text's encoding (utf-8, gb18030, ...). Default: detect."),
}
