-- Headless Neovim as a real LSP client of the Territory language server.
--
--   nvim --headless --clean -i NONE -n -u test/e2e/neovim-check.lua path/to/file.territory
--
-- Attaches the server to the opened buffer (root_dir = the file's folder, so the server
-- loads every .territory file of that folder as one model), waits for its diagnostics,
-- sends hover / definition / completion requests and writes one JSON object per line:
--   {"type":"diagnostics","items":[...]}   {"type":"hover","result":...}
--   {"type":"definition","result":...}     {"type":"completion","result":...}
--   {"type":"timing",...}                  {"type":"error","message":"..."}
-- then quits with `qa!` (exit 0), or with `cq 1` on a timeout or a server that died.
--
-- Environment (positions are 0-based "line:character", LSP/UTF-16 columns):
--   TERRITORY_SERVER_CMD   JSON array, the server command (default: node out/server.cjs --stdio,
--                          with out/ found next to this script's repository)
--   TERRITORY_HOVER        position of a hover request (optional)
--   TERRITORY_DEFINITION   position of a textDocument/definition request (optional)
--   TERRITORY_COMPLETION   position of a textDocument/completion request (optional)
--   TERRITORY_EXPECT       wait until a diagnostic message contains this text
--                          (default: wait for the first non-empty diagnostics)
--   TERRITORY_TIMEOUT_MS   how long to wait for diagnostics and each request (default 15000)
--   TERRITORY_NVIM_OUT     write the JSON lines to this file instead of stdout
-- Neovim still writes its log and lsp.log under XDG_CACHE_HOME (or XDG_STATE_HOME): point the
-- XDG_* variables at a temp folder to keep it out of ~ (neovim.test.ts does).
-- Written for Neovim 0.7.2 (Debian 12); uses vim.lsp.start where it exists.

local uv = vim.uv or vim.loop
local t0 = uv.hrtime()
local function elapsed() return math.floor((uv.hrtime() - t0) / 1e6) end

local encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local decode = (vim.json and vim.json.decode) or vim.fn.json_decode

local out_path = os.getenv('TERRITORY_NVIM_OUT')
local out_file = out_path and out_path ~= '' and assert(io.open(out_path, 'w')) or io.stdout

local function emit(record)
  local ok, line = pcall(encode, record)
  if not ok then line = encode({ type = 'error', message = 'cannot encode ' .. tostring(record.type) .. ': ' .. tostring(line) }) end
  out_file:write(line, '\n')
  out_file:flush()
end

local function finish(code)
  if out_file ~= io.stdout then out_file:close() end
  if code == 0 then vim.cmd('qa!') else vim.cmd('cq ' .. code) end
end

local function fail(message)
  emit({ type = 'error', message = message, ms = elapsed() })
  finish(1)
end

local timeout = tonumber(os.getenv('TERRITORY_TIMEOUT_MS') or '') or 15000

local function server_cmd()
  local raw = os.getenv('TERRITORY_SERVER_CMD')
  if raw and raw ~= '' then return decode(raw) end
  -- This file lives in <repo>/test/e2e/.
  local here = debug.getinfo(1, 'S').source:sub(2)
  local repo = vim.fn.fnamemodify(here, ':p:h:h:h')
  return { 'node', repo .. '/out/server.cjs', '--stdio' }
end

local function position(name)
  local raw = os.getenv(name)
  if not raw or raw == '' then return nil end
  local line, character = raw:match('^(%d+):(%d+)$')
  if not line then error(name .. ' must be "line:character", got ' .. raw) end
  return { line = tonumber(line), character = tonumber(character) }
end

local client_id
local attempted = false
local server_exit

local function attach(bufnr)
  if attempted then return end
  attempted = true
  local file = vim.api.nvim_buf_get_name(bufnr)
  -- 0.7.2's filetype detection does not know .territory.
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'territory')
  local config = {
    name = 'territory',
    cmd = server_cmd(),
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    on_exit = function(code, signal) server_exit = { code = code, signal = signal } end,
  }
  if vim.lsp.start then
    client_id = vim.lsp.start(config, { bufnr = bufnr })
  else
    client_id = vim.lsp.start_client(config)
    if client_id then vim.lsp.buf_attach_client(bufnr, client_id) end
  end
  emit({ type = 'attach', file = file, root_dir = config.root_dir, cmd = config.cmd, client_id = client_id, ms = elapsed() })
end

vim.api.nvim_create_autocmd('BufReadPost', {
  pattern = '*.territory',
  callback = function(args) attach(args.buf) end,
})

local function plain_diagnostics(bufnr)
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(items, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = type(lsp.code) ~= 'userdata' and lsp.code or nil,
    })
  end
  return items
end

local function request(bufnr, kind, method, pos)
  if not pos then return end
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = pos }
  local started = uv.hrtime()
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  local ms = math.floor((uv.hrtime() - started) / 1e6)
  if not responses then
    emit({ type = kind, position = pos, error = tostring(err), ms = ms })
    return
  end
  local response = responses[client_id] or {}
  emit({ type = kind, position = pos, result = response.result, error = response.err or response.error, ms = ms })
end

local function run()
  local bufnr = vim.api.nvim_get_current_buf()
  if not attempted then
    if vim.api.nvim_buf_get_name(bufnr) == '' then return fail('no file given: nvim ... -u neovim-check.lua FILE.territory') end
    attach(bufnr)
  end
  if not client_id then return fail('the language server could not be started') end

  local expect = os.getenv('TERRITORY_EXPECT')
  local function ready()
    if server_exit then return true end
    local diagnostics = vim.diagnostic.get(bufnr)
    if not expect or expect == '' then return #diagnostics > 0 end
    for _, d in ipairs(diagnostics) do
      if d.message:find(expect, 1, true) then return true end
    end
    return false
  end
  local got = vim.wait(timeout, ready, 20)
  emit({ type = 'diagnostics', items = plain_diagnostics(bufnr), ms = elapsed() })
  if server_exit then
    return fail(('the language server exited (code %s, signal %s)'):format(server_exit.code, server_exit.signal))
  end
  if not got then
    return fail(('timed out after %d ms waiting for diagnostics%s'):format(timeout,
      expect and expect ~= '' and (' containing "' .. expect .. '"') or ''))
  end

  request(bufnr, 'hover', 'textDocument/hover', position('TERRITORY_HOVER'))
  request(bufnr, 'definition', 'textDocument/definition', position('TERRITORY_DEFINITION'))
  request(bufnr, 'completion', 'textDocument/completion', position('TERRITORY_COMPLETION'))

  -- Shut the server down politely before leaving.
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return server_exit ~= nil end, 20)
  emit({ type = 'timing', total_ms = elapsed(), server_exit = server_exit })
  finish(0)
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    local ok, err = pcall(run)
    if not ok then fail('neovim-check.lua: ' .. tostring(err)) end
  end,
})
