from __future__ import annotations

import unicodedata

import pytest

from extract.normalize import fold, normalize


@pytest.mark.parametrize(
    ("original", "normalized"),
    [
        ("Quận uỷ", "Quận ủy"),
        ("hoà bình", "hòa bình"),
        ("hoàn thành", "hoàn thành"),
        ("quý I", "quý I"),
        ("Thuỷ", "Thủy"),
        ("a\u00a0b", "a b"),
        ("a\u200bb", "ab"),
        ("11 chØ tiªu", "11 chỉ tiêu"),
    ],
)
def test_normalized_text(original, normalized):
    assert normalize(original).text == normalized


def test_offsets_map_back_to_the_original():
    original = "x " + unicodedata.normalize("NFD", "Nguyễn Văn Quý") + "\u00a0uỷ ban"
    norm = normalize(original)
    start = norm.text.index("Nguyễn")
    a, b = norm.to_original(start, start + len("Nguyễn"))
    assert unicodedata.normalize("NFC", original[a:b]) == "Nguyễn"
    start = norm.text.index("ủy")
    a, b = norm.to_original(start, start + 2)
    assert original[a:b] == "uỷ"


def test_foreign_letters_are_not_taken_for_tcvn3():
    assert normalize("ông Müller và François").text == "ông Müller và François"


def test_fold():
    assert fold("  Bí thư  Quận uỷ ") == "Bí thư Quận ủy"


def test_vni_fragment_is_repaired_with_offsets_per_letter():
    original = "Ngày 5/3 tỉnh chi 1.500 tyû ñoàng cho Vieät Nam."
    norm = normalize(original)
    assert norm.text == "Ngày 5/3 tỉnh chi 1.500 tỷ đồng cho Việt Nam."
    assert [(r.text, r.fixed, r.encoding) for r in norm.repairs] == [("tyû ñoàng", "tỷ đồng", "VNI"),
                                                                    ("Vieät", "Việt", "VNI")]
    start = norm.text.index("đồng")
    a, b = norm.to_original(start, start + len("đồng"))
    assert original[a:b] == "ñoàng"


def test_tcvn3_word_without_strong_evidence_joins_when_it_decodes_to_a_syllable():
    assert normalize("thu 1.500 tû ®ång").text == "thu 1.500 tỷ đồng"


def test_foreign_words_are_not_taken_for_vni():
    text = "Noël, naïve, Peña, José, Zoë và Citroën, Raphaël ở Hà Nội, hoà bình, khoá học."
    assert not normalize(text).repairs


def test_soft_hyphen_inside_a_word_is_not_tcvn3():
    assert not normalize("cho gi\u00adáo dục").repairs
