#!/usr/bin/env bash
# The peer comparison of issue 6, in one command: ours (benches/peers/peer_workloads.rs) against
# networkx and rustworkx (graph queries) and pandas (ATOP tables), on the same input files.
# Answers are compared before any time is printed; a mismatch stops the run.
#
#   bash benches/peers/run.sh            # everything (about 5 minutes on 2 cores)
#   QUICK=1 bash benches/peers/run.sh    # the built-in and a 2,000-state dataset only
#
# Needs python3 (3.9+) with venv and a Rust toolchain; installs pandas, networkx and
# rustworkx with pip into target/peers-venv. ATOP's member file is read from ATOP_MEMBERS or
# ../shared/data/atop-5.1/atop5_1m.csv beside the checkout. Writes everything under
# target/peers/ and prints a Markdown table (also saved as target/peers/table.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/target/peers"
venv="$root/target/peers-venv"
peers="$root/benches/peers"
mkdir -p "$out"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check pandas networkx rustworkx pyarrow
py="$venv/bin/python"

atop_members="${ATOP_MEMBERS:-$root/../shared/data/atop-5.1/atop5_1m.csv}"
# Every side of every row runs, or the script fails: no silent skip.
if [ ! -f "$atop_members" ]; then
  echo "error: ATOP's member file is missing at $atop_members (set ATOP_MEMBERS)" >&2
  exit 1
fi
# Wall seconds of one whole process, and a list joined by commas for compare.py runs.
seconds() { local s; s=$(date +%s%N); "$@" > /dev/null 2>&1; "$py" -c "print(($(date +%s%N) - $s) / 1e9)"; }
join() { local IFS=,; echo "$*"; }
features="--features atop,synthetic"
cargo build --quiet --release $features --example peer_workloads
ours="$root/target/release/examples/peer_workloads"

# Datasets: the built-in one, and synthetic ones (seeded, so every run uses the same files).
# A file older than our program is made again: the generator or the writer may have changed.
fresh() { [ -f "$1" ] && [ "$1" -nt "$ours" ]; }
"$ours" builtin "$out/builtin.json"
fresh "$out/synthetic-2000.json" || "$ours" gen "$out/synthetic-2000.json" 2000 200 6000 20000 1
sets="builtin synthetic-2000"
if [ -z "${QUICK:-}" ]; then
  fresh "$out/synthetic-17576.json" || "$ours" gen "$out/synthetic-17576.json" 17576 5000 200000 100000 1
  fresh "$out/stances-1m.json" || "$ours" gen "$out/stances-1m.json" 2000 200 5000 1000000 7
  sets="$sets synthetic-17576"
fi

results=()
for set in $sets; do
  data="$out/$set.json"
  case "$set" in
    builtin) "$ours" queries "$data" 2024-10-01 200 1 "$out/$set.queries.json" ;;
    *) "$ours" queries "$data" 2000-06-15 1000 1 "$out/$set.queries.json" ;;
  esac
  echo "== $set: ours" >&2
  "$ours" graph "$data" "$out/$set.queries.json" "$out/$set.ours.json" > "$out/$set.ours.times.json"
  echo "== $set: networkx, rustworkx" >&2
  "$py" "$peers/graph_peers.py" "$data" "$out/$set.queries.json" "$out/$set.answers." > "$out/$set.peers.times.json"
  "$py" "$peers/compare.py" answers "$out/$set.ours.json" "$out/$set.answers.networkx.json" "$out/$set.answers.rustworkx.json"
  results+=("$set=$out/$set.ours.times.json,$out/$set.peers.times.json")
done

