#!/usr/bin/env bash
# The real VS Code workbench (code-server 4.100.x from npm, which bundles VS Code 1.100 and runs on
# Node 20) with the Casebook .vsix installed, driven by Debian's Chromium through playwright-core:
# open a draft, see the squiggle, the Problems entry, the hover and the quick fix.
#
#   CASEBOOK_BIN=target/debug/casebook bash tests/editors/vscode.sh
#
# Env: CASEBOOK_BIN (required); CASEBOOK_EDITORS_CACHE (default /tmp/casebook-editors-cache) holds
# code-server, the npm cache and the driver, so a second run installs nothing;
# CASEBOOK_EDITORS_ARTIFACTS (default $CASEBOOK_EDITORS_CACHE/artifacts/vscode) receives screenshots and logs.
# Installs with apt-get (chromium, ripgrep, libkrb5-dev, a C++ toolchain) when they are missing: run as root.
set -euo pipefail

editor=vscode
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
artifacts="${CASEBOOK_EDITORS_ARTIFACTS:-$cache/artifacts/vscode}"
CODE_SERVER_VERSION="4.100.3"
command -v node >/dev/null || die "node (20.x) is needed"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || die "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)"

mkdir -p "$cache" "$artifacts"
# Every code-server invocation reads this config (written below) instead of creating ~/.config/code-server.
export CODE_SERVER_CONFIG
export npm_config_cache="$cache/npm"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export CI="${CI:-true}"

# ---- processes we start; everything is killed on every exit path ---------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/casebook-vscode.XXXXXX")"
CODE_SERVER_CONFIG="$work/config.yaml"
printf 'auth: none\ncert: false\n' >"$CODE_SERVER_CONFIG"
server_pid=""
driver_pid=""

descendants() { # all descendants of $1, deepest last
  local kids k
  kids="$(ps -o pid= --ppid "$1" 2>/dev/null || true)"
  for k in $kids; do
    echo "$k"
    descendants "$k"
  done
}

kill_tree() { # TERM then KILL a process, its process group (it was started with setsid) and descendants
  local root="$1" pids
  [ -n "$root" ] || return 0
  kill -0 "$root" 2>/dev/null || return 0
  pids="$root $(descendants "$root" | tr '\n' ' ')"
  kill -TERM -- "-$root" 2>/dev/null || true
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$root" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$root" 2>/dev/null || true
  # shellcheck disable=SC2086
  kill -KILL $pids 2>/dev/null || true
}

kill_profile_browsers() { # a Chromium that outlived the driver: found by our unique profile dir
  local pid
  for pid in $(ps -eo pid= 2>/dev/null); do
    if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "--user-data-dir=$work/chromium-profile"; then
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
}

cleanup() {
  local rc=$?
  kill_tree "$driver_pid"
  kill_profile_browsers
  kill_tree "$server_pid"
  if [ -f "$work/code-server.log" ]; then cp "$work/code-server.log" "$artifacts/" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- system packages ---------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/rg ] || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null || need_apt+=(g++ make)
command -v python3 >/dev/null || need_apt+=(python3)
if [ "${#need_apt[@]}" -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  [ "$(id -u)" = 0 ] || die "installing ${need_apt[*]} needs root"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; die "apt-get update failed"; }
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >>"$work/apt.log" 2>&1 \
    || { tail -n 30 "$work/apt.log" >&2; die "apt-get install ${need_apt[*]} failed"; }
fi

