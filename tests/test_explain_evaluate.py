from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.explain import explain

from conftest import ROOT, SEEDS, SHARED

runner = CliRunner()


def test_explain_lists_every_mention_with_its_rule():
    rows = explain("Ngày 5/3/2017, Bộ trưởng Bộ Tài chính Đinh Tiến Dũng cho biết thu đạt 9,6% (trên 14.000 tỷ đồng).")
    kinds = {(r.kind, r.text) for r in rows}
    assert ("date", "Ngày 5/3/2017") in kinds
    assert ("percentage", "9,6%") in kinds
    assert ("money", "trên 14.000 tỷ đồng") in kinds
    assert ("official", "Đinh Tiến Dũng") in kinds
    assert ("position", "Bộ trưởng Bộ Tài chính") in kinds
    assert all(r.rule for r in rows)


def test_explain_command_prints_a_table():
    result = runner.invoke(app, ["explain", "Chiều 22-5, giá tăng 5%."], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "22-5" in result.output and "5%" in result.output and "percent" in result.output


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    assert runner.invoke(app, ["run", str(SEEDS), "--out", str(out), "--overwrite"]).exit_code == 0
    return out


def test_evaluate_json(seed_output):
    gold = ROOT / "tests" / "expected" / "seeds.jsonl"
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(seed_output), "--json"])
    assert result.exit_code == 0
    rows = {r["type"]: r for r in json.loads(result.output)["rows"]}
    assert rows["money"]["f1"] == 1.0 and rows["officials"]["tp"] == 3


@pytest.fixture(scope="module")
def imperfect(seed_output, tmp_path_factory):
    """The seed records with mistakes made on purpose, so that the scores are not all 1.0."""
    records = [json.loads(line) for line in (seed_output / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    records[0]["money"] = records[0]["money"][1:]
    records[0]["dates"][0]["value"] = "1999"
    records[1]["officials"].append({"name": "Không Có Thật", "positions": [{"text": "Bí thư"}], "mentions": []})
    records[1]["officials"][0]["positions"] = records[1]["officials"][0]["positions"][:1]
    records[1]["percentages"].append({"text": "7%", "value": 7})
    path = tmp_path_factory.mktemp("imperfect") / "records.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval/score.py")
@pytest.mark.parametrize("which", ["perfect", "imperfect"])
def test_evaluate_agrees_with_the_reference_scorer(seed_output, imperfect, which):
    gold = ROOT / "tests" / "expected" / "seeds.jsonl"
    pred = seed_output / "records.jsonl" if which == "perfect" else imperfect
    ours = json.loads(runner.invoke(app, ["evaluate", "--gold", str(gold), "--pred", str(pred), "--json"]).output)
    theirs = json.loads(subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True, text=True, check=True).stdout)
    assert ours["rows"] == theirs["rows"]
    if which == "imperfect":
        assert any(row["f1"] < 1.0 for row in ours["rows"])
