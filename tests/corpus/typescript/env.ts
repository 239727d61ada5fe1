import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url(),
  REDIS_URL: z.string().url().default('redis://localhost:6379'),
  JWT_SECRET: z.string().min(32),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  MAX_UPLOAD_MB: z.coerce.number().int().positive().default(25),
  FEATURE_NEW_CHECKOUT: bool.default('false'),
  FEATURE_GIFT_CARDS: bool.default('false'),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n  ${problems.join('\n  ')}`);
  }
  cached = parsed.data;
  return cached;
}

/** What is safe to print at start-up. */
export function describeEnv(env: Env): Record<string, string | number | boolean> {
  return {
    NODE_ENV: env.NODE_ENV,
    PORT: env.PORT,
    HOST: env.HOST,
    DATABASE_URL: redactUrl(env.DATABASE_URL),
    FEATURE_NEW_CHECKOUT: env.FEATURE_NEW_CHECKOUT,
    FEATURE_GIFT_CARDS: env.FEATURE_GIFT_CARDS,
  };
}

export function redactUrl(raw: string): string {
  const url = new URL(raw);
  if (url.password) url.password = '***';
  return url.toString();
}

export const DEV_DEFAULTS: Partial<Record<keyof Env, string>> = {
  DATABASE_URL: 'postgres://app:app_dev_password@localhost:5432/app',
  JWT_SECRET: 'dev-secret-dev-secret-dev-secret-0001',
};

export function resetEnvCacheForTests(): void {
  cached = undefined;
}
