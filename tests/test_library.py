from __future__ import annotations

import json

from extract import extract_text, parse


def test_extract_text_returns_a_validated_record():
    text = "Ngày 5/3/2017, Bộ trưởng Bộ Tài chính Đinh Tiến Dũng cho biết thu ngân sách đạt 9,6% (trên 14.000 tỷ đồng)."
    record = extract_text(text, id="x")
    assert record.id == "x"
    assert [d.value for d in record.dates] == ["2017-03-05"]
    assert [float(p.value) for p in record.percentages] == [9.6]
    assert [(m.value, m.currency) for m in record.money] == [(14000000000000, "VND")]
    assert [o.name for o in record.officials] == ["Đinh Tiến Dũng"]
    assert record.officials[0].positions[0].text == "Bộ trưởng Bộ Tài chính"
    for span in record.spans():
        assert text[span.start : span.end] == span.text


def test_model_dump_is_the_jsonl_line():
    record = extract_text("Thu 9.278,6 tỷ đồng.", id="a")
    line = json.loads(json.dumps(record.model_dump(mode="json"), ensure_ascii=False))
    assert line["money"][0]["value"] == 9278600000000
    assert line == record.model_dump(mode="json")


def test_published_resolves_years():
    record = extract_text("Chiều 22-5, UBND tỉnh họp.", published="2017-06-01")
    assert [d.value for d in record.dates] == ["2017-05-22"]
    assert extract_text("Chiều 22-5, UBND tỉnh họp.").dates[0].value == "--05-22"


def test_publication_line_with_a_weekday_is_the_reference_date():
    text = "Tỉnh chi 1.500 tỷ đồng\nNgày đăng: Thứ Ba, 21/12/2021 | 16:46\nChiều 22-5, UBND tỉnh họp."
    assert [d.value for d in extract_text(text).dates if d.text == "Chiều 22-5"] == ["2021-05-22"]


def test_parse_fragment():
    [money] = parse("thu trên 14.000 tỷ đồng")
    assert (money.kind, money.text, money.value, money.attrs["qualifier"]) == ("money", "trên 14.000 tỷ đồng", 14000000000000, "over")
