"""The documented limits on what glplan reads, in one place.

Every limit is far above what the Guilin plan and its 17 counties need, and high enough for a
province or the whole country (the benchmarks' national plan has about 8,700 regions and
170,000 YAML values; its indicator file has 1,000,000 rows in about 60 MB). What they stop is
a mistaken argument (a video, a database dump, ``/dev/zero``) or a hostile file, which would
otherwise cost minutes and gigabytes before failing. Input over a limit is refused with a
message naming the file and the limit; nothing is half-read.

Where each is enforced: the plan limits in :mod:`gl_plan.plan.load`, the ledger limits in
:mod:`gl_plan.ledger`, the field limit in :mod:`gl_plan.decoding`, the indicator
file limits in :mod:`gl_plan.data.read` (file size, problems per kind),
:mod:`gl_plan.data.csvfile` (rows of a CSV file), :mod:`gl_plan.data.xlsxguard` (the
.xlsx limits, rows and cells included, checked before a workbook is parsed; the zip limits
of .ods and .xlsb), :mod:`gl_plan.data.odsguard` and :mod:`gl_plan.data.xlsguard` (the
rows and cells of an .ods or .xls, checked before it is opened, since opening one lays out
every sheet) and :mod:`gl_plan.data.spreadsheet` (the size of an .xls or .xlsb, and every
sheet's extent before its cells are turned into values). A file over a limit is refused
whole: the rows read before the limit was reached are not used.
"""

from __future__ import annotations

from typing import Final

MB: Final = 1024 * 1024

#: A plan file (YAML). The Guilin plan is 60 KB; a national plan with 8,700 regions 1.2 MB.
MAX_PLAN_BYTES: Final = 5 * MB
#: Values (scalars, lists and mappings) in a plan: the Guilin plan has 2,000, the national
#: benchmark plan 170,000. Checked while parsing, so a file of a million tiny values
#: (``[1,1,1,...]``) is refused after a fraction of a second instead of filling memory.
MAX_PLAN_NODES: Final = 500_000
#: How deeply a plan may nest lists and mappings: the Guilin plan goes 9 levels deep.
MAX_PLAN_DEPTH: Final = 64
#: Problems listed for one plan; the rest are counted in a last message.
MAX_PLAN_PROBLEMS: Final = 200

#: An indicator file (CSV or XLSX). A county's quarterly file is kilobytes; a national long
#: file of a million rows about 60 MB.
MAX_INDICATOR_FILE_BYTES: Final = 200 * MB
#: Rows in one CSV indicator file (header, title and blank rows included): five national
#: files' worth. Reading stops at the first row past it.
MAX_INDICATOR_ROWS: Final = 5_000_000
#: Rows in one workbook, all sheets together, each sheet counted to its last row (header,
#: title and blank rows included). A county's workbook has under a thousand; a workbook is
#: read into memory whole, so larger tables belong in CSV.
MAX_XLSX_ROWS: Final = 100_000
#: Cells in the grid of one sheet (its last row × its last column), which the spreadsheet
#: library holds whole: 100,000 rows of 20 columns. The grids of all a workbook's sheets
#: together are held to it too: an .ods or .xls has every sheet laid out when it is opened.
MAX_XLSX_CELLS: Final = 2_000_000
#: An .xlsx is a zip of XML files; what its members declare they expand to, checked before
#: the workbook is opened (a 2 MB workbook can expand to gigabytes).
MAX_XLSX_EXPANDED_BYTES: Final = 500 * MB
#: The workbook's shared-string table, which the spreadsheet library holds in memory
#: whole. A county's is kilobytes: its region and indicator names repeat.
MAX_XLSX_SHARED_STRINGS_BYTES: Final = 100 * MB
#: Any other part read whole (styles, relationships, the workbook itself, the content
#: types). Excel's are kilobytes; a style table bloated by years of copying sheets, a few
#: MB. Worksheets are limited by the limits above.
MAX_XLSX_PART_BYTES: Final = 20 * MB
#: The zip's table of contents, read whole before anything else (zipfile keeps an object of
#: a few hundred bytes for each entry however small): a workbook lists a few dozen parts,
#: under 100 bytes each. Stops a zip of millions of empty entries.
MAX_XLSX_DIRECTORY_BYTES: Final = 4 * MB

#: An Excel 97-2003 .xls or an .xlsb workbook, which the spreadsheet library reads whole
#: (an .xls cannot be checked part by part as an .xlsx is): a county's is under a megabyte.
MAX_BINARY_WORKBOOK_BYTES: Final = 20 * MB

#: The progress ledger: a few hundred lines a year, a few kilobytes.
MAX_LEDGER_BYTES: Final = 20 * MB
#: Rows in a progress ledger: 35 tasks x 17 regions x 40 quarters is 24,000.
MAX_LEDGER_ROWS: Final = 100_000

#: One CSV cell, in characters (notes included): a hostile field cannot eat memory.
MAX_FIELD_CHARS: Final = 10_000

#: Problems of one kind listed for one file; the rest are counted in a summary line.
MAX_PROBLEMS_PER_KIND: Final = 100

__all__ = [
    "MAX_BINARY_WORKBOOK_BYTES",
    "MAX_FIELD_CHARS",
    "MAX_INDICATOR_FILE_BYTES",
    "MAX_INDICATOR_ROWS",
    "MAX_LEDGER_BYTES",
    "MAX_LEDGER_ROWS",
    "MAX_PLAN_BYTES",
    "MAX_PLAN_DEPTH",
    "MAX_PLAN_NODES",
    "MAX_PLAN_PROBLEMS",
    "MAX_PROBLEMS_PER_KIND",
    "MAX_XLSX_CELLS",
    "MAX_XLSX_DIRECTORY_BYTES",
    "MAX_XLSX_EXPANDED_BYTES",
    "MAX_XLSX_PART_BYTES",
    "MAX_XLSX_ROWS",
    "MAX_XLSX_SHARED_STRINGS_BYTES",
    "MB",
]
