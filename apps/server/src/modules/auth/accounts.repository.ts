import { randomUUID } from 'node:crypto';
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db';
import type { AppUserTable } from '../../platform/db-types';
import { findAccountName } from './auth.repository';

/** Accounts as the org module administers them (users screen): never the password hash. */
const USER_COLS = [
  'id',
  'username',
  'displayName',
  'role',
  'regionCode',
  'departmentId',
  'disabled',
  'lockedUntil',
] as const;

export const listAccounts = (db: Executor, like: string) =>
  db.selectFrom('appUser').select(USER_COLS).where('regionCode', 'like', like).orderBy('username').execute();
/**
 * An account by its id alone (the users screen's routes): its region from account_name, the
 * coordinator-local look-up by id (ADR 0006), then the account in its region.
 */
export async function findAccount(db: Executor, id: string) {
  const name = await findAccountName(db, { userId: id });
  if (!name) return undefined;
  return db
    .selectFrom('appUser')
    .select(USER_COLS)
    .where('regionCode', '=', name.regionCode)
    .where('id', '=', id)
    .executeTakeFirst();
}
/** Whether a name is held, in any region (account_name holds every account's name). */
export const findAccountIdByUsername = async (db: Executor, username: string) => {
  const name = await findAccountName(db, { username });
  return name && { id: name.userId };
};
/** Accounts by username (the demo seed acts as its named users): their regions first, as findAccount. */
export async function listAccountsByUsername(db: Executor, usernames: readonly string[]) {
  if (usernames.length === 0) return [];
  const names = await db
    .selectFrom('accountName')
    .select(['regionCode', 'userId'])
    .where('username', 'in', usernames)
    .execute();
  if (names.length === 0) return [];
  return db
    .selectFrom('appUser')
    .select(USER_COLS)
    .where('regionCode', 'in', [...new Set(names.map((n) => n.regionCode))])
    .where(
      'id',
      'in',
      names.map((n) => n.userId),
    )
    .execute();
}
/**
 * Claims the name across every region (account_name: sign-in finds an account by its name alone,
 * ADR 0006), then creates the account; null when another account holds the name. Call it in the
 * caller's transaction, so a refused claim leaves nothing.
 */
export async function insertAccount(db: Executor, u: Insertable<AppUserTable>) {
  const id = u.id ?? randomUUID();
  const claimed = await db
    .insertInto('accountName')
    .values({ username: u.username, regionCode: u.regionCode, userId: id })
    .onConflict((oc) => oc.doNothing())
    .returning('username')
    .executeTakeFirst();
  if (!claimed) return null;
  return db
    .insertInto('appUser')
    .values({ ...u, id })
    .returning(USER_COLS)
    .executeTakeFirstOrThrow();
}
type AccountKey = { regionCode: string; id: string };
/**
 * Changes an account in its region; a new region is written to account_name too (in the caller's
 * transaction), so look-ups by name or id find it there.
 */
export async function updateAccount(db: Executor, at: AccountKey, u: Updateable<AppUserTable>) {
  if (u.regionCode !== undefined && u.regionCode !== at.regionCode)
    await db
      .updateTable('accountName')
      .set({ regionCode: u.regionCode })
      .where('userId', '=', at.id)
      .execute();
  return db
    .updateTable('appUser')
    .set(u)
    .where('regionCode', '=', at.regionCode)
    .where('id', '=', at.id)
    .returning(USER_COLS)
    .executeTakeFirstOrThrow();
}
/** A new password: the failed-attempt count and the shown lock start over. */
export const setAccountPassword = (db: Executor, at: AccountKey, passwordHash: string) =>
  db
    .updateTable('appUser')
    .set({ passwordHash, failedAttempts: 0, lockedUntil: null })
    .where('regionCode', '=', at.regionCode)
    .where('id', '=', at.id)
    .execute();
/** Ends every session of an account (in the caller's transaction). */
export const deleteAccountSessions = (db: Executor, userId: string) =>
  db.deleteFrom('userSession').where('userId', '=', userId).execute();
