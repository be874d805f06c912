from __future__ import annotations

import pytest
from spacy import displacy

import extract
from extract import extract_text

from conftest import SEEDS


@pytest.fixture(scope="module")
def nlp():
    return extract.nlp()


@pytest.mark.parametrize("text", [
    "Quận uỷ  Cầu Giấy\u00a0họp.\n\nNgày 11/12, thu đạt 120,04%  (trên 14.000 tỷ đồng).\n",
    "  Bí thư Quận ủy Cầu Giấy Trần Thị Phương Hoa phát biểu.  ",
    "",
])
def test_doc_text_round_trips(nlp, text):
    assert nlp(text).text == text


def test_tokens_are_underthesea_words(nlp):
    words = [t.text for t in nlp("Bí thư Quận ủy Cầu Giấy phát biểu")]
    assert "Bí thư" in words and "Cầu Giấy" in words


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_spans_are_the_mentions_of_extract_text(nlp, path):
    text = path.read_text(encoding="utf-8")
    record = extract_text(text)
    doc = nlp(text)
    assert doc._.record.model_dump() == record.model_dump()
    expected = sorted(
        [(m.start, m.end, label) for key, label in (("dates", "DATE"), ("percentages", "PERCENT"), ("money", "MONEY"))
         for m in getattr(record, key)]
        + [(m.start, m.end, "OFFICIAL" if p.name in {o.name for o in record.officials} else "PERSON")
           for p in record.people for m in p.mentions]
        + [(p.start, p.end, "POSITION") for o in record.officials for p in o.positions]
    )
    got = sorted((s.start_char, s.end_char, s.label_) for s in doc.spans["mentions"])
    assert got == expected
    money = [s for s in doc.spans["mentions"] if s.label_ == "MONEY"]
    assert [s._.value for s in money] == [m.value for m in record.money]


def test_displacy_renders_the_highlights(nlp):
    doc = nlp("Bí thư Quận ủy Cầu Giấy Trần Thị Phương Hoa cho biết ngày 11/12 thu đạt 120,04% (trên 14.000 tỷ đồng).")
    html = displacy.render(doc, style="span", options={"spans_key": "mentions"}, page=False)
    for label in ("OFFICIAL", "POSITION", "DATE", "PERCENT", "MONEY"):
        assert label in html
