"""The names corpus (corpora/examples/names.toml): people and officials per sentence."""
from __future__ import annotations

import tomllib

import pytest

from extract import extract_text

from conftest import ROOT

CORPUS = tomllib.loads((ROOT / "corpora" / "examples" / "names.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", CORPUS["examples"], ids=lambda e: e["text"][:50])
def test_names(example):
    record = extract_text(example["text"])
    assert sorted(p.name for p in record.people) == sorted(example["people"])
    got = {o.name: sorted(p.text for p in o.positions) for o in record.officials}
    assert got == {name: sorted(texts) for name, texts in example["officials"].items()}
    for person in record.people:
        for mention in person.mentions:
            assert example["text"][mention.start : mention.end] == mention.text
