"""Paragraphs and sentences, with offsets.

Paragraphs are lines. Inside each, underthesea's sentence splitter does the
work; its sentences are located back in the paragraph so that offsets stay
exact even where the splitter trims spaces. Then three corrections for news
text, each a merge or a moved boundary (cases: corpora/examples/sentences.toml):
- closing quotes and brackets stay with the sentence they close;
- a list marker ("1.", "a)") starts the sentence that follows it;
- no sentence ends on an abbreviation ("PGS.TS.", "TP.").
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from extract.vocab import load_words

_PARAGRAPH = regex.compile(r"[^\n]+")
_CLOSERS = regex.compile(r"[”’»)\]]+|\"")
_LIST_MARKER = regex.compile(r"(?:[0-9]{1,3}|[a-zđ]|[IVXLC]{1,6})[.)]")
_ABBREVIATIONS = frozenset(load_words("abbreviations.txt"))


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _split(paragraph: str) -> list[str]:
    from underthesea import sent_tokenize

    return sent_tokenize(paragraph)


def _pieces(text: str, para: regex.Match) -> list[list[int]]:
    """The splitter's sentences as [start, end] in text."""
    spans: list[list[int]] = []
    cursor = para.start()
    for piece in _split(para.group()):
        piece = piece.strip()
        at = text.find(piece, cursor, para.end()) if piece else -1
        if at >= 0:
            spans.append([at, at + len(piece)])
            cursor = at + len(piece)
    if not spans:
        stripped = para.group().strip()
        at = text.find(stripped, para.start())
        spans.append([at, at + len(stripped)])
    return spans


def _ends_on_abbreviation(sentence: str) -> bool:
    last = sentence.rsplit(None, 1)[-1].lstrip("(\"“'")
    return last.lower() in _ABBREVIATIONS


def _closers_at(text: str, at: int, previous: str) -> regex.Match | None:
    """Closing marks at `at` that belong to the previous sentence; a straight
    quote closes only a sentence that opened one."""
    m = _CLOSERS.match(text, at)
    if m and m.group() == '"' and previous.count('"') % 2 == 0:
        return None
    return m


def _corrected(text: str, spans: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for span in spans:
        if out:
            closers = _closers_at(text, span[0], text[out[-1][0] : out[-1][1]])
            if closers and text[out[-1][1] : span[0]].strip() == "":
                out[-1][1] = closers.end()
                span = [closers.end(), span[1]]
                while span[0] < span[1] and text[span[0]].isspace():
                    span[0] += 1
                if span[0] >= span[1]:
                    continue
            previous = text[out[-1][0] : out[-1][1]]
            if _LIST_MARKER.fullmatch(previous) or _ends_on_abbreviation(previous):
                out[-1][1] = span[1]
                continue
        out.append(span)
    return out


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        if not para.group().strip():
            continue
        for start, end in _corrected(text, _pieces(text, para)):
            out.append(Sentence(start, end, text[start:end]))
    return out