# ---- code-server (npm), built offline ----------------------------------------------------------
cs_dir="$cache/code-server-$CODE_SERVER_VERSION"
cs_pkg="$cs_dir/node_modules/code-server"
cs_entry="$cs_pkg/out/node/entry.js"
if [ ! -f "$cs_dir/.casebook-installed" ]; then
  log "installing code-server $CODE_SERVER_VERSION into $cs_dir (first run: a few minutes)"
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  printf '{ "name": "casebook-code-server", "private": true }\n' >"$cs_dir/package.json"
  ( cd "$cs_dir" && npm install --no-save --ignore-scripts "code-server@$CODE_SERVER_VERSION" ) >"$work/cs-install.log" 2>&1 \
    || { tail -n 40 "$work/cs-install.log" >&2; die "npm install code-server failed"; }

  # @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here. It first looks
  # in $TMPDIR/vscode-ripgrep-cache-<version>/, so that cache is seeded with Debian's rg.
  rg_version="$(node -e '
    const s = require(process.argv[1]);
    const p = s.packages["node_modules/@vscode/ripgrep"];
    if (!p) process.exit(1);
    console.log(p.version);' "$cs_pkg/lib/vscode/npm-shrinkwrap.json")" || die "cannot read the @vscode/ripgrep version"
  rg_pack="$work/rg-pack"
  mkdir -p "$rg_pack"
  ( cd "$rg_pack" && npm pack --silent "@vscode/ripgrep@$rg_version" >/dev/null && tar xzf ./*.tgz ) \
    || die "npm pack @vscode/ripgrep@$rg_version failed"
  rg_asset_version="$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$rg_pack/package/lib/postinstall.js")"
  [ -n "$rg_asset_version" ] || die "cannot find the ripgrep asset version in @vscode/ripgrep $rg_version"
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) die "unsupported machine $(uname -m)" ;;
  esac
  seed_tmp="$cs_dir/tmp"
  mkdir -p "$seed_tmp/vscode-ripgrep-cache-$rg_version" "$work/rg-seed"
  cp /usr/bin/rg "$work/rg-seed/rg"
  tar czf "$seed_tmp/vscode-ripgrep-cache-$rg_version/ripgrep-$rg_asset_version-$rg_target.tar.gz" -C "$work/rg-seed" rg

  # Run every install script now: code-server's postinstall installs VS Code's own dependencies
  # (native modules built from source against Node's headers; kerberos needs libkrb5-dev).
  nodedir=""
  [ -f /usr/include/node/node.h ] && nodedir=/usr
  log "building code-server's native modules"
  ( cd "$cs_dir" && env TMPDIR="$seed_tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      ${nodedir:+npm_config_nodedir=$nodedir} npm rebuild --foreground-scripts ) >"$work/cs-rebuild.log" 2>&1 \
    || { tail -n 60 "$work/cs-rebuild.log" >&2; cp "$work/cs-rebuild.log" "$artifacts/"; die "building code-server failed (log in $artifacts/cs-rebuild.log)"; }
  [ -x "$cs_pkg/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] || die "code-server's ripgrep is missing after the build"
  [ -f "$cs_pkg/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] || die "node-pty was not built"
  touch "$cs_dir/.casebook-installed"
fi
cs_version="$(node "$cs_entry" --version 2>/dev/null | head -n1)" || die "code-server does not run: node $cs_entry --version"
log "code-server: $cs_version"

# ---- playwright-core (no browser download: Debian's chromium is used) ---------------------------
driver_dir="$cache/driver"
if ! cmp -s "$here/driver/package-lock.json" "$driver_dir/package-lock.json" || [ ! -d "$driver_dir/node_modules/playwright-core" ]; then
  log "installing playwright-core into $driver_dir"
  rm -rf "$driver_dir"
  mkdir -p "$driver_dir"
  cp "$here/driver/package.json" "$here/driver/package-lock.json" "$driver_dir/"
  ( cd "$driver_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts ) >"$work/driver.log" 2>&1 \
    || { tail -n 30 "$work/driver.log" >&2; die "npm ci for playwright-core failed"; }
fi

# ---- the extension ----------------------------------------------------------------------------
log "building the .vsix (npm ci && npm run package)"
vsix="$work/casebook.vsix"
( cd "$repo/editors/vscode" && npm ci --no-audit --no-fund && npm run package -- --out "$vsix" ) \
  >"$work/vsix.log" 2>&1 || { tail -n 40 "$work/vsix.log" >&2; die "building the .vsix failed"; }
[ -s "$vsix" ] || die "npm run package did not write $vsix"

# ---- code-server: isolated data, extensions and config; loopback only --------------------------
data="$work/data"
exts="$work/extensions"
project="$work/project"
mkdir -p "$data/User" "$exts" "$project"
cp "$here/fixtures/draft.md" "$project/draft.md"
printf '# Written by tests/editors/vscode.sh\n[rules]\nvague-claim = "warning"\n' >"$project/casebook.toml"

node "$cs_entry" --user-data-dir "$data" --extensions-dir "$exts" --install-extension "$vsix" --force \
  >"$work/install-ext.log" 2>&1 || { cat "$work/install-ext.log" >&2; die "code-server --install-extension failed"; }
node "$cs_entry" --user-data-dir "$data" --extensions-dir "$exts" --list-extensions --show-versions 2>/dev/null \
  | grep -q '^casebook\.casebook@' || { cat "$work/install-ext.log" >&2; die "the extension is not listed after --install-extension"; }
log "installed $(node "$cs_entry" --user-data-dir "$data" --extensions-dir "$exts" --list-extensions --show-versions 2>/dev/null | grep casebook)"

node -e '
const fs = require("fs");
const [file, bin] = process.argv.slice(1);
fs.writeFileSync(file, JSON.stringify({
  "casebook.server.path": bin,
  // casebook.toml says warning; the test expects an error: the casebook.rules setting reaches the
  // server and overrides the file.
  "casebook.rules": { "vague-claim": "error" },
  "casebook.trace.server": "messages",
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "chat.commandCenter.enabled": false,
  "editor.hover.delay": 200,
  "editor.minimap.enabled": false,
  "files.autoSave": "off"
}, null, 2));' "$data/User/settings.json" "$bin"

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
cat >"$work/config.yaml" <<YAML
bind-addr: 127.0.0.1:$port
auth: none
cert: false
disable-telemetry: true
disable-update-check: true
disable-workspace-trust: true
disable-getting-started-override: true
YAML

log "starting code-server on 127.0.0.1:$port"
setsid node "$cs_entry" --config "$work/config.yaml" --user-data-dir "$data" --extensions-dir "$exts" \
  --disable-workspace-trust --ignore-last-opened "$project" </dev/null >"$work/code-server.log" 2>&1 &
server_pid=$!

ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/code-server.log" >&2
    die "code-server exited during startup"
  fi
  if node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "http://127.0.0.1:$port/healthz" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.5
done
[ -n "$ready" ] || { tail -n 40 "$work/code-server.log" >&2; die "code-server did not answer on 127.0.0.1:$port within 60 s"; }
log "code-server is up"

# ---- drive the workbench ----------------------------------------------------------------------
start=$(date +%s)
set +e
CASEBOOK_URL="http://127.0.0.1:$port/?folder=$project" \
CASEBOOK_PROJECT="$project" \
CASEBOOK_DRIVER_DIR="$driver_dir" \
CASEBOOK_ARTIFACTS="$artifacts" \
CASEBOOK_PROFILE="$work/chromium-profile" \
XDG_CONFIG_HOME="$work/xdg-config" XDG_CACHE_HOME="$work/xdg-cache" \
  setsid timeout --kill-after=10 300 node "$here/vscode_test.mjs" </dev/null &
driver_pid=$!
wait "$driver_pid"
rc=$?
driver_pid=""
set -e
log "the browser checks took $(( $(date +%s) - start ))s"
if [ "$rc" -ne 0 ]; then
  log "code-server log (tail):"
  tail -n 30 "$work/code-server.log" | sed 's/^/    /'
  for f in "$data"/logs/*/exthost*/output_logging_*/*Casebook*.log "$data"/logs/*/exthost*/exthost.log; do
    [ -f "$f" ] || continue
    log "$(basename "$f") (tail):"
    tail -n 30 "$f" | sed 's/^/    /'
    cp "$f" "$artifacts/" 2>/dev/null || true
  done
  [ "$rc" -eq 124 ] && die "the browser checks did not finish within 300 s"
  die "the VS Code checks failed (exit $rc); screenshots in $artifacts"
fi
# The Casebook output channel (written by the extension) shows the start and the restart.
channel="$(ls "$data"/logs/*/exthost*/output_logging_*/*Casebook*.log 2>/dev/null | head -n1)"
[ -n "$channel" ] || die "no Casebook output channel log under $data/logs"
cp "$channel" "$artifacts/casebook-output.log" 2>/dev/null || true
grep -q 'restarting the server' "$channel" || die "the Casebook output channel does not show the restart ($channel)"
starts="$(grep -c "starting $bin serve" "$channel" || true)"
[ "$starts" -ge 2 ] || die "the Casebook output channel shows $starts server start(s), expected 2 (start + restart)"
sed -n '/restarting the server/,$p' "$channel" \
  | grep -Eq "Received (response 'textDocument/diagnostic|notification 'textDocument/publishDiagnostics')" \
  || die "after the restart the output channel shows no diagnostics from the new server ($channel)"
log "output channel: $starts server starts; the restarted server answered with diagnostics"
log "PASS"
