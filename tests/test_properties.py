"""Property-based tests: any text gives a valid record and valid entities."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import InputError, extract_text, parse

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
PIECES = [
    "ngày", "tháng", "năm", "quý", "tỷ", "triệu", "nghìn", "đồng", "USD", "%", "phần trăm", "Bí thư", "Chủ tịch",
    "UBND", "Quận ủy", "ông", "bà", "Nguyễn", "Trần Thị", "Hoa", "trên", "hơn", "từ", "đến", "-", "–", "/", ".", ",",
    "(", ")", "\n", " ", "\u00a0", "\u200b", "uỷ", "hoà", "chØ", "tiªu", "2021", "12", "31", "1.800", "9,6", "âm",
]
vietnamese_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + "0123456789 ", max_size=8),
              st.integers(0, 10**7).map(str)),
    max_size=60,
).map(" ".join)
any_text = st.one_of(st.text(max_size=300), vietnamese_text)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(any_text)
def test_extract_text_never_fails_and_offsets_hold(text):
    record = extract_text(text)  # the model itself checks text[start:end] == mention text
    for span in record.spans():
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for mention in [*record.percentages, *record.money]:
        assert isinstance(mention.value, Decimal)
    for mention in record.percentages:
        assert mention.value >= 0


@FAST
@given(any_text)
def test_parse_entities_are_valid(text):
    for entity in parse(text):
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text
        if entity.kind in ("number", "percentage", "money"):
            assert isinstance(entity.value, Decimal)
        elif entity.kind == "ordinal":
            assert isinstance(entity.value, int)
        elif entity.kind == "date":
            assert isinstance(entity.value, str) and entity.value


@settings(max_examples=10, deadline=None)
@given(st.integers(20_000, 60_000), vietnamese_text)
def test_long_inputs(n, chunk):
    text = (chunk + "\n") * (n // (len(chunk) + 1) + 1)
    record = extract_text(text)
    assert record.text == text


html_pieces = st.lists(
    st.one_of(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<article>", "<script>", "</script>", "<!--",
                               "-->", "<?xml version='1.0' encoding='utf-8'?>", "<meta charset='x'>", "&amp;", "&#0;",
                               "<title>", "</title>", "<", ">", "\"", "'"]),
              vietnamese_text, st.text(max_size=20)),
    max_size=40,
).map("".join)


@FAST
@given(html_pieces)
def test_any_html_page_gives_a_record_or_an_input_error(page):
    from extract.pipeline import extract_document
    from extract.read import document_from_html

    try:
        doc = document_from_html(page, "page", "page.html")
    except InputError:
        return
    extract_document(doc)  # a valid record, offsets checked by the model


def test_html_publication_date_comes_from_markup_not_from_the_text():
    from extract.read import document_from_html

    page = ("<html><head><title>Thu ngân sách</title></head><body><article><p>Ngày 5/3/2021, tỉnh thu 1.500 tỷ đồng, "
            "tăng 5% so với cùng kỳ năm trước, theo báo cáo của Sở Tài chính tỉnh.</p></article></body></html>")
    assert document_from_html(page, "a", "a.html").published is None
