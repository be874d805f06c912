"""Link positions to people, and merge every mention of one person.

Patterns linked (X a position phrase, N a name):
- "X N":            "Bí thư Quận ủy Cầu Giấy Trần Thị Phương Hoa"
- "N – X, X":       "đồng chí Trần Thị Phương Hoa – Thành ủy viên, Bí thư Quận ủy"
- "N, X":           "ông Trần Ngọc Tâm, Cục trưởng Cục Thuế TP.HCM"
- "N (X)":          "Nguyễn Văn A (Chủ tịch UBND xã)"
- "X N1, N2 và N3": a title shared by a list of names
- "X + given name": "Bí thư Thăng", a later short mention of someone named before.
Short mentions ("ông Thăng", "bà Hoa") join the latest full name with that given name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extract.normalize import fold
from extract.people import NameFound, find_names, given_name
from extract.positions import PositionFound, cut, find_positions

_BETWEEN_TITLE_AND_NAME = regex.compile(
    r"^\s*(?:,\s*)?(?:(?:ông|bà|đồng chí|Đ/c|đ/c|Đại tá|Thượng tá|Trung tá|Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng|TS\.?|PGS\.?\s*TS\.?|GS\.?\s*TS\.?|ThS\.?)\s+)*$"
)
_NAME_THEN_POSITION = regex.compile(r"^\s*(?:[,–—-]|\()\s*$")
_POSITION_LIST_JOIN = regex.compile(r"^\s*(?:,|kiêm|và|,\s*kiêm)\s*$")
_NAME_LIST_JOIN = regex.compile(r"^\s*(?:,|và|;)\s*$")


@dataclass
class PersonDraft:
    name: str
    mentions: list[NameFound] = field(default_factory=list)
    positions: list[PositionFound] = field(default_factory=list)

    def add_position(self, position: PositionFound) -> None:
        key = fold(position.text).lower()
        if all(fold(p.text).lower() != key for p in self.positions):
            self.positions.append(position)


def _name_key(name: str) -> str:
    return fold(name).lower()


def link(text: str) -> list[PersonDraft]:
    names = find_names(text)
    positions = find_positions(text)
    # A position must not run into a name: cut it where the name starts.
    trimmed: list[PositionFound] = []
    for p in positions:
        inside = [n for n in names if p.start < n.start < p.end]
        if inside:
            p = cut(p, inside[0].start, text)
        if p is not None:
            trimmed.append(p)
    positions = trimmed
    names = [n for n in names if not any(p.start <= n.start < p.end for p in positions)]

    people: dict[str, PersonDraft] = {}
    by_given: dict[str, PersonDraft] = {}
    owner: dict[int, PersonDraft] = {}  # name start -> person

    for n in names:
        if n.full:
            person = people.setdefault(_name_key(n.text), PersonDraft(n.text))
            by_given[_name_key(given_name(n.text))] = person
        else:
            person = by_given.get(_name_key(n.text))
            if person is None:
                continue
        person.mentions.append(n)
        owner[n.start] = person

    ordered = sorted(names, key=lambda n: n.start)
    for i, p in enumerate(positions):
        # "X N" and "X N1, N2 và N3"
        after = [n for n in ordered if n.start >= p.end]
        if after and _BETWEEN_TITLE_AND_NAME.match(text[p.end : after[0].start]):
            owner_first = owner.get(after[0].start)
            if owner_first:
                owner_first.add_position(p)
                prev = after[0]
                for n in after[1:]:
                    if not _NAME_LIST_JOIN.match(text[prev.end : n.start]) or not n.full:
                        break
                    if n.start in owner:
                        owner[n.start].add_position(p)
                    prev = n
                continue
        # "N – X, X", "N, X", "N (X)"
        chain_start = p.start
        for q in reversed(positions[:i]):
            if _POSITION_LIST_JOIN.match(text[q.end : chain_start]):
                chain_start = q.start
            else:
                break
        before = [n for n in ordered if n.end <= chain_start]
        if before and _NAME_THEN_POSITION.match(text[before[-1].end : chain_start]):
            person = owner.get(before[-1].start)
            if person:
                person.add_position(p)
    return [person for person in people.values() if person.mentions]
