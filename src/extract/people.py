"""Person names: capitalized syllables, a family-name list, cues and places.

A name is a run of capitalized syllables that starts with a known family name
("Trần Thị Phương Hoa"), or any capitalized run right after a cue such as
"ông", "bà", "đồng chí" or right after a title ("Thủ tướng Lào Thongloun
Sisoulith"), which also gives short mentions ("ông Thăng"). Known localities
written before a name ("Cầu Giấy Trần Thị Phương Hoa") are cut off; a run after
a place word ("đường Phạm Văn Đồng", "Trường THPT Nguyễn Du") is a place, and
a run that is itself a known locality ("Thái Bình") is not a person.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from extract.ner import name_after_place
from extract.vocab import load_table, load_words

SURNAMES = frozenset(load_words("surnames.txt"))
LOCALITIES = sorted(load_words("localities.txt"), key=len, reverse=True)
_LOCALITY_SET = frozenset(w.lower() for w in LOCALITIES)
_CUES = load_words("person_cues.txt")
_PLACE_WORDS = load_words("not_person_before.txt")
_NOT_NAME_WORDS = frozenset(load_words("not_name_words.txt"))
_CYCLE = load_table("can_chi.tsv")
# "Đinh Dậu", "Nhâm Dần": year names of the sexagenary cycle, not people.
_YEAR_NAMES = frozenset(f"{can} {chi}" for kind, can in _CYCLE if kind == "can" for kind2, chi in _CYCLE if kind2 == "chi")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_SYLLABLE = r"\p{Lu}\p{Ll}*(?:-\p{Lu}?\p{Ll}+)?"
_RUN = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_SYLLABLE}(?:[ \t]+{_SYLLABLE})*(?![\p{{L}}\p{{N}}])")
_WORD = regex.compile(r"\S+")
_CUE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{_alternation(_CUES)})\s*$")
_CUE_AT_START = regex.compile(rf"(?i:{_alternation(_CUES)})\s+")
_PLACE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{_alternation(_PLACE_WORDS)})\s*$")
_ORG_UNIT_BEFORE = regex.compile(
    rf"(?:{_alternation(load_words('unit_organizations.txt'))})\s+(?:quận|huyện|tỉnh|thị xã|xã|phường|thành phố|TP\.?)\s*$"
)
_LOCALITY_PREFIX = regex.compile(rf"(?:{_alternation(LOCALITIES)})(?:\s+|$)")
_LOCALITY_INSIDE = regex.compile(rf"(?<![\p{{L}}])(?:{_alternation(LOCALITIES)})(?![\p{{L}}])")
_MAX_WORDS = 4


@dataclass(frozen=True)
class NameFound:
    start: int
    end: int
    text: str
    full: bool  # a full name (family name and given name), not "ông Thăng"
    rule: str


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _is_place_name(text: str) -> bool:
    return text.lower() in _LOCALITY_SET


def find_names(text: str, title_ends: frozenset[int] = frozenset()) -> list[NameFound]:
    """Names in `text`. `title_ends` are offsets where a title phrase ends: a
    capitalized run right after one is a name even without a known family name."""
    found: list[NameFound] = []
    for run in _RUN.finditer(text):
        start, end = run.start(), run.end()
        before = text[max(0, start - 24) : start]
        cue = bool(_CUE_BEFORE.search(before))
        at_start = _CUE_AT_START.match(text, start, end)
        if at_start:  # "Ông Lương Thế Dân" at the start of a sentence
            start, cue = at_start.end(), True
        prefix = _LOCALITY_PREFIX.match(text, start, end)
        if prefix and prefix.end() < end:
            # "TP Hà Nội Nguyễn Đức Chung": the place word belongs to the locality.
            start = prefix.end()
        elif not cue and _PLACE_BEFORE.search(before):
            split = _name_after_place(text, start, end, before)
            if split is None:
                continue
            start, cue = split, True
        after_title = not cue and _right_after(text, start, title_ends)
        cue = cue or after_title
        words = _words(text, start, end)
        while words and text[slice(*words[0])] in _NOT_NAME_WORDS:
            words = words[1:]
        while words and text[slice(*words[-1])] in _NOT_NAME_WORDS:
            words = words[:-1]
        if not words:
            continue
        first = next((i for i, (a, b) in enumerate(words) if text[a:b] in SURNAMES), None)
        if after_title and first and len(words) - first >= 2:
            # "Chủ tịch Vinatex Trần Quang Nghị": the words before the family name name the body.
            name_words = words[first : first + _MAX_WORDS]
            rule = "family-name"
        elif cue and (first is None or first > 0):
            name_words = words[:_MAX_WORDS]
            rule = "cue-name"
        elif first is not None:
            name_words = words[first : first + _MAX_WORDS]
            rule = "family-name"
        else:
            continue
        name = _name(text, name_words, rule)
        if name.text in _YEAR_NAMES:
            continue
        if _is_place_name(name.text) or (rule == "cue-name" and _LOCALITY_INSIDE.search(name.text)):
            continue  # "Thái Bình"; "Phó Tổng giám đốc Samsung Việt Nam"
        if len(name_words) == 1:
            if cue:
                found.append(NameFound(name.start, name.end, name.text, False, "cue-short"))
            continue
        found.append(name)
    return found


def _name_after_place(text: str, start: int, end: int, before: str) -> int | None:
    """Where a person's name starts in a capitalized run after a place word, if it holds one:
    - "huyện Mê Linh Nguyễn Văn Hòa": at a family name after the place's own words;
    - "UBND quận Bùi Tuấn Anh": a unit of an organization is named by its title's
      locality-less form, so a full name right after it is the person;
    - "tỉnh Phúc Kiến Vu Vĩ Quốc": where the NER model's word segmentation splits the run.
    """
    words = _words(text, start, end)
    for i, (a, _) in enumerate(words[1:], 1):
        if text[a : words[i][1]] in SURNAMES and 2 <= len(words) - i <= _MAX_WORDS:
            return a
    if text[slice(*words[0])] in SURNAMES and 2 <= len(words) <= _MAX_WORDS and _ORG_UNIT_BEFORE.search(before):
        return start
    if len(words) >= 3:
        return name_after_place(text, start, end)
    return None


def _right_after(text: str, start: int, ends: frozenset[int]) -> bool:
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start in ends


def _name(text: str, words: list[tuple[int, int]], rule: str) -> NameFound:
    start, end = words[0][0], words[-1][1]
    return NameFound(start, end, text[start:end], True, rule)


def given_name(full_name: str) -> str:
    return full_name.split()[-1]
