---@brief
---
--- Casebook: coaches you while you write markdown case studies for Amazon PM interviews.
---
--- Diagnostics flag what an interviewer will push on (vague claims with no number, a missing
--- customer problem, no alternatives weighed…); hover over a sentence names the Leadership
--- Principles it shows; code actions insert templates such as a metric template.
---
--- Needs the `casebook` binary on `$PATH` (or set `cmd`). Per-rule severities and the portfolio's files
--- go in `casebook.toml` at the project root, or in `settings` (`portfolio = { exclude = { 'old/**' } }`):
---
--- ```lua
--- vim.lsp.config('casebook', {
---   settings = { casebook = { rules = { ['weak-verb'] = 'off', ['we-not-i'] = 'warning' } } },
--- })
--- vim.lsp.enable('casebook')
--- ```
---
--- Severities: "error", "warning", "info", "hint" or "off".

---@type vim.lsp.Config
return {
  cmd = { 'casebook', 'serve' },
  filetypes = { 'markdown' },
  root_markers = { 'casebook.toml', '.git' },
}
