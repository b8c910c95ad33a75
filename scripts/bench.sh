#!/usr/bin/env bash
# Times the whole job on a named corpus and prints articles/s, MB/s of text and peak memory.
#
#   scripts/bench.sh [CORPUS.jsonl.gz ...]     (default: ../shared/corpus/fr.jsonl.gz and en.jsonl.gz)
#
# Whole process, as /usr/bin/time -v measures it: reading and decompressing the gzipped
# JSON Lines, folding, matching, resolving, the polars breakdowns and writing every table.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/paysage/target}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/paysage"
[ $# -gt 0 ] || set -- ../shared/corpus/fr.jsonl.gz ../shared/corpus/en.jsonl.gz
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for corpus in "$@"; do
  out=$(mktemp -d)
  # Text size and article count, measured once with Python's own JSON reader.
  read -r articles text_bytes < <(python3 - "$corpus" <<'PY'
import gzip, json, sys
n = b = 0
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        if line.strip():
            n += 1
            b += len((json.loads(line).get("text") or "").encode("utf-8"))
print(n, b)
PY
)
  log=$(mktemp)
  /usr/bin/time -v "$bin" run --articles "$corpus" --output "$out/output" 2>"$log" || true
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  python3 -c "
a, b, s, r = $articles, $text_bytes, $secs, $rss
print(f'$corpus: {a} articles, {b/1e6:.1f} MB of text in {s:.2f} s: {a/s:,.0f} articles/s, {b/1e6/s:.1f} MB/s; peak RSS {r/1024:.0f} MiB')
"
  grep "^paysage:" "$log" | tail -1
  rm -rf "$out" "$log"
done
