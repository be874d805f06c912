"""The founding articles are the project's own corpus: their records must be exact."""
from __future__ import annotations

import pytest

from extract import extract_file
from extract.evaluate import evaluate, load_jsonl, stem

from conftest import ROOT


@pytest.fixture(scope="module")
def result(seed_paths):
    predicted = {stem(p.stem): extract_file(p).model_dump(mode="json") for p in seed_paths}
    return evaluate(load_jsonl(ROOT / "tests" / "expected" / "seeds.jsonl"), predicted)


@pytest.mark.parametrize("row", ["officials", "positions", "dates", "percentages", "money", "title", "author", "published"])
def test_seed_scores_are_perfect(result, row):
    scores = {r["type"]: r for r in result["rows"]}
    assert scores[row]["f1"] == 1.0, (result["misses"].get(row), result["extras"].get(row))


def test_tcvn3_fragment_is_repaired(seed_paths):
    record = extract_file(next(p for p in seed_paths if p.name.startswith("002")))
    assert [(r.text, r.fixed) for r in record.repairs] == [("chØ tiªu", "chỉ tiêu")]
