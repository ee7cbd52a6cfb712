#!/usr/bin/env bash
# `casebook check --format sarif` validated against the official SARIF 2.1.0 JSON schema (shipped in npm's
# @microsoft/jest-sarif) with Ajv, so code-scanning services accept it.
#
#   CASEBOOK_BIN=target/release/casebook bash tests/editors/sarif.sh
set -euo pipefail
editor=sarif
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

tools="$cache/sarif-tools"
if [ ! -f "$tools/node_modules/ajv-draft-04/package.json" ] || [ ! -f "$tools/node_modules/@microsoft/jest-sarif/package.json" ]; then
  log "installing ajv and the SARIF schema into $tools"
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --ignore-scripts --silent \
    ajv@8.17.1 ajv-draft-04@1.0.0 ajv-formats@3.0.1 @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null) || die "npm install failed"
fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
(cd "$repo" && "$bin" check examples/ --format sarif --fail-on never > "$out") || die "casebook check failed"
NODE_PATH="$tools/node_modules" node "$here/sarif/validate.mjs" \
  "$tools/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json" "$out" || die "SARIF does not validate"
log PASS
