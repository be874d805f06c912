"""Dates: days, months, quarters, years and intervals, resolved against a reference date.

Values follow ISO 8601 at the precision written ("2021-12-21", "2017-01",
"2016-Q4", "2023", "2021-12-21T16:46"); intervals are "START/END". A day or
month written without its year takes the year from the reference date (the
article's publication date): the latest such date not after it. With no
reference, the year stays unknown: "--12-11", "--12", "--Q3".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import regex

from extract.holidays import find_holidays
from extract.vocab import load_pairs, load_table, load_words

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTH_NAMES = load_pairs("month_names.tsv")
_PARTS_OF_DAY = load_words("parts_of_day.txt")
_RELATIVE = {row[0]: (row[1], int(row[2])) for row in load_table("relative.tsv")}
_NOT_DATE_AFTER = load_words("not_date_after.txt")
_MONTH_COUNTS = {row[0]: int(row[1]) for row in load_table("month_counts.tsv")}
_YEAR_OFFSETS = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}
_YEAR_CUES = load_words("year_cues.txt")
_DAY_FOLLOWERS = load_words("bare_day_followers.txt")
_COUNT_AFTER = load_words("count_units.txt")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_B = r"(?<![\p{L}\p{N}])(?<![0-9][/.\-])"  # word start, not inside "1/7"
_E = r"(?![\p{L}\p{N}])"  # word end
_YEAR4 = r"(?:1[89][0-9][0-9]|20[0-9][0-9]|2100)"
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_PART_WORD = rf"(?:{_alternation(_PARTS_OF_DAY)})"
_PART = rf"(?:{_PART_WORD}\s+)"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|CN)"
_CLOCK = r"(?:(?P<hh>[01]?[0-9]|2[0-3])\s*(?:h|giờ|:)\s*(?P<mm>[0-5][0-9])?(?:\s*(?:phút|p))?)"
_CUE = rf"(?:ngày|hôm|mồng|mùng|{_PART_WORD}|{_WEEKDAY})"

_DAY_MONTH_YEAR = (
    rf"(?P<d>{_DAY})\s*(?P<sep>[/\-.])\s*(?P<m>{_MONTH})(?:\s*(?P=sep)\s*(?P<y>{_YEAR4}|[0-9][0-9])(?!\s*/\s*\p{{L}}))?"
)
_DAY_MONTH_WORDS = rf"(?P<d2>{_DAY})\s+tháng\s+(?P<m2>{_MONTH})(?:\s*(?:năm|,)\s*(?P<y2>{_YEAR4}))?"

_PATTERNS: list[tuple[str, regex.Pattern]] = [
    (
        "interval-days",
        regex.compile(
            rf"{_B}(?P<d1>{_DAY})\s*(?:[-–]|đến)\s*"
            rf"(?P<d2>{_DAY})\s*[/\-.]\s*(?P<m>{_MONTH})(?:\s*[/\-.]\s*(?P<y>{_YEAR4}))?{_E}",
            regex.IGNORECASE,
        ),
    ),
    (
        "interval-dates",
        regex.compile(
            rf"{_B}(?P<a>{_DAY}\s*[/\-.]\s*{_MONTH}(?:\s*[/\-.]\s*{_YEAR4})?)"
            rf"\s*(?:[-–—]|đến(?:\s+ngày)?)\s*(?P<b>{_DAY}\s*[/\-.]\s*{_MONTH}(?:\s*[/\-.]\s*{_YEAR4})?){_E}",
            regex.IGNORECASE,
        ),
    ),
    (
        "interval-years",
        regex.compile(
            rf"{_B}(?:(?P<from>từ)\s+)?(?:năm\s+)?(?P<y1>{_YEAR4})\s*(?:[-–—]|(?P<to>đến|tới))\s*(?:năm\s+)?(?P<y2>{_YEAR4}){_E}",
            regex.IGNORECASE,
        ),
    ),
    (
        "months-of-year",
        regex.compile(
            rf"{_B}(?P<n>[0-9]{{1,2}}|{_alternation(_MONTH_COUNTS)})\s+tháng\s+(?P<which>đầu|cuối)\s+năm"
            rf"(?:\s+(?P<y>{_YEAR4})|\s+(?P<rel>nay|ngoái|trước|tới|sau))?{_E}|"
            rf"{_B}nửa\s+(?P<which2>đầu|cuối)\s+năm(?:\s+(?P<y2>{_YEAR4})|\s+(?P<rel2>nay|ngoái|trước|tới|sau))?{_E}",
            regex.IGNORECASE,
        ),
    ),
    (
        "datetime",
        regex.compile(
            rf"{_B}(?P<d>{_DAY})/(?P<m>{_MONTH})/(?P<y>{_YEAR4})\s*(?:\||,|-|lúc)?\s*(?P<hh>[01]?[0-9]|2[0-3]):(?P<mm>[0-5][0-9]){_E}"
        ),
    ),
    (
        "clock-day",
        regex.compile(
            rf"{_B}{_CLOCK}\s*(?:{_PART})?(?:ngày\s+)?{_DAY_MONTH_YEAR}{_E}",
            regex.IGNORECASE,
        ),
    ),
    (
        "day",
        regex.compile(
            rf"{_B}(?:{_DAY_MONTH_YEAR}|{_DAY_MONTH_WORDS}){_E}",
            regex.IGNORECASE,
        ),
    ),
    (
        "month",
        regex.compile(
            rf"{_B}tháng\s+(?:(?P<m>{_MONTH})|(?P<name>{_alternation(_MONTH_NAMES)}))"
            rf"(?:\s*(?:/|-|năm)\s*(?P<y>{_YEAR4}))?{_E}",
            regex.IGNORECASE,
        ),
    ),
    (
        "quarter",
        regex.compile(
            rf"{_B}quý\s+(?P<q>IV|I{{1,3}}|[1-4])(?:\s*(?:/|-|năm)\s*(?P<y>{_YEAR4}))?{_E}",
            regex.IGNORECASE,
        ),
    ),
    (
        "year",
        regex.compile(rf"{_B}năm\s+(?P<y>1[0-9]{{3}}|20[0-9][0-9]|2100){_E}", regex.IGNORECASE),
    ),
    (
        "cued-year",
        regex.compile(rf"(?<={_B}(?i:{_alternation(_YEAR_CUES)})\s+)(?P<y>{_YEAR4}){_E}"),
    ),
    (
        "relative-count",
        regex.compile(rf"{_B}(?P<n>[0-9]{{1,3}})\s+(?P<unit>ngày|tuần|tháng|năm)\s+trước{_E}", regex.IGNORECASE),
    ),
    (
        "relative",
        regex.compile(rf"{_B}(?P<rel>{_alternation(_RELATIVE)}){_E}", regex.IGNORECASE),
    ),
]
# Words before a date that belong to it ("chiều 22-5", "từ 1/7 đến …"). They are
# read leftwards from where the digits start, which keeps the scan fast.
_LEFT_CUES = {
    "interval-days": regex.compile(r"(?<![\p{L}])(?P<cue>từ|ngày|trong\s+(?:2|hai|3|ba)\s+ngày)\s+$", regex.IGNORECASE),
    "interval-dates": regex.compile(r"(?<![\p{L}])(?P<cue>từ)\s+(?:ngày\s+)?$", regex.IGNORECASE),
    "day": regex.compile(rf"(?<![\p{{L}}])(?P<cue>{_CUE})\s*,?\s*(?:(?:ngày|mồng|mùng)\s+)?$", regex.IGNORECASE),
}
_INTERVAL_YEAR_CUE = regex.compile(r"(?:nhiệm\s+kỳ|giai\s+đoạn|thời\s+kỳ|niên\s+khóa|khóa|từ|trong)\s+$", regex.IGNORECASE)
_AFTER_NOT_DATE = regex.compile(r"\s*(?:" + _alternation(_NOT_DATE_AFTER) + r")" + _E, regex.IGNORECASE)
_COUNT_OR_SCALE_AFTER = regex.compile(
    r"\s*(?:" + _alternation([*_COUNT_AFTER, "tỷ", "tỉ", "triệu", "nghìn", "ngàn", "đồng", "USD"]) + r")" + _E,
    regex.IGNORECASE,
)
_BARE_DAY_FOLLOWER = regex.compile(r"\s*(?:$|[,.;:)!?]|(?:" + _alternation(_DAY_FOLLOWERS) + r")" + _E + ")")
_YEAR_BEFORE_LIST = regex.compile(rf"(?<![\p{{L}}\p{{N}}/.,\-])(?P<y>{_YEAR4})\s*(?:,|và|hoặc)\s*$", regex.IGNORECASE)
_YEAR_LIST = regex.compile(rf"\s*(?:,|và|hoặc|cho\s+đến|đến)\s*(?:năm\s+)?(?P<y>{_YEAR4}){_E}", regex.IGNORECASE)
_LEGAL_REF = regex.compile(r"/\s*\p{Lu}|[/\-.][0-9]", regex.IGNORECASE)


@dataclass(frozen=True)
class DateFound:
    start: int
    end: int
    value: str
    grain: str
    rule: str
    year_inferred: bool = False


def _two_digit_year(y: str) -> int:
    n = int(y)
    return n if len(y) == 4 else (2000 + n if n < 70 else 1900 + n)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
        return True
    except ValueError:
        return False


def _resolve_day(month: int, day: int, year: int | None, ref: date | None) -> tuple[str, bool] | None:
    if year is not None:
        return (f"{year:04d}-{month:02d}-{day:02d}", False) if _valid_day(year, month, day) else None
    if not _valid_day(2000, month, day):  # 2000 is a leap year: 29/2 stays possible
        return None
    if ref is None:
        return f"--{month:02d}-{day:02d}", False
    year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    if not _valid_day(year, month, day):
        return f"--{month:02d}-{day:02d}", False
    return f"{year:04d}-{month:02d}-{day:02d}", True


def _resolve_month(month: int, year: int | None, ref: date | None) -> tuple[str, bool]:
    if year is not None:
        return f"{year:04d}-{month:02d}", False
    if ref is None:
        return f"--{month:02d}", False
    year = ref.year if month <= ref.month else ref.year - 1
    return f"{year:04d}-{month:02d}", True


def _day_from(text: str) -> tuple[int, int, int | None]:
    parts = regex.split(r"\s*[/\-.]\s*", text.strip())
    year = _two_digit_year(parts[2]) if len(parts) > 2 else None
    return int(parts[0]), int(parts[1]), year


def _value(rule: str, m: regex.Match, text: str, ref: date | None, cue: str | None) -> tuple[str, str, bool] | None:
    g = m.groupdict()
    if rule == "interval-days":
        year = int(g["y"]) if g["y"] else None
        month = int(g["m"])
        a = _resolve_day(month, int(g["d1"]), year, ref)
        b = _resolve_day(month, int(g["d2"]), year, ref)
        if not a or not b or int(g["d1"]) >= int(g["d2"]):
            return None
        if not cue and not year:
            return None
        return f"{a[0]}/{b[0]}", "interval", a[1]
    if rule == "interval-dates":
        d1, m1, y1 = _day_from(g["a"])
        d2, m2, y2 = _day_from(g["b"])
        if y2 is None and not cue:
            return None  # "15/6-15/7" alone is too often not a date range
        a = _resolve_day(m1, d1, y1 or y2, ref)
        b = _resolve_day(m2, d2, y2, ref)
        if not a or not b:
            return None
        return f"{a[0]}/{b[0]}", "interval", a[1] or b[1]
    if rule == "interval-years":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 <= y1 or y2 - y1 > 30:
            return None
        return f"{y1}/{y2}", "interval", False
    if rule == "months-of-year":
        if g["which2"]:
            count, which, year, rel = 6, g["which2"].lower(), g["y2"], g["rel2"]
        else:
            count = int(g["n"]) if g["n"].isdigit() else _MONTH_COUNTS[g["n"].lower()]
            which, year, rel = g["which"].lower(), g["y"], g["rel"]
        if not 1 <= count <= 11:
            return None
        first, last = (1, count) if which == "đầu" else (13 - count, 12)
        if year is None and ref is not None:
            year = str(ref.year + _YEAR_OFFSETS.get((rel or "nay").lower(), 0))
        if year is None:
            return f"--{first:02d}/--{last:02d}", "interval", False
        return f"{year}-{first:02d}/{year}-{last:02d}", "interval", not (g["y"] or g["y2"])
    if rule in ("datetime", "clock-day"):
        year = _two_digit_year(g["y"]) if g["y"] else None
        day = _resolve_day(int(g["m"]), int(g["d"]), year, ref)
        if not day:
            return None
        if day[0].startswith("--"):
            return day[0], "day", False
        minute = int(g["mm"] or 0)
        return f"{day[0]}T{int(g['hh']):02d}:{minute:02d}", "minute", day[1]
    if rule == "day":
        if g["d2"]:
            day, month, year = int(g["d2"]), int(g["m2"]), int(g["y2"]) if g["y2"] else None
        else:
            day, month = int(g["d"]), int(g["m"])
            year = _two_digit_year(g["y"]) if g["y"] else None
            sep = g["sep"]
            if year is None and not cue and sep != "/":
                return None  # "22-5", "1.7" need a cue such as "ngày", "chiều"
            if year is None and _AFTER_NOT_DATE.match(text, m.end()):
                return None  # "13/13 chỉ tiêu"
            if year is None and not cue and not _BARE_DAY_FOLLOWER.match(text, m.end()):
                return None  # "5/5 hạng mục", "Dệt may 29/3": a bare day needs a date-like ending
            if _LEGAL_REF.match(text, m.end()):
                return None  # "15/2017/NĐ-CP"
        resolved = _resolve_day(month, day, year, ref)
        if not resolved:
            return None
        return resolved[0], "day", resolved[1]
    if rule == "month":
        month = int(g["m"]) if g["m"] else int(_MONTH_NAMES[g["name"].lower()])
        if _LEGAL_REF.match(text, m.end()):
            return None
        value, inferred = _resolve_month(month, int(g["y"]) if g["y"] else None, ref)
        return value, "month", inferred
    if rule == "quarter":
        q = g["q"].lower()
        quarter = _ROMAN.get(q) or int(q)
        if g["y"]:
            return f"{g['y']}-Q{quarter}", "quarter", False
        if ref is None:
            return f"--Q{quarter}", "quarter", False
        year = ref.year if (quarter - 1) * 3 + 1 <= ref.month else ref.year - 1
        return f"{year}-Q{quarter}", "quarter", True
    if rule in ("year", "cued-year"):
        if _COUNT_OR_SCALE_AFTER.match(text, m.end()):
            return None  # "năm 2000 người", "đến 2020 tỷ"
        return g["y"], "year", False
    if rule == "relative-count":
        if ref is None:
            return None
        n, unit = int(g["n"]), g["unit"].lower()
        if unit == "năm":
            return str(ref.year - n), "year", True
        if unit == "tháng":
            months = ref.year * 12 + ref.month - 1 - n
            return f"{months // 12:04d}-{months % 12 + 1:02d}", "month", True
        if unit == "tuần":
            return _iso_week(ref - timedelta(weeks=n)), "week", True
        return (ref - timedelta(days=n)).isoformat(), "day", True
    if rule == "relative":
        if ref is None:
            return None
        key = regex.sub(r"\s+", " ", g["rel"].lower())
        unit, offset = _RELATIVE[key]
        if unit == "year":
            return str(ref.year + offset), "year", True
        if unit == "month":
            months = ref.year * 12 + ref.month - 1 + offset
            return f"{months // 12:04d}-{months % 12 + 1:02d}", "month", True
        if unit == "week":
            return _iso_week(ref + timedelta(weeks=offset)), "week", True
        return (ref + timedelta(days=offset)).isoformat(), "day", True
    return None


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def find_dates(text: str, reference: date | None = None) -> list[DateFound]:
    """Every date expression in text, longest first where they overlap."""
    taken = bytearray(len(text) + 1)
    found: list[DateFound] = []
    for rule, pattern in _PATTERNS:
        left = _LEFT_CUES.get(rule)
        for m in pattern.finditer(text):
            before = left.search(text, max(0, m.start() - 30), m.start()) if left else None
            start = before.start() if before else m.start()
            if any(taken[start : m.end()]):
                continue
            if rule == "interval-years" and not (m.group("from") or not m.group("to")
                                                 or _INTERVAL_YEAR_CUE.search(text, max(0, m.start() - 20), m.start())):
                continue  # "2012 đến 2016" needs "từ" or a cue such as "giai đoạn"
            result = _value(rule, m, text, reference, before["cue"] if before else None)
            if result is None:
                continue
            value, grain, inferred = result
            found.append(DateFound(start, m.end(), value, grain, rule, inferred))
            taken[start : m.end()] = b"\x01" * (m.end() - start)
    found += _year_lists(text, found, taken)
    for h in find_holidays(text, reference):
        if not any(taken[h.start : h.end]):
            found.append(DateFound(h.start, h.end, h.value, "day", h.rule, True))
    found.sort(key=lambda f: f.start)
    return _years_from_context(found)


def _year_lists(text: str, found: list[DateFound], taken: bytearray) -> list[DateFound]:
    """ "năm 2013, 2014 và 2015": bare years continuing a list that starts with a
    year; "2015 và năm 2016": a bare year listed before one."""
    extra = []
    for f in found:
        if f.grain != "year":
            continue
        before = _YEAR_BEFORE_LIST.search(text, max(0, f.start - 16), f.start)
        if before and not any(taken[before.start("y") : before.end("y")]):
            extra.append(DateFound(before.start("y"), before.end("y"), before.group("y"), "year", "year-list"))
            taken[before.start("y") : before.end("y")] = b"\x01" * (before.end("y") - before.start("y"))
        end = f.end
        while (m := _YEAR_LIST.match(text, end)) and not any(taken[m.start("y") : m.end()]):
            if _COUNT_OR_SCALE_AFTER.match(text, m.end()):
                break
            extra.append(DateFound(m.start("y"), m.end(), m.group("y"), "year", "year-list"))
            taken[m.start("y") : m.end()] = b"\x01" * (m.end() - m.start("y"))
            end = m.end()
    return extra


def _years_from_context(found: list[DateFound]) -> list[DateFound]:
    """A day without a year takes it from the same day written with its year elsewhere in the text."""
    known: dict[str, str] = {}
    for f in found:
        if f.grain in ("day", "minute") and not f.value.startswith("--") and not f.year_inferred:
            known.setdefault(f.value[4:10], f.value[:4])
    out = []
    for f in found:
        if f.grain == "day" and f.value.startswith("--") and f.value[1:] in known:
            f = DateFound(f.start, f.end, known[f.value[1:]] + f.value[1:], f.grain, f.rule, True)
        out.append(f)
    return out
