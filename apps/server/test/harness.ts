import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { CSRF_HEADER, SESSION_COOKIE } from '@tongban/contracts';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { DEMO_PASSWORD } from '../src/demo/seed-demo';
import type { AppInstance, Deps } from '../src/platform/app-types';
import { fixedClock } from '../src/platform/clock';
import { openDatabase, type DatabaseHandle } from '../src/platform/db';
import { installStatementCheck } from './statement-check';
import { awaitTemplates, type TemplatePlan, type Templates } from './template-plan';
import { databaseUrl, prepareDatabase, TEMPLATE_NOW, testConfig } from './templates';

export type DbKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it to the local server). */
export function dbKinds(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** The plan global-setup.ts handed over, or null when the harness runs without it. */
function plan(): TemplatePlan | null {
  try {
    return inject('tongbanTemplates') ?? null;
  } catch {
    return null;
  }
}

/**
 * The templates global-setup.ts builds while the files start, once they are ready (null when the
 * harness runs without the global setup).
 */
export async function readyTemplates(): Promise<Templates | null> {
  const p = plan();
  return p && awaitTemplates(p, 'all');
}

/**
 * A template tarball as PGlite's `loadDataDir` takes it. PGlite reads it with `arrayBuffer()` and
 * copies the files out of it. A Node Blob assembles that buffer from streamed chunks, and a fresh
 * 70 MB buffer costs a third of a second on a busy machine, half of opening a copy. This one hands
 * over the bytes read once per worker (files share a worker's modules); PGlite only reads them.
 */
class TarballBlob extends Blob {
  readonly #tar: ArrayBuffer;
  constructor(tar: ArrayBuffer) {
    super([]);
    this.#tar = tar;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#tar);
  }
}
/** Test databases are small: 16 MB of buffers instead of 128 MB to clear at every start. */
const TEST_PGLITE_SETTINGS = { shared_buffers: '16MB' };
const tarballs = new Map<string, ArrayBuffer>();
function tarball(file: string): Blob {
  let tar = tarballs.get(file);
  // Its own ArrayBuffer, exactly the file (a Buffer may be a view into a larger pool).
  if (!tar) tarballs.set(file, (tar = new Uint8Array(readFileSync(file)).buffer));
  return new TarballBlob(tar);
}

/**
 * A PGlite cluster as initdb leaves it, with nothing migrated: a copy of the run's `empty` template
 * when global-setup.ts built one (undefined otherwise: PGlite then runs initdb itself).
 */
export async function emptyPgliteDataDir(): Promise<Blob | undefined> {
  const p = plan();
  return p ? tarball((await awaitTemplates(p, 'empty')).empty) : undefined;
}

/** A new PostgreSQL database, empty or copied from `template` (which has no open connections). */
export async function createPostgresDatabase(
  template: string | undefined,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `tb_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  return {
    url: databaseUrl(adminUrl, name),
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

/**
 * A fresh database (in-memory PGlite, or a new Postgres database), migrated and seeded with the demo
 * (unless `demo: false`). It is a copy of a template built once per run (templates.ts); a test that
 * sets another `now` gets a database seeded at that time instead, as the seed dates cases from it
 * (`template: false` forces that too).
 */
export async function createTestApp(
  kind: DbKind,
  opts: { demo?: boolean; now?: Date; template?: boolean } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-test-'));
  const now = opts.now ?? TEMPLATE_NOW;
  const demo = opts.demo !== false;
  const tpl =
    opts.template !== false && now.getTime() === TEMPLATE_NOW.getTime() ? await readyTemplates() : null;
  const which = demo ? 'demo' : 'bare';
  const pgDb = kind === 'postgres' ? await createPostgresDatabase(tpl?.postgres?.[which]) : undefined;
  const fromTemplate = kind === 'postgres' ? !!tpl?.postgres : !!tpl;
  const handle = await openDatabase({
    url: pgDb?.url,
    loadDataDir: kind === 'pglite' && tpl ? tarball(tpl.pglite[which]) : undefined,
    pgliteSettings: TEST_PGLITE_SETTINGS,
  });
  installStatementCheck(handle.db as never);
  const clock = fixedClock(now);
  const deps: Deps = { db: handle.db, dbKind: handle.kind, clock, config: testConfig(dataDir) };
  if (!fromTemplate) await prepareDatabase(handle, deps, demo);
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

/**
 * Leaves the demo database in `dataDir` as `npm start` would (on-disk PGlite), for tests that run a
 * CLI against it; copied from the template like createTestApp's databases.
 */
export async function createDemoDataDir(dataDir: string): Promise<void> {
  const tpl = await readyTemplates();
  const handle = await openDatabase({
    dataDir,
    loadDataDir: tpl ? tarball(tpl.pglite.demo) : undefined,
  });
  try {
    if (!tpl) {
      const deps: Deps = {
        db: handle.db,
        dbKind: handle.kind,
        clock: fixedClock(TEMPLATE_NOW),
        config: testConfig(dataDir),
      };
      await prepareDatabase(handle, deps, true);
    }
  } finally {
    await handle.close();
  }
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
