import type { TradingKind } from '@tongban/contracts';
import type { Insertable, Updateable } from 'kysely';
import { sql, type Executor } from '../../platform/db';
import { normalizeCompany } from './trading.policy';
import type {
  TradingBidderTable,
  TradingDrawTable,
  TradingExpertRelationTable,
  TradingExpertTable,
  TradingPanelMemberTable,
  TradingProjectEntryTable,
  TradingProjectTable,
} from '../../platform/db-types';

// ── projects ──

export const insertProject = (db: Executor, v: Insertable<TradingProjectTable>) =>
  db.insertInto('tradingProject').values(v).returningAll().executeTakeFirstOrThrow();

export const findProject = (db: Executor, regionCode: string, id: string, lock = false) => {
  const q = db
    .selectFrom('tradingProject')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

export const findProjectByNo = (db: Executor, projectNo: string) =>
  db.selectFrom('tradingProject').selectAll().where('projectNo', '=', projectNo).executeTakeFirst();

export const updateProject = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<TradingProjectTable>,
) =>
  db.updateTable('tradingProject').set(v).where('regionCode', '=', regionCode).where('id', '=', id).execute();

export const countProjectsOfDay = (db: Executor, regionCode: string, prefix: string) =>
  db
    .selectFrom('tradingProject')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('regionCode', '=', regionCode)
    .where('projectNo', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();

export function listProjects(
  db: Executor,
  like: string,
  f: { status?: string | undefined; kind?: TradingKind | undefined },
  limit: number,
  offset: number,
) {
  let q = db.selectFrom('tradingProject').where('regionCode', 'like', like);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  return Promise.all([
    q.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export const insertEntry = (db: Executor, v: Insertable<TradingProjectEntryTable>) =>
  db.insertInto('tradingProjectEntry').values(v).execute();

export const listEntries = (db: Executor, regionCode: string, projectId: string) =>
  db
    .selectFrom('tradingProjectEntry')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('projectId', '=', projectId)
    .orderBy('createdAt')
    .orderBy('version')
    .execute();

export const latestVersion = (db: Executor, regionCode: string, projectId: string, title: string) =>
  db
    .selectFrom('tradingProjectEntry')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('regionCode', '=', regionCode)
    .where('projectId', '=', projectId)
    .where('kind', '=', 'document')
    .where('title', '=', title)
    .executeTakeFirst();

// ── bidders ──

export const insertBidder = (db: Executor, v: Insertable<TradingBidderTable>) =>
  db.insertInto('tradingBidder').values(v).returningAll().executeTakeFirstOrThrow();

export const listBidders = (db: Executor, regionCode: string, projectId: string) =>
  db
    .selectFrom('tradingBidder')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('projectId', '=', projectId)
    .orderBy('bidAt')
    .execute();

export const updateBidder = (
  db: Executor,
  regionCode: string,
  id: string,
  v: Updateable<TradingBidderTable>,
) =>
  db.updateTable('tradingBidder').set(v).where('regionCode', '=', regionCode).where('id', '=', id).execute();

// ── experts ──

/** An expert, with the normalized employer the draw's conflict lookup uses. */
export const insertExpert = (db: Executor, v: Omit<Insertable<TradingExpertTable>, 'employerKey'>) =>
  db
    .insertInto('tradingExpert')
    .values({ ...v, employerKey: normalizeCompany(v.employer) })
    .returning('id')
    .executeTakeFirstOrThrow();

export const insertRelations = (
  db: Executor,
  rows: Omit<Insertable<TradingExpertRelationTable>, 'companyKey'>[],
) =>
  rows.length
    ? db
        .insertInto('tradingExpertRelation')
        .values(rows.map((r) => ({ ...r, companyKey: normalizeCompany(r.companyName) })))
        .execute()
    : Promise.resolve([]);

export function listExperts(db: Executor, regionCode: string, limit: number, offset: number) {
  return Promise.all([
    db
      .selectFrom('tradingExpert as e')
      .selectAll('e')
      .select((eb) =>
        eb
          .selectFrom('tradingPanelMember as m')
          .whereRef('m.regionCode', '=', 'e.regionCode')
          .whereRef('m.expertId', '=', 'e.id')
          .where('m.isReserve', '=', false)
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('panels'),
      )
      .where('e.regionCode', '=', regionCode)
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('tradingExpert')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('regionCode', '=', regionCode)
      .executeTakeFirstOrThrow(),
  ]);
}

export const listRelationsOf = (db: Executor, regionCode: string, expertIds: string[]) =>
  expertIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('tradingExpertRelation')
        .select(['expertId', 'kind', 'companyName'])
        .where('regionCode', '=', regionCode)
        .where('expertId', 'in', expertIds)
        .execute();

const specialtyArray = (specialties: string[]) =>
  sql`string_to_array(${specialties.join('\u0001')}, ${'\u0001'})`;

/**
 * The draw's pool: the available experts of each requested specialty, as one comma-joined id list
 * per specialty (two rows for two specialties, however large the pool).
 */
export const listCandidateIds = (db: Executor, regionCode: string, specialties: string[]) =>
  sql<{ specialty: string; ids: string }>`
    select s.specialty, string_agg(e.id::text, ',') as ids
    from trading_expert e
    cross join lateral unnest(e.specialties) as s(specialty)
    where e.region_code = ${regionCode} and e.available
      and e.specialties && ${specialtyArray(specialties)}
      and s.specialty = any(${specialtyArray(specialties)})
    group by s.specialty`
    .execute(db)
    .then((r) => r.rows);

/**
 * BID-1: the available experts of the specialties whose employer, or a company they declared a
 * relationship with, has one of the given normalized names (the tenderer's and the bidders'),
 * with their relationships; found by the stored keys' indexes.
 */
export const listConflictCandidates = (
  db: Executor,
  regionCode: string,
  specialties: string[],
  keys: string[],
) =>
  db
    .selectFrom('tradingExpert as e')
    .select(['e.id', 'e.name', 'e.employer'])
    .select(
      sql<
        { kind: 'employment' | 'ownership' | 'kin'; companyName: string }[] | null
      >`(select json_agg(json_build_object('kind', r.kind, 'companyName', r.company_name)) from trading_expert_relation r where r.region_code = e.region_code and r.expert_id = e.id)`.as(
        'relations',
      ),
    )
    .where('e.regionCode', '=', regionCode)
    .where('e.available', '=', true)
    .where(sql<boolean>`e.specialties && ${specialtyArray(specialties)}`)
    .where((eb) =>
      eb.or([
        eb('e.employerKey', 'in', keys),
        eb.exists(
          eb
            .selectFrom('tradingExpertRelation as r')
            .select(sql`1`.as('one'))
            .whereRef('r.regionCode', '=', 'e.regionCode')
            .whereRef('r.expertId', '=', 'e.id')
            .where('r.companyKey', 'in', keys),
        ),
      ]),
    )
    .execute();

/**
 * Cool-down: the pairs, each with at least one of the given experts, who sat together (not as
 * reserves) at least `min` times since the date; each pair once, smaller id first. One index probe
 * per expert instead of every pair of the region's year.
 */
export const listRecentPairsOf = (
  db: Executor,
  regionCode: string,
  expertIds: string[],
  since: Date,
  min: number,
) =>
  expertIds.length === 0
    ? Promise.resolve([] as { a: string; b: string; n: number }[])
    : sql<{ a: string; b: string; n: number }>`
    select least(m1.expert_id, m2.expert_id)::text as a, greatest(m1.expert_id, m2.expert_id)::text as b,
           count(distinct m1.draw_id)::int as n
    from trading_panel_member m1
    join trading_panel_member m2 on m2.region_code = m1.region_code and m2.draw_id = m1.draw_id and m2.expert_id <> m1.expert_id
    join trading_draw d on d.region_code = m1.region_code and d.id = m1.draw_id
    where m1.region_code = ${regionCode}
      and m1.expert_id = any(string_to_array(${expertIds.join(',')}, ',')::uuid[])
      and d.drawn_at >= ${since}
      and not m1.is_reserve and not m2.is_reserve
    group by 1, 2
    having count(distinct m1.draw_id) >= ${min}`
        .execute(db)
        .then((r) => r.rows);

export const addRating = (db: Executor, regionCode: string, expertId: string, rating: number) =>
  db
    .updateTable('tradingExpert')
    .set((eb) => ({ ratingSum: eb('ratingSum', '+', rating), ratingCount: eb('ratingCount', '+', 1) }))
    .where('regionCode', '=', regionCode)
    .where('id', '=', expertId)
    .execute();

// ── draws ──

export const insertDraw = (db: Executor, v: Insertable<TradingDrawTable>) =>
  db.insertInto('tradingDraw').values(v).returningAll().executeTakeFirstOrThrow();

export const findDraw = (db: Executor, regionCode: string, id: string, lock = false) => {
  const q = db
    .selectFrom('tradingDraw')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
};

export const findDrawOfProject = (db: Executor, regionCode: string, projectId: string) =>
  db
    .selectFrom('tradingDraw')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('projectId', '=', projectId)
    .executeTakeFirst();

export const updateDraw = (db: Executor, regionCode: string, id: string, v: Updateable<TradingDrawTable>) =>
  db.updateTable('tradingDraw').set(v).where('regionCode', '=', regionCode).where('id', '=', id).execute();

export const insertMembers = (db: Executor, rows: Insertable<TradingPanelMemberTable>[]) =>
  rows.length ? db.insertInto('tradingPanelMember').values(rows).execute() : Promise.resolve([]);

export const listMembers = (db: Executor, regionCode: string, drawId: string) =>
  db
    .selectFrom('tradingPanelMember as m')
    .innerJoin('tradingExpert as e', (j) =>
      j.onRef('e.regionCode', '=', 'm.regionCode').onRef('e.id', '=', 'm.expertId'),
    )
    .select([
      'm.expertId',
      'm.position',
      'm.specialty',
      'm.isReserve',
      'm.rating',
      'm.recused',
      'm.substituteFor',
      'e.name',
      'e.employer',
    ])
    .where('m.regionCode', '=', regionCode)
    .where('m.drawId', '=', drawId)
    .orderBy('m.position')
    .execute();

export const setMemberRating = (
  db: Executor,
  regionCode: string,
  drawId: string,
  expertId: string,
  rating: number,
) =>
  db
    .updateTable('tradingPanelMember')
    .set({ rating })
    .where('regionCode', '=', regionCode)
    .where('drawId', '=', drawId)
    .where('expertId', '=', expertId)
    .where('rating', 'is', null)
    .returning('expertId')
    .executeTakeFirst();

// Deposits, rooms, declarations and complaints: one more file; use cases import both from here.
export * from './trading-deposits.repository';
