-- Hooks on the accept paths of AI completion plugins, and on `vim.paste`.
--
-- * Neovim 0.12+: `vim.lsp.inline_completion.get()` (the built-in inline completion accept).
-- * copilot.lua: `require("copilot.suggestion").accept`, `.accept_word`, `.accept_line` (its
--   keymaps call `accept` through the module table, and `accept_word`/`accept_line` call
--   `accept`; the text is applied from a scheduled callback).
-- * copilot.vim: insert-mode `<expr>` mappings whose right-hand side calls `copilot#Accept`
--   (also `copilot#AcceptWord`, `copilot#AcceptLine`). They are rewritten so that the original
--   expression is still in them (copilot.vim checks `hasmapto('copilot#Accept(', 'i')`), with a
--   call before it that opens a capture window when a suggestion is displayed and a `<Cmd>`
--   after the returned keys that closes it once the keys have inserted the text.
-- * `vim.paste`: changes made while it runs are never recorded as AI.
local capture = require("redline.capture")

local M = {}

M.installed = {
  inline_completion = false,
  copilot_lua = false,
  copilot_vim = 0, -- number of mappings wrapped
  paste = false,
}

local opts = {
  inline_completion = true,
  copilot_lua = true,
  copilot_vim = true,
}

---------------------------------------------------------------------------------------------
-- vim.paste

function M.install_paste()
  if M.installed.paste then
    return
  end
  local orig = vim.paste
  vim.paste = function(...)
    capture.paste_depth = capture.paste_depth + 1
    local res = vim.F.pack_len(pcall(orig, ...))
    capture.paste_depth = capture.paste_depth - 1
    if not res[1] then
      error(res[2], 0)
    end
    return unpack(res, 2, res.n)
  end
  M.installed.paste = true
end

---------------------------------------------------------------------------------------------
-- Neovim's built-in inline completion (0.12+)

--- The name of the LSP client that provides inline completions in `bufnr` (the AI tool).
local function inline_tool(bufnr)
  local ok, clients = pcall(vim.lsp.get_clients, { bufnr = bufnr, method = "textDocument/inlineCompletion" })
  if ok and clients and clients[1] then
    return clients[1].name
  end
  return "inline-completion"
end

--- Wraps `mod.get` (the accept function of `vim.lsp.inline_completion`).
function M.wrap_inline_completion(mod)
  if type(mod) ~= "table" or rawget(mod, "__redline_wrapped") or type(mod.get) ~= "function" then
    return false
  end
  local orig = mod.get
  mod.get = function(o, ...)
    local bufnr = (type(o) == "table" and o.bufnr) or 0
    if bufnr == 0 then
      bufnr = vim.api.nvim_get_current_buf()
    end
    return capture.run(bufnr, { tool = inline_tool(bufnr), kind = "inline-completion" }, orig, o, ...)
  end
  rawset(mod, "__redline_wrapped", true)
  M.installed.inline_completion = true
  return true
end

function M.install_inline_completion()
  if not opts.inline_completion or M.installed.inline_completion then
    return
  end
  local mod = package.loaded["vim.lsp.inline_completion"]
  if not mod and vim.fn.has("nvim-0.12") == 1 then
    local ok, m = pcall(require, "vim.lsp.inline_completion")
    mod = ok and m or nil
  end
  if mod then
    M.wrap_inline_completion(mod)
  end
end

---------------------------------------------------------------------------------------------
-- copilot.lua

--- Wraps the accept functions of copilot.lua's `copilot.suggestion` module.
function M.wrap_copilot_lua(mod)
  if type(mod) ~= "table" or rawget(mod, "__redline_wrapped") then
    return false
  end
  for _, name in ipairs({ "accept", "accept_word", "accept_line" }) do
    local orig = mod[name]
    if type(orig) == "function" then
      mod[name] = function(...)
        -- Nothing displayed: the accept inserts nothing (it may only request a suggestion),
        -- so no window is opened that could catch the next keys typed.
        local vis = rawget(mod, "is_visible")
        if type(vis) == "function" then
          local ok, visible = pcall(vis)
          if ok and not visible then
            return orig(...)
          end
        end
        return capture.run(0, { tool = "copilot", kind = "inline-completion" }, orig, ...)
      end
    end
  end
  rawset(mod, "__redline_wrapped", true)
  M.installed.copilot_lua = true
  return true
end

