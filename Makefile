# The project's entry points. Every target that needs Python depends on `setup`, so any
# one of them works first on a fresh clone (Python 3.10+ and make are all it needs).
# The interpreter .venv is made from: Debian's /usr/bin/python3 when it can make a venv
# (python3-venv installed), else the first python3 on PATH. Debian's build is optimised
# (static, profile-guided); a python3 built from source without --enable-optimizations
# (pyenv's default) runs the extraction about 20% slower, measured on the same machine
# (README, Speed). Override with `make PYTHON=/path/to/python3 ...`.
PYTHON ?= $(shell for p in /usr/bin/python3 python3; do \
	$$p -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 10))' 2>/dev/null && { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DEV := $(SHARED)/corpus/dev
N ?= 60000
# JSON Lines files holding the texts of data/real's decisions (not shipped: data/real/README.md)
REAL_TEXTS ?=
# The written sets (data/written/*/README.md says how each was written and used): those read
# to find errors, and those kept blind, whose scores alone are taken. (q and r were blind
# through session 13, s and t through session 15; u and v are blind from session 16.)
DEVELOPMENT_SETS := a b c d e f g h i j k l m n o p q r s t
BLIND_SETS := u v

.PHONY: setup browser run test explore eval train bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo 'no Python 3.10+ that can make a venv (on Debian/Ubuntu: apt-get install python3-venv)'; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The report test opens the report in a real browser: Debian's Chromium, installed here
# when it is missing and we may install packages (CI runs as root); otherwise that one
# test is skipped and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# A small recent window when online; the bundled sample when offline. Exit 3 (partial: a
# site unreachable, or some documents failed; `ombudsman status` says which) still landed.
run: setup
	$(BIN)/ombudsman run --limit 40 || [ $$? -eq 3 ]

test: setup browser
	$(BIN)/python -m pytest -q

# The property tests with a fresh random draw of examples instead of the repeatable one.
explore: setup
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q $$(grep -l "from hypothesis" tests/*.py)

# In-sample tables for the dev corpus and the sample, then the figure that predicts unseen
# decisions: 5-fold cross-validation on the dev corpus (the fault model refitted per fold).
eval: setup
	@if [ -f $(DEV)/records.jsonl ]; then \
		echo "== dev corpus ($(DEV)), shipped model (trained on all of it: in-sample) =="; \
		$(BIN)/ombudsman eval $(DEV)/records.jsonl $(DEV)/gold.jsonl; \
		echo; echo "== dev corpus, cross-validated: what to expect on unseen decisions =="; \
		$(BIN)/python -m pipeline.fault_training cv --dev $(DEV); \
	else echo "dev corpus not found at $(DEV): skipped (set SHARED=...)"; fi
	@echo "== bundled sample (data/sample) =="
	$(BIN)/ombudsman eval data/sample/records.jsonl data/sample/html data/sample/gold.jsonl
	@for set in $(DEVELOPMENT_SETS); do \
		echo "== written set $$set (data/written/$$set): development data, read for errors, so it flatters =="; \
		$(BIN)/ombudsman eval data/written/$$set/records.jsonl data/written/$$set/gold.jsonl; done
	@for set in $(BLIND_SETS); do \
		echo "== written set $$set (data/written/$$set): blind; scores only (see its README before reading it) =="; \
		$(BIN)/ombudsman eval data/written/$$set/records.jsonl data/written/$$set/gold.jsonl; done
	@echo "== sealed holdout (data/holdout): scores only; never read its errors to change the extractor =="
	$(BIN)/ombudsman eval data/holdout/records.jsonl data/holdout/gold.jsonl
	@if [ -n "$(REAL_TEXTS)" ]; then \
		echo "== real decisions of data/real, given their texts: the unseen ones are the figure to expect =="; \
		$(BIN)/python data/real/score.py $(REAL_TEXTS) --kinds; \
	else echo "== real decisions of data/real: skipped (their texts are not in the repository; REAL_TEXTS='a.jsonl b.jsonl' scores them)"; fi

# The fault model: regenerate the written training sentences, then fit on them and on the
# dev corpus's real decisions (distant supervision) and save it with skops.
train: setup
	$(BIN)/python data/annotations/make_fault_sentences.py
	$(BIN)/python -m pipeline.fault_training train --dev $(DEV) --out models/fault_model.skops

bench: setup
	$(BIN)/python -m pipeline.bench --n $(N)

clean:
	rm -rf $(VENV) data/raw data/*.duckdb bench/results.json
