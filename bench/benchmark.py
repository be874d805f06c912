"""Throughput and memory of the pipeline beside a baseline, in one run.

    python bench/benchmark.py [CORPUS] [--repeat 10]

CORPUS is a folder of .txt articles (default: ../shared/corpora/news beside the
repository). The baseline runs underthesea's `ner` over the sentences of every
article, the way a general tool would read them; the pipeline is
`extract_text` on the whole article (NER included where it runs). Each
measurement runs in a fresh process so that its peak memory is its own, and
reads the articles one at a time, so memory should not grow with the corpus.
It prints, for the corpus and for the corpus repeated REPEAT times: characters
per second per core for both, their ratio, peak memory, and the batch
speed-up from 1 to 2 worker processes.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts(corpus: Path, copies: int):
    files = sorted(corpus.glob("*.txt"))
    for _ in range(copies):
        for path in files:
            yield path.read_text(encoding="utf-8")


def measure(kind: str, corpus: Path, copies: int) -> dict:
    """One measurement, in this process: CPU seconds, characters, peak RSS."""
    from underthesea import ner

    from extract import extract_text
    from extract.segment import sentences

    # Load the models before timing.
    extract_text("Chủ tịch tỉnh Hà Nam Trần Văn Bình phát biểu ngày 5/3, chi 1.500 tỷ đồng.")
    ner("Chủ tịch tỉnh Phúc Kiến phát biểu.")
    chars, cpu = 0, 0.0
    for text in _texts(corpus, copies):
        if kind == "baseline":
            parts = [s.text for s in sentences(text)]  # the same sentences, split outside the timing
            start = time.process_time()
            for part in parts:
                ner(part)
            chars += sum(map(len, parts))
        else:
            start = time.process_time()
            extract_text(text)
            chars += len(text)
        cpu += time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "copies": copies, "chars": chars, "cpu_seconds": round(cpu, 2),
            "chars_per_second_per_core": round(chars / cpu), "peak_memory_mb": round(peak_mb, 1)}


def _child(kind: str, corpus: Path, copies: int) -> dict:
    command = [sys.executable, __file__, str(corpus), "--child", kind, "--copies", str(copies)]
    out = subprocess.run(command, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return json.loads(out.stdout.strip().splitlines()[-1])


def _batch_seconds(folder: Path, workers: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "extract", "run", str(folder), "--out", out, "--workers", str(workers),
                   "--shard-size", "20"]
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        return time.perf_counter() - start


def _repeated_folder(corpus: Path, copies: int, root: Path) -> Path:
    folder = root / f"x{copies}"
    for i in range(copies):
        part = folder / f"copy{i:02d}"
        part.mkdir(parents=True)
        for path in sorted(corpus.glob("*.txt")):
            shutil.copyfile(path, part / path.name)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "news"))
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--child", choices=["pipeline", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--copies", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if args.child:
        print(json.dumps(measure(args.child, corpus, args.copies)))
        return 0
    if not any(corpus.glob("*.txt")):
        print(f"no .txt articles in {corpus}", file=sys.stderr)
        return 2

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (1, args.repeat):
            folder = corpus if copies == 1 else _repeated_folder(corpus, copies, Path(tmp))
            one = _batch_seconds(folder, 1)
            two = _batch_seconds(folder, 2)
            pipeline = _child("pipeline", corpus, copies)
            baseline = _child("baseline", corpus, copies)
            results[copies] = {"pipeline": pipeline, "baseline": baseline,
                               "ratio": round(pipeline["chars_per_second_per_core"]
                                              / baseline["chars_per_second_per_core"], 1),
                               "batch_seconds_1_worker": round(one, 1), "batch_seconds_2_workers": round(two, 1),
                               "speedup_1_to_2_workers": round(one / two, 2)}
            _report(copies, results[copies])
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


def _report(copies: int, r: dict) -> None:
    p, b = r["pipeline"], r["baseline"]
    print(f"corpus x{copies}: {p['chars']:,} characters")
    print(f"  baseline (underthesea ner per sentence): {b['chars_per_second_per_core']:>9,} chars/s/core, "
          f"peak {b['peak_memory_mb']:.0f} MB")
    print(f"  pipeline (extract_text, NER where it runs): {p['chars_per_second_per_core']:>9,} chars/s/core, "
          f"peak {p['peak_memory_mb']:.0f} MB")
    print(f"  pipeline / baseline: {r['ratio']}x")
    print(f"  batch wall time: 1 worker {r['batch_seconds_1_worker']} s, 2 workers {r['batch_seconds_2_workers']} s, "
          f"speed-up {r['speedup_1_to_2_workers']}x", flush=True)


if __name__ == "__main__":
    sys.exit(main())
