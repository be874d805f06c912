"""Vocabulary lives in data files under extract/data; this module reads them."""
from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("extract.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def load_words(name: str) -> tuple[str, ...]:
    """One entry per line; '#' starts a comment line."""
    return tuple(line.strip() for line in _lines(name))


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


def load_pairs(name: str) -> dict[str, str]:
    """Two-column table as a dict: first column -> second."""
    return {row[0]: row[1] for row in load_table(name)}
