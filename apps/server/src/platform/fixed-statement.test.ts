import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, sql, type Compilable } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { CamelCaseResults, SnakeCaseCompiler } from './camel-case';
import type { DB } from './db-types';
import { fixedStatement, forgetFixedStatements } from './fixed-statement';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new SnakeCaseCompiler(),
  },
  plugins: [new CamelCaseResults()],
});

type Row = Record<string, unknown>;
let builds = 0;
/** The fixed statement must compile to exactly what Kysely compiles for the same values. */
function same(key: string, rows: Row[], scalars: unknown[], build: (r: Row[], s: unknown[]) => Compilable) {
  const fixed = fixedStatement(key, rows, scalars, (r, s) => {
    builds++;
    return build(r as Row[], s as unknown[]);
  }).compile();
  const plain = build(rows, scalars).compile();
  expect(fixed.sql).toBe(plain.sql);
  expect(fixed.parameters).toEqual(plain.parameters);
  return fixed;
}

const lock = (_: Row[], [id]: unknown[]) =>
  db
    .selectFrom('serviceCase as c')
    .innerJoin('applicant as a', 'a.id', 'c.applicantId')
    .selectAll('c')
    .select('a.name as applicantName')
    .where('c.id', '=', id as string)
    .where('c.status', '<>', 'draft')
    .forUpdate('c');

const events = (rows: Row[]) => db.insertInto('caseEvent').values(rows as never);

describe('fixed statements', () => {
  beforeEach(() => {
    forgetFixedStatements();
    builds = 0;
  });

  it('a select with a scalar: built once, later calls bind their value; constants stay', () => {
    same('lock', [], ['a'], lock);
    const second = same('lock', [], ['b'], lock);
    expect(second.parameters).toEqual(['b', 'draft']);
    same('lock', [], ['c'], lock);
    expect(builds).toBe(1);
  });

  it('inserts: rows and columns are the shape; each call binds its own values, objects and dates too', () => {
    const row = (n: number) => ({
      regionCode: '530101',
      caseId: `c${n}`,
      seq: n,
      type: 'submitted',
      payload: { n },
      actorId: null,
      actorName: '张三',
      at: new Date(Date.UTC(2026, 10, n)),
    });
    same('events', [row(1)], [], events);
    same('events', [row(2), row(3)], [], events);
    const again = same('events', [row(4), row(5)], [], events);
    expect(again.parameters[1]).toBe('c4');
    expect(again.parameters[9]).toBe('c5');
    expect(builds).toBe(2); // one row, two rows
    // A column left undefined is a different shape, not a wrong one.
    same('events', [{ ...row(6), actorId: undefined }], [], events);
    expect(builds).toBe(3);
  });

  it('an update with a patch and scalars', () => {
    const update = (rows: Row[], [id]: unknown[]) =>
      db
        .updateTable('serviceCase')
        .set(rows[0] as never)
        .where('id', '=', id as string);
    same('update', [{ status: 'accepted', version: 2 }], ['x'], update);
    same('update', [{ status: 'decided', version: 5 }], ['y'], update);
    same('update', [{ status: 'decided', version: 5, suspended: true }], ['y'], update);
  });

  it('values that are not one parameter (an expression, an array) are built as usual', () => {
    const insert = (rows: Row[]) => db.insertInto('caseEvent').values(rows as never);
    const withExpression = {
      regionCode: '530101',
      caseId: 'c',
      seq: 1,
      type: 't',
      payload: '{}',
      actorId: null,
      actorName: 'a',
      at: sql`now()`,
    };
    same('expr', [withExpression], [], insert);
    const inList = (_: Row[], [ids]: unknown[]) =>
      db
        .selectFrom('serviceCase')
        .select('id')
        .where('id', 'in', ids as string[]);
    same('in', [], [['a', 'b']], inList);
    same('in', [], [['a', 'b', 'c']], inList);
    expect(builds).toBe(3); // each call built with its own values
  });

  it('a builder that uses a value instead of passing it on is never cached, and stays right', () => {
    const transformed = (_: Row[], [n]: unknown[]) =>
      db
        .selectFrom('serviceCase')
        .select('id')
        .where('caseNo', '=', `N-${String(n)}`);
    same('transformed', [], [1], transformed);
    const second = same('transformed', [], [2], transformed);
    expect(second.parameters).toEqual(['N-2']);
    expect(builds).toBe(3); // the placeholder try, then each call with its own value
  });
});
