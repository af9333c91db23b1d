"""A plan's text as copied from a government site, made into numbered lines to read.

Copies carry what the page printed around the plan: ``打印本页 关闭窗口``, ``来源：``,
``发布时间：``, view counters, share buttons, font-size switches. Those lines are page
chrome, not the plan; a few of them hold what the plan file wants (the issuing body, the
date), which :func:`read_lines` keeps as :class:`Metadata` before dropping them.

Every kept line keeps its line number in the file, so that whatever the reader cannot
place is reported where the user can find it. Line texts stay verbatim (a task's ``text`` is
its source paragraph as written); matching is done on :func:`fold`, a view with the width,
spacing and the traditional forms of the few words the reader looks for folded away.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Final

__all__ = ["Line", "Metadata", "fold", "read_lines"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: its 1-based number in the file and its words, stripped."""

    number: int
    text: str


@dataclass
class Metadata:
    """What the page chrome said about the plan (None where it said nothing)."""

    issuer: str | None = None
    issuer_line: int | None = None
    issued: date | None = None
    issued_line: int | None = None
    #: Which chrome line gave the date: ``written`` (成文日期) or ``published`` (发布时间).
    issued_from: str | None = None
    chrome: list[Line] = field(default_factory=list)


#: Traditional forms of the characters in the words the reader matches (完成時限, 達到,
#: 力爭, 毛入園率, 鞏固率, 個): mirror sites convert whole pages to traditional characters.
_TRADITIONAL: Final = str.maketrans(
    "達爭時內個萬億學園鞏標為於區縣計劃規務動發間項實現國總體設嚴費歲網頁點擊關閉與並從應當這將進質資強數據確產業職經濟後會議員幾張們兒層級屬約預覽讀傳統專欄稱範圍隊鄉鎮蓋辦師歷優擴來閱編輯責單聯係權轉違載舉報廣齊醫療養階義啟備課藝術勞類準開門衛農過長續機構創辭幣陽題較參協調態處戶積極團獲獎線場際彙匯絡環選證樣價倉號齡託佔陸嶺馬書記領導組織貫徹執緊壓認決斷樓護終緣鳳雙筆島詢識談順頻顧願觀視覺親訓評試誠誤說諸講謀讓負貧賴購趨躍輔輕遠適遺邊鄰銷錄鍛鐵閒隨雜難電靈韌風飛飽駐驗髮鬥麼黨",
    "达争时内个万亿学园巩标为于区县计划规务动发间项实现国总体设严费岁网页点击关闭与并从应当这将进质资强数据确产业职经济后会议员几张们儿层级属约预览读传统专栏称范围队乡镇盖办师历优扩来阅编辑责单联系权转违载举报广齐医疗养阶义启备课艺术劳类准开门卫农过长续机构创辞币阳题较参协调态处户积极团获奖线场际汇汇络环选证样价仓号龄托占陆岭马书记领导组织贯彻执紧压认决断楼护终缘凤双笔岛询识谈顺频顾愿观视觉亲训评试诚误说诸讲谋让负贫赖购趋跃辅轻远适遗边邻销录锻铁闲随杂难电灵韧风飞饱驻验发斗么党",
)


