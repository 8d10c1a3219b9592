import { randomUUID } from 'node:crypto';
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db';
import type { AppUserTable } from '../../platform/db-types';

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
export const findAccount = (db: Executor, id: string) =>
  db.selectFrom('appUser').select(USER_COLS).where('id', '=', id).executeTakeFirst();
export const findAccountIdByUsername = (db: Executor, username: string) =>
  db.selectFrom('appUser').select('id').where('username', '=', username).executeTakeFirst();
/** Accounts by username (the demo seed acts as its named users). */
export const listAccountsByUsername = (db: Executor, usernames: readonly string[]) =>
  usernames.length === 0
    ? Promise.resolve([])
    : db.selectFrom('appUser').select(USER_COLS).where('username', 'in', usernames).execute();
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
export const updateAccount = (db: Executor, id: string, u: Updateable<AppUserTable>) =>
  db.updateTable('appUser').set(u).where('id', '=', id).returning(USER_COLS).executeTakeFirstOrThrow();
/** A new password: the failed-attempt count and the shown lock start over. */
export const setAccountPassword = (db: Executor, id: string, passwordHash: string) =>
  db
    .updateTable('appUser')
    .set({ passwordHash, failedAttempts: 0, lockedUntil: null })
    .where('id', '=', id)
    .execute();
/** Ends every session of an account (in the caller's transaction). */
export const deleteAccountSessions = (db: Executor, userId: string) =>
  db.deleteFrom('userSession').where('userId', '=', userId).execute();
