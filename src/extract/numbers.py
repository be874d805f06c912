"""The Vietnamese numeral grammar: digits, scale words, spelled-out numbers.

Writing conventions (Vietnamese news):
- "." groups thousands and "," marks decimals: "9.278,6" = 9278.6, "1.800" = 1800.
- Ambiguous writings: a single "," is always a decimal mark ("19,970" = 19.97;
  writers who meant 19970 are the exception), several "," groups of three are
  thousands ("1,234,567"); a single "." followed by exactly three digits groups
  thousands ("1.500"), any other "." is a decimal mark ("1.5 triệu").
- Scale words multiply and compound: "97,4 nghìn tỉ" = 97.4 x 10^12,
  "566 tỷ 384 triệu" = 566 x 10^9 + 384 x 10^6. Glued suffixes: "10K", "1,2M".
- Spelled-out numbers: "hai mươi mốt nghìn không trăm mười một" = 21011,
  "ba phẩy năm" = 3.5, "hai trăm rưỡi" = 250.
- "âm 5" and "-5" are negative.

Values are Decimal, never float.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from extract.vocab import load_table

_SCALES = {row[0]: int(row[1]) for row in load_table("scales.tsv") if row[2] == "word"}
_SUFFIXES = {row[0]: int(row[1]) for row in load_table("scales.tsv") if row[2] == "suffix"}
_NUMERAL_WORDS = {row[0]: (row[1], Decimal(row[2])) for row in load_table("numerals.tsv")}


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# A digit numeral not glued to letters or other digits on either side.
DIGITS = (
    r"(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?"  # 9.278,6  1.800
    r"|[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?"  # 1,234,567
    r"|[0-9]+(?:[.,][0-9]+)?)"  # 120,04  1.5  2021
)
_DIGIT_ATOM = rf"(?<![\p{{L}}\p{{N}}.,])(?<!\p{{L}}[-–])(?<![\p{{N}}][.,]){DIGITS}(?![\p{{N}}]|[.,]\p{{N}})"
SCALE_WORD = rf"(?:{_alternation(_SCALES)})(?![\p{{L}}\p{{N}}])"
SUFFIX = rf"(?-i:{_alternation(_SUFFIXES)})(?![\p{{L}}\p{{N}}])"
SPELLED_WORD = rf"(?:{_alternation(_NUMERAL_WORDS)}|{_alternation(_SCALES)})"
_SPELLED = rf"(?<![\p{{L}}]){SPELLED_WORD}(?:\s+{SPELLED_WORD})*(?![\p{{L}}])"

# A quantity: digits with optional glued suffix or scale words, optionally
# continued by smaller "number scale" groups ("566 tỷ 384 triệu").
QUANTITY = regex.compile(
    rf"(?P<neg>(?<![\p{{L}}])âm\s+|-(?<![\p{{L}}\p{{N}}\-–]-)(?<![0-9]\s{{0,8}}-)(?=[0-9]))?"
    rf"(?:(?P<digits>{_DIGIT_ATOM})(?:(?P<suffix>{SUFFIX})|(?P<scales>(?:\s*{SCALE_WORD})+))?"
    rf"(?P<rest>(?:\s+{DIGITS}\s*(?:{SCALE_WORD}))*)"
    rf"|(?P<spelled>{_SPELLED}))",
    regex.IGNORECASE,
)
_REST_GROUP = regex.compile(rf"({DIGITS})\s*((?:{SCALE_WORD}))", regex.IGNORECASE)


def parse_digits(text: str) -> Decimal:
    """Value of a digit numeral written the Vietnamese way (see module doc)."""
    if regex.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?", text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if regex.fullmatch(r"[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?", text):
        return Decimal(text.replace(",", ""))
    if "," in text:
        return Decimal(text.replace(",", "."))
    return Decimal(text)


def scale_power(words: str) -> int:
    """Sum of powers of ten of scale words: "nghìn tỷ" -> 12."""
    return sum(_SCALES[w.lower()] for w in words.split())


def spelled_value(words: str) -> Decimal | None:
    """Value of a spelled-out Vietnamese number, or None if it is not one."""
    tokens = words.lower().split()
    if "phẩy" in tokens or "chấm" in tokens:
        cut = tokens.index("phẩy") if "phẩy" in tokens else tokens.index("chấm")
        whole = spelled_value(" ".join(tokens[:cut]))
        fraction = tokens[cut + 1 :]
        if whole is None or not fraction:
            return None
        if all(_NUMERAL_WORDS.get(t, ("", 0))[0] == "digit" for t in fraction):
            digits = "".join(str(_NUMERAL_WORDS[t][1]) for t in fraction)
        else:
            value = spelled_value(" ".join(fraction))
            if value is None:
                return None
            digits = str(value)
        return whole + Decimal("0." + digits)
    total = Decimal(0)
    largest = 0  # largest scale power applied so far
    group = Decimal(0)  # value below the next scale word
    current: Decimal | None = None
    last_unit = Decimal(1)
    seen_number = False
    for token in tokens:
        if token in _SCALES:
            power = _SCALES[token]
            group += current or 0
            if not seen_number:
                return None
            if power > largest:
                total = (total + group) * Decimal(10) ** power
                largest = power
            else:
                total += group * Decimal(10) ** power
            group, current, last_unit = Decimal(0), None, Decimal(10) ** power
            continue
        role, value = _NUMERAL_WORDS.get(token, (None, None))
        if role is None:
            return None
        seen_number = True
        if role == "digit":
            if current is not None:
                return None  # "hai ba" is two numbers, not one
            current = value
        elif role == "ten":
            group += 10
            last_unit = Decimal(1)
        elif role == "tens":
            group += (current if current is not None else 1) * 10
            current, last_unit = None, Decimal(1)
        elif role == "hundred":
            group += (current if current is not None else 1) * 100
            current, last_unit = None, Decimal(10)
        elif role == "half":
            if current is not None:
                return None
            # "hai trăm rưỡi" = 250, "ba triệu rưỡi" = 3.500.000, "rưỡi" after units = .5
            if group == 0 and total:
                total += Decimal(10) ** largest / 2
            else:
                group += last_unit * 5 if last_unit >= 10 else Decimal("0.5")
        elif role == "zero":
            continue
        elif role == "point":
            return None
    if not seen_number:
        return None
    return total + group + (current or 0)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: Decimal
    spelled: bool
    scaled: bool  # a scale word or suffix was written
    suffixed: bool = False  # glued suffix: "10K"


def _quantity_value(m: regex.Match) -> Decimal | None:
    if m.group("spelled"):
        return spelled_value(m.group("spelled"))
    value = parse_digits(m.group("digits"))
    if m.group("suffix"):
        value *= Decimal(10) ** _SUFFIXES[m.group("suffix")]
    elif m.group("scales"):
        value *= Decimal(10) ** scale_power(m.group("scales"))
    for digits, scale in _REST_GROUP.findall(m.group("rest") or ""):
        value += parse_digits(digits) * Decimal(10) ** scale_power(scale)
    return value


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number in text[start:end], with its scale words, left to right."""
    out: list[Quantity] = []
    for m in QUANTITY.finditer(text, start, len(text) if end is None else end):
        if not m.group().strip():
            continue
        value = _quantity_value(m)
        if value is None:
            continue
        if m.group("neg"):
            value = -value
        scaled = bool(m.group("suffix") or m.group("scales") or m.group("rest"))
        if m.group("spelled"):
            words = m.group("spelled").split()
            scaled = any(w.lower() in _SCALES for w in words)
            if len(words) == 1:
                continue  # a lone "năm", "một", "ba" is too often not a number
        out.append(Quantity(m.start(), m.end(), value, bool(m.group("spelled")), scaled, bool(m.group("suffix"))))
    return out
