"""Find and repair fragments written in legacy Vietnamese font encodings.

Pages assembled from old documents carry words typed in TCVN3 (ABC) or VNI
fonts inside Unicode text, shown as Latin-1 letters: "chØ tiªu" (TCVN3) and
"Vieät Nam" (VNI) are "chỉ tiêu" and "Việt Nam". A word is repaired only on
strong evidence, so that foreign names ("Müller", "François", "Noël") stay as
written:
- it is a Vietnamese syllable once decoded, and
- it is not one as written ("tû" -> "tỷ", "ngaøy" -> "ngày"), or, for TCVN3,
  it holds a code that is not a letter at all ("ª", "¸") or a capital code
  right after a small letter ("chØ").
Each repair keeps, piece by piece, the original characters it came from.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

from extract.vocab import load_pairs, load_table

TCVN3 = load_pairs("tcvn3.tsv")
VNI = load_pairs("vni.tsv")

_TCVN3_CODES = "".join(TCVN3)
_TCVN3_WORD = regex.compile(r"[\p{L}\p{M}" + regex.escape(_TCVN3_CODES) + r"]+")
# "ª" is a letter to Unicode (category Lo) but never one in Vietnamese text.
_NON_LETTER_CODES = {c for c in TCVN3 if unicodedata.category(c) not in ("Lu", "Ll")}
_CAPITAL_CODES = {c for c in TCVN3 if c.isupper()}
_TCVN3_EVIDENCE = regex.compile(
    "[" + regex.escape("".join(_NON_LETTER_CODES)) + "]|\\p{Ll}[" + regex.escape("".join(_CAPITAL_CODES)) + "]"
)

_VNI_SEQUENCE = regex.compile("|".join(map(regex.escape, sorted(VNI, key=len, reverse=True))))
# Letters that Vietnamese never writes, or a vowel followed by a VNI mark code.
_VNI_EVIDENCE = regex.compile(r"(?i)[øûïåäüëæñîö]|[aeouyô][ùõâáàãêéèú]")
_LETTERS = regex.compile(r"\p{L}+")
_PARTS = {row[0]: sorted(row[1].split(), key=len, reverse=True) for row in load_table("syllable.tsv")}
_SYLLABLE = regex.compile(
    "(?:{})?(?:{})(?:{})?".format(*("|".join(_PARTS[part]) for part in ("initial", "nucleus", "final")))
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@dataclass(frozen=True)
class LegacyFragment:
    start: int
    end: int
    text: str
    fixed: str
    encoding: str = "TCVN3"
    # (start, end, fixed) for each repaired unit, so that offsets stay fine-grained.
    pieces: tuple[tuple[int, int, str], ...] = ()


def is_syllable(word: str) -> bool:
    """A Vietnamese syllable: initial, nucleus and final, with at most one tone mark."""
    letters = unicodedata.normalize("NFD", word.lower())
    tones = sum(c in _TONES for c in letters)
    base = unicodedata.normalize("NFC", "".join(c for c in letters if c not in _TONES))
    return tones <= 1 and _SYLLABLE.fullmatch(base) is not None


def _has_ascii_letter(word: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in word)


def _is_tcvn3(word: str) -> bool:
    if len(word) < 2 or not any(c.isalpha() for c in word if c not in _NON_LETTER_CODES):
        return False
    if any(c in _NON_LETTER_CODES for c in word):
        return True
    return any(c in _CAPITAL_CODES and prev.islower() for prev, c in zip(word, word[1:]))


def _tcvn3_words(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    if not _TCVN3_EVIDENCE.search(text):
        return []  # the common case, in one pass
    out = []
    for m in _TCVN3_WORD.finditer(text):
        word = m.group()
        if word.isascii():
            continue
        if not (_is_tcvn3(word) or (_has_ascii_letter(word) and not is_syllable(word))):
            continue
        pieces = [(m.start() + i, m.start() + i + 1, TCVN3[c]) for i, c in enumerate(word) if c in TCVN3]
        if pieces and is_syllable(_apply(text, m.start(), m.end(), pieces)):
            out.append((m.start(), m.end(), pieces))
    return out


def _vni_pieces(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), VNI[m.group()]) for m in _VNI_SEQUENCE.finditer(text, start, end)]


def _vni_words(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    if not _VNI_EVIDENCE.search(text):
        return []
    out = []
    for m in _LETTERS.finditer(text):
        word = m.group()
        if word.isascii() or not _has_ascii_letter(word) or not _VNI_EVIDENCE.search(word) or is_syllable(word):
            continue
        pieces = _vni_pieces(text, m.start(), m.end())
        fixed = _apply(text, m.start(), m.end(), pieces)
        if pieces and is_syllable(fixed):
            out.append((m.start(), m.end(), pieces))
    return out


def _apply(text: str, start: int, end: int, pieces) -> str:
    out, pos = [], start
    for a, b, fixed in pieces:
        out.append(text[pos:a])
        out.append(fixed)
        pos = b
    out.append(text[pos:end])
    return "".join(out)


def _fragments(text: str, words, encoding: str) -> list[LegacyFragment]:
    """Runs of repaired words, joined across spaces."""
    runs: list[list] = []
    for start, end, pieces in words:
        if runs and text[runs[-1][1] : start].isspace():
            runs[-1][1] = end
            runs[-1][2].extend(pieces)
        else:
            runs.append([start, end, list(pieces)])
    return [LegacyFragment(start, end, text[start:end], _apply(text, start, end, pieces), encoding, tuple(pieces))
            for start, end, pieces in runs]


def find_legacy_fragments(text: str) -> list[LegacyFragment]:
    """Runs of TCVN3 or VNI words, each with its repair, in text order."""
    tcvn3 = _fragments(text, _tcvn3_words(text), "TCVN3")
    taken = [(f.start, f.end) for f in tcvn3]
    vni = [f for f in _fragments(text, _vni_words(text), "VNI")
           if not any(a < f.end and f.start < b for a, b in taken)]
    return sorted(tcvn3 + vni, key=lambda f: f.start)
