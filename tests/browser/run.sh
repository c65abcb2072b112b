#!/usr/bin/env bash
# Browser tests of the world map and the interactive page, in the distribution's Chromium,
# and of the SVG pictures rendered by rsvg-convert. Run by .ci/run; by hand:
#   bash tests/browser/run.sh
# Installs Debian's chromium and librsvg2-bin when missing (as root), and playwright-core
# (the driver only: it never downloads a browser) from the lock file.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"

need() { command -v "$1" > /dev/null || { echo "installing $2"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" > /dev/null; }; }
if ! command -v chromium > /dev/null || ! command -v rsvg-convert > /dev/null; then
  apt-get update -q > /dev/null
fi
need chromium chromium
need rsvg-convert librsvg2-bin

(cd "$here" && npm ci --no-audit --no-fund --silent)

cargo build --quiet --release --features cli --manifest-path "$root/Cargo.toml"
bin="$root/target/release/alliance-graph"
rm -rf "$out" && mkdir -p "$out"

# What the tests open: maps on the dates they check, a focused network, the page.
"$bin" --as-of 2026-11-30 export --format map --actor USA -o "$out/map-usa-today.svg"
"$bin" --as-of 1980-12-31 export --format map --blocs -o "$out/map-blocs-1980.svg"
for year in 1955 1980 2024; do
  "$bin" --as-of "$year-12-31" export --format map --actor USA -o "$out/map-usa-$year.svg"
  "$bin" --as-of "$year-12-31" --json allies USA > "$out/allies-usa-$year.json"
done
"$bin" --as-of 2024-12-31 what-if form asian-nato --members AUS,GBR,IND,JPN,USA \
  export --format map --actor Japan -o "$out/map-asian-nato-formed.svg"
"$bin" --as-of 2024-12-31 export --format svg --around Japan --depth 2 --strength defense -o "$out/network-japan-2.svg"
"$bin" --data builtin:asian-nato --as-of 2024-12-31 export --format svg -o "$out/asian-nato.svg"
"$bin" export --format html -o "$out/page.html"
for svg in "$out"/*.svg; do
  rsvg-convert -w 1000 "$svg" -o "${svg%.svg}.rsvg.png"
done

cd "$here" && OUT="$out" node --test --test-reporter=spec
