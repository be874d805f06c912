"""The CLI on a folder of good articles and bad files."""
from __future__ import annotations

import json
import shutil

import jsonschema
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.models import json_schemas

from conftest import SEEDS

runner = CliRunner()


@pytest.fixture()
def mixed_folder(tmp_path):
    src = tmp_path / "in"
    (src / "deep" / "er").mkdir(parents=True)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, src / "deep" / "er" / path.name)
    (src / "a.txt").write_text("Tiêu đề\n\nNgày 5/3/2017, thu 1.800 tỷ đồng.", encoding="utf-8")
    (src / "a.json").write_text(json.dumps({"title": "Tiêu đề A", "published": "2017-03-10"}), encoding="utf-8")
    (src / "b.json").write_text(json.dumps({"title": "B", "body": "Chiều 22-5, giá tăng 5%."}), encoding="utf-8")
    (src / "c.jsonl").write_text(
        json.dumps({"id": "c1", "body": "Năm 2023 chi 100 triệu đồng."}) + "\n{broken\n", encoding="utf-8"
    )
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (src / "latin1.txt").write_bytes("Thu ngân sách".encode("cp1258"))
    (src / "broken.json").write_text("{not json", encoding="utf-8")
    (src / "notes.md").write_text("not an article", encoding="utf-8")
    return src


def test_run_extracts_good_files_and_reports_bad_ones(mixed_folder, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(mixed_folder), "--out", str(out)])
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = sorted(r["id"] for r in records)
    assert ids == sorted(["a", "b", "c/c1", "deep/er/000_9b37d5668dac144d", "deep/er/002_5b8970a0ca7e4d21"])
    reasons = {e["path"].replace(str(mixed_folder) + "/", ""): e["reason"] for e in errors}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt", "broken.json", "c.jsonl:2"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "invalid JSON" in reasons["broken.json"]
    a = next(r for r in records if r["id"] == "a")
    assert a["title"] == "Tiêu đề A" and a["published"] == "2017-03-10"
    schema = json_schemas()["article.schema.json"]
    for record in records:
        jsonschema.validate(record, schema)
    for error in errors:
        jsonschema.validate(error, json_schemas()["error.schema.json"])


def test_run_exits_zero_when_all_succeed(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 articles extracted, 0 errors" in result.output


def test_run_refuses_a_non_empty_output_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("x")
    result = runner.invoke(app, ["run", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 2
    assert (out / "keep.txt").exists()
