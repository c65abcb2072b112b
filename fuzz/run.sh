#!/usr/bin/env bash
# Runs every fuzz target for a bounded time, starting from the committed seeds plus the real
# data (built-in dataset, test fixtures, the first rows of the ATOP member file when
# ../shared/data is there). A crash stops the run with its input under fuzz/artifacts/.
#
#   fuzz/run.sh            # 60 s per target (CI: FUZZ_SECONDS=30)
#   FUZZ_SECONDS=3600 fuzz/run.sh json_load   # one target, one hour
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-60}
# cargo-fuzz passes -Z flags to rustc; the stable toolchain accepts them with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked --version 0.13.2
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo fuzz list)
fi
atop=../../shared/data/atop-5.1/atop5_1m.csv
for target in "${targets[@]}"; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  for seed in seeds/"$target"/*; do
    if [ -f "$seed" ] && [ ! -e "$corpus/$(basename "$seed")" ]; then
      cp "$seed" "$corpus"/
    fi
  done
  if [ "$target" = atop_import ] && [ -f "$atop" ]; then
    head -c 20000 "$atop" > "$corpus/atop5_1m-head.csv"
  fi
  echo "== fuzzing $target for ${seconds}s"
  log=$(mktemp)
  # No pipe: the exit status is cargo fuzz's own. -timeout flags an input slower than 10 s
  # as a failure, -rss_limit_mb one that needs more than 2 GiB.
  status=0
  cargo fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=$?
  # libFuzzer's summary lines, if any (grep finding none is no failure).
  if grep -E "^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|ERROR)" "$log"; then
    :
  fi
  # A crash, a timeout or running out of memory: libFuzzer's own words, or its status.
  if [ "$status" -ne 0 ] || grep -qE "deadly signal|==[0-9]+== ?ERROR|ERROR: libFuzzer|timeout after|out-of-memory" "$log"; then
    echo "fuzz target $target FAILED (status $status); the input is under fuzz/artifacts/$target/" >&2
    tail -n 40 "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
done
