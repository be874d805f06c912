"""Score records against gold annotations, by the rules of the gold format.

- Articles match on the file stem of `id`.
- Dates, percentages, money: a predicted mention matches a gold one when the
  values agree (any member of a gold list; numbers within 1e-6 relative) and
  one text contains the other after folding (case, NFC, tone placement,
  spaces); money also needs the same currency. Gold mentions marked optional
  may be matched without counting.
- Officials: names compare after folding; names in `optional_officials` are
  ignored. A predicted position is right when its text contains the gold
  `core` and lies within one of the `max` forms; a predicted position that
  only restates a matched one in another listed form is neither right nor
  wrong.
- title, author, published: equal after folding (any member of a gold list).
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from extract.normalize import fold

MENTION_KINDS = ("dates", "percentages", "money")
METADATA = ("title", "author", "published")
ROWS = ("officials", "positions", *MENTION_KINDS, *METADATA)


def key(text: object) -> str:
    return fold(str(text or "")).lower()


def stem(article_id: str) -> str:
    name = str(article_id).replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in (".txt", ".jsonl", ".json", ".html", ".htm"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _values_agree(kind: str, predicted, gold) -> bool:
    for option in gold if isinstance(gold, list) else [gold]:
        if kind == "dates":
            if str(predicted) == str(option):
                return True
            continue
        try:
            if abs(float(predicted) - float(option)) <= 1e-6 * max(1.0, abs(float(option))):
                return True
        except (TypeError, ValueError):
            continue
    return False


def _texts_overlap(a: str, b: str) -> bool:
    a, b = key(a), key(b)
    return bool(a and b) and (a in b or b in a)


def _mentions(kind: str, article: str, gold: list[dict], predicted: list[dict], count: Count) -> None:
    free = list(range(len(predicted)))
    ordered = sorted(gold, key=lambda g: bool(g.get("optional")))  # required ones choose first
    for g in ordered:
        for i in free:
            p = predicted[i]
            if not _values_agree(kind, p.get("value"), g.get("value")):
                continue
            if not _texts_overlap(p.get("text", ""), g.get("text", "")):
                continue
            if kind == "money" and g.get("currency") and p.get("currency") != g["currency"]:
                continue
            free.remove(i)
            if not g.get("optional"):
                count.tp += 1
            break
        else:
            if not g.get("optional"):
                count.fn += 1
                count.misses.append(f"{article}: {g.get('text')!r} = {g.get('value')}")
    for i in free:
        count.fp += 1
        count.extras.append(f"{article}: {predicted[i].get('text')!r} = {predicted[i].get('value')}")


def _officials(article: str, gold: dict, predicted: list[dict], names: Count, positions: Count) -> None:
    ignored = {key(n) for n in gold.get("optional_officials", [])}
    by_name: dict[str, list[dict]] = defaultdict(list)
    for person in predicted:
        if key(person.get("name")) not in ignored:
            by_name[key(person.get("name"))].append(person)
    for g in gold.get("officials", []):
        name = key(g["name"])
        people = by_name.pop(name, [])
        texts = [key(p.get("text")) for person in people for p in person.get("positions", [])]
        if people:
            names.tp += 1
        else:
            names.fn += 1
            names.misses.append(f"{article}: {g['name']}")
        used = [False] * len(texts)
        accepted: list[str] = []
        for pos in g.get("positions", []):
            core = key(pos["core"])
            widest = pos.get("max", pos["core"])
            widest = [key(w) for w in (widest if isinstance(widest, list) else [widest])]
            hit = next((i for i, t in enumerate(texts) if not used[i] and core in t and any(t in w for w in widest)),
                       None)
            if hit is None:
                positions.fn += 1
                positions.misses.append(f"{article}: {g['name']} / {widest[0]}")
            else:
                used[hit] = True
                positions.tp += 1
                accepted += widest
        for i, t in enumerate(texts):
            if not used[i] and not any(t and t in w for w in accepted):
                positions.fp += 1
                positions.extras.append(f"{article}: {g['name']} / {t}")
    for name, people in by_name.items():
        names.fp += 1
        names.extras.append(f"{article}: {people[0].get('name')}")


def _metadata(article: str, field_name: str, gold, predicted, count: Count) -> None:
    options = gold if isinstance(gold, list) else [gold]
    ok = any(predicted in (None, "") if o is None else key(predicted) == key(o) for o in options)
    if ok:
        count.tp += 1
    else:
        count.fn += 1
        count.misses.append(f"{article}: {predicted!r} != {options}")


def evaluate(gold: dict[str, dict], predicted: dict[str, dict]) -> dict:
    """Per-type counts and scores; both arguments map article stem -> record."""
    counts: dict[str, Count] = defaultdict(Count)
    missing = []
    for article, g in gold.items():
        p = predicted.get(article)
        if p is None:
            missing.append(article)
            p = {}
        for kind in MENTION_KINDS:
            if kind in g:
                _mentions(kind, article, g[kind], p.get(kind) or [], counts[kind])
        if "officials" in g:
            _officials(article, g, p.get("officials") or [], counts["officials"], counts["positions"])
        for field_name in METADATA:
            if field_name in g:
                _metadata(article, field_name, g[field_name], p.get(field_name), counts[field_name])
    rows = [{"type": name, "tp": c.tp, "fp": c.fp, "fn": c.fn, **c.scores()}
            for name in ROWS if (c := counts.get(name)) is not None]
    return {
        "articles": len(gold),
        "missing": missing,
        "rows": rows,
        "misses": {name: c.misses for name, c in counts.items()},
        "extras": {name: c.extras for name, c in counts.items()},
    }


def load_jsonl(path: str | Path) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                out[stem(record.get("id", ""))] = record
    return out


def evaluate_files(gold: str | Path, predicted: str | Path) -> dict:
    predicted = Path(predicted)
    if predicted.is_dir():
        predicted = predicted / "records.jsonl"
    return evaluate(load_jsonl(gold), load_jsonl(predicted))
