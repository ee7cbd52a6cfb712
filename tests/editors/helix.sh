#!/usr/bin/env bash
# Helix cannot be installed from the registries CI reaches, so this checks editors/helix/languages.toml
# statically: it parses as TOML, runs `casebook serve` for markdown and keeps Helix's default markdown
# servers. The TOML snippets in the Helix README are parsed too. If `hx` happens to be on PATH, the file
# is also loaded by Helix itself (`hx --health markdown`).
#
#   bash tests/editors/helix.sh          (CASEBOOK_BIN is not needed)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

python3 - "$repo" <<'PY'
import re, sys, tomllib
from pathlib import Path

repo = Path(sys.argv[1])
failures = []

def check(cond, msg):
    if not cond:
        failures.append(msg)
    return cond

path = repo / "editors/helix/languages.toml"
try:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    print(f"[helix] FAIL: {path} does not parse as TOML: {e}", file=sys.stderr)
    sys.exit(1)

server = doc.get("language-server", {}).get("casebook")
if check(isinstance(server, dict), "no [language-server.casebook] table"):
    check(server.get("command") == "casebook", f"language-server.casebook.command should be \"casebook\", got {server.get('command')!r}")
    check(server.get("args") == ["serve"], f"language-server.casebook.args should be [\"serve\"], got {server.get('args')!r}")
    cfg = server.get("config")
    if cfg is not None:
        # Helix answers workspace/configuration for section "casebook" with config["casebook"].
        check(isinstance(cfg.get("casebook"), dict), "language-server.casebook.config must nest the settings under `casebook`")

langs = [l for l in doc.get("language", []) if l.get("name") == "markdown"]
if check(len(langs) == 1, f"expected exactly one [[language]] entry named markdown, found {len(langs)}"):
    servers = [s if isinstance(s, str) else s.get("name") for s in langs[0].get("language-servers", [])]
    check("casebook" in servers, f"markdown's language-servers should include casebook: {servers}")
    # Helix's own default list for markdown (helix-editor/helix languages.toml) starts with these two.
    for default in ("marksman", "markdown-oxide"):
        check(default in servers, f"markdown's language-servers should keep Helix's default {default!r}: {servers}")
    check(len(servers) == len(set(servers)), f"duplicate language servers: {servers}")
    extra = set(langs[0]) - {"name", "language-servers"}
    check(not extra, f"the markdown entry should only set language-servers (would override Helix defaults): {sorted(extra)}")

# Every ```toml block of the Helix docs parses, and rule settings use the `config.casebook` nesting.
for doc_path in (repo / "editors/helix/README.md", repo / "editors/README.md"):
    if not doc_path.exists():
        check(False, f"missing {doc_path}")
        continue
    text = doc_path.read_text(encoding="utf-8")
    for i, block in enumerate(re.findall(r"```toml\n(.*?)```", text, re.S), 1):
        try:
            parsed = tomllib.loads(block)
        except Exception as e:  # noqa: BLE001
            check(False, f"{doc_path.name}: toml block {i} does not parse: {e}")
            continue
        cfg = parsed.get("language-server", {}).get("casebook", {}).get("config")
        if cfg is not None:
            check("casebook" in cfg, f"{doc_path.name}: toml block {i} sets config without the `casebook` section")

# The commented-out settings example in languages.toml is valid once uncommented.
commented = "\n".join(l[2:] for l in path.read_text().splitlines() if l.startswith("# [") or re.match(r"# [a-z-]+ = ", l))
try:
    tomllib.loads(commented)
except Exception as e:  # noqa: BLE001
    check(False, f"the commented settings example does not parse when uncommented: {e}")

if failures:
    for f in failures:
        print(f"[helix] FAIL: {f}", file=sys.stderr)
    sys.exit(1)
print(f"[helix] {path.relative_to(repo)}: casebook serve for markdown, alongside {', '.join(s for s in servers if s != 'casebook')}")
PY

if command -v hx >/dev/null 2>&1; then
  cfg="$(mktemp -d)"
  trap 'rm -rf "$cfg"' EXIT
  mkdir -p "$cfg/helix"
  cp "$repo/editors/helix/languages.toml" "$cfg/helix/languages.toml"
  out="$(XDG_CONFIG_HOME="$cfg" hx --health markdown 2>&1 || true)"
  printf '%s\n' "$out" | sed 's/^/[helix] hx: /'
  printf '%s\n' "$out" | grep -q casebook || { echo "[helix] FAIL: hx --health markdown does not list casebook" >&2; exit 1; }
else
  echo "[helix] hx is not installed; checked the file statically only"
fi
echo "[helix] PASS"
