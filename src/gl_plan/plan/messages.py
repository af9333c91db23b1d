"""What PyYAML, pydantic and Python say about a plan, as messages in both languages.

The libraries word their errors in English only. A YAML syntax error is reworded from
libyaml's own words where they are known (its list is short and stable); a value Python
cannot hold, from its YAML type. pydantic's validation errors are reworded from their type
and context (``greater_than_equal`` with ``ge: 1949``), never from pydantic's English, so
that a plan author reading Chinese reads the same error in Chinese; the plan's own checks
raise their messages in both languages already (a :class:`~gl_plan.errors.MessageError`)
and are passed through. An error not worded here keeps the library's English beside a
Chinese sentence that still says what was refused.

>>> from pydantic import ValidationError
>>> from gl_plan.plan.models import FormerName
>>> try:
...     FormerName(name="荔浦县", until=1900)
... except ValidationError as exc:
...     err = exc.errors()[0]
>>> reason(err).text("zh"), reason(err).text("en")
('不能小于 1949（实际为“1900”）', 'must be at least 1949 (got 1900)')
"""

from __future__ import annotations

import re
import sys
from datetime import date
from typing import Final, Protocol

import yaml
from pydantic_core import ErrorDetails

from gl_plan.errors import Code
from gl_plan.i18n import Foreign, Join, Message, Msg, _
from gl_plan.limits import MAX_PLAN_DEPTH
from gl_plan.plan.crosscheck import DocPath
from gl_plan.plan.models import NAME_PATTERN, PLAN_ID_PATTERN

__all__ = [
    "Mark",
    "Place",
    "Refused",
    "field_path",
    "place",
    "reason",
    "syntax_error",
    "unreadable",
    "validation_error",
]

#: A line and a column, 1-based, as far as they are known.
Place = tuple[int | None, int | None]
#: libyaml's words for the syntax errors a plan author meets, as it reports them (the
#: English is looked up by those exact words, so it is not to be reworded), and the
#: messages that say them in both languages.
_YAML_WORDS: Final[dict[str, Msg]] = {
    str(said): said
    for said in (
        _("did not find expected ',' or '}}'"),
        _("did not find expected ',' or ']'"),
        _("did not find expected key"),
        _("did not find expected '-' indicator"),
        _("could not find expected ':'"),
        _("mapping values are not allowed in this context"),
        _("found unexpected end of stream"),
        _("found unknown escape character"),
        _("found character that cannot start any token"),
        _("found a tab character that violates indentation"),
        _("did not find expected <document start>"),
        _("did not find expected alphabetic or numeric character"),
        _("did not find expected node content"),
    )
}
#: libyaml's words for what it was reading when it found the error.
_YAML_CONTEXTS: Final[dict[str, Msg]] = {
    str(said): said
    for said in (
        _("while parsing a flow mapping"),
        _("while parsing a flow sequence"),
        _("while parsing a block mapping"),
        _("while parsing a block collection"),
        _("while scanning a quoted scalar"),
        _("while scanning a simple key"),
    )
}

#: Error types worded as another one is: a text that does not parse is not text.
_WORDED_AS: Final = {
    "int_parsing": "int_type",
    "float_parsing": "float_type",
    "bool_parsing": "bool_type",
    "date_parsing": "date_type",
    "date_from_datetime_parsing": "date_type",
    "model_type": "dict_type",
    "model_attributes_type": "dict_type",
}
#: The models' patterns, said in words (a plan author is not asked to read a regex).
_PATTERNS: Final = {
    NAME_PATTERN: _(
        "must be lower-case letters, digits and '_', starting with a letter (e.g. preschool_rate)"
    ),
    PLAN_ID_PATTERN: _(
        "must be lower-case letters, digits, '_' and '-', starting with a letter or digit "
        "(e.g. guilin-2022)"
    ),
}
#: What the schema does not accept, by pydantic's error type; the values of the error's
#: context (``ge: 1949``) fill the message.
_INVALID: Final = {
    "missing": _("required key is missing"),
    "extra_forbidden": _("unknown key (check the spelling; see `glplan schema`)"),
    "string_type": _("expected text"),
    "string_too_short": _("must not be empty"),
    "string_too_long": _("too long: at most {max_length:,} characters"),
    "string_pattern_mismatch": _("not of the form {pattern}"),
    "string_unicode": _("not valid UTF-8 text"),
    "int_type": _("expected a whole number"),
    "int_from_float": _("expected a whole number, not a fraction"),
    "int_parsing_size": _("a number too long to read"),
    "float_type": _("expected a number"),
    "finite_number": _("expected a finite number"),
    "bool_type": _("expected true or false"),
    "date_type": _("expected a date such as 2022-08-31"),
    "date_from_datetime_inexact": _("expected a date without a time of day"),
    "greater_than": _("must be greater than {gt}"),
    "greater_than_equal": _("must be at least {ge}"),
    "less_than": _("must be less than {lt}"),
    "less_than_equal": _("must be at most {le}"),
    "too_short": _("must list at least {min_length:,}"),
    "too_long": _("may list at most {max_length:,}"),
    "list_type": _("expected a list (items starting with '- ')"),
    "dict_type": _("expected a mapping (key: value)"),
}
_CODES: Final = {"missing": Code.MISSING_KEY, "extra_forbidden": Code.UNKNOWN_KEY}
#: The inputs worth quoting after a message: what the user typed, if it is short.
_SHORT: Final = 60


def field_path(err: ErrorDetails) -> DocPath:
    """The error's path in the document: pydantic's location without the validator names it
    adds (``function-after[_bounds(), Quantity]``)."""
    return tuple(part for part in err["loc"] if not (isinstance(part, str) and "[" in part))


