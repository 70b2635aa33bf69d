# depeche: build, serve and test. `make serve` and `make test` are the README's two
# commands; both install what they need on a fresh machine and say what they do.

SHELL := /bin/bash
PORT ?= 8080
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
WASM_BINDGEN := tools/bin/wasm-bindgen
WASM := target/wasm32-unknown-unknown/wasm/depeche.wasm
SHARED ?= ../shared

.PHONY: serve test tools wasm-target pkg site dist cli npm test-native test-wasm test-browser score bench bench-wasm profile size clean fuzz fuzz-short

## serve: build the WASM package and serve the page on http://127.0.0.1:$(PORT)
serve: site cli
	@echo "==> CLI: cargo run --release -- analyze www/examples/003_ef9561be654d17d8.txt --pretty"
	@echo "==> serving www/ on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

## test: every test: native (unit, table-driven, golden, property), WASM in Node, browser
test: test-native test-wasm test-browser fuzz-short score
	@echo "==> all tests passed"

tools: wasm-target $(WASM_BINDGEN)

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || { echo "==> installing the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }

$(WASM_BINDGEN): Cargo.lock
	@if [ ! -x $@ ] || [ "$$($@ --version | awk '{print $$2}')" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "==> installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) into tools/ (about 2 minutes, once)"; \
	  cargo install --no-default-features wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION) --root tools --force; \
	fi
	@touch $@

## pkg: the WASM package (pkg/), generated, git-ignored; also an npm package
## (package.json, README.md, index.d.ts, node.js from npm/: `cd pkg && npm publish`)
pkg: tools
	@echo "==> building the WASM core (release)"
	cargo build --lib --profile wasm --target wasm32-unknown-unknown
	@echo "==> generating JS bindings into pkg/"
	$(WASM_BINDGEN) --target web --remove-name-section --out-dir pkg $(WASM)
	node scripts/npm-pkg.mjs pkg
	@$(MAKE) --no-print-directory size

size:
	@raw=$$(stat -c %s pkg/depeche_bg.wasm); gz=$$(gzip -9 -c pkg/depeche_bg.wasm | wc -c); \
	 js=$$(stat -c %s pkg/depeche.js); jsgz=$$(gzip -9 -c pkg/depeche.js | wc -c); \
	 echo "==> size: depeche_bg.wasm $$raw B raw, $$gz B gzip; depeche.js $$js B raw, $$jsgz B gzip"

## site: the page with its package, ready for any static server
site: pkg
	@rm -rf www/pkg && mkdir -p www/pkg && cp pkg/depeche.js pkg/depeche_bg.wasm www/pkg/

## dist: dist/ (git-ignored) for any static host, working offline once loaded (service
## worker), and dist/depeche.html, the whole page in one file that opens from disk
dist: site node_modules
	@echo "==> bundling the page into dist/ (scripts/dist.mjs)"
	node scripts/dist.mjs --out dist

cli:
	@echo "==> building the CLI (release)"
	cargo build --release --bin depeche

node_modules: package.json
	@echo "==> installing npm dev packages (playwright-core)"
	npm install --no-audit --no-fund
	@touch node_modules

test-native:
	@echo "==> native tests (unit, table-driven, golden seeds, property)"
	cargo test --release --no-fail-fast

test-wasm: site cli node_modules
	@echo "==> WASM in Node: same JSON as the native CLI on the seeds"
	node --test tests/wasm/

test-browser: site node_modules
	@echo "==> browser end-to-end tests (headless Chromium)"
	node --test tests/browser/

## fuzz-short: the plain mutation fuzzer (stable Rust, fuzz/), $(FUZZ_SHORT_SECONDS) s, as in `make test`.
## Overflow checks off, as in the shipped builds (release, wasm); `make fuzz` keeps them on.
FUZZ_SHORT_SECONDS ?= 60
fuzz-short:
	@echo "==> fuzzing depeche::analyze for $(FUZZ_SHORT_SECONDS) s (mutated seeds and random bytes: no panic, no hang, spans slice)"
	cd fuzz && CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=false cargo run --quiet --release --no-default-features --bin mutate -- --seconds $(FUZZ_SHORT_SECONDS) --max-len 16384

## fuzz: libFuzzer through cargo-fuzz (installed on first use; RUSTC_BOOTSTRAP=1 lets
## the stable toolchain build it), $(FUZZ_SECONDS) s; the corpus grows in fuzz/corpus/ (git-ignored).
FUZZ_SECONDS ?= 1200
fuzz:
	@command -v cargo-fuzz >/dev/null || { echo "==> installing cargo-fuzz (about 2 minutes, once)"; cargo install cargo-fuzz --locked; }
	cd fuzz && cargo run --quiet --release --no-default-features --bin mutate -- --print-dict > target/analyze.dict
	cd fuzz && mkdir -p corpus/analyze && RUSTC_BOOTSTRAP=1 cargo fuzz run -O -s none analyze corpus/analyze ../www/examples -- \
	  -dict=target/analyze.dict -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=2048 -rss_limit_mb=4096 -print_final_stats=1

## score: the scorer runs to the end on the seeds (and dev when present)
score: cli
	@echo "==> extraction scores"
	@corpora="--corpus $(SHARED)/corpus/seeds"; [ -d $(SHARED)/corpus/dev ] && corpora="$$corpora --corpus $(SHARED)/corpus/dev"; \
	 if [ -f $(SHARED)/eval/score.py ]; then python3 $(SHARED)/eval/score.py $$corpora --cmd 'target/release/depeche analyze {refopt} {file}' | head -32; \
	 else echo "(no $(SHARED)/eval/score.py here: skipped)"; fi

## bench: criterion, native: lexicon build, then a lede, a seed and ~1 MB (MB/s)
bench:
	cargo bench --bench analyze

## bench-wasm: the WASM build in Node: instantiate, first call, steady MB/s
bench-wasm: pkg
	node bench/wasm.mjs

## profile: instructions of one analysis, by function (callgrind; steady on a busy
## machine). PROFILE_FILE=... to pick the article; divide by the 20 runs.
PROFILE_FILE ?= www/examples/003_ef9561be654d17d8.txt
profile:
	CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release --example profile
	valgrind --tool=callgrind --toggle-collect='depeche::extractor::Extractor::analyze' \
	  --callgrind-out-file=target/callgrind.out target/release/examples/profile $(PROFILE_FILE) 20
	callgrind_annotate --inclusive=yes target/callgrind.out | head -60

clean:
	rm -rf pkg www/pkg target/site dist
