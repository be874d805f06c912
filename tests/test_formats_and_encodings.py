"""One article in every input format and encoding gives the record of its
clean UTF-8 twin: the same title, people, officials and values. Offsets
differ (they point into each input's own text) and are checked by the model."""
from __future__ import annotations

import codecs
import json
import unicodedata
from pathlib import Path

import pytest

from extract import InputError, extract_file
from extract.legacy import TCVN3, VNI
from extract.normalize import fold

TITLE = "Tỉnh Hòa Bình dành 1.250 tỷ đồng cho giáo dục"
BODY = (
    "Sáng 12/4/2023, ông Nguyễn Văn Hùng, Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình, cho biết năm nay tỉnh dành "
    "1.250 tỷ đồng cho giáo dục, tăng 7,5% so với năm 2022.\n\n"
    "Bí thư Tỉnh ủy Bùi Văn Tỉnh đề nghị hoàn thành các công trình trước quý IV/2023, với tổng vốn "
    "khoảng 45 triệu USD từ nguồn vốn vay ưu đãi.\n"
)
CLEAN = f"{TITLE}\n\n{BODY}"
PUBLISHED = "2023-04-12"


def _legacy(text: str, table: dict[str, str], words: list[str]) -> str:
    """Write `words` of text in a legacy font encoding (the table read backwards)."""
    back = {}
    for code, letter in table.items():
        back.setdefault(letter, code)
    for word in words:
        text = text.replace(word, "".join(back.get(c, c) for c in word), 1)
    return text


def _html(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | Báo Mẫu</title>"
            f"<meta property='article:published_time' content='{PUBLISHED}T07:00:00+07:00'></head><body>"
            f"<nav><a href='/'>Trang chủ</a> | <a href='/xa-hoi'>Xã hội</a></nav>"
            f"<script>document.write('không chạy: 999 tỷ đồng')</script>"
            f"<article><h1>{title}</h1>{paragraphs}</article>"
            f"<footer>Chia sẻ Zalo · Lưu bài viết</footer></body></html>")


def _cp1258(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:  # the code page writes most toned vowels as letter + combining tone mark
            marks = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in marks if c in "\u0300\u0301\u0303\u0309\u0323")
            letter = unicodedata.normalize("NFC", "".join(c for c in marks if c not in tones))
            out.append((letter + tones).encode("cp1258"))
    return b"".join(out)


VARIANTS: dict[str, tuple[str, bytes]] = {
    "utf-8-bom": ("txt", codecs.BOM_UTF8 + CLEAN.encode("utf-8")),
    "utf-16-le-bom": ("txt", CLEAN.encode("utf-16")),
    "utf-16-be-bom": ("txt", codecs.BOM_UTF16_BE + CLEAN.encode("utf-16-be")),
    "windows-1258": ("txt", _cp1258(CLEAN)),
    "nfd": ("txt", unicodedata.normalize("NFD", CLEAN).encode("utf-8")),
    "zero-width": ("txt", CLEAN.replace("Hùng", "H\u200bùng").replace("giáo", "gi\u00adáo").encode("utf-8")),
    "nbsp": ("txt", CLEAN.replace("1.250 tỷ", "1.250\u00a0tỷ").replace("Văn ", "Văn\u00a0").encode("utf-8")),
    "old-tone-placement": ("txt", CLEAN.replace("Hòa", "Hoà").replace("Ủy", "Uỷ").replace("ủy", "uỷ").encode("utf-8")),
    "crlf": ("txt", CLEAN.replace("\n", "\r\n").encode("utf-8")),
    "tcvn3-fragment": ("txt", _legacy(CLEAN, TCVN3, ["tỷ đồng cho giáo dục,", "đề nghị"]).encode("utf-8")),
    "vni-fragment": ("txt", _legacy(CLEAN, VNI, ["tỷ đồng cho giáo dục,", "đề nghị"]).encode("utf-8")),
    "json": ("json", json.dumps({"title": TITLE, "body": BODY, "published": PUBLISHED}, ensure_ascii=False).encode()),
    "jsonl": ("jsonl", (json.dumps({"title": TITLE, "body": BODY, "published": PUBLISHED}) + "\n").encode()),
    "html": ("html", _html(TITLE, BODY).encode("utf-8")),
    "html-windows-1258": ("htm", _cp1258(_html(TITLE, BODY).replace("utf-8", "windows-1258"))),
}


def _content(record) -> dict:
    """What a reader takes from a record, without the offsets."""
    return {
        "title": fold(record.title or record.text.splitlines()[0]),
        "people": sorted(fold(p.name) for p in record.people),
        "officials": sorted((fold(o.name), sorted(fold(p.text) for p in o.positions)) for o in record.officials),
        "dates": [d.value for d in record.dates],
        "percentages": [p.value for p in record.percentages],
        "money": [(m.value, m.currency) for m in record.money],
    }


@pytest.fixture(scope="module")
def twin(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("twin") / "twin.txt"
    path.write_text(CLEAN, encoding="utf-8")
    (path.with_suffix(".json")).write_text(json.dumps({"published": PUBLISHED}), encoding="utf-8")
    return _content(extract_file(path))


def test_the_twin_has_something_to_compare(twin):
    assert twin["officials"] and twin["dates"] and twin["money"] and twin["percentages"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_format_and_encoding_gives_the_twin_record(variant, twin, tmp_path):
    suffix, data = VARIANTS[variant]
    path = tmp_path / f"article.{suffix}"
    path.write_bytes(data)
    if suffix == "txt":
        path.with_suffix(".json").write_text(json.dumps({"published": PUBLISHED}), encoding="utf-8")
    record = extract_file(path) if suffix != "jsonl" else next(iter(__import__("extract").iter_file(path)))
    assert _content(record) == twin
    if "fragment" in variant:
        assert record.repairs and record.repairs[0].encoding == variant.split("-")[0].upper()


@pytest.mark.parametrize("data", [
    "Le café de François est très bon, à bientôt élève".encode("latin-1") * 3,
    bytes(range(128, 256)) * 4,
], ids=["latin-1-french", "undecidable-bytes"])
def test_an_undecidable_encoding_is_an_error_not_garbled_text(data, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match="not valid UTF-8"):
        extract_file(path)
