-- Capturing the text an AI tool inserts.
--
-- Every buffer the redline server is attached to is watched with `nvim_buf_attach{on_bytes}`.
-- Outside a capture window nothing is recorded. A hook (copilot.lua, copilot.vim, Neovim's
-- inline completion, or any plugin through `run`/`begin`/`finish`) opens a window around an
-- accept; while it is open every inserted byte range is recorded and every later change in the
-- window moves the recorded ranges (a deletion shrinks them, an insertion before them shifts
-- them). When the window closes the ranges are converted to LSP ranges in the negotiated
-- position encoding and sent as `redline/aiEdit` with the buffer's LSP version, after the
-- pending `didChange` notifications (the client flushes them before any notification).
--
-- Not AI: while `vim.paste` runs (see hooks.lua) changes are not recorded even inside a window,
-- and undo/redo never opens a window.
local util = require("redline.util")

local M = {}

---@class redline.Capture
---@field origin table
---@field ranges integer[][] byte offsets { start, end } (end exclusive), sorted, disjoint
---@field token integer
---@field ticks integer

---@type table<integer, { capture: redline.Capture|nil }>
local bufs = {}
local next_token = 0

--- Depth of `vim.paste` calls in progress (hooks.lua keeps it).
M.paste_depth = 0

--- The last report sent, per buffer (for `:checkhealth`, tests and curious users).
---@type table<integer, { version: integer, ranges: table[], origin: table }>
M.last_report = {}

---@param bufnr integer
---@return boolean
function M.is_attached(bufnr)
  return bufs[bufnr] ~= nil
end

-- Maps a start offset through an edit at `off` that replaced `old` bytes by `new` bytes.
-- Text inserted exactly at a range's start is not part of the range.
local function map_start(p, off, old, new)
  if p < off then
    return p
  elseif p >= off + old then
    return p - old + new
  end
  return off + new
end

-- Maps an end offset (exclusive) through the same edit. Text inserted exactly at a range's end
-- is not part of the range.
local function map_end(p, off, old, new)
  if p <= off then
    return p
  elseif p >= off + old then
    return p - old + new
  end
  return off
end

