"""The texts of reading and checking a plan file (``plan.*``): the YAML, its schema, its
time-limit phrases, its ids and the checks across it. ``key: (zh, en)``; part of
:data:`gl_plan.i18n.TEXTS`.

A field that only one language shows ends in ``_en`` (``{detail_en}``: the words of PyYAML,
pydantic or Python, which the Chinese leaves out and says in its own words instead). The
user's own text is quoted as it is: ``'x'`` in English, “x” in Chinese.
"""

from __future__ import annotations

from typing import Final

#: libyaml's words for the syntax errors a plan author meets, as it reports them (the
#: English is looked up by those exact words, so it is not to be reworded).
_YAML_PROBLEMS: Final[dict[str, tuple[str, str]]] = {
    "flow_mapping": ("缺少预期的逗号或“}}”", "did not find expected ',' or '}}'"),
    "flow_sequence": ("缺少预期的逗号或“]”", "did not find expected ',' or ']'"),
    "key": ("缺少预期的键（请检查缩进）", "did not find expected key"),
    "dash": ("缺少预期的列表项标记“-”", "did not find expected '-' indicator"),
    "colon": ("缺少预期的冒号", "could not find expected ':'"),
    "value_here": (
        "此处不允许出现映射的值（冒号）；含冒号的文字请加引号",
        "mapping values are not allowed in this context",
    ),
    "end": ("文件意外结束（引号或括号未闭合？）", "found unexpected end of stream"),
    "escape": ("未知的转义字符", "found unknown escape character"),
    "token": (
        "此字符不能作为任何内容的开头（请用空格缩进；以 @ 或 ` 开头的文字请加引号）",
        "found character that cannot start any token",
    ),
    "tab": ("制表符破坏了缩进（请用空格缩进）", "found a tab character that violates indentation"),
    "document_start": ("缺少预期的文档开头", "did not find expected <document start>"),
    "name": ("缺少预期的字母或数字", "did not find expected alphabetic or numeric character"),
    "node": ("缺少预期的内容", "did not find expected node content"),
}
#: libyaml's words for what it was reading when it found the error.
_YAML_CONTEXTS: Final[dict[str, tuple[str, str]]] = {
    "flow_mapping": ("流式映射 {{…}}", "while parsing a flow mapping"),
    "flow_sequence": ("流式列表 […]", "while parsing a flow sequence"),
    "block_mapping": ("映射", "while parsing a block mapping"),
    "block_collection": ("列表", "while parsing a block collection"),
    "quoted": ("带引号的文字", "while scanning a quoted scalar"),
    "simple_key": ("键", "while scanning a simple key"),
}

