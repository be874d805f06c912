"""underthesea's bundled NER model, consulted only where the rules are unsure.

The model reads "tỉnh Phúc Kiến Vu Vĩ Quốc" as one person (B-PER "Phúc Kiến",
I-PER "Vu Vĩ Quốc"): its tags fail on exactly this text, but its word
segmentation is right. So the rules take its tokens, not its labels: after a
place word, the first capitalized token is the place and the following ones
are the person. It runs on a short window around one capitalized run, never on
whole articles, and its answers are cached.
"""
from __future__ import annotations

from functools import lru_cache

_WINDOW = 16  # characters of context on each side of the run: the place word and a little more


@lru_cache(maxsize=4096)
def _tokens(window: str) -> tuple[tuple[str, str], ...]:
    from underthesea import ner  # loaded on first use only

    return tuple((word, tag) for word, _, _, tag in ner(window))


def name_after_place(text: str, start: int, end: int) -> int | None:
    """Where a person's name starts inside the capitalized run text[start:end]
    that follows a place word, or None when the model sees no such split."""
    left = max(0, start - _WINDOW)
    window = text[left : min(len(text), end + _WINDOW)]
    cursor = 0
    inside: list[tuple[int, str, str]] = []  # (offset in text, token, tag) within the run
    for word, tag in _tokens(window):
        at = window.find(word, cursor)
        if at < 0:
            continue
        cursor = at + len(word)
        if start <= left + at and left + cursor <= end:
            inside.append((left + at, word, tag))
    if len(inside) < 2 or not all(w[:1].isupper() for _, w, _ in inside):
        return None
    # The model's tag on the first token is unreliable ("Phúc Kiến" B-PER); its boundary is not.
    name_start, name = inside[1][0], " ".join(w for _, w, _ in inside[1:])
    return name_start if 2 <= len(name.split()) <= 4 else None
