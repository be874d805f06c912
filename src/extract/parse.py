"""The fragment parser: every number, ordinal, percentage, amount of money and
date in a phrase or sentence, in one envelope (like Duckling's).

    >>> [(e.kind, e.text, e.value) for e in parse("thu trên 14.000 tỷ đồng")]
    [('money', 'trên 14.000 tỷ đồng', Decimal('14000000000000'))]

A number inside a percentage, an amount or a date is not reported again on
its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import regex

from extract.amounts import find_amounts
from extract.dates import find_dates
from extract.normalize import normalize
from extract.numbers import find_quantities

_ORDINAL = regex.compile(
    r"(?<![\p{L}])thứ\s+(?P<n>[0-9]{1,3}|nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)
_ORDINAL_WORDS = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
                  "tám": 8, "chín": 9, "mười": 10}
_WEEKDAY_BEFORE = regex.compile(r"(?:ngày|hôm|sáng|chiều|tối|trưa)\s*,?\s*$", regex.IGNORECASE)


@dataclass(frozen=True)
class Entity:
    kind: str  # number | ordinal | percentage | money | date
    text: str
    start: int
    end: int
    value: Any
    rule: str
    attrs: dict[str, Any] = field(default_factory=dict)


def _reference(reference_time: date | datetime | str | None) -> date | None:
    if reference_time is None:
        return None
    if isinstance(reference_time, datetime):
        return reference_time.date()
    if isinstance(reference_time, date):
        return reference_time
    return datetime.fromisoformat(reference_time).date()


def parse(text: str, reference_time: date | datetime | str | None = None) -> list[Entity]:
    """Every entity in `text`, left to right; offsets point into `text`."""
    norm = normalize(text)
    found: list[tuple[int, int, str, Any, str, dict]] = []
    for d in find_dates(norm.text, _reference(reference_time)):
        found.append((d.start, d.end, "date", d.value, d.rule, {"grain": d.grain, "year_inferred": d.year_inferred}))
    for a in find_amounts(norm.text):
        found.append((a.start, a.end, a.kind, a.value, a.rule, dict(a.attrs)))
    for m in _ORDINAL.finditer(norm.text):
        if _WEEKDAY_BEFORE.search(norm.text, max(0, m.start() - 12), m.start()):
            continue  # "ngày thứ hai" is a weekday
        n = m.group("n").lower()
        value = int(n) if n.isdigit() else _ORDINAL_WORDS[n]
        found.append((m.start(), m.end(), "ordinal", value, "ordinal", {}))

    covered = bytearray(len(norm.text) + 1)
    for start, end, *_ in found:
        covered[start:end] = b"\x01" * (end - start)
    for q in find_quantities(norm.text):
        if not any(covered[q.start : q.end]):
            found.append((q.start, q.end, "number", q.value, "spelled" if q.spelled else "digits", {}))

    entities = []
    for start, end, kind, value, rule, attrs in sorted(found, key=lambda f: (f[0], -f[1])):
        a, b = norm.to_original(start, end)
        entities.append(Entity(kind, text[a:b], a, b, value, rule, attrs))
    return entities
