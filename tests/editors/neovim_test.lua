-- Drives Casebook through Neovim's own LSP client, configured from editors/neovim/lsp/casebook.lua
-- (which tests/editors/neovim.sh puts on the runtimepath).
--
-- Environment: CASEBOOK_BIN (the server binary), CASEBOOK_PROJECT (a folder holding casebook.toml and
-- draft.md), CASEBOOK_TIMEOUT_MS (per wait, default 20000).
--
-- Exits 0 when every check passed, 1 otherwise (with "FAIL: ..." on stderr).

local TIMEOUT = tonumber(os.getenv('CASEBOOK_TIMEOUT_MS') or '') or 20000
local VAGUE_SENTENCE = 'I improved performance significantly.'

local function out(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end

local function lsp_log_tail()
  local ok, path = pcall(vim.lsp.get_log_path)
  if not ok or not path then
    return
  end
  local f = io.open(path, 'r')
  if not f then
    return
  end
  local text = f:read('*a')
  f:close()
  if text == '' then
    return
  end
  io.stderr:write('--- tail of the Neovim LSP log (' .. path .. ') ---\n')
  io.stderr:write(text:sub(-4000) .. '\n')
end

local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  lsp_log_tail()
  io.stderr:flush()
  vim.cmd('cquit! 1')
end

local function check(cond, msg)
  if not cond then
    error({ casebook_failure = msg }, 0)
  end
end

local function text_of_hover(contents)
  -- MarkupContent | MarkedString | MarkedString[]
  if type(contents) == 'string' then
    return contents
  end
  if type(contents) == 'table' then
    if contents.value then
      return contents.value
    end
    local parts = {}
    for _, c in ipairs(contents) do
      parts[#parts + 1] = type(c) == 'string' and c or (c.value or '')
    end
    return table.concat(parts, '\n')
  end
  return ''
end

local function first_nonempty_line(text)
  for line in (text .. '\n'):gmatch('([^\n]*)\n') do
    if line:match('%S') then
      return line
    end
  end
  return ''
end

local function casebook_diagnostics(bufnr, code)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'casebook' and (code == nil or d.code == code) then
      found[#found + 1] = d
    end
  end
  return found
end

local function main()
  local bin = os.getenv('CASEBOOK_BIN')
  local project = os.getenv('CASEBOOK_PROJECT')
  check(bin and bin ~= '', 'CASEBOOK_BIN is not set')
  check(project and project ~= '', 'CASEBOOK_PROJECT is not set')
  check(vim.fn.has('nvim-0.11') == 1, 'Neovim 0.11 or newer is needed, got ' .. tostring(vim.version()))
  out('nvim ' .. tostring(vim.version()))

  -- 1. The config comes from editors/neovim/lsp/casebook.lua on the runtimepath.
  local files = vim.api.nvim_get_runtime_file('lsp/casebook.lua', true)
  check(#files >= 1, 'lsp/casebook.lua is not on the runtimepath (' .. vim.o.runtimepath .. ')')
  out('config file: ' .. files[1])
  local resolved = vim.lsp.config.casebook
  check(resolved ~= nil, 'vim.lsp.config.casebook did not resolve')
  check(vim.deep_equal(resolved.cmd, { 'casebook', 'serve' }),
    'lsp/casebook.lua cmd should be { "casebook", "serve" }, got ' .. vim.inspect(resolved.cmd))
  check(vim.deep_equal(resolved.filetypes, { 'markdown' }),
    'lsp/casebook.lua filetypes should be { "markdown" }, got ' .. vim.inspect(resolved.filetypes))
  check(vim.deep_equal(resolved.root_markers, { 'casebook.toml', '.git' }),
    'lsp/casebook.lua root_markers should be { "casebook.toml", ".git" }, got ' .. vim.inspect(resolved.root_markers))

  -- Only the binary's location is overridden, as a user whose casebook is not on PATH would.
  -- The settings make vague-claim an error while casebook.toml says warning: this checks that the
  -- `casebook` section reaches the server and overrides the file.
  vim.lsp.config('casebook', {
    cmd = { bin, 'serve' },
    settings = { casebook = { rules = { ['vague-claim'] = 'error' } } },
  })
  vim.lsp.enable('casebook')

  -- 2. Open the draft: the FileType autocmd starts the server and attaches it.
  local draft = project .. '/draft.md'
  vim.cmd.edit(vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == 'markdown', 'draft.md did not get filetype markdown (got "' .. vim.bo[bufnr].filetype .. '")')

  local client
  local attached = vim.wait(TIMEOUT, function()
    client = vim.lsp.get_clients({ bufnr = bufnr, name = 'casebook' })[1]
    return client ~= nil and client.initialized == true
  end, 50)
  check(attached, 'the casebook server did not start and attach to draft.md within ' .. TIMEOUT .. ' ms')
  out(('attached: client %d, root_dir %s, offset encoding %s'):format(client.id, tostring(client.root_dir), client.offset_encoding))
  check(vim.fs.normalize(client.root_dir or '') == vim.fs.normalize(vim.fn.resolve(project)) or
        vim.fs.normalize(client.root_dir or '') == vim.fs.normalize(project),
    'root_dir should be the folder with casebook.toml (' .. project .. '), got ' .. tostring(client.root_dir))

  -- 3. Diagnostics arrive (pushed or pulled, whichever the server chose), with a vague-claim on the sentence.
  local vague_line
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:find(VAGUE_SENTENCE, 1, true) then
      vague_line = i - 1
    end
  end
  check(vague_line ~= nil, 'fixture does not contain the sentence "' .. VAGUE_SENTENCE .. '"')

  local vague
  local got = vim.wait(TIMEOUT, function()
    for _, d in ipairs(casebook_diagnostics(bufnr, 'vague-claim')) do
      if d.lnum == vague_line then
        vague = d
        return true
      end
    end
    return false
  end, 50)
  if not got then
    local all = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      all[#all + 1] = ('%d:%d %s %s %s'):format(d.lnum + 1, d.col + 1, tostring(d.source), tostring(d.code), d.message)
    end
    check(false, ('no vague-claim diagnostic with source "casebook" on line %d within %d ms; diagnostics were:\n  %s')
      :format(vague_line + 1, TIMEOUT, #all > 0 and table.concat(all, '\n  ') or '(none)'))
  end
  out(('diagnostic: %d:%d [%s] %s'):format(vague.lnum + 1, vague.col + 1, vague.code, vague.message))
  check(vague.message ~= nil and vague.message:match('%S') ~= nil, 'the vague-claim diagnostic has an empty message')
  local all = casebook_diagnostics(bufnr)
  out(('%d casebook diagnostics in the draft'):format(#all))

  -- 3b. The settings section reached the server: vague-claim was configured as an error.
  local as_error = vim.wait(TIMEOUT, function()
    for _, d in ipairs(casebook_diagnostics(bufnr, 'vague-claim')) do
      if d.lnum == vague_line and d.severity == vim.diagnostic.severity.ERROR then
        return true
      end
    end
    return false
  end, 50)
  check(as_error, ('settings { casebook = { rules = { ["vague-claim"] = "error" } } } did not override '
    .. 'casebook.toml (vague-claim = "warning"): the diagnostic still has severity %s (1 = error) after %d ms'):format(
    tostring((casebook_diagnostics(bufnr, 'vague-claim')[1] or {}).severity), TIMEOUT))
  out('settings applied: vague-claim is reported as an error (overriding casebook.toml)')
  -- Re-read: the diagnostic object may have been replaced.
  for _, d in ipairs(casebook_diagnostics(bufnr, 'vague-claim')) do
    if d.lnum == vague_line then
      vague = d
    end
  end

  -- 4. Hover on the sentence: the first line names the principles it shows, or says it shows none.
  vim.api.nvim_win_set_cursor(0, { vague_line + 1, vague.col + 2 })
  local hover_params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local hover, herr = client:request_sync('textDocument/hover', hover_params, TIMEOUT, bufnr)
  check(hover ~= nil, 'hover request failed: ' .. tostring(herr))
  check(hover.err == nil, 'hover returned an error: ' .. vim.inspect(hover.err))
  check(hover.result ~= nil and hover.result ~= vim.NIL, 'hover returned no result over "' .. VAGUE_SENTENCE .. '"')
  local hover_text = text_of_hover(hover.result.contents)
  local first = first_nonempty_line(hover_text)
  local raw_first = (hover_text .. '\n'):match('([^\n]*)\n')
  check(raw_first:match('%S') ~= nil, 'the hover\'s first line is empty; hover was:\n' .. hover_text)
  check(first:find('Shows', 1, true) ~= nil, 'the hover\'s first line does not say what the sentence shows ("Shows..."): ' .. first)
  out('hover first line: ' .. first)

  -- 5. Code actions at the diagnostic: "Insert metric template", applied to the buffer.
  local lsp_diag = vague.user_data and vague.user_data.lsp
  check(lsp_diag ~= nil, 'the diagnostic carries no LSP payload (user_data.lsp)')
  local ca_params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag }, triggerKind = 1 },
  }
  local ca, caerr = client:request_sync('textDocument/codeAction', ca_params, TIMEOUT, bufnr)
  check(ca ~= nil, 'codeAction request failed: ' .. tostring(caerr))
  check(ca.err == nil, 'codeAction returned an error: ' .. vim.inspect(ca.err))
  local actions = (ca.result ~= vim.NIL and ca.result) or {}
  local titles, action = {}, nil
  for _, a in ipairs(actions) do
    titles[#titles + 1] = a.title
    if a.title == 'Insert metric template' then
      action = a
    end
  end
  check(action ~= nil, 'no "Insert metric template" code action at the vague-claim diagnostic; got: ' .. vim.inspect(titles))
  check(action.kind == nil or action.kind == 'quickfix' or vim.startswith(action.kind, 'quickfix.'),
    'the "Insert metric template" action should be a quickfix, got kind ' .. tostring(action.kind))
  if not action.edit then
    local provider = client.server_capabilities.codeActionProvider
    if type(provider) == 'table' and provider.resolveProvider then
      local resolved_action = client:request_sync('codeAction/resolve', action, TIMEOUT, bufnr)
      check(resolved_action and resolved_action.result, 'codeAction/resolve failed: ' .. vim.inspect(resolved_action))
      action = resolved_action.result
    end
  end
  check(action.edit ~= nil, 'the "Insert metric template" action has no WorkspaceEdit: ' .. vim.inspect(action))
  local before = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  check(not before:find('[baseline]', 1, true), 'the fixture already contains "[baseline]"')
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  local after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  check(after:find('[baseline]', 1, true) ~= nil, 'after applying the edit the buffer does not contain "[baseline]":\n' .. after)
  check(vim.api.nvim_get_current_buf() == bufnr, 'applying the edit switched buffers')
  for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:find('[baseline]', 1, true) then
      out('after the code action: ' .. line)
      break
    end
  end

  out('all neovim checks passed')
end

local ok, err = xpcall(main, function(e)
  if type(e) == 'table' and e.casebook_failure then
    return e.casebook_failure
  end
  return debug.traceback(tostring(e), 2)
end)
if not ok then
  fail(err)
else
  for _, c in ipairs(vim.lsp.get_clients({ name = 'casebook' })) do
    c:stop()
  end
  vim.wait(3000, function()
    return #vim.lsp.get_clients({ name = 'casebook' }) == 0
  end, 50)
  vim.cmd('qall!')
end
