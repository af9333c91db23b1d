"""What a plan's text says about the plan itself: its title, who issued it and when, the
region it is for, and the time limits its sentences carry.

Government copies put these in different places: a title line or 《…》 in the first lines,
a 发文机关 chrome line, a signature at the foot (``峨山彝族自治县人民政府`` then
``2022年9月14日``), or a sentence (``经市委教育工作领导小组会议审议通过并印发``). Each
finding keeps the line it came from, so the draft can say where every value was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from gl_plan.plan.deadlines import DeadlineError, parse_deadline
from gl_plan.plan.draft.clean import Line, date_in, fold

__all__ = ["Found", "PlanHeader", "RegionGuess", "read_header", "region_of", "sentence_deadline"]


@dataclass(frozen=True, slots=True)
class Found:
    """A value and the line it was read from."""

    value: str
    line: int


@dataclass
class PlanHeader:
    title: Found | None = None
    issuer: Found | None = None
    issued: date | None = None
    issued_line: int | None = None
    #: Where the date came from: ``text`` (a full date), ``chrome`` (the page's date),
    #: ``inferred`` (a month and day, the year from the plan's first time limits).
    issued_how: str | None = None
    #: The plan's period, ``(2023—2027年)``: its first and last year.
    period: tuple[int, int] | None = None

    @property
    def year(self) -> int | None:
        """The year a target without one is for: the title's own (``2024年…分解表``, a
        plan for one year), else the end of the plan's period."""
        title = fold(self.title.value) if self.title is not None else ""
        if (lead := re.match(r"^((?:19|20|21)[0-9]{2})年", title)) is not None:
            return int(lead[1])
        return self.period[1] if self.period else None


_PLAN_WORDS: Final = (
    "分解表|任务清单|责任清单|行动计划|行动方案|实施方案|工作方案|发展规划|规划|计划|方案|意见|"
    "纲要|办法"
)
_QUOTED_TITLE: Final = re.compile(rf"《(?P<t>[^《》]{{4,80}}(?:{_PLAN_WORDS})[^《》]{{0,20}})》")
_TITLE_LINE: Final = re.compile(
    rf"^(?P<t>[^。，,；;：:]{{4,80}}(?:{_PLAN_WORDS})(?:[(（][^)）]{{0,20}}[)）])?)$"
)
_PERIOD: Final = re.compile(
    r"[(（](?P<a>(?:19|20|21)[0-9]{2})\s*[—–\-~至到]+\s*(?P<b>(?:19|20|21)[0-9]{2})年?[)）]"
)
_ORGAN: Final = (
    r"(?:人民政府办公室|人民政府办公厅|人民政府|教育局|教育厅|教育委员会|教育部|国务院办公厅|"
    r"国务院|委员会|领导小组|办公室|办公厅)"
)
_SIGNATURE: Final = re.compile(rf"^(?P<o>[^，,。；;：:\s]{{2,40}}{_ORGAN})$")
_APPROVED: Final = re.compile(
    rf"经(?P<o>[^，,。；;]{{2,30}}?{_ORGAN})(?:第[^，,。]{{1,8}})?(?:会议|常务会议)?(?:审议|研究)?(?:通过|同意)"
)
_MONTH_DAY: Final = re.compile(r"^(?P<m>[0-9]{1,2})月(?P<d>[0-9]{1,2})日")
#: Words before a 《…》 that cite another document rather than name this one.
_CITED: Final = re.compile(r"根据|按照|依据|落实|贯彻|参照|对照|结合")
#: How many lines from the top a title is looked for in.
_TITLE_LINES: Final = 8


def read_header(lines: list[Line]) -> PlanHeader:
    """Title, issuer, date and period from the plan's own lines (not the chrome)."""
    header = PlanHeader()
    for line in lines[:_TITLE_LINES]:
        folded = fold(line.text)
        quoted = _QUOTED_TITLE.search(line.text)
        if quoted is not None and not _CITED.search(line.text[: quoted.start()]):
            header.title = Found(quoted["t"].strip(), line.number)
            break
        if _TITLE_LINE.match(folded) and not folded.endswith("。"):
            header.title = Found(line.text.strip(), line.number)
            break
    for line in lines:
        if (period := _PERIOD.search(fold(line.text))) is not None:
            header.period = (int(period["a"]), int(period["b"]))
            break
    # A signature at the foot: the organ, and the date on the line after it.
    for i, line in enumerate(lines):
        folded = fold(line.text)
        when = date_in(folded) if len(folded) <= 16 else None
        if when is not None and i > 0 and _SIGNATURE.match(fold(lines[i - 1].text)):
            header.issuer = Found(lines[i - 1].text.strip(), lines[i - 1].number)
            header.issued, header.issued_line, header.issued_how = when, line.number, "text"
    if header.issuer is None:
        for line in lines:
            if (approved := _APPROVED.search(fold(line.text))) is not None:
                header.issuer = Found(approved["o"], line.number)
                break
    if header.issued is None and lines:
        head = fold(lines[0].text)
        if (full := date_in(head[:16])) is not None:
            header.issued, header.issued_line, header.issued_how = full, lines[0].number, "text"
        elif (md := _MONTH_DAY.match(head)) is not None:
            header.issued_line, header.issued_how = lines[0].number, f"{md['m']}-{md['d']}"
    return header


