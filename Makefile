# Pufa — the two commands: `make run` and `make test`. Both install what is missing first.
SWIFT ?= swift
HOST ?= 127.0.0.1
PORT ?= 8080
DATA ?= ./data

.PHONY: run build test test-swift test-browser bench deps release clean

run: deps build
	PUFA_HOST=$(HOST) PUFA_PORT=$(PORT) PUFA_DATA=$(DATA) .build/debug/pufa serve

build:
	$(SWIFT) build --product pufa

release: deps
	$(SWIFT) build -c release --product pufa

deps:
	@scripts/install-deps.sh

test: 
	@scripts/install-deps.sh --test
	$(MAKE) test-swift
	$(MAKE) test-browser

test-swift:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test-browser: build
	PUFA_BIN=.build/debug/pufa python3 -m pytest -q Tests/cli
	PUFA_BIN=.build/debug/pufa python3 -m pytest -q Tests/browser

bench:
	@scripts/install-deps.sh --bench
	Benchmarks/run.sh
	Benchmarks/questions.sh
	Benchmarks/exam_hour.sh
	Benchmarks/quiz_round.sh
	Benchmarks/audience.sh
	Benchmarks/events.sh
	Benchmarks/reach.sh

clean:
	rm -rf .build
