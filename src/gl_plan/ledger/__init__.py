"""The progress ledger (``data/progress.csv``): an append-only history of task reports.

Each row says what was known about one task on one date::

    date,task,status,value,note,region,reporter,metric
    2022-08-25,A9.4,completed,,县管校聘改革完成,阳朔县,阳朔县教育局,
    2026-09-30,A3.6,in_progress,18,"已建成18所,未达30所",,市教育局电教站,

- ``date``, ``task`` and ``status`` are required; ``value``, ``note``, ``region``,
  ``reporter`` and ``metric`` are optional columns, in any order. Chinese headers (日期, 任务,
  状态, 数值, 备注, 地区, 填报人, 指标) are accepted too.
- ``status`` is ``not_started``, ``in_progress`` or ``completed`` (未开始 / 进行中 / 已完成).
- ``date`` is ISO (2022-08-31); Excel's 2022/8/31, 2022.8.31 and 2022年8月31日 are read too.
- ``value`` is a non-negative number, at most a billion: the figure reached so far for the
  task's first quantity, or for the quantity named in ``metric``.
- ``region`` (any spelling the plan knows: code, name, short name, former name) makes the row
  a report about that region's share of the task, e.g. one of the 6 counties of 县管校聘.

The modules:

- :mod:`gl_plan.ledger.model`: :class:`~gl_plan.ledger.model.LedgerEntry`,
  :class:`~gl_plan.ledger.model.Ledger`, the statuses and the parsers of single fields;
- :mod:`gl_plan.ledger.read`: :func:`~gl_plan.ledger.read.read_ledger` and
  :func:`~gl_plan.ledger.read.parse_ledger_text`, every problem located;
- :mod:`gl_plan.ledger.append`: :func:`~gl_plan.ledger.append.check_entry`, the one check of
  a new entry, and :func:`~gl_plan.ledger.append.append_entries`, which appends checked
  entries in one write in the file's own encoding, delimiter and line ending;
- :mod:`gl_plan.ledger.sheet`: :func:`~gl_plan.ledger.sheet.read_progress_sheet`, the rows of
  a return units send back (``progress import``), each checked by ``check_entry``;
- :mod:`gl_plan.ledger.listing`: :func:`~gl_plan.ledger.listing.select_entries`, the entries
  ``progress list`` shows.
"""
