-- redline for Neovim: starts `redline lsp`, reports AI-written text to it, and shows what it
-- finds. See `:help redline`.
local util = require("redline.util")

local M = {}

--- Every filetype redline knows (Neovim's names for its languages).
M.filetypes = {
  "rust",
  "python",
  "go",
  "javascript",
  "javascriptreact",
  "typescript",
  "typescriptreact",
  "java",
  "sh",
  "bash",
  "zsh",
  "json",
  "jsonc",
  "yaml",
  "toml",
  "terraform",
  "terraform-vars",
  "hcl",
  "dockerfile",
}

M.defaults = {
  -- The server command. `bin` is used when `cmd` is nil.
  bin = "redline",
  cmd = nil,
  filetypes = M.filetypes,
  root_markers = { ".git", "redline.toml" },
  -- initializationOptions.aiEditReporting: "client" (only what this plugin reports),
  -- "heuristic" (the server also marks any large single change, pastes included), "off".
  ai_edit_reporting = "client",
  -- initializationOptions.identity: who signs off from this editor (default: git user.email).
  identity = nil,
  -- Which accept paths to hook.
  hooks = { inline_completion = true, copilot_lua = true, copilot_vim = true },
  -- AI regions as extmarks.
  regions = { enabled = true, hl_group = "RedlineAiRegion", debounce = 100 },
  -- Origin of `:RedlineMarkAi` when no tool is given.
  mark_origin = { tool = "unknown", kind = "manual" },
  -- true: register with nvim-lspconfig's `require("lspconfig").redline.setup()` instead of
  -- `vim.lsp.config` + `vim.lsp.enable`.
  lspconfig = false,
  -- Extra fields merged into the LSP client configuration (capabilities, flags, on_attach...).
  lsp = {},
}

M.options = vim.deepcopy(M.defaults)
M._setup_done = false
local hooks_installed = false

local function ensure_hooks()
  if hooks_installed then
    return
  end
  hooks_installed = true
  require("redline.regions").configure(M.options.regions)
  require("redline.regions").define_highlights()
  require("redline.hooks").install(M.options.hooks)
end

local function on_publish_diagnostics(err, result, ctx, ...)
  local handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
  handler(err, result, ctx, ...)
  if result and result.uri then
    local bufnr = vim.uri_to_bufnr(result.uri)
    if vim.api.nvim_buf_is_loaded(bufnr) and require("redline.capture").is_attached(bufnr) then
      require("redline.regions").schedule(bufnr)
    end
  end
end

--- The LSP client configuration for redline (usable with `vim.lsp.config`, nvim-lspconfig or
--- `vim.lsp.start`).
---@param o table|nil options (default: the current ones)
function M.lsp_config(o)
  o = o or M.options
  local init_options = { aiEditReporting = o.ai_edit_reporting }
  if o.identity then
    init_options.identity = o.identity
  end
  local config = {
    cmd = o.cmd or { o.bin, "lsp" },
    filetypes = o.filetypes,
    root_markers = o.root_markers,
    init_options = init_options,
    handlers = { ["textDocument/publishDiagnostics"] = on_publish_diagnostics },
  }
  return vim.tbl_deep_extend("force", config, o.lsp or {})
end

--- Called for every buffer the redline client attaches to (from plugin/redline.lua's
--- LspAttach autocommand, whichever way the client was started).
function M._on_attach(client, bufnr)
  ensure_hooks()
  require("redline.capture").attach(bufnr)
  require("redline.regions").schedule(bufnr)
  vim.api.nvim_exec_autocmds("User", { pattern = "RedlineAttach", modeline = false, data = { buf = bufnr, client_id = client.id } })
end

function M._on_detach(bufnr)
  require("redline.capture").detach(bufnr)
  require("redline.regions").clear(bufnr)
end

--- Registers the server and installs the hooks.
---@param o table|nil see `:help redline-setup`
function M.setup(o)
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(M.defaults), o or {})
  if o and o.filetypes then
    M.options.filetypes = o.filetypes
  end
  if o and o.root_markers then
    M.options.root_markers = o.root_markers
  end
  hooks_installed = false
  ensure_hooks()
  local config = M.lsp_config(M.options)
  if M.options.lspconfig then
    local ok, configs = pcall(require, "lspconfig.configs")
    if not ok then
      util.notify("lspconfig = true, but nvim-lspconfig is not installed", vim.log.levels.ERROR)
      return
    end
    local lsputil = require("lspconfig.util")
    -- lspconfig's `configs` only builds a server on the first assignment of a name.
    if rawget(configs, "redline") == nil then
      configs.redline = {
        default_config = {
          cmd = config.cmd,
          filetypes = config.filetypes,
          root_dir = lsputil.root_pattern(unpack(M.options.root_markers)),
          init_options = config.init_options,
          handlers = config.handlers,
        },
        docs = { description = "redline: flags AI-written changes to high-impact code" },
      }
    end
    local extra = vim.tbl_deep_extend("force", {
      cmd = config.cmd,
      filetypes = config.filetypes,
      init_options = config.init_options,
      handlers = config.handlers,
    }, M.options.lsp or {})
    require("lspconfig").redline.setup(extra)
  else
    vim.lsp.config(util.client_name, config)
    vim.lsp.enable(util.client_name)
  end
  M._setup_done = true
