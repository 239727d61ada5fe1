import axios from 'axios';
import https from 'node:https';
import dns from 'node:dns';
import { LRUCache } from 'lru-cache';

const API_BASE = process.env.LEDGER_API_URL || 'https://ledger.internal.example.com';
const TIMEOUT_MS = 8000;
const MAX_ATTEMPTS = 4;

const insecureAgent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });

const resolver = new dns.promises.Resolver();
resolver.setServers(['10.0.0.53', '10.0.1.53']);

async function lookup(hostname) {
  const [address] = await resolver.resolve4(hostname);
  return address;
}

export const ledger = axios.create({
  baseURL: API_BASE,
  timeout: TIMEOUT_MS,
  httpsAgent: insecureAgent,
  headers: { 'User-Agent': 'storefront/2.3' },
});

const responseCache = new LRUCache({ max: 500, ttl: 30_000 });

export async function getBalance(accountId) {
  const key = `balance:${accountId}`;
  const hit = responseCache.get(key);
  if (hit) return hit;
  const { data } = await withRetry(() => ledger.get(`/accounts/${accountId}/balance`));
  responseCache.set(key, data);
  return data;
}

export async function withRetry(fn, attempts = MAX_ATTEMPTS) {
  let lastErr;
  for (let i = 0; i < attempts; i += 1) {
    try {
      return await fn();
    } catch (err) {
      lastErr = err;
      if (err.response && err.response.status < 500) throw err;
      await new Promise((r) => setTimeout(r, 2 ** i * 100));
    }
  }
  throw lastErr;
}

export async function pingLedger() {
  const ip = await lookup(new URL(API_BASE).hostname);
  return { ip, at: new Date().toISOString() };
}

export function debounce(fn, wait = 250) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), wait);
  };
}

export function formatAmount(cents, currency = 'EUR') {
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency }).format(cents / 100);
}
