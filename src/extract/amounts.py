"""Percentages and money amounts, built on the numeral grammar.

A percentage is a quantity followed by "%" or "phần trăm" ("3%/năm",
"50 phần trăm"). Money is a quantity with a currency word after it ("14.000 tỷ
đồng", "669,62 triệu USD") or a symbol before it ("$5", "USD 100"), or a
scaled quantity with no currency word where the sentence is about money ("chi
trên 1.800 tỷ"). Ranges ("5-6%", "từ 1.000 đến 2.000 tỷ đồng") give two
mentions, the first taking the unit of the second. A qualifier written before
the amount ("trên", "gần", "khoảng"…) is part of the mention.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import regex

from extract.numbers import Quantity, find_quantities
from extract.vocab import load_pairs, load_table, load_words

_CURRENCIES = {row[0]: (row[1], Decimal(row[2]), row[3]) for row in load_table("currencies.tsv")}
_QUALIFIERS = load_pairs("qualifiers.tsv")
_MONEY_CUES = load_words("money_cues.txt")
_NOT_MONEY_UNITS = load_words("count_units.txt")
_NOT_CURRENCY = load_words("not_currency.txt")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_CURRENCY_AFTER = regex.compile(
    r"\s*(?P<cur>" + _alternation(c for c, v in _CURRENCIES.items() if v[2] in ("after", "both")) + r")(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)
_CURRENCY_BEFORE = regex.compile(
    r"(?P<cur>" + _alternation(c for c, v in _CURRENCIES.items() if v[2] in ("before", "both")) + r")\s*$",
    regex.IGNORECASE,
)
_NOT_CURRENCY_AFTER = regex.compile(r"\s*(?:" + _alternation(_NOT_CURRENCY) + r")(?![\p{L}])", regex.IGNORECASE)
_THOUSANDS = regex.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_CONVERSION = regex.compile(r"\s*\(\s*(?:(?:khoảng|tương đương|gần|hơn|trên|chừng)\s+)?$", regex.IGNORECASE)
_PERCENT_AFTER = regex.compile(r"\s*(?:%|phần\s+trăm(?![\p{L}]))", regex.IGNORECASE)
_PER = regex.compile(r"\s*/\s*(?P<per>[\p{L}\p{N}²³]+)")
_QUALIFIER_BEFORE = regex.compile(r"(?<![\p{L}])(?P<q>" + _alternation(_QUALIFIERS) + r")\s+$", regex.IGNORECASE)
_RANGE_JOIN = regex.compile(r"^\s*(?:-|–|—|đến|tới|~)\s*$", regex.IGNORECASE)
_WORD_AFTER = regex.compile(r"\s+(?P<word>\p{L}+)")
_MONEY_CUE = regex.compile(r"(?<![\p{L}])(?:" + _alternation(_MONEY_CUES) + r")(?![\p{L}])", regex.IGNORECASE)
_SENTENCE_START = regex.compile(r"[.!?;](?=\s|$)|\n")  # not the dot of "2.200"


@dataclass
class Amount:
    kind: str  # "percentage" or "money"
    start: int
    end: int
    value: Decimal
    rule: str
    attrs: dict[str, Any] = field(default_factory=dict)


def _qualifier(text: str, start: int) -> tuple[int, str | None]:
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 24), start)
    if m:
        return m.start(), _QUALIFIERS[m.group("q").lower()]
    return start, None


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_START.finditer(text, max(0, pos - 400), pos)), default=max(0, pos - 400))
    right = _SENTENCE_START.search(text, pos)
    return left, right.start() if right else len(text)


def _is_money_context(text: str, q: Quantity) -> bool:
    left, right = _sentence_bounds(text, q.start)
    return bool(_MONEY_CUE.search(text, left, right))


def _unit_after(text: str, q: Quantity):
    """('percent' | currency code | None, end, factor, per)."""
    m = _PERCENT_AFTER.match(text, q.end)
    if m:
        return "%", m.end(), Decimal(1)
    m = _CURRENCY_AFTER.match(text, q.end)
    # "3 đồng chí" is not money; after a scale word ("7.500 tỷ đồng bằng…") it is.
    if m and (q.scaled or not _NOT_CURRENCY_AFTER.match(text, q.end)):
        code, factor, _ = _CURRENCIES[m.group("cur").lower()]
        return code, m.end(), factor
    return None, q.end, Decimal(1)


def _per(text: str, end: int) -> tuple[int, str | None]:
    m = _PER.match(text, end, end + 40)  # a window: the regex module would look for "/" to the end of text
    if m and not m.group("per").isdigit():
        return m.end(), m.group("per")
    return end, None


def find_amounts(text: str) -> list[Amount]:
    quantities = find_quantities(text)
    found: list[Amount] = []
    pending: list[tuple[Quantity, int]] = []  # first halves of ranges awaiting a unit
    for i, q in enumerate(quantities):
        unit, end, factor = _unit_after(text, q)
        start = q.start
        before = text[max(0, q.start - 8) : q.start]
        symbol = _CURRENCY_BEFORE.search(before)
        if unit is None and symbol and not q.spelled:
            code, factor, _ = _CURRENCIES[symbol.group("cur").lower()]
            unit, start = code, q.start - (len(before) - symbol.start())
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if unit is None and nxt and _RANGE_JOIN.match(text[q.end : nxt.start]):
            pending.append((q, i))
            continue
        implied = unit is None and _implied_vnd(text, q, found)
        if implied:
            unit = "VND"
        if unit is None:
            pending.clear()
            continue
        end, per = _per(text, end)
        kind = "percentage" if unit == "%" else "money"
        members = [p for p, _ in pending]
        pending.clear()
        for first in members[-1:]:
            # "5-6%": the first number takes the unit and scale of the second.
            value = first.value
            if not first.scaled and q.scaled and kind == "money":
                value = first.value * (q.value / _unscaled(text, q))
            # The range's text is its number alone: "5" of "khoảng 5-6%".
            _, qual = _qualifier(text, first.start)
            found.append(_make(kind, first.start, first.end, value * factor, unit, qual, None, "range", implied))
        qs, qual = _qualifier(text, start)
        rule = "percent" if kind == "percentage" else ("money-implied" if implied else "money")
        found.append(_make(kind, qs if qual else start, end, q.value * factor, unit, qual, per, rule, implied))
    return found


def _implied_vnd(text: str, q: Quantity, found: list[Amount]) -> bool:
    """Money with no currency word, read as đồng:
    - a scaled amount in a sentence about money: "chi trên 1.800 tỷ";
    - thousands per unit in such a sentence: "55.000/m3";
    - a conversion in brackets right after an amount: "19,60 bảng Anh (khoảng 690.000)".
    """
    if q.spelled or q.suffixed:
        return False
    if q.scaled:
        word = _WORD_AFTER.match(text, q.end)
        return (word is None or word.group("word").lower() not in _NOT_MONEY_UNITS) and _is_money_context(text, q)
    if not _THOUSANDS.fullmatch(text, q.start, q.end):
        return False
    if _PER.match(text, q.end) and _is_money_context(text, q):
        return True
    previous = found[-1] if found and found[-1].kind == "money" else None
    return bool(previous and _CONVERSION.fullmatch(text, previous.end, q.start) and text.startswith(")", _skip_space(text, q.end)))


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _unscaled(text: str, q: Quantity) -> Decimal:
    """The bare numeral of a scaled quantity, to carry its scale to a range's first half."""
    first = find_quantities(text[q.start : q.end].split()[0])
    return first[0].value if first and first[0].value else q.value


def _make(kind, start, end, value, unit, qualifier, per, rule, implied) -> Amount:
    attrs: dict[str, Any] = {"qualifier": qualifier, "per": per}
    if kind == "money":
        attrs["currency"] = unit
        attrs["currency_implied"] = implied
    return Amount(kind, start, end, abs(value) if kind == "percentage" else value, rule, attrs)
