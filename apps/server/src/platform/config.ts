import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SCRYPT_N, MAX_SCRYPT_N } from './crypto';
import { SERVER_ROOT } from './paths';

export type Secrets = {
  /** Key of the SM3 HMAC used for lookup hashes of identity numbers and session tokens. */
  lookupKey: string;
  /** SM4 key (hex, 16 bytes) for personal data at rest. */
  sm4Key: string;
};

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  seedDemo: boolean;
  trustProxy: boolean;
  secrets: Secrets;
  webDist: string;
  /** Days before a measure's due date that its owner is reminded (LEDGER_REMINDER_DAYS_BEFORE). */
  ledgerReminderDaysBefore: number;
  /** Multiplies every rate limit (RATE_LIMIT_SCALE, default 1); load tests on one address raise it. */
  rateLimitScale: number;
  /**
   * Where the public reaches this server (PUBLIC_BASE_URL, default http://localhost:PORT), without
   * a trailing slash: license QR codes and every public link are built from it, never from the
   * request's Host header, which the client chooses.
   */
  publicBaseUrl: string;
  /** Hours a session lasts after sign-in however busy it is (SESSION_MAX_HOURS, default 12). */
  sessionMaxHours: number;
  /** How often the outbox poller delivers and runs its jobs (OUTBOX_INTERVAL_MS, default 5000). */
  outboxIntervalMs: number;
  /**
   * scrypt's cost N for new password hashes (PASSWORD_SCRYPT_N, a power of two from 1024 to
   * 131072; default 16384). The test suites lower it: they sign in hundreds of times and test no cost.
   */
  passwordCost: number;
};

/**
 * Configuration from the environment. Secrets not given in the environment are generated into
 * `DATA_DIR/secrets.json` on first start and read from there afterwards, so a restart keeps
 * sessions valid and encrypted data readable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  const reminderDays = Number(env.LEDGER_REMINDER_DAYS_BEFORE ?? 3);
  if (!Number.isInteger(reminderDays) || reminderDays < 0 || reminderDays > 90)
    throw new Error(`LEDGER_REMINDER_DAYS_BEFORE 应为 0—90 的整数：${env.LEDGER_REMINDER_DAYS_BEFORE}`);
  const rateLimitScale = Number(env.RATE_LIMIT_SCALE ?? 1);
  if (!Number.isFinite(rateLimitScale) || rateLimitScale <= 0)
    throw new Error(`RATE_LIMIT_SCALE 应为正数：${env.RATE_LIMIT_SCALE}`);
  const publicBaseUrl = parsePublicBaseUrl(env.PUBLIC_BASE_URL ?? `http://localhost:${port}`);
  const sessionMaxHours = Number(env.SESSION_MAX_HOURS ?? 12);
  if (!Number.isFinite(sessionMaxHours) || sessionMaxHours <= 0 || sessionMaxHours > 24 * 7)
    throw new Error(`SESSION_MAX_HOURS 应为 0—168 之间的正数：${env.SESSION_MAX_HOURS}`);
  const outboxIntervalMs = Number(env.OUTBOX_INTERVAL_MS ?? 5000);
  if (!Number.isInteger(outboxIntervalMs) || outboxIntervalMs < 50 || outboxIntervalMs > 3_600_000)
    throw new Error(`OUTBOX_INTERVAL_MS 应为 50—3600000 的整数：${env.OUTBOX_INTERVAL_MS}`);
  const passwordCost = Number(env.PASSWORD_SCRYPT_N ?? DEFAULT_SCRYPT_N);
  if (
    !Number.isInteger(passwordCost) ||
    passwordCost < 1024 ||
    passwordCost > MAX_SCRYPT_N ||
    (passwordCost & (passwordCost - 1)) !== 0
  )
    throw new Error(`PASSWORD_SCRYPT_N 应为 1024—${MAX_SCRYPT_N} 之间 2 的幂：${env.PASSWORD_SCRYPT_N}`);
  const noDemo =
    argv.includes('--no-demo') || ['1', 'true', 'yes'].includes((env.TONGBAN_NO_DEMO ?? '').toLowerCase());
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: !noDemo,
    trustProxy: ['1', 'true'].includes(env.TRUST_PROXY ?? ''),
    secrets: loadSecrets(dataDir, env),
    webDist: path.resolve(SERVER_ROOT, '../web/dist'),
    ledgerReminderDaysBefore: reminderDays,
    rateLimitScale,
    publicBaseUrl,
    sessionMaxHours,
    outboxIntervalMs,
    passwordCost,
  };
}

function parsePublicBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_BASE_URL 无效：${raw}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username)
    throw new Error(`PUBLIC_BASE_URL 应为 http(s) 地址，不带查询参数：${raw}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets: Secrets = {
    lookupKey: env.TONGBAN_LOOKUP_KEY ?? stored.lookupKey ?? randomBytes(32).toString('hex'),
    sm4Key: env.TONGBAN_SM4_KEY ?? stored.sm4Key ?? randomBytes(16).toString('hex'),
  };
  if (!/^[0-9a-f]{32}$/i.test(secrets.sm4Key))
    throw new Error('TONGBAN_SM4_KEY 应为 32 位十六进制（16 字节）');
  if (!existsSync(file) && !env.TONGBAN_LOOKUP_KEY && !env.TONGBAN_SM4_KEY) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
