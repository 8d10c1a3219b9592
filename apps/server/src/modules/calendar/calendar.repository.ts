import type { Compilable, Insertable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import type { LocalDayTable, NationalDayTable } from '../../platform/db-types';

export const NATIONAL_SCOPE = 'national';

const LOCAL_COLS = ['id', 'regionCode', 'date', 'kind', 'reason', 'createdBy', 'createdAt'] as const;

/**
 * The region and every region above it (parent chain), each with its calendar revision, and the
 * national revision on every row: all a cached calendar is checked against, in one query.
 */
export type RegionChainRow = { code: string; name: string; revision: number; nationalRevision: number };

/** The statement of listRegionChain, for a caller that sends it with others (executeBatch). */
export function regionChainQuery(db: Executor, regionCode: string): Compilable<RegionChainRow> {
  const raw = sql<RegionChainRow>`
    with recursive chain (code, name, parent_code, depth) as (
      select code, name, parent_code, 0 from region where code = ${regionCode}
      union all
      select r.code, r.name, r.parent_code, c.depth + 1 from region r join chain c on r.code = c.parent_code
      where c.depth < 10
    )
    select chain.code, chain.name, coalesce(cr.revision, 0)::int as revision,
      coalesce((select revision from calendar_revision where scope = ${NATIONAL_SCOPE}), 0)::int
        as "nationalRevision"
    from chain left join calendar_revision cr on cr.scope = chain.code
    order by chain.depth`;
  return { compile: () => raw.compile(db) };
}

export async function listRegionChain(db: Executor, regionCode: string): Promise<RegionChainRow[]> {
  return (await db.executeQuery(regionChainQuery(db, regionCode).compile())).rows;
}

export async function findRevision(db: Executor, scope: string): Promise<number> {
  const row = await db
    .selectFrom('calendarRevision')
    .select('revision')
    .where('scope', '=', scope)
    .executeTakeFirst();
  return row?.revision ?? 0;
}

export const bumpRevision = (db: Executor, scope: string) =>
  db
    .insertInto('calendarRevision')
    .values({ scope, revision: 1 })
    .onConflict((oc) =>
      oc.column('scope').doUpdateSet((eb) => ({ revision: eb('calendarRevision.revision', '+', 1) })),
    )
    .execute();

export const listNationalDays = (db: Executor) =>
  db.selectFrom('nationalDay').select(['date', 'kind', 'name']).orderBy('date').execute();

export async function listNationalYears(db: Executor): Promise<number[]> {
  const r = await sql<{
    year: number;
  }>`select distinct extract(year from date)::int as year from national_day order by 1`.execute(db);
  return r.rows.map((x) => x.year);
}

export async function insertNationalDays(
  db: Executor,
  rows: Insertable<NationalDayTable>[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db
      .insertInto('nationalDay')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('date').doNothing())
      .executeTakeFirst();
    inserted += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export const listNationalDaysOfYear = (db: Executor, year: number) =>
  db
    .selectFrom('nationalDay')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();

export const deleteNationalDaysOfYear = (db: Executor, year: number) =>
  db
    .deleteFrom('nationalDay')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .executeTakeFirst();

/** Serialises national loads between processes starting at once. */
export const lockNationalLoad = (db: Executor) => sql`select pg_advisory_xact_lock(7271003)`.execute(db);

export const listLocalDays = (db: Executor, regionCodes: string[]) =>
  regionCodes.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('localDay')
        .select(LOCAL_COLS)
        .where('regionCode', 'in', regionCodes)
        .orderBy('date')
        .execute();

/**
 * A local day by its id alone (DELETE /api/calendar/local-days/:id): the one region-free lookup of
 * the module (ADR 0006, CROSS_REGION in test/statement-check.ts); what follows names its region.
 */
export const findLocalDay = (db: Executor, id: string) =>
  db.selectFrom('localDay').select(LOCAL_COLS).where('id', '=', id).executeTakeFirst();

export const findLocalDayOn = (db: Executor, regionCode: string, date: string) =>
  db
    .selectFrom('localDay')
    .select(LOCAL_COLS)
    .where('regionCode', '=', regionCode)
    .where('date', '=', date)
    .executeTakeFirst();

export const insertLocalDay = (db: Executor, row: Insertable<LocalDayTable>) =>
  db.insertInto('localDay').values(row).returning(LOCAL_COLS).executeTakeFirstOrThrow();

export const deleteLocalDay = (db: Executor, regionCode: string, id: string) =>
  db.deleteFrom('localDay').where('regionCode', '=', regionCode).where('id', '=', id).executeTakeFirst();

export const listRevisions = (db: Executor) =>
  db.selectFrom('calendarRevision').select(['scope', 'revision']).execute();
