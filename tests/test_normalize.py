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
