"""Batch extraction over a folder, cut into shards that survive being killed.

The inputs under SRC, walked in a stable order, are cut into shards of a fixed
number of files. Each shard is extracted on its own (by a local process pool
or a dask.distributed cluster) into `DIR/shards/part-NNNNN.jsonl` and
`part-NNNNN.errors.jsonl`, written under temporary names and renamed when
complete, then marked done by `part-NNNNN.done`, written last. A run killed at
any moment and started again with `resume=True` redoes only the shards without
a marker. When every shard is done, `DIR/records.jsonl` and `DIR/errors.jsonl`
are assembled from the shards in order (and the chosen format written beside
them), each again through a temporary name.

Nothing is written outside DIR, whatever the input names are: shard files are
named by their number only.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from extract.errors import InputError
from extract.models import ArticleError
from extract.pipeline import extract_document
from extract.read import ARTICLE_SUFFIXES, cannot_read, is_sidecar, read_path

RECORDS = "records.jsonl"
ERRORS = "errors.jsonl"
SHARDS = "shards"
MANIFEST = "manifest.json"
DEFAULT_SHARD_SIZE = 100


@dataclass
class Summary:
    files: int = 0
    articles: int = 0
    errors: int = 0
    shards: int = 0
    resumed: int = 0
    error_lines: list[ArticleError] = field(default_factory=list)


@dataclass(frozen=True)
class Shard:
    index: int
    src: str
    files: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


def discover(src: Path, skip: Path | None = None) -> Iterator[Path]:
    """Article files under src, in a stable order; sidecars and other files are passed over.
    Linked folders are not followed, so a link loop or a link out of SRC is never
    walked; `skip` (the output folder, when it lies inside SRC) is not read."""
    if src.is_file():
        yield src
        return
    skip = skip.resolve() if skip else None
    for root, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if not (Path(root) / d).is_symlink() and (Path(root) / d).resolve() != skip)
        for name in sorted(files):
            path = Path(root) / name
            if path.suffix.lower() in ARTICLE_SUFFIXES and not is_sidecar(path):
                yield path


def article_id(path: Path, src: Path) -> str:
    """The path relative to the input root, without extension, with '/' separators."""
    rel = path.relative_to(src) if src.is_dir() else Path(path.name)
    return rel.with_suffix("").as_posix()


def shards(src: Path, size: int, skip: Path | None = None) -> Iterator[Shard]:
    paths = discover(src, skip)
    for index in range(10**9):
        chunk = tuple(str(p) for p in islice(paths, size))
        if not chunk:
            return
        yield Shard(index, str(src), chunk)


def _write_atomic(path: Path, lines: Iterator[str] | list[str]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _json_line(model) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False) + "\n"


def _printable(path: Path) -> str:
    """The path as text that can be written, whatever bytes its name holds."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _check_file(path: Path, src: Path, name: str) -> None:
    if name != str(path):
        raise InputError(name, "file name is not valid UTF-8; rename the file")
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.exists():
            raise InputError(name, "symbolic link to nothing, or a link loop")
        if not target.is_relative_to(Path(os.path.realpath(src))):
            raise InputError(name, "symbolic link pointing outside the input folder")
    if not path.is_file():
        raise InputError(name, "not a regular file")


def _error_line(err: InputError) -> str:
    return _json_line(ArticleError(path=err.path, reason=err.reason))


def extract_path(path: Path, src: Path) -> Iterator[tuple[str, str]]:
    """('record' | 'error', JSON line) for every article or failure in one input file."""
    name = _printable(path)
    try:
        _check_file(path, src, name)
        for doc in read_path(path, article_id(path, src), name):
            if isinstance(doc, InputError):
                yield "error", _error_line(doc)
                continue
            try:
                yield "record", _json_line(extract_document(doc))
            except Exception as err:  # one article's failure must not stop the batch
                yield "error", _error_line(InputError(doc.path or name, f"extraction failed: {type(err).__name__}: {err}"))
    except InputError as err:
        yield "error", _error_line(err)
    except OSError as err:
        yield "error", _error_line(cannot_read(name, err))


def run_shard(shard: Shard, out: str) -> dict:
    """Extract one shard into its files under out/shards; returns its counts."""
    folder = Path(out) / SHARDS
    records: list[str] = []
    errors: list[str] = []
    src = Path(shard.src)
    for file in shard.files:
        for kind, line in extract_path(Path(file), src):
            (records if kind == "record" else errors).append(line)
    _write_atomic(folder / f"{shard.name}.jsonl", records)
    _write_atomic(folder / f"{shard.name}.errors.jsonl", errors)
    counts = {"files": len(shard.files), "articles": len(records), "errors": len(errors)}
    _write_atomic(folder / f"{shard.name}.done", [json.dumps(counts) + "\n"])
    return counts


