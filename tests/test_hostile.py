"""A crawled folder at its worst: a thousand files of which a tenth are bad.
Every good article is extracted, every bad file is reported with a reason,
nothing hangs, nothing crashes, memory stays bounded, and nothing is written
outside the output folder whatever the inputs are called."""
from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEEDS
from extract import batch
from extract.formats import FORMATS, write_format

GOOD = 900
MEMORY_BOUND_MB = 3000  # two workers with underthesea loaded use about 1 GB
RUN_BOUND_SECONDS = 900
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _article(i: int) -> str:
    return (f"Tin số {i}\n\nNgày {i % 28 + 1}/{i % 12 + 1}/2021, ông Nguyễn Văn An, Chủ tịch UBND tỉnh Hà Nam, "
            f"cho biết thu ngân sách đạt {i}.{i % 1000:03d} tỷ đồng, tăng {i % 9},{i % 7}% so với cùng kỳ.\n")


def _build(root: Path) -> tuple[Path, int, set[str]]:
    """The input folder, how many articles it holds, and the names that must be errors."""
    src = root / "in"
    (src / "sub" / "deeper").mkdir(parents=True)
    bad: set[str] = set()
    articles = 0

    def good(rel: str, text: str) -> None:
        nonlocal articles
        path = src / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        articles += 1

    odd = ["tên có dấu cách.txt", "-leading-dash.txt", "..dots.txt", "quote'\"s.txt", "new\nline.txt",
           "emoji 📰.txt", "semi;colon|pipe.txt", "x.TXT", "$(echo pwned).txt", "*.txt"]
    for i, name in enumerate(odd):
        good(f"sub/{name}", _article(i))
    for i in range(len(odd), GOOD - 3):
        good(f"{['', 'sub/', 'sub/deeper/'][i % 3]}a{i:04d}.txt", _article(i))
    # JSON Lines whose ids try to leave the output folder: they are only ids.
    lines = [{"id": "../../escaped", "title": "T", "body": _article(1)},
             {"id": "/etc/passwd", "title": "T", "body": _article(2)},
             {"id": "ok", "body": _article(3)}]
    (src / "export.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
                                      + "\n{not json\n", encoding="utf-8")
    articles += 3
    bad.add("export.jsonl:4")

    def bad_file(rel: str, data: bytes) -> Path:
        path = src / rel
        path.write_bytes(data)
        bad.add(rel)
        return path

    for i in range(12):
        bad_file(f"empty{i}.txt", b"")
        bad_file(f"binary{i}.txt", bytes(range(256)) * (i + 1))
        bad_file(f"truncated{i}.txt", _article(i).encode("utf-8")[:-1] + "ạ".encode("utf-8")[:1])
        bad_file(f"broken{i}.json", b'{"title": "x", "body": ')
        if i % 2:
            bad_file(f"blank{i}.txt", b" \n\t\n")
        else:
            bad_file(f"utf16-without-bom{i}.txt", _article(i).encode("utf-16-le"))
        unreadable = src / f"unreadable{i}.txt"
        unreadable.write_text(_article(i), encoding="utf-8")
        unreadable.chmod(0)
        if IS_ROOT:  # root reads it anyway: then it is a good article
            articles += 1
        else:
            bad.add(unreadable.name)
    with open(src / "huge.txt", "wb") as handle:  # 50 MB
        handle.write(_article(0).encode("utf-8") * (50 * 1024 * 1024 // len(_article(0).encode("utf-8")) + 1))
    bad.add("huge.txt")
    outside = root / "secret.txt"
    outside.write_text(_article(0), encoding="utf-8")
    for i in range(10):
        os.symlink(outside, src / f"outside{i}.txt")
        bad.add(f"outside{i}.txt")
        os.mkfifo(src / f"fifo{i}.txt")
        bad.add(f"fifo{i}.txt")
        name = os.fsencode(src) + f"/latin1-{i}-".encode() + b"\xe9\xff.txt"
        with open(name, "wb") as handle:
            handle.write(_article(i).encode("utf-8"))
        bad.add(f"latin1-{i}-\\xe9\\xff.txt")
    os.symlink("loop-b.txt", src / "loop-a.txt")
    os.symlink("loop-a.txt", src / "loop-b.txt")
    os.symlink("self.txt", src / "self.txt")
    os.symlink("nowhere.txt", src / "dangling.txt")
    bad.update({"loop-a.txt", "loop-b.txt", "self.txt", "dangling.txt"})
    os.symlink(src, src / "sub" / "parent-loop")  # a folder link loop: never walked
    os.symlink(root, src / "up")  # a folder link out of the input: never walked
    return src, articles, bad


def _tree(root: Path) -> set[str]:
    return {os.fsdecode(Path(d, f).relative_to(root)) for d, _, files in os.walk(root) for f in files}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    src, articles, bad = _build(root)
    before = _tree(root)
    out = root / "out"
    command = [sys.executable, "-m", "extract", "run", str(src), "--out", str(out), "--workers", "2",
               "--format", "duckdb"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=RUN_BOUND_SECONDS, cwd=root / "in" / "sub")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    yield {"src": src, "out": out, "root": root, "result": result, "articles": articles, "bad": bad,
           "before": before, "peak_mb": peak_mb}
    for i in range(12):
        (src / f"unreadable{i}.txt").chmod(0o644)


def test_the_run_finishes_and_reports_errors_in_its_exit_code(hostile):
    assert hostile["result"].returncode == 1, hostile["result"].stderr[-2000:]
    assert "Traceback" not in hostile["result"].stderr


def test_every_good_article_is_extracted(hostile):
    records = [json.loads(line) for line in (hostile["out"] / "records.jsonl").open(encoding="utf-8")]
    assert len(records) == hostile["articles"]
    ids = {r["id"] for r in records}
    assert {"sub/tên có dấu cách", "sub/new\nline", "sub/$(echo pwned)", "export/../../escaped",
            "export//etc/passwd"} <= ids
    assert all(r["money"] and r["officials"] for r in records)


def test_every_bad_file_is_an_error_with_a_reason(hostile):
    errors = [json.loads(line) for line in (hostile["out"] / "errors.jsonl").open(encoding="utf-8")]
    src = str(hostile["src"]) + "/"
    reported = {e["path"].removeprefix(src): e["reason"] for e in errors}
    assert set(reported) == hostile["bad"]
    assert all(reason.strip() for reason in reported.values())
    assert "too large" in reported["huge.txt"]
    assert "outside the input folder" in reported["outside0.txt"]
    assert "not a regular file" in reported["fifo0.txt"]
    assert "not valid UTF-8" in reported["truncated0.txt"]


def test_memory_stays_bounded(hostile):
    assert hostile["peak_mb"] < MEMORY_BOUND_MB


def test_nothing_is_written_outside_the_output_folder(hostile):
    after = _tree(hostile["root"])
    written = {p for p in after - hostile["before"] if not p.startswith("out/")}
    assert not written
    assert not (hostile["root"].parent / "escaped").exists()


def test_ids_are_never_paths_to_write(tmp_path):
    src = tmp_path / "in" / "deep"
    src.mkdir(parents=True)
    rows = [{"id": "../../../x", "body": "Ngày 5/3/2021 thu 1.500 tỷ đồng."},
            {"id": str(tmp_path / "abs"), "body": "Tăng 5%."}]
    (src / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = tmp_path / "in" / "deep" / "out"
    before = _tree(tmp_path)
    batch.run(src, out)
    for fmt in FORMATS:
        write_format(fmt, out, out / batch.RECORDS)
    written = {p for p in _tree(tmp_path) - before}
    assert written and all(p.startswith("in/deep/out/") for p in written)
    # the output folder inside the input is not read back as input on a second run
    summary = batch.run(src, out, overwrite=True)
    assert summary.files == 1


def test_no_network_at_run_time(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access at run time")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    summary = batch.run(SEEDS, tmp_path / "out")
    assert summary.articles == 2 and summary.errors == 0


def test_inputs_are_never_unpickled_or_run(tmp_path):
    import pickle

    src = tmp_path / "in"
    src.mkdir()
    (src / "payload.pkl").write_bytes(pickle.dumps({"x": 1}))
    (src / "script.py").write_text("raise SystemExit('ran')", encoding="utf-8")
    summary = batch.run(src, tmp_path / "out")
    assert summary.files == 0
