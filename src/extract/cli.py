"""The `vnextract` command: a thin layer over the library."""
from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from extract import batch
from extract.errors import InputError
from extract.formats import FORMATS, write_format
from extract.models import json_schemas

app = typer.Typer(help="Extract officials, dates, percentages and money from Vietnamese news.", no_args_is_help=True)


Format = Enum("Format", {name: name for name in FORMATS}, type=str)
Engine = Enum("Engine", {"local": "local", "dask": "dask"}, type=str)


@app.command()
def run(
    src: Annotated[Path, typer.Argument(help="Folder (searched recursively) or file of articles.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")],
    workers: Annotated[int, typer.Option(help="Worker processes (local engine).")] = os.cpu_count() or 1,
    output_format: Annotated[Format, typer.Option("--format", help="Also write this format beside records.jsonl.")] = "jsonl",
    resume: Annotated[bool, typer.Option(help="Finish an interrupted run in OUT, redoing only unfinished shards.")] = False,
    overwrite: Annotated[bool, typer.Option(help="Replace the output of an earlier run.")] = False,
    shard_size: Annotated[int, typer.Option(min=1, help="Input files per shard.")] = batch.DEFAULT_SHARD_SIZE,
    engine: Annotated[Engine, typer.Option(help="local processes, or a dask.distributed cluster.")] = "local",
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://host:8786.")] = None,
) -> None:
    """Extract every article under SRC into OUT/records.jsonl (failures in OUT/errors.jsonl)."""
    fmt, engine_name = getattr(output_format, "value", output_format), getattr(engine, "value", engine)
    if engine_name == "dask" and not scheduler:
        typer.echo("error: --engine dask needs --scheduler ADDRESS", err=True)
        raise typer.Exit(2)
    chosen = batch.DaskEngine(scheduler) if engine_name == "dask" else batch.LocalEngine(workers)
    try:
        with _progress(src) as advance:
            summary = batch.run(src, out, shard_size=shard_size, overwrite=overwrite, resume=resume, engine=chosen,
                                progress=advance)
        written = write_format(fmt, out, out / batch.RECORDS)
    except InputError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    typer.echo(
        f"{summary.files} files, {summary.articles} articles extracted, {summary.errors} errors"
        f" ({summary.shards} shards, {summary.resumed} already done)"
        f" -> {out / batch.RECORDS}" + (f", {written}" if written else "")
        + (f", {out / batch.ERRORS}" if summary.errors else "")
    )
    for line in summary.error_lines:
        typer.echo(f"  error: {line.path}: {line.reason}", err=True)
    if summary.errors:
        raise typer.Exit(1)


@contextmanager
def _progress(src: Path):
    """A progress bar over input files when stderr is a terminal; otherwise nothing."""
    if not sys.stderr.isatty() or not src.exists():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("extracting", total=sum(1 for _ in batch.discover(src)))
        yield lambda counts: bar.advance(task, counts["files"])


@app.command()
def schemas(folder: Annotated[Path, typer.Argument(help="Where to write the JSON Schema files.")] = Path("schemas")) -> None:
    """Write the JSON Schema of the output records (regenerate after changing the models)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in json_schemas().items():
        (folder / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        typer.echo(folder / name)


def main() -> None:
    app()
