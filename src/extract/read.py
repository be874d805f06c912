"""Reading inputs: files become documents (text plus the metadata the source gives).

Formats:
- NAME.txt: the article, in any encoding `decode` accepts. An
  optional sidecar NAME.json beside it holds metadata (title, url, author,
  published).
- NAME.json: an article itself when it has a body field (body, content or
  text); otherwise it is a sidecar, or an error if nothing uses it.
- NAME.html, NAME.htm: a web page; its main text, title, author and date are
  extracted by trafilatura.
- NAME.jsonl: one article per line, as in .json, in UTF-8 (JSON Lines), read
  line by line; an optional "id" field names the article within the file.
The original text of a .json article is its body, with the title (when given)
on the first line and an empty line between, so offsets point into a text a
user can rebuild.
"""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from extract.errors import InputError

ARTICLE_SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")
# A news article is a few kilobytes; a file this large is not one (a .jsonl
# file may be larger: the limit holds for each of its lines).
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
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


def cannot_read(name: str, err: OSError) -> InputError:
    return InputError(name, f"cannot read: {err.strerror or err}")


def decode(data: bytes, name: str) -> str:
    """Decode by a stated rule, never silently garbled:
    1. a byte-order mark decides (UTF-8, UTF-16 LE or BE);
    2. NUL bytes without one make a binary file, an error;
    3. text that is valid UTF-8 is UTF-8;
    4. otherwise charset-normalizer weighs the legacy code pages, and only its
       verdict Windows-1258 (the Vietnamese one) is accepted; any other
       verdict, or none, is an error for the file."""
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
        bad_byte = err.start
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is not None and guess.encoding == "cp1258":
        return data.decode("cp1258")
    seen = f"it reads best as {guess.encoding}, not a Vietnamese encoding" if guess else "no encoding fits"
    raise InputError(name, f"not valid UTF-8 (byte {bad_byte}) and not Windows-1258 ({seen}); convert it to UTF-8")


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


def document_from_html(html: str, doc_id: str, name: str) -> Document:
    """The main text of a web page, its title and date, by trafilatura (which
    parses the page and never runs it). The original text is the extracted
    text, with the title on the first line."""
    import trafilatura

    try:
        # The publication date from the page's markup only, never guessed from its text.
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                                            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as err:  # a page the parser cannot read is an error for that file
        raise InputError(name, f"HTML could not be parsed: {type(err).__name__}: {err}") from None
    found = found.as_dict() if hasattr(found, "as_dict") else (found or {})
    body = (found.get("text") or "").strip()
    if not body:
        raise InputError(name, "no article text found in the HTML page")
    title = (found.get("title") or "").strip() or None
    text = body if title is None or body.startswith(title) else f"{title}\n\n{body}"
    return Document(id=doc_id, text=text, title=title, author=found.get("author") or None,
                    published=found.get("date") or None, url=found.get("url") or None, path=name)


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
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, doc_id, name)
        return
    data = _read_bytes(path, name)
    if suffix == ".txt":
        doc = Document(id=doc_id, text=decode(data, name), path=name)
        sidecar = path.with_suffix(".json")
        if sidecar.is_file():
            meta = _load_json(_read_bytes(sidecar, str(sidecar)), str(sidecar))
            if isinstance(meta, dict):
                for key, value in _metadata(meta).items():
                    setattr(doc, key, value)
        yield doc
    elif suffix in (".html", ".htm"):
        yield document_from_html(decode(data, name), doc_id, name)
    elif suffix == ".json":
        yield document_from_json(_load_json(data, name), doc_id, name)
    else:
        raise InputError(name, f"unsupported file type {suffix!r}")


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(name, f"file too large for one article ({size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
        return path.read_bytes()
    except OSError as err:
        raise cannot_read(name, err) from None


def _read_jsonl(path: Path, doc_id: str, name: str) -> Iterator[Document | InputError]:
    """One article per line, read line by line; one bad line is an error for
    that line and the other lines are still read."""
    try:
        handle = open(path, "rb")
    except OSError as err:
        raise cannot_read(name, err) from None
    with handle:
        for line_no in count(1):
            where = f"{name}:{line_no}"
            try:
                raw = handle.readline(MAX_ARTICLE_BYTES + 1)
            except OSError as err:
                raise cannot_read(name, err) from None
            if not raw:
                return
            if len(raw) > MAX_ARTICLE_BYTES:
                yield InputError(where, f"line too long for one article (over {MAX_ARTICLE_BYTES:,} bytes)")
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = handle.readline(MAX_ARTICLE_BYTES)
                continue
            if line_no == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
                sub_id = str(obj.get("id")) if isinstance(obj, dict) and obj.get("id") else str(line_no)
                yield document_from_json(obj, f"{doc_id}/{sub_id}", where)
            except UnicodeDecodeError as err:
                yield InputError(where, f"not valid UTF-8 (byte {err.start} of the line)")
            except json.JSONDecodeError as err:
                yield InputError(where, f"invalid JSON: {err.msg}")
            except InputError as err:
                yield err
