import {
  CamelCasePlugin,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type KyselyPlugin,
  type QueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { CamelCaseResults, SnakeCaseCompiler } from './camel-case';
import type { DB } from './db-types';

const kysely = (compiler: () => QueryCompiler, plugin: KyselyPlugin) =>
  new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: compiler,
    },
    plugins: [plugin],
  });

// Kysely's own plugin is the reference: the compiler-side renaming must write the same SQL.
const reference = kysely(() => new PostgresQueryCompiler(), new CamelCasePlugin());
const ours = kysely(() => new SnakeCaseCompiler(), new CamelCaseResults());

const shapes: [string, (db: Kysely<DB>) => { compile(): { sql: string; parameters: readonly unknown[] } }][] =
  [
    [
      'select with joins, aliases and a row lock',
      (db) =>
        db
          .selectFrom('serviceCase as c')
          .innerJoin('applicant as a', 'a.id', 'c.applicantId')
          .selectAll('c')
          .select(['a.idNumberMasked as applicantIdMasked', 'c.itemVersionId'])
          .where('c.regionCode', '=', '350999')
          .orderBy('c.createdAt', 'desc')
          .forUpdate('c'),
    ],
    [
      'insert with on conflict and returning',
      (db) =>
        db
          .insertInto('calendarRevision')
          .values({ scope: 'national', revision: 1 })
          .onConflict((oc) =>
            oc.column('scope').doUpdateSet((eb) => ({ revision: eb('calendarRevision.revision', '+', 1) })),
          )
          .returning(['revision']),
    ],
    [
      'update and delete',
      (db) =>
        db
          .updateTable('userSession')
          .set({ lastSeenAt: new Date(0) })
          .where('tokenHash', 'in', (eb) =>
            eb.selectFrom('userSession').select('tokenHash').where('userId', '=', 'u1'),
          ),
    ],
    [
      'raw SQL with a reference, aliased',
      (db) => db.selectNoFrom(sql<string>`${sql.ref('c.applicantId')}`.as('applicantRef')),
    ],
  ];

describe('camelCase in code, snake_case in SQL (platform/camel-case.ts)', () => {
  it.each(shapes)('writes the same SQL as CamelCasePlugin: %s', (_name, build) => {
    const a = build(reference).compile();
    const b = build(ours).compile();
    expect(b.sql).toBe(a.sql);
    expect(b.parameters).toEqual(a.parameters);
  });

  it('a raw reference is renamed as the plugin renames it', () => {
    expect(sql`select ${sql.ref('c.applicantId')}`.compile(ours).sql).toBe(
      sql`select ${sql.ref('c.applicantId')}`.compile(reference).sql,
    );
    expect(sql`select ${sql.ref('c.applicantId')}`.compile(ours).sql).toBe('select "c"."applicant_id"');
  });

  it('gives rows back with the same keys, nested objects included, on every call', async () => {
    const result = {
      rows: [
        { case_no: 'X-1', state: { assignee_id: 'u1', steps: [{ signed_by: 'u2' }] }, n: 1 },
        { case_no: 'X-2', state: null, n: 2 },
      ],
    };
    const args = { result, queryId: { queryId: 'q' } };
    const expected = await new CamelCasePlugin().transformResult(args);
    const plugin = new CamelCaseResults();
    expect(await plugin.transformResult(args)).toEqual(expected);
    expect(await plugin.transformResult(args)).toEqual(expected); // from its memory the second time
    expect(expected.rows[0]).toEqual({
      caseNo: 'X-1',
      state: { assigneeId: 'u1', steps: [{ signedBy: 'u2' }] },
      n: 1,
    });
  });
});
