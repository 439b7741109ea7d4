#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 300) seconds each, one after another.
# Needs only the stable toolchain: RUSTC_BOOTSTRAP=1 lets it take cargo-fuzz's nightly flags.
#
#   fuzz/run.sh                      # all targets, 300 s each
#   FUZZ_SECONDS=60 fuzz/run.sh submission
#   FUZZ_SANITIZER=none fuzz/run.sh  # without AddressSanitizer (faster, no memory checks)
#
# The corpus grows in fuzz/corpus/<target>/ (seeds in fuzz/seeds/<target>/ are read, never
# written); crashes land in fuzz/artifacts/<target>/. Keep a crash as a regression test by
# copying it (minimised: cargo fuzz tmin <target> <file>) to tests/fuzz_regressions/<target>/.
set -euo pipefail

cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
seconds="${FUZZ_SECONDS:-300}"
sanitizer="${FUZZ_SANITIZER:-address}"
jobs="${CARGO_BUILD_JOBS:-1}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi

# -O: optimised; -a: debug assertions and overflow checks stay on.
CARGO_BUILD_JOBS="$jobs" cargo fuzz build -O -a --sanitizer "$sanitizer"

status=0
for target in "${targets[@]}"; do
    echo "== $target: ${seconds}s"
    mkdir -p "corpus/$target"
    if ! CARGO_BUILD_JOBS="$jobs" cargo fuzz run -O -a --sanitizer "$sanitizer" "$target" \
        "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=4096 -timeout=10 \
        -print_final_stats=1; then
        echo "== $target FAILED: see artifacts/$target/"
        status=1
    fi
done
exit "$status"
