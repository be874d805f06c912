"""Paragraphs and sentences, with offsets.

Paragraphs are lines. Inside each, underthesea's sentence splitter does the
work; its sentences are located back in the paragraph so that offsets stay
exact even where the splitter trims spaces.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_PARAGRAPH = regex.compile(r"[^\n]+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _split(paragraph: str) -> list[str]:
    from underthesea import sent_tokenize

    return sent_tokenize(paragraph)


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        if not para.group().strip():
            continue
        cursor = para.start()
        for piece in _split(para.group()):
            piece = piece.strip()
            if not piece:
                continue
            at = text.find(piece, cursor, para.end())
            if at < 0:
                continue
            out.append(Sentence(at, at + len(piece), piece))
            cursor = at + len(piece)
        if not out or out[-1].end <= para.start():
            stripped = para.group().strip()
            at = text.find(stripped, para.start())
            out.append(Sentence(at, at + len(stripped), stripped))
    return out
