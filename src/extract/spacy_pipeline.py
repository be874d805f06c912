"""The spaCy view: a Language whose tokenizer is underthesea's word segmentation
and whose components are the project's stages.

    nlp = extract.nlp()
    doc = nlp(text)
    doc.spans["mentions"]        # every mention, labelled, with span._.value
    doc._.record                 # the article record (extract.models.Article)
    spacy.displacy.render(doc, style="span", options={"spans_key": "mentions"})

`doc.text` is exactly the input: underthesea segments the normalized text and
its words are mapped back to the original through the offset map; whitespace
the segmenter drops becomes whitespace tokens.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.normalize import normalize
from extract.pipeline import extract_text

LABELS = {"dates": "DATE", "percentages": "PERCENT", "money": "MONEY"}
_WORD = regex.compile(r"\S+")

if not Doc.has_extension("record"):
    Doc.set_extension("record", default=None)
if not Span.has_extension("value"):
    Span.set_extension("value", default=None)
if not Span.has_extension("rule"):
    Span.set_extension("rule", default=None)


class UndertheseaTokenizer:
    """Words from underthesea's segmenter ("Bí thư", "Quận ủy"), on the original text."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def _word_spans(self, text: str) -> list[tuple[int, int]]:
        from underthesea import word_tokenize

        norm = normalize(text)
        spans: list[tuple[int, int]] = []
        cursor = 0
        for paragraph in regex.finditer(r"[^\n]+", norm.text):
            for word in word_tokenize(paragraph.group()):
                at = norm.text.find(word, max(cursor, paragraph.start()), paragraph.end())
                if at < 0:  # the segmenter rewrote the word: fall back to the next chunk
                    chunk = _WORD.search(norm.text, max(cursor, paragraph.start()), paragraph.end())
                    if chunk is None:
                        continue
                    at, word = chunk.start(), chunk.group()
                spans.append(norm.to_original(at, at + len(word)))
                cursor = at + len(word)
        return spans

    def __call__(self, text: str) -> Doc:
        # A word never straddles a mention ("tỷ đồng| bằng"): the record's spans cut it.
        record = extract_text(text)
        cuts = sorted({offset for span in record.spans() for offset in (span.start, span.end)})
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for start, end in _cut(self._word_spans(text), cuts, text):
            if start < position:
                continue
            gap = text[position:start]
            if gap:
                if gap == " " and words:
                    spaces[-1] = True
                else:
                    if gap.startswith(" ") and words and not spaces[-1]:
                        spaces[-1], gap = True, gap[1:]
                    words.append(gap)
                    spaces.append(False)
            words.append(text[start:end])
            spaces.append(False)
            position = end
        if position < len(text):
            words.append(text[position:])
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc._.record = record
        return doc


def _cut(spans: list[tuple[int, int]], cuts: list[int], text: str) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        points = [start, *cuts[bisect_right(cuts, start) : bisect_left(cuts, end)], end]
        for a, b in zip(points, points[1:]):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def _add(doc: Doc, key: str, start: int, end: int, label: str, value, rule: str) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        return
    span._.value = value
    span._.rule = rule
    for group in ("mentions", key):
        doc.spans.setdefault(group, []).append(span)


@Language.component("vn_record")
def record_component(doc: Doc) -> Doc:
    """The whole extractor: the article record of doc.text (the tokenizer may have made it already)."""
    if doc._.record is None or doc._.record.text != doc.text:
        doc._.record = extract_text(doc.text)
    return doc


@Language.component("vn_amounts_dates")
def amounts_dates_component(doc: Doc) -> Doc:
    """Dates, percentages and money as spans."""
    for key, label in LABELS.items():
        for m in getattr(doc._.record, key):
            _add(doc, key, m.start, m.end, label, m.value, m.rule)
    return doc


@Language.component("vn_officials")
def officials_component(doc: Doc) -> Doc:
    """People, officials and positions as spans; a mention's value is the person's full name."""
    record = doc._.record
    officials = {o.name for o in record.officials}
    for person in record.people:
        label = "OFFICIAL" if person.name in officials else "PERSON"
        for m in person.mentions:
            _add(doc, "people", m.start, m.end, label, person.name, m.rule)
    for official in record.officials:
        for p in official.positions:
            _add(doc, "positions", p.start, p.end, "POSITION", official.name, "position")
    return doc


def nlp() -> Language:
    """A spaCy pipeline: underthesea tokenizer, then the project's stages."""
    language = spacy.blank("xx")
    language.tokenizer = UndertheseaTokenizer(language.vocab)
    for name in ("vn_record", "vn_amounts_dates", "vn_officials"):
        language.add_pipe(name)
    return language
