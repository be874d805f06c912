"""The sentence splitter on its hard cases (corpora/examples/sentences.toml)."""
import tomllib
from pathlib import Path

import pytest

from extract import sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "examples" / "sentences.toml"
EXAMPLES = tomllib.loads(CORPUS.read_text(encoding="utf-8"))["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["case"] for e in EXAMPLES])
def test_sentences(example):
    text = example["text"]
    found = sentences(text)
    assert [s.text for s in found] == example["sentences"]
    for s in found:
        assert text[s.start : s.end] == s.text


def test_offsets_point_into_the_original_with_odd_spacing():
    text = "  Câu một.   Câu hai.\n\n\tCâu ba.  "
    expected = [(text.index(t), text.index(t) + len(t)) for t in ("Câu một.", "Câu hai.", "Câu ba.")]
    assert [(s.start, s.end) for s in sentences(text)] == expected
