/**
 * Minimal Markdown-to-HTML renderer for product descriptions.
 * Supports headings, emphasis, inline code, links and lists.
 */
import { createHash } from 'node:crypto';

const TOKEN_PATTERNS = [
  { type: 'heading', re: /^(#{1,3})\s+(.*)$/ },
  { type: 'item', re: /^[-*]\s+(.*)$/ },
  { type: 'blank', re: /^\s*$/ },
];

export function tokenize(source) {
  return source.split('\n').map((line) => {
    for (const { type, re } of TOKEN_PATTERNS) {
      const m = line.match(re);
      if (m) return { type, match: m };
    }
    return { type: 'text', match: [line, line] };
  });
}

const escapeHtml = (s) => s
  .replace(/&/g, '&amp;')
  .replace(/</g, '&lt;')
  .replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;');

function inline(text) {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*]+)\*/g, '<em>$1</em>')
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '<a href="$2" rel="noopener">$1</a>');
}

export function render(source) {
  const out = [];
  let inList = false;
  for (const tok of tokenize(source)) {
    if (tok.type !== 'item' && inList) {
      out.push('</ul>');
      inList = false;
    }
    switch (tok.type) {
      case 'heading': {
        const level = tok.match[1].length + 1;
        out.push(`<h${level}>${inline(tok.match[2])}</h${level}>`);
        break;
      }
      case 'item':
        if (!inList) {
          out.push('<ul>');
          inList = true;
        }
        out.push(`<li>${inline(tok.match[1])}</li>`);
        break;
      case 'blank':
        break;
      default:
        out.push(`<p>${inline(tok.match[1])}</p>`);
    }
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

/** A weak ETag for the rendered HTML, so CDNs can revalidate cheaply. */
export function etag(html) {
  return `W/"${createHash('md5').update(html).digest('hex')}"`;
}

const renderCache = new Map();

export function renderCached(id, source) {
  const key = `${id}:${source.length}`;
  if (!renderCache.has(key)) renderCache.set(key, render(source));
  return renderCache.get(key);
}

export function invalidate(id) {
  for (const key of renderCache.keys()) {
    if (key.startsWith(`${id}:`)) renderCache.delete(key);
  }
}
