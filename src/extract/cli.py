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


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="A sentence or article (use - to read standard input).")],
    published: Annotated[str | None, typer.Option(help="Publication date (ISO 8601) for dates without a year.")] = None,
) -> None:
    """Show every mention in TEXT with its offsets, the rule that produced it and its value."""
    from rich.console import Console
    from rich.table import Table

    from extract.explain import explain as explain_text

    if text == "-":
        text = sys.stdin.read()
    table = Table("kind", "text", "start", "end", "value", "rule")
    for row in explain_text(text, published=published):
        table.add_row(row.kind, row.text, str(row.start), str(row.end), str(row.value), row.rule)
    Console().print(table)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold annotations (JSONL, the gold format).")],
    pred: Annotated[Path, typer.Option(help="records.jsonl, or the output folder holding it.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full result as JSON.")] = False,
    show: Annotated[int, typer.Option(help="List up to N misses and extras per type.")] = 10,
) -> None:
    """Score predictions against gold annotations: precision, recall and F1 per type."""
    from rich.console import Console
    from rich.table import Table

    from extract.evaluate import evaluate_files

    result = evaluate_files(gold, pred)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    table = Table("type", "tp", "fp", "fn", "P", "R", "F1")
    for row in result["rows"]:
        table.add_row(row["type"], *(str(row[k]) for k in ("tp", "fp", "fn")),
                      *(f"{row[k]:.3f}" for k in ("precision", "recall", "f1")))
    console = Console()
    console.print(table)
    if result["missing"]:
        console.print(f"articles with no prediction: {len(result['missing'])}")
    for kind in result["misses"]:
        for label, items in (("miss", result["misses"][kind]), ("extra", result["extras"][kind])):
            for item in items[:show]:
                console.print(f"  {kind} {label}: {item}", markup=False)


def main() -> None:
    app()
