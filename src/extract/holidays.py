"""Holidays, solar and lunar, resolved against the reference date.

Lunar dates go through the vnlunar library (Vietnamese lunar calendar, UTC+7),
never a table of dates. "Tết Nhâm Dần" is the lunar new year of the year named
Nhâm Dần nearest the reference date. Without a reference date a holiday has no
year, and is not reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex
import vnlunar

from extract.vocab import load_table

_HOLIDAYS = {row[0]: (row[1], int(row[2]), int(row[3])) for row in load_table("holidays.tsv")}
_CAN = [row[1] for row in load_table("can_chi.tsv") if row[0] == "can"]
_CHI = [row[1] for row in load_table("can_chi.tsv") if row[0] == "chi"]


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_NAMED = regex.compile(rf"(?<![\p{{L}}])(?P<name>{_alternation(_HOLIDAYS)})(?![\p{{L}}])", regex.IGNORECASE)
_TET_OF_YEAR = regex.compile(
    rf"(?<![\p{{L}}])[Tt]ết\s+(?P<can>{_alternation(_CAN)})\s+(?P<chi>{_alternation(_CHI)})(?![\p{{L}}])"
)


_DATE_AFTER = regex.compile(r"\s*\(?\s*[0-9]{1,2}\s*[/\-.]\s*[0-9]{1,2}")


@dataclass(frozen=True)
class Holiday:
    start: int
    end: int
    value: str
    rule: str


def _lunar_to_solar(year: int, month: int, day: int) -> date | None:
    solar = vnlunar.convert_lunar_to_solar(day, month, year, 0, 7.0)
    return date(solar[2], solar[1], solar[0]) if solar else None


def _occurrence(calendar: str, month: int, day: int, year: int) -> date | None:
    if calendar == "lunar":
        return _lunar_to_solar(year, month, day)
    return date(year, month, day)


def _nearest(calendar: str, month: int, day: int, ref: date) -> date | None:
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _occurrence(calendar, month, day, y))]
    return min(candidates, key=lambda d: abs((d - ref).days), default=None)


def find_holidays(text: str, ref: date | None) -> list[Holiday]:
    if ref is None:
        return []
    found = []
    for m in _TET_OF_YEAR.finditer(text):
        name = f"{m['can']} {m['chi']}"
        years = [y for y in range(ref.year - 30, ref.year + 31) if vnlunar.get_year_can_chi(y) == name]
        if years:
            year = min(years, key=lambda y: abs(y - ref.year))
            if (d := _lunar_to_solar(year, 1, 1)) is not None:
                found.append(Holiday(m.start(), m.end(), d.isoformat(), "holiday-year"))
    for m in _NAMED.finditer(text):
        if _DATE_AFTER.match(text, m.end()):
            continue  # "Quốc khánh 2/9": the date itself is the mention
        calendar, month, day = _HOLIDAYS[m["name"].lower()]
        if (d := _nearest(calendar, month, day, ref)) is not None:
            found.append(Holiday(m.start(), m.end(), d.isoformat(), "holiday"))
    return found
