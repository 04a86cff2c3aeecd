#!/usr/bin/env bash
# Renders the example plan to HTML in both languages and takes headless
# Chromium screenshots of the team, seller and review reports. Fails when a
# page logs anything to the console (our reports run no JavaScript and load
# nothing) or when a screenshot is blank. The PNGs stay in the output folder.
#
#   scripts/screenshots.sh [OUT]   (default target/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
bin=${SALGSMAL:-target/debug/salgsmal}
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "chromium is not installed (apt-get install chromium)" >&2
  exit 1
fi
[ -x "$bin" ] || cargo build --quiet
mkdir -p "$out"
out=$(cd "$out" && pwd)
shot() { # html png height
  local profile log
  profile=$(mktemp -d)
  log="${2%.png}.log"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="1200,$3" \
    --enable-logging=stderr --v=0 --screenshot="$2" "file://$1" 2>"$log" || { cat "$log" >&2; exit 1; }
  rm -rf "$profile"
  if grep -E ':CONSOLE[:(]' "$log" >&2; then
    echo "$1 logged to the browser console" >&2
    exit 1
  fi
  python3 scripts/not_blank.py "$2"
}
for locale in nb en; do
  "$bin" -q render examples/salg-vest --format html --locale "$locale" --out "$out/html-$locale"
  shot "$out/html-$locale/team-salg-vest.html" "$out/team.$locale.png" 3400
  shot "$out/html-$locale/seller-kari.html" "$out/seller.$locale.png" 2000
  shot "$out/html-$locale/review-salg-vest.html" "$out/review.$locale.png" 1600
done
echo "screenshots in $out"
