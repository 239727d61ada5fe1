-- Small helpers shared by the plugin's modules: finding the redline client of a buffer and
-- converting between Neovim's positions (0-based rows, byte columns) and LSP positions in the
-- position encoding the server negotiated (utf-8, utf-16 or utf-32).
local M = {}

M.client_name = "redline"

---@param bufnr integer|nil
---@return integer
function M.buf(bufnr)
  if bufnr == nil or bufnr == 0 then
    return vim.api.nvim_get_current_buf()
  end
  return bufnr
end

--- The redline client attached to `bufnr`, if any.
---@param bufnr integer|nil
---@return vim.lsp.Client|nil
function M.client(bufnr)
  bufnr = M.buf(bufnr)
  for _, client in ipairs(vim.lsp.get_clients({ bufnr = bufnr })) do
    if client.name == M.client_name or (client.config and client.config.redline == true) then
      return client
    end
  end
  return nil
end

--- The document version the server has (or will have once pending changes are flushed).
---@param bufnr integer
---@return integer
function M.version(bufnr)
  local v = vim.lsp.util.buf_versions[bufnr]
  if v == nil then
    v = vim.api.nvim_buf_get_changedtick(bufnr)
  end
  return v
end

---@param bufnr integer
---@param row integer 0-based
---@return string
local function line_text(bufnr, row)
  return vim.api.nvim_buf_get_lines(bufnr, row, row + 1, false)[1] or ""
end

--- A buffer position (0-based row, byte column) as an LSP position in `encoding`.
---@param bufnr integer
---@param row integer
---@param col integer byte column
---@param encoding string "utf-8" | "utf-16" | "utf-32"
---@return { line: integer, character: integer }
function M.to_lsp_position(bufnr, row, col, encoding)
  if col == 0 or encoding == "utf-8" then
    return { line = row, character = col }
  end
  local line = line_text(bufnr, row)
  if col > #line then
    col = #line
  end
  return { line = row, character = vim.str_utfindex(line, encoding, col, false) }
end

--- An LSP position in `encoding` as a buffer position (0-based row, byte column), clamped to
--- the buffer.
---@param bufnr integer
---@param pos { line: integer, character: integer }
---@param encoding string
---@return integer row, integer col
function M.from_lsp_position(bufnr, pos, encoding)
  local count = vim.api.nvim_buf_line_count(bufnr)
  local row, char = pos.line, pos.character
  if row >= count then
    local last = line_text(bufnr, count - 1)
    return count - 1, #last
  end
  local line = line_text(bufnr, row)
  if char == 0 then
    return row, 0
  end
  if encoding == "utf-8" then
    return row, math.min(char, #line)
  end
  local ok, col = pcall(vim.str_byteindex, line, encoding, char, false)
  if not ok or col == nil then
    col = #line
  end
  return row, math.min(col, #line)
end

--- A buffer range `{ start_row, start_col, end_row, end_col }` (0-based, byte columns, end
--- exclusive) as an LSP range in `encoding`.
---@param bufnr integer
---@param r integer[]
---@param encoding string
function M.to_lsp_range(bufnr, r, encoding)
  return {
    start = M.to_lsp_position(bufnr, r[1], r[2], encoding),
    ["end"] = M.to_lsp_position(bufnr, r[3], r[4], encoding),
  }
end

---@param client vim.lsp.Client|nil
---@return string
function M.encoding(client)
  return (client and client.offset_encoding) or "utf-16"
end

---@param msg string
---@param level integer|nil
function M.notify(msg, level)
  vim.notify("redline: " .. msg, level or vim.log.levels.INFO)
end

return M
