"""The texts of reading and checking indicator files (``data.*``). ``key: (zh, en)``; part of
:data:`gl_plan.i18n.TEXTS`."""

from __future__ import annotations

from typing import Final

DATA: Final[dict[str, tuple[str, str]]] = {
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
    "data.role.subunit": ("下级单位（乡镇、学校）", "sub-unit (township, school)"),
    "data.role.serial": ("序号", "serial number"),
    "data.role.change": ("增减", "change"),
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
    "data.period.out_of_bounds": (
        "年份 {year} 不在可读取的范围 {first}-{last} 内（可能是笔误，例如把 2000 写成 1900）",
        "year {year} is outside the years read, {first}-{last} (a typo, such as 1900 for 2000?)",
    ),
    "data.period.year_range": (
        "年份 {year} 超出范围 1900-2199",
        "year {year} is out of range 1900-2199",
    ),
    "data.period.quarter_range": ("季度 {quarter} 不在 1-4 之间", "quarter {quarter} is not 1-4"),
    "data.period.too_long": ("时期文字过长", "period text is too long"),
    "data.period.empty": ("时期为空", "empty period"),
    "data.period.unreadable": (
        "无法识别时期“{text}”：应写作 2024Q3、2024-Q3、{quarter_form}、{months_form}或年份",
        "cannot read period {text!r}: expected 2024Q3, 2024-Q3, {quarter_form}, {months_form} "
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
    "data.period.at_month_end": ("{month}末的时点数", "a count at the end of {month}"),
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
    "data.encoding.not_text": (
        "“{encoding}”不是 glplan 读取的文本编码；可用：utf-8、utf-8-sig、gb18030、gbk、gb2312、"
        "big5、utf-16、utf-32（带字节顺序标记，或 -le/-be）、latin-1、cp1252、ascii",
        "{encoding!r} is not a text encoding glplan reads; use one of utf-8, utf-8-sig, "
        "gb18030, gbk, gb2312, big5, utf-16 or utf-32 (with a byte-order mark, or -le/-be), "
        "latin-1, cp1252, ascii",
    ),
    "data.encoding.no_bom": (
        "文件开头没有 {encoding} 的字节顺序标记（BOM）：请改用 {encoding}-le 或 {encoding}-be",
        "the file does not start with a {encoding} byte-order mark: give {encoding}-le or "
        "{encoding}-be",
    ),
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
    "data.book.cells_in_book": (
        "工作簿各工作表合计超过 {limit:,} 个单元格（每个工作表计至最后一行、最后一列；在工作表"
        "“{sheet}”处超出）；一个工作簿最多 {limit:,} 个单元格（{advice}）",
        "the workbook's sheets span more than {limit:,} cells together (each counted to its "
        "last row and column; passed in sheet {sheet!r}); a workbook may span at most "
        "{limit:,} ({advice})",
    ),
    "data.book.xls_overlap": (
        "无法作为 Excel 97-2003 工作簿打开：各工作表的记录相互重叠（读取超过文件记录的 {times} "
        "倍），文件已损坏",
        "cannot open as an Excel 97-2003 workbook: its sheets' records overlap (more than "
        "{times} times the file's records would be read); the file is damaged",
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
    "data.row.swapped": (
        "数值 {value:.4g}（分子 {numerator:g} / 分母 {denominator:g}）超出合理范围（{low:g} 至 "
        "{high:g}），而分子分母对调后的 {inverse:.4g} 在范围内：分子和分母是否填反了？",
        "value {value:.4g} (numerator {numerator:g} / denominator {denominator:g}) is outside "
        "the plausible range ({low:g} to {high:g}), but {inverse:.4g}, the counts the other way "
        "round, is inside: are the numerator and the denominator swapped?",
    ),
    "data.row.numerator_above": (
        "分子 {numerator:g} 大于分母 {denominator:g}（{value:.4g}%），而该指标不能超过 100"
        "（can_exceed_100 为 false）：是否填了不同人群的数，或分子分母填反了？",
        "numerator {numerator:g} is above denominator {denominator:g} ({value:.4g} %), and "
        "this indicator cannot exceed 100 (can_exceed_100: false): counts of different groups, "
        "or numerator and denominator swapped?",
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
    # Counts as data (data/assemble.py, data/header, data/subunits.py, data/corrections.py)
    "data.counts.mismatch": (
        "{region} {indicator} {period}：{numerator:g}/{denominator:g} = {computed:.2f}，"
        "而填报的率为 {value:g}（容差 {tolerance:g}）：是某个人数还是率填错了？两者均按原样保留",
        "{region} {indicator} {period}: {numerator:g}/{denominator:g} = {computed:.2f}, the "
        "rate says {value:g} (tolerance {tolerance:g}): a typo in a count or in the rate? "
        "Both kept as written",
    ),
    "data.counts.swapped": (
        "{indicator}：{numerator:g}/{denominator:g} = {computed:.2f} 与填报的率 {value:g} 不符，"
        "而 {denominator:g}/{numerator:g} = {inverse:.2f} 相符：分子与分母填反了"
        "（“{nlabel}”与“{dlabel}”），按交换后读取",
        "{indicator}: {numerator:g}/{denominator:g} = {computed:.2f} does not give the "
        "reported rate {value:g}, while {denominator:g}/{numerator:g} = {inverse:.2f} does: "
        "numerator and denominator swapped ({nlabel!r} and {dlabel!r}); read swapped",
    ),
    "data.counts.inverse_plausible": (
        "{region} {indicator} {period}：{numerator:g}/{denominator:g} = {computed:.2f} 超出"
        "合理范围 {low:g}-{high:g}，而倒数 {inverse:.2f} 在范围内：分子与分母填反了，按交换后读取",
        "{region} {indicator} {period}: {numerator:g}/{denominator:g} = {computed:.2f} is "
        "outside the plausible range {low:g}-{high:g} while the inverse, {inverse:.2f}, is "
        "inside: numerator and denominator swapped; read swapped",
    ),
    "data.counts.unused": (
        "人数“{label}” {value:g} 未能得出任何指标（缺少：{needs}），未使用",
        "count {label!r} {value:g} gives no figure (missing: {needs}); not used",
    ),
    "data.header.teach": (
        "列“{label}”无法识别，未读取；若它是某个人数或指标，在计划中加一行别名即可：“{yaml}”",
        "column {label!r} is not recognised and not read; if it is a count or an indicator, "
        "teach it once with one line in the plan: {yaml}",
    ),
    "data.form.teach": (
        "“{name}”不是计划中的指标或人数，该行未读取；若是，在计划中加一行别名即可：“{yaml}”",
        "{name!r} is not an indicator or count of the plan; row not read. If it is one, "
        "teach it once with one line in the plan: {yaml}",
    ),
    "data.form.previous_read": (
        "列“{label}”读作同一时期上年（{before}）的数据，仅在没有该时期自己的文件时使用",
        "column {label!r} read as the same period a year earlier ({before}); used only "
        "where no file of that period gives the figure",
    ),
    "data.form.number_row": (
        "第 {line} 行是栏次（{text}），不是数据",
        "line {line} numbers the columns ({text}); not data",
    ),
    "data.form.subrow": (
        "“{name}”是上一行的“其中”分项，不是单独的指标，未读取",
        "{name!r} is an 'of which' part of the row above, not a figure of its own; not read",
    ),
    "data.subunits.total": (
        "表中列出 {n} 个下级单位（乡镇、学校），{region} 的数据取自合计行（第 {line} 行），"
        "各行不作为 {region} 的数据",
        "the table lists {n} sub-units (townships, schools): {region}'s figures are its "
        "total row (line {line}); the rows are not {region}'s figures",
    ),
    "data.subunits.summed": (
        "表中列出 {n} 个下级单位（乡镇、学校）而没有合计行：{region} 的人数为各行之和"
        "（第 {lines} 行），率由此计算",
        "the table lists {n} sub-units (townships, schools) and no total row: {region}'s "
        "counts are the sum of the rows (lines {lines}) and its rates computed from them",
    ),
    "data.subunits.unknown": (
        "“{name}”不是计划中的地区：视为 {region} 的下级单位（乡镇、学校），不作为任何地区的数据",
        "{name!r} is not a region of the plan: read as a sub-unit (township, school) of "
        "{region}, not as any region's figure",
    ),
    "data.subunits.sheet": (
        "工作表列出下级单位（学校、幼儿园）及合计，不作为 {region} 的数据另行计入",
        "the sheet lists sub-units (schools, kindergartens) with a total; not counted again "
        "as {region}'s figures",
    ),
    "data.correction.superseded": (
        "{file} 已被更正版 {by} 取代（规则：文件名带“更正”“更正版”“修订”或 _v2 等版本号者"
        "取代同名原表），其数据未使用",
        "{file} is superseded by the corrected {by} (rule: a file whose name adds a "
        "correction marker, 'corrected' or 'revised' in Chinese or a version such as _v2, "
        "replaces the file of the same name); its figures are not used",
    ),
    "data.prior.differs": (
        "{what}：本期文件的 {value:g} 取代了 {other} 中“上年同期数”栏的 {prior:g}",
        "{what}: {value:g} from the period's own file supersedes {prior:g} in the year-earlier "
        "column of {other}",
    ),
    "data.yoy.jump": (
        "{what}：{value:g} 比上年同期（{period}，{where}）的 {before:g} "
        "变动 {change:+.1f} 个百分点，超过 {limit:g}；数值照收，请核实原因",
        "{what}: {value:g} is {change:+.1f} points from {before:g} a year earlier ({period}, "
        "{where}), beyond {limit:g}; the value is accepted, check the cause",
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
    "data.merge.rounded": (
        "同一数值的不同舍入：{what} 此处为 {value:g}，{where} 处为 {kept:g}（相差不超过 "
        "settings.rate_tolerance {tolerance:g}）；使用更精确的一份",
        "the same figure, rounded: {what} is {value:g} here and {kept:g} at {where} (within "
        "settings.rate_tolerance, {tolerance:g}); the more precise is used",
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
    "data.quality.not_reported_many": (
        "{count} 个地区未报送 {period}（数据中最新一期）：{regions}；缺 {indicators}",
        "{count} regions did not report {period} (the latest period in the data): {regions}; "
        "missing {indicators}",
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
    "data.quality.denominator_jump": (
        "分母变化过大：{region} {indicator} {period} 的分母为 {denominator:g}，{before} 为 "
        "{before_denominator:g}（{where}），变化 {change:+.0%}，超过 {limit:.0%}；"
        "是否把其他地区的数填在了这个代码下，或录入有误？",
        "denominator jump: {region} {indicator} {period} has denominator {denominator:g}, "
        "{before} had {before_denominator:g} ({where}): a change of {change:+.0%}, more than "
        "{limit:.0%} in one period; another region's counts under this code, or a typing "
        "error?",
    ),
    "data.quality.numerator_above": (
        "{region} {indicator} {period}：分子 {numerator:g} 大于分母 {denominator:g}"
        "（{value:.4g}%），而该指标不能超过 100（can_exceed_100 为 false）：是否填了不同人群的数，"
        "或分子分母填反了？",
        "{region} {indicator} {period}: numerator {numerator:g} is above denominator "
        "{denominator:g} ({value:.4g} %), and this indicator cannot exceed 100 "
        "(can_exceed_100: false): counts of different groups, or numerator and denominator "
        "swapped?",
    ),
    "data.more_problems": (
        "……另有 {n} 条 {code} 问题未列出",
        "... and {n} more {code} problems not listed",
    ),
}