if true; then
  echo "== ATOP: ours, pandas" >&2
  "$ours" atop "$atop_members" "$out/atop-ours" > "$out/atop.ours.times.json"
  "$py" "$peers/atop_peer.py" "$atop_members" "$out/atop-pandas" > "$out/atop.peers.times.json"
  "$py" "$peers/compare.py" files "$out/atop-ours/state_year.csv" "$out/atop-pandas/state_year.csv"
  "$py" "$peers/compare.py" files "$out/atop-ours/dyad_year.csv" "$out/atop-pandas/dyad_year.csv"
  results+=("atop=$out/atop.ours.times.json,$out/atop.peers.times.json")

  # The same tables as whole processes, from the member file to the CSV file: ours (import,
  # validated graph, table), the single-purpose baseline (csv crate and sorted vectors, no
  # graph: the limit), and the vectorised pandas peer (interpreter and pandas import
  # included). Every output is compared byte for byte first.
  echo "== ATOP tables as whole processes: ours, the single-purpose baseline, pandas" >&2
  cargo build --quiet --release --features cli --bin alliance-graph
  cargo build --quiet --release --features atop --example atop_baseline
  bin="$root/target/release/alliance-graph"
  baseline="$root/target/release/examples/atop_baseline"
  published="$(dirname "$atop_members")/atop5_1sy.csv"
  "$bin" --atop "$atop_members" table state-year -o "$out/sy-ours.csv"
  "$baseline" state-year "$atop_members" "$out/sy-baseline.csv"
  "$py" "$peers/atop_tables_pandas.py" "$atop_members" "$out/sy-pandas.csv" 2> /dev/null
  "$bin" --atop "$atop_members" table dyad-year --directed -o "$out/dy-ours.csv"
  "$baseline" dyad-year "$atop_members" "$out/dy-baseline.csv"
  "$py" "$peers/atop_tables_pandas.py" "$atop_members" "$out/dy-pandas.csv" --dyad 2> /dev/null
  for f in sy-ours sy-baseline sy-pandas; do
    "$py" "$peers/compare.py" files "$published" "$out/$f.csv"
  done
  for f in dy-baseline dy-pandas; do
    "$py" "$peers/compare.py" files "$out/dy-ours.csv" "$out/$f.csv"
  done
  for table in state-year dyad-year; do
    flag=""; dyad=""
    [ "$table" = dyad-year ] && flag="--directed" && dyad="--dyad"
    t_ours=(); t_base=(); t_pandas=()
    for run in 1 2 3 4 5; do
      t_ours+=("$(seconds "$bin" --atop "$atop_members" table "$table" $flag -o "$out/t-ours.csv")")
      t_base+=("$(seconds "$baseline" "$table" "$atop_members" "$out/t-base.csv")")
      t_pandas+=("$(seconds "$py" "$peers/atop_tables_pandas.py" "$atop_members" "$out/t-pandas.csv" $dyad)")
    done
    "$py" "$peers/compare.py" runs "ATOP $table table (member file to CSV file)" \
      "ours (import, validated graph, table)=$(join "${t_ours[@]}")" \
      "single-purpose baseline (the limit)=$(join "${t_base[@]}")" \
      "pandas, vectorised (interpreter and import included)=$(join "${t_pandas[@]}")" | tee "$out/atop-$table.md"
  done
fi