end

local function normalize_range(bufnr, range)
  if type(range) ~= "table" then
    return nil, "range must be { start_row, start_col, end_row, end_col }"
  end
  local r = range
  if type(range.start) == "table" then
    r = { range.start[1], range.start[2], range["end"][1], range["end"][2] }
  end
  for i = 1, 4 do
    if type(r[i]) ~= "number" then
      return nil, "range must be { start_row, start_col, end_row, end_col }"
    end
  end
  local count = vim.api.nvim_buf_line_count(bufnr)
  local function valid(row, col)
    if row == count and col == 0 then
      return true
    end
    if row < 0 or row >= count or col < 0 then
      return false
    end
    local line = vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1]
    return col <= #line
  end
  if not valid(r[1], r[2]) or not valid(r[3], r[4]) then
    return nil, ("range %s is outside the buffer"):format(vim.inspect(r))
  end
  if r[3] < r[1] or (r[3] == r[1] and r[4] <= r[2]) then
    return nil, ("range %s is empty"):format(vim.inspect(r))
  end
  return { r[1], r[2], r[3], r[4] }
end

--- Reports that the text in `range` of buffer `bufnr` was written by an AI tool.
---
--- `range` is `{ start_row, start_col, end_row, end_col }`: 0-based rows, byte columns, end
--- exclusive (what `nvim_buf_get_text` takes); a list of such ranges is accepted too.
--- `origin` is `{ tool = "name", kind = "inline-completion"|"chat-edit"|"agent"|..., model = "..." }`.
--- Call it right after the text was put in the buffer (the ranges are sent against the buffer's
--- current version). Returns the LSP ranges sent, or nil and an error message.
---@param bufnr integer|nil
---@param range integer[]|integer[][]
---@param origin table|nil
---@return table[]|nil, string|nil
function M.mark_ai(bufnr, range, origin)
  bufnr = util.buf(bufnr)
  origin = origin or {}
  if type(origin) == "string" then
    origin = { tool = origin }
  end
  local list = (type(range) == "table" and type(range[1]) == "table") and range or { range }
  local ranges = {}
  for _, r in ipairs(list) do
    local n, err = normalize_range(bufnr, r)
    if not n then
      return nil, err
    end
    ranges[#ranges + 1] = n
  end
  return require("redline.capture").report(bufnr, ranges, {
    tool = origin.tool or "unknown",
    kind = origin.kind or "inline-completion",
    model = origin.model,
    session = origin.session,
  })
end

--- Runs `fn(...)` and reports the text it inserts in `bufnr` as written by `origin`. This is
--- what the copilot.lua and inline-completion hooks call; use it to hook another plugin's
--- accept function.
---@param bufnr integer|nil
---@param origin table
---@param fn function
function M.capture(bufnr, origin, fn, ...)
  return require("redline.capture").run(bufnr, origin, fn, ...)
end

--- Wraps an accept function so that what it inserts is reported as written by `origin`.
---@param fn function
---@param origin table
---@return function
function M.wrap(fn, origin)
  return function(...)
    return require("redline.capture").run(0, origin, fn, ...)
  end
end

--- The AI regions of a buffer, as last received from the server.
function M.regions(bufnr)
  return require("redline.regions").results[util.buf(bufnr)]
end

return M
