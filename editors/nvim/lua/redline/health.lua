-- :checkhealth redline
local M = {}

function M.check()
  local health = vim.health
  local redline = require("redline")
  local util = require("redline.util")

  health.start("redline: Neovim")
  if vim.fn.has("nvim-0.11") == 1 then
    health.ok("Neovim " .. tostring(vim.version()))
  else
    health.error("Neovim 0.11 or later is required, this is " .. tostring(vim.version()))
  end
  if redline._setup_done then
    health.ok("require('redline').setup() was called")
  else
    health.info("require('redline').setup() was not called (fine if the server is started another way)")
  end

  health.start("redline: server")
  local cmd = redline.lsp_config().cmd
  local exe = type(cmd) == "table" and cmd[1] or nil
  if type(exe) ~= "string" then
    health.info("the server command is a function; not checked")
  elseif vim.fn.executable(exe) == 1 then
    local path = vim.fn.exepath(exe)
    local out = vim.fn.system({ exe, "--version" })
    if vim.v.shell_error == 0 then
      health.ok(("%s (%s)"):format(vim.trim(out), path))
    else
      health.warn(("%s --version failed: %s"):format(path, vim.trim(out)))
    end
  else
    health.error(("`%s` is not executable"):format(exe), {
      "Install it: `cargo install --path . --locked` in the redline repository",
      "or set `bin` (or `cmd`) in require('redline').setup({ ... })",
    })
  end
  if vim.fn.executable("git") == 1 then
    health.ok("git found (the ledger lives in the repository's git directory)")
  else
    health.warn("git not found: provenance is kept in memory only")
  end

  health.start("redline: clients")
  local clients = vim.lsp.get_clients({ name = util.client_name })
  if #clients == 0 then
    health.info("no redline client is running (it starts when a buffer of a known filetype opens)")
  end
  for _, client in ipairs(clients) do
    local names = {}
    for b in pairs(client.attached_buffers or {}) do
      names[#names + 1] = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ":~:.")
    end
    table.sort(names)
    health.ok(("client %d: position encoding %s, root %s, %d buffer(s): %s"):format(
      client.id,
      tostring(client.offset_encoding),
      tostring(client.root_dir or "(none: provenance in memory only)"),
      #names,
      table.concat(names, ", ")
    ))
    local init = client.config.init_options or {}
    health.info("aiEditReporting: " .. tostring(init.aiEditReporting or "client"))
    if init.aiEditReporting == "heuristic" then
      health.warn("heuristic mode: the server marks any large single change as AI, pastes included")
    end
  end
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    local ft = vim.bo[b].filetype
    if vim.api.nvim_buf_is_loaded(b) and vim.bo[b].buftype == "" and vim.tbl_contains(redline.options.filetypes, ft)
      and not util.client(b) and vim.api.nvim_buf_get_name(b) ~= "" then
      health.warn(("not attached to %s (%s)"):format(vim.api.nvim_buf_get_name(b), ft), { "See :checkhealth vim.lsp" })
    end
  end

  health.start("redline: AI completion hooks")
  local hooks = require("redline.hooks").installed
  health.ok("vim.paste is " .. (hooks.paste and "wrapped (pastes are never reported as AI)" or "NOT wrapped"))
  if hooks.inline_completion then
    health.ok("vim.lsp.inline_completion.get is hooked")
  elseif vim.fn.has("nvim-0.12") == 1 then
    health.warn("vim.lsp.inline_completion.get is not hooked")
  else
    health.info("vim.lsp.inline_completion: needs Neovim 0.12 (not hooked)")
  end
  if hooks.copilot_lua then
    health.ok("copilot.lua: copilot.suggestion.accept* are hooked")
  else
    health.info("copilot.lua: not loaded (hooked when it loads)")
  end
  if hooks.copilot_vim > 0 then
    health.ok(("copilot.vim: %d accept mapping(s) hooked"):format(hooks.copilot_vim))
  elseif vim.fn.exists("*copilot#Accept") == 1 or vim.g.loaded_copilot then
    health.warn("copilot.vim is loaded but no insert-mode <expr> mapping calling copilot#Accept was found")
  else
    health.info("copilot.vim: not loaded")
  end
end

return M
