"""A columnar fast path for large, clean long-shape CSV files (pyarrow + numpy).

The reference reader (:mod:`gl_plan.data.read`) spends a few microseconds of Python on each
row; a national file of a million rows takes seconds that way. This path parses the file
with pyarrow's CSV reader, normalises each *distinct* region, period and
indicator spelling once through the reference reader's own functions (they are few), and
checks every row with vectorised numpy: the plausible range, counts that are missing,
negative or zero, a value that disagrees with numerator/denominator × 100, unknown names,
bad and future periods.

It only *accepts*: it is used when a file's line numbers are trivially its row index plus
two (no quote characters, no blank lines, the header on line 1, UTF-8 without forced
encoding) and when every row passes; on the first sign of anything else it declines, and
the caller reads the file with the reference reader, so messages are the reference
reader's, byte for byte. Duplicate and conflicting rows need no special care: accepted rows
go into the same :class:`~gl_plan.data.observations.Series` the reference reader fills, in
the same order per period, and the reader's cross-file duplicate check handles them.
"""

from __future__ import annotations

import csv
import io
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gl_plan import limits
from gl_plan.data.columns import Columns, recognise
from gl_plan.data.observations import Series
from gl_plan.data.values import CellError
from gl_plan.io import binary_kind, sniff_delimiter

if TYPE_CHECKING:
    from gl_plan.data.read import _Reader, _Table

#: Files smaller than this (about 250,000 rows) go to the reference reader: below it,
#: importing pyarrow and numpy (about 0.2 s and 70 MB) costs more than it saves.
FAST_MIN_BYTES = 16 * 1024 * 1024

#: How much of a file is scanned at a time.
CHUNK_BYTES = 1 << 22

_ARRAY_LONG = f"i{array('l').itemsize}"
# Every typed array of a Series is 8 bytes an item on the platforms glplan runs on; the
# fast path copies raw bytes into them, so it checks this once.
_ITEM_BYTES_OK = all(array(code).itemsize == 8 for code in "qdl")


def available() -> bool:
    """Whether pyarrow and numpy can be imported."""
    try:
        import numpy  # noqa: F401
        import pyarrow.csv  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return False
    return True


def read_long_csv(
    reader: _Reader,
    path: Path,
    display: str,
    new_table: Callable[[str, str | None, str | None], _Table],
    *,
    min_bytes: int = FAST_MIN_BYTES,
) -> bool:
    """Read ``path`` into ``reader``'s series if it is large, clean and long; True if done.

    Returns False, having changed nothing in ``reader``, when the file is not a candidate or
    any row has a problem; the caller then reads it with the reference reader.
    ``new_table(display, name_region)`` registers the file as a source (only on success).
    """
    if reader.forced is not None or not _ITEM_BYTES_OK:
        return False
    try:
        if path.stat().st_size < min_bytes:
            return False
        scan = _scan(path)
    except (OSError, UnicodeDecodeError):
        return False
    if scan is None or scan[1] + 1 > limits.MAX_INDICATOR_ROWS:
        # Over the row limit: the reference reader refuses it with the message.
        return False
    registered = len(reader.sources)
    try:
        if _read(reader, scan, display, path, new_table):
            return True
    except (ImportError, ValueError, UnicodeDecodeError, KeyError, IndexError):
        pass
    except Exception as exc:  # pyarrow's ArrowInvalid and friends: decline, never fail
        if not type(exc).__module__.startswith("pyarrow"):
            raise
    # Forget the source registered for the file: the reference reader registers it anew.
    del reader.sources[registered:]
    return False


