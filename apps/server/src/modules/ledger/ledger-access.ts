import { regionCovers, regionPrefix, type InspectionInput, type MeasureInput } from '@tongban/contracts';
import { assertAccess, type Actor } from '../../platform/access';
import type { Deps } from '../../platform/app-types';
import type { Executor } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { type FilePolicy } from '../../platform/files';
import { shanghaiToday } from '../../platform/time';
import { LedgerError } from './ledger.errors';
import * as repo from './ledger.repository';
import { findUserBrief } from '../auth';
import { findDepartmentBrief } from '../org';

export const EVIDENCE_POLICY: FilePolicy = {
  maxBytes: 20 * 1024 * 1024,
  mediaTypes: ['application/pdf', 'image/png', 'image/jpeg'],
};

export const today = (deps: Deps) => shanghaiToday(deps.clock.now());

export function assertIn(actor: Actor, action: Parameters<typeof assertAccess>[1], regionCode: string) {
  assertAccess(actor, action);
  if (actor.role !== 'system' && !regionCovers(actor.regionCode, regionCode))
    throw new LedgerError('LEDGER_OUT_OF_REGION');
}

/** A ledger row never changes region: once seen, its region is known before it is read. */
const regionOf = new Map<string, string>();
function rememberRegion(id: string, regionCode: string) {
  if (regionOf.size >= 50_000) regionOf.clear();
  regionOf.set(id, regionCode);
}

/**
 * Reads a ledger row that arrives with its id alone (ADR 0006): in `guess` first (where the row was
 * seen, else the region given: the actor's, or the parent row's); on a miss its region is found by
 * the id (one region-free lookup, repo.regionOfRow) and it is read there. Undefined when there is
 * no such row; the caller checks the actor's scope on what it found, as before.
 */
export async function locate<T extends { regionCode: string }>(
  db: Executor,
  table: 'ledgerInspection' | 'ledgerFinding' | 'ledgerMeasure',
  id: string,
  guess: string | undefined,
  read: (regionCode: string) => Promise<T | undefined>,
): Promise<T | undefined> {
  const first = regionOf.get(id) ?? guess;
  let found = first === undefined ? undefined : await read(first);
  if (!found) {
    const actual = await repo.regionOfRow(db, table, id);
    if (actual && actual !== first) found = await read(actual);
  }
  if (found) rememberRegion(id, found.regionCode);
  return found;
}

export const locateInspection = (db: Executor, id: string, guess: string | undefined) =>
  locate(db, 'ledgerInspection', id, guess, (r) => repo.findInspection(db, r, id));
export const locateFinding = (db: Executor, id: string, guess: string | undefined) =>
  locate(db, 'ledgerFinding', id, guess, (r) => repo.findFinding(db, r, id));
export const locateMeasure = (db: Executor, id: string, guess: string | undefined) =>
  locate(db, 'ledgerMeasure', id, guess, (r) => repo.findMeasure(db, r, id));

export async function getInspection(
  db: Executor,
  actor: Actor,
  id: string,
  action: 'ledger.read' | 'ledger.write',
) {
  assertAccess(actor, action);
  const i = await locateInspection(db, id, actor.regionCode);
  if (!i) throw notFound('巡察', id);
  assertIn(actor, action, i.regionCode);
  return i;
}

export async function getFinding(
  db: Executor,
  actor: Actor,
  id: string,
  action: Parameters<typeof assertAccess>[1],
) {
  assertAccess(actor, action);
  const f = await locateFinding(db, id, actor.regionCode);
  if (!f) throw notFound('问题', id);
  assertIn(actor, action, f.regionCode);
  return f;
}

export async function getMeasure(
  db: Executor,
  actor: Actor,
  id: string,
  action: Parameters<typeof assertAccess>[1],
) {
  assertAccess(actor, action);
  const m = await locateMeasure(db, id, actor.regionCode);
  if (!m) throw notFound('整改措施', id);
  assertIn(actor, action, m.regionCode);
  return m;
}

/** Department and owner must exist in the record's region. */
export async function checkRefs(
  db: Executor,
  regionCode: string,
  refs: { departmentId?: string | null | undefined; ownerUserId?: string | null | undefined },
) {
  if (refs.departmentId) {
    const d = await findDepartmentBrief(db, refs.departmentId);
    if (!d || !regionCovers(regionCode.slice(0, 6), d.regionCode))
      throw new LedgerError('LEDGER_BAD_REFERENCE', '责任部门不存在或不在本辖区');
  }
  if (refs.ownerUserId) {
    const u = await findUserBrief(db, refs.ownerUserId, `${regionPrefix(regionCode.slice(0, 6))}%`);
    if (!u || !regionCovers(regionCode.slice(0, 6), u.regionCode))
      throw new LedgerError('LEDGER_BAD_REFERENCE', '责任人不存在或不在本辖区');
  }
}

/** A finding named with an inspection's record must be one of that inspection's (so of its region). */
export async function checkFindingInInspection(
  db: Executor,
  inspection: { regionCode: string; id: string },
  findingId: string | null | undefined,
) {
  if (!findingId) return;
  const f = await repo.findFinding(db, inspection.regionCode, findingId);
  if (!f || f.inspectionId !== inspection.id)
    throw new LedgerError('LEDGER_BAD_REFERENCE', '关联的问题不属于该巡察');
}

export function inspectionValues(input: Partial<InspectionInput>) {
  const v: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(input)) if (val !== undefined) v[k] = val;
  return v;
}

export function measureValues(regionCode: string, findingId: string, sortOrder: number, m: MeasureInput) {
  return {
    regionCode,
    findingId,
    sortOrder,
    content: m.content,
    leader: m.leader ?? '',
    departmentId: m.departmentId ?? null,
    ownerUserId: m.ownerUserId ?? null,
    dueDate: m.dueDate ?? null,
    kind: m.kind,
    recurPeriod: m.kind === 'ongoing' ? (m.recurPeriod ?? null) : null,
  };
}
