# Two entry points: `make run` (extract corpora/ into output/) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test schemas score-dev bench clean

SHARED ?= ../shared

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/vnextract run corpora --out output --overwrite

# pytest exits 5 when it collects nothing; that is not a failure of the code.
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; if [ $$rc -eq 5 ]; then rc=0; fi; exit $$rc

# Dev scores: the 300 news articles extracted, the 40 annotated ones scored.
score-dev: $(STAMP)
	$(BIN)/vnextract run $(SHARED)/corpora/news --out output/dev --overwrite
	python3 $(SHARED)/eval/score.py --gold $(SHARED)/gold/dev.jsonl --pred output/dev/records.jsonl

# Speed and memory beside the baseline (underthesea ner per sentence); takes about 40 minutes.
bench: $(STAMP)
	$(BIN)/python bench/benchmark.py $(SHARED)/corpora/news --repeat 10 --json output/bench.json

schemas: $(STAMP)
	$(BIN)/vnextract schemas schemas/

clean:
	rm -rf $(VENV) output