def fold_map(text: str) -> tuple[str, list[int]]:
    """:func:`fold` and, for each folded character, the index of the character of ``text``
    it came from: what the reader finds in the folded text, it copies from the original."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for folded in unicodedata.normalize("NFKC", ch).translate(_TRADITIONAL):
            if not folded.isspace():
                out.append(folded)
                where.append(i)
    return "".join(out), where


def verbatim(text: str, where: list[int], start: int, end: int) -> str:
    """The original words of the folded span ``start:end`` (see :func:`fold_map`)."""
    if start >= end:
        return ""
    return text[where[start] : where[end - 1] + 1]


def fold(text: str) -> str:
    """The text as the reader matches it: NFKC (full-width ``（：２０２５`` become ASCII),
    no spaces (``到 2024 年``), the traditional forms of the matched words simplified.
    Same length rules do not hold: use it to find, never to copy."""
    normal = unicodedata.normalize("NFKC", text).translate(_TRADITIONAL)
    return re.sub(r"\s+", "", normal)


# Lines that are the page, not the plan. Each pattern is tried on the folded line.
_CHROME: Final = re.compile(
    r"^(?:"
    r".*(?:打印本页|关闭窗口|打印此页|【打印】|\[打印\]|【关闭】|\[关闭\]|加入收藏|分享到|"
    r"扫一扫|手机扫描|字号[::]?[大中小]|【字体|字体[::]?[大中小]|浏览次数|阅读次数|"
    r"访问量|点击数|点击量|责任编辑|信息公开|当前位置|您的位置|你的位置|上一篇|下一篇|"
    r"相关链接|版权所有|网站地图|主办单位|技术支持|ICP备)"
    r"|(?:来源|信息来源|文章来源|发布时间|发布日期|更新时间|更新日期|日期|时间|"
    r"作者|编辑|索引号|文号|发文字号|主题分类|分类|公开方式|公开范围|有效性|"
    r"发文机关|发布机构|发文单位|成文日期|成文时间|生效日期|名称|标题)[::]"
    r")"
)
# 发文机关：峨山县人民政府 / 发布机构：… : the issuing body, when a chrome line names it.
_ISSUER_LABEL: Final = re.compile(r"(?:发文机关|发布机构|发文单位)[::](?P<name>[^\s::]{2,40})")
_WRITTEN_LABEL: Final = re.compile(r"(?:成文日期|成文时间)[::]")
_PUBLISHED_LABEL: Final = re.compile(r"(?:发布时间|发布日期|日期|时间)[::]")
_DATE: Final = re.compile(
    r"(?P<y>(?:19|20|21)[0-9]{2})(?:年|-|/|\.)(?P<m>[0-9]{1,2})(?:月|-|/|\.)(?P<d>[0-9]{1,2})日?"
)


def read_lines(text: str) -> tuple[list[Line], Metadata]:
    """The plan's lines (blank and chrome lines dropped) and what the chrome said.

    >>> lines, meta = read_lines("打印本页 关闭窗口\\n发布时间：2022-09-14\\n一、总体目标\\n")
    >>> [line.text for line in lines], meta.issued
    (['一、总体目标'], datetime.date(2022, 9, 14))
    """
    kept: list[Line] = []
    meta = Metadata()
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip().strip("\ufeff\u3000").strip()
        if not stripped:
            continue
        folded = fold(stripped)
        if _CHROME.match(folded) and not _is_plan_sentence(folded):
            _note_chrome(Line(number, stripped), folded, meta)
            continue
        kept.append(Line(number, stripped))
    return kept, meta


def _is_plan_sentence(folded: str) -> bool:
    """A long sentence that merely mentions 信息公开 is the plan's, not the page's."""
    return len(folded) > 60 and folded.endswith("。")


def _note_chrome(line: Line, folded: str, meta: Metadata) -> None:
    meta.chrome.append(line)
    if meta.issuer is None and (found := _ISSUER_LABEL.search(folded)) is not None:
        meta.issuer, meta.issuer_line = found["name"], line.number
    for label, source in ((_WRITTEN_LABEL, "written"), (_PUBLISHED_LABEL, "published")):
        # A written date (成文日期) beats a published one; the first of each kind counts.
        if meta.issued_from == "written" or (meta.issued_from == source):
            continue
        if (found := label.search(folded)) is None:
            continue
        when = date_in(folded[found.end() :])
        if when is not None:
            meta.issued, meta.issued_line, meta.issued_from = when, line.number, source


def date_in(folded: str) -> date | None:
    """The first full date (``2022年9月14日``, ``2022-09-14``) in a folded text."""
    found = _DATE.search(folded)
    if found is None:
        return None
    try:
        return date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None
