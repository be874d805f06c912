"""Find and repair fragments written in the legacy TCVN3 (ABC) encoding.

Pages assembled from old documents carry words such as "chØ tiªu" (TCVN3 bytes
shown as Latin-1) inside Unicode text. A word is taken for TCVN3 only on
strong evidence, so that foreign names ("Müller", "François") stay as written:
it holds a TCVN3 code that is not a letter at all ("ª", "¸", "®"), or a
capital TCVN3 code right after a small letter ("chØ").
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from extract.vocab import load_pairs

TCVN3 = load_pairs("tcvn3.tsv")
_CODES = "".join(TCVN3)
_WORD = regex.compile(r"[\p{L}\p{M}" + regex.escape(_CODES) + r"]+")
# "ª" is a letter to Unicode (category Lo) but never one in Vietnamese text.
_NON_LETTER_CODES = {c for c in TCVN3 if unicodedata.category(c) not in ("Lu", "Ll")}
_CAPITAL_CODES = {c for c in TCVN3 if c.isupper()}
_EVIDENCE = regex.compile(
    "[" + regex.escape("".join(_NON_LETTER_CODES)) + "]|\\p{Ll}[" + regex.escape("".join(_CAPITAL_CODES)) + "]"
)


@dataclass(frozen=True)
class LegacyFragment:
    start: int
    end: int
    text: str
    fixed: str
    encoding: str = "TCVN3"


def _is_tcvn3(word: str) -> bool:
    if len(word) < 2 or not any(c.isalpha() for c in word if c not in _NON_LETTER_CODES):
        return False
    if any(c in _NON_LETTER_CODES for c in word):
        return True
    return any(c in _CAPITAL_CODES and prev.islower() for prev, c in zip(word, word[1:]))


def _decode(word: str) -> str:
    return "".join(TCVN3.get(c, c) for c in word)


def find_legacy_fragments(text: str) -> list[LegacyFragment]:
    """Runs of TCVN3 words (joined across spaces), each with its repair."""
    if not _EVIDENCE.search(text):
        return []  # the common case, in one pass
    words = [m for m in _WORD.finditer(text) if _is_tcvn3(m.group())]
    fragments: list[LegacyFragment] = []
    for m in words:
        if fragments and text[fragments[-1].end : m.start()].isspace():
            last = fragments.pop()
            start = last.start
        else:
            start = m.start()
        original = text[start : m.end()]
        fragments.append(LegacyFragment(start, m.end(), original, _decode(original)))
    return fragments
