import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db';
import type { DB } from '../../platform/db-types';
import { regionLine } from './auth.policy';

/** The accounts of the regions that can work with `code`'s county (auth.policy.ts regionLine). */
function inLine(eb: ExpressionBuilder<DB, 'appUser'>, code: string) {
  const line = regionLine(code);
  return line.above.length
    ? eb.or([eb('regionCode', 'like', line.like), eb('regionCode', 'in', line.above)])
    : eb('regionCode', 'like', line.like);
}

/**
 * Where an account lives, by its name or its id alone (ADR 0006): account_name is coordinator-local
 * and keyed by both, so this is the one region-free look-up before the account's own shard is read.
 */
export function findAccountName(db: Executor, by: { username: string } | { userId: string }) {
  const q = db.selectFrom('accountName').select(['regionCode', 'userId']);
  return (
    'username' in by ? q.where('username', '=', by.username) : q.where('userId', '=', by.userId)
  ).executeTakeFirst();
}

/** Sign-in arrives with the name alone: its region from account_name, then the account in it. */
export async function findUserByUsername(db: Executor, username: string) {
  const name = await findAccountName(db, { username });
  return name ? findUserById(db, name.regionCode, name.userId) : undefined;
}

export function findUserById(db: Executor, regionCode: string, id: string) {
  return db
    .selectFrom('appUser')
    .selectAll()
    .where('regionCode', '=', regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Shows admins the latest lock of an account (from any address); the locks themselves are throttle rows. */
export async function markUserLocked(db: Executor, u: { regionCode: string; id: string }, lockedUntil: Date) {
  await db
    .updateTable('appUser')
    .set({ lockedUntil })
    .where('regionCode', '=', u.regionCode)
    .where('id', '=', u.id)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', lockedUntil)]))
    .execute();
}

export function findThrottle(db: Executor, accountKey: string, clientIp: string) {
  return db
    .selectFrom('loginThrottle')
    .select(['failedAttempts', 'lockedUntil'])
    .where('accountKey', '=', accountKey)
    .where('clientIp', '=', clientIp)
    .executeTakeFirst();
}

/**
 * The (account, address) row, locked until the caller's transaction ends (issue 12 point 2): every
 * failure and every success of that pair reads and writes it one after another, so N parallel
 * failures count N and a success cannot slip past a lock a concurrent failure has just set.
 * `create` inserts an empty row first (an existing one is left alone) so there is a row to lock.
 */
export async function lockThrottle(
  tx: Executor,
  accountKey: string,
  clientIp: string,
  now: Date,
  create: boolean,
) {
  if (create)
    await tx
      .insertInto('loginThrottle')
      .values({ accountKey, clientIp, failedAttempts: 0, lockedUntil: null, lastFailedAt: now })
      .onConflict((oc) => oc.columns(['accountKey', 'clientIp']).doNothing())
      .execute();
  return tx
    .selectFrom('loginThrottle')
    .select(['failedAttempts', 'lockedUntil'])
    .where('accountKey', '=', accountKey)
    .where('clientIp', '=', clientIp)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateThrottle(
  tx: Executor,
  accountKey: string,
  clientIp: string,
  s: { failedAttempts: number; lockedUntil: Date | null; lastFailedAt: Date },
) {
  await tx
    .updateTable('loginThrottle')
    .set(s)
    .where('accountKey', '=', accountKey)
    .where('clientIp', '=', clientIp)
    .execute();
}

export async function deleteThrottle(tx: Executor, accountKey: string, clientIp: string) {
  await tx
    .deleteFrom('loginThrottle')
    .where('accountKey', '=', accountKey)
    .where('clientIp', '=', clientIp)
    .execute();
}

/** Deletes every throttle row of an account; returns how many of them held a lock at `now`. */
export async function deleteAccountThrottles(tx: Executor, accountKey: string, now: Date): Promise<number> {
  const rows = await tx
    .deleteFrom('loginThrottle')
    .where('accountKey', '=', accountKey)
    .returning('lockedUntil')
    .execute();
  return rows.filter((r) => r.lockedUntil && new Date(r.lockedUntil).getTime() > now.getTime()).length;
}

/** Forgets rows without a failure since `before` whose lock (if any) has run out. */
export async function deleteStaleThrottles(db: Executor, before: Date, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('loginThrottle')
    .where('lastFailedAt', '<', before)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function updatePasswordHash(
  db: Executor,
  u: { regionCode: string; id: string },
  passwordHash: string,
) {
  await db
    .updateTable('appUser')
    .set({ passwordHash, lockedUntil: null })
    .where('regionCode', '=', u.regionCode)
    .where('id', '=', u.id)
    .execute();
}

export async function insertSession(
  db: Executor,
  s: {
    tokenHash: string;
    userId: string;
    regionCode: string;
    csrfToken: string;
    clientIp: string;
    createdAt: Date;
    lastSeenAt: Date;
  },
) {
  await db.insertInto('userSession').values(s).execute();
}

/**
 * A session and its account. The session is coordinator-local (keyed by the cookie's hash) and
 * keeps the account's region, so the account is then read on its region's shard (ADR 0006): two
 * statements on a cache miss of the session check (auth.service.ts readSession), where one join
 * of a local and a distributed table would reach every shard.
 */
export async function findSessionWithUser(db: Executor, tokenHash: string) {
  const s = await db
    .selectFrom('userSession')
    .select(['tokenHash', 'csrfToken', 'lastSeenAt', 'createdAt', 'userId', 'regionCode'])
    .where('tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!s) return undefined;
  const u = await db
    .selectFrom('appUser')
    .select(['username', 'displayName', 'role', 'regionCode', 'departmentId', 'disabled'])
    .where('regionCode', '=', s.regionCode)
    .where('id', '=', s.userId)
    .executeTakeFirst();
  if (!u) return undefined;
  return {
    tokenHash: s.tokenHash,
    csrfToken: s.csrfToken,
    lastSeenAt: s.lastSeenAt,
    createdAt: s.createdAt,
    userId: s.userId,
    ...u,
  };
}

export async function touchSession(db: Executor, tokenHash: string, at: Date) {
  await db.updateTable('userSession').set({ lastSeenAt: at }).where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom('userSession').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteUserSessions(db: Executor, userId: string) {
  await db.deleteFrom('userSession').where('userId', '=', userId).execute();
}

/** Active users of a role in one region (and department), for messages and to-dos. */
export const listActiveUserIds = (
  db: Executor,
  f: { regionCode: string; role: string; departmentId?: string | null },
) => activeUserIdsQuery(db, f).execute();

/** listActiveUserIds as a statement another module sends in its own round trip (executeBatch). */
export const activeUserIdsQuery = (
  db: Executor,
  f: { regionCode: string; role: string; departmentId?: string | null },
) => {
  let q = db
    .selectFrom('appUser')
    .select('id')
    .where('regionCode', '=', f.regionCode)
    .where('role', '=', f.role as never)
    .where('disabled', '=', false);
  if (f.departmentId) q = q.where('departmentId', '=', f.departmentId);
  return q;
};

/** The account of a staff member by department and name, with its latest sign-in (evaluations). */
export const findStaffAccount = (
  db: Executor,
  f: { regionCode: string; departmentId: string; displayName: string },
) => staffAccountQuery(db, f).executeTakeFirst();

/** findStaffAccount as a statement another module sends in its own round trip (executeBatch). */
export const staffAccountQuery = (
  db: Executor,
  f: { regionCode: string; departmentId: string; displayName: string },
) =>
  db
    .selectFrom('appUser as u')
    .leftJoin('userSession as s', 's.userId', 'u.id')
    .select((eb) => ['u.id', eb.fn.max('s.createdAt').as('lastSignInAt')])
    .where('u.regionCode', '=', f.regionCode)
    .where('u.departmentId', '=', f.departmentId)
    .where('u.displayName', '=', f.displayName)
    .groupBy('u.id');

/**
 * One account as another module shows it (cases: 转办 to a colleague of the case's department),
 * among the accounts of the regions that can work the case's region (regionLine).
 */
export function findUserCard(db: Executor, id: string, caseRegion: string) {
  return db
    .selectFrom('appUser')
    .select(['id', 'role', 'departmentId', 'regionCode', 'disabled', 'displayName'])
    .where((eb) => inLine(eb, caseRegion))
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Who may work a department's cases in the back office (转办 candidates), as findUserCard. */
export function listDepartmentReviewers(db: Executor, departmentId: string, caseRegion: string) {
  return db
    .selectFrom('appUser')
    .select(['id', 'displayName', 'role'])
    .where((eb) => inLine(eb, caseRegion))
    .where('departmentId', '=', departmentId)
    .where('role', 'in', ['approver', 'dept_head'])
    .where('disabled', '=', false)
    .orderBy('role')
    .orderBy('displayName')
    .execute();
}