def infer_year(month_day: str, first_due_year: int | None) -> date | None:
    """A month and day (``3-16``) dated in the year of the plan's first time limit: a plan
    issued in March 2022 sets ``2022年底前`` tasks, not 2021's."""
    if first_due_year is None:
        return None
    month, day = (int(x) for x in month_day.split("-"))
    try:
        return date(first_due_year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class RegionGuess:
    name: str
    kind: str
    code: str | None


#: The name's ending and the region kind it makes (longest first).
_KIND_SUFFIXES: Final = (
    ("自治区", "autonomous_region"),
    ("自治州", "autonomous_prefecture"),
    ("自治县", "autonomous_county"),
    ("自治旗", "autonomous_banner"),
    ("省", "province"),
    ("州", "autonomous_prefecture"),
    ("盟", "league"),
    ("县", "county"),
    ("旗", "banner"),
    ("区", "district"),
    ("市", "prefecture_city"),
)
_MUNICIPALITIES: Final = frozenset({"北京市", "天津市", "上海市", "重庆市"})
_NATIONAL: Final = re.compile(r"^(?:国务院|教育部|国家|中共中央|全国|中华人民共和国)")
_REGION_NAME: Final = re.compile(
    r"^(?:中共)?(?P<name>[\u4e00-\u9fff]{2,12}?(?:自治区|自治州|自治县|自治旗|省|州|盟|县|旗|区|市))"
)


def region_of(*names: str | None) -> RegionGuess | None:
    """The region an issuer or a title names first (``峨山彝族自治县人民政府`` →
    峨山彝族自治县, autonomous_county); the nation for a ministry or the State Council."""
    for raw in names:
        if not raw:
            continue
        name = fold(raw)
        if _NATIONAL.match(name):
            return RegionGuess("全国", "nation", "CN")
        found = _REGION_NAME.match(name)
        if found is None:
            continue
        region = found["name"]
        if region in _MUNICIPALITIES:
            return RegionGuess(region, "municipality", None)
        for suffix, kind in _KIND_SUFFIXES:
            if region.endswith(suffix):
                return RegionGuess(region, kind, None)
    return None


# Time limits inside a sentence: 到2025年, 2024年底前, 力争到2027年, “十四五”期末, 持续推进.
_SENTENCE_DEADLINE: Final = re.compile(
    r"(?P<t>(?:(?:19|20|21)[0-9]{2}年)?(?:秋季|春季)(?:学期)?开学前?|暑期前)"
    r"|(?P<p>(?:力争|确保)?(?:到|在|于)?)(?P<y>(?:19|20|21)[0-9]{2})年"
    r"(?P<s>(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:年底前|年底|底前|底|末|前|内|上半年|下半年)?)"
    r"|(?P<f>(?:到)?[\"“]?十[一二三四五六七八九]五[\"”]?(?:期间|时期|期末|末))"
)
_NOT_A_LIMIT_BEFORE: Final = ("截至", "截止", "自", "从", "由", "比", "较", "至")


def sentence_deadline(text: str, issued: date | None) -> tuple[str, date | None] | None:
    """The latest time limit a task's sentences give (``到2025年，…``), as a phrase
    :func:`parse_deadline` reads, and its due date; None when they give none.

    A bare year counts only after 到/在/力争/确保 or before 底/前/末/内 (``2020年水平`` is not
    a time limit), and never after 截至 or 从 (a base year), nor before the plan's issue.
    """
    folded = fold(text)
    best: tuple[str, date | None] | None = None
    for found in _SENTENCE_DEADLINE.finditer(folded):
        phrase = found.group(0)
        if found["y"] is not None:
            before = folded[max(0, found.start() - 2) : found.start()]
            if any(before.endswith(word) for word in _NOT_A_LIMIT_BEFORE):
                continue
            if not found["p"] and not found["s"]:
                continue
            if folded[found.end() : found.end() + 1] in ("的", "为", "比"):
                continue
        try:
            due = parse_deadline(phrase, issued).due
        except DeadlineError:
            continue
        if due is None or (issued is not None and due < issued):
            continue
        if best is None or (best[1] is not None and due > best[1]):
            best = (phrase, due)
    if best is None and re.search(r"持续推进|持续实施|长期坚持", folded):
        word = re.search(r"持续推进|持续实施|长期坚持", folded)
        assert word is not None
        return word.group(0), None
    return best
