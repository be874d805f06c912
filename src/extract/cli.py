"""The `vnextract` command: a thin layer over the library."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from extract import batch
from extract.errors import InputError
from extract.models import json_schemas

app = typer.Typer(help="Extract officials, dates, percentages and money from Vietnamese news.", no_args_is_help=True)


@app.command()
def run(
    src: Annotated[Path, typer.Argument(help="Folder (searched recursively) or file of articles.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for records.jsonl and errors.jsonl.")],
    overwrite: Annotated[bool, typer.Option(help="Replace the output of an earlier run.")] = False,
) -> None:
    """Extract every article under SRC into OUT/records.jsonl (failures in OUT/errors.jsonl)."""
    try:
        if sys.stderr.isatty():
            from rich.progress import Progress

            total = sum(1 for _ in batch.discover(src)) if src.exists() else 0
            with Progress(transient=True) as bar:
                task = bar.add_task("extracting", total=total)
                summary = batch.run(src, out, overwrite=overwrite, progress=lambda _: bar.advance(task))
        else:
            summary = batch.run(src, out, overwrite=overwrite)
    except InputError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    typer.echo(
        f"{summary.files} files, {summary.articles} articles extracted, {summary.errors} errors"
        f" -> {out / batch.RECORDS}" + (f", {out / batch.ERRORS}" if summary.errors else "")
    )
    for line in summary.error_lines[:10]:
        typer.echo(f"  error: {line.path}: {line.reason}", err=True)
    if summary.errors:
        raise typer.Exit(1)


@app.command()
def schemas(folder: Annotated[Path, typer.Argument(help="Where to write the JSON Schema files.")] = Path("schemas")) -> None:
    """Write the JSON Schema of the output records (regenerate after changing the models)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in json_schemas().items():
        (folder / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        typer.echo(folder / name)


def main() -> None:
    app()
