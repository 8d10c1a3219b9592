import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CSRF_HEADER, SESSION_COOKIE } from '@tongban/contracts';
import { buildApp } from '../src/app';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed-demo';
import type { AppInstance, Deps } from '../src/platform/app-types';
import { fixedClock } from '../src/platform/clock';
import { loadConfig } from '../src/platform/config';
import { openDatabase, type DatabaseHandle } from '../src/platform/db';
import { migrate } from '../src/platform/migrate';

export type DbKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it to the local server). */
export function dbKinds(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `tb_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type TestApp = {
  app: AppInstance;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  handle: DatabaseHandle;
  routes: { method: string; url: string }[];
  close(): Promise<void>;
};

/** A fresh database (in-memory PGlite, or a new Postgres database), migrated and seeded with the demo. */
export async function createTestApp(
  kind: DbKind,
  opts: { demo?: boolean; now?: Date } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-test-'));
  const pgDb = kind === 'postgres' ? await createPostgresDatabase() : undefined;
  const handle = await openDatabase({ url: pgDb?.url });
  await migrate(handle.db);
  await (await import('../src/modules/calendar')).loadNationalDays(handle.db);
  const clock = fixedClock(opts.now ?? new Date('2026-11-20T02:00:00Z'));
  const config = loadConfig(
    { DATA_DIR: dataDir, TONGBAN_LOOKUP_KEY: 'a'.repeat(64), TONGBAN_SM4_KEY: 'b'.repeat(32) },
    [],
  );
  const deps: Deps = { db: handle.db, dbKind: handle.kind, clock, config };
  if (opts.demo !== false) await seedDemo(deps);
  const routes: { method: string; url: string }[] = [];
  const app = await buildApp(deps, { onRoute: (r) => routes.push(r) });
  await app.ready();
  return {
    app,
    deps,
    clock,
    handle,
    routes,
    close: async () => {
      await app.close();
      await handle.close();
      await pgDb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Replies are checked field by field in tests; `any` keeps those checks short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Reply = { status: number; body: any; headers: Record<string, unknown> };

/** A signed-in client: keeps the session cookie and sends the CSRF token on mutating requests. */
export type Client = {
  csrfToken: string;
  user: { id: string; role: string; regionCode: string; departmentId: string | null };
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
};

export async function call(
  app: AppInstance,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const res = await app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  let parsed: unknown = res.body;
  try {
    parsed = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body: parsed, headers: res.headers };
}

let signIns = 1;

export async function signIn(app: AppInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  // Each test sign-in comes from its own address: the per-address sign-in limit (SEC-2) is for
  // strangers, and the tests that check it send their requests themselves.
  const remoteAddress = `10.${(signIns >> 16) & 255}.${(signIns >> 8) & 255}.${signIns++ & 255}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const info = res.json() as { csrfToken: string; user: Client['user'] };
  return {
    csrfToken: info.csrfToken,
    user: info.user,
    request: (method, url, body, headers = {}) =>
      call(app, method, url, body, {
        cookie: `${SESSION_COOKIE}=${cookie}`,
        [CSRF_HEADER]: info.csrfToken,
        ...headers,
      }),
  };
}

export { DEMO_PASSWORD };
