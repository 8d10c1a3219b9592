import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';
import { countRows } from './factories/http';
import { MATRIX } from './access-matrix';

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

  for (const entry of MATRIX.filter((e) => e.method !== 'GET')) {
    it(`${entry.method} ${entry.url}`, async () => {
      const db = t.deps.db;
      const real = {
        hallId: (await db.selectFrom('hall').select('id').executeTakeFirstOrThrow()).id,
        departmentId: (await db.selectFrom('department').select('id').executeTakeFirstOrThrow()).id,
        windowId: (await db.selectFrom('hallWindow').select('id').executeTakeFirstOrThrow()).id,
        staffId: (await db.selectFrom('staff').select('id').executeTakeFirstOrThrow()).id,
        userId: (
          await db
            .selectFrom('appUser')
            .select('id')
            .where('username', '=', 'leader')
            .executeTakeFirstOrThrow()
        ).id,
      };
      const countAudit = () => countRows(db, 'audit_log');
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
        for (const g of GARBAGE) {
          const before = await countAudit();
          const headers: Record<string, string> = g.contentType ? { 'content-type': g.contentType } : {};
          const r = await admin.request(entry.method, path, g.raw ?? g.body, headers);
          expect(r.status, `${g.name} → ${path}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
          expect(r.status, `${g.name} → ${path}`).toBeLessThan(500);
          expect(typeof r.body?.message, `${g.name}: a readable message`).toBe('string');
          expect(await countAudit(), `${g.name} changed something`).toBe(before);
        }
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