def prepare_output(out: Path, src: Path, shard_size: int, *, overwrite: bool, resume: bool) -> None:
    manifest = {"src": str(src.resolve()), "shard_size": shard_size}
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "output path exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        if resume and (out / MANIFEST).is_file():
            earlier = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
            if earlier != manifest:
                raise InputError(str(out), f"cannot resume: it holds a run of {earlier}, not {manifest}")
        elif overwrite:
            _clear(out)
        else:
            raise InputError(str(out), "output folder is not empty (use --resume or --overwrite)")
    (out / SHARDS).mkdir(parents=True, exist_ok=True)
    _write_atomic(out / MANIFEST, [json.dumps(manifest) + "\n"])


def _clear(out: Path) -> None:
    """Remove what an earlier run wrote, and nothing else."""
    folder = out / SHARDS
    if folder.is_dir():
        for path in folder.iterdir():
            if path.name.startswith(("part-", ".part-")):
                path.unlink()
    for path in out.iterdir():
        if path.is_file() and (path.name in (RECORDS, ERRORS, MANIFEST) or path.name.startswith(("records.", "."))):
            path.unlink()


def _done(out: Path, shard: Shard) -> dict | None:
    marker = out / SHARDS / f"{shard.name}.done"
    return json.loads(marker.read_text(encoding="utf-8")) if marker.is_file() else None


Waiter = Callable[[set], tuple[set, set]]


def _first_done(pending: set) -> tuple[set, set]:
    done, not_done = wait(pending, return_when=FIRST_COMPLETED)
    return set(done), set(not_done)


def _bounded(submit: Callable[[Shard], Future], tasks: Iterator[Shard], limit: int, first_done: Waiter) -> Iterator[dict]:
    """Submit shards keeping at most `limit` in flight, so memory does not grow with the corpus."""
    pending: set = set()
    for shard in tasks:
        pending.add(submit(shard))
        while len(pending) >= limit:
            finished, pending = first_done(pending)
            for future in finished:
                yield future.result()
    while pending:
        finished, pending = first_done(pending)
        for future in finished:
            yield future.result()


class LocalEngine:
    """Shards on a pool of local processes."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)

    def map(self, tasks: Iterator[Shard], out: str) -> Iterator[dict]:
        if self.workers == 1:
            for shard in tasks:
                yield run_shard(shard, out)
            return
        with ProcessPoolExecutor(self.workers) as pool:
            yield from _bounded(lambda shard: pool.submit(run_shard, shard, out), tasks, 2 * self.workers, _first_done)


class DaskEngine:
    """Shards on a dask.distributed cluster; its workers must see SRC and DIR at the same paths."""

    def __init__(self, scheduler: str | object) -> None:
        self.scheduler = scheduler  # an address, or a distributed.Client

    def map(self, tasks: Iterator[Shard], out: str) -> Iterator[dict]:
        from distributed import Client
        from distributed import wait as dask_wait

        def first_done(pending: set) -> tuple[set, set]:
            done, not_done = dask_wait(list(pending), return_when="FIRST_COMPLETED")
            return set(done), set(not_done)

        client = self.scheduler if isinstance(self.scheduler, Client) else Client(self.scheduler)
        try:
            limit = 2 * max(1, len(client.scheduler_info().get("workers", {})))
            yield from _bounded(lambda shard: client.submit(run_shard, shard, out, pure=False), tasks, limit, first_done)
        finally:
            if client is not self.scheduler:
                client.close()


def assemble(out: Path) -> None:
    """DIR/records.jsonl and DIR/errors.jsonl from the completed shards, in shard order."""
    folder = out / SHARDS
    parts = sorted(p for p in folder.glob("part-*.done"))

    def lines(suffix: str) -> Iterator[str]:
        for marker in parts:
            with open(folder / f"{marker.stem}{suffix}", encoding="utf-8") as handle:
                yield from handle

    _write_atomic(out / RECORDS, lines(".jsonl"))
    _write_atomic(out / ERRORS, lines(".errors.jsonl"))


def run(
    src: Path,
    out: Path,
    *,
    workers: int = 1,
    shard_size: int = DEFAULT_SHARD_SIZE,
    overwrite: bool = False,
    resume: bool = False,
    engine: LocalEngine | DaskEngine | None = None,
    progress: Callable[[dict], None] | None = None,
) -> Summary:
    src, out = Path(src), Path(out)
    if not src.exists():
        raise InputError(str(src), "input path does not exist")
    prepare_output(out, src, shard_size, overwrite=overwrite, resume=resume)
    engine = engine or LocalEngine(workers)
    summary = Summary()

    def todo() -> Iterator[Shard]:
        for shard in shards(src, shard_size, skip=out):
            summary.shards += 1
            counts = _done(out, shard)
            if counts is None:
                yield shard
            else:
                summary.resumed += 1
                _count(summary, counts, progress)

    for counts in engine.map(todo(), str(out)):
        _count(summary, counts, progress)
    assemble(out)
    with open(out / ERRORS, encoding="utf-8") as handle:
        summary.error_lines = [ArticleError.model_validate_json(line) for line in islice(handle, 10)]
    return summary


def _count(summary: Summary, counts: dict, progress: Callable[[dict], None] | None) -> None:
    summary.files += counts["files"]
    summary.articles += counts["articles"]
    summary.errors += counts["errors"]
    if progress:
        progress(counts)
