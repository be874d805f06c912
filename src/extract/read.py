"""Reading inputs: files become documents (text plus the metadata the source gives).

Formats:
- NAME.txt: the article, UTF-8 (with or without BOM) or UTF-16 with BOM. An
  optional sidecar NAME.json beside it holds metadata (title, url, author,
  published).
- NAME.json: an article itself when it has a body field (body, content or
  text); otherwise it is a sidecar, or an error if nothing uses it.
- NAME.jsonl: one article per line, as in .json.
The original text of a .json article is its body, with the title (when given)
on the first line and an empty line between, so offsets point into a text a
user can rebuild.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl")
BODY_FIELDS = ("body", "content", "text")
METADATA_FIELDS = ("title", "author", "published", "url")


@dataclass
class Document:
    id: str
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None


def decode(data: bytes, name: str) -> str:
    """Decode by a named rule: BOM first, then strict UTF-8. Never guess."""
    if not data.strip():
        raise InputError(name, "empty file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(name, f"invalid {encoding} at byte {err.start}") from None
    if b"\x00" in data:
        raise InputError(name, "binary file (NUL bytes, no UTF-16 byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(name, f"not valid UTF-8 (byte {err.start}); convert it to UTF-8 first") from None


def _metadata(obj: dict) -> dict[str, str | None]:
    out = {}
    for key in METADATA_FIELDS:
        value = obj.get(key)
        out[key] = str(value) if value not in (None, "") else None
    return out


def document_from_json(obj: object, doc_id: str, name: str) -> Document:
    if not isinstance(obj, dict):
        raise InputError(name, "JSON article must be an object")
    body = next((obj[f] for f in BODY_FIELDS if isinstance(obj.get(f), str) and obj[f].strip()), None)
    if body is None:
        raise InputError(name, f"no article body (one of: {', '.join(BODY_FIELDS)})")
    meta = _metadata(obj)
    text = f"{meta['title']}\n\n{body}" if meta["title"] else body
    return Document(id=doc_id, text=text, path=name, **meta)


def _load_json(data: bytes, name: str) -> object:
    try:
        return json.loads(decode(data, name))
    except json.JSONDecodeError as err:
        raise InputError(name, f"invalid JSON: {err.msg} at line {err.lineno} column {err.colno}") from None


def is_sidecar(path: Path) -> bool:
    return path.suffix == ".json" and path.with_suffix(".txt").is_file()


def read_path(path: Path, doc_id: str, name: str) -> Iterator[Document | InputError]:
    """Documents in one file. Raises InputError for a file that cannot be read;
    yields one for a bad line of a .jsonl file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(name, f"cannot read: {err.strerror or err}") from None
    suffix = path.suffix.lower()
    if suffix == ".txt":
        doc = Document(id=doc_id, text=decode(data, name), path=name)
        sidecar = path.with_suffix(".json")
        if sidecar.is_file():
            meta = _load_json(sidecar.read_bytes(), str(sidecar))
            if isinstance(meta, dict):
                for key, value in _metadata(meta).items():
                    setattr(doc, key, value)
        yield doc
    elif suffix == ".json":
        yield document_from_json(_load_json(data, name), doc_id, name)
    elif suffix == ".jsonl":
        text = decode(data, name)
        for line_no, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            # One bad line is an error for that line; the other lines are still read.
            try:
                obj = json.loads(line)
                sub_id = str(obj.get("id")) if isinstance(obj, dict) and obj.get("id") else str(line_no)
                yield document_from_json(obj, f"{doc_id}/{sub_id}", f"{name}:{line_no}")
            except json.JSONDecodeError as err:
                yield InputError(f"{name}:{line_no}", f"invalid JSON: {err.msg}")
            except InputError as err:
                yield err
    else:
        raise InputError(name, f"unsupported file type {suffix!r}")
