"""The translations: the catalogue lists every message the source makes and no other, each
has its Chinese (not fuzzy) with the same fields, the compiled catalogue is current, and a
message renders in each language."""

from __future__ import annotations

import ast
import gettext
import re
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

import gl_plan.i18n as i18n
from gl_plan.i18n import (
    CatalogueMissingError,
    Foreign,
    Join,
    _,
    catalogue,
    catalogue_path,
    ngettext,
    pgettext,
)
from gl_plan.report.format import CJK_RE

SRC = Path(__file__).resolve().parents[2] / "src" / "gl_plan"
PO = SRC / "locale" / "zh_CN" / "LC_MESSAGES" / "glplan.po"
#: The functions that make a message; their literal arguments are what gets translated.
MESSAGE_CALLS = {"_": (0,), "pgettext": (0, 1), "ngettext": (0, 1), "npgettext": (0, 1, 2)}

Key = tuple[str | None, str, str | None]  # context, msgid, plural


def _key(m: Message) -> Key:
    if isinstance(m.id, tuple):
        return (m.context, m.id[0], m.id[1])
    return (m.context, m.id, None)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.fixture(scope="module")
def po() -> Catalog:
    with PO.open("rb") as fh:
        return read_po(fh, locale="zh_CN", domain="glplan")


@pytest.fixture(scope="module")
def entries(po: Catalog) -> list[Message]:
    return [m for m in po if m.id]


def _extracted() -> set[Key]:
    """What ``pybabel extract`` finds (pyproject.toml's configuration)."""
    found: set[Key] = set()
    for _name, _line, message, _comments, context in extract_from_dir(
        str(SRC), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS
    ):
        if isinstance(message, tuple):
            found.add((context, message[0], message[1]))
        else:
            found.add((context, message, None))
    return found


def _made_in_source() -> tuple[set[Key], list[str]]:
    """Every message call in the source, read from its syntax tree: the same set as the
    extraction unless a call hides where ``pybabel`` cannot see it (inside an f-string on
    Python 3.11) or takes a text that is not a literal."""
    made: set[Key] = set()
    bad: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            places = MESSAGE_CALLS.get(node.func.id)
            if places is None:
                continue
            args = [node.args[i] if i < len(node.args) else None for i in places]
            texts = [a.value if isinstance(a, ast.Constant) else None for a in args]
            if not all(isinstance(t, str) for t in texts):
                bad.append(f"{path.relative_to(SRC)}:{node.lineno}")
                continue
            context = texts.pop(0) if node.func.id.startswith(("p", "np")) else None
            made.add((context, texts[0], texts[1] if len(texts) > 1 else None))
    return made, bad


def test_the_catalogue_lists_every_message_of_the_source(entries: list[Message]) -> None:
    """Fails when the code and glplan.po disagree: run `pybabel extract -o /tmp/glplan.pot`
    and `pybabel update -i /tmp/glplan.pot -d src/gl_plan/locale -D glplan -l zh_CN`, then
    translate what is new."""
    extracted = _extracted()
    listed = {_key(m) for m in entries}
    assert sorted(extracted - listed, key=str) == [], "messages missing from glplan.po"
    assert sorted(listed - extracted, key=str) == [], "glplan.po lists messages no longer made"


def test_pybabel_sees_every_message() -> None:
    made, bad = _made_in_source()
    assert bad == [], "a message whose text is not a literal cannot be extracted"
    assert sorted(made - _extracted(), key=str) == [], "a message inside an f-string?"


def test_every_message_has_its_chinese(entries: list[Message]) -> None:
    missing = [m.id for m in entries if not all(m.string if m.pluralizable else [m.string])]
    fuzzy = [m.id for m in entries if m.fuzzy]
    assert missing == []
    assert fuzzy == []


def test_the_chinese_takes_the_same_fields(entries: list[Message]) -> None:
    for m in entries:
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = _fields(ids[0])
        assert all(_fields(i) == wanted for i in ids), m.id
        assert all(_fields(s) == wanted for s in strings), m.id


def test_english_has_no_chinese(entries: list[Message]) -> None:
    english = [m.id if isinstance(m.id, str) else m.id[0] for m in entries]
    assert [t for t in english if CJK_RE.search(t)] == []


#: ASCII punctuation that Chinese text writes full-width (，：；（）？).
HALF_WIDTH = re.compile(r"[,:;()?]")


def test_chinese_uses_full_width_punctuation(entries: list[Message]) -> None:
    """Outside the ``{fields}``: the commas, colons, semicolons, brackets and question
    marks of a Chinese sentence are full-width (a ledger header to copy keeps its commas)."""
    half = [
        m.id
        for m in entries
        for s in (m.string if isinstance(m.string, tuple) else (m.string,))
        if HALF_WIDTH.search(re.sub(r"\{[^}]*\}", "", s))
    ]
    assert half == []


def test_the_compiled_catalogue_is_the_po(entries: list[Message]) -> None:
    """The .mo (compiled when glplan is installed) says what the .po says: after editing
    the .po, `pip install -e .` again."""
    path = catalogue_path("zh")
    assert path.exists(), f"{path} is missing: run `pip install -e .` to compile it"
    with path.open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    stale = []
    for m in entries:
        if isinstance(m.id, tuple):
            got = (
                compiled.npgettext(m.context, *m.id, 2)
                if m.context
                else compiled.ngettext(*m.id, 2)
            )
            want = m.string[0]
        else:
            got = compiled.pgettext(m.context, m.id) if m.context else compiled.gettext(m.id)
            want = m.string
        if got != want:
            stale.append(m.id)
    assert stale == [], "the .mo is older than the .po: run `pip install -e .`"


def test_a_message_is_english_in_str_and_translated_in_text() -> None:
    late = _("{n} d late", n=3)
    assert str(late) == "3 d late"
    assert late.text("zh") == "逾期 3 天"
    assert _("off track").text("zh") == "进度滞后"
    # A message inside a message is given in the same language.
    assert _("cannot write: {reason}", reason=_("Permission denied")).text("zh") == (
        "无法写入：权限不足"
    )


def test_one_english_text_can_have_two_translations() -> None:
    names = Join(("a", "b"))
    counts = Join(("a", "b"), pgettext("sep.counts", ", "))
    assert (str(names), str(counts)) == ("a, b", "a, b")
    assert (names.text("zh"), counts.text("zh")) == ("a、b", "a，b")


def test_plurals_come_from_the_catalogue() -> None:
    one, two = ngettext("{n} error", "{n} errors", 1), ngettext("{n} error", "{n} errors", 2)
    assert (str(one), str(two)) == ("1 error", "2 errors")
    assert (one.text("zh"), two.text("zh")) == ("1 个错误", "2 个错误")
    county = ngettext("county-level city", "county-level cities", 1)
    assert county.counted(3).text("en") == "county-level cities"


def test_foreign_words_show_in_english_only() -> None:
    said = Foreign("Permission denied", _("no permission to read"))
    assert (str(said), said.text("zh")) == ("Permission denied", "没有读取权限")
    detail = _("unreadable CSV: {detail}", detail=Foreign("line contains NUL"))
    assert (str(detail), detail.text("zh")) == (
        "unreadable CSV: line contains NUL",
        "CSV 格式错误，无法读取",
    )


def test_a_missing_catalogue_fails_loudly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Chinese asked for and no catalogue: an error naming the file, never English."""
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    catalogue.cache_clear()
    try:
        with pytest.raises(CatalogueMissingError, match=r"glplan\.mo is missing"):
            _("off track").text("zh")
        assert _("off track").text("en") == "off track"
    finally:
        monkeypatch.undo()
        catalogue.cache_clear()