-- Wraps copilot.lua's module whenever it is loaded, now or later (lazy-loading plugin managers
-- load it on InsertEnter): a package searcher that loads it the normal way and wraps it.
local searcher_installed = false
local function install_searcher()
  if searcher_installed then
    return
  end
  searcher_installed = true
  local loaders = package.loaders or package.searchers
  local function searcher(name)
    if name ~= "copilot.suggestion" or not opts.copilot_lua then
      return nil
    end
    for _, s in ipairs(loaders) do
      if s ~= searcher then
        local loader, extra = s(name)
        if type(loader) == "function" then
          return function(...)
            local mod = loader(...)
            M.wrap_copilot_lua(mod)
            return mod
          end, extra
        end
      end
    end
    return nil
  end
  table.insert(loaders, 1, searcher)
end

function M.install_copilot_lua()
  if not opts.copilot_lua then
    return
  end
  install_searcher()
  local mod = package.loaded["copilot.suggestion"]
  if type(mod) == "table" then
    M.wrap_copilot_lua(mod)
  end
end

---------------------------------------------------------------------------------------------
-- copilot.vim

local cv_pending = nil ---@type { buf: integer, token: integer }|nil

--- Called (through `v:lua`) by a wrapped copilot.vim mapping before the original expression.
--- Opens a capture window when copilot.vim has a suggestion to accept.
function M.cv_begin()
  cv_pending = nil
  local ok, s = pcall(vim.fn["copilot#GetDisplayedSuggestion"])
  if not ok or type(s) ~= "table" or type(s.text) ~= "string" or s.text == "" then
    return ""
  end
  local buf = vim.api.nvim_get_current_buf()
  local token = capture.begin(buf, { tool = "copilot", kind = "inline-completion" })
  if token then
    cv_pending = { buf = buf, token = token }
    capture.expire(buf, token, 2000)
  end
  return ""
end

--- Called after the original expression: the keys that close the window once the accept's
--- keys have inserted the text.
function M.cv_end()
  if not cv_pending then
    return ""
  end
  local p = cv_pending
  cv_pending = nil
  return vim.keycode(("<Cmd>lua require('redline.hooks').cv_finish(%d, %d)<CR>"):format(p.buf, p.token))
end

function M.cv_finish(buf, token)
  capture.finish(buf, token)
end

local CV_PREFIX = "v:lua.require'redline.hooks'.cv_begin() . ("
local CV_SUFFIX = ") . v:lua.require'redline.hooks'.cv_end()"

local function wrap_mapping(m, bufnr)
  local rhs = m.rhs
  if type(rhs) ~= "string" or m.expr ~= 1 then
    return false
  end
  if not rhs:find("copilot#Accept", 1, true) or rhs:find("redline.hooks", 1, true) then
    return false
  end
  local o = {
    expr = true,
    noremap = m.noremap == 1,
    silent = m.silent == 1,
    nowait = m.nowait == 1,
    script = m.script == 1,
    replace_keycodes = false,
    desc = m.desc,
  }
  local new = CV_PREFIX .. rhs .. CV_SUFFIX
  local ok
  if bufnr then
    ok = pcall(vim.api.nvim_buf_set_keymap, bufnr, "i", m.lhs, new, o)
  else
    ok = pcall(vim.api.nvim_set_keymap, "i", m.lhs, new, o)
  end
  return ok
end

--- Wraps the insert-mode mappings (global and of the current buffer) that accept copilot.vim
--- suggestions. Safe to call often: wrapped mappings are left alone.
function M.install_copilot_vim()
  if not opts.copilot_vim then
    return 0
  end
  local n = 0
  for _, m in ipairs(vim.api.nvim_get_keymap("i")) do
    if wrap_mapping(m, nil) then
      n = n + 1
    end
  end
  local buf = vim.api.nvim_get_current_buf()
  for _, m in ipairs(vim.api.nvim_buf_get_keymap(buf, "i")) do
    if wrap_mapping(m, buf) then
      n = n + 1
    end
  end
  M.installed.copilot_vim = M.installed.copilot_vim + n
  return n
end

---------------------------------------------------------------------------------------------

--- Installs every hook that applies now, and the autocommands that install the rest when their
--- plugins load (copilot.vim maps its keys on VimEnter; lazy loaders load on InsertEnter).
---@param o table|nil { inline_completion?: boolean, copilot_lua?: boolean, copilot_vim?: boolean }
function M.install(o)
  if o then
    opts = vim.tbl_extend("force", opts, o)
  end
  M.install_paste()
  M.install_inline_completion()
  M.install_copilot_lua()
  M.install_copilot_vim()
  local group = vim.api.nvim_create_augroup("redline.hooks", { clear = true })
  vim.api.nvim_create_autocmd({ "VimEnter", "InsertEnter", "LspAttach" }, {
    group = group,
    callback = function()
      M.install_inline_completion()
      M.install_copilot_lua()
      M.install_copilot_vim()
    end,
  })
end

return M
