"""Position phrases: a public title, its organization and locality.

Grammar (vocabulary in data/titles.txt, organizations.tsv, departments.txt):

    [nguyên] [Quyền] [Phó] TITLE [Thường trực] [ORG [DEPARTMENT]]{0,2} [LOCALITY]

"Bí thư Quận ủy Cầu Giấy", "Phó Chủ tịch Thường trực UBND tỉnh",
"Cục trưởng Cục Thuế TP.HCM", "nguyên Bộ trưởng Bộ Tài chính".
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from extract.normalize import fold
from extract.people import LOCALITIES, SURNAMES
from extract.vocab import load_table, load_words

_TITLES = load_words("titles.txt")
_ORGS = {row[0]: (row[1], row[2] == "yes", row[3] == "yes") for row in load_table("organizations.tsv")}
_DEPARTMENTS = load_words("departments.txt")
_STOP = load_words("org_stop_words.txt")
_COMPOUNDS = load_words("org_compounds.txt")
_COMPANY_TITLES = frozenset(load_words("company_titles.txt"))
_COMPANY_SUFFIXES = load_words("company_suffixes.txt")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_E = r"(?![\p{L}\p{N}])"
_ADMIN = r"(?:thành\s+phố|TP\.?\s?|tỉnh|quận|huyện|thị\s+xã|thị\s+trấn|xã|phường)"
_CAP = r"\p{Lu}[\p{Ll}\p{M}]*"
_ABBR = r"(?!TP\b)\p{Lu}{2,}(?:[-&]\p{Lu}+)*(?![\p{L}\p{N}]|\.\p{L})"  # EVN, BHXH, NN-PTNT, KH&ĐT
_PLACE = rf"(?:{_alternation(LOCALITIES)}){_E}"
_LOCALITY = (
    rf"(?:(?:{_PLACE}"
    rf"|{_ADMIN}(?:\s*{_CAP}(?:\s+{_CAP})*|{_E})"
    rf"|TP\.?\s?HCM{_E})"
    rf"(?:,?\s+(?:tại|ở)\s+{_PLACE})?"
    rf"|(?:tại|ở)\s+{_PLACE})"
)
_ORG_NAMED = _alternation(o for o, (_, named, _) in _ORGS.items() if named)
_ORG_PLAIN = _alternation(o for o, (_, named, _) in _ORGS.items() if not named)
# A name after Bộ / Sở / Cục …: a known one, an abbreviation, or a capitalized
# word with up to seven more words, stopping at a verb or function word.
_DEPT_WORD = (
    rf"(?:(?i:{_alternation(_COMPOUNDS)}){_E}"
    rf"|(?!(?:{_alternation(_STOP)}){_E}|{_PLACE})[\p{{L}}][\p{{L}}&]*)"
)
_DEPT_JOIN = rf"(?:\s*[-–]\s*|,?\s+(?:và|của)\s+(?=\p{{Lu}})|\s+)"
_DEPT = (
    rf"(?:(?:{_alternation(_DEPARTMENTS)}){_E}|(?i:{_alternation(_COMPOUNDS)}){_E}|{_ABBR}|{_CAP})"
    rf"(?:{_DEPT_JOIN}{_DEPT_WORD}){{0,7}}"
    rf"(?:\s*\({_ABBR}\))?"
)
# A named organization word alone refers back to one named before: "Phó Chủ tịch thường trực Ủy ban, …".
_ORG = rf"(?:(?:{_ORG_PLAIN}){_E}|(?:{_ORG_NAMED})(?:\s+{_DEPT}|(?=\s*[,.;:)]|$))|{_ABBR})"

def _cased(words) -> set[str]:
    """The ways news capitalizes a title: "Phó Thủ tướng", "Phó thủ tướng", "phó thủ tướng", "PHÓ THỦ TƯỚNG".
    Listing them beats case-insensitive matching, which is several times slower."""
    out = set()
    for w in words:
        out |= {w, w.lower(), w[:1].upper() + w[1:].lower(), w.title(), w.upper(), w[:1].lower() + w[1:]}
    return out


# Titles are found case-blind on a lower-cased copy of the text (same length,
# so offsets agree), which is many times faster than a case-insensitive
# pattern; the rest of the phrase, where capitals matter, is read on the text.
_TITLE = regex.compile(rf"(?<![\p{{L}}])(?P<title>{_alternation(t.lower() for t in _TITLES)}){_E}")
_REST = regex.compile(
    rf"(?P<standing>\s+(?:{_alternation(_cased(['thường trực']))}))?"
    rf"(?P<org>(?:\s+{_ORG}(?:(?:\s+của)?\s+{_ORG})?)?)"  # "Ủy ban Kinh tế của Quốc hội"
    rf"(?P<locality>\s+{_LOCALITY})?",
)
_MODIFIERS = regex.compile(
    rf"(?<![\p{{L}}])(?P<former>(?:{_alternation(_cased(['nguyên', 'cựu']))})\s+)?"
    rf"(?P<acting>(?:{_alternation(_cased(['quyền']))})\s+)?(?P<deputy>(?:{_alternation(_cased(['phó']))})\s+)?$"
)
_PRIVATE = regex.compile(
    r"(?:^|\s)(?:" + _alternation(o for o, (_, _, public) in _ORGS.items() if not public) + r")" + _E
)


@dataclass(frozen=True)
class PositionFound:
    start: int
    end: int
    text: str
    title: str
    organization: str | None
    locality: str | None
    former: bool
    acting: bool
    standing: bool
    company: bool = False  # "Giám đốc Samsung Việt Nam": see _company_after

    @property
    def public(self) -> bool:
        """False for a post in a private company ("Giám đốc Công ty cổ phần …", "Giám đốc Samsung")."""
        return not self.company and not _PRIVATE.search(self.text)


def _expand(org: str) -> str:
    for short, (full, _, _) in sorted(_ORGS.items(), key=lambda kv: -len(kv[0])):
        if org.startswith(short):
            return full + org[len(short) :]
    return org


_NAME_AFTER = regex.compile(r"\s+(?P<word>\p{Lu}[\p{L}\p{N}&]*)")
_COMPANY_NAMED_AFTER = regex.compile(
    rf"\s*(?:,|thuộc|của)\s+(?:[\p{{Lu}}0-9][\p{{L}}\p{{N}}&.-]*\s+){{1,4}}(?:{_alternation(_COMPANY_SUFFIXES)})(?![\p{{L}}])"
)
_LOCALITY_START = regex.compile(rf"\s+{_LOCALITY}")


def _company_after(text: str, title: str, org: str | None, end: int) -> bool:
    """A post in a company: the phrase is followed by a company's name with its
    suffix ("…, HTI Group"), or a company title with no organization is followed
    straight by a capitalized word that is neither a family name nor a place."""
    if _COMPANY_NAMED_AFTER.match(text, end):  # "…, HTI Group"
        return True
    if org or title.lower().removeprefix("phó ").strip() not in _COMPANY_TITLES:
        return False
    m = _NAME_AFTER.match(text, end)
    return bool(m) and m.group("word") not in SURNAMES and not _LOCALITY_START.match(text, end)


def find_positions(text: str) -> list[PositionFound]:
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    found = []
    for t in _TITLE.finditer(lowered):
        m = _REST.match(text, t.end())
        before = _MODIFIERS.search(text, max(0, t.start() - 24), t.start())
        start = before.start() if before and before.group() else t.start()
        org = m.group("org").strip() or None
        title = ((before["deputy"] or "") if before else "") + text[t.start() : t.end()]
        found.append(
            PositionFound(
                start,
                m.end(),
                text[start : m.end()],
                title.strip(),
                _expand(org) if org else None,
                (m.group("locality") or "").strip() or None,
                bool(before and before["former"]),
                bool(before and before["acting"]),
                bool(m.group("standing")),
                _company_after(text, title, org, m.end()),
            )
        )
    return found


def cut(position: PositionFound, end: int, text: str) -> PositionFound | None:
    """The position re-read as ending before `end` (where a name starts)."""
    phrase = text[position.start : end].rstrip(" ,;:–-(")
    again = next((p for p in find_positions(phrase) if p.start == 0), None)
    if again is None:
        return None
    return replace(again, start=position.start, end=position.start + again.end)


def same_position(a: str, b: str) -> bool:
    return fold(a).lower() == fold(b).lower()
