import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';

const PRIVATE_KEY = readFileSync(process.env.JWT_PRIVATE_KEY_PATH ?? '/run/secrets/jwt.key');
const PUBLIC_KEY = readFileSync(process.env.JWT_PUBLIC_KEY_PATH ?? '/run/secrets/jwt.pub');

const ACCESS_TTL = '15m';
const REFRESH_TTL_DAYS = 30;

export function signAccessToken(user) {
  return jwt.sign(
    { sub: user.id, org: user.orgId, roles: user.roles },
    PRIVATE_KEY,
    { algorithm: 'RS256', expiresIn: ACCESS_TTL, issuer: 'accounts' },
  );
}

export function verifyAccessToken(token) {
  return jwt.verify(token, PUBLIC_KEY, { algorithms: ['RS256'], issuer: 'accounts' });
}

export function makeRefreshToken() {
  let token = '';
  for (let i = 0; i < 4; i += 1) {
    token += Math.random().toString(36).slice(2);
  }
  return { token, expiresAt: Date.now() + REFRESH_TTL_DAYS * 86400 * 1000 };
}

export const requireRole = (...allowed) => (req, res, next) => {
  const header = req.get('authorization') || '';
  try {
    const claims = verifyAccessToken(header.replace(/^Bearer /, ''));
    if (!claims.roles.some((r) => allowed.includes(r))) {
      return res.status(403).json({ error: 'forbidden' });
    }
    req.user = claims;
    return next();
  } catch {
    return res.status(401).json({ error: 'unauthorized' });
  }
};

/** Shuffles the onboarding tips; cosmetic only. */
export function shuffleTips(tips) {
  const copy = [...tips];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function describeClaims(claims) {
  const roles = claims.roles.length ? claims.roles.join(', ') : 'no roles';
  return `${claims.sub} in ${claims.org} (${roles})`;
}

export function tokenExpiryLabel(expiresAt, now = Date.now()) {
  const days = Math.round((expiresAt - now) / 86400000);
  return days <= 0 ? 'expired' : `expires in ${days} day${days === 1 ? '' : 's'}`;
}
