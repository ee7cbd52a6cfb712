#!/usr/bin/env bash
# `casebook report` in a real browser: Debian's Chromium renders the page headless; the test reads the
# rendered DOM (--dump-dom) for the principle names, case-study titles and findings, and takes a
# screenshot (also printed to PDF, as a reader would print it).
#
#   CASEBOOK_BIN=target/debug/casebook bash tests/editors/report.sh
#
# Installs chromium with apt-get when /usr/bin/chromium is missing (run as root).
# CASEBOOK_EDITORS_ARTIFACTS (default $CASEBOOK_EDITORS_CACHE/artifacts/report) receives the page,
# the screenshot and the PDF.
set -euo pipefail

editor=report
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
artifacts="${CASEBOOK_EDITORS_ARTIFACTS:-$cache/artifacts/report}"
mkdir -p "$artifacts"

if [ ! -x /usr/bin/chromium ]; then
  log "apt-get install chromium"
  apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
    || die "apt-get install chromium failed"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/casebook-report.XXXXXX")"
trap 'rm -rf "$work"' EXIT
stories="$work/stories"
mkdir -p "$stories/more"
cat >"$stories/checkout.md" <<'MD'
# Faster checkout for mobile shoppers

Mobile shoppers abandoned 18% of carts at the payment step, which cost about $2M a year. I joined a dozen support calls to hear what was breaking for the customers. I weighed three options (a rewrite, a cache, or doing nothing) against the cost of each.

I partnered with the payments team and cut the payment step from 9 seconds to 2 seconds. Cart abandonment fell from 18% to 11%. I learned to measure the customer impact before picking a fix.
MD
cat >"$stories/more/audit.md" <<'MD'
# Keeping the audit log

I disagreed with my director about dropping the audit log, said so in the review, and then committed to her plan. The results were significantly better.
MD
cat >"$stories/README.md" <<'MD'
# Not a case study

This folder holds my stories.
MD

page="$work/report.html"
"$bin" report "$stories" -o "$page" 2>"$work/report.log" || { cat "$work/report.log" >&2; die "casebook report failed"; }
grep -q "wrote" "$work/report.log" || die "no confirmation line: $(cat "$work/report.log")"
grep -qiE '<(script|link)[ >]|src="http|href="http|@import|url\(' "$page" && die "the page loads something from outside"
cp "$page" "$artifacts/report.html"

chrome=(/usr/bin/chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile")
timeout 120 "${chrome[@]}" --dump-dom "file://$page" >"$work/dom.html" 2>"$work/chromium.log" \
  || { tail -n 20 "$work/chromium.log" >&2; die "chromium --dump-dom failed"; }
dom="$work/dom.html"
expect() { grep -qF -- "$1" "$dom" || die "not in the rendered page: $1"; }
expect 'id="heatmap"'
expect 'Customer Obsession'
expect 'Have Backbone; Disagree and Commit'
expect 'Success and Scale Bring Broad Responsibility'
expect 'Faster checkout for mobile shoppers'
expect 'Keeping the audit log'
expect 'portfolio-size'
expect 'vague-claim'
expect 'more/audit.md'
grep -qF 'Not a case study' "$dom" && die "README.md was counted as a case study"
rows="$(grep -o '<th class="principle" scope="row">' "$dom" | wc -l)"
[ "$rows" -eq 16 ] || die "the heatmap has $rows principle rows, not 16"
cards="$(grep -o '<article class="card">' "$dom" | wc -l)"
[ "$cards" -eq 2 ] || die "$cards scorecards, not 2"
log "DOM: 16 principles × 2 case studies, scorecards and findings rendered"

timeout 120 "${chrome[@]}" --window-size=1280,1600 --screenshot="$artifacts/report.png" "file://$page" \
  >>"$work/chromium.log" 2>&1 || die "chromium --screenshot failed"
[ -s "$artifacts/report.png" ] || die "no screenshot"
timeout 120 "${chrome[@]}" --print-to-pdf="$artifacts/report.pdf" --no-pdf-header-footer "file://$page" \
  >>"$work/chromium.log" 2>&1 || die "chromium --print-to-pdf failed"
[ -s "$artifacts/report.pdf" ] || die "no PDF"
log "screenshot and PDF in $artifacts"
