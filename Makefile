# Bilat — build, demo, tests and the corpus evaluation.
# `make demo` and `make test` are the README's two commands; .ci/run calls `make test` and `make eval`.

SWIFT      ?= swift
PREFIX     ?= /usr/local
BILAT      := .build/debug/bilat
DEMO_DB    := .build/demo.sqlite
CORPUS     ?= ../shared/corpus/dev
SCORE      ?= ../shared/tools/score.py
PAGES      ?= ../shared/corpus/pages
EVAL_DB    := .build/eval.sqlite
EVAL_OUT   := .build/eval.ndjson
# Floors for `make eval` (score.py --require): just under what the extraction reaches, so it can only go up.
EVAL_FLOORS ?= imported=1.0,date=1.0,start_time=1.0,duration_minutes=0.985,format=1.0,stated_right=0.996,parties=0.985,principals=0.958,attendees=0.914,commitments=0.942,commitment_by=0.967,topics=0.863
# The share of checks on real saved pages (scripts/check-pages.py) that must be right.
PAGES_FLOOR ?= 1.0

FUZZ_SECONDS ?= 60
# libFuzzer's runtime without main(), from the toolchain that runs `swift`.
FUZZER_RUNTIME ?= $(firstword $(wildcard $(dir $(realpath $(shell command -v $(SWIFT))))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a))

# Release builds link the Swift runtime and Foundation statically: `bilat` then starts in about half the
# time (no dynamic loading of Foundation and ICU), which every command pays. They are linked at a fixed
# address (not position-independent): the loader then has no relocations to apply, and the pages that
# 130,000 of them would have written are not copied at every start (`list` 23.5 → 17.1 ms). The Swift
# toolchain links executables with `-export-dynamic`, which puts every Swift symbol of every package (39,663)
# in the dynamic symbol table: the runtime's start-up `dladdr` then scans them all and each library call the
# loader binds looks there first; nothing looks symbols up in the executable, so none are exported
# (`--help` 10.3 → 9.1 ms). See BENCHMARKS.md.
RELEASE    := -c release --static-swift-stdlib -Xlinker -no-pie -Xlinker --no-export-dynamic

SCALE      ?= 10000 100000
SEED       ?= 1

.PHONY: all setup build demo test eval install clean parties people fuzz bench bench-serve datasette browser-test serve

all: build

# The system packages Bilat builds on: SQLite's and libxml2's headers, pkg-config, iso-codes (for `make parties`), python3 (for eval).
setup:
	@missing=""; \
	[ -f /usr/include/sqlite3.h ] || missing="$$missing libsqlite3-dev"; \
	[ -f /usr/include/libxml2/libxml/HTMLparser.h ] || missing="$$missing libxml2-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	[ -d /usr/share/iso-codes/json ] || missing="$$missing iso-codes"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing; fi; \
	fi

build: setup
	$(SWIFT) build

# Builds, imports the sample readouts of Data/samples into a fresh archive and shows what Bilat answers.
demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BILAT) import --db $(DEMO_DB) Data/samples
	@echo; echo '$$ bilat list'
	@$(BILAT) list --db $(DEMO_DB)
	@echo; echo '$$ bilat commitments --topic north-korea'
	@$(BILAT) commitments --db $(DEMO_DB) --topic north-korea
	@echo; echo '$$ bilat search coree'
	@$(BILAT) search --db $(DEMO_DB) coree
	@echo; echo '$$ bilat list --person "wong penny"'
	@$(BILAT) list --db $(DEMO_DB) --person "wong penny"
	@echo; echo '$$ bilat list --conflicts   (meetings whose readouts disagree)'
	@$(BILAT) list --db $(DEMO_DB) --conflicts
	@echo; echo '$$ bilat review   (what a person should check; fix a fact with bilat correct)'
	@$(BILAT) review --db $(DEMO_DB)
	@echo; echo "The demo archive is $(DEMO_DB); try: $(BILAT) show --db $(DEMO_DB) 2025-02-14-fra-jpn --evidence"

test: setup
	$(SWIFT) test

# Serves the demo archive (`make demo` first) at http://127.0.0.1:8080/.
serve: build
	@[ -f $(DEMO_DB) ] || $(BILAT) import --db $(DEMO_DB) Data/samples
	$(BILAT) serve --db $(DEMO_DB)

# Loads each kind of page of a running `bilat serve` in headless Chromium (Debian's `chromium`, installed here when
# missing) and checks the rendered DOM; screenshots go to .build/browser/. See scripts/browser-test.py.
CHROMIUM ?= chromium
browser-test: build
	@command -v $(CHROMIUM) >/dev/null || { \
		echo "installing: chromium"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; }
	python3 scripts/browser-test.py --bilat $(BILAT) --chromium $$(command -v $(CHROMIUM)) $(if $(SHOT),--readme-shot $(SHOT),)

