#!/usr/bin/env bash
# Times the whole job on named corpora and prints articles/s, MB/s of text and peak memory, beside
# the Python keyword-extraction baseline (flashtext) on the same corpus and the same name list.
#
#   scripts/bench.sh [CORPUS.jsonl.gz ...]   (default: ../shared/corpus/fr.jsonl.gz and en.jsonl.gz)
#
# Whole process, as /usr/bin/time -v measures it: reading and decompressing the gzipped JSON
# Lines, folding, matching, resolving, the polars breakdowns and writing every table.
# Also: the French corpus concatenated 4 times (ids made unique) for peak memory at 1x and 4x,
# and `paysage lookup` on a million names. Each whole-job figure is the median of RUNS runs
# (default 5) after a warm-up run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/paysage/target}"
cargo build --release -q
bin="$CARGO_TARGET_DIR/release/paysage"
venv="${BENCH_VENV:-$HOME/.cache/paysage/bench-venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q flashtext==2.7
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ $# -gt 0 ] || set -- ../shared/corpus/fr.jsonl.gz ../shared/corpus/en.jsonl.gz
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"

# text size and article count of a corpus
measure() {
  "$venv/bin/python" - "$1" <<'PY'
import gzip, json, sys
n = b = 0
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        if line.strip():
            n += 1
            b += len((json.loads(line).get("text") or "").encode("utf-8"))
print(n, b)
PY
}

# whole job: wall seconds and peak RSS (KiB) with /usr/bin/time -v; one warm-up run, then the
# median wall time and the largest peak RSS of RUNS runs (the machines are shared and noisy)
runs="${RUNS:-5}"
timed_run() {
  local log="$work/time.log" walls="" rss_max=0 wall rss i
  for i in $(seq 0 "$runs"); do
    /usr/bin/time -v "$bin" run --articles "$1" --output "$work/out" 2>"$log" >/dev/null || true
    [ "$i" -eq 0 ] && continue
    wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
    walls="$walls $wall"
    [ "$rss" -gt "$rss_max" ] && rss_max=$rss
  done
  grep "^paysage:" "$log" | tail -1 >&2
  echo "$(echo $walls | tr ' ' '\n' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $rss_max"
}

for corpus in "$@"; do
  lang=$(basename "$corpus" | cut -c1-2)
  read -r articles text_bytes < <(measure "$corpus")
  read -r secs rss < <(timed_run "$corpus")
  # flashtext with the same names (every name of the language, case-insensitive), processing time only
  base=$("$venv/bin/python" - "$corpus" "$lang" <<'PY'
import csv, glob, gzip, json, sys, time
from flashtext import KeywordProcessor
corpus, lang = sys.argv[1], sys.argv[2]
kp = KeywordProcessor(case_sensitive=False)
for path in glob.glob("input/names/*.csv"):
    for row in csv.DictReader(open(path, encoding="utf-8")):
        if row["lang"] == lang and row["kind"] != "not_country":
            kp.add_keyword(row["name"], row["code"])
texts = [json.loads(l).get("text") or "" for l in gzip.open(corpus, "rt", encoding="utf-8") if l.strip()]
size = sum(len(t.encode("utf-8")) for t in texts)
t0 = time.perf_counter()
found = sum(len(kp.extract_keywords(t)) for t in texts)
dt = time.perf_counter() - t0
print(f"{size / 1e6 / dt:.1f} {found}")
PY
)
  python3 -c "
a, b, s, r = $articles, $text_bytes, $secs, $rss
base_mbs, base_found = '$base'.split()
mbs = b / 1e6 / s
print(f'$corpus: {a} articles, {b/1e6:.1f} MB of text in {s:.2f} s: {a/s:,.0f} articles/s, {mbs:.1f} MB/s, peak RSS {r/1024:.0f} MiB')
print(f'  flashtext (processing only, same names): {float(base_mbs):.1f} MB/s ({base_found} keywords); paysage whole job / flashtext = {mbs/float(base_mbs):.1f}x')
"
done

# peak memory at 4x the French corpus
fr=../shared/corpus/fr.jsonl.gz
if [ -f "$fr" ]; then
  "$venv/bin/python" - "$fr" "$work/fr4.jsonl.gz" <<'PY'
import gzip, json, sys
with gzip.open(sys.argv[2], "wt", encoding="utf-8", compresslevel=1) as out:
    for k in range(4):
        for line in gzip.open(sys.argv[1], "rt", encoding="utf-8"):
            a = json.loads(line)
            a["id"] = f"{a['id']}#{k}"
            out.write(json.dumps(a, ensure_ascii=False) + "\n")
PY
  read -r secs rss < <(timed_run "$work/fr4.jsonl.gz")
  echo "4x fr: $(python3 -c "print(f'{$secs:.2f} s, peak RSS {$rss/1024:.0f} MiB')")"
fi

# lookup: a million names on stdin
"$venv/bin/python" - > "$work/names.txt" <<'PY'
import itertools
names = ["France", "les Etats-Unis", "Royaume Uni", "Allemagne", "Congo", "Nations unies", "FRA", "Corée du Sud", "la Chine", "xyz"]
print("\n".join(itertools.islice(itertools.cycle(names), 1_000_000)))
PY
/usr/bin/time -f "%e %M" "$bin" lookup --lang fr --to iso3 < "$work/names.txt" > /dev/null 2> "$work/lk.log"
read -r secs rss < <(tail -1 "$work/lk.log")
echo "lookup: 1,000,000 names in ${secs} s: $(python3 -c "print(f'{1e6/$secs:,.0f}')") names/s"
