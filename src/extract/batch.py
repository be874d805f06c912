"""Batch extraction over a folder: records.jsonl and errors.jsonl in the output folder.

Every input is read and extracted on its own; a bad input becomes one line of
errors.jsonl with its path and reason, and the run goes on. Output is written
only inside the output folder.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import InputError
from extract.models import ArticleError
from extract.pipeline import extract_document
from extract.read import ARTICLE_SUFFIXES, is_sidecar, read_path

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"


@dataclass
class Summary:
    files: int = 0
    articles: int = 0
    errors: int = 0
    error_lines: list[ArticleError] = field(default_factory=list)


def discover(src: Path) -> Iterator[Path]:
    """Article files under src, in a stable order; sidecars and other files are passed over."""
    if src.is_file():
        yield src
        return
    for root, dirs, files in os.walk(src):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.suffix.lower() in ARTICLE_SUFFIXES and not is_sidecar(path):
                yield path


def article_id(path: Path, src: Path) -> str:
    """The path relative to the input root, without extension, with '/' separators."""
    rel = path.relative_to(src) if src.is_dir() else Path(path.name)
    return rel.with_suffix("").as_posix()


def prepare_output(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "output path exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not overwrite:
            raise InputError(str(out), "output folder is not empty (use --overwrite)")
        for name in (RECORDS, ERRORS):
            (out / name).unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def run(src: Path, out: Path, *, overwrite: bool = False, progress: Callable[[Path], None] | None = None) -> Summary:
    src = Path(src)
    if not src.exists():
        raise InputError(str(src), "input path does not exist")
    out = Path(out)
    prepare_output(out, overwrite)
    summary = Summary()
    with open(out / RECORDS, "w", encoding="utf-8") as records, open(out / ERRORS, "w", encoding="utf-8") as errors:

        def fail(err: InputError) -> None:
            line = ArticleError(path=err.path, reason=err.reason)
            errors.write(json.dumps(line.model_dump(mode="json"), ensure_ascii=False) + "\n")
            summary.errors += 1
            summary.error_lines.append(line)

        for path in discover(src):
            summary.files += 1
            name = str(path)
            try:
                for doc in read_path(path, article_id(path, src), name):
                    if isinstance(doc, InputError):
                        fail(doc)
                        continue
                    try:
                        record = extract_document(doc)
                    except Exception as err:  # one article's failure must not stop the batch
                        fail(InputError(doc.path or name, f"extraction failed: {type(err).__name__}: {err}"))
                        continue
                    records.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
                    summary.articles += 1
            except InputError as err:
                fail(err)
            if progress:
                progress(path)
    return summary
