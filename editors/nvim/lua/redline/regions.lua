-- AI-written regions as extmarks, refreshed from the server's `redline/regions`.
local util = require("redline.util")

local M = {}

M.ns = vim.api.nvim_create_namespace("redline.regions")

local opts = {
  enabled = true,
  hl_group = "RedlineAiRegion",
  debounce = 100,
  priority = 90,
}

--- The last `redline/regions` result painted, per buffer.
---@type table<integer, table>
M.results = {}

local timers = {} ---@type table<integer, uv.uv_timer_t>
local generation = {} ---@type table<integer, integer>

function M.configure(o)
  if o then
    opts = vim.tbl_extend("force", opts, o)
  end
end

function M.define_highlights()
  vim.api.nvim_set_hl(0, "RedlineAiRegion", { default = true, link = "DiffAdd" })
end

local function paint(bufnr, client, result)
  vim.api.nvim_buf_clear_namespace(bufnr, M.ns, 0, -1)
  if not opts.enabled then
    return
  end
  local enc = util.encoding(client)
  for _, region in ipairs(result.regions or {}) do
    local sr, sc = util.from_lsp_position(bufnr, region.range.start, enc)
    local er, ec = util.from_lsp_position(bufnr, region.range["end"], enc)
    pcall(vim.api.nvim_buf_set_extmark, bufnr, M.ns, sr, sc, {
      end_row = er,
      end_col = ec,
      hl_group = opts.hl_group,
      priority = opts.priority,
      strict = false,
    })
  end
end

--- Asks the server for the buffer's AI regions and paints them. `callback(result)` (optional)
--- runs once they are painted (or with nil when the server could not answer).
---@param bufnr integer|nil
---@param callback fun(result: table|nil)|nil
function M.refresh(bufnr, callback)
  bufnr = util.buf(bufnr)
  local client = util.client(bufnr)
  if not client or not vim.api.nvim_buf_is_valid(bufnr) then
    if callback then
      callback(nil)
    end
    return
  end
  generation[bufnr] = (generation[bufnr] or 0) + 1
  local gen = generation[bufnr]
  client:request("redline/regions", { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, function(err, result)
    if err or not result or not vim.api.nvim_buf_is_valid(bufnr) then
      if callback then
        callback(nil)
      end
      return
    end
    -- A newer request is on its way, or the buffer changed since: the answer is stale.
    if gen ~= generation[bufnr] or result.version ~= util.version(bufnr) then
      if gen == generation[bufnr] then
        M.schedule(bufnr)
      end
      if callback then
        callback(nil)
      end
      return
    end
    M.results[bufnr] = result
    paint(bufnr, client, result)
    if callback then
      callback(result)
    end
  end, bufnr)
end

--- Refreshes after a short delay (coalescing bursts of changes).
function M.schedule(bufnr)
  bufnr = util.buf(bufnr)
  if timers[bufnr] then
    timers[bufnr]:stop()
  else
    timers[bufnr] = assert(vim.uv.new_timer())
  end
  timers[bufnr]:start(
    opts.debounce,
    0,
    vim.schedule_wrap(function()
      M.refresh(bufnr)
    end)
  )
end

function M.clear(bufnr)
  bufnr = util.buf(bufnr)
  if vim.api.nvim_buf_is_valid(bufnr) then
    vim.api.nvim_buf_clear_namespace(bufnr, M.ns, 0, -1)
  end
  M.results[bufnr] = nil
  if timers[bufnr] then
    timers[bufnr]:stop()
    timers[bufnr]:close()
    timers[bufnr] = nil
  end
end

--- The painted regions of a buffer as buffer ranges: `{ { start_row, start_col, end_row,
--- end_col }, ... }` (0-based, byte columns).
function M.extmarks(bufnr)
  bufnr = util.buf(bufnr)
  local out = {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(bufnr, M.ns, 0, -1, { details = true })) do
    out[#out + 1] = { m[2], m[3], m[4].end_row, m[4].end_col }
  end
  return out
end

return M
