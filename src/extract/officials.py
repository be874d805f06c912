"""Link positions to people, and merge every mention of one person.

Patterns linked (X a position phrase, N a name):
- "X N":            "Bí thư Quận ủy Cầu Giấy Trần Thị Phương Hoa"
- "X, X N":         "Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình"
- "N – X, X":       "đồng chí Trần Thị Phương Hoa – Thành ủy viên, Bí thư Quận ủy"
- "N, X":           "ông Trần Ngọc Tâm, Cục trưởng Cục Thuế TP.HCM"
- "N (X)":          "Nguyễn Văn A (Chủ tịch UBND xã)"
- "X N1, N2 và N3": a title shared by a list of names
Short mentions ("ông Thăng", "Bí thư Thăng") join the latest full name with
that given name. Posts in private companies link (so that they are not given
to someone else) but do not make an official.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import regex

from extract.normalize import fold
from extract.people import NameFound, find_names, given_name
from extract.positions import PositionFound, cut, find_positions
from extract.vocab import load_words

_CUES = load_words("person_cues.txt")
_CUE_WORDS = "|".join(regex.escape(c) for c in sorted(_CUES, key=len, reverse=True))
_BETWEEN_TITLE_AND_NAME = regex.compile(rf"^\s*(?:,\s*)?(?:(?i:{_CUE_WORDS})\s*)*$")
_NAME_THEN_POSITION = regex.compile(r"^\s*(?:[,–—-]|\(|là)\s*$")
_POSITION_LIST_JOIN = regex.compile(r"^\s*(?:,|kiêm|và|,\s*kiêm|[–—-])\s*$")
_NAME_LIST_JOIN = regex.compile(r"^\s*(?:,|và|;)\s*$")
_SHORT_AFTER_TITLE = regex.compile(r"\s+(?P<name>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])(?!\s+\p{Lu})")


@dataclass
class PersonDraft:
    name: str
    mentions: list[NameFound] = field(default_factory=list)
    positions: list[PositionFound] = field(default_factory=list)

    def add_position(self, position: PositionFound) -> None:
        if not position.public:
            return
        # Keep the fullest writing: "Bí thư" adds nothing beside "Bí thư Thành ủy TP.HCM".
        key = _key(position.text)
        if any(key in _key(p.text) for p in self.positions):
            return
        self.positions = [p for p in self.positions if _key(p.text) not in key]
        self.positions.append(position)


def _key(text: str) -> str:
    return fold(text).lower()


def _trim(positions: list[PositionFound], names: list[NameFound], text: str) -> list[PositionFound]:
    """A position must not run into a name: cut it where the name starts."""
    starts = sorted(n.start for n in names)
    out = []
    for p in positions:
        k = bisect_right(starts, p.start)
        if k < len(starts) and starts[k] < p.end:
            p = cut(p, starts[k], text)
        if p is not None:
            out.append(p)
    return out


def _outside(names: list[NameFound], positions: list[PositionFound]) -> list[NameFound]:
    """The names that do not start inside a position."""
    spans = sorted((p.start, p.end) for p in positions)
    starts = [s for s, _ in spans]
    reach, furthest = [], -1  # reach[i]: the furthest end among spans[: i + 1]
    for _, end in spans:
        furthest = max(furthest, end)
        reach.append(furthest)
    out = []
    for n in names:
        k = bisect_right(starts, n.start) - 1
        if k < 0 or reach[k] <= n.start:
            out.append(n)
    return out


def _recognize(text: str) -> tuple[list[NameFound], list[PositionFound]]:
    positions = find_positions(text)
    names = find_names(text)
    positions = _trim(positions, names, text)
    # Second pass: a capitalized run right after a (now trimmed) title is a name
    # even without a known family name ("Thủ tướng Lào Thongloun Sisoulith").
    names = find_names(text, frozenset(p.end for p in positions if not p.company))
    positions = _trim(positions, names, text)
    names = _outside(names, positions)
    names = [n for n in (_before_position(n, positions, text) for n in names) if n is not None]
    return sorted(names, key=lambda n: n.start), positions


def _before_position(n: NameFound, positions: list[PositionFound], text: str) -> NameFound | None:
    """ "Hà Sỹ Đồng Chủ nhiệm …": a name ends where a title starts."""
    inside = [p.start for p in positions if n.start < p.start < n.end]
    if not inside:
        return n
    end = inside[0]
    while end > n.start and text[end - 1].isspace():
        end -= 1
    words = text[n.start : end].split()
    if len(words) < 2 and n.full:
        return None
    return NameFound(n.start, end, text[n.start : end], n.full, n.rule)


def _chain_starts(positions: list[PositionFound], text: str) -> list[int]:
    """For each position, the index of the first position of the list
    "X, X kiêm X" that ends with it."""
    out: list[int] = []
    for i, p in enumerate(positions):
        joined = i > 0 and _POSITION_LIST_JOIN.match(text[positions[i - 1].end : p.start])
        out.append(out[i - 1] if joined else i)
    return out


def _short_mentions(text: str, positions: list[PositionFound], by_given: dict[str, "PersonDraft"]) -> list[NameFound]:
    """ "Bí thư Thăng": a title followed by the given name of someone named before."""
    out = []
    for p in positions:
        m = _SHORT_AFTER_TITLE.match(text, p.end)
        if m and _key(m.group("name")) in by_given:
            out.append(NameFound(m.start("name"), m.end("name"), m.group("name"), False, "title-short"))
    return out


def _tails(key: str) -> list[str]:
    """The word-suffixes of a name key, longest first: "vu vĩ quốc" -> "vĩ quốc", "quốc"."""
    words = key.split()
    return [" ".join(words[i:]) for i in range(1, len(words))]


def link(text: str) -> list[PersonDraft]:
    names, positions = _recognize(text)
    people: dict[str, PersonDraft] = {}
    by_given: dict[str, PersonDraft] = {}
    owner: dict[int, PersonDraft] = {}  # name start -> person

    # "bà Minh Ánh" after "Dương Minh Ánh": the given names of someone named before
    # (the first one named, when several share them).
    by_tail: dict[str, PersonDraft] = {}

    def attach(n: NameFound) -> None:
        if n.full:
            person = people.get(_key(n.text)) or by_tail.get(_key(n.text)) or PersonDraft(n.text)
            if _key(person.name) not in people:
                people[_key(person.name)] = person
                for tail in _tails(_key(person.name)):
                    by_tail.setdefault(tail, person)
            by_given[_key(given_name(n.text))] = person
        else:
            person = by_given.get(_key(n.text))
            if person is None:
                return
        person.mentions.append(n)
        owner[n.start] = person

    for n in names:
        attach(n)
    shorts = [n for n in _short_mentions(text, positions, by_given) if n.start not in owner]
    for n in shorts:
        attach(n)
    names = sorted([*names, *(n for n in shorts if n.start in owner)], key=lambda n: n.start)

    starts = [n.start for n in names]
    ends = [n.end for n in names]  # names do not overlap, so these are sorted too
    chain = _chain_starts(positions, text)
    for i, p in enumerate(positions):
        # "X N", "X, X N" and "X N1, N2 và N3"
        k = bisect_left(starts, p.end)
        if k < len(names) and _BETWEEN_TITLE_AND_NAME.match(text[p.end : names[k].start]):
            person = owner.get(names[k].start)
            if person:
                for q in positions[chain[i] : i + 1]:
                    person.add_position(q)
                prev = names[k]
                for n in names[k + 1 :]:
                    if not n.full or not _NAME_LIST_JOIN.match(text[prev.end : n.start]):
                        break
                    if n.start in owner:
                        owner[n.start].add_position(p)
                    prev = n
                continue
        # "N – X, X", "N, X", "N (X)"
        first = positions[chain[i]]
        k = bisect_right(ends, first.start) - 1
        if k >= 0 and _NAME_THEN_POSITION.match(text[names[k].end : first.start]):
            person = owner.get(names[k].start)
            if person:
                person.add_position(p)
    return _merge_tails([person for person in people.values() if person.mentions])


def _merge_tails(people: list[PersonDraft]) -> list[PersonDraft]:
    """ "Vĩ Quốc" named before "Vu Vĩ Quốc": a full name that ends a longer one
    of the same article is that person."""
    by_tail: dict[str, PersonDraft] = {}
    for person in sorted(people, key=lambda p: len(p.name.split())):
        for tail in _tails(_key(person.name)):
            by_tail[tail] = person
    kept = []
    for person in people:
        longer = by_tail.get(_key(person.name))
        if longer is None or longer is person:
            kept.append(person)
            continue
        longer.mentions = sorted(longer.mentions + person.mentions, key=lambda n: n.start)
        if not longer.positions:
            longer.positions = person.positions
    return kept
