"""The texts of ``glplan draft``: the comments it writes into a draft plan file and its
messages; part of :data:`gl_plan.i18n.TEXTS`, ``key: (zh, en)`` as there.
"""

from __future__ import annotations

from typing import Final

DRAFT: Final[dict[str, tuple[str, str]]] = {
    "draft.empty": (
        "没有可读的文字（空文件，或只有网页的页眉页脚）",
        "no text to read (an empty file, or only the page's chrome)",
    ),
    "draft.exists": (
        "{output} 已存在：未写入任何内容；加 --force 覆盖它",
        "{output} exists: nothing was written; add --force to replace it",
    ),
    "draft.unplaced": (
        "未归入草稿（{reason}）：{text}",
        "not placed in the draft ({reason}): {text}",
    ),
    "draft.summary": (
        "草稿：{actions} 项行动、{tasks} 项任务、{targets} 个目标；{unplaced} 行未归入（见上）",
        "draft: {actions} actions, {tasks} tasks, {targets} targets; "
        "{unplaced} lines not placed (above)",
    ),
    "draft.head": (
        "由 glplan draft 从 {file} 起草。每一项都是读出来的草稿，请对照原文逐项核对。",
        "Drafted by glplan draft from {file}. Every entry is a reading of the text: "
        "check each against it.",
    ),
    "draft.head_check": (
        "标有“待补充”的须补全；改完后运行 glplan validate 检查。",
        "Complete what is marked 'to complete'; then run glplan validate.",
    ),
    "draft.at_line": ("原文第 {line} 行", "text line {line}"),
    "draft.at_table_line": (
        "主要指标表，原文第 {line} 行",
        "main indicator table, text line {line}",
    ),
    "draft.year_from_title": (
        "；句中没有年份，取自标题或计划期：请核对",
        "; the sentence gives no year: taken from the title or the plan's period, check it",
    ),
    "draft.to_complete": ("待补充", "to complete"),
    "draft.plan_id": (
        "待补充：小写字母、数字和 -",
        "to complete: lower-case letters, digits and -",
    ),
    "draft.title_placeholder": ("待补充的计划标题", "Plan title to complete"),
    "draft.issued.text": ("日期见原文第 {line} 行", "date from text line {line}"),
    "draft.issued.written": ("成文日期", "written date"),
    "draft.issued.published": ("发布时间", "publication date"),
    "draft.issued.chrome": (
        "取自网页的{which}（第 {line} 行）：请核对印发日期",
        "the page's {which} (line {line}): check the issue date",
    ),
    "draft.issued.inferred": (
        "原文只有月日（第 {line} 行），年份取自最早的完成时限：请核对",
        "the text gives month and day only (line {line}); the year is that of the first "
        "time limit: check it",
    ),
    "draft.issued.missing": (
        "待补充：原文没有日期，这是占位",
        "to complete: the text gives no date; this is a placeholder",
    ),
    "draft.region_code": (
        "待补充：地区代码（GB/T 2260 六位代码），或用 --region-code 给出",
        "to complete: the region's code (GB/T 2260, six digits), or give --region-code",
    ),
    "draft.region_named": (
        "由发文机关或标题推断：请核对",
        "read from the issuer or the title: check it",
    ),
    "draft.region_placeholder": ("待补充的地区", "Region to complete"),
    "draft.region_kind": ("待补充：地区级别", "to complete: the region's kind"),
    "draft.region_more": (
        "原文未列出下级地区；要按县区监测，请在此添加（用 parent 指向上面的代码）",
        "the text lists no regions below; to monitor counties, add them here "
        "(parent: the code above)",
    ),
    "draft.indicator_check": (
        "待补充：指标编号、单位、分子分母和合理范围是草稿的占位，请按统计口径修改",
        "to complete: the id, unit, counts and plausible range are the draft's "
        "placeholders; set them from the definition",
    ),
    "draft.numerator": ("分子（待补充）", "numerator (to complete)"),
    "draft.denominator": ("分母（待补充）", "denominator (to complete)"),
    "draft.counts": (
        "占位：只报比率、不报分子分母的指标可删去这两项",
        "placeholders: delete both for an indicator reported as rates only",
    ),
    "draft.range": ("占位：请收窄到合理数值", "placeholder: narrow it to plausible values"),
    "draft.direction": ("由“不超过/以下”推断：请核对", "read from an at-most wording: check it"),
    "draft.indicator_placeholder": (
        "待补充：原文没有找到指标；这是占位，请改为计划的指标",
        "to complete: no indicator was found in the text; a placeholder, replace it",
    ),
    "draft.indicator_name": ("待补充的指标", "Indicator to complete"),
    "draft.goal_placeholder": (
        "待补充：原文没有找到带年份的目标；这是占位",
        "to complete: no dated target was found in the text; a placeholder",
    ),
    "draft.goal_text": ("待补充的目标", "Goal to complete"),
    "draft.action_placeholder": (
        "待补充：原文没有找到行动或任务；这是占位",
        "to complete: no action or task was found in the text; a placeholder",
    ),
    "draft.action_title": ("待补充的任务", "Task to complete"),
    "draft.no_deadline_reason": (
        "原文没有完成时限：草稿暂按持续推进，待补充",
        "the text gives no time limit: the draft keeps it ongoing; to complete",
    ),
    "draft.deadline_note": ("完成时限见原文第 {line} 行", "time limit from text line {line}"),
    "draft.deadline_inherited": (
        "所属行动的完成时限（原文第 {line} 行）：请核对",
        "the action's time limit (text line {line}): check it",
    ),
    "draft.deadline_verbatim": ("；原文写作“{verbatim}”", "; the text writes {verbatim!r}"),
    "draft.deadline_sentence": (
        "取自任务句中的时间（原文第 {line} 行）：请核对",
        "read from the task's sentence (text line {line}): check it",
    ),
    "draft.deadline_missing": (
        "待补充：原文没有完成时限",
        "to complete: the text gives no time limit",
    ),
    "draft.deadline_unread": (
        "待补充：无法识别这个完成时限",
        "to complete: this time limit could not be read",
    ),
    "draft.unplaced_head": (
        "原文中未归入草稿的行（请自行处理）：",
        "Lines of the text not placed in the draft (see to them yourself):",
    ),
    "draft.unplaced_line": ("第 {line} 行（{reason}）：{text}", "line {line} ({reason}): {text}"),
    "draft.reason.section": ("不含任务或目标的章节", "a section with no task or target"),
    "draft.reason.other": ("说明或背景文字", "introduction or background"),
    "draft.reason.table_row": ("主要指标表中未能读出的行", "a row of the indicator table not read"),
    "draft.reason.yearless": ("有目标数值但没有年份", "a target figure without a year"),
    "draft.reason.duplicate": (
        "同一年份同一指标的又一个目标",
        "a second target for one indicator in one year",
    ),
    "draft.reason.ambition": (
        "比更早年份的目标要求更低",
        "less ambitious than an earlier year's target",
    ),
    "draft.reason.deadline": ("无法识别的完成时限", "a time limit that could not be read"),
}
