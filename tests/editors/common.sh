# Shared by the real-editor tests: paths, logging, and the casebook binary under test.
# Source it after setting `editor` (the log prefix):  editor=neovim; . "$(dirname "$0")/common.sh"

here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${CASEBOOK_EDITORS_CACHE:-/tmp/casebook-editors-cache}"

log() { printf '[%s] %s\n' "$editor" "$*"; }
die() { printf '[%s] FAIL: %s\n' "$editor" "$*" >&2; exit 1; }

[ -n "${CASEBOOK_BIN:-}" ] || die "set CASEBOOK_BIN to the casebook binary"
bin="$(cd "$(dirname "$CASEBOOK_BIN")" && pwd)/$(basename "$CASEBOOK_BIN")"
[ -x "$bin" ] || die "CASEBOOK_BIN=$CASEBOOK_BIN is not an executable file"