# Imports the real readouts of ../shared/corpus/dev, exports them and scores the export against the gold facts
# (each readout a meeting of its own, --no-link, since score.py matches one record to each readout's gold);
# then imports the real saved pages of ../shared/corpus/pages and checks them against their expect.json.
eval: build
	@if [ ! -d "$(CORPUS)" ] || [ ! -f "$(SCORE)" ]; then \
		echo "eval: $(CORPUS) or $(SCORE) is absent (they live beside the project checkout); nothing to measure"; \
		exit 0; \
	fi; \
	rm -f $(EVAL_DB) $(EVAL_DB)-wal $(EVAL_DB)-shm; \
	$(BILAT) import --db $(EVAL_DB) --no-link $(CORPUS)/*.txt > /dev/null || exit 1; \
	$(BILAT) export --db $(EVAL_DB) > $(EVAL_OUT) && \
	python3 $(SCORE) --gold $(CORPUS) --export $(EVAL_OUT) --require $(EVAL_FLOORS) $(if $(VERBOSE),--verbose,) || exit 1; \
	if [ -f "$(PAGES)/expect.json" ]; then \
		python3 scripts/check-pages.py --bilat $(BILAT) --pages $(PAGES) --db .build/pages.sqlite --require $(PAGES_FLOOR) $(if $(VERBOSE),--verbose,); \
	else echo "eval: $(PAGES) is absent; the saved pages are not checked"; fi

# Fuzzes the ingest parser (text, HTML and record readers) with libFuzzer for FUZZ_SECONDS, starting from
# the sample readouts and the HTML fixtures; new inputs go to .build/fuzz-corpus, a crash to .build/fuzz-crash-*.
fuzz: setup
	cd Fuzz && BILAT_FUZZ=1 BILAT_FUZZER_RUNTIME="$(FUZZER_RUNTIME)" $(SWIFT) build -c release
	mkdir -p .build/fuzz-corpus
	@echo "fuzzing for $(FUZZ_SECONDS) s (log: .build/fuzz.log)"
	@Fuzz/.build/release/BilatFuzz .build/fuzz-corpus Data/samples Tests/BilatIngestTests/Fixtures -max_total_time=$(FUZZ_SECONDS) \
		-max_len=16384 -artifact_prefix=.build/fuzz-crash- -print_final_stats=1 > .build/fuzz.log 2>&1 \
		|| { tail -n 60 .build/fuzz.log; echo "fuzz: a crash was found; the input is in .build/fuzz-crash-*"; exit 1; }
	@grep -E "^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added)" .build/fuzz.log

# Generates SCALE readouts (each scale in turn; `make bench SCALE=1000000` for a million) and measures import,
# in-process queries, whole `bilat` commands and the sqlite3 shell on the same SQL. See BENCHMARKS.md.
bench: setup
	$(SWIFT) build $(RELEASE) --product bilat
	$(SWIFT) build $(RELEASE) --product bilat-bench
	@command -v sqlite3 >/dev/null || { echo "bench: the sqlite3 shell is needed (apt-get install sqlite3)"; exit 1; }
	@$(MAKE) --no-print-directory datasette
	@for n in $(SCALE); do .build/release/bilat-bench run --scale $$n --seed $(SEED) --bilat .build/release/bilat || exit 1; echo; \
		python3 scripts/serve-bench.py --bilat .build/release/bilat --db .build/bench/bench-$$n-$(SEED).sqlite || exit 1; echo; done

# The web view alone, on the archives `make bench` left in .build/bench: every page's p50/p99, and the JSON listing
# against Datasette on the same file (scripts/serve-bench.py).
bench-serve: setup datasette
	$(SWIFT) build $(RELEASE) --product bilat
	@for n in $(SCALE); do python3 scripts/serve-bench.py --bilat .build/release/bilat --db .build/bench/bench-$$n-$(SEED).sqlite || exit 1; echo; done

# Datasette from PyPI in .build/venv, for the comparison of `make bench` (a failure only leaves the comparison out).
datasette:
	@[ -x .build/venv/bin/datasette ] || { python3 -m venv .build/venv && .build/venv/bin/pip install -q datasette; } \
		|| echo "bench: Datasette could not be installed; the comparison is left out"

install:
	$(SWIFT) build $(RELEASE) --product bilat
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 .build/release/bilat $(DESTDIR)$(PREFIX)/bin/bilat

# Regenerates Data/parties.json from the system's iso-codes and Data/party-sources/extras.json.
parties:
	python3 scripts/generate-parties.py

# Regenerates Data/people.json from the datasets of ../shared/data-sources (DATA_SOURCES=… to point elsewhere)
# and the hand-curated Data/people-sources/overlay.json; run after `make parties` (it reads the country names).
DATA_SOURCES ?= ../shared/data-sources
people:
	python3 scripts/generate-people.py --sources $(DATA_SOURCES)
	touch Package.swift

clean:
	rm -rf .build
