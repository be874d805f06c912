"""Person names: capitalized syllables, a family-name list, cues and places.

A name is a run of capitalized syllables that starts with a known family name
("Trần Thị Phương Hoa"), or any capitalized run right after a cue such as
"ông", "bà", "đồng chí" (which also gives short mentions: "ông Thăng"). Known
localities written before a name ("Cầu Giấy Trần Thị Phương Hoa") are cut
off, and a run after a place word ("đường Phạm Văn Đồng", "Trường THPT Nguyễn
Du") is a place, not a person.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from extract.vocab import load_words

SURNAMES = frozenset(load_words("surnames.txt"))
LOCALITIES = sorted(load_words("localities.txt"), key=len, reverse=True)
_CUES = load_words("person_cues.txt")
_PLACE_WORDS = load_words("not_person_before.txt")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_SYLLABLE = r"\p{Lu}\p{Ll}*(?:-\p{Lu}?\p{Ll}+)?"
_RUN = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_SYLLABLE}(?:[ \t]+{_SYLLABLE})*(?![\p{{L}}\p{{N}}])")
_WORD = regex.compile(r"\S+")
_CUE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{_alternation(_CUES)})\s*$")
_PLACE_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?:{_alternation(_PLACE_WORDS)})\s*$")
_LOCALITY_PREFIX = regex.compile(rf"(?:{_alternation(LOCALITIES)})(?:\s+|$)")


@dataclass(frozen=True)
class NameFound:
    start: int
    end: int
    text: str
    full: bool  # a full name (family name and given name), not "ông Thăng"
    rule: str


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def find_names(text: str) -> list[NameFound]:
    found: list[NameFound] = []
    for run in _RUN.finditer(text):
        start, end = run.start(), run.end()
        before = text[max(0, start - 24) : start]
        cue = _CUE_BEFORE.search(before)
        prefix = _LOCALITY_PREFIX.match(text, start, end)
        if prefix and prefix.end() < end:
            # "TP Hà Nội Nguyễn Đức Chung": the place word belongs to the locality.
            start, cue = prefix.end(), None
        elif not cue and _PLACE_BEFORE.search(before):
            continue
        words = _words(text, start, end)
        first = next((i for i, (a, b) in enumerate(words) if text[a:b] in SURNAMES), None)
        if cue is not None and (first is None or first > 0):
            name_words = words[:4]
            if len(name_words) == 1:
                found.append(NameFound(*name_words[0], text[slice(*name_words[0])], False, "cue-short"))
                continue
            found.append(_name(text, name_words, "cue-name"))
            continue
        if first is None:
            continue
        name_words = words[first : first + 5]
        if len(name_words) < 2:
            continue
        found.append(_name(text, name_words, "family-name"))
    return found


def _name(text: str, words: list[tuple[int, int]], rule: str) -> NameFound:
    start, end = words[0][0], words[-1][1]
    return NameFound(start, end, text[start:end], True, rule)


def given_name(full_name: str) -> str:
    return full_name.split()[-1]
