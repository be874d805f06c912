"""The pure centre: text in, record out.

    read -> normalize -> structure -> recognize (amounts, dates, people,
    positions) -> link -> record

Recognizers work on the normalized text; every span is mapped back to the
original text before it enters the record.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from extract.amounts import find_amounts
from extract.dates import find_dates
from extract.errors import InputError
from extract.models import (
    Article,
    DateMention,
    Mention,
    MoneyMention,
    Official,
    PercentMention,
    Person,
    Position,
    Repair,
)
from extract.normalize import NormalizedText, normalize
from extract.officials import link
from extract.read import Document, read_path
from extract.structure import analyze


def reference_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return datetime.strptime(published[:8], "%Y%m%d").date()
    except ValueError:
        return None


def iso_published(published: str | None) -> str | None:
    """Metadata dates as ISO 8601: '20201001' -> '2020-10-01'."""
    if not published:
        return None
    try:
        datetime.fromisoformat(published.replace("Z", "+00:00"))
        return published
    except ValueError:
        pass
    try:
        return datetime.strptime(published.strip(), "%Y%m%d").date().isoformat()
    except ValueError:
        return None


class _Spans:
    """Map normalized spans to original ones and drop those in skipped regions."""

    def __init__(self, norm: NormalizedText, skip: list[tuple[int, int]]) -> None:
        self.norm = norm
        self.skip = skip

    def keep(self, start: int, end: int) -> bool:
        return not any(a <= start < b for a, b in self.skip)

    def original(self, start: int, end: int) -> dict:
        a, b = self.norm.to_original(start, end)
        return {"text": self.norm.original[a:b], "start": a, "end": b}


def extract_text(
    text: str,
    *,
    id: str | None = None,
    published: str | None = None,
    title: str | None = None,
    author: str | None = None,
) -> Article:
    """Extract one article. `published` (ISO 8601) resolves dates written without a year."""
    norm = normalize(text)
    layout = analyze(norm.text)
    published = iso_published(published) or layout.published
    ref = reference_date(published)
    spans = _Spans(norm, layout.skip)

    dates = [
        DateMention(**spans.original(d.start, d.end), value=d.value, grain=d.grain, rule=d.rule,
                    year_inferred=d.year_inferred)
        for d in find_dates(norm.text, ref)
        if spans.keep(d.start, d.end)
    ]
    percentages: list[PercentMention] = []
    money: list[MoneyMention] = []
    for a in find_amounts(norm.text):
        if not spans.keep(a.start, a.end):
            continue
        if a.kind == "percentage":
            percentages.append(PercentMention(**spans.original(a.start, a.end), value=a.value, rule=a.rule,
                                              qualifier=a.attrs["qualifier"], per=a.attrs["per"]))
        else:
            money.append(MoneyMention(**spans.original(a.start, a.end), value=a.value, rule=a.rule, **a.attrs))

    people: list[Person] = []
    officials: list[Official] = []
    for draft in link(norm.text):
        mentions = [Mention(**spans.original(n.start, n.end), rule=n.rule) for n in draft.mentions
                    if spans.keep(n.start, n.end)]
        if not mentions:
            continue
        people.append(Person(name=draft.name, mentions=mentions))
        if draft.positions:
            positions = [
                Position(**spans.original(p.start, p.end), title=p.title, organization=p.organization,
                         locality=p.locality, former=p.former, acting=p.acting, standing=p.standing)
                for p in draft.positions
            ]
            officials.append(Official(name=draft.name, mentions=mentions, positions=positions))

    repairs = [Repair(text=f.text, start=f.start, end=f.end, fixed=f.fixed, encoding=f.encoding)
               for f in norm.repairs]
    return Article(
        id=id or "",
        title=title or (norm.text[slice(*layout.title_span)].strip() if layout.title_span else None),
        author=author or layout.author,
        published=published,
        officials=officials,
        people=people,
        dates=dates,
        percentages=percentages,
        money=money,
        repairs=repairs,
        text=text,
    )


def extract_document(doc: Document) -> Article:
    return extract_text(doc.text, id=doc.id, published=doc.published, title=doc.title, author=doc.author)


def iter_file(path: str | Path, *, id: str | None = None) -> Iterator[Article]:
    """Every article in one file (.txt with optional sidecar, .json, .jsonl)."""
    path = Path(path)
    for doc in read_path(path, id or path.with_suffix("").name, str(path)):
        if isinstance(doc, InputError):
            raise doc
        yield extract_document(doc)


def extract_file(path: str | Path, *, id: str | None = None) -> Article:
    """Extract the one article in a file; a .jsonl of several articles needs `iter_file`."""
    articles = list(iter_file(path, id=id))
    if len(articles) != 1:
        raise InputError(str(path), f"holds {len(articles)} articles; use extract.iter_file")
    return articles[0]
