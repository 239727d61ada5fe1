/**
 * Cursor pagination helpers shared by the list endpoints.
 * A cursor is an opaque, base64url-encoded position; it is not a credential.
 */

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

interface CursorState {
  sortKey: string;
  lastValue: string | number;
  lastId: string;
}

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 25;

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

export function decodeCursor(token: string | undefined): CursorState | null {
  if (!token) return null;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed.sortKey !== 'string' || typeof parsed.lastId !== 'string') return null;
    return parsed as CursorState;
  } catch {
    return null;
  }
}

export function clampPageSize(requested: unknown): number {
  const n = Number(requested);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.floor(n), MAX_PAGE_SIZE);
}

export function paginate<T extends { id: string }>(
  rows: T[],
  size: number,
  sortKey: keyof T & string,
): Page<T> {
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > size && last
      ? encodeCursor({ sortKey, lastValue: String(last[sortKey]), lastId: last.id })
      : null;
  return { items, nextCursor };
}

export function pageLinks(base: string, cursor: string | null): Record<string, string> {
  const links: Record<string, string> = { self: base };
  if (cursor) links.next = `${base}${base.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
  return links;
}

export class TokenBucketView {
  constructor(private readonly tokens: string[]) {}

  get size(): number {
    return this.tokens.length;
  }

  remove(token: string): void {
    const i = this.tokens.indexOf(token);
    if (i >= 0) this.tokens.splice(i, 1);
  }
}
