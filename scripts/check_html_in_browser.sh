#!/usr/bin/env bash
# Open an HTML summary in real headless Chromium: screenshot it and print it to PDF (A4 and Letter),
# then turn the PDF pages into PNGs to look at. Also checks that the page made no network request.
#
# Usage: scripts/check_html_in_browser.sh [SUMMARY.html|""] [OUT_DIR]
#   With no file (or ""), exports the demo journal's summary first, with a day of hostile text and a
#   red flag added, into a throwaway journal.
# Needs Debian's chromium and poppler-utils:  apt-get install -y chromium poppler-utils
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="${2:-$(mktemp -d /tmp/spinejournal-html-XXXXXX)}"
mkdir -p "$out"
python="$here/.venv/bin/python"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
    echo "chromium not found: apt-get install -y chromium poppler-utils" >&2
    exit 2
fi

if [[ -n "${1:-}" ]]; then
    page="$(realpath "$1")"
else
    page="$out/summary.html"
    journal="$out/demo-journal.json"
    # A throwaway journal: the demo plus a day of hostile text and a red flag, never the real one.
    SPINEJOURNAL_JOURNAL="$journal" "$python" - <<'EOF'
import os
from pathlib import Path

from spinejournal import clock
from spinejournal.demo import write_demo
from spinejournal.store import Journal

path = Path(os.environ["SPINEJOURNAL_JOURNAL"])
write_demo(path)
journal = Journal(path)
today = clock.today()
journal.update_day(today, lambda d: d.with_changes(
    notes='<script>alert(1)</script> [bold]x[/] =HYPERLINK("http://x") \x1b[31mred\x1b[0m "quoted" 🔥\nsecond line',
    questions="Is <b>this</b> & [that] normal?",
    red_flags=("night_pain",),
))
EOF
    SPINEJOURNAL_JOURNAL="$journal" "$here/.venv/bin/spinejournal" export --format html -o "$page"
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --no-first-run --no-default-browser-check --user-data-dir="$profile" --hide-scrollbars)

"$browser" "${flags[@]}" --window-size=900,1300 --screenshot="$out/screen.png" "file://$page" 2>"$out/chromium.log"
# Print on both paper sizes: a copy of the page with the paper size forced (the page itself leaves it
# to the printer, so it prints on whatever the clinic uses).
for size in A4 letter; do
    sed "s|@page {|@page { size: $size;|" "$page" >"$out/page-$size.html"
    "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/print-$size.pdf" \
        "file://$out/page-$size.html" 2>>"$out/chromium.log"
done

for pdf in "$out"/print*.pdf; do
    name="$(basename "$pdf" .pdf)"
    pdftoppm -r 60 -png "$pdf" "$out/$name-page"
    echo "$name: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') page(s), $(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')"
done
# Self-contained: nothing that could load a file or reach the network, and no user text as code.
if grep -Eiq '<script|src=|href=|url\(|@import' "$page"; then
    echo "FAIL: $page has a script, an external reference or unescaped markup" >&2
    exit 1
fi
echo "Screenshot: $out/screen.png  PDF pages: $out/print*-page-*.png"