def _scan(path: Path) -> tuple[str, int] | None:
    """The header line and the number of data rows, if the file's lines map one to one to
    rows: no quotes, no blank lines, no binary content, and no carriage return except in a
    Windows line end (CRLF, as Excel writes CSV).

    Read in chunks, so the file is never held whole.
    """
    rows = 0
    header: bytes | None = None
    last = b"\n"
    with path.open("rb") as fh:
        first = True
        while chunk := fh.read(CHUNK_BYTES):
            if chunk.endswith(b"\r"):
                chunk += fh.read(1)  # keep a CRLF whole within one chunk
            if first and binary_kind(chunk[:4096]) is not None:
                return None
            if b'"' in chunk or b"\n\n" in chunk or b"\n\r\n" in chunk:
                return None
            if chunk.count(b"\r") != chunk.count(b"\r\n"):
                return None  # a lone carriage return: not one row per line
            if last == b"\n" and chunk[:1] in (b"\n", b"\r") and not first:
                return None  # a blank line across the chunk boundary
            if first:
                end = chunk.find(b"\n")
                if end < 0:
                    return None
                header = chunk[:end].removesuffix(b"\r")
            rows += chunk.count(b"\n")
            last = chunk[-1:]
            first = False
    if header is None:
        return None
    rows = rows - 1 if last == b"\n" else rows
    return header.decode("utf-8"), rows


