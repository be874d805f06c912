"""Output formats beside records.jsonl: Parquet, CSV (one row per mention) and DuckDB.

Each reads DIR/records.jsonl in chunks, so memory stays flat however large the
run, and writes its file under a temporary name, renamed when complete.
"""
from __future__ import annotations

import csv
import json
import os
import types
import typing
from collections.abc import Iterator
from decimal import Decimal
from itertools import islice
from pathlib import Path

from pydantic import BaseModel

from extract.models import Article

FORMATS = ("jsonl", "parquet", "csv", "duckdb")
_CHUNK = 1000


def _records(path: Path) -> Iterator[list[dict]]:
    with open(path, encoding="utf-8") as handle:
        while chunk := list(islice(handle, _CHUNK)):
            yield [json.loads(line, parse_float=Decimal) for line in chunk]


# ---- the tables: one row per person, official, position and mention -------------

TABLES: dict[str, list[tuple[str, str]]] = {
    "articles": [("id", "VARCHAR"), ("title", "VARCHAR"), ("author", "VARCHAR"), ("published", "VARCHAR"),
                 ("text", "VARCHAR")],
    "people": [("article_id", "VARCHAR"), ("name", "VARCHAR"), ("mentions", "INTEGER"), ("first_start", "INTEGER")],
    "officials": [("article_id", "VARCHAR"), ("name", "VARCHAR"), ("positions", "INTEGER")],
    "positions": [("article_id", "VARCHAR"), ("official", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"),
                  ("end", "INTEGER"), ("title", "VARCHAR"), ("organization", "VARCHAR"), ("locality", "VARCHAR"),
                  ("former", "BOOLEAN"), ("acting", "BOOLEAN"), ("standing", "BOOLEAN")],
    "dates": [("article_id", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
              ("value", "VARCHAR"), ("grain", "VARCHAR"), ("year_inferred", "BOOLEAN"), ("rule", "VARCHAR")],
    "percentages": [("article_id", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
                    ("value", "DECIMAL(38,9)"), ("qualifier", "VARCHAR"), ("per", "VARCHAR"), ("rule", "VARCHAR")],
    "money": [("article_id", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
              ("value", "DECIMAL(38,9)"), ("currency", "VARCHAR"), ("qualifier", "VARCHAR"), ("per", "VARCHAR"),
              ("currency_implied", "BOOLEAN"), ("rule", "VARCHAR")],
}


def table_rows(record: dict) -> dict[str, list[tuple]]:
    """A record as rows of TABLES, keyed by the article id."""
    aid = record["id"]

    def pick(table: str, item: dict, **extra) -> tuple:
        values = {"article_id": aid, **item, **extra}
        return tuple(values.get(column) for column, _ in TABLES[table])

    return {
        "articles": [pick("articles", record)],
        "people": [pick("people", p, mentions=len(p["mentions"]), first_start=min(m["start"] for m in p["mentions"]))
                   for p in record["people"]],
        "officials": [pick("officials", o, positions=len(o["positions"])) for o in record["officials"]],
        "positions": [pick("positions", p, official=o["name"]) for o in record["officials"] for p in o["positions"]],
        **{kind: [pick(kind, m) for m in record[kind]] for kind in ("dates", "percentages", "money")},
    }


# ---- CSV ------------------------------------------------------------------------

CSV_COLUMNS = ["article_id", "kind", "text", "start", "end", "value", "currency", "name", "title", "organization",
               "locality", "grain", "qualifier", "per", "rule"]


def _csv_rows(record: dict) -> Iterator[dict]:
    aid = record["id"]
    for person in record["people"]:
        for m in person["mentions"]:
            yield {"article_id": aid, "kind": "person", "name": person["name"], **m}
    for official in record["officials"]:
        for p in official["positions"]:
            yield {"article_id": aid, "kind": "position", "name": official["name"], **p}
    for kind, label in (("dates", "date"), ("percentages", "percentage"), ("money", "money")):
        for m in record[kind]:
            yield {"article_id": aid, "kind": label, **m}


def write_csv(records: Path, target: Path) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    # UTF-8 with a byte-order mark, so that spreadsheets read Vietnamese right.
    with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, CSV_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for chunk in _records(records):
            for record in chunk:
                writer.writerows(_csv_rows(record))
    os.replace(tmp, target)


# ---- Parquet: a schema derived from the pydantic models ---------------------------


def arrow_type(annotation):
    """The Arrow type of a model field's annotation."""
    import pyarrow as pa

    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return arrow_type(args[0])
    if origin in (typing.Union, types.UnionType):
        return arrow_type(args[0])
    if origin is typing.Literal:
        return pa.string()
    if origin is list:
        return pa.list_(arrow_type(args[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([pa.field(name, arrow_type(f.annotation)) for name, f in annotation.model_fields.items()])
    return {str: pa.string(), int: pa.int64(), bool: pa.bool_(), Decimal: pa.decimal128(38, 9)}[annotation]


def arrow_schema():
    import pyarrow as pa

    return pa.schema([pa.field(name, arrow_type(f.annotation)) for name, f in Article.model_fields.items()])


def write_parquet(records: Path, target: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    tmp = target.with_name(f".{target.name}.tmp")
    with pq.ParquetWriter(tmp, schema) as writer:
        for chunk in _records(records):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
    os.replace(tmp, target)


# ---- DuckDB ---------------------------------------------------------------------


def write_duckdb(records: Path, target: Path) -> None:
    import duckdb

    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        for table, columns in TABLES.items():
            definition = ", ".join(f'"{column}" {kind}' for column, kind in columns)
            con.execute(f"CREATE TABLE {table} ({definition})")
        for chunk in _records(records):
            rows: dict[str, list[tuple]] = {table: [] for table in TABLES}
            for record in chunk:
                for table, table_part in table_rows(record).items():
                    rows[table] += table_part
            for table, values in rows.items():
                if values:
                    marks = ", ".join("?" * len(TABLES[table]))
                    con.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    finally:
        con.close()
    os.replace(tmp, target)


WRITERS = {"parquet": ("records.parquet", write_parquet), "csv": ("mentions.csv", write_csv),
           "duckdb": ("records.duckdb", write_duckdb)}


def write_format(fmt: str, out: Path, records: Path) -> Path | None:
    """Write `fmt` beside records.jsonl; jsonl needs nothing more. Returns the file written."""
    if fmt == "jsonl":
        return None
    name, writer = WRITERS[fmt]
    writer(records, out / name)
    return out / name
