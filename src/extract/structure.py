"""Article structure: headline, banner and section label, byline, publication line, boilerplate.

Works on the normalized text line by line. Lines that are page furniture
(share buttons, banners, section labels, a caption repeated on the next line)
are returned as `skip` spans: no mention is taken from them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import regex

from extract.vocab import load_words

_BOILERPLATE = [regex.compile(p, regex.IGNORECASE | regex.MULTILINE) for p in load_words("boilerplate.txt")]
_OUTLET_TAG = regex.compile(r"^\s*(?:\(?[\p{L}\. ]{2,20}\)?\s*[-–—]\s+)")
_PUBLICATION = regex.compile(
    r"(?:Ngày đăng|Cập nhật|Đăng lúc|Ngày cập nhật|Thời gian đăng|Xuất bản)\s*:?\s*"
    r"(?:[^0-9\n]{0,20})?(?P<d>[0-9]{1,2})/(?P<m>[0-9]{1,2})/(?P<y>[0-9]{4})"
    r"(?:\s*(?:\||,|-|lúc)?\s*(?P<hh>[0-9]{1,2})[:h](?P<mm>[0-9]{2}))?",
    regex.IGNORECASE,
)
_LINE = regex.compile(r"[^\n]*")
_BYLINE = regex.compile(
    r"^(?:Theo\s+)?(?P<name>(?:\p{Lu}[\p{Ll}\p{Lu}]*(?:\s*-\s*|\s+)){1,5}\p{Lu}[\p{Ll}\p{Lu}]*)"
    r"(?:\s*(?:/|\()\s*[\p{L}\.\s]+\)?)?\s*$"
)
_SENTENCE_END = regex.compile(r"(?:[.!?…”\"):]|\./\.)\s+")
_BYLINE_PREFIX = regex.compile(r"^(?:" + "|".join(regex.escape(p) for p in load_words("byline_prefixes.txt")) + r")\s*",
                               regex.IGNORECASE)
_BYLINE_TEXT = regex.compile(
    r"^(?:\p{Lu}[\p{L}]*(?:\s*[-–]\s*|\s+|,\s*)){0,6}\p{Lu}[\p{L}]*"
    r"(?:\s*/\s*[\p{L}][\p{L}\. ]*|\s*\([\p{L}\./ ]+\))?$"
)
_UNIT_WORDS = regex.compile(r"^(?:Phòng|Ban|Sở|Văn phòng|UBND|Trung tâm)\b")


@dataclass
class Layout:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    author: str | None = None
    published: str | None = None
    skip: list[tuple[int, int]] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start() or m.start() < len(text)]


def _is_boilerplate(line: str) -> bool:
    return any(p.search(line) for p in _BOILERPLATE)


def _is_section_label(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def _looks_like_byline(line: str) -> bool:
    m = _BYLINE.match(line.strip())
    if not m:
        return False
    words = m.group("name").replace("-", " ").split()
    return 2 <= len(words) <= 6 and len(line) < 60


def _headline_like(line: str) -> bool:
    s = line.strip()
    return 10 <= len(s) <= 250 and not _is_section_label(s) and not _is_boilerplate(s)


def analyze(text: str) -> Layout:
    layout = Layout()
    lines = [(a, b) for a, b in _lines(text)]
    nonempty = [(a, b) for a, b in lines if text[a:b].strip()]

    # Page furniture (only the phrase itself: bodies may be one long line),
    # and a caption repeated on the next line (keep the first).
    for pattern in _BOILERPLATE:
        layout.skip.extend(m.span() for m in pattern.finditer(text))
    previous = None
    for a, b in nonempty:
        line = text[a:b].strip()
        if previous is not None and line == previous and len(line) < 300:
            layout.skip.append((a, b))
        previous = line

    # Publication line.
    pub = _PUBLICATION.search(text[:2000])
    if pub:
        when = datetime(int(pub["y"]), int(pub["m"]), int(pub["d"]), int(pub["hh"] or 0), int(pub["mm"] or 0))
        layout.published = when.isoformat() if pub["hh"] else when.date().isoformat()

    # Headline: the last headline-like line before the body starts. A banner or
    # section label above it is skipped.
    head = nonempty[:6]
    candidates = []
    for a, b in head:
        line = text[a:b].strip()
        if len(line) > 250 or _OUTLET_TAG.match(line) and len(line) > 120:
            break
        if _PUBLICATION.search(line) or _looks_like_byline(line) or _is_boilerplate(line):
            if candidates:
                break
            continue
        if _is_section_label(line):
            layout.skip.append((a, b))
            continue
        if _headline_like(line):
            candidates.append((a, b))
    if candidates:
        title = candidates[0]
        second = text[slice(*candidates[1])].strip() if len(candidates) > 1 else ""
        if second and len(second) <= 200 and not second.endswith((".", "…", "?", "!", ":", '"', "”")):
            # Two headlines in a row: the first is the site's banner.
            layout.skip.append(candidates[0])
            title = candidates[1]
        layout.title_span = title
        layout.title = text[slice(*title)].strip()

    layout.author = _author(text, nonempty, layout)
    return layout


def _author(text: str, nonempty: list[tuple[int, int]], layout: Layout) -> str | None:
    # A byline line right under the headline.
    if layout.title_span:
        after = [(a, b) for a, b in nonempty if a > layout.title_span[1]][:3]
        for a, b in after:
            line = text[a:b].strip()
            if _looks_like_byline(line) and line.split()[0] not in ("Ngày",):
                return line
            if len(line) > 120:
                break
    # A byline at the end of the body, after its last sentence.
    if nonempty:
        return trailing_byline(text[nonempty[-1][0] : nonempty[-1][1]])
    return None


def trailing_byline(line: str) -> str | None:
    """ "… năm nay. Hoàng Hưng/VTC News" -> "Hoàng Hưng/VTC News"; None when the line ends in prose."""
    tail = line.rstrip()[-160:]
    ends = list(_SENTENCE_END.finditer(tail))
    candidate = tail[ends[-1].end() :] if ends else tail
    while (prefix := _BYLINE_PREFIX.match(candidate)) and prefix.end():
        candidate = candidate[prefix.end() :]
    candidate = candidate.strip(" -–")
    half = len(candidate) // 2
    if candidate[:half].strip() and candidate[:half].strip() == candidate[half:].strip():
        candidate = candidate[:half].strip()  # "Việt Cường/VOV Việt Cường/VOV": a repeated credit
    if not candidate or len(candidate) > 60 or _UNIT_WORDS.match(candidate) or not _BYLINE_TEXT.match(candidate):
        return None
    return candidate
