#!/usr/bin/env bash
# Builds the libFuzzer targets with clang++-19 (-fsanitize=fuzzer,address,undefined) and runs each
# for FUZZ_SECONDS (default 60) on a copy of its seed corpus; fails on any finding.
#   tests/fuzz/run_fuzzers.sh [WORK_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
mkdir -p "$work"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$root/include" -I"$root/tools/ncv")
tool_sources=("$root/tools/ncv/exact_json.cpp" "$root/tools/ncv/problem/conv.cpp" "$root/tools/ncv/problem/sgd.cpp"
              "$root/tools/ncv/problem_document.cpp")
declare -A corpus=([parse_rational_fuzzer]=rational [conv_request_fuzzer]=conv [sgd_request_fuzzer]=sgd [class_roster_fuzzer]=class)
for target in parse_rational_fuzzer conv_request_fuzzer sgd_request_fuzzer class_roster_fuzzer; do
  sources=("$root/tests/fuzz/$target.cpp")
  [[ $target == parse_rational_fuzzer ]] || sources+=("${tool_sources[@]}")
  [[ $target == class_roster_fuzzer ]] && sources+=("$root/tools/ncv/problem/class_roster.cpp" "$root/tools/ncv/exam_instance.cpp")
  clang++-19 "${flags[@]}" "${sources[@]}" -lboost_json -lboost_program_options -o "$work/$target"
  rm -rf "$work/corpus-$target" && cp -r "$root/tests/fuzz/corpus/${corpus[$target]}" "$work/corpus-$target"
  echo "fuzz: $target for ${seconds}s"
  if ! (cd "$work" && ASAN_OPTIONS=detect_leaks=1 "./$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
          -print_final_stats=1 "corpus-$target" >"$target.log" 2>&1); then
    tail -n 40 "$work/$target.log"
    echo "fuzz: FAILED: $target found a problem (log: $work/$target.log)"
    exit 1
  fi
  grep -E '^stat::number_of_executed_units' "$work/$target.log" | sed "s/^/fuzz: $target: /"
done
echo "fuzz: all targets ran clean"
