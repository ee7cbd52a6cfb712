#!/usr/bin/env bash
# Runs the editor tests (Neovim, VS Code, Helix) and the HTML report in Chromium, and ends with the line "N passed, M failed".
#
#   CASEBOOK_BIN=target/release/casebook bash tests/editors/run-all.sh [neovim|vscode|helix ...]
#
# CASEBOOK_BIN defaults to target/release/casebook, then target/debug/casebook. Each test installs
# what it needs into CASEBOOK_EDITORS_CACHE (default /tmp/casebook-editors-cache).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [ -z "${CASEBOOK_BIN:-}" ]; then
  for candidate in "$repo/target/release/casebook" "$repo/target/debug/casebook"; do
    if [ -x "$candidate" ]; then CASEBOOK_BIN="$candidate"; break; fi
  done
fi
export CASEBOOK_BIN="${CASEBOOK_BIN:-}"

tests=("$@")
[ "${#tests[@]}" -gt 0 ] || tests=(neovim vscode helix report sarif)

passed=0
failed=0
failed_names=()
for name in "${tests[@]}"; do
  script="$here/$name.sh"
  echo "=== $name ==="
  start=$(date +%s)
  if [ ! -f "$script" ]; then
    echo "no such test: $script"
    rc=2
  elif [ "$name" != helix ] && [ ! -x "$CASEBOOK_BIN" ]; then
    echo "CASEBOOK_BIN is not set and no target/{release,debug}/casebook exists: build the server first"
    rc=2
  else
    bash "$script"
    rc=$?
  fi
  secs=$(( $(date +%s) - start ))
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    echo "=== $name: PASS (${secs}s) ==="
  else
    failed=$((failed + 1))
    failed_names+=("$name")
    echo "=== $name: FAIL, exit $rc (${secs}s) ==="
  fi
done

[ "$failed" -eq 0 ] || echo "failed: ${failed_names[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
