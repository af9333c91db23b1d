"""The texts of reading and checking indicator files (``data.*``). ``key: (zh, en)``; part of
:data:`gl_plan.i18n.TEXTS`."""

from __future__ import annotations

from typing import Final

DATA: Final[dict[str, tuple[str, str]]] = {
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
    "data.more_problems": (
        "……另有 {n} 条 {code} 问题未列出",
        "... and {n} more {code} problems not listed",
    ),
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
