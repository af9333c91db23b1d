"""Decoding and row splitting, in memory and streaming."""

from __future__ import annotations

import codecs
import csv
import io

import pytest

from gl_plan import decoding as textfile
from gl_plan.decoding import decode, detect_encoding, iter_rows
from gl_plan.errors import Severity

ZH = "地区,时期\n阳朔县,2024年第三季度\n"


@pytest.mark.parametrize(
    ("raw", "encoding", "warned"),
    [
        (ZH.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + ZH.encode("utf-8"), "utf-8-sig", False),
        (ZH.encode("gbk"), "gb18030", True),
        ("café,crème\n".encode("latin-1"), "latin-1", True),
        (b"", "utf-8", False),
    ],
)
def test_decode(raw: bytes, encoding: str, warned: bool) -> None:
    decoded = decode(raw, "f.csv")
    assert decoded.encoding == encoding
    assert bool(decoded.problems) == warned
    # A clean GBK file is a note (as good as UTF-8); Latin-1, a guess, is a warning.
    severity = Severity.WARNING if encoding == "latin-1" else Severity.INFO
    assert all(p.severity is severity and p.file == "f.csv" for p in decoded.problems)
    if encoding != "latin-1":
        assert decoded.text == raw.decode(encoding)


def test_utf8_error_far_into_a_large_file_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textfile, "CHUNK_BYTES", 16)
    raw = ("a,b\n" * 50).encode() + ZH.encode("gbk")
    detected = detect_encoding(io.BytesIO(raw), "f.csv")
    assert detected.encoding == "gb18030"


def test_forced_encoding_error_gives_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textfile, "CHUNK_BYTES", 16)
    raw = ("a,b\n" * 50).encode() + ZH.encode("gbk")
    detected = detect_encoding(io.BytesIO(raw), "f.csv", "utf-8")
    assert not detected.readable
    [problem] = detected.problems
    assert (problem.code, problem.line) == ("encoding-error", 51)


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"\x1f\x8b\x08", "gzip"),
        (b"PK\x03\x04", "ZIP"),
        (b"%PDF-1.4", "PDF"),
        (b"a\x00b", "binary"),
    ],
)
def test_binary_files(head: bytes, what: str) -> None:
    decoded = decode(head + b"rest", "f.csv")
    assert decoded.text == ""
    assert what in decoded.problems[0].text()


def test_iter_rows_string_and_stream_agree() -> None:
    text = 'a,b\r\n"multi\nline",2\r\n\r\nx,"y,z"\n'
    from_string = list(iter_rows(text))
    from_stream = list(iter_rows(io.StringIO(text, newline="")))
    assert from_string == from_stream
    assert from_string == [(1, ["a", "b"]), (2, ["multi\nline", "2"]), (4, []), (5, ["x", "y,z"])]


@pytest.mark.parametrize(("delim", "text"), [(";", "a;b;c\n1;2;3\n"), ("\t", "a\tb\n1\t2\n")])
def test_delimiter_is_sniffed(delim: str, text: str) -> None:
    rows = list(iter_rows(text))
    assert rows[0][1] == text.split("\n")[0].split(delim)


def test_huge_field_raises_csv_error() -> None:
    with pytest.raises(csv.Error):
        list(iter_rows("a\n" + "x" * (textfile.MAX_FIELD_CHARS + 1) + "\n"))
