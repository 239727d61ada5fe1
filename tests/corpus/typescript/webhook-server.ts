import { createServer, IncomingMessage, ServerResponse } from 'node:https';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

interface Delivery {
  id: string;
  event: string;
  receivedAt: Date;
  body: unknown;
}

const WEBHOOK_SECRET = process.env.GITHUB_WEBHOOK_SECRET ?? '';
const MAX_BODY_BYTES = 512 * 1024;
const recent: Delivery[] = [];

export function verifySignature(payload: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', WEBHOOK_SECRET).update(payload).digest();
  const given = Buffer.from(header.slice(7), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const newNonce = (): string => randomBytes(16).toString('base64url');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('payload too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/hooks/github') {
    res.writeHead(404).end();
    return;
  }
  const body = await readBody(req);
  if (!verifySignature(body, req.headers['x-hub-signature-256'] as string | undefined)) {
    res.writeHead(401).end('bad signature');
    return;
  }
  recent.unshift({
    id: String(req.headers['x-github-delivery']),
    event: String(req.headers['x-github-event']),
    receivedAt: new Date(),
    body: JSON.parse(body.toString('utf8')),
  });
  recent.splice(50);
  res.writeHead(202, { 'x-nonce': newNonce() }).end();
}

const server = createServer(
  {
    key: readFileSync('/etc/hooks/tls/key.pem'),
    cert: readFileSync('/etc/hooks/tls/cert.pem'),
    minVersion: 'TLSv1.2',
    ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256',
  },
  (req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  },
);

server.headersTimeout = 10_000;
server.listen(8443, () => console.log('webhooks on :8443'));

export function lastDeliveries(n = 10): Array<Pick<Delivery, 'id' | 'event'>> {
  return recent.slice(0, n).map(({ id, event }) => ({ id, event }));
}