--- Applies one edit to a capture: moves its ranges and, when `counted`, adds the inserted bytes
--- (`ins_start`..`ins_end` when given: the part of the new text that differs from the old).
---@param cap redline.Capture
function M._apply(cap, off, old, new, counted, ins_start, ins_end)
  local out = {}
  for _, r in ipairs(cap.ranges) do
    local s, e = map_start(r[1], off, old, new), map_end(r[2], off, old, new)
    if e > s then
      out[#out + 1] = { s, e }
    end
  end
  ins_start, ins_end = ins_start or off, ins_end or (off + new)
  if counted and ins_end > ins_start then
    out[#out + 1] = { ins_start, ins_end }
  end
  table.sort(out, function(a, b)
    return a[1] < b[1]
  end)
  local merged = {}
  for _, r in ipairs(out) do
    local last = merged[#merged]
    if last and r[1] <= last[2] then
      last[2] = math.max(last[2], r[2])
    else
      merged[#merged + 1] = { r[1], r[2] }
    end
  end
  cap.ranges = merged
end

-- The lengths of the common prefix and suffix of two strings (not overlapping).
local function common_affixes(a, b)
  local n = math.min(#a, #b)
  local p = 0
  while p < n and a:byte(p + 1) == b:byte(p + 1) do
    p = p + 1
  end
  local q = 0
  while q < n - p and a:byte(#a - q) == b:byte(#b - q) do
    q = q + 1
  end
  return p, q
end

local function on_bytes(st, buf, sr, sc, off, old, ner, nec, new)
  local cap = st.capture
  if not cap then
    return
  end
  local counted = M.paste_depth == 0
  -- With a copy of the text from the start of the window, a replacement that rewrites text
  -- which was already there (copilot.lua replaces the typed prefix of the line with the whole
  -- completed line) counts only what actually differs.
  local ins_start, ins_end
  if cap.shadow then
    local ok, lines = pcall(vim.api.nvim_buf_get_text, buf, sr, sc, sr + ner, ner == 0 and sc + nec or nec, {})
    local new_text = ok and table.concat(lines, "\n") or nil
    if new_text and #new_text == new and #cap.shadow >= off + old then
      local old_text = cap.shadow:sub(off + 1, off + old)
      cap.shadow = cap.shadow:sub(1, off) .. new_text .. cap.shadow:sub(off + old + 1)
      local p, q = common_affixes(old_text, new_text)
      ins_start, ins_end = off + p, off + new - q
    else
      cap.shadow = nil
    end
  end
  M._apply(cap, off, old, new, counted, ins_start, ins_end)
end

-- Texts larger than this are not copied when a window opens (no prefix/suffix trimming).
M.shadow_limit = 4 * 1024 * 1024

local function snapshot(bufnr)
  local size = vim.api.nvim_buf_get_offset(bufnr, vim.api.nvim_buf_line_count(bufnr))
  if size > M.shadow_limit then
    return nil
  end
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), "\n") .. "\n"
end

--- Starts watching a buffer (idempotent).
---@param bufnr integer
function M.attach(bufnr)
  bufnr = util.buf(bufnr)
  if bufs[bufnr] then
    return
  end
  local st = {}
  bufs[bufnr] = st
  vim.api.nvim_buf_attach(bufnr, false, {
    on_bytes = function(_, buf, _, sr, sc, off, _, _, old, ner, nec, new)
      if bufs[buf] ~= st then
        return true -- detached (or attached again with a new state): stop this callback
      end
      on_bytes(st, buf, sr, sc, off, old, ner, nec, new)
    end,
    on_reload = function(_, buf)
      if bufs[buf] then
        bufs[buf].capture = nil
      end
    end,
    on_detach = function(_, buf)
      if bufs[buf] == st then
        bufs[buf] = nil
      end
    end,
  })
end

--- Stops watching a buffer.
---@param bufnr integer
function M.detach(bufnr)
  bufs[util.buf(bufnr)] = nil
end

--- Whether a capture window is open on `bufnr`.
function M.active(bufnr)
  local st = bufs[util.buf(bufnr)]
  return st ~= nil and st.capture ~= nil
end

--- Opens a capture window. Returns a token for `finish`, or nil when the buffer is not watched
--- or a window is already open (the open one keeps recording).
---@param bufnr integer|nil
---@param origin table { tool, kind?, model? }
---@return integer|nil
function M.begin(bufnr, origin)
  bufnr = util.buf(bufnr)
  local st = bufs[bufnr]
  if not st or st.capture then
    return nil
  end
  next_token = next_token + 1
  st.capture = { origin = origin, ranges = {}, token = next_token, ticks = 0, shadow = snapshot(bufnr) }
  return next_token
end

-- Byte offset -> (row, byte col).
local function offset_to_pos(bufnr, off)
  local count = vim.api.nvim_buf_line_count(bufnr)
  local lo, hi = 0, count
  -- the last row whose start offset is <= off
  while lo < hi do
    local mid = math.floor((lo + hi + 1) / 2)
    if vim.api.nvim_buf_get_offset(bufnr, mid) <= off then
      lo = mid
    else
      hi = mid - 1
    end
  end
  return lo, off - vim.api.nvim_buf_get_offset(bufnr, lo)
end

--- Byte-offset ranges as buffer ranges { start_row, start_col, end_row, end_col }.
function M._to_buffer_ranges(bufnr, ranges)
  local out = {}
  for _, r in ipairs(ranges) do
    local sr, sc = offset_to_pos(bufnr, r[1])
    local er, ec = offset_to_pos(bufnr, r[2])
    out[#out + 1] = { sr, sc, er, ec }
  end
  return out
end

--- Sends `redline/aiEdit` for buffer ranges (0-based, byte columns, end exclusive) that hold
--- AI-written text now. Returns the LSP ranges sent, or nil and a reason.
---@param bufnr integer
---@param buffer_ranges integer[][]
---@param origin table
---@return table[]|nil, string|nil
function M.report(bufnr, buffer_ranges, origin)
  bufnr = util.buf(bufnr)
  local client = util.client(bufnr)
  if not client then
    return nil, "redline is not attached to buffer " .. bufnr
  end
  if #buffer_ranges == 0 then
    return nil, "no ranges"
  end
  local enc = util.encoding(client)
  local ranges = {}
  for _, r in ipairs(buffer_ranges) do
    ranges[#ranges + 1] = util.to_lsp_range(bufnr, r, enc)
  end
  local o = { tool = origin.tool or "unknown" }
  o.kind = origin.kind or "inline-completion"
  o.model = origin.model
  o.session = origin.session
  -- Client:notify flushes the pending didChange notifications first, so the server has (or
  -- will hold this until it has) exactly the version named here.
  local version = util.version(bufnr)
  client:notify("redline/aiEdit", {
    textDocument = { uri = vim.uri_from_bufnr(bufnr), version = version },
    ranges = ranges,
    origin = o,
  })
  M.last_report[bufnr] = { version = version, ranges = ranges, origin = o, buffer_ranges = buffer_ranges }
  vim.api.nvim_exec_autocmds("User", {
    pattern = "RedlineAiEdit",
    modeline = false,
    data = { buf = bufnr, version = version, ranges = ranges, origin = o },
  })
  require("redline.regions").schedule(bufnr)
  return ranges
end

--- Closes the capture window `token` and reports what it recorded. Returns the LSP ranges sent
--- (nil when nothing was inserted).
---@param bufnr integer|nil
---@param token integer|nil
function M.finish(bufnr, token)
  bufnr = util.buf(bufnr)
  local st = bufs[bufnr]
  if not st or not st.capture or (token and st.capture.token ~= token) then
    return nil
  end
  local cap = st.capture
  st.capture = nil
  if #cap.ranges == 0 then
    return nil
  end
  return (M.report(bufnr, M._to_buffer_ranges(bufnr, cap.ranges), cap.origin))
end

--- Drops the capture window `token` without reporting.
function M.cancel(bufnr, token)
  local st = bufs[util.buf(bufnr)]
  if st and st.capture and (not token or st.capture.token == token) then
    st.capture = nil
  end
end

-- Closes a window on a later tick: accept functions that apply their text from a scheduled
-- callback (copilot.lua does) have done so by then. Waits a few ticks at most while nothing
-- has been inserted.
local function finish_later(bufnr, token, max_ticks)
  vim.schedule(function()
    local st = bufs[bufnr]
    if not st or not st.capture or st.capture.token ~= token then
      return
    end
    local cap = st.capture
    if #cap.ranges == 0 and cap.ticks < max_ticks then
      cap.ticks = cap.ticks + 1
      vim.defer_fn(function()
        finish_later(bufnr, token, max_ticks)
      end, 5)
      return
    end
    M.finish(bufnr, token)
  end)
end

--- Runs `fn(...)` (an accept function) with a capture window open on `bufnr`, and reports what
--- it inserted as written by `origin`. Text inserted synchronously is reported at once;
--- otherwise the window stays open until the next scheduled tick (a few at most) so that
--- accept functions that apply their edit from `vim.schedule` are captured too. Returns what
--- `fn` returns. This is the function every built-in hook calls.
---@param bufnr integer|nil
---@param origin table
---@param fn function
function M.run(bufnr, origin, fn, ...)
  bufnr = util.buf(bufnr)
  local token = M.begin(bufnr, origin)
  if not token then
    return fn(...)
  end
  local res = vim.F.pack_len(pcall(fn, ...))
  if not res[1] then
    M.cancel(bufnr, token)
    error(res[2], 0)
  end
  local st = bufs[bufnr]
  if st and st.capture and st.capture.token == token then
    if #st.capture.ranges > 0 then
      M.finish(bufnr, token)
    else
      finish_later(bufnr, token, 3)
    end
  end
  return unpack(res, 2, res.n)
end

--- Closes a window opened with `begin` after at most `timeout_ms` (safety net for hooks whose
--- own closing step may never run).
function M.expire(bufnr, token, timeout_ms)
  bufnr = util.buf(bufnr)
  vim.defer_fn(function()
    M.finish(bufnr, token)
  end, timeout_ms)
end

return M