if true; then
  # The FPSIM-style similarity table (issue 19): ours as one process from the member file,
  # the numpy peers from ATOP's directed dyad-years (our table dyad-year --directed, which
  # has atop5_1ddyr's row count) and COW's system2016.csv; answers compared to 1e-9 first.
  echo "== similarity table: ours, numpy + pandas, numpy + pyarrow" >&2
  system="${COW_SYSTEM:-$root/../shared/data/cow-state-system-2016/system2016.csv}"
  cargo build --quiet --release --features cli --bin alliance-graph
  bin="$root/target/release/alliance-graph"
  "$bin" --atop "$atop_members" table dyad-year --directed -o "$out/ddyr.csv"
  # Ours twice: redirected to the file as the peers write theirs, and with -o, which also
  # syncs the file to disk before renaming it into place (the tool's output policy).
  ours_t=(); synced_t=(); pandas_t=(); arrow_t=()
  for run in 1 2 3; do
    ours_t+=("$(seconds sh -c '"$0" --atop "$1" table similarity > "$2"' "$bin" "$atop_members" "$out/sim-ours.csv")")
    synced_t+=("$(seconds "$bin" --atop "$atop_members" table similarity -o "$out/sim-ours-o.csv")")
    pandas_t+=("$(seconds "$py" "$peers/similarity_peer.py" "$out/ddyr.csv" "$system" 1816 2018 "$out/sim-pandas.csv" pandas)")
    arrow_t+=("$(seconds "$py" "$peers/similarity_peer.py" "$out/ddyr.csv" "$system" 1816 2018 "$out/sim-arrow.csv" arrow)")
  done
  "$py" "$peers/compare.py" files "$out/sim-ours.csv" "$out/sim-ours-o.csv"
  "$py" "$peers/compare.py" close "$out/sim-ours.csv" "$out/sim-pandas.csv" "$out/sim-arrow.csv"
  "$py" "$peers/compare.py" runs "similarity table, 1816-2018" "ours (> file)=$(join "${ours_t[@]}")" "ours (-o file: synced, renamed)=$(join "${synced_t[@]}")" \
    "numpy + pandas to_csv=$(join "${pandas_t[@]}")" \
    "numpy + pyarrow write_csv=$(join "${arrow_t[@]}")" | tee "$out/similarity.md"

  # The network measures of every state-year, ours against networkx's own functions.
  echo "== network table: ours, networkx" >&2
  net_ours=(); net_nx=()
  for run in 1 2 3; do
    net_ours+=("$(seconds "$bin" --atop "$atop_members" table network -o "$out/net-ours.csv")")
    net_nx+=("$(seconds "$py" "$peers/network_peer.py" "$out/ddyr.csv" "$system" "$out/net-networkx.csv" $(seq 1816 2018))")
  done
  "$py" "$peers/compare.py" close "$out/net-ours.csv" "$out/net-networkx.csv"
  "$py" "$peers/compare.py" runs "network table, 1816-2018" "ours=$(join "${net_ours[@]}")" \
    "networkx=$(join "${net_nx[@]}")" | tee "$out/network.md"
fi

if [ -z "${QUICK:-}" ]; then
  echo "== 1,000,000 stances: load time and peak memory" >&2
  /usr/bin/time -v "$ours" load "$out/stances-1m.json" > "$out/load-1m.ours.json" 2> "$out/load-1m.ours.time.txt"
  /usr/bin/time -v "$py" -c "import json,sys,time; t=time.perf_counter(); d=json.load(open(sys.argv[1])); print(json.dumps({'load': time.perf_counter()-t, 'stances': len(d['stances'])}))" \
    "$out/stances-1m.json" > "$out/load-1m.python.json" 2> "$out/load-1m.python.time.txt"
  # Both sides read every stance: the counts must agree before the times mean anything.
  "$py" -c "import json,sys; a=json.load(open(sys.argv[1]))['stances']; b=json.load(open(sys.argv[2]))['stances']; sys.exit(0 if a == b == 1000000 else f'MISMATCH: stances read: ours {a}, python {b}')" \
    "$out/load-1m.ours.json" "$out/load-1m.python.json"
  results+=("load-1m=$out/load-1m.ours.json,$out/load-1m.ours.time.txt,$out/load-1m.python.json,$out/load-1m.python.time.txt")
fi

# Loading against parsing (issue 17): serde_json's typed parse of each file into the records
# (the limit) and our whole load from the same text in memory; the ratio is the target.
echo "== loading against serde_json's typed parse" >&2
parse_sets="$sets"
[ -z "${QUICK:-}" ] && parse_sets="$parse_sets stances-1m"
{
  echo "| dataset | serde_json typed parse | our load (parse, validate, index) | load / parse |"
  echo "|---|---:|---:|---:|"
  for set in $parse_sets; do
    "$ours" parse "$out/$set.json" | "$py" -c "import json,sys; r=json.load(sys.stdin); print(f\"| $set | {r['typed parse']*1e3:.2f} ms | {r['load']*1e3:.2f} ms | {r['load / parse']:.2f}× |\")"
  done
} | tee "$out/parse.md"

"$py" "$peers/compare.py" table "${results[@]}" | tee "$out/table.md"
