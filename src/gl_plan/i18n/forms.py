"""The texts of the bureau's form and of reading it back (``form.*``). ``key: (zh, en)``;
part of :data:`gl_plan.i18n.TEXTS`."""

from __future__ import annotations

from typing import Final

FORMS: Final[dict[str, tuple[str, str]]] = {
    # --- the template the bureau sends out (form.*) ----------------------------------
    "form.title": (
        "{region}{period}教育主要指标报表",
        "{region}: main education indicators, {period}",
    ),
    "form.period.quarter": ("{year}年第{q_zh}季度", "Q{q_en} {year}"),
    "form.period.year": ("{year}年", "{year}"),
    "form.unit_line": ("填报单位：{region}（{code}）", "Reporting unit: {region} ({code})"),
    "form.period_line": ("报告期：{period}", "Period: {period}"),
    "form.col.name": ("指标名称", "Indicator"),
    "form.col.unit": ("计量单位", "Unit"),
    "form.col.current": ("本期数", "This period"),
    "form.col.previous": ("上年同期数", "Same period last year"),
    "form.col.note": ("备注", "Note"),
    "form.unit.persons": ("人", "persons"),
    "form.unit.count": ("个", "count"),
    "form.unit.percent": ("%", "%"),
    "form.unit.ratio": ("比值", "ratio"),
    "form.unit.per_thousand": ("‰", "per 1,000"),
    "form.unit.years": ("年", "years"),
    "form.prompt.count": (
        "填写整数（≥0）。上年同期数填{before}的数。",
        "A whole number, 0 or more. Same period last year: the figure of {before}.",
    ),
    "form.prompt.rate": (
        "填写百分比数值（不带%），应在 {low} 至 {high} 之间。上年同期数填{before}的数。",
        "The rate as a number (no % sign), between {low} and {high}. Same period last "
        "year: the figure of {before}.",
    ),
    "form.prompt.formula": (
        "已按上面两项人数自动计算；只有比率、没有人数时，可直接覆盖填写（{low} 至 {high} 之间）。"
        "上年同期数填{before}的数。",
        "Computed from the two counts above; with the rate but no counts, type it over the "
        "formula (between {low} and {high}). Same period last year: the figure of {before}.",
    ),
    "form.error.title": ("数值不符合要求", "Value not accepted"),
    "form.error.count": ("请填写大于或等于 0 的整数。", "Type a whole number, 0 or more."),
    "form.error.rate": (
        "请填写 {low} 至 {high} 之间的数值（百分比不带%）。",
        "Type a number between {low} and {high} (a percentage without the % sign).",
    ),
    "form.guide.sheet": ("填报说明", "Instructions"),
    "form.guide.title": ("填报说明", "How to fill in the form"),
    "form.guide.step1": (
        "一、只在浅黄色单元格（本期数、上年同期数、备注）中填写，其余单元格已锁定。",
        "1. Type only in the light yellow cells (this period, same period last year, note); "
        "the other cells are locked.",
    ),
    "form.guide.step2": (
        "二、人数填整数；填写分子、分母人数后，比率自动计算，无需另填。",
        "2. Counts are whole numbers; once a rate's two counts are typed the rate computes itself.",
    ),
    "form.guide.step3": (
        "三、只有比率、没有人数时，直接在比率单元格填写百分比数值（如 96.5，不带%）。",
        "3. With a rate but no counts, type the rate in its cell as a number (96.5, no % sign).",
    ),
    "form.guide.step4": (
        "四、请勿增删行、列或工作表，可另存为 .xls 或 .xlsx；文件名可以修改。",
        "4. Do not add or delete rows, columns or sheets; saving as .xls or .xlsx is fine, "
        "and so is renaming the file.",
    ),
    "form.guide.due": ("报送截止日期：{due}", "Send it back by: {due}"),
    "form.guide.contact": ("报送至：{contact}", "Send it to: {contact}"),
    "form.guide.definitions": ("指标解释", "Definitions"),
    "form.guide.entry": ("{name}：{text}", "{name}: {text}"),
    "form.guide.numerator": ("“{indicator}”的分子", "numerator of {indicator!r}"),
    "form.guide.denominator": ("“{indicator}”的分母", "denominator of {indicator!r}"),
    "form.guide.value": ("“{indicator}”的数值", "value of {indicator!r}"),
    "form.guide.source": ("依据：{plan}", "Source: {plan}"),
    # Reading a filled template back.
    "form.read.other_plan": (
        "这是计划“{found}”的报表模板，而本次检查的计划是“{expected}”",
        "a template of plan {found!r}, but the plan checked is {expected!r}",
    ),
    "form.read.other_period": (
        "报表模板的报告期是 {found}，而{where}写的是 {expected}",
        "the template is for {found}, but {where} says {expected}",
    ),
    "form.read.other_region": (
        "工作表“{sheet}”是 {found} 的报表，而{where}写的是 {expected}",
        "sheet {sheet!r} is the form of {found}, but {where} says {expected}",
    ),
    "form.read.version": (
        "报表模板版本 {found} 无法读取（本程序读取版本 {supported}），"
        "请用 glplan template 重新生成",
        "template version {found} cannot be read (this glplan reads version {supported}); "
        "make a new one with glplan template",
    ),
    "form.read.damaged": (
        "报表模板的隐藏工作表 {sheet} 已损坏（{detail}），请用 glplan template 重新生成",
        "the template's hidden sheet {sheet} is damaged ({detail}); make a new one with "
        "glplan template",
    ),
    "form.read.no_sheet": (
        "报表模板中找不到工作表“{sheet}”（{region} 的报表），请勿删除或重命名工作表",
        "the template has no sheet {sheet!r} (the form of {region}); do not delete or "
        "rename sheets",
    ),
    "form.read.not_whole": (
        "{what} 应为不小于 0 的整数，读到 {value}",
        "{what} must be a whole number, 0 or more; found {value}",
    ),
    "form.read.rate_differs": (
        "{what} 填的是 {value}，而分子 {numerator} ÷ 分母 {denominator} 算得 {computed}",
        "{what} is {value}, but numerator {numerator} / denominator {denominator} gives {computed}",
    ),
    "form.read.superseded": (
        "已被更正的报表 {newer}（{region} {period}，修改时间较晚）取代，本文件的数据未使用",
        "superseded by the correction {newer} ({region} {period}, modified later): this "
        "file's figures are not used",
    ),
}