def _read(
    reader: _Reader,
    scan: tuple[str, int],
    display: str,
    path: Path,
    new_table: Callable[[str, str | None, str | None], _Table],
) -> bool:
    from gl_plan.data.values import region_from_name

    first, rows_expected = scan
    if first.startswith("\ufeff") or sniff_delimiter(first) != ",":
        return False
    header = next(csv.reader(io.StringIO(first)))
    if not "".join(header).strip():
        return False
    name_region = region_from_name(path.name, reader.plan)
    found = recognise(
        header,
        reader.plan,
        file=display,
        line=1,
        sheet=None,
        region_known=name_region is not None,
    )
    cols = found.columns
    if cols is None or found.problems or not _simple(cols, len(header)):
        return False
    if rows_expected <= 0:
        return False

    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    assert cols.region is not None
    assert cols.indicator is not None
    names = [f"c{i}" for i in range(len(header))]
    numeric = {c for c in (cols.value, cols.numerator, cols.denominator) if c is not None}
    types: dict[str, Any] = {
        names[i]: (pa.float64() if i in numeric else pa.dictionary(pa.int32(), pa.string()))
        for i in (cols.region, cols.period, cols.indicator, *numeric)
    }
    pool = pa.system_memory_pool()
    table = pacsv.read_csv(
        str(path),
        # One thread: on a few cores it is as fast, and it needs far less memory.
        read_options=pacsv.ReadOptions(skip_rows=1, column_names=names, use_threads=False),
        parse_options=pacsv.ParseOptions(delimiter=",", quote_char=False),
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            include_columns=list(types),
            null_values=[""],
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
        # The C library's allocator gives freed blocks back; arrow's own keeps them, and
        # everything after the reading would then stack on top of them.
        memory_pool=pool,
    )
    table = table.unify_dictionaries(memory_pool=pool)
    n = table.num_rows
    if n != rows_expected:
        return False

    t = new_table(display, None, name_region)

    def codes(
        table: Any, col: int, resolve: Callable[[str], object]
    ) -> tuple[Any, list[object]] | None:
        chunked = table.column(names[col])
        dictionary = chunked.chunk(0).dictionary if chunked.num_chunks else pa.array([])
        mapped = [resolve(s) for s in dictionary.to_pylist()]
        if any(isinstance(m, CellError) for m in mapped):
            return None
        idx = (
            np.concatenate([c.indices.to_numpy(zero_copy_only=False) for c in chunked.chunks])
            if chunked.num_chunks
            else np.zeros(0, np.int32)
        )
        return idx, mapped

    def period_of(s: str) -> object:
        got = reader.period_cache.get(s)
        if got is None:
            got = reader.period_cache[s] = reader._resolve_period(s)
        return got

    regions = codes(table, cols.region, lambda s: reader._resolve_region(s, t))
    indicators = codes(table, cols.indicator, reader._resolve_indicator)
    periods = codes(table, cols.period, period_of)
    if regions is None or indicators is None or periods is None:
        return False

    def floats(table: Any, col: int | None) -> Any:
        if col is None:
            return np.full(n, np.nan)
        column = table.column(names[col])
        out = column.to_numpy()
        given = ~np.asarray(column.is_null().to_numpy(zero_copy_only=False))
        # "nan" and "inf" parse here, but are not numbers the reference accepts.
        if not np.isfinite(out[given]).all():
            raise ValueError("not finite")
        return out

    value, num, den = (floats(table, c) for c in (cols.value, cols.numerator, cols.denominator))
    del table  # the columns are numpy arrays now
    has_num, has_den = ~np.isnan(num), ~np.isnan(den)
    counted = has_num | has_den
    if (counted & ~(has_num & has_den)).any():
        return False
    if (counted & ((num < 0) | ~(den > 0))).any():
        return False
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = num * 100.0 / den
    given = ~np.isnan(value)
    if (counted & given & (np.abs(value - rate) > reader.tolerance)).any():
        return False
    if (~counted & ~given).any():
        return False
    value = np.where(given, value, rate)

    r_idx, r_map = regions
    i_idx, i_map = indicators
    p_idx, p_map = periods
    ind_ids = [str(m) for m in i_map]
    lo = np.array([reader.ranges[i][0] for i in ind_ids], dtype=np.float64)
    hi = np.array([reader.ranges[i][1] for i in ind_ids], dtype=np.float64)
    if ((value < lo[i_idx]) | (value > hi[i_idx])).any():
        return False

    ordinals = np.array(p_map, dtype=np.int64)[p_idx]
    del p_idx, rate, given, counted, has_num, has_den
    # Distinct spellings may name one region or indicator: key on the normalised codes.
    region_codes, r_key = np.unique(
        np.array([str(m) for m in r_map], dtype=object), return_inverse=True
    )
    ind_codes, i_key = np.unique(np.array(ind_ids, dtype=object), return_inverse=True)
    pair = r_key[r_idx].astype(np.int64) * len(ind_codes) + i_key[i_idx]
    del r_idx, i_idx
    order = np.lexsort((ordinals, pair))  # stable: equal periods stay in file order
    pair_sorted = pair[order]
    del pair
    bounds = np.flatnonzero(np.diff(pair_sorted)) + 1
    starts = np.concatenate(([0], bounds))
    stops = np.concatenate((bounds, [n]))
    regions_list = [str(c) for c in region_codes.tolist()]
    inds_list = [str(c) for c in ind_codes.tolist()]
    n_ind = len(inds_list)
    pairs_list = pair_sorted[starts].tolist()
    del pair_sorted
    # Series are created in the order their first row appears, as the reference does.
    first_row = np.minimum.reduceat(order, starts) if n else order
    created = np.argsort(first_row, kind="stable").tolist()
    starts_list, stops_list = starts.tolist(), stops.tolist()
    spans = [(starts_list[k] * 8, stops_list[k] * 8) for k in created]
    targets: list[Series] = []
    series = reader.series
    for k in created:
        p = pairs_list[k]
        key = (regions_list[p // n_ind], inds_list[p % n_ind])
        s = series.get(key)
        if s is None:
            s = series[key] = Series(*key)
        targets.append(s)
    # One column at a time, so only one sorted copy is held besides the series.
    columns: list[tuple[str, Callable[[], Any]]] = [
        ("ordinals", lambda: ordinals[order]),
        ("values", lambda: value[order]),
        ("numerators", lambda: num[order]),
        ("denominators", lambda: den[order]),
        ("sources", lambda: np.full(n, t.source, dtype=_ARRAY_LONG)),
        ("lines", lambda: (order + 2).astype(np.int64)),
    ]
    for name, make in columns:
        data = np.ascontiguousarray(make()).data.cast("B")
        for s, (a, b) in zip(targets, spans, strict=True):
            getattr(s, name).frombytes(data[a:b])
        del data
    from gl_plan.data.read import FileInfo

    reader.files.append(FileInfo(display, "utf-8", n, "long"))
    return True


def _simple(cols: Columns, n_header: int) -> bool:
    """A plain long layout: a region column, no second region column, no unlabelled ones."""
    return (
        cols.shape == "long"
        and cols.width == n_header
        and cols.region is not None
        and cols.indicator is not None
        and not cols.region_alt
        and all(cols.labels[c] for c in cols.ignored)
    )
