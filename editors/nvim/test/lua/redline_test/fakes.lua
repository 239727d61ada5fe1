-- Stand-ins for the AI completion plugins, each applying its text the way the real one does:
-- copilot.lua from a scheduled callback with vim.lsp.util.apply_text_edits, copilot.vim by
-- returning `<C-R><C-O>=copilot#TextQueuedForInsertion()<CR>` keys from an <expr> mapping, and
-- Neovim 0.12's vim.lsp.inline_completion.get() synchronously with nvim_buf_set_text.
local F = {}

--- A fake `copilot.suggestion` module, registered in package.preload (so it is loaded, and
--- hooked, the first time something requires it). `F.copilot_lua_suggestion = { range, text }`
--- is what the next accept inserts (an LSP range in utf-16, like copilot's).
function F.install_copilot_lua()
  package.preload["copilot.suggestion"] = function()
    local M = { accepted = 0 }
    function M.is_visible()
      return F.copilot_lua_suggestion ~= nil
    end
    function M.accept(modifier)
      local s = F.copilot_lua_suggestion
      if not s then
        return
      end
      F.copilot_lua_suggestion = nil
      if type(modifier) == "function" then
        s = modifier(s)
      end
      M.accepted = M.accepted + 1
      vim.schedule_wrap(function()
        vim.cmd("let &undolevels=&undolevels")
        vim.lsp.util.apply_text_edits({ { range = s.range, newText = s.text } }, vim.api.nvim_get_current_buf(), "utf-16")
      end)()
    end
    function M.accept_word()
      return M.accept(function(s)
        return s
      end)
    end
    function M.accept_line()
      return M.accept(function(s)
        return s
      end)
    end
    return M
  end
end

--- Fake copilot.vim (test/fixtures/copilot.vim: autoload functions and its default mappings),
--- put on 'runtimepath' and its plugin file sourced, as a plugin manager would.
function F.install_copilot_vim()
  vim.opt.runtimepath:append(vim.g.redline_test_dir .. "/fixtures/copilot.vim")
  vim.cmd.runtime("plugin/copilot.vim")
end

--- Fake `vim.lsp.inline_completion` (Neovim 0.12's API) in package.loaded.
--- `F.inline_item = { range = {sr, sc, er, ec}, text }` is the presented candidate.
function F.install_inline_completion()
  local M = {}
  function M.get(opts)
    opts = opts or {}
    local bufnr = opts.bufnr or 0
    local item = F.inline_item
    if not item then
      return false
    end
    F.inline_item = nil
    local lines = vim.split(item.text, "\n")
    vim.api.nvim_buf_set_text(bufnr, item.range[1], item.range[2], item.range[3], item.range[4], lines)
    return true
  end
  package.loaded["vim.lsp.inline_completion"] = M
  return M
end

return F
