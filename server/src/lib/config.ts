import path from 'node:path';
import { z } from 'zod';

/** Repository root (server/dist/lib or server/src/lib → three levels up). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default('sqlite:data/zhanjiahe.sqlite')
    .refine((v) => v.startsWith('sqlite:') || /^mysql:\/\//.test(v) || /^mariadb:\/\//.test(v), {
      message: 'DATABASE_URL must be sqlite:<path> or mysql://user:pass@host:port/db',
    }),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD must be at least 10 characters').optional(),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  WECHAT_MODE: z.enum(['live', 'development']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  H5_DIR: z.string().default('miniprogram/dist/h5'),
  QUICK_EXIT_URL: z.string().default('/neutral.html'),
  STAFF_SESSION_HOURS: z.coerce.number().positive().max(24 * 7).default(12),
  USER_SESSION_DAYS: z.coerce.number().positive().max(365).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10240).default(100),
  ENCRYPTION_KEY: z.string().optional(),
  ENCRYPTION_KEY_FILE: z.string().default('data/encryption.key'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  FILE_STORAGE_DIR: z.string().default('data/uploads'),
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
});

export type DatabaseKind = 'sqlite' | 'mysql';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { kind: DatabaseKind; url: string; sqlitePath?: string };
  adminPassword?: string;
  wechat: { mode: 'live'; appId: string; secret: string } | { mode: 'development' };
  logLevel: string;
  h5Dir: string;
  quickExitUrl: string;
  staffSessionMs: number;
  userSessionMs: number;
  loginMaxFailures: number;
  loginLockMs: number;
  bodyLimitKb: number;
  trustProxy: boolean;
  encryption: { envKey?: string; keyFile: string };
  /** How often the outbox scheduler looks for due notifications; 0 turns it off. */
  schedulerIntervalMs: number;
  /** Abuse guards (per IP or per account, counted in the database). */
  rateLimits: {
    deviceAccounts: { max: number; windowMs: number };
    wechatLogins: { max: number; windowMs: number };
    staffLogins: { max: number; windowMs: number };
    helpRequests: { max: number; windowMs: number };
  };
  /** WeChat subscribe-message template ids by purpose, from WECHAT_TEMPLATE_<PURPOSE>. */
  wechatTemplates: Record<string, string>;
  /** Where uploaded evidence files are kept (sealed), outside the web root. */
  fileStorageDir: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const database = parseDatabaseUrl(e.DATABASE_URL);

  let wechat: Config['wechat'];
  if (e.WECHAT_APPID && e.WECHAT_SECRET && e.WECHAT_MODE !== 'development') {
    wechat = { mode: 'live', appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET };
  } else if (e.WECHAT_MODE === 'live' || Boolean(e.WECHAT_APPID) !== Boolean(e.WECHAT_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  WECHAT_APPID and WECHAT_SECRET must both be set for live WeChat login');
  } else if (e.NODE_ENV === 'production' && e.WECHAT_MODE !== 'development') {
    throw new ConfigError(
      'Invalid configuration:\n  production mode needs WECHAT_APPID and WECHAT_SECRET (or WECHAT_MODE=development to accept any login code on purpose)',
    );
  } else {
    wechat = { mode: 'development' };
  }

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database,
    adminPassword: e.ADMIN_PASSWORD,
    wechat,
    logLevel: e.LOG_LEVEL,
    h5Dir: path.resolve(REPO_ROOT, e.H5_DIR),
    quickExitUrl: e.QUICK_EXIT_URL,
    staffSessionMs: e.STAFF_SESSION_HOURS * 3600_000,
    userSessionMs: e.USER_SESSION_DAYS * 86400_000,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMs: e.LOGIN_LOCK_MINUTES * 60_000,
    bodyLimitKb: e.BODY_LIMIT_KB,
    trustProxy: e.TRUST_PROXY,
    encryption: { envKey: e.ENCRYPTION_KEY, keyFile: path.resolve(REPO_ROOT, e.ENCRYPTION_KEY_FILE) },
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000,
    fileStorageDir: path.resolve(REPO_ROOT, e.FILE_STORAGE_DIR),
    rateLimits: {
      deviceAccounts: { max: 30, windowMs: 3600_000 },
      wechatLogins: { max: 60, windowMs: 60_000 },
      staffLogins: { max: 60, windowMs: 15 * 60_000 },
      helpRequests: { max: 10, windowMs: 3600_000 },
    },
    wechatTemplates: Object.fromEntries(
      Object.entries(env)
        .filter(([k, v]) => /^WECHAT_TEMPLATE_[A-Z_]+$/.test(k) && v)
        .map(([k, v]) => [k.slice('WECHAT_TEMPLATE_'.length).toLowerCase(), String(v)]),
    ),
  };
}

export function parseDatabaseUrl(url: string): Config['database'] {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === ':memory:') return { kind: 'sqlite', url, sqlitePath: ':memory:' };
    return { kind: 'sqlite', url, sqlitePath: path.resolve(REPO_ROOT, file) };
  }
  return { kind: 'mysql', url: url.replace(/^mariadb:/, 'mysql:') };
}

/** A config for tests: development defaults with the given overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  // Test suites create hundreds of accounts from one address; the limits get their own tests.
  const unlimited = { max: 1_000_000, windowMs: 60_000 };
  return { ...base, rateLimits: { deviceAccounts: unlimited, wechatLogins: unlimited, staffLogins: unlimited, helpRequests: unlimited }, ...overrides };
}
