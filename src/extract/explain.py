"""Why a value came out: every mention of a text with its offsets, rule and value."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extract.pipeline import extract_text


@dataclass(frozen=True)
class Explained:
    kind: str
    text: str
    start: int
    end: int
    value: Any
    rule: str


def explain(text: str, *, published: str | None = None) -> list[Explained]:
    """Every mention extract_text finds in `text`, in reading order."""
    record = extract_text(text, published=published)
    rows = [Explained("date", d.text, d.start, d.end, d.value, d.rule) for d in record.dates]
    rows += [Explained("percentage", p.text, p.start, p.end, p.value, p.rule) for p in record.percentages]
    rows += [Explained("money", m.text, m.start, m.end, f"{m.value} {m.currency}", m.rule) for m in record.money]
    officials = {o.name: o for o in record.officials}
    for person in record.people:
        kind = "official" if person.name in officials else "person"
        rows += [Explained(kind, m.text, m.start, m.end, person.name, m.rule) for m in person.mentions]
    for official in record.officials:
        rows += [Explained("position", p.text, p.start, p.end, official.name, "position") for p in official.positions]
    return sorted(rows, key=lambda r: (r.start, -r.end))
