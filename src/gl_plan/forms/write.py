"""Draw the form as an Excel workbook with openpyxl: the only module that imports it.

A sheet per region in the statistical-form layout (title, reporting unit and period, then
``指标名称 | 计量单位 | 本期数 | 上年同期数 | 备注``), the figure cells unlocked and
validated, everything else locked (sheet protection without a password: it guards against
a slip, not a person); a ``填报说明`` sheet; and the hidden sheet of keys
(:data:`~gl_plan.forms.layout.KEYS_SHEET`) that makes reading the filled form exact.
The workbook is returned as bytes: the caller writes it (atomically).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from gl_plan.forms.layout import (
    CURRENT_COLUMN,
    FIRST_ROW,
    KEYS_SHEET,
    MARKER,
    NAME_COLUMN,
    NOTE_COLUMN,
    PREVIOUS_COLUMN,
    RATE_DECIMALS,
    TEMPLATE_VERSION,
    UNIT_COLUMN,
    FormRow,
    form_rows,
    period_words,
    previous_period,
    template_name,
    unit_label,
)
from gl_plan.i18n import Lang, _, pgettext
from gl_plan.periods import Period
from gl_plan.plan.models import Plan, Region

#: The steps of the instructions, by their number.
_FORM_GUIDE_STEP: Final = {
    1: _(
        "1. Type only in the light yellow cells (this period, same period last year, "
        "note); the other cells are locked.",
    ),
    2: _(
        "2. Counts are whole numbers; once a rate's two counts are typed the rate computes itself.",
    ),
    3: _(
        "3. With a rate but no counts, type the rate in its cell as a number (96.5, no % sign).",
    ),
    4: _(
        "4. Do not add or delete rows, columns or sheets; saving as .xls or .xlsx is "
        "fine, and so is renaming the file.",
    ),
}

#: What a count is to each indicator it feeds, by its role there.
_FORM_GUIDE_ROLE: Final = {
    "numerator": _("numerator of {indicator!r}"),
    "denominator": _("denominator of {indicator!r}"),
    "value": _("value of {indicator!r}"),
}

#: The headings of the form's columns, left to right.
_FORM_COLUMNS: Final = (
    pgettext("form.column", "Indicator"),
    pgettext("form.column", "Unit"),
    pgettext("form.column", "This period"),
    pgettext("form.column", "Same period last year"),
    pgettext("form.column", "Note"),
)


_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_INPUT = PatternFill("solid", fgColor="FFF9E5")
_HEADER = PatternFill("solid", fgColor="E8EEF7")
_UNLOCKED = Protection(locked=False)
#: The instructions' column, in Excel's character widths, and the height of one line.
_GUIDE_WIDTH = 80
_LINE_POINTS = 15
_COLUMN_WIDTHS = {"A": 46, "B": 10, "C": 14, "D": 14, "E": 24}


@dataclass(frozen=True)
class FormRequest:
    """What the bureau asks: the period, the deadline and whom to send the form to."""

    period: Period
    lang: Lang = "zh"
    due: date | None = None
    contact: str | None = None


def template_bytes(plan: Plan, regions: Sequence[Region], request: FormRequest) -> bytes:
    """One workbook: a form sheet per region (one region for a county's own file), the
    instructions, and the hidden keys."""
    book = Workbook()
    first = book.active
    rows = form_rows(plan)
    sheets: list[tuple[str, Region]] = []
    for i, region in enumerate(regions):
        ws = first if i == 0 else book.create_sheet()
        ws.title = _sheet_title(region, request.lang)
        _draw_form(ws, plan, region, rows, request)
        sheets.append((ws.title, region))
    _draw_guide(book.create_sheet(_("Instructions").text(request.lang)), plan, rows, request)
    _draw_keys(book.create_sheet(KEYS_SHEET), plan, rows, sheets, request.period)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(region: Region, lang: Lang) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet name.
    name = region.name.get(lang)
    return "".join(c for c in name if c not in "[]:*?/\\")[:31] or region.code


def _draw_form(
    ws: Worksheet, plan: Plan, region: Region, rows: Sequence[FormRow], request: FormRequest
) -> None:
    lang, period = request.lang, request.period
    title = _(
        "{region}: main education indicators, {period}",
        region=region.name.get(lang),
        period=period_words(period, lang),
    ).text(lang)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=NOTE_COLUMN)
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.cell(
        2,
        1,
        _("Reporting unit: {region} ({code})", region=region.name.get(lang), code=region.code).text(
            lang
        ),
    )
    ws.merge_cells(start_row=2, start_column=CURRENT_COLUMN, end_row=2, end_column=NOTE_COLUMN)
    ws.cell(2, CURRENT_COLUMN, _("Period: {period}", period=period_words(period, lang)).text(lang))
    for col, heading in enumerate(_FORM_COLUMNS, start=1):
        cell = ws.cell(FIRST_ROW - 1, col, heading.text(lang))
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER, _BOX
        cell.alignment = Alignment(horizontal="center")
    before = period_words(previous_period(period), lang)
    for row in rows:
        indent = 1 if row.kind == "count" else 0
        name = ws.cell(row.row, NAME_COLUMN, row.name.get(lang))
        name.alignment = Alignment(indent=indent, wrap_text=True, vertical="center")
        if row.kind != "count":
            name.font = Font(bold=True)  # the rate stands out from the counts it is made of
        ws.cell(row.row, UNIT_COLUMN, unit_label(row, plan, lang))
        for col in (CURRENT_COLUMN, PREVIOUS_COLUMN):
            cell = ws.cell(row.row, col)
            cell.protection, cell.fill = _UNLOCKED, _INPUT
            cell.number_format = "0" if row.whole else "0.00"
            if row.numerator_row is not None and row.denominator_row is not None:
                cell.value = _rate_formula(row, col)
        ws.cell(row.row, NOTE_COLUMN).protection = _UNLOCKED
        for col in range(1, NOTE_COLUMN + 1):
            ws.cell(row.row, col).border = _BOX
        _validate(ws, row, lang, before)
    for letter, width in _COLUMN_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = ws.cell(FIRST_ROW, CURRENT_COLUMN)
    # Printed (or sent as PDF) on one page's width, as a statistical form is.
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.page_setup.orientation = "portrait"
    ws.protection.sheet = True  # no password: a guard against slips, not people
    ws.protection.formatColumns = False  # the county may widen a column


def _column(col: int) -> str:
    return "ABCDE"[col - 1]


def _rate_formula(row: FormRow, col: int) -> str:
    """``=IF(AND(ISNUMBER(C4),ISNUMBER(C5),C5>0),ROUND(C4/C5*100,2),"")``: the rate of the
    counts typed, blank until both are."""
    c = _column(col)
    num, den = f"{c}{row.numerator_row}", f"{c}{row.denominator_row}"
    scale = row.scale or 1.0
    factor = f"*{scale:g}" if scale != 1.0 else ""
    return (
        f"=IF(AND(ISNUMBER({num}),ISNUMBER({den}),{den}>0),"
        f'ROUND({num}/{den}{factor},{RATE_DECIMALS}),"")'
    )


def _validate(ws: Worksheet, row: FormRow, lang: Lang, before: str) -> None:
    """Excel's own check as the county types: whole numbers ≥ 0 for a count, the plausible
    range for a rate; the input message says what is asked."""
    cells = f"{_column(CURRENT_COLUMN)}{row.row}:{_column(PREVIOUS_COLUMN)}{row.row}"
    if row.whole:
        rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
        prompt = _(
            "A whole number, 0 or more. Same period last year: the figure of {before}.",
            before=before,
        ).text(lang)
        error = _("Type a whole number, 0 or more.").text(lang)
    else:
        low, high = f"{row.low:g}", f"{row.high:g}"
        rule = DataValidation(type="decimal", operator="between", formula1=low, formula2=high)
        key = (
            _(
                "Computed from the two counts above; with the rate but no counts, type it "
                "over the formula (between {low} and {high}). Same period last year: the "
                "figure of {before}.",
            )
            if row.numerator_row is not None
            else _(
                "The rate as a number (no % sign), between {low} and {high}. Same period last "
                "year: the figure of {before}.",
            )
        )
        prompt = key.format(low=low, high=high, before=before).text(lang)
        error = _(
            "Type a number between {low} and {high} (a percentage without the % sign).",
            low=low,
            high=high,
        ).text(lang)
    rule.allow_blank = True
    rule.showInputMessage = rule.showErrorMessage = True
    rule.promptTitle = row.name.get(lang)[:32]  # Excel's limits: 32 and 255 characters
    rule.prompt = prompt[:255]
    rule.errorTitle = _("Value not accepted").text(lang)
    rule.error = error[:255]
    ws.add_data_validation(rule)
    rule.add(cells)


def _draw_guide(ws: Worksheet, plan: Plan, rows: Sequence[FormRow], request: FormRequest) -> None:
    lang = request.lang
    lines: list[tuple[str, bool]] = [(_("How to fill in the form").text(lang), True)]
    lines += [(_FORM_GUIDE_STEP[i].text(lang), False) for i in range(1, 5)]
    if request.due is not None:
        lines.append((_("Send it back by: {due}", due=request.due).text(lang), True))
    if request.contact:
        lines.append((_("Send it to: {contact}", contact=request.contact).text(lang), True))
    lines += [("", False), (_("Definitions").text(lang), True)]
    for row in rows:
        if row.kind == "count":
            feeds = (
                _(", ")
                .text(lang)
                .join(
                    _FORM_GUIDE_ROLE[role]
                    .format(indicator=plan.indicator_by_id[ind].name.get(lang))
                    .text(lang)
                    for ind, role in row.uses
                )
            )
            lines.append(
                (_("{name}: {text}", name=row.name.get(lang), text=feeds).text(lang), False)
            )
        elif row.definition is not None:
            entry = _(
                "{name}: {text}", name=row.name.get(lang), text=row.definition.get(lang)
            ).text(lang)
            lines.append((entry, False))
    lines += [("", False), (_("Source: {plan}", plan=plan.plan.title.get(lang)).text(lang), False)]
    for i, (line, bold) in enumerate(lines, start=1):
        cell = ws.cell(i, 1, line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Excel and LibreOffice do not grow a row for wrapped text written by openpyxl.
        ws.row_dimensions[i].height = _LINE_POINTS * max(1, -(-_width(line) // _GUIDE_WIDTH))
        if bold:
            cell.font = Font(bold=True)
    ws.column_dimensions["A"].width = _GUIDE_WIDTH
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.protection.sheet = True


def _width(line: str) -> int:
    """A line's width in Excel's character widths: a Chinese character takes two."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in line)


def _draw_keys(
    ws: Worksheet,
    plan: Plan,
    rows: Sequence[FormRow],
    sheets: Sequence[tuple[str, Region]],
    period: Period,
) -> None:
    """The keys the reader goes by, whatever the county types in the title or names the
    file: the plan, the period, each form sheet's region, each figure row's meaning."""
    ws.append([MARKER, TEMPLATE_VERSION])
    ws.append(["plan", plan.plan.id])
    ws.append(["period", str(period)])
    ws.append([])
    ws.append(["sheet", "region", "row", "indicator", "role", "numerator_row", "denominator_row"])
    for title, region in sheets:
        for row in rows:
            for indicator, role in row.uses:
                ws.append(
                    [title, region.code, row.row, indicator, role, row.numerator_row,
                     row.denominator_row]
                )  # fmt: skip
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def templates(
    plan: Plan, regions: Sequence[Region], request: FormRequest, *, all_in_one: bool = False
) -> list[tuple[str, bytes]]:
    """The workbooks to send, by file name: one per region
    (``450321_阳朔县_2026Q3.xlsx``), or with ``all_in_one`` one named for the plan's root
    region with a sheet per region."""
    if all_in_one:
        root = plan.root_region
        name = template_name(root.code, root.name.get(request.lang), request.period)
        return [(name, template_bytes(plan, regions, request))]
    return [
        (
            template_name(r.code, r.name.get(request.lang), request.period),
            template_bytes(plan, [r], request),
        )
        for r in regions
    ]
