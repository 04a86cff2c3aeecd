#!/usr/bin/env bash
# Renders the example plan to HTML in both languages (without its actuals,
# and its review with its two quarters of actuals) and takes headless Chromium screenshots of the
# team, seller and review reports. Fails when a page logs anything to the
# console (our reports run no JavaScript and load nothing), when a
# screenshot is blank, or when a report does not fit A4: wider than A4's
# printable width (190 mm, 718 px) on screen or with its print rules, or
# printed to PDF on other pages than A4. The PNGs and PDFs stay in the
# output folder.
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
a4_width=718
fits_a4() { # html pdf
  local profile result
  profile=$(mktemp -d)
  result=$(timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --allow-file-access-from-files \
    --virtual-time-budget=10000 --dump-dom \
    "file://$PWD/scripts/fits-a4.html?report=file://$1" 2>/dev/null | grep -o 'viewport=[0-9][^<]*' || true)
  if ! [[ "$result" =~ ^viewport=([0-9]+)\ screen=([0-9]+).*\ print=([0-9]+) ]]; then
    echo "$1: could not measure its width (${result:-no result})" >&2
    exit 1
  fi
  if [ "${BASH_REMATCH[1]}" -ne "$a4_width" ] || [ "${BASH_REMATCH[2]}" -gt "$a4_width" ] || [ "${BASH_REMATCH[3]}" -gt "$a4_width" ]; then
    echo "$1 does not fit A4's width of $a4_width px: $result" >&2
    exit 1
  fi
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" 2>/dev/null
  rm -rf "$profile"
  # Every page A4: 595 × 842 points.
  python3 - "$2" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
boxes = re.findall(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data)
sizes = {(round(float(x1) - float(x0)), round(float(y1) - float(y0))) for x0, y0, x1, y1 in boxes}
if not boxes or not all(abs(w - 595) <= 2 and abs(h - 842) <= 2 for w, h in sizes):
    sys.exit(f"{sys.argv[1]}: pages are not A4: {sorted(sizes)}")
PY
}
# The example has two quarters of actuals; its review before them is
# rendered from a copy without its actuals folder.
plan=$(mktemp -d)
trap 'rm -rf "$plan"' EXIT
cp -r examples/salg-vest/. "$plan"
rm -rf "$plan/actuals"
for locale in nb en; do
  "$bin" -q render "$plan" --format html --locale "$locale" --out "$out/html-$locale"
  "$bin" -q render examples/salg-vest --report review --format html --locale "$locale" --out "$out/html-actuals-$locale"
  shot "$out/html-$locale/team-salg-vest.html" "$out/team.$locale.png" 3400
  shot "$out/html-$locale/seller-kari.html" "$out/seller.$locale.png" 2000
  shot "$out/html-$locale/review-salg-vest.html" "$out/review.$locale.png" 1600
  shot "$out/html-actuals-$locale/review-salg-vest.html" "$out/review-actuals.$locale.png" 3000
  for report in team-salg-vest seller-kari review-salg-vest; do
    fits_a4 "$out/html-$locale/$report.html" "$out/$report.$locale.pdf"
  done
  fits_a4 "$out/html-actuals-$locale/review-salg-vest.html" "$out/review-actuals.$locale.pdf"
done
echo "reports fit A4 ($a4_width px wide)"
echo "screenshots in $out"
