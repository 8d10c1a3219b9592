import type { Executor } from '../../platform/db';
import { replayCase } from './cases.policy';
import * as repo from './cases.repository';
import { projection, toCaseEvent } from './cases.service';

/** A case row that is not what its events add up to; only ids and column names (no personal data). */
export type CaseProjectionMismatch = {
  caseId: string;
  caseNo: string;
  /** The service_case columns that differ. */
  fields: string[];
  /** [recorded, replayed] when the status differs. */
  status?: [string, string];
};

const PAGE = 500;

/** JSON as jsonb keeps it: the same value whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/**
 * TRUTH-1: every service_case row is replayCase(its events); a row edited behind the application
 * (status, the other columns the events determine, or the stored state the rules read) disagrees.
 * Walks the cases a page at a time, with each page's events in one query.
 */
export async function checkCaseProjections(
  db: Executor,
): Promise<{ cases: number; mismatches: CaseProjectionMismatch[] }> {
  const mismatches: CaseProjectionMismatch[] = [];
  let cases = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await repo.listCasePage(db, after, PAGE);
    if (rows.length === 0) break;
    const events = await repo.listEventsOfCases(
      db,
      rows.map((r) => ({ regionCode: r.regionCode, id: r.id })),
    );
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const row of rows) {
      const state = replayCase((byCase.get(row.id) ?? []).map(toCaseEvent));
      const expected: Record<string, unknown> = projection(state, new Date(0));
      const recorded = row as unknown as Record<string, unknown>;
      const fields = Object.keys(expected).filter((k) => {
        if (k === 'updatedAt') return false;
        if (k === 'state') return !sameJson(JSON.parse(expected.state as string), row.state);
        return comparable(expected[k]) !== comparable(recorded[k]);
      });
      if (fields.length > 0)
        mismatches.push({
          caseId: row.id,
          caseNo: row.caseNo,
          fields,
          ...(row.status !== state.status ? { status: [row.status, state.status] as [string, string] } : {}),
        });
    }
    cases += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return { cases, mismatches };
}