PLAN: Final[dict[str, tuple[str, str]]] = {
    # --- reading the file and its YAML (plan/load.py, plan/messages.py) --------------------
    "plan.binary": ("二进制数据，不是 YAML 文本文件", "binary data, not a YAML text file"),
    "plan.not_utf8": (
        "不是 UTF-8 文本（请将计划另存为 UTF-8）",
        "not UTF-8 text (save the plan as UTF-8)",
    ),
    "plan.not_unicode": ("不是有效的 Unicode 文本", "not valid Unicode text"),
    "plan.empty": ("计划文件是空的", "the plan file is empty"),
    "plan.not_mapping": (
        "计划必须是由键（plan、regions 等）组成的映射，而不是{kind}",
        "the plan must be a mapping of keys (plan, regions, ...), not {kind}",
    ),
    "plan.kind.list": ("列表", "a list"),
    "plan.kind.value": ("单个值", "a single value"),
    "plan.yaml.invalid": ("YAML 语法错误：{problem}", "invalid YAML: {problem}"),
    "plan.yaml.invalid_in": (
        "YAML 语法错误：{problem}（在第 {line} 行第 {column} 列开始的{context}中）",
        "invalid YAML: {problem} ({context} that starts at line {line}, column {column})",
    ),
    "plan.yaml.other": ("YAML 语法错误", "invalid YAML: {detail_en}"),
    **{f"plan.yaml.problem.{key}": pair for key, pair in _YAML_PROBLEMS.items()},
    **{f"plan.yaml.context.{key}": pair for key, pair in _YAML_CONTEXTS.items()},
    "plan.yaml.character": (
        "YAML 语法错误：文本中不允许出现控制字符 {code}",
        "invalid YAML: the control character {code} is not allowed in the text",
    ),
    "plan.yaml.second_document": (
        "YAML 语法错误：计划只能是一个文档，但这里开始了第二个（多了一个“---”？）",
        "invalid YAML: a plan is a single document, but a second one starts here (a stray '---'?)",
    ),
    "plan.yaml.alias": (
        "计划中不允许使用 YAML 别名（*{name}）",
        "YAML aliases (*{name}) are not allowed in a plan",
    ),
    "plan.yaml.anchor": (
        "计划中不允许使用 YAML 锚点（&{name}）",
        "YAML anchors (&{name}) are not allowed in a plan",
    ),
    "plan.yaml.tag": (
        "计划中不允许使用 YAML 标签（{tag}）；文字请加引号",
        "YAML tags ({tag}) are not allowed in a plan; put text in quotes instead",
    ),
    "plan.yaml.merge_key": ("不允许使用 YAML 合并键（<<）", "YAML merge keys (<<) are not allowed"),
    "plan.yaml.key_not_text": ("键必须是普通文字", "a key must be plain text"),
    "plan.yaml.duplicate_key": ("重复的键“{name}”", "duplicate key {name!r}"),
    "plan.too_many_values": (
        "值太多：一个计划最多包含 {limit:,} 个值（键、文字、数字、列表和映射）",
        "too many values: a plan holds at most {limit:,} (keys, texts, numbers, lists and "
        "mappings)",
    ),
    "plan.too_deep": (
        "嵌套过深：计划中的列表和映射最多嵌套 {limit} 层",
        "nested too deeply: a plan nests lists and mappings at most {limit} levels",
    ),
    "plan.number_too_long": (
        "数字写了 {n:,} 个字符，太长，无法读取（最多 {limit:,} 位）",
        "a number written with {n:,} characters is too long to read (at most {limit:,} digits)",
    ),
    "plan.unreadable": ("无法读取“{text}”", "cannot read {text!r} ({detail_en})"),
    "plan.impossible_date": (
        "日期“{text}”不存在",
        "impossible date {text!r} ({detail_en})",
    ),
    "plan.more_problems": ("……另有 {n:,} 个问题未列出", "... and {n:,} more problems not listed"),
    # --- what the schema does not accept, by pydantic's error type (plan/messages.py) ---
    "plan.got": ("{reason}（实际为“{value}”）", "{reason} (got {value!r})"),
    "plan.invalid.missing": ("缺少必填的键", "required key is missing"),
    "plan.invalid.extra_forbidden": (
        "未知的键（请检查拼写；参见 `glplan schema`）",
        "unknown key (check the spelling; see `glplan schema`)",
    ),
    "plan.invalid.string_type": ("应为文字", "expected text"),
    "plan.invalid.string_empty": (
        "此处需要文字，但值为空",
        "expected text, but the value is empty",
    ),
    "plan.invalid.string_bool": (
        "应为文字，但 YAML 把不加引号的“yes”“no”“on”“off”“true”“false”读作是非值：请给文字加上引号",
        "expected text, but YAML reads yes, no, on, off, true and false without quotes as a "
        "yes/no value: put the text in quotes",
    ),
    "plan.invalid.string_date": (
        "应为文字，但 YAML 把不加引号的日期读作日期：请给它加上引号",
        "expected text, but YAML reads an unquoted date as a date: put it in quotes",
    ),
    "plan.invalid.string_too_short": ("不能为空", "must not be empty"),
    "plan.invalid.string_too_long": (
        "太长：最多 {max_length:,} 个字符",
        "too long: at most {max_length:,} characters",
    ),
    "plan.invalid.string_pattern_mismatch": ("格式不符（{pattern}）", "not of the form {pattern}"),
    "plan.invalid.pattern.name": (
        "应由小写字母、数字和“_”组成，以字母开头（例如“preschool_rate”）",
        "must be lower-case letters, digits and '_', starting with a letter (e.g. preschool_rate)",
    ),
    "plan.invalid.pattern.plan_id": (
        "应由小写字母、数字、“_”和“-”组成，以字母或数字开头（例如“guilin-2022”）",
        "must be lower-case letters, digits, '_' and '-', starting with a letter or digit "
        "(e.g. guilin-2022)",
    ),
    "plan.invalid.string_unicode": ("不是有效的 UTF-8 文字", "not valid UTF-8 text"),
    "plan.invalid.int_type": ("应为整数", "expected a whole number"),
    "plan.invalid.int_from_float": (
        "应为整数，不能有小数",
        "expected a whole number, not a fraction",
    ),
    "plan.invalid.int_parsing_size": ("数字太长，无法读取", "a number too long to read"),
    "plan.invalid.float_type": ("应为数字", "expected a number"),
    "plan.invalid.finite_number": ("应为有限的数字", "expected a finite number"),
    "plan.invalid.bool_type": ("应为“true”或“false”", "expected true or false"),
    "plan.invalid.date_type": ("应为日期，例如 2022-08-31", "expected a date such as 2022-08-31"),
    "plan.invalid.date_from_datetime_inexact": (
        "应为日期，不带时刻",
        "expected a date without a time of day",
    ),
    "plan.invalid.one_of": ("应为以下之一：{expected}", "must be one of {expected}"),
    "plan.invalid.greater_than": ("必须大于 {gt}", "must be greater than {gt}"),
    "plan.invalid.greater_than_equal": ("不能小于 {ge}", "must be at least {ge}"),
    "plan.invalid.less_than": ("必须小于 {lt}", "must be less than {lt}"),
    "plan.invalid.less_than_equal": ("不能大于 {le}", "must be at most {le}"),
    "plan.invalid.too_short": ("至少要列出 {min_length:,} 项", "must list at least {min_length:,}"),
    "plan.invalid.too_long": ("最多列出 {max_length:,} 项", "may list at most {max_length:,}"),
    "plan.invalid.list_type": (
        "应为列表（每项以“- ”开头）",
        "expected a list (items starting with '- ')",
    ),
    "plan.invalid.dict_type": ("应为映射（键：值）", "expected a mapping (key: value)"),
    "plan.invalid.other": ("此值不被接受（{kind}）", "not accepted ({kind}): {detail_en}"),
    # --- the models' own checks (plan/models.py) ------------------------------------------
    "plan.min_over_max": ("min {min} 大于 max {max}", "min {min} is greater than max {max}"),
    "plan.counts_unnamed": (
        "{unit} 类指标须给出分子和分母（numerator、denominator）",
        "a {unit} indicator needs its numerator and denominator named",
    ),
    "plan.amount_label": (
        "金额类指标须给出 unit_label（例如 {example}）",
        "an amount needs unit_label (e.g. {example})",
    ),
    "plan.range_bounds": (
        "范围（range）须给出 min 和 max，不能给 value",
        "a range needs min and max, and no value",
    ),
    "plan.comparison_value": (
        "比较方式“{comparison}”须给出 value（不能给 min、max）",
        "comparison {comparison!r} needs a value (no min/max)",
    ),
    "plan.region_count_per_region": (
        "region_count 只用于按地区计数（per_region）的数量",
        "region_count is for a per_region quantity",
    ),
    "plan.regions_or_count": (
        "regions 和 region_count 只能给出其一",
        "give either regions or region_count, not both",
    ),
    "plan.acceleration_ratio": (
        "acceleration_ratio 不能超过 on_track_ratio",
        "acceleration_ratio must not exceed on_track_ratio",
    ),
    # --- checks across the plan (plan/models.py, cross_check) -----------------------------
    "plan.duplicate": (
        "重复的 {attr}“{value}”（首次出现在 {where}[{first}]）",
        "duplicate {attr} {value!r} (first at {where}[{first}])",
    ),
    "plan.roots": (
        "必须恰好有一个地区没有上级（parent），实际有 {n} 个",
        "exactly one region must have no parent, found {n}",
    ),
    "plan.no_parent": ("未知的上级地区“{code}”", "unknown parent region {code!r}"),
    "plan.own_parent": ("地区不能是自己的上级", "a region cannot be its own parent"),
    "plan.empty_name": ("名称或别名“{name}”为空", "empty name or alias {name!r}"),
    "plan.ambiguous_region": (
        "名称“{name}”有歧义：它同时指 {other} 和 {code}",
        "name {name!r} is ambiguous: it names both {other} and {code}",
    ),
    "plan.ambiguous_id": (
        "名称“{name}”同时指 {other} 和 {id}",
        "name {name!r} names both {other} and {id}",
    ),
    "plan.unknown_indicator": ("未知的指标“{id}”", "unknown indicator {id!r}"),
    "plan.no_region": ("未知的地区“{code}”", "unknown region {code!r}"),
    "plan.less_ambitious.higher_is_better": (
        "{later} 年目标 {value} 不如 {earlier} 年目标 {before}（该指标越高越好）",
        "{later} target {value} is less ambitious than the {earlier} target {before} for a "
        "higher_is_better indicator",
    ),
    "plan.less_ambitious.lower_is_better": (
        "{later} 年目标 {value} 不如 {earlier} 年目标 {before}（该指标越低越好）",
        "{later} target {value} is less ambitious than the {earlier} target {before} for a "
        "lower_is_better indicator",
    ),
    "plan.action_number": ("编号“{id}”与 number 不符", "id {id!r} does not match number"),
    "plan.duplicate_task": ("重复的任务编号“{id}”", "duplicate task id {id!r}"),
    "plan.task_elsewhere": (
        "任务“{id}”列在行动 {action} 之下",
        "task {id!r} is listed under action {action}",
    ),
    # --- ids (plan/ids.py) ----------------------------------------------------------------
    "plan.id.region_code": (
        "地区代码“{code}”须由 1 到 32 个字母、数字、“-”、“_”或“.”组成，以字母或数字开头"
        "（例如 450300、CN）",
        "region code {code!r} must be 1 to 32 letters, digits, '-', '_' or '.', starting "
        "with a letter or digit (e.g. 450300, CN)",
    ),
    "plan.id.numeric_code": (
        "数字地区代码“{code}”须为 6 位（GB/T 2260），或 9 位、12 位（乡镇和村的统计代码）",
        "numeric region code {code!r} must have 6 digits (GB/T 2260), or 9 or 12 "
        "(statistical codes of townships and villages)",
    ),
    "plan.id.province": (
        "地区代码“{code}”的开头不是 GB/T 2260 省级代码（11 到 82，例如广西为 45）",
        "region code {code!r} does not start with a GB/T 2260 province code "
        "(11 to 82, e.g. 45 for Guangxi)",
    ),
    "plan.id.identifier": (
        "{what}“{text}”须由 1 到 32 个字母（任何文字）、数字、“_”“-”或括号组成，"
        "不含点和空格（例如 {example}）",
        "{what} {text!r} must be 1 to 32 letters (any script) or digits, '_', '-' or "
        "brackets, with no dot or space (e.g. {example})",
    ),
    "plan.id.action": ("行动编号", "action id"),
    "plan.id.action_in_task": ("任务编号中的行动编号", "the action id in task id"),
    "plan.id.task": (
        "任务编号“{text}”须为所属行动的编号、一个点和一个数字（例如 A3.6、C19.2），"
        "或在带括号编号的行动编号之后直接跟数字",
        "task id {text!r} must be its action's id, a dot and a number (e.g. A3.6 or C19.2), "
        "or a number right after a bracketed action id",
    ),
    # --- time-limit phrases (plan/deadlines.py) -------------------------------------------
    "plan.deadline.not_text": (
        "完成时限必须是文字",
        "time-limit phrase must be text, not {type_en}",
    ),
    "plan.deadline.too_long": (
        "完成时限太长（{n} 个字符，最多 {limit} 个）：“{start}”……",
        "time-limit phrase too long ({n} characters, at most {limit}): {start!r}...",
    ),
    "plan.deadline.empty": ("完成时限“{text}”为空", "empty time-limit phrase {text!r}"),
    "plan.deadline.empty_part": (
        "完成时限“{text}”中有空的部分",
        "empty part in time-limit phrase {text!r}",
    ),
    "plan.deadline.two_dates": (
        "完成时限“{text}”中有多个日期：“{first}”和“{second}”",
        "more than one date in time-limit phrase {text!r}: {first!r} and {second!r}",
    ),
    "plan.deadline.phrase": ("“{part}”", "{part!r}"),
    "plan.deadline.part_of": ("“{text}”中的“{part}”", "{part!r} in {text!r}"),
    "plan.deadline.unknown": (
        "无法识别的完成时限{where}（可用的写法：{forms}；或给出 deadline_override）",
        "unknown time-limit phrase {where} (accepted: {forms}; or give deadline_override)",
    ),
    "plan.deadline.span": ("时间段的结束早于开始：{where}", "span ends before it starts: {where}"),
    "plan.deadline.five_year_plan": (
        "{where}中的五年规划“{name}”未知",
        "unknown five-year plan {name!r} in {where}",
    ),
    "plan.deadline.year": (
        "{where}中的年份 {digits} 不存在：应为 {low} 到 {high} 之间的四位数",
        "impossible year {digits} in {where}: expected four digits between {low} and {high}",
    ),
    "plan.deadline.date": (
        "日期不存在：{where}中的{what} {digits}",
        "impossible date: {what} {digits} in {where}",
    ),
    "plan.deadline.month": ("月份", "month"),
    "plan.deadline.day": ("日", "day"),
    "plan.deadline.quarter": ("季度", "quarter"),
}
