import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, dbKinds, signIn, type Client, type Reply, type TestApp } from './harness';
import { MATRIX, type Entry, type Ids } from './access-matrix';
import { countRows, tableRowCounts } from './factories/http';

const USERNAMES: Record<string, string> = {
  admin: 'admin',
  clerk: 'clerk',
  approver: 'approver',
  dept_head: 'depthead',
  supervisor: 'supervisor',
  leader: 'leader',
  inspector: 'inspector',
  applicant: 'applicant',
};

/**
 * No bad input to any route returns 500, and it changes nothing: malformed bodies thrown at every
 * mutating route as the admin (who may call them all); the audit log must not grow.
 */
const GARBAGE: { name: string; body: unknown; raw?: string; contentType?: string }[] = [
  { name: 'invalid JSON', body: undefined, raw: '{"a":', contentType: 'application/json' },
  { name: 'empty body with JSON type', body: undefined, raw: '', contentType: 'application/json' },
  { name: 'array', body: [1, 2, 3] },
  { name: 'string', body: 'hello' },
  { name: 'number', body: 42 },
  { name: 'null', body: null },
  {
    name: 'wrong types',
    body: {
      code: 1,
      name: 2,
      regionCode: true,
      hallId: 3,
      kind: 4,
      password: 5,
      departmentId: {},
      stationedFrom: [],
    },
  },
  {
    name: 'bad ids and dates',
    body: {
      regionCode: '999999',
      hallId: 'not-a-uuid',
      departmentId: 'x',
      stationedFrom: '2026-02-30',
      level: 'city',
      kind: 'vip',
    },
  },
  {
    name: 'huge strings',
    body: {
      name: '长'.repeat(5000),
      code: '3'.repeat(5000),
      username: 'a'.repeat(5000),
      password: 'x'.repeat(5000),
    },
  },
  { name: 'text/plain', body: undefined, raw: 'name=1', contentType: 'text/plain' },
  {
    name: 'prototype pollution',
    body: undefined,
    raw: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    contentType: 'application/json',
  },
];

