"""Batch runs: shards, workers, formats, resume after a kill, and the dask engine."""
from __future__ import annotations

import csv
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract import batch
from extract.formats import write_format

from conftest import SEEDS

ARTICLE = (
    "Tiêu đề số {i}\n\nNgày {d}/3/2017, Chủ tịch UBND tỉnh Nguyễn Văn An{i} cho biết thu ngân sách đạt {i},5% "
    "với {i}.200 tỷ đồng. Bí thư Tỉnh ủy Trần Thị Bình phát biểu.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("corpus")
    for i in range(60):
        folder = src / f"group{i % 3}"
        folder.mkdir(exist_ok=True)
        body = ARTICLE.format(i=i, d=i % 28 + 1)
        (folder / f"a{i:03d}.txt").write_text(body * 25, encoding="utf-8")  # long enough to be killed mid-run
    (src / "bad.json").write_text("{broken", encoding="utf-8")
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, src / path.name)
    return src


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reference")
    batch.run(corpus, out, shard_size=7, overwrite=True)
    return out


def test_shards_assemble_to_every_record(reference):
    records = [json.loads(line) for line in _lines(reference / "records.jsonl")]
    assert len(records) == 62
    assert len(_lines(reference / "errors.jsonl")) == 1
    assert len(list((reference / "shards").glob("part-*.done"))) == 9  # 63 files / 7
    assert not list(reference.rglob(".*.tmp"))


def test_two_workers_give_the_same_records(corpus, reference, tmp_path):
    summary = batch.run(corpus, tmp_path / "out", workers=2, shard_size=7)
    assert summary.articles == 62
    assert _lines(tmp_path / "out" / "records.jsonl") == _lines(reference / "records.jsonl")


def test_refuses_non_empty_output_and_resumes_only_the_same_run(corpus, reference, tmp_path):
    with pytest.raises(batch.InputError, match="not empty"):
        batch.run(corpus, reference, shard_size=7)
    with pytest.raises(batch.InputError, match="cannot resume"):
        batch.run(corpus, reference, shard_size=5, resume=True)
    summary = batch.run(corpus, reference, shard_size=7, resume=True)
    assert summary.resumed == summary.shards == 9


def test_killed_five_times_and_resumed_gives_exactly_the_records_of_an_uninterrupted_run(corpus, reference, tmp_path):
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out), "--shard-size", "2",
               "--workers", "1"]
    shards = 32  # 63 files / 2
    rng = random.Random(7)
    done = 0
    for attempt in range(5):
        target = rng.randint(done + 1, done + 5)
        process = subprocess.Popen([*command, "--resume"] if attempt else command,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(list((out / "shards").glob("part-*.done"))) < target:
            time.sleep(0.01 + rng.random() * 0.05)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        now = len(list((out / "shards").glob("part-*.done")))
        assert done <= now < shards, "each run must be killed part-way"
        done = now
        assert not (out / "records.jsonl").exists()
        # Whatever moment it died at, no file under a final name is half-written.
        for marker in (out / "shards").glob("part-*.done"):
            json.loads(marker.read_text())
            assert (out / "shards" / f"{marker.stem}.jsonl").exists()
    result = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr  # the broken JSON file is an error
    assert f"{done} already done" in result.stdout
    assert _lines(out / "records.jsonl") == _lines(reference / "records.jsonl")
    assert _lines(out / "errors.jsonl") == _lines(reference / "errors.jsonl")


def test_csv_has_one_row_per_mention_and_a_byte_order_mark(reference):
    target = write_format("csv", reference, reference / "records.jsonl")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    records = [json.loads(line) for line in _lines(reference / "records.jsonl")]
    mentions = sum(len(r[k]) for r in records for k in ("dates", "percentages", "money"))
    mentions += sum(len(p["mentions"]) for r in records for p in r["people"])
    mentions += sum(len(o["positions"]) for r in records for o in r["officials"])
    assert len(rows) == mentions
    assert {row["kind"] for row in rows} == {"person", "position", "date", "percentage", "money"}


def test_parquet_round_trips_the_records(reference):
    import pyarrow.parquet as pq

    table = pq.read_table(write_format("parquet", reference, reference / "records.jsonl"))
    records = [json.loads(line) for line in _lines(reference / "records.jsonl")]
    assert table.num_rows == len(records)
    first = table.slice(0, 1).to_pylist()[0]
    assert first["id"] == records[0]["id"]
    assert [float(m["value"]) for m in first["money"]] == [float(m["value"]) for m in records[0]["money"]]


def test_duckdb_tables_answer_sql(reference):
    import duckdb

    target = write_format("duckdb", reference, reference / "records.jsonl")
    con = duckdb.connect(str(target), read_only=True)
    tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    assert tables == {"articles", "people", "officials", "positions", "dates", "percentages", "money"}
    big = con.execute(
        "SELECT a.id, m.text FROM money m JOIN articles a ON a.id = m.article_id "
        "WHERE m.currency = 'VND' AND m.value > 50000000000000 ORDER BY a.id"
    ).fetchall()
    assert big and all(int(text.split(".")[0]) >= 50 for _, text in big)
    assert con.execute("SELECT count(*) FROM positions WHERE title = 'Chủ tịch'").fetchone()[0] >= 60


def test_dask_engine_gives_the_same_records(corpus, reference, tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            batch.run(corpus, tmp_path / "dask", shard_size=7, engine=batch.DaskEngine(client))
    assert _lines(tmp_path / "dask" / "records.jsonl") == _lines(reference / "records.jsonl")
