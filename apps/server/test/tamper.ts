import { sql, type Transaction } from 'kysely';
import type { Db } from '../src/platform/db';
import type { DB } from '../src/platform/db-types';

/**
 * Runs `fn` as someone with the database owner's rights who switches triggers off first (they do
 * not fire for a session in replica mode): how an attacker gets past the append-only triggers of
 * audit_log, audit_head, audit_checkpoint and case_event. Tests use it to show that audit:verify
 * catches them anyway (TRUTH-1).
 */
export async function asOwner<T>(db: Db, fn: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    return fn(tx);
  });
}