describe.each(dbKinds())('malformed input never gives 500 and changes nothing (%s)', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'admin');
  });
  afterAll(() => t.close());

  const ids = {
    hallId: '00000000-0000-4000-8000-000000000000',
    departmentId: '',
    windowId: '',
    staffId: '',
    userId: '',
  };

  // Ids of real rows, for paths that name one (read once: every route's test uses them).
  let real: typeof ids;
  beforeAll(async () => {
    const db = t.deps.db;
    real = {
      hallId: (await db.selectFrom('hall').select('id').executeTakeFirstOrThrow()).id,
      departmentId: (await db.selectFrom('department').select('id').executeTakeFirstOrThrow()).id,
      windowId: (await db.selectFrom('hallWindow').select('id').executeTakeFirstOrThrow()).id,
      staffId: (await db.selectFrom('staff').select('id').executeTakeFirstOrThrow()).id,
      userId: (
        await db.selectFrom('appUser').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow()
      ).id,
    };
  });

  for (const entry of MATRIX.filter((e) => e.method !== 'GET')) {
    it(`${entry.method} ${entry.url}`, async () => {
      const countAudit = () => countRows(t.deps.db, 'audit_log');
      for (const useReal of [true, false]) {
        const { path } = entry.make(
          useReal
            ? real
            : {
                ...ids,
                departmentId: ids.hallId,
                windowId: ids.hallId,
                staffId: ids.hallId,
                userId: ids.hallId,
              },
          0,
        );
        // Every change is audited: the log's length before and after the route's garbage.
        const before = await countAudit();
        for (const g of GARBAGE) {
          const headers: Record<string, string> = g.contentType ? { 'content-type': g.contentType } : {};
          const r = await admin.request(entry.method, path, g.raw ?? g.body, headers);
          expect(r.status, `${g.name} → ${path}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
          expect(r.status, `${g.name} → ${path}`).toBeLessThan(500);
          expect(typeof r.body?.message, `${g.name}: a readable message`).toBe('string');
        }
        expect(await countAudit(), `garbage to ${path} changed something`).toBe(before);
      }
      // A path parameter that is not an id at all.
      const bad = entry.make(
        { hallId: 'x', departmentId: 'x', windowId: 'x', staffId: 'x', userId: 'x' },
        0,
      ).path;
      if (bad.includes('/x')) {
        const r = await admin.request(entry.method, bad, {});
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
      }
    });
  }
});

// ── Generated walk (issue 12, point 6) ──────────────────────────────────────
// Every route the app serves, from the route list the harness collects: a NUL byte (which
// PostgreSQL refuses in text, 22021) in every string body field, query parameter and path
// parameter; for multipart routes (from the OpenAPI document) a body with no boundary, a truncated
// body and a wrong boundary. Every answer is a 4xx with a readable message, and no row of any table
// was added or removed.

const NUL = '\u0000';

/** Every path to a string inside a JSON value. */
function stringLeaves(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof v === 'string') return [at];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringLeaves(x, [...at, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringLeaves(x, [...at, k]));
  return [];
}
function withNul(v: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  o[last] = `${String(o[last])}${NUL}`;
  return copy;
}

type OpenApiOp = {
  summary?: string;
  parameters?: { in: string; name: string; schema?: { type?: string } }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, { type?: string }> } }> };
};

describe.each(dbKinds())(
  'every route: NUL bytes and broken multipart give 4xx and write nothing (%s)',
  (kind) => {
    let t: TestApp;
    const clients = new Map<string, Client>();
    let ids: Ids;
    let doc: { paths: Record<string, Record<string, OpenApiOp>> };
    beforeAll(async () => {
      t = await createTestApp(kind);
      for (const [role, username] of Object.entries(USERNAMES))
        clients.set(role, await signIn(t.app, username));
      const db = t.deps.db;
      ids = {
        hallId: (
          await db.selectFrom('hall').select('id').where('level', '=', 'county').executeTakeFirstOrThrow()
        ).id,
        departmentId: (await db.selectFrom('department').select('id').executeTakeFirstOrThrow()).id,
        windowId: (await db.selectFrom('hallWindow').select('id').executeTakeFirstOrThrow()).id,
        staffId: (await db.selectFrom('staff').select('id').executeTakeFirstOrThrow()).id,
        userId: (
          await db
            .selectFrom('appUser')
            .select('id')
            .where('username', '=', 'approver2')
            .executeTakeFirstOrThrow()
        ).id,
      };
      doc = t.app.swagger() as unknown as typeof doc;
    });
    afterAll(() => t.close());

    const rowCounts = () => tableRowCounts(t.deps.db, { prepared: kind === 'pglite' });

    /** The route's entry in the access matrix (the auth routes and /files are not in it). */
    function entryFor(method: string, url: string): Pick<Entry, 'make' | 'allowed'> | undefined {
      const e = MATRIX.find((x) => x.method === method && x.url === url);
      if (e) return e;
      if (url === '/api/auth/login')
        return {
          allowed: 'public',
          make: () => ({ path: url, body: { username: 'clerk', password: 'Wrong-1' } }),
        };
      if (url === '/api/auth/password')
        return {
          allowed: ['leader'],
          make: () => ({ path: url, body: { currentPassword: 'Wrong-1', newPassword: 'Another#Pass-2027' } }),
        };
      if (url === '/api/auth/logout') return { allowed: 'public', make: () => ({ path: url }) };
      if (url === '/files/:sha256')
        return { allowed: ['supervisor'], make: () => ({ path: `/files/${'a'.repeat(64)}` }) };
      return undefined;
    }

    /** Requests for one route: each carries a NUL in exactly one string it sends. */
    function nulRequests(method: string, url: string, path: string, body: unknown) {
      const out: { what: string; path: string; body?: unknown }[] = [];
      const [pathname, query = ''] = path.split('?') as [string, string?];
      // Path parameters: the concrete segment where the route has `:name`.
      const tpl = url.split('/');
      const segs = pathname.split('/');
      tpl.forEach((s, i) => {
        if (!s.startsWith(':')) return;
        const copy = [...segs];
        copy[i] = `${copy[i]}%00`;
        out.push({ what: `path ${s}`, path: copy.join('/') + (query ? `?${query}` : ''), body });
      });
      // Query parameters: those the matrix sends, and every string one the OpenAPI document declares.
      const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      const params = new URLSearchParams(query);
      const names = new Set([
        ...params.keys(),
        ...(op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      ]);
      for (const name of names) {
        const q = new URLSearchParams(params);
        q.set(name, `${params.get(name) ?? 'x'}${NUL}`);
        out.push({ what: `query ${name}`, path: `${pathname}?${q.toString()}`, body });
      }
      // Body fields: every string the matrix sends, and every string property the document declares.
      if (body !== undefined && body !== null && typeof body === 'object') {
        for (const leaf of stringLeaves(body))
          out.push({ what: `body ${leaf.join('.')}`, path, body: withNul(body, leaf) });
        const props = op?.requestBody?.content?.['application/json']?.schema?.properties ?? {};
        for (const [name, s] of Object.entries(props)) {
          if (s.type === 'string' && !(name in (body as object)))
            out.push({ what: `body ${name}`, path, body: { ...(body as object), [name]: `x${NUL}` } });
        }
      }
      return out;
    }

    const BOUNDARY = 'TongbanBoundary7MA4YWxk';
    const part = (b: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="materialName"\r\n\r\n营业执照\r\n` +
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n` +
      '\x89PNG\r\n\x1a\n0000';
    const BROKEN_MULTIPART = [
      {
        what: 'no boundary',
        contentType: 'multipart/form-data',
        payload: `${part(BOUNDARY)}\r\n--${BOUNDARY}--\r\n`,
      },
      {
        what: 'truncated',
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        payload: part(BOUNDARY),
      },
      {
        what: 'wrong boundary',
        contentType: `multipart/form-data; boundary=${BOUNDARY}`,
        payload: `${part('SomethingElse')}\r\n--SomethingElse--\r\n`,
      },
    ];

    // The walk is cut into parts, each with its own time budget, so a slow machine cannot time out
    // the whole walk at once; the totals are checked after the last part.
    const PARTS = 4;
    let sent = 0;
    let multipartRoutes = 0;
    let walked = 0;
    const apiRoutes = () =>
      t.routes.filter(
        (r) =>
          r.method !== 'HEAD' &&
          r.method !== 'OPTIONS' &&
          !r.url.startsWith('/api/docs') &&
          r.url !== '*' &&
          // The built web app's files (present once `npm run build:web` ran) take no input.
          (r.url.startsWith('/api/') || r.url.startsWith('/files/') || r.url.startsWith('/open311/')),
      );
    it.each(Array.from({ length: PARTS }, (_, k) => k))(
      'walks every route the app serves, part %i of 4 (NUL in every string; broken multipart)',
      { timeout: 240_000 },
      async (part) => {
        const routes = apiRoutes().filter((_, i) => i % PARTS === part);
        const failures: string[] = [];
        for (const r of routes) {
          walked++;
          const entry = entryFor(r.method, r.url);
          if (!entry) {
            failures.push(`${r.method} ${r.url}: not in the access matrix`);
            continue;
          }
          const { path, body } = entry.make(ids, 0);
          // The first role that may call the route, so the input gets as far as it can.
          const who = entry.allowed === 'public' ? undefined : clients.get(entry.allowed[0]!);
          const send = (p: string, b?: unknown, headers?: Record<string, string>) =>
            who ? who.request(r.method, p, b, headers) : call(t.app, r.method, p, b, headers);
          const before = await rowCounts();
          const replies: { what: string; reply: Reply }[] = [];
          for (const x of nulRequests(r.method, r.url, path, body))
            replies.push({ what: x.what, reply: await send(x.path, x.body) });
          const summary =
            doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()]?.summary ?? '';
          if (summary.includes('multipart')) {
            multipartRoutes++;
            for (const m of BROKEN_MULTIPART)
              replies.push({
                what: m.what,
                reply: await send(path, m.payload, { 'content-type': m.contentType }),
              });
          }
          for (const { what, reply } of replies) {
            sent++;
            if (reply.status < 400 || reply.status >= 500 || typeof reply.body?.message !== 'string')
              failures.push(`${r.method} ${r.url} (${what}): ${reply.status} ${JSON.stringify(reply.body)}`);
          }
          const after = await rowCounts();
          for (const [table, n] of Object.entries(after))
            if (before[table] !== n) failures.push(`${r.method} ${r.url}: ${table} ${before[table]} → ${n}`);
        }
        expect(failures).toEqual([]);
      },
    );

    it('walked every route, with enough requests and every multipart route', () => {
      expect(walked).toBe(apiRoutes().length);
      expect(walked).toBeGreaterThan(100);
      expect(sent).toBeGreaterThan(300);
      // Staff photo, catalog import, ledger .xlsx/.docx import, evidence, online materials.
      expect(multipartRoutes).toBeGreaterThanOrEqual(6);
    });
  },
);