def validation_error(err: ErrorDetails) -> tuple[DocPath, Message, Code]:
    """The error's path in the document, its message, and its code: ``missing-key`` and
    ``unknown-key`` by their types, every other error ``invalid``."""
    return field_path(err), reason(err), _CODES.get(err["type"], Code.INVALID)


def reason(err: ErrorDetails) -> Message:
    """What is wrong, in both languages, with the input quoted when it is short and the
    message does not already quote it."""
    kind, ctx, given = err["type"], err.get("ctx", {}), err.get("input")
    own = getattr(ctx.get("error"), "message", None)
    if isinstance(own, Msg):
        said = own
    elif kind == "string_type":
        said = _not_text(given)
    elif kind == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERNS:
        said = _PATTERNS[ctx["pattern"]]
    elif kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", ""))
        said = _("must be one of {expected}", expected=Join(tuple(_choices(expected))))
    elif _WORDED_AS.get(kind, kind) in _INVALID:
        said = _INVALID[_WORDED_AS.get(kind, kind)].format(**ctx)
    else:
        said = _("not accepted ({kind}): {detail}", kind=kind, detail=Foreign(err["msg"]))
    if kind == "missing" or not _short(given) or str(given) in str(said):
        return said
    return _("{reason} (got {value!r})", reason=said, value=given)


def _short(given: object) -> bool:
    """Whether ``given`` is a text or number short enough to quote (a hexadecimal integer
    of 5,000 digits is read, but is not turned into decimal digits only to be measured)."""
    if isinstance(given, bool) or not isinstance(given, str | int | float):
        return False
    return len(str(given)) < _SHORT if not isinstance(given, int) else given.bit_length() < 190


def _not_text(given: object) -> Msg:
    """Text was expected: YAML 1.1 reads unquoted ``no`` and ``2022-08-31`` as other types."""
    if isinstance(given, bool):
        return _(
            "expected text, but YAML reads yes, no, on, off, true and false without quotes as "
            "a yes/no value: put the text in quotes"
        )
    if isinstance(given, date):
        return _("expected text, but YAML reads an unquoted date as a date: put it in quotes")
    if given is None:
        return _("expected text, but the value is empty")
    return _INVALID["string_type"]


def _choices(expected: str) -> list[str]:
    """The values pydantic lists as ``'a', 'b' or 'c'``, each as the user would type it."""
    return re.findall(r"'[^']*'", expected) or [expected]


class Mark(Protocol):
    """Where a node or an error starts (0-based): PyYAML's or libyaml's mark."""

    line: int
    column: int


def place(mark: Mark | None) -> Place:
    return (mark.line + 1, mark.column + 1) if mark is not None else (None, None)


class Refused(yaml.YAMLError):
    """YAML the plan's loader refuses (an anchor, a tag, too deep), with its message."""

    def __init__(self, message: Msg, mark: Mark | None, code: Code = Code.YAML) -> None:
        super().__init__(message)  # str() renders it, only when asked
        self.message, self.mark, self.code = message, mark, code


def syntax_error(exc: yaml.YAMLError, text: str) -> tuple[Msg, Code, Place]:
    """A YAML error's message, code and place (line and column, 1-based), in both languages
    where libyaml's words are known; else in English, beside a Chinese sentence that says
    the YAML is invalid."""
    if isinstance(exc, Refused):
        return exc.message, exc.code, place(exc.mark)
    if isinstance(exc, yaml.reader.ReaderError):  # a control character, by its index
        at, said = (
            exc.position,
            _(
                "invalid YAML: the control character {code} is not allowed in the text",
                code="U+" + format(exc.character, "04X"),
            ),
        )
        return said, Code.YAML, (text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    where = place(getattr(exc, "problem_mark", None) or start)
    if context == "expected a single document in the stream":
        return (
            _(
                "invalid YAML: a plan is a single document, but a second one starts here (a "
                "stray '---'?)",
            ),
            Code.YAML,
            where,
        )
    if "maximum nesting depth" in problem:  # libyaml's own bound, reached as it looks ahead
        return (
            _(
                "nested too deeply: a plan nests lists and mappings at most {limit} levels",
                limit=MAX_PLAN_DEPTH,
            ),
            Code.TOO_DEEP,
            where,
        )
    if problem not in _YAML_WORDS:
        return _("invalid YAML: {detail}", detail=Foreign(problem)), Code.YAML, where
    said = _YAML_WORDS[problem]
    if context not in _YAML_CONTEXTS or start is None:
        return _("invalid YAML: {problem}", problem=said), Code.YAML, where
    inside, line, column = _YAML_CONTEXTS[context], start.line + 1, start.column + 1
    within = _(
        "invalid YAML: {problem} ({context} that starts at line {line}, column {column})",
        problem=said,
        context=inside,
        line=line,
        column=column,
    )
    return within, Code.YAML, where


def unreadable(written: str, kind: str, exc: ValueError) -> Msg:
    """A scalar YAML resolves as ``kind`` (``int``, ``timestamp``) that Python refuses:
    an integer over Python's limit on digits, a 30 February."""
    limit = sys.get_int_max_str_digits()
    if kind == "int" and len(written) > limit:
        return _(
            "a number written with {n:,} characters is too long to read (at most {limit:,} digits)",
            n=len(written),
            limit=limit,
        )
    if kind == "timestamp":
        return _("impossible date {text!r} ({detail})", text=written, detail=Foreign(str(exc)))
    return _("cannot read {text!r} ({detail})", text=written, detail=Foreign(str(exc)))
