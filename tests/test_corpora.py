"""One test runs every fragment-parser corpus under corpora/examples (format: its README)."""
from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from extract import parse

EXAMPLES = Path(__file__).resolve().parent.parent / "corpora" / "examples"
SCORED_KINDS = {"date", "percentage", "money"}


def _cases():
    for path in sorted(EXAMPLES.glob("*.toml")):
        corpus = tomllib.loads(path.read_text(encoding="utf-8"))
        if corpus.get("kind") in ("people", "sentences"):
            continue  # tests/test_names.py and tests/test_sentences.py
        if path.stem == "negative":
            for text in corpus["texts"]:
                yield pytest.param("negative", text, {}, id=f"negative:{text}")
            continue
        for example in corpus["examples"]:
            expected = {k: v for k, v in example.items() if k not in ("texts", "reference")}
            for text in example["texts"]:
                yield pytest.param(corpus["kind"], text, {**expected, "reference": example.get("reference")},
                                   id=f"{path.stem}:{text}")


def _target(text: str) -> tuple[str, int, int]:
    """The text without brackets, and where the bracketed part (or the whole) lies."""
    if "[" not in text:
        return text, 0, len(text)
    start = text.index("[")
    end = text.index("]") - 1
    return text.replace("[", "").replace("]", ""), start, end


def _same(expected, got) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return Decimal(str(expected)) == Decimal(str(got))
    return expected == got


@pytest.mark.parametrize(("kind", "text", "expected"), list(_cases()))
def test_example(kind, text, expected):
    if kind == "negative":
        found = [e for e in parse(text) if e.kind in SCORED_KINDS]
        assert not found, f"{text!r} must give nothing, gave {found}"
        return
    plain, start, end = _target(text)
    reference = expected.pop("reference")
    entities = [e for e in parse(plain, reference_time=reference) if e.kind == kind]
    if "[" in text:  # the bracketed part is the entity; others around it are context
        entities = [e for e in entities if (e.start, e.end) == (start, end)] or entities
    assert len(entities) == 1, f"{text!r}: expected one {kind}, got {entities}"
    entity = entities[0]
    assert (entity.start, entity.end) == (start, end), f"{text!r}: span {entity.text!r}"
    fields = {"value": entity.value, **entity.attrs}
    for key, value in expected.items():
        assert _same(value, fields.get(key)), f"{text!r}: {key} = {fields.get(key)!r}, expected {value!r}"
