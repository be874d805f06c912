"""Normalization with an offset map back to the original text.

The extractors read the normalized text: NFC, one tone-placement style
("uỷ" -> "ủy"), ordinary spaces for non-breaking ones, no zero-width
characters, legacy TCVN3 and VNI fragments repaired. Every normalized character
remembers the original span it came from, so mentions found in the normalized
text are reported at their place in the original.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import regex

from extract.legacy import LegacyFragment, find_legacy_fragments
from extract.vocab import load_pairs

_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u3000"}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_GRAPHEME = regex.compile(r"\X")
_INVISIBLE_RUN = regex.compile("[" + regex.escape("".join(_INVISIBLE)) + "]+")
_SPECIAL = regex.compile("[" + regex.escape("".join(_SPACES | _INVISIBLE)) + "]")
_TONE_PAIRS = load_pairs("tone_placement.tsv")
# Only a final vowel pair moves its tone ("hoà" but "hoàn"); "quý" is "qu" + "ý".
_OLD_TONE = regex.compile(
    r"(?<!q)(?:" + "|".join(map(regex.escape, _TONE_PAIRS)) + r")(?!\p{L})", regex.IGNORECASE
)


@dataclass
class NormalizedText:
    """Normalized text plus, per character, the original span it came from."""

    original: str
    text: str
    starts: list[int]
    ends: list[int]
    repairs: list[LegacyFragment] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) to the original text."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, out: str, start: int, end: int) -> None:
        self.parts.append(out)
        self.starts.extend([start] * len(out))
        self.ends.extend([end] * len(out))

    def copy(self, stage: "NormalizedText", start: int, end: int) -> None:
        self.parts.append(stage.text[start:end])
        self.starts.extend(stage.starts[start:end])
        self.ends.extend(stage.ends[start:end])

    def add_identity(self, chunk: str, start: int) -> None:
        self.parts.append(chunk)
        self.starts.extend(range(start, start + len(chunk)))
        self.ends.extend(range(start + 1, start + len(chunk) + 1))


def _match_case(template: str, replacement: str) -> str:
    return "".join(r.upper() if t.isupper() else r for t, r in zip(template, replacement))


def _normalize_plain(chunk: str, offset: int, out: _Builder) -> None:
    """NFC by grapheme, spaces and invisibles, keeping the map."""
    if chunk.isascii() or (unicodedata.is_normalized("NFC", chunk) and not _SPECIAL.search(chunk)):
        out.add_identity(chunk, offset)  # the common case: nothing to change
        return
    for grapheme in _GRAPHEME.finditer(chunk):
        g = grapheme.group()
        start = offset + grapheme.start()
        if len(g) == 1:
            if g in _SPACES:
                out.add(" ", start, start + 1)
            elif g not in _INVISIBLE:
                out.add_identity(g, start)
            continue
        kept = "".join(c for c in g if c not in _INVISIBLE)
        kept = "".join(" " if c in _SPACES else c for c in kept)
        if kept:
            out.add(unicodedata.normalize("NFC", kept), start, start + len(g))


def _unify_tones(stage: NormalizedText) -> NormalizedText:
    """Rewrite old tone placement ("hoà", "uỷ") in the new style."""
    if not _OLD_TONE.search(stage.text):
        return stage
    out = _Builder()
    last = 0
    text = stage.text
    for m in _OLD_TONE.finditer(text):
        out.copy(stage, last, m.start())
        new = _match_case(m.group(), _TONE_PAIRS[m.group().lower()])
        # Both characters of the pair map onto the pair as a whole.
        out.add(new, stage.starts[m.start()], stage.ends[m.end() - 1])
        last = m.end()
    out.copy(stage, last, len(text))
    return NormalizedText(stage.original, "".join(out.parts), out.starts, out.ends, stage.repairs)


def normalize(original: str) -> NormalizedText:
    """Normalize `original` for matching; offsets map back through `to_original`."""
    out = _Builder()
    fragments = find_legacy_fragments(original)
    pos = 0
    for frag in fragments:
        for start, end, fixed in frag.pieces:
            _normalize_plain(original[pos:start], pos, out)
            out.add(fixed, start, end)
            pos = end
    _normalize_plain(original[pos:], pos, out)
    stage = NormalizedText(original, "".join(out.parts), out.starts, out.ends, fragments)
    return _unify_tones(stage)


def fold(text: str) -> str:
    """One form of a short string for comparisons: NFC, new tone style, single
    spaces, no invisible characters."""
    text = unicodedata.normalize("NFC", _INVISIBLE_RUN.sub("", text))
    text = _OLD_TONE.sub(lambda m: _match_case(m.group(), _TONE_PAIRS[m.group().lower()]), text)
    return " ".join(text.replace("\u00a0", " ").split())
